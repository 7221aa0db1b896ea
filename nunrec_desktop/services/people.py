"""Employees and which coach coaches whom, when (the basis of what a coach may see, protocol P3/P4).

This is the store of that data. Changes made by a person go through `services/staffing.py`, which asks
the access policy (IT only) and writes them to the audit log; the demo generator and tests write here
directly.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nunrec_desktop.adapters.db.models import AssignmentRow, EmployeeRow, UserRow
from nunrec_desktop.domain import Assignment, Employee, InvalidInput
from nunrec_desktop.services.identifiers import require_employee_id, require_employee_name


class PeopleDirectory:
    """Reads and writes employees and coach assignments."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def add_employee(self, employee_id: str, name: str) -> Employee:
        """Write one employee (ids and names checked here, whoever calls). IT's way in is `StaffAdministration`."""
        employee_id, name = employee_id.strip(), name.strip()
        if not employee_id or not name:
            raise InvalidInput("Een medewerker heeft een id en een naam nodig.")
        require_employee_id(employee_id)
        require_employee_name(name)
        with self._sessions.begin() as session:
            if session.get(EmployeeRow, employee_id) is not None:
                raise InvalidInput(f"Er bestaat al een medewerker met id {employee_id}.")
            session.add(EmployeeRow(id=employee_id, name=name))
        return Employee(employee_id, name)

    def employees(self) -> list[Employee]:
        with self._sessions() as session:
            rows = session.execute(select(EmployeeRow).order_by(EmployeeRow.name)).scalars()
            return [Employee(row.id, row.name) for row in rows]

    def employee(self, employee_id: str) -> Employee | None:
        with self._sessions() as session:
            row = session.get(EmployeeRow, employee_id)
            return None if row is None else Employee(row.id, row.name)

    def assign(self, coach_user_id: int, employee_id: str, start: date, end: date | None = None) -> Assignment:
        if end is not None and end < start:
            raise InvalidInput("De einddatum van een koppeling ligt voor de begindatum.")
        with self._sessions.begin() as session:
            coach = session.get(UserRow, coach_user_id)
            if coach is None or coach.role != "coach":
                raise InvalidInput("Medewerkers kunnen alleen aan een coach worden gekoppeld.")
            if session.get(EmployeeRow, employee_id) is None:
                raise InvalidInput(f"Onbekende medewerker {employee_id}.")
            session.add(
                AssignmentRow(coach_user_id=coach_user_id, employee_id=employee_id, start_date=start, end_date=end)
            )
        return Assignment(coach_user_id, employee_id, start, end)

    def assignments(self, coach_user_id: int) -> list[Assignment]:
        """All assignments of one coach, past and present."""
        with self._sessions() as session:
            rows = session.execute(select(AssignmentRow).where(AssignmentRow.coach_user_id == coach_user_id)).scalars()
            return [Assignment(r.coach_user_id, r.employee_id, r.start_date, r.end_date) for r in rows]

    def is_assigned(self, coach_user_id: int, employee_id: str, at: datetime) -> bool:
        return any(a.employee_id == employee_id and a.covers(at) for a in self.assignments(coach_user_id))

    def coached_employees(self, coach_user_id: int, on: date) -> list[Employee]:
        """Employees this coach coaches on the given day, by name."""
        ids = {
            a.employee_id for a in self.assignments(coach_user_id) if a.start <= on and (a.end is None or on <= a.end)
        }
        return [e for e in self.employees() if e.id in ids]
