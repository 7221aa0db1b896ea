"""Side-by-side sessions (P8), service level: the reason is required and kept, one session at a time, only for
coached employees, the clock survives a restart, ending opens the 5A draft, and a submitted session counts in
the coaching cycle and appears in the feedback PDF (read back with pypdf), once per session even after a
correction."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from nunrec_desktop.app import Services, build_services
from nunrec_desktop.domain import AccessDenied, InvalidInput, Mark, User
from nunrec_desktop.services.cycles import STATE_RUNNING
from nunrec_desktop.services.evaluations import DRAFT, SUBMITTED, Answer, EvaluationContent
from nunrec_desktop.services.live_sessions import (
    REASON_EMPLOYEE_REQUEST,
    REASON_OTHER,
    REASON_RECORDING_FAULT,
    LiveSession,
)
from nunrec_desktop.settings import load_workspace
from tests.conftest import FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording


@pytest.fixture
def anouk(services: Services, coach: User) -> User:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.add_employee("E2", "Bram Jansen")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    return coach


def start(services: Services, coach: User, reason: str = REASON_EMPLOYEE_REQUEST, note: str = "") -> LiveSession:
    return services.live.start(coach, services.guideline(), "E1", reason, note, services.guard())


def full_answers(services: Services) -> dict[str, Answer]:
    guideline = services.guideline()
    return {c.key: Answer(c.scale.options[0]) for s in guideline.sections for c in s.criteria}


def test_a_session_needs_a_valid_reason_without_caller_data(services: Services, anouk: User) -> None:
    with pytest.raises(InvalidInput, match="Kies waarom"):
        start(services, anouk, reason="zomaar")
    with pytest.raises(InvalidInput, match="Licht kort toe"):
        start(services, anouk, reason=REASON_OTHER, note="   ")
    with pytest.raises(InvalidInput, match="gegevens van een beller"):
        start(services, anouk, reason=REASON_OTHER, note="beller 06-12345678 wilde terugbellen")
    assert services.live.running(anouk) is None  # nothing was started by a refusal

    session = start(services, anouk, reason=REASON_OTHER, note="nieuwe  medewerker,  eerste week")
    assert session.reason == "anders: nieuwe medewerker, eerste week"
    assert session.running and session.employee_name == "Anouk de Vries"
    assert session.evaluation.source == "live" and session.evaluation.recording_id is None


def test_only_for_a_coached_employee_and_one_at_a_time(services: Services, anouk: User) -> None:
    with pytest.raises(AccessDenied):
        services.live.start(anouk, services.guideline(), "E2", REASON_RECORDING_FAULT, "", services.guard())
    denied = services.audit.entries(action="evaluations.write")[0]
    assert denied.result == "denied" and denied.object_id == "E2"

    first = start(services, anouk, REASON_RECORDING_FAULT)
    with pytest.raises(InvalidInput, match="Er loopt al een side-by-side sessie met Anouk de Vries"):
        start(services, anouk)
    allowed = services.audit.entries(action="evaluations.write")[0]
    assert (allowed.result, allowed.object_id) == ("allowed", "E1")
    assert allowed.purpose == "side-by-side meeluisteren" and "reason recording_fault" in allowed.detail
    services.live.end(anouk, first)
    second = start(services, anouk)  # after ending, the next one may start
    assert second.id != first.id


def test_the_session_clock_and_its_observations_survive_a_restart(
    services: Services, anouk: User, clock: FakeClock, workspace_dir: Path, keyring_backend: MemoryKeyring
) -> None:
    session = start(services, anouk)
    clock.now += timedelta(minutes=3, seconds=20)
    observation = Mark(services.live.elapsed_s(session), "opende warm", "aanvang", "+")
    services.evaluations.save_draft(anouk, session.id, EvaluationContent(notes="rustig", marks=[observation]))
    services.close()  # the process is killed here; the session went on beside the employee

    clock.now += timedelta(minutes=5)
    reopened = build_services(load_workspace(workspace_dir), clock=clock, keyring_factory=lambda: keyring_backend)
    try:
        resumed = reopened.live.running(anouk)
        assert resumed is not None and resumed.id == session.id
        assert reopened.live.elapsed_s(resumed) == pytest.approx(8 * 60 + 20)
        assert resumed.evaluation.content.marks == [Mark(200.0, "opende warm", "aanvang", "+")]
        assert resumed.evaluation.content.notes == "rustig"

        ended = reopened.live.end(anouk, resumed)
        assert not ended.running and ended.evaluation.call_duration_s == pytest.approx(500.0)
        assert ended.evaluation.status == DRAFT  # the 5A form comes next
        assert reopened.live.running(anouk) is None
        clock.now += timedelta(minutes=1)
        assert reopened.live.elapsed_s(reopened.live.get(anouk, ended.id)) == pytest.approx(500.0)  # stopped
        with pytest.raises(InvalidInput, match="al beëindigd"):
            reopened.live.end(anouk, ended)
        assert [d.id for d in reopened.evaluations.drafts(anouk)] == [ended.id]
    finally:
        reopened.close()


def test_a_submitted_session_counts_in_the_cycle_and_lands_in_the_feedback_pdf_once(
    services: Services, anouk: User, clock: FakeClock, tmp_path: Path
) -> None:
    add_recording(services.workspace.store_path, "rec-1", clock.now - timedelta(days=2), duration=90.0)
    session = start(services, anouk, REASON_RECORDING_FAULT)
    clock.now += timedelta(minutes=12)
    content = EvaluationContent(
        answers=full_answers(services),
        tops="Rustige, vriendelijke toon.",
        notes="Zat naast Anouk tijdens de storing.",
        marks=[Mark(75.0, "opende met eigen naam", "aanvang", "+"), Mark(410.0, "", "afsluiting", "-")],
    )
    services.evaluations.save_draft(anouk, session.id, content)
    services.live.end(anouk, session)
    submitted = services.evaluations.submit(
        anouk,
        session.id,
        services.guideline(),
        services.guard(),
        start_cycle=True,  # the coach said yes
    )
    assert submitted.status == SUBMITTED and submitted.live_reason == REASON_RECORDING_FAULT

    [row] = services.cycles.rows(anouk)
    assert (row.state, row.evaluated_in_current) == (STATE_RUNNING, 1)
    assert services.evaluations.counts_per_employee(anouk) == {"E1": (1, 0)}

    correction = services.evaluations.revise(anouk, submitted.id)
    assert (correction.live_reason, correction.source, correction.recording_id) == (
        REASON_RECORDING_FAULT,
        "live",
        None,
    )
    services.evaluations.submit(anouk, correction.id, services.guideline(), services.guard())
    assert services.evaluations.counts_per_employee(anouk) == {"E1": (1, 0)}  # still one session

    out = services.exports.document(anouk, "feedback", "E1", tmp_path / "terugkoppeling.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert text.count("Side-by-side meegeluisterd op") == 1
    assert "Side-by-side meegeluisterd op 20-11-2026" in text and "duur 12:00" in text
    assert "Reden: storing in de opname." in text and "niets opgenomen" in text
    assert "1:15 Aanvang (+) opende met eigen naam" in text
    assert "6:50 Afsluiting (-)" in text
    assert "Zat naast Anouk tijdens de storing." in text


def test_subject_access_lists_the_session_with_its_reason(
    services: Services, anouk: User, admin: User, tmp_path: Path
) -> None:
    session = start(services, anouk)
    services.evaluations.save_draft(anouk, session.id, EvaluationContent(marks=[Mark(30.0, "goed", "analyse", "+")]))
    data = services.subject_access.gather(anouk, "E1")
    [(evaluation, coach_name)] = data.evaluations
    assert evaluation.live and coach_name == "Marieke Kok"
    out = services.exports.subject_access(anouk, "E1", tmp_path / "inzage.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "side-by-side (reden: op verzoek van de medewerker)" in text
    assert "0:30 Analyse (+) goed" in text
