"""The access review as a PDF (BIO2, issue 25): for IT and the auditor, never for a manager.

Every account with its role, source and last sign-in, the coaching assignments with their dates, and the
administrative changes since the last sign-off. No recording, evaluation or caller data is in it: the data
comes from `services.access_review`, which reads none of those.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from nunrec_desktop.documents.pdf import _document_for, _p, _plain_table, _Styles, document_texts, register_fonts
from nunrec_desktop.services.access_review import AccessReviewData
from nunrec_desktop.services.audit_words import action_words
from nunrec_desktop.services.document_check import DocumentCheck

ROLES = {"coach": "coach", "it": "IT (beheerrechten)"}
SOURCES = {"local": "lokaal account", "directory": "directory"}


def _day(day: date | None) -> str:
    return f"{day:%d-%m-%Y}" if day else "lopend"


def _moment(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%d-%m-%Y %H:%M") if moment else "nooit"


def render_access_review(data: AccessReviewData, path: Path, fonts: Path, check: DocumentCheck) -> None:
    font = register_fonts(fonts)
    styles = _Styles(font)
    last = data.last_review
    since = (
        f"Vorige review: {last.signed_on:%d-%m-%Y}, afgetekend door {last.signed_by} "
        f"({'volledig' if last.scope == 'full' else 'beheerrechten'})."
        if last
        else "Er is nog geen eerdere review afgetekend."
    )
    story: list[Any] = [
        _p("Toegangsreview nunrec desktop", styles.title),
        Spacer(1, 3 * mm),
        _p(
            f"Gemaakt op {data.made_at.astimezone():%d-%m-%Y %H:%M} door {data.made_by}. Wie heeft welke toegang "
            "tot de coaching van het KCC. Jaarlijks te beoordelen; de beheerrechten (IT) elk kwartaal. "
            f"{since}",
            styles.body,
        ),
        _p(f"Accounts ({len(data.accounts)})", styles.h2),
    ]
    rows: list[list[Any]] = [["Gebruiker", "Naam", "Rol", "Bron", "Status", "Laatst aangemeld"]]
    for a in data.accounts:
        status = "uitgeschakeld" if a.disabled else ("geblokkeerd" if a.locked else "actief")
        rows.append(
            [
                _p(a.username, styles.cell),
                _p(a.display_name, styles.cell),
                ROLES.get(a.role, f"ongeldig: {a.role}"),
                SOURCES.get(a.source, a.source),
                status,
                _moment(a.last_sign_in),
            ]
        )
    story.append(_plain_table(rows, [28 * mm, 40 * mm, 28 * mm, 24 * mm, 22 * mm, 32 * mm], styles))
    story.append(_p("Coaching: welke coach welke medewerker coacht", styles.h2))
    rows = [["Coach", "Medewerker", "Van", "Tot en met"]]
    for a in data.accounts:
        for record in a.assignments:
            name = data.employee_names.get(record.employee_id, "")
            rows.append(
                [
                    a.username,
                    _p(f"{name} ({record.employee_id})" if name else record.employee_id, styles.cell),
                    _day(record.start),
                    _day(record.end),
                ]
            )
    if len(rows) == 1:
        rows.append(["-", "geen koppelingen", "", ""])
    story.append(_plain_table(rows, [34 * mm, 70 * mm, 35 * mm, 35 * mm], styles))
    story.append(_p(f"Wijzigingen sinds de vorige review ({len(data.changes)})", styles.h2))
    rows = [["Wanneer", "Door", "Wat", "Object", "Voor en na"]]
    for c in data.changes:
        rows.append(
            [
                datetime.fromisoformat(c.occurred_at).astimezone().strftime("%d-%m-%Y %H:%M"),
                _p(c.actor, styles.cell),
                _p(action_words(c.action), styles.cell),
                _p(c.object_id, styles.cell),
                _p(c.detail, styles.cell),
            ]
        )
    if len(rows) == 1:
        rows.append(["-", "", "geen wijzigingen", "", ""])
    story.append(_plain_table(rows, [28 * mm, 24 * mm, 34 * mm, 20 * mm, 68 * mm], styles))
    story.append(Spacer(1, 8 * mm))
    story.append(
        _p(
            "Aftekenen: de review is gedaan op ____-____-________ door ______________________. "
            "Opmerking: ______________________________________________.",
            styles.body,
        )
    )
    doc = _document_for(path, "IT", data.made_by, "Toegangsreview", "Toegangsreview (BIO2)")
    extras = [
        ("in de titel van het document", doc.title),
        ("in de auteur van het document", doc.author),
        ("in het onderwerp van het document", doc.subject),
    ]
    check(document_texts(story, extras))  # the whole text, before a byte is written (P6, P13)
    doc.build(story)
