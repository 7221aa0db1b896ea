"""The caller-data guard (protocol P6, P13): finds caller personal data in the coach's free text.

It looks for Dutch phone numbers in their common spellings, postcodes with a house number (also when the
house number comes first or in other words), street addresses with a house number, e-mail addresses, BSNs
(valid 11-proef only), IBANs (a valid mod-97, or the shape of an IBAN with a wrong check digit: a mistyped
IBAN is still the caller's), dates that look like a date of birth, and names after a form of address
(meneer, mevrouw, dhr., mevr., mw., de heer). The municipality's own numbers and e-mail domains (settings
`privacy.own_numbers` and `privacy.own_domains`) are not findings.

The text is normalised before the scan (`normalise`: Unicode NFKC, so fullwidth digits are digits; invisible
characters dropped; doubled and spaced separators between digits made one), and findings point back into
the original text. Dates of birth are also found in Dutch number and month words ("geboren op twaalf maart
negentienzeventig") and as eight digits right after a birth word ("geboren 03021985"); e-mail addresses
also when spelled out ("jan punt jansen apenstaartje example punt com", "jan (at) example (dot) com"); a
nine-digit number right after "BSN", "burgerservicenummer" or "sofinummer" is a BSN whatever its check digit.

The form marks findings while the coach types and offers to mask them. What may be kept, and as what (a
colleague's name, a street as a place ...), is decided in `services.keeping` by the kind found here; a phone
number, BSN, IBAN, date of birth or e-mail address is always masked. `nunrec pii-scan` runs the same code for
the privacy officer.
"""

from __future__ import annotations

import re
import unicodedata
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
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
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
# Not when more groups of digits follow or precede: "06.12.34.56.78" is a phone number, not a date.
_DATE_NUMERIC = re.compile(
    r"(?<!\d[-/.])\b(?:(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})|(\d{4})-(\d{2})-(\d{2}))\b(?![-/.]\d)"
)
_BIRTH_HINT = re.compile(
    r"(geboren|geb\.?|geboortedatum|geboortedag|verjaardag|jarig|leeftijd)\W*(?:(?:op|is|was|de)\W*)*$", re.IGNORECASE
)
_PARTICLES = r"(?:(?:van|de|der|den|het|ter|ten|te|el|al|la|le|du|da|von|op|in 't|'t)[ ]+)*"
_NAME = re.compile(
    r"\b(?:[Mm]eneer|[Mm]evrouw|[Dd]hr\.?|[Mm]evr\.?|[Mm]w\.?|[Dd]e heer)[ ]+"
    + _PARTICLES
    + r"[A-Z][\w'\u00C0-\u017F-]+(?:[ ](?:"
    + _PARTICLES
    + r")?[A-Z][\w'\u00C0-\u017F-]+)?"
)
_BSN = re.compile(r"(?<![\d-])\d{3}[ .]?\d{3}[ .]?\d{3}(?![\d-])|(?<![\d-])\d{4}[ .]?\d{2}[ .]?\d{3}(?![\d-])")
# A nine-digit (or eight-digit: a leading zero dropped) number right after the word is a BSN whatever its
# check digit: the caller's number typed wrong is still the caller's.
_BSN_HINTED = re.compile(
    r"\b(?:bsn|burger[ -]?service[ -]?(?:nummer|nr\.?)|sofi[ -]?nummer|sofinr\.?|sofi)(?:[ -]?(?:nummer|nr\.?))?"
    r"[ :.#=-]*(?:(?:is|was|luidt)[ :]+)?"
    r"(\d(?:[ .-]?\d){7,8})(?![\d-]|[.,]\d)",
    re.IGNORECASE,
)

# Dutch number words: a day of the month (cardinal or ordinal) and a year ("negentienzeventig",
# "negentienhonderd achtenzestig", "tweeduizend en vijf").
_UNITS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
_TEENS = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
    "zeventien": 17, "achttien": 18, "negentien": 19,
}  # fmt: skip
_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80,
    "negentig": 90,
}  # fmt: skip


def _number_words() -> dict[str, int]:
    """1..99 in words, with and without the diaeresis of "tweeëntwintig"."""
    words = {**_UNITS, **_TEENS, **_TENS}
    for ten, tens in _TENS.items():
        for unit, units in _UNITS.items():
            words[unit + "en" + ten] = tens + units
            if unit.endswith("e"):
                words[unit + "ën" + ten] = tens + units
    return words


