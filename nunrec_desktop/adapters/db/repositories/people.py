"""Employees and coach assignments (the `people` aggregate)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nunrec_desktop.adapters.db.models import AssignmentRow, EmployeeRow
from nunrec_desktop.domain import Assignment, Employee


class PeopleRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def employee(self, employee_id: str) -> Employee | None:
        row = self._session.get(EmployeeRow, employee_id)
        return None if row is None else Employee(row.id, row.name)

    def employees(self) -> list[Employee]:
        """All employees, by name."""
        rows = self._session.execute(select(EmployeeRow).order_by(EmployeeRow.name)).scalars()
        return [Employee(row.id, row.name) for row in rows]

    def add_employee(self, employee: Employee) -> None:
        self._session.add(EmployeeRow(id=employee.id, name=employee.name))

    def assignments(self, coach_user_id: int) -> list[Assignment]:
        """All assignments of one coach, past and present."""
        rows = self._session.execute(select(AssignmentRow).where(AssignmentRow.coach_user_id == coach_user_id))
        return [_assignment(row) for row in rows.scalars()]

    def assignments_of_employee(self, employee_id: str) -> list[Assignment]:
        """Every coach's assignments to the employee, by start date."""
        rows = self._session.execute(
            select(AssignmentRow).where(AssignmentRow.employee_id == employee_id).order_by(AssignmentRow.start_date)
        )
        return [_assignment(row) for row in rows.scalars()]

    def add_assignment(self, assignment: Assignment) -> None:
        self._session.add(
            AssignmentRow(
                coach_user_id=assignment.coach_user_id,
                employee_id=assignment.employee_id,
                start_date=assignment.start,
                end_date=assignment.end,
            )
        )


def _assignment(row: AssignmentRow) -> Assignment:
    return Assignment(row.coach_user_id, row.employee_id, row.start_date, row.end_date)
