"""Subject access (AVG art. 15, protocol P12): everything stored about one employee, as a PDF for them.

For the IT role (for the FG): the whole history - the employee record, every coach assignment, every
evaluation with every revision (by any coach) and who listened to their recordings, when and why (from the
audit log, ids only). For the employee's own coach: only that coach's own coaching period (their dated
assignments), so the coach sees their own evaluations and the listens of that period, never what a previous
coach made. The export itself is audited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from nunrec_desktop.adapters.atomic_file import write_atomically
from nunrec_desktop.adapters.db.unit_of_work import Database
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, Assignment, Employee, InvalidInput, Role, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.audit import AuditEntry, AuditLog
from nunrec_desktop.services.evaluations import Evaluation, evaluation_from_row
from nunrec_desktop.services.people import PeopleDirectory
from nunrec_desktop.services.recordings import employees_in_detail


@dataclass(frozen=True)
class SubjectAccessData:
    employee: Employee
    made_on: date
    requested_by: str
    assignments: list[tuple[Assignment, str]]  # with the coach's name
    evaluations: list[tuple[Evaluation, str]]  # every revision, with the coach's name
    listens: list[AuditEntry]
    # None: the whole history (IT, for the FG); else the requesting coach's own coaching periods it covers.
    periods: list[Assignment] | None = None


def _within(periods: list[Assignment], moment: datetime | None) -> bool:
    """The moment falls in one of the coach's own coaching periods (dates inclusive, local calendar)."""
    return moment is not None and any(period.covers(moment) for period in periods)


class SubjectAccessService:
    def __init__(
        self,
        database: Database,
        people: PeopleDirectory,
        policy: AccessPolicy,
        audit: AuditLog,
        clock: Clock,
    ) -> None:
        self._database = database
        self._people = people
        self._policy = policy
        self._audit = audit
        self._clock = clock

    def gather(self, user: User, employee_id: str) -> SubjectAccessData:
        self._policy.require(
            user, Action.SUBJECT_ACCESS, Target("employee", employee_id, (employee_id,)), detail="gather"
        )
        employee = self._people.employee(employee_id)
        if employee is None:
            raise InvalidInput(f"Er is geen medewerker {employee_id}.")
        whole = user.role is Role.IT
        with self._database.read() as uow:
            names = {account.id: account.display_name for account in uow.accounts.all()}
            assignments = [
                (a, names.get(a.coach_user_id, "?"))
                for a in uow.people.assignments_of_employee(employee_id)
                if whole or a.coach_user_id == user.id
            ]
            periods = None if whole else [a for a, _ in assignments]
            evaluations = [
                (evaluation_from_row(r), names.get(r.coach_user_id, "?"))
                for r in uow.evaluations.of_employee_by_call(employee_id)
                if periods is None or (r.coach_user_id == user.id and _within(periods, r.call_start))
            ]
        listens = [
            e
            for e in reversed(self._audit.entries(action="recordings.", limit=100_000))
            if e.action in ("recordings.play", "recordings.play_for_calibration", "recordings.retrieve_for_coach")
            and e.result == "allowed"
            and employee_id in employees_in_detail(e.detail)
            and (periods is None or _within(periods, datetime.fromisoformat(e.occurred_at)))
        ]
        return SubjectAccessData(
            employee, self._clock().date(), user.display_name, assignments, evaluations, listens, periods
        )

    def export(
        self, user: User, data: SubjectAccessData, out: Path, render: Callable[[SubjectAccessData, Path], None]
    ) -> Path:
        out = write_atomically(out, lambda path: render(data, path))
        self._audit.record_for(
            user,
            "subject_access.exported",
            object_type="employee",
            object_id=data.employee.id,
            detail=f"evaluations {len(data.evaluations)}; listens {len(data.listens)}",
        )
        return out