def _ordinal_words(cardinals: dict[str, int]) -> dict[str, int]:
    """The days of a month as ordinals: eerste, derde, achtste, twaalfde, eenentwintigste ..."""
    special = {1: "eerste", 3: "derde", 8: "achtste"}
    words = {word: value for value, word in special.items()}
    for word, value in cardinals.items():
        if value > 31 or value in special:
            continue
        words[word + ("ste" if value >= 20 else "de")] = value
    words["eenendertigste"] = 31
    return words


NUMBER_WORDS = _number_words()
DAY_WORDS = {**{w: v for w, v in NUMBER_WORDS.items() if v <= 31}, **_ordinal_words(NUMBER_WORDS)}
_TWO_DIGITS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_YEAR_WORDS = r"(?:(?:negentien|achttien)(?:[ -]?honderd)?|tweeduizend)(?:[ -]?(?:en[ -]?)?(?:" + _TWO_DIGITS + r"))?"
_DAY = r"\d{1,2}(?:e|de|ste)?|" + "|".join(sorted(DAY_WORDS, key=len, reverse=True))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_WORDS = re.compile(
    r"(?<![\w'])(" + _DAY + r")[ ](" + _MONTH + r")\.?,?[ ](\d{4}|['\u2019\u2018]\d{2}|" + _YEAR_WORDS + r")(?![\w-])",
    re.IGNORECASE,
)
_DATE_COMPACT = re.compile(r"(?<![\w.,/-])(\d{6}|\d{8})(?![\w-]|[.,/]\d)")

# An e-mail address spelled out: "jan punt jansen apenstaartje example punt com", "jan (at) example (dot) com",
# "jan at example dot com". A bare "at" counts only before a domain with a common top-level domain.
_OPEN, _CLOSE = r"[(\[{<]", r"[)\]}>]"
_SPOKEN_AT = (
    r"(?:[ ]*" + _OPEN + r"[ ]*(?:at|apenstaartje|apestaartje|apenstaart)[ ]*" + _CLOSE + r"[ ]*"
    r"|[ ]+(?:apenstaartje|apestaartje|apenstaart|at-teken|at)[ ]+|[ ]*@[ ]*)"
)
_SPOKEN_DOT = r"(?:[ ]*" + _OPEN + r"[ ]*(?:dot|punt|\.)[ ]*" + _CLOSE + r"[ ]*|[ ]+(?:punt|dot)[ ]+|\.|[ ]\.[ ])"
_LABEL = r"[a-z0-9](?:[a-z0-9_+-]{0,62}[a-z0-9])?"
_SPOKEN_EMAIL = re.compile(
    r"(?<![\w.@+-])(" + _LABEL + r"(?:" + _SPOKEN_DOT + _LABEL + r"){0,6})"
    r"(" + _SPOKEN_AT + r")"
    r"(" + _LABEL + r"(?:" + _SPOKEN_DOT + _LABEL + r"){1,5})(?![\w@-])",
    re.IGNORECASE,
)
_SPOKEN_DOT_SPLIT = re.compile(_SPOKEN_DOT, re.IGNORECASE)
COMMON_TLDS = frozenset(
    {"nl", "com", "org", "net", "eu", "be", "de", "fr", "uk", "info", "nu", "io", "biz", "me", "frl", "email"}
)

# A number read out digit by digit ("nul zes een twee ..."), possibly mixed with digits: nine or more digits.
DIGIT_WORDS = {
    "nul": "0", "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "zes": "6",
    "zeven": "7", "acht": "8", "negen": "9",
}  # fmt: skip
_DIGIT_TOKEN = r"(?:" + "|".join(sorted(DIGIT_WORDS, key=len, reverse=True)) + r"|\d{1,4})"
_SPOKEN_DIGITS = re.compile(
    r"(?<![\w-])" + _DIGIT_TOKEN + r"(?:[ ,-]{1,2}" + _DIGIT_TOKEN + r"){3,}(?![\w-])", re.IGNORECASE
)
_POSTCODE_NAMED = re.compile(r"\bpostcode[ :]*([1-9]\d{3}[ ]?[a-z]{2})(?![\w-])", re.IGNORECASE)

# Normalising before the scan: dashes of every kind become "-", a run of separators between two digits
# ("06--12345678", "06 - 12 34") becomes one, runs of spaces become one.
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_NEEDS_NORMALISING = re.compile(r"  |[\t\r\v\f]|\d[ .\-/]{2,}\d")
# Cheap checks before the costly detectors: no month word, no date in words; no at-word, no spelled e-mail.
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_AT_WORD = re.compile(r"@|\bat\b|apen?staart", re.IGNORECASE)
_SEPARATOR_RUN = re.compile(r"(?<=\d)[ .\-/]{2,}(?=\d)| {2,}")


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
    compact = text.replace(" ", "").replace("-", "").upper()
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
    compact = text.replace(" ", "").replace("-", "").upper()
    if valid_iban(compact):
        return True
    if compact.startswith("NL"):
        return bool(_DUTCH_IBAN.fullmatch(compact))
    expected = IBAN_LENGTHS.get(compact[:2])
    return expected is not None and len(compact) == expected and any(ch.isdigit() for ch in compact[4:])


