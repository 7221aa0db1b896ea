"""Retention (P10): evaluations go 12 months after submission (configurable), drafts after 30 days, whole
revision chains together, at the boundary day exactly; sweeps are audited; the CLI and the start-up run it."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from nunrec_desktop.app import Services, retention_actor
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import AccessDenied, Role, User
from nunrec_desktop.services.evaluations import Answer, EvaluationContent
from nunrec_desktop.services.retention import months_before
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring


def submitted_at(services: Services, coach: User, clock: FakeClock, recording_id: str, moment: datetime) -> int:
    guideline = services.guideline()
    saved = clock.now
    clock.now = moment
    draft = services.evaluations.for_recording(coach, guideline, "E1", recording_id, moment - timedelta(hours=1), 60)
    answers = {c.key: Answer(c.scale.options[0]) for s in guideline.sections for c in s.criteria}
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(answers=answers, notes="rustig"))
    services.evaluations.submit(coach, draft.id, guideline, services.guard())
    clock.now = saved
    return draft.id


@pytest.fixture
def coached(services: Services, coach: User) -> User:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2024, 1, 1))
    return coach


def test_month_arithmetic() -> None:
    assert months_before(datetime(2026, 11, 20, 9, tzinfo=UTC), 12) == datetime(2025, 11, 20, 9, tzinfo=UTC)
    assert months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2026, 1, 15, tzinfo=UTC), 2) == datetime(2025, 11, 15, tzinfo=UTC)


def test_the_boundary_day(services: Services, coached: User, clock: FakeClock) -> None:
    cutoff = months_before(clock.now, 12)
    gone = submitted_at(services, coached, clock, "rec-gone", cutoff)
    kept = submitted_at(services, coached, clock, "rec-kept", cutoff + timedelta(seconds=1))
    report = services.retention.sweep(retention_actor())
    assert (report.evaluations_removed, report.drafts_removed) == (1, 0)
    remaining = {e.id for rid in ("rec-gone", "rec-kept") for e in services.evaluations.history(coached, rid)}
    assert remaining == {kept} and gone not in remaining


def test_a_revision_chain_goes_only_when_its_newest_revision_expires(
    services: Services, coached: User, clock: FakeClock
) -> None:
    old = submitted_at(services, coached, clock, "rec-1", clock.now - timedelta(days=500))
    clock_now = clock.now
    clock.now = clock_now - timedelta(days=100)
    revision = services.evaluations.revise(coached, old)
    services.evaluations.submit(coached, revision.id, services.guideline(), services.guard())
    clock.now = clock_now
    assert services.retention.sweep(retention_actor()).evaluations_removed == 0  # the newest lives: history stays
    assert len(services.evaluations.history(coached, "rec-1")) == 2
    clock.now = clock_now + timedelta(days=300)
    assert services.retention.sweep(retention_actor()).evaluations_removed == 2
    assert services.evaluations.history(coached, "rec-1") == []


def test_old_drafts_go_after_thirty_days(services: Services, coached: User, clock: FakeClock) -> None:
    guideline = services.guideline()
    draft = services.evaluations.for_recording(coached, guideline, "E1", "rec-d", clock.now, 60)
    clock.advance(days=29, hours=23)
    assert services.retention.sweep(retention_actor()).drafts_removed == 0
    clock.advance(hours=2)
    report = services.retention.sweep(retention_actor())
    assert report.drafts_removed == 1 and report.snapshots_removed == 1  # its guideline snapshot was unused then
    assert services.evaluations.drafts(coached) == [] and draft.id


def test_sweeps_are_audited_and_only_for_it(services: Services, coached: User, clock: FakeClock) -> None:
    submitted_at(services, coached, clock, "rec-1", clock.now - timedelta(days=400))
    services.retention.sweep(retention_actor())
    entry = services.audit.entries(action="retention.")[0]
    assert (entry.actor, entry.result, entry.detail) == (
        "system:retention",
        "allowed",
        "evaluations 1; drafts 0; calibrations 0; self-evaluations 0",
    )
    with pytest.raises(AccessDenied):
        services.retention.sweep(coached)


def test_cli_sweep(
    services: Services, coached: User, clock: FakeClock, workspace_dir: Path, keyring_backend: MemoryKeyring
) -> None:
    submitted_at(services, coached, clock, "rec-1", clock.now - timedelta(days=400))
    out = io.StringIO()
    code = main(
        ["retention", "sweep", "--workspace", str(workspace_dir)],
        Io(stdout=out, clock=clock, keyring_factory=lambda: keyring_backend),
    )
    assert code == 0 and "Verwijderd: 1 beoordelingen" in out.getvalue()
    assert services.audit.entries(action="retention.")[0].actor.startswith("os:")


def test_the_application_sweeps_at_start(
    qtbot,
    services: Services,
    coached: User,
    clock: FakeClock,  # type: ignore[no-untyped-def]
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    from nunrec_desktop.gui import gui_controller

    submitted_at(services, coached, clock, "rec-1", clock.now - timedelta(days=400))
    controller = gui_controller(workspace_dir, keyring_factory=lambda: keyring_backend, clock=clock)
    qtbot.addWidget(controller.login)
    controller.start()
    qtbot.waitUntil(controller.login.button.isEnabled, timeout=10_000)
    assert services.evaluations.history(coached, "rec-1") == []
    controller.shutdown()


def test_an_old_cycle_goes_with_its_conversation_and_the_actions_agreed_in_it(
    services: Services, coached: User, clock: FakeClock
) -> None:
    """A cycle older than the period without evaluations goes with its conversation: the actions agreed in it go
    too (their foreign key refused the sweep, and with it every start of the application), and an action of a
    cycle that stays, closed in a cycle that goes, stays closed without that cycle."""
    now = clock.now
    clock.now = now - timedelta(days=500)
    kept_cycle = services.cycle_book.start(coached, "E1")
    services.conversations.record(coached, "E1", clock.now.date(), ["Doorvragen"], cycle_id=kept_cycle.id)
    clock.now = now - timedelta(days=450)
    gone_cycle = services.cycle_book.start(coached, "E1")
    services.conversations.record(coached, "E1", clock.now.date(), ["Rustiger praten"], cycle_id=gone_cycle.id)
    [follow_up] = [a for a in services.conversations.actions_of(coached, "E1") if a.what == "Doorvragen"]
    services.conversations.close_action(coached, follow_up.id, "done")  # closed while the second cycle ran
    clock.now = now - timedelta(days=10)
    services.cycle_book.start(coached, "E1")
    clock.now = now
    evaluation = submitted_at(services, coached, clock, "rec-recent", now - timedelta(days=5))
    services.cycle_book.move(coached, evaluation, kept_cycle.id)  # keeps the first cycle
    services.retention.sweep(retention_actor())
    assert gone_cycle.id not in {c.id for c in services.cycle_book.cycles(coached, "E1")}
    [left] = services.conversations.actions_of(coached, "E1")
    assert (left.what, left.state, left.closed_in_cycle_id) == ("Doorvragen", "done", None)


def test_calibrations_and_self_evaluations_go_with_the_retention_period(
    services: Services, coached: User, admin: User, clock: FakeClock
) -> None:
    """An evaluation shared for calibration expires like any other: the calibration (with every coach's blind
    scores) goes with it instead of its foreign key refusing the sweep, and with it every start of the
    application; the employee's own answers go after the same period; what is younger stays, and so does the
    guideline a young self-evaluation was given with, even when no evaluation uses it any more."""
    henk = services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    now = clock.now
    old = now - timedelta(days=500)
    evaluation = submitted_at(services, coached, clock, "rec-old", old)
    guideline = services.guideline()
    answers = {c.key: c.scale.options[0] for s in guideline.sections for c in s.criteria}
    clock.now = old
    calibration = services.calibrations.share(coached, evaluation)
    for user in (coached, henk):
        services.calibrations.score(user, calibration, answers)
    services.self_evaluations.record(coached, guideline, "E1", "rec-old", old - timedelta(hours=1), 60.0, answers)
    clock.now = now - timedelta(days=3)
    services.self_evaluations.record(coached, guideline, "E1", "rec-young", clock.now, 60.0, answers)
    clock.now = now
    report = services.retention.sweep(retention_actor())  # raised ConstraintViolated before
    assert report.evaluations_removed == 1
    assert services.calibrations.list(henk) == []
    assert [s.recording_id for s in services.self_evaluations.of_employee(coached, "E1")] == ["rec-young"]
    [young] = services.self_evaluations.of_employee(coached, "E1")
    assert services.evaluations.guideline_by_hash(young.guideline_hash) is not None
    entry = services.audit.entries(action="retention.run")[0]
    assert "calibrations 1" in entry.detail and "self-evaluations 1" in entry.detail
