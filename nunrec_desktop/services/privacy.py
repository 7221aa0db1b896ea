"""The caller-data guard (protocol P6, P13): finds caller personal data in the coach's free text.

It looks for Dutch phone numbers in their common spellings, postcodes with a house number (also when the
house number comes first or in other words), street addresses with a house number, e-mail addresses, BSNs
(valid 11-proef only), IBANs (a valid mod-97, or the shape of an IBAN with a wrong check digit: a mistyped
IBAN is still the caller's), dates that look like a date of birth, and names after a form of address
(meneer, mevrouw, dhr., mevr., mw., de heer). The municipality's own numbers and e-mail domains (settings
`privacy.own_numbers` and `privacy.own_domains`) are not findings.

The form marks findings while the coach types and offers to mask them. What may be kept, and as what (a
colleague's name, a street as a place ...), is decided in `services.keeping` by the kind found here; a phone
number, BSN, IBAN, date of birth or e-mail address is always masked. `nunrec pii-scan` runs the same code for
the privacy officer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

KIND_PHONE = "telefoonnummer"
KIND_POSTCODE = "postcode_huisnummer"
KIND_EMAIL = "e-mailadres"
KIND_BSN = "bsn"
KIND_IBAN = "iban"
KIND_BIRTH_DATE = "geboortedatum"
KIND_NAME = "naam"

MASKS = {
    KIND_PHONE: "[telefoonnummer]",
    KIND_POSTCODE: "[adres]",
    KIND_EMAIL: "[e-mailadres]",
    KIND_BSN: "[bsn]",
    KIND_IBAN: "[rekeningnummer]",
    KIND_BIRTH_DATE: "[geboortedatum]",
    KIND_NAME: "[naam]",
}

DEFAULT_OWN_NUMBERS = "+31341259911"
DEFAULT_OWN_DOMAINS = "nunspeet.nl"


MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}(?![\w-])")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
_DUTCH_IBAN = re.compile(r"NL\d{2}[A-Z]{4}\d{10}", re.IGNORECASE)
IBAN_LENGTHS = {
    "NL": 18, "BE": 16, "DE": 22, "FR": 27, "LU": 20, "GB": 22, "ES": 24, "IT": 27, "PT": 25,
    "AT": 20, "CH": 21, "PL": 28, "TR": 26, "MA": 28, "IE": 22, "DK": 18, "SE": 24, "NO": 15,
}  # fmt: skip
_STREET_SUFFIXES = (
    "straatweg|straat|weg|laan|plein|dreef|singel|gracht|kade|hof|pad|steeg|dijk|park|erf|baan|allee|markt|"
    "veld|plantsoen|boulevard|kamp|hoeve|wal|gaarde|akker|weide|brink|horst|hout|zoom|haven|passage"
)
_NOT_STREETS = {"onderweg", "halfweg", "midweg", "uitweg", "omweg", "hof", "park", "markt", "pad", "erf", "veld"}
_HOUSE = r"\d{1,5}(?:[ ]?[a-zA-Z](?!\w))?(?:-\d{1,3})?(?![\d:.,/]\d|\d|%)"  # 4, 12a, 118 A, 7-2
_STREET_PREFIXES = (
    r"[Bb]urgemeester|[Dd]okter|[Dd]r\.|[Pp]rins|[Pp]rinses|[Kk]oning|[Kk]oningin|[Gg]raaf|[Ss]int|[Ss]t\.|"
    r"[Pp]astoor|[Dd]ominee|[Gg]eneraal|[Oo]ude|[Nn]ieuwe|[Kk]orte|[Ll]ange|[Hh]oge|[Gg]rote|[Kk]leine|"
    r"[A-Z]\.(?:[A-Z]\.)*|[Vv]an|[Dd]e|der|den|ter|ten|het|[A-Z][a-z]+(?=[ ](?:van|de|der|den|ter|ten)[ ])"
)
_NOT_A_COUNT = r"(?![ ]+(?:keer|maal|x|minuten|minuut|seconden|uur|dagen|weken|maanden|jaar|euro|procent)\b)"
_STREET = re.compile(
    r"(?<![\w-])((?:(?:" + _STREET_PREFIXES + r")[ ]){0,3}"  # "Burgemeester van "
    r"[A-Z][\w'\u00C0-\u017F-]*?(?:" + _STREET_SUFFIXES + r"))"
    r"[ ]+(?:nr\.?[ ]?|nummer[ ])?"
    + _HOUSE
    + _NOT_A_COUNT
    + r"(?:,?[ ]+[1-9]\d{3}[ ]?[A-Z]{2}(?![\w-]))?"  # ", 8071 CH"
    r"(?:,?[ ]+[A-Z][a-z\u00E0-\u00FF]{2,}(?![\w-]))?"  # " Nunspeet"
)
_POSTCODE_ONLY = re.compile(r"(?<![\w-])[1-9]\d{3}[ ]?[A-Z]{2}(?<!SA)(?<!SD)(?<!SS)(?![\w-])")
_HOUSE_WORDS = re.compile(r"(?:huisnummer|huisnr\.?|nummer|nr\.?)[ :]*" + _HOUSE, re.IGNORECASE)
_POSTCODE_HINT = re.compile(r"postcode[ :]*$", re.IGNORECASE)
_TOWN_AFTER = re.compile(r"[ ,]+[A-Z][a-z\u00E0-\u00FF]{2,}(?![\w-])")
_NEAR = 40  # characters between a postcode and a house number given in other words
_POSTCODE = re.compile(
    r"\b[1-9]\d{3}(?:[ ]?[A-Z]{2}|[a-z]{2})(?<!SA)(?<!SD)(?<!SS)"  # 1234 AB, 1234AB, 1234ab (not SA/SD/SS)
    r"[ ,]*(?:nr\.?|nummer)?[ ]?\d{1,5}"  # the house number
    r"(?:[ ]?[a-zA-Z](?![a-zA-Z]))?(?:[- ]\d{1,3}(?!\d))?\b"  # 12a, 7-2
)
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d \-.()/]{7,18}\d(?![\d])")
_DATE_NUMERIC = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
_DATE_WORDS = re.compile(
    r"\b(\d{1,2})[ ](" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?[ ](\d{4})\b", re.IGNORECASE
)
_BIRTH_HINT = re.compile(r"(geboren|geb\.|geboortedatum|verjaardag|leeftijd)\W*(?:op\W*)?$", re.IGNORECASE)
_PARTICLES = r"(?:(?:van|de|der|den|het|ter|ten|te|el|al|la|le|du|da|von|op|in 't|'t)[ ]+)*"
_NAME = re.compile(
    r"\b(?:[Mm]eneer|[Mm]evrouw|[Dd]hr\.?|[Mm]evr\.?|[Mm]w\.?|[Dd]e heer)[ ]+"
    + _PARTICLES
    + r"[A-Z][\w'\u00C0-\u017F-]+(?:[ ](?:"
    + _PARTICLES
    + r")?[A-Z][\w'\u00C0-\u017F-]+)?"
)
_BSN = re.compile(r"(?<![\d-])\d{3}[ .]?\d{3}[ .]?\d{3}(?![\d-])|(?<![\d-])\d{4}[ .]?\d{2}[ .]?\d{3}(?![\d-])")


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str


def valid_bsn(digits: str) -> bool:
    """The Dutch 11-proef: 9 digits, weights 9..2 and -1, sum divisible by 11, not all zeros."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def valid_iban(text: str) -> bool:
    compact = text.replace(" ", "").upper()
    if not (15 <= len(compact) <= 34) or not compact[:2].isalpha() or not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def _dutch_phone(candidate: str) -> bool:
    digits = "".join(ch for ch in candidate if ch.isdigit())
    stripped = candidate.strip()
    if stripped.startswith("+") or stripped.startswith("00"):
        digits = digits[2:] if stripped.startswith("00") else digits
        if not digits.startswith("31"):
            return 10 <= len(digits) <= 13  # a foreign number in international form is caller data too
        rest = digits[2:]
        if rest.startswith("0"):  # +31 (0)6 ...
            rest = rest[1:]
        return len(rest) == 9 and rest[0] != "0"
    return len(digits) == 10 and digits[0] == "0" and digits[1] != "0"


