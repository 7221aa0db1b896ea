"""Caller data never lands in the database undecided (P6, P13): the evaluation service masks every finding the
coach has not (validly) kept before it stores a draft, for the 5A form, the marks, the side-by-side
observations and notes; proven on the SQLite file's raw bytes and its dump (on PostgreSQL: every row of every
table, as text). The keep rules hold in the
service: a BSN, IBAN, date of birth or e-mail address is never kept, a name or phone number only with a real
reason, and the feedback PDF (read back with pypdf) holds only what was validly kept."""

from __future__ import annotations

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


def test_only_names_and_phone_numbers_are_kept_and_only_with_a_real_reason(
    services: Services, ready: tuple[User, Guideline], clock: FakeClock
) -> None:
    coach, guideline = ready
    draft_id = draft_of(services, coach, guideline, clock)
    notes = f"Noemde {PHONE}, BSN {BSN}, IBAN {IBAN}, geboren 12-03-1985, j@example.nl, meneer Visser."
    kept = [
        KeptFinding("notes", "telefoonnummer", PHONE, "x"),  # the finding of issue 14: a one-letter reason
        KeptFinding("notes", "bsn", BSN, "de medewerker noemde het zelf"),
        KeptFinding("notes", "iban", IBAN, "x"),
        KeptFinding("notes", "geboortedatum", "12-03-1985", "nodig voor de afspraak"),
        KeptFinding("notes", "e-mailadres", "j@example.nl", "adres van de collega"),
        KeptFinding("notes", "naam", "meneer Visser", "naam van de teamleider, geen beller"),
    ]
    stored = services.evaluations.save_draft(coach, draft_id, EvaluationContent(notes=notes, kept=kept))
    assert stored.notes == (
        "Noemde [telefoonnummer], BSN [bsn], IBAN [rekeningnummer], geboren [geboortedatum], [e-mailadres], "
        "meneer Visser."
    )
    assert stored.kept == [kept[-1]]  # an invalid keep is not stored either: it would hold the text
    assert {u.kind for u in stored.undecided} == {"telefoonnummer", "bsn", "iban", "geboortedatum", "e-mailadres"}


def test_keep_with_reason_x_no_longer_puts_caller_data_in_the_feedback_pdf(
    services: Services, ready: tuple[User, Guideline], clock: FakeClock, tmp_path: Path, workspace_dir: Path
) -> None:
    coach, guideline = ready
    draft_id = draft_of(services, coach, guideline, clock)
    notes = f"Beller gaf {PHONE}, BSN {BSN} en rekening {IBAN}."
    weak = [
        KeptFinding("notes", "telefoonnummer", PHONE, "x"),
        KeptFinding("notes", "bsn", BSN, "x"),
        KeptFinding("notes", "iban", IBAN, "x"),
    ]
    answers = complete(guideline)
    services.evaluations.save_draft(coach, draft_id, EvaluationContent(answers=answers, notes=notes, kept=weak))
    with pytest.raises(InvalidInput, match="3 mogelijke gegevens van de beller"):
        services.evaluations.submit(coach, draft_id, guideline, services.guard())
    assert_never_stored(workspace_dir, PHONE, BSN, IBAN)

    # The coach decides: the number (of another desk, say) kept with a real reason, BSN and IBAN kept again.
    strong = [
        KeptFinding("notes", "telefoonnummer", PHONE, "nummer van de balie Burgerzaken"),
        KeptFinding("notes", "bsn", BSN, "de medewerker noemde het zelf hardop"),
        KeptFinding("notes", "iban", IBAN, "dat is het rekeningnummer van de gemeente"),
    ]
    services.evaluations.save_draft(coach, draft_id, EvaluationContent(answers=answers, notes=notes, kept=strong))
    with pytest.raises(InvalidInput, match="2 mogelijke gegevens van de beller"):  # BSN and IBAN: never kept
        services.evaluations.submit(coach, draft_id, guideline, services.guard())
    masked = f"Beller gaf {PHONE}, BSN [bsn] en rekening [rekeningnummer]."  # the coach pressed "Mask"
    services.evaluations.save_draft(coach, draft_id, EvaluationContent(answers=answers, notes=masked, kept=strong[:1]))
    assert services.evaluations.submit(coach, draft_id, guideline, services.guard()).status == "submitted"
    out = services.exports.document(coach, "feedback", "E1", tmp_path / "feedback.pdf")
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    flat = "".join(text.split())
    assert PHONE in flat  # validly kept, with its reason
    assert BSN not in flat and IBAN not in flat and "NL91" not in flat
    assert "[bsn]" in flat and "[rekeningnummer]" in flat


def test_a_weak_keep_written_into_the_database_does_not_reach_the_pdf(
    services: Services, ready: tuple[User, Guideline], clock: FakeClock, tmp_path: Path
) -> None:
    """Bypassing the service (a hand-edited row) still cannot export what may not be kept."""
    coach, guideline = ready
    draft_id = draft_of(services, coach, guideline, clock)
    services.evaluations.save_draft(coach, draft_id, EvaluationContent(answers=complete(guideline)))
    services.evaluations.submit(coach, draft_id, guideline, services.guard())
    with services.sessions.begin() as session:
        row = session.get(EvaluationRow, draft_id)
        assert row is not None
        tampered = EvaluationContent.from_json(row.content)
        tampered.notes = f"Terugbellen op {PHONE}, BSN {BSN}."
        tampered.kept = [
            KeptFinding("notes", "telefoonnummer", PHONE, "x"),
            KeptFinding("notes", "bsn", BSN, "een reden van ruim tien tekens"),
        ]
        row.content = tampered.to_json()
    with pytest.raises(InvalidInput, match="Exporteren kan nog niet: 2 mogelijke"):
        services.exports.document(coach, "feedback", "E1", tmp_path / "feedback.pdf")
    assert not (tmp_path / "feedback.pdf").exists()


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
