"""The unit of work in front of the database (issue 27): one transaction, all or nothing; a read commits nothing;
a constraint the database enforces comes back as `ConstraintViolated` with nothing written; repositories hand
out domain objects and records, never ORM rows. Runs on SQLite and, with NUNREC_TEST_DATABASE_URL, PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete

from nunrec_desktop.adapters.db.models import AuditHeadRow, Base
from nunrec_desktop.adapters.db.repositories.accounts import AccountRecord
from nunrec_desktop.adapters.db.unit_of_work import ConstraintViolated
from nunrec_desktop.app import Services
from nunrec_desktop.domain import AuditResult, Employee, User
from nunrec_desktop.services.audit import AuditLogDamaged


def _account(services: Services, username: str) -> AccountRecord:
    return AccountRecord(
        id=0,
        username=username,
        display_name="Petra de Vries",
        role="coach",
        password_hash="not-a-real-hash",
        disabled=False,
        failed_attempts=0,
        locked_until=None,
        created_at=services.clock(),
    )


def test_a_unit_of_work_that_fails_halfway_writes_nothing(services: Services) -> None:
    with pytest.raises(RuntimeError), services.database.begin() as uow:
        uow.people.add_employee(Employee("E901", "Sanne Jansen"))
        uow.accounts.add(_account(services, "petra"))
        raise RuntimeError("something went wrong after two writes")
    with services.database.read() as uow:
        assert uow.people.employee("E901") is None
        assert uow.accounts.by_username("petra") is None


def test_a_read_commits_nothing(services: Services) -> None:
    with services.database.read() as uow:
        uow.people.add_employee(Employee("E902", "Sanne Jansen"))
    assert services.people.employee("E902") is None


def test_a_duplicate_key_is_a_constraint_violation_and_the_whole_unit_is_undone(services: Services) -> None:
    with services.database.begin() as uow:
        first = uow.accounts.add(_account(services, "petra"))
    assert first.id > 0
    with pytest.raises(ConstraintViolated), services.database.begin() as uow:
        uow.people.add_employee(Employee("E903", "Sanne Jansen"))
        uow.accounts.add(_account(services, "petra"))
    with services.database.read() as uow:
        assert uow.people.employee("E903") is None
        assert [a.username for a in uow.accounts.all()] == ["petra"]


def test_repositories_hand_out_records_never_rows(services: Services, admin: User, coach: User) -> None:
    services.people.add_employee("E904", "Sanne Jansen")
    services.people.assign(coach.id, "E904", date(2026, 1, 1))
    cycle = services.cycle_book.start(coach, "E904")
    services.audit.record_for(coach, "recordings.play", object_type="recording", object_id="rec-0001")
    with services.database.read() as uow:
        found: list[object] = [
            *uow.people.employees(),
            *uow.people.assignments(coach.id),
            *uow.accounts.all(),
            *(record for record, _held in uow.cycles.of(coach.id, "E904")),
            *uow.audit.entries(),
            uow.cycles.get(cycle.id),
        ]
    assert len(found) >= 6
    assert not [thing for thing in found if isinstance(thing, Base)]


def test_the_audit_helper_records_the_user_by_name_and_role(services: Services, coach: User) -> None:
    services.audit.record_for(
        coach, "recordings.play", object_type="recording", object_id="rec-0002", purpose="coaching"
    )
    [entry] = services.audit.entries(action="recordings.play")
    assert (entry.actor, entry.role, entry.result, entry.object_id) == ("marieke", "coach", "allowed", "rec-0002")
    assert services.audit.verify().intact


def test_no_audit_head_means_no_entry_and_no_change(services: Services, admin: User, coach: User) -> None:
    """Fail closed: a change that the policy cannot audit is not made (the policy audits before the write)."""
    with services.sessions.begin() as session:
        session.execute(delete(AuditHeadRow))
    with pytest.raises(AuditLogDamaged):
        services.accounts.set_disabled(admin, coach.username, True)
    with services.database.read() as uow:
        account = uow.accounts.by_username(coach.username)
    assert account is not None and not account.disabled
    with pytest.raises(AuditLogDamaged):
        services.audit.record(actor="marieke", role="coach", action="auth.sign_out", result=AuditResult.ALLOWED)