def _looks_like_date(candidate: str) -> bool:
    return bool(re.fullmatch(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}", candidate.strip()))


def phone_key(number: str) -> str:
    """A number's digits in international form without the plus: 0341 25 99 11, +31 (0)341-259911 -> 31341259911."""
    stripped = number.strip()
    digits = "".join(ch for ch in stripped if ch.isdigit())
    if stripped.startswith("+"):
        pass
    elif digits.startswith("00"):
        digits = digits[2:]
    elif digits.startswith("0"):
        return "31" + digits[1:]
    if digits.startswith("310"):  # +31 (0)6 ...
        digits = "31" + digits[3:]
    return digits


def iban_shaped(text: str) -> bool:
    """A valid IBAN, or one with the exact shape of its country's IBAN whose check digits are wrong."""
    compact = text.replace(" ", "").upper()
    if valid_iban(compact):
        return True
    if compact.startswith("NL"):
        return bool(_DUTCH_IBAN.fullmatch(compact))
    expected = IBAN_LENGTHS.get(compact[:2])
    return expected is not None and len(compact) == expected and any(ch.isdigit() for ch in compact[4:])


def split_setting(value: str) -> tuple[str, ...]:
    """ "a, b;c" -> ("a", "b", "c"): how the list settings `privacy.own_numbers`/`own_domains` are written."""
    return tuple(part.strip() for part in re.split(r"[,;]", value) if part.strip())


Add = Callable[[str, int, int], None]


class CallerDataGuard:
    """Finds caller data in text. `today` decides which dates are old enough to be a date of birth;
    `own_numbers` (any spelling) and `own_domains` are the municipality's own and are never findings."""

    def __init__(self, today: date, own_numbers: Iterable[str] = (), own_domains: Iterable[str] = ()) -> None:
        self._today = today
        self._own_numbers = frozenset(phone_key(n) for n in own_numbers if phone_key(n))
        self._own_domains = tuple(d.strip().lower().lstrip("@.") for d in own_domains if d.strip())

    def _own_domain(self, address: str) -> bool:
        domain = address.rsplit("@", 1)[-1].lower()
        return any(domain == own or domain.endswith("." + own) for own in self._own_domains)

    def scan(self, text: str) -> list[Finding]:
        found: list[Finding] = []

        def add(kind: str, start: int, end: int) -> None:
            if any(f.start < end and start < f.end for f in found):
                return  # the first, more specific detector already claimed this text
            found.append(Finding(kind, start, end, text[start:end]))

        for match in _EMAIL.finditer(text):
            if not self._own_domain(match.group()):
                add(KIND_EMAIL, match.start(), match.end())
        for match in _IBAN.finditer(text):
            candidate = match.group()
            while not iban_shaped(candidate) and " " in candidate:  # "NL91 ... 00 genoemd": drop the word
                candidate = candidate.rsplit(" ", 1)[0]
            if iban_shaped(candidate):
                add(KIND_IBAN, match.start(), match.start() + len(candidate))
        for match in _POSTCODE.finditer(text):
            add(KIND_POSTCODE, match.start(), match.end())
        self._addresses(text, add)
        for match in _NAME.finditer(text):
            add(KIND_NAME, match.start(), match.end())
        self._dates(text, add)
        for match in _BSN.finditer(text):
            digits = re.sub(r"\D", "", match.group())
            if valid_bsn(digits):
                add(KIND_BSN, match.start(), match.end())
        for match in _PHONE.finditer(text):
            candidate = match.group().rstrip(" -./(")
            if _looks_like_date(candidate) or not _dutch_phone(candidate):
                continue
            if phone_key(candidate.lstrip("(")) in self._own_numbers:
                continue
            start = match.start() + (1 if candidate.startswith("(") and ")" not in candidate else 0)
            add(KIND_PHONE, start, match.start() + len(candidate))
        return sorted(found, key=lambda f: f.start)

    def _addresses(self, text: str, add: Add) -> None:
        """A street with a house number (and its postcode and town), and a postcode with the house number
        given in other words nearby ("huisnummer 23 bij postcode 8071 RV"), or a postcode named as such."""
        for match in _STREET.finditer(text):
            street = match.group(1).split(" ")[-1].lower()
            if street not in _NOT_STREETS:
                add(KIND_POSTCODE, match.start(), match.end())
        for match in _POSTCODE_ONLY.finditer(text):
            start, end = match.start(), match.end()
            before = text[max(0, start - _NEAR) : start]
            after = text[end : end + _NEAR]
            numbers_before = list(_HOUSE_WORDS.finditer(before))
            number_after = _HOUSE_WORDS.search(after)
            town = _TOWN_AFTER.match(text, end)
            if numbers_before:
                start = max(0, start - _NEAR) + numbers_before[-1].start()
            elif number_after:
                end += number_after.end()
            elif town:
                end = town.end()
            elif not _POSTCODE_HINT.search(before):
                continue
            add(KIND_POSTCODE, start, end)

    def _dates(self, text: str, add: Add) -> None:
        for match in _DATE_NUMERIC.finditer(text):
            if match.group(4):
                year, month, day = int(match.group(4)), int(match.group(5)), int(match.group(6))
            else:
                day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
                if year < 100:
                    year += 1900 if year > self._today.year % 100 else 2000
            if self._birth_like(text, match.start(), day, month, year):
                add(KIND_BIRTH_DATE, match.start(), match.end())
        for match in _DATE_WORDS.finditer(text):
            day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
            if self._birth_like(text, match.start(), day, month, year):
                add(KIND_BIRTH_DATE, match.start(), match.end())

    def _birth_like(self, text: str, start: int, day: int, month: int, year: int) -> bool:
        try:
            moment = date(year, month, day)
        except ValueError:
            return False
        if moment > self._today:
            return False
        hinted = bool(_BIRTH_HINT.search(text[max(0, start - 30) : start]))
        return hinted or moment.year <= self._today.year - 12


def mask(text: str, findings: list[Finding]) -> str:
    """Replace each finding with a neutral placeholder such as [telefoonnummer]."""
    out, position = [], 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < position:
            continue
        out.append(text[position : finding.start])
        out.append(MASKS[finding.kind])
        position = finding.end
    out.append(text[position:])
    return "".join(out)
