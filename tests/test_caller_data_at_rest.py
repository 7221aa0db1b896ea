"""Caller data never lands in the database undecided (P6, P13): the evaluation service masks every finding the
coach has not (validly) kept before it stores a draft, for the 5A form, the marks, the side-by-side
observations and notes; proven on the SQLite file's raw bytes and its dump (on PostgreSQL: every row of every
table, as text). The keep rules hold in the
service: a phone number, BSN, IBAN, date of birth or e-mail address is never kept, a name or an address only as
one of the fixed kinds allowed for the guard's own kind of it (whatever label the client sends), entries
stored with a free reason by older versions are migrated when read, and the feedback PDF (read back with
pypdf) holds only what was validly kept."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine

from nunrec_desktop.adapters.db.models import Base, EvaluationRow
from nunrec_desktop.app import Services
from nunrec_desktop.domain import InvalidInput, Mark, User
from nunrec_desktop.services.evaluations import Answer, EvaluationContent, KeptFinding, UndecidedFinding
from nunrec_desktop.services.guideline import Guideline
from tests.conftest import POSTGRES_URL, FakeClock
from tests.recordings_factory import add_recording

SIDE_NOTE = "beller 0341-123456"
MARK_NOTE = "beller noemt 06-12345678"
SECRETS = ("0341-123456", "06-12345678", "0341123456", "0612345678")
BSN, IBAN, PHONE = "111222333", "NL91ABNA0417164300", "06-87654321"


def database_bytes(workspace: Path) -> bytes:
    """Everything SQLite keeps on disk for this workspace (the file, its WAL and shared memory), plus a dump;
    on the PostgreSQL server every row of every table as text (its files are not ours to read)."""
    if POSTGRES_URL:
        engine = create_engine(POSTGRES_URL)
        try:
            with engine.connect() as connection:
                rows = [
                    repr(tuple(row))
                    for table in Base.metadata.sorted_tables
                    for row in connection.execute(table.select())
                ]
        finally:
            engine.dispose()
        return "\n".join(rows).encode()
    raw = b"".join(p.read_bytes() for p in sorted(workspace.glob("nunrec.sqlite3*")))
    connection = sqlite3.connect(workspace / "nunrec.sqlite3")
    try:
        dump = "\n".join(connection.iterdump())
    finally:
        connection.close()
    return raw + dump.encode()


def assert_never_stored(workspace: Path, *texts: str) -> None:
    stored = database_bytes(workspace)
    for text in texts:
        assert text.encode() not in stored, f"{text!r} is in the database"


@pytest.fixture
def ready(services: Services, coach: User, clock: FakeClock) -> tuple[User, Guideline]:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    add_recording(services.workspace.store_path, "rec-1", clock.now - timedelta(days=1), duration=95.0)
    return coach, services.guideline()


def complete(guideline: Guideline) -> dict[str, Answer]:
    return {
        c.key: Answer("goed" if "goed" in c.scale.options else "ja") for s in guideline.sections for c in s.criteria
    }


def draft_of(services: Services, coach: User, guideline: Guideline, clock: FakeClock) -> int:
    start = clock.now - timedelta(days=1)
    return services.evaluations.for_recording(coach, guideline, "E1", "rec-1", start, 95.0).id


def test_an_autosaved_form_draft_holds_no_undecided_caller_data(
    services: Services, ready: tuple[User, Guideline], clock: FakeClock, workspace_dir: Path
) -> None:
    coach, guideline = ready
    draft_id = draft_of(services, coach, guideline, clock)
    answers = complete(guideline)
    answers["doorvragen"] = Answer("verbeterpunt", "vroeg naar 0341-123456 in plaats van door te vragen")
    content = EvaluationContent(
        answers=answers,
        tops="Rustig, " + SIDE_NOTE,
        tips="Noem Stationsstraat 4, 8071 CH Nunspeet niet hardop",
        notes="BSN 111222333 en IBAN NL92ABNA0417164300 (met een tikfout) herhaald",
        marks=[Mark(12.0, MARK_NOTE)],
    )
    stored = services.evaluations.save_draft(coach, draft_id, content)
    assert stored.marks == [Mark(12.0, "beller noemt [telefoonnummer]")]
    assert stored.tops == "Rustig, beller [telefoonnummer]"
    assert stored.tips == "Noem [adres] niet hardop"
    assert stored.answers["doorvragen"].comment == "vroeg naar [telefoonnummer] in plaats van door te vragen"
    assert sorted(u.kind for u in stored.undecided) == [
        "bsn", "iban", "postcode_huisnummer", "telefoonnummer", "telefoonnummer", "telefoonnummer",
    ]  # fmt: skip
    assert services.evaluations.get(coach, draft_id).content == stored
    assert content.tops == "Rustig, " + SIDE_NOTE  # the caller's (the screen's) content is not changed
    assert_never_stored(workspace_dir, *SECRETS, BSN, "NL92ABNA0417164300", "Stationsstraat 4")
    with pytest.raises(InvalidInput, match="6 mogelijke gegevens van de beller"):  # undecided: not submittable
        services.evaluations.submit(coach, draft_id, guideline, services.guard())


def test_side_by_side_observations_and_notes_are_stored_masked(
    services: Services, ready: tuple[User, Guideline], workspace_dir: Path
) -> None:
    coach, guideline = ready
    session = services.live.start(coach, guideline, "E1", "employee_request", "", services.guard())
    content = EvaluationContent(
        notes=SIDE_NOTE + ", verder rustig",
        marks=[Mark(30.0, MARK_NOTE, "analyse", "-"), Mark(40.0, "goede vraag", "analyse", "+")],
    )
    services.evaluations.save_draft(coach, session.id, content)
    running = services.live.running(coach)
    assert running is not None
    assert running.evaluation.content.notes == "beller [telefoonnummer], verder rustig"
    assert [m.note for m in running.evaluation.content.marks] == ["beller noemt [telefoonnummer]", "goede vraag"]
    assert_never_stored(workspace_dir, *SECRETS)


def test_the_municipalitys_own_number_and_domain_are_stored_as_typed(
    services: Services, ready: tuple[User, Guideline], clock: FakeClock
) -> None:
    coach, guideline = ready
    draft_id = draft_of(services, coach, guideline, clock)
    notes = "Verwees goed naar (0341) 25 99 11 en gemeente@nunspeet.nl."
    stored = services.evaluations.save_draft(coach, draft_id, EvaluationContent(notes=notes))
    assert stored.notes == notes and stored.undecided == []


def test_only_names_and_addresses_are_kept_and_only_as_what_they_are_instead(
    services: Services, ready: tuple[User, Guideline], clock: FakeClock, workspace_dir: Path
) -> None:
    coach, guideline = ready
    draft_id = draft_of(services, coach, guideline, clock)
    notes = (
        f"Noemde {PHONE}, BSN {BSN}, IBAN {IBAN}, geboren 12-03-1985, j@example.nl, meneer Visser, "
        "wegwerk bij Stationsstraat 12 en Dorpsstraat 5."
    )
    kept = [
        KeptFinding("notes", "telefoonnummer", PHONE, "organisatie"),  # a phone number is never kept
        KeptFinding("notes", "naam", BSN, "collega"),  # issue 20: a BSN labelled as a name by the client
        KeptFinding("notes", "iban", IBAN, "gemeente"),
        KeptFinding("notes", "geboortedatum", "12-03-1985", "straat"),
        KeptFinding("notes", "e-mailadres", "j@example.nl", "collega"),
        KeptFinding("notes", "naam", "meneer Visser", "collega"),
        KeptFinding("notes", "naam", "Stationsstraat 12", "straat"),  # the label is wrong, the choice fits
        KeptFinding("notes", "postcode_huisnummer", "Dorpsstraat 5", "collega"),  # an address is no colleague
        KeptFinding("notes", "naam", "meneer Visser", "Beller wil teruggebeld worden"),  # no free reasons
    ]
    stored = services.evaluations.save_draft(coach, draft_id, EvaluationContent(notes=notes, kept=kept))
    assert stored.notes == (
        "Noemde [telefoonnummer], BSN [bsn], IBAN [rekeningnummer], geboren [geboortedatum], [e-mailadres], "
        "meneer Visser, wegwerk bij Stationsstraat 12 en [adres]."
    )
    # Only valid keeps are stored, each with the guard's own kind (never the client's label).
    assert stored.kept == [
        KeptFinding("notes", "naam", "meneer Visser", "collega"),
        KeptFinding("notes", "postcode_huisnummer", "Stationsstraat 12", "straat"),
    ]
    assert {u.kind for u in stored.undecided} == {
        "telefoonnummer",
        "bsn",
        "iban",
        "geboortedatum",
        "e-mailadres",
        "postcode_huisnummer",
    }
    assert_never_stored(workspace_dir, BSN, IBAN, PHONE, "12-03-1985", "j@example.nl", "Dorpsstraat 5")


def test_a_callers_number_kept_from_a_mark_never_reaches_the_feedback_pdf(
    services: Services, ready: tuple[User, Guideline], clock: FakeClock, tmp_path: Path, workspace_dir: Path
) -> None:
    """Issue 20: "beller noemt 06-12345678" in a mark note, kept "with a reason", was printed in the PDF."""
    coach, guideline = ready
    draft_id = draft_of(services, coach, guideline, clock)
    notes = "Verwees naar mevrouw De Vries van Burgerzaken."
    attempts = [
        KeptFinding("mark:0", "telefoonnummer", "06-12345678", choice)
        for choice in ("collega", "organisatie", "gemeente", "straat", "Beller wil teruggebeld worden")
    ]
    attempts += [KeptFinding("mark:0", "naam", "06-12345678", "collega")]
    content = EvaluationContent(
        answers=complete(guideline),
        notes=notes,
        marks=[Mark(62.0, "Goede doorvraag, " + MARK_NOTE)],
        kept=[*attempts, KeptFinding("notes", "naam", "mevrouw De Vries", "collega")],
    )
    stored = services.evaluations.save_draft(coach, draft_id, content)
    assert stored.marks == [Mark(62.0, "Goede doorvraag, beller noemt [telefoonnummer]")]
    assert_never_stored(workspace_dir, *SECRETS)
    with pytest.raises(InvalidInput, match="1 mogelijke gegevens van de beller"):  # decided: masked, not kept
        services.evaluations.submit(coach, draft_id, guideline, services.guard())
    again = services.evaluations.save_draft(coach, draft_id, services.evaluations.get(coach, draft_id).content)
    assert again.undecided == []
    assert services.evaluations.submit(coach, draft_id, guideline, services.guard()).status == "submitted"
    out = services.exports.document(coach, "feedback", "E1", tmp_path / "feedback.pdf")
    flat = "".join("".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "mevrouwDeVries" in flat  # validly kept as a colleague's name
    assert "0612345678" not in flat.replace("-", "") and "[telefoonnummer]" in flat


def test_kept_findings_stored_with_a_free_reason_are_migrated_when_read(
    services: Services, ready: tuple[User, Guideline], clock: FakeClock, tmp_path: Path
) -> None:
    """An older version's row (a kind label and a free reason, written past the service): a kept name stays
    kept as a colleague's, a kept phone number or a "name" over a BSN is no longer kept, and the export says so."""
    coach, guideline = ready
    draft_id = draft_of(services, coach, guideline, clock)
    services.evaluations.save_draft(coach, draft_id, EvaluationContent(answers=complete(guideline)))
    services.evaluations.submit(coach, draft_id, guideline, services.guard())
    with services.sessions.begin() as session:
        row = session.get(EvaluationRow, draft_id)
        assert row is not None
        data = json.loads(row.content)
        data["notes"] = f"Terugbellen op {PHONE}, BSN {BSN}, via meneer Visser."
        data["kept"] = [
            {"field": "notes", "kind": "telefoonnummer", "text": PHONE, "reason": "Beller wil teruggebeld worden"},
            {"field": "notes", "kind": "naam", "text": BSN, "reason": "een reden van ruim tien tekens"},
            {"field": "notes", "kind": "naam", "text": "meneer Visser", "reason": "naam van de teamleider"},
        ]
        row.content = json.dumps(data)
    loaded = services.evaluations.get(coach, draft_id).content
    assert loaded.kept == [
        KeptFinding("notes", "naam", BSN, "collega"),  # loads; the guard decides when it is used
        KeptFinding("notes", "naam", "meneer Visser", "collega"),
    ]
    assert "teruggebeld" not in loaded.to_json()  # the free reason is not carried over
    assert sorted(f.kind for _n, f in loaded.open_findings(services.guard())) == ["bsn", "telefoonnummer"]
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(InvalidInput, match="Exporteren kan nog niet: 2 mogelijke"):
        services.exports.document(coach, "feedback", "E1", out_dir / "feedback.pdf")
    assert list(out_dir.iterdir()) == []
    # The subject access shows the stored evaluation as it may be stored now: masked, the colleague kept.
    out = services.exports.subject_access(coach, "E1", out_dir / "inzage.pdf")
    flat = "".join("".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert BSN not in flat and PHONE.replace("-", "") not in flat.replace("-", "") and "meneerVisser" in flat


def test_undecided_findings_are_remembered_without_their_text(
    services: Services, ready: tuple[User, Guideline], clock: FakeClock
) -> None:
    coach, guideline = ready
    draft_id = draft_of(services, coach, guideline, clock)
    stored = services.evaluations.save_draft(coach, draft_id, EvaluationContent(marks=[Mark(3.0, MARK_NOTE)]))
    assert stored.undecided == [UndecidedFinding("mark:0", "telefoonnummer")]
    assert "06" not in stored.to_json().split('"undecided"')[1]
    # The restored (masked) draft saved again has nothing undecided left: what the coach sees is masked.
    again = services.evaluations.save_draft(coach, draft_id, services.evaluations.get(coach, draft_id).content)
    assert again.undecided == [] and again.marks == [Mark(3.0, "beller noemt [telefoonnummer]")]
