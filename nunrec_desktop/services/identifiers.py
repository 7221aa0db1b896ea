"""Checks for ids and names where they enter the application (protocol P6, P12, P13).

An employee id is what the telephony system calls the employee: 1 to 32 letters, digits, dots, dashes or
underscores, starting with a letter or digit, and never something that could be a caller's number (no
run of nine or more digits, nothing the caller-data guard finds). An employee's name is at most 100
characters. `phone_in_id` is the quick check the audit log and the access policy apply to every id they
handle: it finds phone-number shapes that stand on their own inside an id, without flagging the long hex
or digit runs of ordinary generated ids (hashes, UUIDs, time stamps).
A user name (`username_problem`) is one person's, never a shared or generic name and never caller data;
local accounts and the directory's sign-in both check it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from nunrec_desktop.domain import InvalidInput
from nunrec_desktop.services.privacy import KIND_NAME, CallerDataGuard

EMPLOYEE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")
MAX_EMPLOYEE_NAME = 100
EMPLOYEE_ID_RULE = (
    "Een medewerker-id bestaat uit 1 tot 32 letters, cijfers, punten, streepjes of lage streepjes, begint met "
    "een letter of cijfer en is nooit een telefoonnummer of ander gegeven van een beller."
)

_INTERNATIONAL = re.compile(r"\+\s*\(?\d")
# A run of digits, possibly with the separators phone numbers are written with, not glued to letters.
_DIGIT_RUN = re.compile(r"(?<![A-Za-z0-9])\d(?:[ .\-/()]?\d){8,}(?![A-Za-z0-9])")
_LONG_DIGITS = re.compile(r"\d{9,}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_EMAIL_SIGN = re.compile(r"\S@\S")


def phone_in_id(text: str) -> bool:
    """Whether an id (or another short field) holds something shaped like a phone number or e-mail address."""
    if _INTERNATIONAL.search(text) or _EMAIL_SIGN.search(text):
        return True
    if _UUID.fullmatch(text):
        return False  # its groups of digits are not a number anyone dials
    for match in _DIGIT_RUN.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if digits.startswith("00") and digits[2] != "0" and 11 <= len(digits) <= 17:
            return True  # 0031 6 ..., 0049 ...
        if digits.startswith("0") and len(digits) == 10 and digits[1] != "0":
            return True  # 0341 259911, 06 12345678
        if digits.startswith("31") and len(digits) == 11 and digits[2] != "0":
            return True  # 31 6 12345678, the + left off
    return False


def employee_id_problem(employee_id: str, thorough: bool = True) -> str | None:
    """Why `employee_id` cannot be an employee id (a Dutch sentence), or None.

    `thorough=False` leaves out the caller-data guard's full scan: for deciding many rows quickly, where
    the id was already checked thoroughly when it entered (an id that never entered is coached by no one).
    """
    if not EMPLOYEE_ID.fullmatch(employee_id):
        return EMPLOYEE_ID_RULE
    if _LONG_DIGITS.search(re.sub(r"[._-]", "", employee_id)) or phone_in_id(employee_id):
        return EMPLOYEE_ID_RULE
    if not thorough:
        return None
    # date.max: any date in an id counts as a possible date of birth (stricter is right for an id).
    if CallerDataGuard(date.max).scan(employee_id.replace("_", " ")):
        return EMPLOYEE_ID_RULE
    return None


def require_employee_id(employee_id: str) -> str:
    """The id, or `InvalidInput` with the rule (the refused text is not repeated: it may be a caller's number)."""
    problem = employee_id_problem(employee_id)
    if problem:
        raise InvalidInput(problem)
    return employee_id


def require_employee_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise InvalidInput("Een medewerker heeft een naam nodig.")
    return require_display_name(name)


MAX_DISPLAY_NAME = MAX_EMPLOYEE_NAME


def display_name_problem(name: str) -> str | None:
    """Why `name` cannot be the name of a person in the application (an employee, an account), or None: at
    most 100 characters, printable, and nothing the whole caller-data guard finds (a phone number, BSN,
    IBAN, date of birth, e-mail address or address; a form of address such as "Mevrouw" is fine)."""
    if len(name) > MAX_DISPLAY_NAME:
        return f"Een naam is hoogstens {MAX_DISPLAY_NAME} tekens lang; deze is {len(name)} tekens."
    if any(not ch.isprintable() for ch in name):
        return "Een naam bevat geen regeleinden of andere onzichtbare tekens."
    normal = unicodedata.normalize("NFKC", name)
    if phone_in_id(normal) or _LONG_DIGITS.search(re.sub(r"[ ._-]", "", normal)):
        return "Een naam bevat geen telefoonnummer of ander gegeven van een beller."
    if any(f.kind != KIND_NAME for f in CallerDataGuard(date.max).scan(name)):
        return "Een naam bevat geen telefoonnummer of ander gegeven van een beller."
    return None


def require_display_name(name: str) -> str:
    """The name, stripped, or `InvalidInput` (the refused text is not repeated)."""
    name = name.strip()
    problem = display_name_problem(name)
    if problem:
        raise InvalidInput(problem)
    return name


GENERIC_NAMES = frozenset(
    {
        "admin",
        "administrator",
        "beheer",
        "beheerder",
        "root",
        "kcc",
        "team",
        "teampubliek",
        "publiek",
        "algemeen",
        "gedeeld",
        "shared",
        "generic",
        "user",
        "gebruiker",
        "test",
        "demo",
        "receptie",
        "balie",
        "helpdesk",
        "servicedesk",
        "klantcontact",
        "info",
        "gemeente",
        "nunspeet",
        "guest",
        "gast",
    }
)
USERNAME_SHAPE = re.compile(r"^[a-z][a-z0-9._-]{1,63}$")


def username_problem(username: str) -> str | None:
    if not USERNAME_SHAPE.match(username):
        return (
            "Een gebruikersnaam bestaat uit 2 tot 64 kleine letters, cijfers, punten, streepjes of lage "
            "streepjes en begint met een letter."
        )
    if re.search(r"\d{9,}", re.sub(r"[._-]", "", username)):
        return "Een gebruikersnaam bevat geen telefoonnummer of andere lange reeks cijfers."
    if CallerDataGuard(date.max).scan(re.sub(r"[._-]", " ", username)):
        return "Een gebruikersnaam bevat geen gegevens van een beller (een nummer, een datum, een adres)."
    if re.sub(r"[0-9._-]", "", username) in GENERIC_NAMES:
        return (
            f"'{username}' is een gedeelde of algemene naam. Elk account hoort bij één persoon, "
            "zodat elke luisterbeurt herleidbaar is (P3)."
        )
    return None
