"""Evaluations and their revisions (the `evaluations` aggregate), as `EvaluationRecord`s.

A record carries the content as the JSON text it is stored as; `services/evaluations.py` reads it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from nunrec_desktop.adapters.db.models import EvaluationRow, FeedbackExportRow, GuidelineSnapshotRow


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

    def of_employee(
        self, employee_id: str, coach_user_id: int | None = None, status: str | None = None
    ) -> list[EvaluationRecord]:
        """Every revision of the employee's evaluations (by one coach, in one status, when given), by revision."""
        query = select(EvaluationRow).where(EvaluationRow.employee_id == employee_id)
        if coach_user_id is not None:
            query = query.where(EvaluationRow.coach_user_id == coach_user_id)
        if status is not None:
            query = query.where(EvaluationRow.status == status)
        rows = self._session.execute(query.order_by(EvaluationRow.revision, EvaluationRow.id)).scalars()
        return [record_of(row) for row in rows]

    def of_employee_by_call(self, employee_id: str) -> list[EvaluationRecord]:
        """Every revision of every coach's evaluations of the employee, by the call's start, then revision."""
        rows = self._session.execute(
            select(EvaluationRow)
            .where(EvaluationRow.employee_id == employee_id)
            .order_by(EvaluationRow.call_start, EvaluationRow.revision)
        ).scalars()
        return [record_of(row) for row in rows]

    def add_export(self, coach_user_id: int, employee_id: str, evaluation_ids: list[int], made_at: datetime) -> None:
        """Remember which evaluations went into a feedback document (the history's "in terugkoppeling")."""
        self._session.add(
            FeedbackExportRow(
                coach_user_id=coach_user_id,
                employee_id=employee_id,
                evaluation_ids=json.dumps(evaluation_ids),
                made_at=made_at,
            )
        )

    def exported_ids(self, coach_user_id: int, employee_id: str) -> set[int]:
        """The ids of this coach's evaluations of the employee that went into a feedback document."""
        lists = self._session.execute(
            select(FeedbackExportRow.evaluation_ids).where(
                FeedbackExportRow.coach_user_id == coach_user_id, FeedbackExportRow.employee_id == employee_id
            )
        ).scalars()
        return {int(i) for text in lists for i in json.loads(text)}

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

    # -- retention -------------------------------------------------------------------------------------

    def ages(self) -> list[tuple[int, int | None, str, datetime | None, datetime]]:
        """Every revision's id, the id it supersedes, status, submitted and last updated: what retention needs."""
        rows = self._session.execute(
            select(
                EvaluationRow.id,
                EvaluationRow.supersedes_id,
                EvaluationRow.status,
                EvaluationRow.submitted_at,
                EvaluationRow.updated_at,
            )
        ).all()
        return [(row[0], row[1], row[2], row[3], row[4]) for row in rows]

    def delete(self, evaluation_ids: Iterable[int]) -> None:
        """Delete these revisions, newest first (a revision's foreign key points back at the one it supersedes)."""
        for evaluation_id in sorted(evaluation_ids, reverse=True):
            self._session.execute(delete(EvaluationRow).where(EvaluationRow.id == evaluation_id))

    def cycle_ids_in_use(self) -> set[int | None]:
        return set(self._session.execute(select(EvaluationRow.cycle_id)).scalars())

    def delete_exports_until(self, moment: datetime) -> None:
        """Forget which evaluations went into feedback documents made up to `moment`."""
        self._session.execute(delete(FeedbackExportRow).where(FeedbackExportRow.made_at <= moment))

    def delete_unused_snapshots(self) -> int:
        """Delete the guideline snapshots no evaluation was made with any longer; how many went."""
        used = set(self._session.execute(select(EvaluationRow.guideline_hash)).scalars())
        stored = self._session.execute(select(GuidelineSnapshotRow.content_hash)).scalars()
        unused = [content_hash for content_hash in stored if content_hash not in used]
        for content_hash in unused:
            self._session.execute(delete(GuidelineSnapshotRow).where(GuidelineSnapshotRow.content_hash == content_hash))
        return len(unused)


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
