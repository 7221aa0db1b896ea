"""The SQL behind IT's administration screens and the access review: employees with their state, dated
assignments with ids, last sign-ins (read from the audit chain, not stored twice) and review sign-offs.

Plain data in, plain data out; who may ask is decided by the services that use this (`services/staffing.py`,
`services/access_review.py`), never here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, or_, select, union
from sqlalchemy.orm import Session, sessionmaker

from nunrec_desktop.adapters.db.models import (
    AccessReviewRow,
    AssignmentRow,
    AuditEntryRow,
    CycleRow,
    DrawRow,
    EmployeeRow,
    EvaluationRow,
    FeedbackExportRow,
    UserRow,
)
from nunrec_desktop.domain import Employee, InvalidInput


@dataclass(frozen=True, slots=True)
class AssignmentRecord:
    id: int
    coach_user_id: int
    coach_username: str
    employee_id: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    id: int
    signed_at: datetime
    signed_on: date
    signed_by: str
    scope: str
    remark: str
    accounts: int


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    """One audited administrative change: ids, dates and the before/after the service wrote."""

    seq: int
    occurred_at: str
    actor: str
    action: str
    object_type: str
    object_id: str
    detail: str


def _review(row: AccessReviewRow) -> ReviewRecord:
    return ReviewRecord(row.id, row.signed_at, row.signed_on, row.signed_by, row.scope, row.remark, row.accounts)


class AdminQueries:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # Employees -------------------------------------------------------------------------------------------
    def employees_with_state(self) -> list[tuple[Employee, bool]]:
        with self._sessions() as session:
            rows = session.execute(select(EmployeeRow).order_by(EmployeeRow.name, EmployeeRow.id)).scalars()
            return [(Employee(r.id, r.name), bool(r.active)) for r in rows]

    def employee_active(self, employee_id: str) -> bool:
        with self._sessions() as session:
            row = session.get(EmployeeRow, employee_id)
            return row is not None and bool(row.active)

    def _employee(self, session: Session, employee_id: str) -> EmployeeRow:
        row = session.get(EmployeeRow, employee_id)
        if row is None:
            raise InvalidInput(f"Onbekende medewerker {employee_id}.")
        return row

    def rename_employee(self, employee_id: str, name: str) -> str:
        """Returns the name before."""
        with self._sessions.begin() as session:
            row = self._employee(session, employee_id)
            before, row.name = row.name, name
            return before

    def set_employee_active(self, employee_id: str, active: bool) -> bool:
        with self._sessions.begin() as session:
            row = self._employee(session, employee_id)
            before, row.active = bool(row.active), active
            return before

    def referenced_employees(self) -> set[str]:
        """Employees that evaluations, draws, cycles or feedback documents refer to."""
        query = union(
            select(EvaluationRow.employee_id),
            select(DrawRow.employee_id),
            select(CycleRow.employee_id),
            select(FeedbackExportRow.employee_id),
        )
        with self._sessions() as session:
            return {str(r[0]) for r in session.execute(query)}

    def delete_employee(self, employee_id: str) -> int:
        """Delete an employee nothing refers to, with their assignments; returns how many assignments went."""
        with self._sessions.begin() as session:
            self._employee(session, employee_id)
            for model in (EvaluationRow, DrawRow, CycleRow, FeedbackExportRow):
                found = session.execute(
                    select(func.count()).select_from(model).where(model.employee_id == employee_id)
                ).scalar_one()
                if found:
                    raise InvalidInput(
                        "Deze medewerker heeft beoordelingen of coachinggegevens en wordt niet verwijderd; zet hem "
                        "op inactief. De gegevens verdwijnen met hun eigen bewaartermijn."
                    )
            removed = session.execute(
                select(func.count()).select_from(AssignmentRow).where(AssignmentRow.employee_id == employee_id)
            ).scalar_one()
            session.execute(delete(AssignmentRow).where(AssignmentRow.employee_id == employee_id))
            session.execute(delete(EmployeeRow).where(EmployeeRow.id == employee_id))
            return int(removed)

    # Assignments -----------------------------------------------------------------------------------------
    def assignment_records(self) -> list[AssignmentRecord]:
        with self._sessions() as session:
            rows = session.execute(
                select(AssignmentRow, UserRow.username)
                .join(UserRow, UserRow.id == AssignmentRow.coach_user_id)
                .order_by(AssignmentRow.start_date, AssignmentRow.id)
            ).all()
            return [
                AssignmentRecord(a.id, a.coach_user_id, username, a.employee_id, a.start_date, a.end_date)
                for a, username in rows
            ]

    def assignment(self, assignment_id: int) -> AssignmentRecord | None:
        return next((r for r in self.assignment_records() if r.id == assignment_id), None)

    def set_assignment_end(self, assignment_id: int, end: date | None) -> None:
        with self._sessions.begin() as session:
            row = session.get(AssignmentRow, assignment_id)
            if row is None:
                raise InvalidInput("Deze koppeling bestaat niet (meer).")
            row.end_date = end

    # Sign-ins and changes (from the audit chain) ---------------------------------------------------------
    def last_sign_ins(self) -> dict[str, str]:
        """username -> ISO time of the last successful sign-in (UTC)."""
        with self._sessions() as session:
            rows = session.execute(
                select(AuditEntryRow.actor, func.max(AuditEntryRow.occurred_at))
                .where(AuditEntryRow.action == "auth.sign_in", AuditEntryRow.result == "allowed")
                .group_by(AuditEntryRow.actor)
            ).all()
            return {str(actor): str(moment) for actor, moment in rows}

    def changes_since(
        self, since: str, actions: tuple[str, ...], prefixes: tuple[str, ...], leave_out: tuple[str, ...] = ()
    ) -> list[ChangeRecord]:
        """Audited changes after `since` (ISO, "" for all) whose action is in `actions` or starts with a prefix,
        except the actions in `leave_out`."""
        with self._sessions() as session:
            wanted = or_(AuditEntryRow.action.in_(actions), *(AuditEntryRow.action.startswith(p) for p in prefixes))
            query = (
                select(AuditEntryRow)
                .where(AuditEntryRow.result == "allowed", wanted, AuditEntryRow.action.not_in(leave_out))
                .order_by(AuditEntryRow.seq)
            )
            if since:
                query = query.where(AuditEntryRow.occurred_at > since)
            rows = session.execute(query).scalars()
            return [
                ChangeRecord(r.seq, r.occurred_at, r.actor, r.action, r.object_type, r.object_id, r.detail)
                for r in rows
            ]

    # Access reviews --------------------------------------------------------------------------------------
    def add_review(self, signed_at: datetime, signed_on: date, signed_by: str, scope: str, remark: str, n: int) -> None:
        with self._sessions.begin() as session:
            session.add(
                AccessReviewRow(
                    signed_at=signed_at,
                    signed_on=signed_on,
                    signed_by=signed_by,
                    scope=scope,
                    remark=remark,
                    accounts=n,
                )
            )

    def reviews(self) -> list[ReviewRecord]:
        """Newest first."""
        with self._sessions() as session:
            rows = session.execute(
                select(AccessReviewRow).order_by(AccessReviewRow.signed_at.desc(), AccessReviewRow.id.desc())
            ).scalars()
            return [_review(r) for r in rows]
