"""IT's changes to employees and to who coaches whom (protocol P3, P4, P12).

Who coaches whom decides what a coach may hear, so every change here is decided by the access policy
(IT only; a coach is refused) and written to the audit chain twice: the decision, and after it succeeded
the change itself with what it was before and after (ids, dates and states; a name only as a short
fingerprint, because the audit log keeps ids, never names). Ids and names are checked before anything
reaches the policy, the audit log or the database.

A change that would apply backwards (an assignment starting, or ending, before today) is refused with
`BackdatedChange` unless the caller says it is meant (`backdated=True`): the screen asks, the CLI says so.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from nunrec_desktop.adapters.db.admin_queries import AdminQueries, AssignmentRecord
from nunrec_desktop.domain import Action, Assignment, Employee, InvalidInput, Role, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.accounts import Accounts
from nunrec_desktop.services.audit import AuditLog
from nunrec_desktop.services.identifiers import require_employee_id, require_employee_name
from nunrec_desktop.services.people import PeopleDirectory

__all__ = ["AssignmentLine", "AssignmentRecord", "BackdatedChange", "EmployeeLine", "StaffAdministration"]


class BackdatedChange(InvalidInput):
    """The change would apply to days already past; it happens only when that is confirmed."""


@dataclass(frozen=True, slots=True)
class EmployeeLine:
    """One employee as IT sees it: no evaluations, only whether any exist (so it cannot be deleted)."""

    id: str
    name: str
    active: bool
    referenced: bool  # evaluations, draws or cycles refer to this employee: deactivate, never delete
    coach: str  # the coach's username today, "" when none


@dataclass(frozen=True, slots=True)
class AssignmentLine:
    """One assignment in an employee's history, with what is wrong around it."""

    record: AssignmentRecord
    overlaps: bool  # another assignment of this employee covers some of the same days
    gap_days_before: int  # days without a coach between the previous assignment's end and this start


def _fingerprint(name: str) -> str:
    """A name's short fingerprint: the audit log keeps ids, never names, yet a rename can be checked against it."""
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]


def _span(start: date, end: date | None) -> str:
    return (
        f"{start.isoformat()} to {end.isoformat() if end else 'open'}"  # never '..': a run of digits reads as a number
    )


