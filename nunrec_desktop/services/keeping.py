"""What a coach may keep of a caller-data finding, and as what (protocol P6, P13).

Keeping a finding says what the text is *instead* of a caller's detail, chosen from a fixed list - never a
free reason (a free reason is one more free text, and "Beller wil teruggebeld worden" is no reason at all):

* `collega` - "naam van een collega": the guard read a name ("mevrouw De Vries") that is a colleague's;
* `organisatie` - "adres of nummer van een organisatie of dienst": an address-like finding that is an
  organisation's or a service's (the UWV's office, a post-office box);
* `gemeente` - "gegevens van de gemeente zelf": an address-like finding that is the municipality's own
  (the town hall, a service point);
* `straat` - "straatnaam als plaats": a street named as a place ("de wegwerkzaamheden aan de Stationsstraat 3").

Which choices exist depends on the guard's own kind of the finding (`KEEP_CHOICES`), never on a label from
the screen: a name can only be a colleague's; an address-like finding (a street with a number, a postcode)
can be an organisation's, the municipality's own or a street as a place. A text the guard reads as a phone
number, BSN, IBAN, date of birth or e-mail address can never be kept: it is a caller's as far as the guard
can tell, and the municipality's own numbers and domains are never findings to begin with (settings
`privacy.own_numbers`, `privacy.own_domains`). Another organisation's phone number is written as its name
("doorverbonden met het UWV"), not as the number.

`old_keep_as` migrates what older versions stored (a kind label and a free reason): a kept name becomes a
colleague's name, anything else is no longer kept (and is masked, or refused at export, like any finding).
"""

from __future__ import annotations

from nunrec_desktop.services.privacy import KIND_NAME, KIND_POSTCODE

KEEP_COLLEAGUE = "collega"
KEEP_ORGANISATION = "organisatie"
KEEP_MUNICIPALITY = "gemeente"
KEEP_STREET = "straat"

KEEP_WORDS = {  # as the coach reads them (the screen has its own tr() copies of the same words)
    KEEP_COLLEAGUE: "naam van een collega",
    KEEP_ORGANISATION: "adres of nummer van een organisatie of dienst",
    KEEP_MUNICIPALITY: "gegevens van de gemeente zelf",
    KEEP_STREET: "straatnaam als plaats",
}

KEEP_CHOICES: dict[str, tuple[str, ...]] = {  # the guard's kind -> what such a text may be kept as
    KIND_NAME: (KEEP_COLLEAGUE,),
    KIND_POSTCODE: (KEEP_STREET, KEEP_MUNICIPALITY, KEEP_ORGANISATION),
}


def keep_choices(kind: str) -> tuple[str, ...]:
    """What a finding of the guard's `kind` may be kept as; empty: it can only be masked."""
    return KEEP_CHOICES.get(kind, ())


def may_keep(kind: str, keep_as: str) -> bool:
    """Whether a finding of the guard's `kind` may be kept as `keep_as`."""
    return keep_as in keep_choices(kind)


def keep_refusal_as(kind: str, keep_as: str) -> str | None:
    """Why a finding of the guard's `kind` may not be kept as `keep_as` (one Dutch sentence), or None."""
    choices = keep_choices(kind)
    if not choices:
        return (
            "Een telefoonnummer, BSN, rekeningnummer, geboortedatum of e-mailadres kun je niet behouden; maskeer het."
        )
    if keep_as not in choices:
        allowed = " of ".join(f"als {KEEP_WORDS[c]}" for c in choices)
        return f"Dit kun je alleen behouden {allowed}."
    return None


def old_keep_as(kind: str) -> str:
    """What a kept finding stored with a free reason (before the fixed list) is kept as now: a name was kept
    as a colleague's (the documented example), anything else is not kept any more ("")."""
    return KEEP_COLLEAGUE if kind == KIND_NAME else ""
