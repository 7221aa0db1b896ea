"""Employees and which coach coaches whom, when (the basis of what a coach may see, protocol P3/P4).

This is the store of that data. Changes made by a person go through `services/staffing.py`, which asks
the access policy (IT only) and writes them to the audit log; the demo generator and tests write here
directly.
"""

from __future__ import annotations

from datetime import date, datetime

from nunrec_desktop.adapters.db.unit_of_work import Database
from nunrec_desktop.domain import Assignment, Employee, InvalidInput, Role
from nunrec_desktop.services.identifiers import require_employee_id, require_employee_name


class PeopleDirectory:
    """Reads and writes employees and coach assignments."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def add_employee(self, employee_id: str, name: str) -> Employee:
        """Write one employee (ids and names checked here, whoever calls). IT's way in is `StaffAdministration`."""
        employee_id, name = employee_id.strip(), name.strip()
        if not employee_id or not name:
            raise InvalidInput("Een medewerker heeft een id en een naam nodig.")
        require_employee_id(employee_id)
        require_employee_name(name)
        employee = Employee(employee_id, name)
        with self._database.begin() as uow:
            if uow.people.employee(employee_id) is not None:
                raise InvalidInput(f"Er bestaat al een medewerker met id {employee_id}.")
            uow.people.add_employee(employee)
        return employee

    def employees(self) -> list[Employee]:
        with self._database.read() as uow:
            return uow.people.employees()

    def employee(self, employee_id: str) -> Employee | None:
        with self._database.read() as uow:
            return uow.people.employee(employee_id)

    def assign(self, coach_user_id: int, employee_id: str, start: date, end: date | None = None) -> Assignment:
        if end is not None and end < start:
            raise InvalidInput("De einddatum van een koppeling ligt voor de begindatum.")
        assignment = Assignment(coach_user_id, employee_id, start, end)
        with self._database.begin() as uow:
            coach = uow.accounts.by_id(coach_user_id)
            if coach is None or coach.role != Role.COACH:
                raise InvalidInput("Medewerkers kunnen alleen aan een coach worden gekoppeld.")
            if uow.people.employee(employee_id) is None:
                raise InvalidInput(f"Onbekende medewerker {employee_id}.")
            uow.people.add_assignment(assignment)
        return assignment

    def assignments(self, coach_user_id: int) -> list[Assignment]:
        """All assignments of one coach, past and present."""
        with self._database.read() as uow:
            return uow.people.assignments(coach_user_id)

    def is_assigned(self, coach_user_id: int, employee_id: str, at: datetime) -> bool:
        return any(a.employee_id == employee_id and a.covers(at) for a in self.assignments(coach_user_id))

    def coached_employees(self, coach_user_id: int, on: date) -> list[Employee]:
        """Employees this coach coaches on the given day, by name."""
        ids = {
            a.employee_id for a in self.assignments(coach_user_id) if a.start <= on and (a.end is None or on <= a.end)
        }
        return [e for e in self.employees() if e.id in ids]
