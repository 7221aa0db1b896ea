"""The caller-data guard (protocol P6, P13): finds caller personal data in the coach's free text.

It looks for Dutch phone numbers in their common spellings, postcodes with a house number, e-mail
addresses, BSNs (valid 11-proef only), IBANs (valid mod-97 only), dates that look like a date of birth, and
names after a form of address (meneer, mevrouw, dhr., mevr., mw., de heer). The form marks findings while
the coach types and offers to mask them; an evaluation is not submitted or exported until every finding is
masked or explicitly kept with a reason. `nunrec pii-scan` runs the same code for the privacy officer.
"""

from __future__ import annotations

import re
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


class CallerDataGuard:
    """Finds caller data in text. `today` decides which dates are old enough to be a date of birth."""

    def __init__(self, today: date) -> None:
        self._today = today

    def scan(self, text: str) -> list[Finding]:
        found: list[Finding] = []

        def add(kind: str, start: int, end: int) -> None:
            if any(f.start < end and start < f.end for f in found):
                return  # the first, more specific detector already claimed this text
            found.append(Finding(kind, start, end, text[start:end]))

        for match in _EMAIL.finditer(text):
            add(KIND_EMAIL, match.start(), match.end())
        for match in _IBAN.finditer(text):
            if valid_iban(match.group()):
                add(KIND_IBAN, match.start(), match.end())
        for match in _POSTCODE.finditer(text):
            add(KIND_POSTCODE, match.start(), match.end())
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
            start = match.start() + (1 if candidate.startswith("(") and ")" not in candidate else 0)
            add(KIND_PHONE, start, match.start() + len(candidate))
        return sorted(found, key=lambda f: f.start)

    def _dates(self, text: str, add: object) -> None:
        assert callable(add)
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