def split_setting(value: str) -> tuple[str, ...]:
    """ "a, b;c" -> ("a", "b", "c"): how the list settings `privacy.own_numbers`/`own_domains` are written."""
    return tuple(part.strip() for part in re.split(r"[,;]", value) if part.strip())


def normalise(text: str) -> tuple[str, list[int], list[int]]:
    """The text as the guard reads it, and where each of its characters came from.

    Unicode NFKC per character (fullwidth digits, ligatures, non-breaking spaces), invisible format
    characters (zero-width space, soft hyphen) dropped, every dash a "-", other spaces " ", a run of
    separators between two digits one separator ("06 - 12" -> "06-12", "06--1" -> "06-1", "111 . 222" ->
    "111.222"), runs of spaces one space. `starts[i]`/`ends[i]` are the span in `text` of normalised
    character i, so that a finding can be reported (and masked) where it stands in the original.
    """
    if _plain(text):
        return text, list(range(len(text))), list(range(1, len(text) + 1))
    out: list[str] = []
    starts, ends = [], []
    index = 0
    while index < len(text):
        end = index + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        cluster = text[index:end]
        if len(cluster) == 1 and unicodedata.category(cluster) == "Cf":
            index = end
            continue
        for ch in unicodedata.normalize("NFKC", cluster).translate(_DASHES):
            if ch.isspace() and ch != "\n":
                ch = " "
            out.append(ch)
            starts.append(index)
            ends.append(end)
        index = end
    chars = "".join(out)
    collapsed: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    position = 0
    for match in _SEPARATOR_RUN.finditer(chars):
        collapsed.append(chars[position : match.start()])
        new_starts.extend(starts[position : match.start()])
        new_ends.extend(ends[position : match.start()])
        run = match.group()
        collapsed.append(run.replace(" ", "")[:1] or " ")
        new_starts.append(starts[match.start()])
        new_ends.append(ends[match.end() - 1])
        position = match.end()
    collapsed.append(chars[position:])
    new_starts.extend(starts[position:])
    new_ends.extend(ends[position:])
    return "".join(collapsed), new_starts, new_ends


def _plain(text: str) -> bool:
    """Whether `normalise` would leave the text as it is (the common case: ASCII without doubled separators)."""
    return text.isascii() and not _NEEDS_NORMALISING.search(text)


