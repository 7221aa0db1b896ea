"""Evaluations and their revisions (the `evaluations` aggregate), as `EvaluationRecord`s.

A record carries the content as the JSON text it is stored as; `services/evaluations.py` reads it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nunrec_desktop.adapters.db.models import EvaluationRow


@dataclass(frozen=True, slots=True)
class EvaluationRecord:
    """One stored revision of an evaluation (`id` 0: not added yet)."""

    id: int
    coach_user_id: int
    employee_id: str
    recording_id: str | None
    source: str
    call_start: datetime | None
    call_duration_s: float | None
    guideline_id: str
    guideline_version: str
    guideline_hash: str
    status: str
    revision: int
    supersedes_id: int | None
    content: str
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    live_reason: str | None
    live_reason_note: str | None
    cycle_id: int | None
    drawn: bool | None


_FIELDS = tuple(name for name in EvaluationRecord.__slots__ if name != "id")


class EvaluationRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, evaluation_id: int) -> EvaluationRecord | None:
        row = self._session.get(EvaluationRow, evaluation_id)
        return None if row is None else record_of(row)

    def move_chain(self, coach_user_id: int, evaluation_id: int, cycle_id: int, drawn: frozenset[str]) -> None:
        """Every revision of the evaluation counts for `cycle_id`; `drawn` says which calls were drawn for it."""
        for row in _chain_rows(self._session, coach_user_id, evaluation_id):
            row.cycle_id = cycle_id
            row.drawn = bool(row.recording_id and row.recording_id in drawn)

    def cycles_with_submitted(self, cycle_ids: Iterable[int]) -> set[int | None]:
        """Which of these cycles have an evaluation that is not a draft."""
        return set(
            self._session.scalars(
                select(EvaluationRow.cycle_id).where(
                    EvaluationRow.cycle_id.in_(list(cycle_ids)), EvaluationRow.status != "draft"
                )
            )
        )


def record_of(row: EvaluationRow) -> EvaluationRecord:
    return EvaluationRecord(row.id, *(getattr(row, name) for name in _FIELDS))


def _chain_rows(session: Session, coach_user_id: int, evaluation_id: int) -> list[EvaluationRow]:
    """Every revision of the evaluation `evaluation_id` belongs to (older and newer)."""
    rows = session.execute(
        select(EvaluationRow).where(EvaluationRow.coach_user_id == coach_user_id).order_by(EvaluationRow.revision)
    ).scalars()
    by_id = {r.id: r for r in rows}
    root = by_id[evaluation_id]
    while root.supersedes_id is not None and root.supersedes_id in by_id:
        root = by_id[root.supersedes_id]
    chain, ids = [root], {root.id}
    for row in by_id.values():
        if row.supersedes_id in ids:
            chain.append(row)
            ids.add(row.id)
    return chain
