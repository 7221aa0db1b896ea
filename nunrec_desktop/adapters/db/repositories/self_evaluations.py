"""The employee's own 5A answers for their calls (the `self_evaluations` aggregate), as
`SelfEvaluationRecord`s; the answers' JSON is decoded here."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from nunrec_desktop.adapters.db.models import SelfEvaluationRow


@dataclass(frozen=True, slots=True)
class SelfEvaluationRecord:
    """One stored self-evaluation; `id` is 0 for one not yet added."""

    id: int
    coach_user_id: int
    employee_id: str
    recording_id: str
    call_start: datetime | None
    call_duration_s: float | None
    guideline_hash: str
    answers: Mapping[str, str]
    created_at: datetime


class SelfEvaluationRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def exists(self, employee_id: str, recording_id: str) -> bool:
        """Whether the employee has evaluated this call of theirs already (at any workstation)."""
        found = self._session.execute(
            select(SelfEvaluationRow.id)
            .where(SelfEvaluationRow.employee_id == employee_id, SelfEvaluationRow.recording_id == recording_id)
            .limit(1)
        ).scalar_one_or_none()
        return found is not None

    def add(self, own: SelfEvaluationRecord) -> SelfEvaluationRecord:
        """Store a new self-evaluation (its `id` is ignored) and return it as stored."""
        row = SelfEvaluationRow(
            coach_user_id=own.coach_user_id,
            employee_id=own.employee_id,
            recording_id=own.recording_id,
            call_start=own.call_start,
            call_duration_s=own.call_duration_s,
            guideline_hash=own.guideline_hash,
            answers=json.dumps(dict(own.answers)),
            created_at=own.created_at,
        )
        self._session.add(row)
        self._session.flush()
        return _record(row)

    def of(self, coach_user_id: int, employee_id: str) -> list[SelfEvaluationRecord]:
        """The employee's self-evaluations given at this coach's workstation, oldest first."""
        rows = self._session.scalars(
            select(SelfEvaluationRow)
            .where(SelfEvaluationRow.coach_user_id == coach_user_id, SelfEvaluationRow.employee_id == employee_id)
            .order_by(SelfEvaluationRow.id)
        )
        return [_record(row) for row in rows]

    def of_employee(self, employee_id: str) -> list[SelfEvaluationRecord]:
        """Every self-evaluation of the employee, at any coach's workstation, oldest first (subject access)."""
        rows = self._session.scalars(
            select(SelfEvaluationRow).where(SelfEvaluationRow.employee_id == employee_id).order_by(SelfEvaluationRow.id)
        )
        return [_record(row) for row in rows]

    def created_until(self, moment: datetime) -> list[int]:
        """The ids of the self-evaluations given on or before `moment`."""
        query = select(SelfEvaluationRow.id).where(SelfEvaluationRow.created_at <= moment)
        return list(self._session.execute(query).scalars())

    def delete(self, ids: Iterable[int]) -> None:
        wanted = list(ids)
        if wanted:
            self._session.execute(delete(SelfEvaluationRow).where(SelfEvaluationRow.id.in_(wanted)))


def _record(row: SelfEvaluationRow) -> SelfEvaluationRecord:
    return SelfEvaluationRecord(
        row.id,
        row.coach_user_id,
        row.employee_id,
        row.recording_id,
        row.call_start,
        row.call_duration_s,
        row.guideline_hash,
        {str(key): str(value) for key, value in json.loads(row.answers).items()},
        row.created_at,
    )
