"""Draws of calls for a coaching cycle (the `draws` aggregate), as `DrawRecord`s.

Parameters, picks and replacements stay the JSON text they are stored as: the draw service reads and
writes them (`services/draws.py`, `services/drawn_calls.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nunrec_desktop.adapters.db.models import DrawRow


@dataclass(frozen=True, slots=True)
class DrawRecord:
    """One stored draw; `id` is 0 for a draw not yet added."""

    id: int
    coach_user_id: int
    employee_id: str
    seed: int
    parameters: str
    picks: str
    replacements: str
    created_at: datetime


class DrawRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, draw: DrawRecord) -> int:
        """Store a new draw and return its id."""
        row = DrawRow(
            coach_user_id=draw.coach_user_id,
            employee_id=draw.employee_id,
            seed=draw.seed,
            parameters=draw.parameters,
            picks=draw.picks,
            replacements=draw.replacements,
            created_at=draw.created_at,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def get(self, draw_id: int) -> DrawRecord | None:
        row = self._session.get(DrawRow, draw_id)
        return None if row is None else _record(row)

    def save(self, draw: DrawRecord) -> None:
        """Write a draw's parameters, picks and replacements (the rest never changes)."""
        row = self._session.get(DrawRow, draw.id)
        if row is None:
            raise LookupError(f"draw {draw.id} does not exist")
        row.parameters, row.picks, row.replacements = draw.parameters, draw.picks, draw.replacements

    def of(
        self, coach_user_id: int, employee_id: str, since: datetime | None = None, before: datetime | None = None
    ) -> list[DrawRecord]:
        """This coach's draws for the employee, made from `since` up to (not including) `before`, oldest first."""
        query = select(DrawRow).where(DrawRow.coach_user_id == coach_user_id, DrawRow.employee_id == employee_id)
        if since is not None:
            query = query.where(DrawRow.created_at >= since)
        if before is not None:
            query = query.where(DrawRow.created_at < before)
        return [_record(row) for row in self._session.execute(query.order_by(DrawRow.created_at, DrawRow.id)).scalars()]

    def latest(self, coach_user_id: int, employee_id: str, since: datetime | None = None) -> DrawRecord | None:
        """This coach's newest draw for the employee (made from `since` on), or None."""
        query = select(DrawRow).where(DrawRow.coach_user_id == coach_user_id, DrawRow.employee_id == employee_id)
        if since is not None:
            query = query.where(DrawRow.created_at >= since)
        row = self._session.execute(query.order_by(DrawRow.id.desc()).limit(1)).scalar_one_or_none()
        return None if row is None else _record(row)


def _record(row: DrawRow) -> DrawRecord:
    return DrawRecord(
        row.id,
        row.coach_user_id,
        row.employee_id,
        row.seed,
        row.parameters,
        row.picks,
        row.replacements,
        row.created_at,
    )
