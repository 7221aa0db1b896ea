"""The per-user desk (services/desk.py, coach_desk.py, it_desk.py): built by the composition root at sign-in,
it holds the user and the listening-together state, decides what became of a draft's recording, and passes calls
on to the services."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nunrec_desktop.app import Services
from nunrec_desktop.domain import AccessDenied, RecordingState, User
from nunrec_desktop.services.coach_desk import CoachDesk
from nunrec_desktop.services.evaluations import UNSAVED
from nunrec_desktop.services.it_desk import ItDesk
from nunrec_desktop.services.live_sessions import REASON_EMPLOYEE_REQUEST
from tests.conftest import FakeClock
from tests.recordings_factory import add_recording


@pytest.fixture
def desk(services: Services, coach: User, clock: FakeClock) -> CoachDesk:
    for employee, name in (("E1", "Anouk de Vries"), ("E2", "Bram Jansen")):
        services.people.add_employee(employee, name)
        services.people.assign(coach.id, employee, date(2026, 1, 1))
        add_recording(
            services.workspace.store_path, f"rec-{employee}", clock.now - timedelta(days=1), employee=employee
        )
    built = services.desk_for(coach)
    assert isinstance(built, CoachDesk)
    return built


def test_each_role_gets_its_own_desk(services: Services, coach: User, it_user: User) -> None:
    assert isinstance(services.desk_for(coach), CoachDesk)
    it_desk = services.desk_for(it_user)
    assert isinstance(it_desk, ItDesk) and not isinstance(it_desk, CoachDesk)
    assert it_desk.verify_audit().intact
    with pytest.raises(AccessDenied):  # the services' policy still decides, whatever the desk offers
        it_desk.recordings()


def test_listening_together_narrows_the_list_and_the_player(services: Services, desk: CoachDesk) -> None:
    assert sorted(r.id for r in desk.recordings().items) == ["rec-E1", "rec-E2"]
    desk.listen_together("E1")
    assert desk.listening_with == "E1"
    assert [r.id for r in desk.recordings().items] == ["rec-E1"]
    opened = desk.open_recording("rec-E1")
    desk.before_playback(opened)
    assert services.audit.entries(action="recordings.play")[0].purpose == "terugluisteren met medewerker"
    with pytest.raises(AccessDenied, match="P4"):
        desk.open_recording("rec-E2")
    desk.listen_together(None)
    assert desk.open_recording("rec-E2").recording_id == "rec-E2"
    assert services.audit.entries(action="recordings.play")[0].purpose == "coaching"


def test_what_became_of_each_drafts_recording(
    services: Services, desk: CoachDesk, it_user: User, clock: FakeClock
) -> None:
    listed = {r.id: r for r in desk.recordings().items}
    for recording_id in ("rec-E1", "rec-E2"):
        evaluation, guideline = desk.evaluation_of(listed[recording_id])
        assert evaluation.recording_id == recording_id and guideline.content_hash == evaluation.guideline_hash
        assert evaluation.id == UNSAVED  # opening a call stores no draft; the first change does
        assert desk.begin_evaluation(evaluation).id != UNSAVED
    services.erasure.erase(it_user, "rec-E2", "VZ-2026-001")
    desk.start_session("E1", REASON_EMPLOYEE_REQUEST, "")
    states = {(d.evaluation.recording_id, d.employee_name): d.recording_state for d in desk.drafts()}
    assert states == {
        ("rec-E1", "Anouk de Vries"): RecordingState.AVAILABLE,
        ("rec-E2", "Bram Jansen"): RecordingState.ERASED,
        (None, "Anouk de Vries"): RecordingState.LIVE,
    }
    assert sorted(desk.draft_recording_ids()) == ["rec-E1", "rec-E2"]
    clock.advance(days=services.workspace.settings.recording_retention_days)  # the call is now past retention
    assert {d.evaluation.recording_id: d.recording_state for d in desk.drafts()}["rec-E1"] == RecordingState.EXPIRED
    overview = {row.employee_id: (row.submitted, row.drafts) for row in desk.employee_overview()}
    assert overview == {"E1": (0, 2), "E2": (0, 1)}


def test_the_drafts_and_the_history_tell_the_same_fate(
    services: Services, desk: CoachDesk, it_user: User, clock: FakeClock
) -> None:
    """One rule (domain.recording_state) for both lists: after an erasure and past the retention period, the
    coach's drafts and the employee's history say the same of every recording."""
    listed = {r.id: r for r in desk.recordings().items}
    for recording_id in ("rec-E1", "rec-E2"):
        desk.begin_evaluation(desk.evaluation_of(listed[recording_id])[0])
    services.erasure.erase(it_user, "rec-E2", "VZ-2026-002")

    def both() -> list[tuple[RecordingState, RecordingState]]:
        drafts = {d.evaluation.id: d.recording_state for d in desk.drafts()}
        history = {e.evaluation.id: e.recording_state for emp in ("E1", "E2") for e in desk.history(emp).entries}
        assert drafts.keys() == history.keys()
        return sorted((drafts[i], history[i]) for i in drafts)

    assert both() == [
        (RecordingState.AVAILABLE, RecordingState.AVAILABLE),
        (RecordingState.ERASED, RecordingState.ERASED),
    ]
    clock.advance(days=services.workspace.settings.recording_retention_days)
    assert both() == [
        (RecordingState.ERASED, RecordingState.ERASED),
        (RecordingState.EXPIRED, RecordingState.EXPIRED),
    ]