class StaffAdministration:
    def __init__(
        self,
        people: PeopleDirectory,
        accounts: Accounts,
        policy: AccessPolicy,
        audit: AuditLog,
        queries: AdminQueries | None = None,
    ) -> None:
        self._people = people
        self._accounts = accounts
        self._policy = policy
        self._audit = audit
        self._queries = queries

    def _q(self) -> AdminQueries:
        if self._queries is None:
            raise InvalidInput("Beheer is in deze werkmap niet beschikbaar.")
        return self._queries

    def add_employee(self, admin: User, employee_id: str, name: str) -> Employee:
        employee_id = require_employee_id(employee_id.strip())
        name = require_employee_name(name)
        self._policy.require(admin, Action.ADMINISTER_EMPLOYEES, Target("employee", employee_id), detail="add")
        employee = self._people.add_employee(employee_id, name)
        self._changed(admin, "employees.added", employee_id, "name set")
        return employee

    def rename_employee(self, admin: User, employee_id: str, name: str) -> Employee:
        employee_id = require_employee_id(employee_id.strip())
        name = require_employee_name(name)
        self._policy.require(admin, Action.ADMINISTER_EMPLOYEES, Target("employee", employee_id), detail="rename")
        before = self._q().rename_employee(employee_id, name)
        self._changed(
            admin, "employees.renamed", employee_id, f"name before #{_fingerprint(before)}, after #{_fingerprint(name)}"
        )
        return Employee(employee_id, name)

    def set_employee_active(self, admin: User, employee_id: str, active: bool) -> None:
        employee_id = require_employee_id(employee_id.strip())
        what = "activate" if active else "deactivate"
        self._policy.require(admin, Action.ADMINISTER_EMPLOYEES, Target("employee", employee_id), detail=what)
        before = self._q().set_employee_active(employee_id, active)
        self._changed(admin, f"employees.{what}d", employee_id, f"active before {before}, after {active}")

    def delete_employee(self, admin: User, employee_id: str) -> None:
        """Only an employee nothing refers to (no evaluations, draws or cycles); otherwise: deactivate."""
        employee_id = require_employee_id(employee_id.strip())
        self._policy.require(admin, Action.ADMINISTER_EMPLOYEES, Target("employee", employee_id), detail="delete")
        removed = self._q().delete_employee(employee_id)
        self._changed(admin, "employees.deleted", employee_id, f"deleted; assignments removed {removed}")

    def employee_lines(self, admin: User, today: date) -> list[EmployeeLine]:
        self._policy.require(admin, Action.ADMINISTER_EMPLOYEES, Target("employee", "*"), detail="list")
        q = self._q()
        referenced = q.referenced_employees()
        coach_today = {
            r.employee_id: r.coach_username
            for r in q.assignment_records()
            if r.start <= today and (r.end is None or today <= r.end)
        }
        return [
            EmployeeLine(e.id, e.name, active, e.id in referenced, coach_today.get(e.id, ""))
            for e, active in q.employees_with_state()
        ]

    def assign(
        self,
        admin: User,
        employee_id: str,
        coach_username: str,
        start: date,
        end: date | None = None,
        *,
        today: date | None = None,
        backdated: bool = True,
    ) -> Assignment:
        """Let `coach_username` coach the employee from `start` up to and including `end` (open if None).

        With `today` and `backdated=False` a start before today is refused with `BackdatedChange`."""
        employee_id = require_employee_id(employee_id.strip())
        if today is not None and not backdated and start < today:
            raise BackdatedChange(
                f"De koppeling zou met terugwerkende kracht gelden vanaf {start:%d-%m-%Y}: de coach krijgt dan "
                "ook toegang tot de gesprekken sinds die dag. Is dat de bedoeling?"
            )
        coach = self._accounts.find(coach_username.strip().lower())
        detail = f"assign from {start.isoformat()} to {end.isoformat() if end else 'open'}"
        self._policy.require(
            admin,
            Action.ADMINISTER_EMPLOYEES,
            Target("employee", employee_id),
            detail=f"{detail}; coach {coach.id if coach else '?'}",
        )
        if coach is None:
            raise InvalidInput(f"Er is geen account '{coach_username.strip()}'.")
        if coach.role is not Role.COACH:
            raise InvalidInput("Medewerkers kunnen alleen aan een coach worden gekoppeld.")
        if self._queries is not None and not self._queries.employee_active(employee_id):
            raise InvalidInput("Deze medewerker is inactief; zet hem eerst weer op actief.")
        assignment = self._people.assign(coach.id, employee_id, start, end)
        self._changed(admin, "employees.assigned", employee_id, f"{detail}; coach {coach.id}")
        return assignment

    def end_assignment(
        self, admin: User, assignment_id: int, last_day: date, *, today: date, backdated: bool = False
    ) -> AssignmentRecord:
        """End an assignment after `last_day` (inclusive); before today only when `backdated`."""
        record = self._q().assignment(assignment_id)
        if record is None:
            raise InvalidInput("Deze koppeling bestaat niet (meer).")
        self._policy.require(
            admin,
            Action.ADMINISTER_EMPLOYEES,
            Target("employee", record.employee_id),
            detail=f"end assignment {assignment_id} on {last_day.isoformat()}",
        )
        if last_day < record.start:
            raise InvalidInput("De laatste dag van een koppeling ligt niet voor de eerste.")
        if last_day < today - timedelta(days=1) and not backdated:
            raise BackdatedChange(
                f"De koppeling zou met terugwerkende kracht eindigen op {last_day:%d-%m-%Y}. De coach heeft "
                "die dagen al toegang gehad; dat verandert niet wat er gebeurd is. Bevestig dat dit de bedoeling is."
            )
        self._q().set_assignment_end(assignment_id, last_day)
        self._changed(
            admin,
            "employees.assignment_ended",
            record.employee_id,
            f"assignment {assignment_id}; before {_span(record.start, record.end)}, "
            f"after {_span(record.start, last_day)}; coach {record.coach_user_id}",
        )
        return AssignmentRecord(
            record.id, record.coach_user_id, record.coach_username, record.employee_id, record.start, last_day
        )

    def history(self, admin: User, employee_id: str) -> list[AssignmentLine]:
        """The employee's assignments, oldest first, with overlaps and gaps."""
        employee_id = require_employee_id(employee_id.strip())
        self._policy.require(
            admin, Action.ADMINISTER_EMPLOYEES, Target("employee", employee_id), detail="assignment history"
        )
        records = sorted(
            (r for r in self._q().assignment_records() if r.employee_id == employee_id), key=lambda r: (r.start, r.id)
        )
        lines: list[AssignmentLine] = []
        covered_until: date | None = None  # the last day covered by any earlier assignment
        open_before = False
        for index, r in enumerate(records):
            overlaps = any(
                other.id != r.id and other.start <= (r.end or date.max) and r.start <= (other.end or date.max)
                for other in records
            )
            gap = 0
            if index and not open_before and covered_until is not None and r.start > covered_until + timedelta(1):
                gap = (r.start - covered_until).days - 1
            lines.append(AssignmentLine(r, overlaps, gap))
            if r.end is None:
                open_before = True
            elif covered_until is None or r.end > covered_until:
                covered_until = r.end
        return lines

    def employees(self, admin: User) -> list[Employee]:
        self._policy.require(admin, Action.ADMINISTER_EMPLOYEES, Target("employee", "*"), detail="list")
        return self._people.employees()

    def _changed(self, admin: User, action: str, employee_id: str, detail: str) -> None:
        self._audit.record_for(admin, action, object_type="employee", object_id=employee_id, detail=detail)
