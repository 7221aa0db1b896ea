"""Issue 14, finding 3: the one rule book fails closed, the recordings list asks it, and changes to who
coaches whom (which decide access) pass the policy and the audit chain."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import event

from nunrec_desktop.adapters.store.base import Segment
from nunrec_desktop.app import Services
from nunrec_desktop.domain import AccessDenied, Action, Role, User
from nunrec_desktop.services.access import EMPLOYEE_SCOPED, Target
from tests.conftest import TEST_PASSWORD, FakeClock
from tests.recordings_factory import add_recording


@pytest.fixture
def two_coaches(services: Services, admin: User, coach: User) -> User:
    other = services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    return other


@pytest.mark.parametrize("segments", [(), (Segment("", 0, 1), Segment(" ", 1, 2))])
def test_a_recording_without_an_employee_opens_for_no_coach(
    services: Services, coach: User, two_coaches: User, clock: FakeClock, segments: tuple[Segment, ...]
) -> None:
    add_recording(
        services.workspace.store_path, "nobody", clock.now - timedelta(days=1), employee="", segments=segments
    )
    for user in (coach, two_coaches):
        with pytest.raises(AccessDenied, match="niet aan een medewerker gekoppeld"):
            services.listening.open(user, "nobody")
        entry = services.audit.entries(action="recordings.play")[0]
        assert (entry.actor, entry.result, entry.object_id) == (user.username, "denied", "nobody")
        assert "nobody" not in [r.id for r in services.catalog.visible_for(user).items]


@pytest.mark.parametrize("action", [a for a in Action if a is not Action.LIST_RECORDINGS])
def test_every_employee_scoped_action_without_employee_ids_is_denied(
    services: Services, coach: User, it_user: User, action: Action
) -> None:
    for user in (coach, it_user):
        for ids in ((), ("",), ("", "  ")):
            decision = services.policy.decide(user, action, Target("thing", "t", ids))
            if action in EMPLOYEE_SCOPED:
                assert not decision.allowed, (user.role, action, ids)


def test_the_list_action_is_explicit(services: Services, coach: User, two_coaches: User) -> None:
    # Listing as a whole is allowed without employee ids: each row is decided again before it is shown.
    assert services.policy.decide(coach, Action.LIST_RECORDINGS, Target("recordings", "*")).allowed
    # Any other target without employees is not a list of everything: no.
    assert not services.policy.decide(coach, Action.LIST_RECORDINGS, Target("recording", "r1")).allowed
    assert not services.policy.decide(coach, Action.LIST_RECORDINGS, Target("employee", "", ("",))).allowed
    # A listing of one employee is scoped like everything else.
    assert services.policy.decide(coach, Action.LIST_RECORDINGS, Target("employee", "E1", ("E1",))).allowed
    assert not services.policy.decide(two_coaches, Action.LIST_RECORDINGS, Target("employee", "E1", ("E1",))).allowed


def test_the_list_filters_through_the_policy_with_one_audit_entry(
    services: Services, coach: User, two_coaches: User, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = services.workspace.store_path
    add_recording(root, "mine", clock.now - timedelta(days=1))
    add_recording(root, "theirs", clock.now - timedelta(days=1), employee="E9")
    asked: list[Target] = []
    from nunrec_desktop.services import access

    original = access.AccessPolicy._decide

    def spy(
        self: access.AccessPolicy, user: User, action: Action, target: Target, purpose: str, assigned: object
    ) -> object:
        asked.append(target)
        return original(self, user, action, target, purpose, assigned)  # type: ignore[arg-type]

    monkeypatch.setattr(access.AccessPolicy, "_decide", spy)
    before = len(services.audit.entries())
    listing = services.catalog.visible_for(coach)
    assert [r.id for r in listing.items] == ["mine"]
    # Every row was decided by the policy's own rule code, with the row's employees and call time.
    assert {(t.id, t.employee_ids) for t in asked if t.kind == "recording"} == {("mine", ("E1",)), ("theirs", ("E9",))}
    # One audited list decision and one count entry, not one per row.
    new = services.audit.entries()[: len(services.audit.entries()) - before]
    assert [e.action for e in new] == ["recordings.filtered", "recordings.list"]


def test_a_hundred_thousand_rows_are_decided_quickly_without_audit(services: Services, coach: User) -> None:
    """Quickly, counted rather than timed (issue 21; the time is in benchmarks/policy_batch.py): the rows are
    decided in memory, without a database statement or an audit entry per row."""
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    now = services.clock()
    before = len(services.audit.entries())
    batch = services.policy.require_batch(coach, Action.LIST_RECORDINGS, Target("recordings", "*"))
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(services.engine, "before_cursor_execute", count)
    try:
        allowed = sum(
            batch.permits(Target("recording", f"r{i}", ("E1" if i % 2 else "E2",), now)) for i in range(100_000)
        )
    finally:
        event.remove(services.engine, "before_cursor_execute", count)
    assert allowed == 50_000
    assert len(statements) <= 2, statements  # at most one look-up per employee, not one per row
    assert len(services.audit.entries()) == before + 1


def test_a_batch_of_a_denied_listing_is_refused_and_audited(services: Services, it_user: User) -> None:
    with pytest.raises(AccessDenied):
        services.policy.require_batch(it_user, Action.LIST_RECORDINGS, Target("recordings", "*"))
    assert services.audit.entries()[0].result == "denied"
