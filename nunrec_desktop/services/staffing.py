"""IT's changes to employees and to who coaches whom (protocol P3, P4, P12).

Who coaches whom decides what a coach may hear, so every change here is decided by the access policy
(IT only; a coach is refused) and written to the audit chain twice: the decision, and after it succeeded
the change itself (ids and dates only). Ids and names are checked before anything reaches the policy, the
audit log or the database.
"""

from __future__ import annotations

from datetime import date

from nunrec_desktop.domain import Action, Assignment, AuditResult, Employee, InvalidInput, Role, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.accounts import Accounts
from nunrec_desktop.services.audit import AuditLog
from nunrec_desktop.services.identifiers import require_employee_id, require_employee_name
from nunrec_desktop.services.people import PeopleDirectory


class StaffAdministration:
    def __init__(self, people: PeopleDirectory, accounts: Accounts, policy: AccessPolicy, audit: AuditLog) -> None:
        self._people = people
        self._accounts = accounts
        self._policy = policy
        self._audit = audit

    def add_employee(self, admin: User, employee_id: str, name: str) -> Employee:
        employee_id = require_employee_id(employee_id.strip())
        name = require_employee_name(name)
        self._policy.require(admin, Action.ADMINISTER_EMPLOYEES, Target("employee", employee_id), detail="add")
        employee = self._people.add_employee(employee_id, name)
        self._changed(admin, "employees.added", employee_id, "name set")
        return employee

    def assign(
        self, admin: User, employee_id: str, coach_username: str, start: date, end: date | None = None
    ) -> Assignment:
        """Let `coach_username` coach the employee from `start` up to and including `end` (open if None)."""
        employee_id = require_employee_id(employee_id.strip())
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
        assignment = self._people.assign(coach.id, employee_id, start, end)
        self._changed(admin, "employees.assigned", employee_id, f"{detail}; coach {coach.id}")
        return assignment

    def employees(self, admin: User) -> list[Employee]:
        self._policy.require(admin, Action.ADMINISTER_EMPLOYEES, Target("employee", "*"), detail="list")
        return self._people.employees()

    def _changed(self, admin: User, action: str, employee_id: str, detail: str) -> None:
        self._audit.record(
            actor=admin.username,
            role=str(admin.role),
            action=action,
            result=AuditResult.ALLOWED,
            object_type="employee",
            object_id=employee_id,
            detail=detail,
        )