def normalised(text: str) -> str:
    """Only the text of `normalise`: what the guard reads (for fields that are stored normalised)."""
    return normalise(text)[0]


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
        """The caller data in `text`, in order. The text is normalised first (`normalise`); each finding's
        `start`, `end` and `text` are those of the original text."""
        if _plain(text):
            return self._scan(text)  # offsets are the original's already
        normal, starts, ends = normalise(text)
        return [
            Finding(f.kind, starts[f.start], ends[f.end - 1], text[starts[f.start] : ends[f.end - 1]])
            for f in self._scan(normal)
            if f.end > f.start
        ]

    def _scan(self, text: str) -> list[Finding]:
        found: list[Finding] = []

        def add(kind: str, start: int, end: int) -> None:
            if any(f.start < end and start < f.end for f in found):
                return  # the first, more specific detector already claimed this text
            found.append(Finding(kind, start, end, text[start:end]))

        for match in _EMAIL.finditer(text):
            if not self._own_domain(match.group()):
                add(KIND_EMAIL, match.start(), match.end())
        self._spoken_emails(text, add)
        for match in _BSN_HINTED.finditer(text):
            add(KIND_BSN, match.start(1), match.end(1))
        self._spoken_digits(text, add)
        for match in _IBAN.finditer(text):
            candidate = match.group()
            while not iban_shaped(candidate) and re.search(r"[ -]", candidate):  # "NL91 ... 00 genoemd"
                candidate = re.split(r"[ -](?=[^ -]*$)", candidate)[0]
            if iban_shaped(candidate):
                add(KIND_IBAN, match.start(), match.start() + len(candidate))
        for match in _POSTCODE.finditer(text):
            add(KIND_POSTCODE, match.start(), match.end())
        self._addresses(text, add)
        for match in _POSTCODE_NAMED.finditer(text):  # "postcode 8071ab": named, so also in lower case
            add(KIND_POSTCODE, match.start(1), match.end(1))
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
        for match in _DATE_WORDS.finditer(text) if _MONTH_WORD.search(text) else ():
            spoken_day, spoken_year = _day_value(match.group(1)), self._year_value(match.group(3))
            month = MONTHS[match.group(2).lower()]
            if spoken_day is None or spoken_year is None:
                continue
            if self._birth_like(text, match.start(), spoken_day, month, spoken_year):
                add(KIND_BIRTH_DATE, match.start(), match.end())
        for match in _DATE_COMPACT.finditer(text):  # "geboren 03021985": only right after a birth word
            if not _BIRTH_HINT.search(text[max(0, match.start() - 30) : match.start()]):
                continue
            digits = match.group(1)
            readings = [(int(digits[:2]), int(digits[2:4]), self._full_year(int(digits[4:])))]
            if len(digits) == 8:
                readings.append((int(digits[6:]), int(digits[4:6]), int(digits[:4])))  # 19850302
            if any(self._birth_like(text, match.start(), d, m, y) for d, m, y in readings):
                add(KIND_BIRTH_DATE, match.start(), match.end())

    def _full_year(self, year: int) -> int:
        if year >= 100:
            return year
        return year + (1900 if year > self._today.year % 100 else 2000)

    def _year_value(self, text: str) -> int | None:
        """1970, '70, negentienzeventig, negentienhonderd achtenzestig, tweeduizend en vijf -> the year."""
        word = re.sub(r"[ -]", "", text.lower())
        if word.isdigit():
            return int(word)
        if word[:1] in "'\u2019\u2018":
            return self._full_year(int(word[1:]))
        for prefix, century in (("negentien", 1900), ("achttien", 1800), ("tweeduizend", 2000)):
            if word.startswith(prefix):
                rest = word[len(prefix) :]
                hundred = rest.startswith("honderd") or century == 2000
                rest = rest.removeprefix("honderd")
                if not rest:
                    return century if hundred else None
                rest = rest.removeprefix("en") if rest.removeprefix("en") in NUMBER_WORDS else rest
                value = NUMBER_WORDS.get(rest)
                return None if value is None else century + value
        return None

    def _spoken_digits(self, text: str, add: Add) -> None:
        """A phone number or BSN read out as words, digit by digit ("nul zes een twee drie ...")."""
        for match in _SPOKEN_DIGITS.finditer(text):
            tokens = re.split(r"[ ,-]+", match.group())
            if all(token.isdigit() for token in tokens):
                continue  # plain digits: the other detectors decide
            digits = "".join(DIGIT_WORDS.get(token.lower(), token) for token in tokens)
            if len(digits) < 9:
                continue
            if phone_key(digits) in self._own_numbers:
                continue
            kind = KIND_BSN if len(digits) == 9 and not digits.startswith("0") else KIND_PHONE
            add(kind, match.start(), match.end())

    def _spoken_emails(self, text: str, add: Add) -> None:
        """E-mail addresses spelled out in words or brackets. The address is rebuilt to compare it with the
        municipality's own domains."""
        for match in _SPOKEN_EMAIL.finditer(text) if _AT_WORD.search(text) else ():
            at = match.group(2).strip().lower()
            if at == "@" and "@" in text[match.start() : match.end()] and _EMAIL.search(match.group()):
                continue  # an ordinary address: `_EMAIL` decided it already
            labels = [part for part in _SPOKEN_DOT_SPLIT.split(match.group(3)) if part]
            tld = labels[-1].lower()
            if not tld.isalpha() or len(tld) < 2:
                continue
            if at in ("at", "at-teken") and tld not in COMMON_TLDS:
                continue  # "at" is also an English word: only an address with a common ending counts
            if self._own_domain("x@" + ".".join(labels)):
                continue
            add(KIND_EMAIL, match.start(), match.end())

    def _birth_like(self, text: str, start: int, day: int, month: int, year: int) -> bool:
        try:
            moment = date(year, month, day)
        except ValueError:
            return False
        if moment > self._today:
            return False
        hinted = bool(_BIRTH_HINT.search(text[max(0, start - 30) : start]))
        return hinted or moment.year <= self._today.year - 12


def _day_value(text: str) -> int | None:
    word = text.lower()
    digits = re.sub(r"(?:e|de|ste)$", "", word)
    if digits.isdigit():
        return int(digits)
    return DAY_WORDS.get(word)


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
