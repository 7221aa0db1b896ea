"""The last look at a document before it is written (protocol P5, P6, P13).

The layout (`documents/`) builds the whole text of a document - every paragraph, table cell, chart label,
the footer and the PDF's title - as (where, text) pairs and hands them to a `DocumentCheck` before it writes
a byte. The check runs the caller-data guard over each text once more; a finding that is not a validly kept
text of the document's evaluations (`permitted_texts`) refuses the export with one Dutch sentence that says
where it is (never what it is: caller data in the place's own name is masked too), and nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from nunrec_desktop.domain import InvalidInput
from nunrec_desktop.services.evaluations import Evaluation, kept_in
from nunrec_desktop.services.privacy import (
    KIND_BIRTH_DATE,
    KIND_BSN,
    KIND_EMAIL,
    KIND_IBAN,
    KIND_NAME,
    KIND_PHONE,
    KIND_POSTCODE,
    CallerDataGuard,
    mask,
)

# (where, text): where in the document's own words ("'2. Gesprek van ...' > 'Tops'"), and what it says there
DocumentText = tuple[str, str]
DocumentCheck = Callable[[Sequence[DocumentText]], None]

KIND_PHRASES = {
    KIND_PHONE: "een telefoonnummer",
    KIND_POSTCODE: "een adres of postcode met huisnummer",
    KIND_EMAIL: "een e-mailadres",
    KIND_BSN: "een BSN",
    KIND_IBAN: "een rekeningnummer",
    KIND_BIRTH_DATE: "een geboortedatum",
    KIND_NAME: "een naam",
}


def _flat(text: str) -> str:
    """Line breaks and runs of spaces as one space: a detail broken over two lines is still found."""
    return " ".join(text.split())


def _masked_place(guard: CallerDataGuard, where: str) -> str:
    """The place named by the document's own text (a row's first cells, a heading) may hold caller data too:
    each quoted piece and each part of it is masked on its own (the guard reads short pieces best)."""
    pieces = re.split(r"('|\s-\s|\s>\s)", _flat(where))
    return "".join(piece if index % 2 else mask(piece, guard.scan(piece)) for index, piece in enumerate(pieces))


def permitted_texts(evaluations: Iterable[Evaluation], guard: CallerDataGuard) -> frozenset[tuple[str, str]]:
    """(kind, text) of every finding the coach validly kept in these evaluations, recomputed with the guard."""
    permitted: set[tuple[str, str]] = set()
    for evaluation in evaluations:
        content = evaluation.content
        for name, text in content.free_texts().items():
            valid, _open = kept_in(name, text, content.kept, guard)
            permitted.update((k.kind, _flat(k.text)) for k in valid)
    return frozenset(permitted)


def document_check(
    guard: CallerDataGuard, document: str, permitted: frozenset[tuple[str, str]] = frozenset()
) -> DocumentCheck:
    """A check for one document (`document`: its name in a sentence, e.g. "De terugkoppeling")."""

    def check(texts: Sequence[DocumentText]) -> None:
        for where, text in texts:
            for finding in guard.scan(_flat(text)):
                if (finding.kind, finding.text) in permitted:
                    continue
                where = _masked_place(guard, where)
                raise InvalidInput(
                    f"{document} is niet gemaakt: {where} staat mogelijk "
                    f"{KIND_PHRASES.get(finding.kind, 'een gegeven')} van een beller. Er is niets geschreven. "
                    "Haal het weg of maskeer het (bij een ingediende beoordeling in een nieuwe versie) en "
                    "probeer het opnieuw."
                )

    return check
