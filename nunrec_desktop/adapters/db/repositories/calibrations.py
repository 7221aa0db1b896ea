"""Calibrations between coaches and their blind scores (the `calibrations` aggregate), as
`CalibrationRecord`s.

The JSON the rows keep (participants, answers, spread) is decoded here: a service sees lists and mappings."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from nunrec_desktop.adapters.db.models import CalibrationRow, CalibrationScoreRow


@dataclass(frozen=True, slots=True)
class CalibrationRecord:
    """One shared call; `id` is 0 for a calibration not yet added, `agreed_answers` None until agreed."""

    id: int
    shared_by_user_id: int
    employee_id: str
    evaluation_id: int
    recording_id: str | None
    call_start: datetime | None
    call_duration_s: float | None
    guideline_version: str
    guideline_hash: str
    participants: tuple[int, ...]
    created_at: datetime
    agreed_answers: Mapping[str, str] | None = None
    agreed_note: str = ""
    agreed_at: datetime | None = None
    agreed_by_user_id: int | None = None


class CalibrationRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, calibration: CalibrationRecord) -> int:
        """Store a new calibration (not yet agreed) and return its id."""
        row = CalibrationRow(
            shared_by_user_id=calibration.shared_by_user_id,
            employee_id=calibration.employee_id,
            evaluation_id=calibration.evaluation_id,
            recording_id=calibration.recording_id,
            call_start=calibration.call_start,
            call_duration_s=calibration.call_duration_s,
            guideline_version=calibration.guideline_version,
            guideline_hash=calibration.guideline_hash,
            participants=json.dumps(sorted(calibration.participants)),
            created_at=calibration.created_at,
            agreed_note="",
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def get(self, calibration_id: int) -> CalibrationRecord | None:
        row = self._session.get(CalibrationRow, calibration_id)
        return None if row is None else _record(row)

    def all(self, newest_first: bool = False) -> list[CalibrationRecord]:
        order = CalibrationRow.id.desc() if newest_first else CalibrationRow.id
        return [_record(row) for row in self._session.scalars(select(CalibrationRow).order_by(order))]

    def of_employee(self, employee_id: str) -> list[CalibrationRecord]:
        """Every calibration of one of the employee's calls, oldest first (subject access)."""
        rows = self._session.scalars(
            select(CalibrationRow).where(CalibrationRow.employee_id == employee_id).order_by(CalibrationRow.id)
        )
        return [_record(row) for row in rows]

    def scores(self, calibration_id: int) -> dict[int, dict[str, str]]:
        """Each participant's submitted answers (coach user id -> criterion key -> answer)."""
        rows = self._session.scalars(
            select(CalibrationScoreRow).where(CalibrationScoreRow.calibration_id == calibration_id)
        )
        return {row.coach_user_id: _answers(row.answers) for row in rows}

    def has_score(self, calibration_id: int, coach_user_id: int) -> bool:
        found = self._session.execute(
            select(CalibrationScoreRow.id).where(
                CalibrationScoreRow.calibration_id == calibration_id, CalibrationScoreRow.coach_user_id == coach_user_id
            )
        ).scalar_one_or_none()
        return found is not None

    def add_score(
        self, calibration_id: int, coach_user_id: int, answers: Mapping[str, str], submitted_at: datetime
    ) -> None:
        """Store one coach's answers; a second score of the same coach (another workstation at this very
        moment) breaks the unique key: the unit of work raises `ConstraintViolated`."""
        self._session.add(
            CalibrationScoreRow(
                calibration_id=calibration_id,
                coach_user_id=coach_user_id,
                answers=json.dumps(dict(answers)),
                submitted_at=submitted_at,
            )
        )
        self._session.flush()

    def agree(
        self,
        calibration_id: int,
        answers: Mapping[str, str],
        spread: Mapping[str, Sequence[str]],
        note: str,
        agreed_at: datetime,
        agreed_by_user_id: int,
    ) -> None:
        """Keep the agreed result with the spread of the answers given."""
        row = self._session.get(CalibrationRow, calibration_id)
        if row is None:
            raise LookupError(f"calibration {calibration_id} does not exist")
        row.spread = json.dumps({key: list(given) for key, given in spread.items()})
        row.agreed_answers, row.agreed_note = json.dumps(dict(answers)), note
        row.agreed_at, row.agreed_by_user_id = agreed_at, agreed_by_user_id

    def delete(self, calibration_ids: Iterable[int]) -> None:
        """Delete calibrations with every coach's scores."""
        ids = list(calibration_ids)
        if ids:
            self._session.execute(delete(CalibrationScoreRow).where(CalibrationScoreRow.calibration_id.in_(ids)))
            self._session.execute(delete(CalibrationRow).where(CalibrationRow.id.in_(ids)))


def _answers(text: str) -> dict[str, str]:
    return {str(key): str(value) for key, value in json.loads(text).items()}


def _record(row: CalibrationRow) -> CalibrationRecord:
    return CalibrationRecord(
        row.id,
        row.shared_by_user_id,
        row.employee_id,
        row.evaluation_id,
        row.recording_id,
        row.call_start,
        row.call_duration_s,
        row.guideline_version,
        row.guideline_hash,
        tuple(int(i) for i in json.loads(row.participants)),
        row.created_at,
        _answers(row.agreed_answers) if row.agreed_answers else None,
        row.agreed_note,
        row.agreed_at,
        row.agreed_by_user_id,
    )
