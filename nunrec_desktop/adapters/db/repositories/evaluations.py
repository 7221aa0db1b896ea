"""Evaluations and their revisions (the `evaluations` aggregate), as `EvaluationRecord`s.

A record carries the content as the JSON text it is stored as; `services/evaluations.py` reads it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from nunrec_desktop.adapters.db.engine import insert_if_absent
from nunrec_desktop.adapters.db.models import (
    CalibrationRow,
    EvaluationRow,
    FeedbackExportRow,
    GuidelineSnapshotRow,
    SelfEvaluationRow,
)


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


@dataclass(frozen=True, slots=True)
class RevisionRecord:
    """What counting needs of a revision: whose, which call or session, which chain, status and cycle."""

    id: int
    recording_id: str | None
    supersedes_id: int | None
    employee_id: str
    status: str
    cycle_id: int | None


@dataclass(frozen=True, slots=True)
class SnapshotRecord:
    """A guideline file exactly as an evaluation was made with it."""

    content_hash: str
    guideline_id: str
    version: str
    source: str


_FIELDS = tuple(name for name in EvaluationRecord.__slots__ if name != "id")
# What may change in a stored revision (a draft's content, its end, its submission, its cycle).
_CHANGEABLE = ("content", "updated_at", "status", "submitted_at", "call_duration_s", "cycle_id", "drawn")


class EvaluationRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, evaluation_id: int) -> EvaluationRecord | None:
        row = self._session.get(EvaluationRow, evaluation_id)
        return None if row is None else record_of(row)

    def add(self, evaluation: EvaluationRecord) -> EvaluationRecord:
        """Store a new revision (its `id` is ignored); `ConstraintViolated` (raised by the unit of work) when
        this coach already has that revision of the call (another workstation made it a moment ago)."""
        row = EvaluationRow(**{name: getattr(evaluation, name) for name in _FIELDS})
        self._session.add(row)
        self._session.flush()
        return record_of(row)

    def save(self, evaluation: EvaluationRecord) -> None:
        """Write what may change in a stored revision (content, times, status, duration, cycle)."""
        row = self._session.get(EvaluationRow, evaluation.id)
        if row is None:
            raise LookupError(f"evaluation {evaluation.id} does not exist")
        for name in _CHANGEABLE:
            setattr(row, name, getattr(evaluation, name))

    def open_draft(self, coach_user_id: int, recording_id: str) -> EvaluationRecord | None:
        """This coach's open draft of the call (the newest revision when there were ever two)."""
        row = (
            self._session.execute(
                select(EvaluationRow)
                .where(
                    EvaluationRow.coach_user_id == coach_user_id,
                    EvaluationRow.recording_id == recording_id,
                    EvaluationRow.status == "draft",
                )
                .order_by(EvaluationRow.revision.desc())
            )
            .scalars()
            .first()
        )
        return None if row is None else record_of(row)

    def of_recording(self, coach_user_id: int, recording_id: str) -> list[EvaluationRecord]:
        """Every revision of this coach's evaluation of a call, oldest first."""
        rows = self._session.execute(
            select(EvaluationRow)
            .where(EvaluationRow.coach_user_id == coach_user_id, EvaluationRow.recording_id == recording_id)
            .order_by(EvaluationRow.revision)
        ).scalars()
        return [record_of(row) for row in rows]

    def drafts(self, coach_user_id: int) -> list[EvaluationRecord]:
        """This coach's open drafts, most recently changed first."""
        rows = self._session.execute(
            select(EvaluationRow)
            .where(EvaluationRow.coach_user_id == coach_user_id, EvaluationRow.status == "draft")
            .order_by(EvaluationRow.updated_at.desc())
        ).scalars()
        return [record_of(row) for row in rows]

    def running_live(self, coach_user_id: int, source: str) -> list[EvaluationRecord]:
        """This coach's side-by-side sessions (`source`) that have not ended, oldest first."""
        rows = self._session.execute(
            select(EvaluationRow)
            .where(
                EvaluationRow.coach_user_id == coach_user_id,
                EvaluationRow.source == source,
                EvaluationRow.status == "draft",
                EvaluationRow.call_duration_s.is_(None),
            )
            .order_by(EvaluationRow.call_start)
        ).scalars()
        return [record_of(row) for row in rows]

    def evaluated_recordings(self, coach_user_id: int, status: str) -> frozenset[str]:
        """The calls this coach has a revision of in `status` (submitted: the list's "evaluated" column)."""
        ids = self._session.execute(
            select(EvaluationRow.recording_id).where(
                EvaluationRow.coach_user_id == coach_user_id, EvaluationRow.status == status
            )
        ).scalars()
        return frozenset(i for i in ids if i)

    def first_submissions(self, coach_user_id: int, status: str) -> list[tuple[str, datetime | None]]:
        """(employee, submitted at) of this coach's first revisions in `status`."""
        rows = self._session.execute(
            select(EvaluationRow.employee_id, EvaluationRow.submitted_at).where(
                EvaluationRow.coach_user_id == coach_user_id,
                EvaluationRow.status == status,
                EvaluationRow.revision == 1,
            )
        ).all()
        return [(employee_id, submitted_at) for employee_id, submitted_at in rows]

    def revisions(self, coach_user_id: int, status: str | None = None) -> list[RevisionRecord]:
        """This coach's revisions (in one status when given), ordered by revision: parents first."""
        query = select(
            EvaluationRow.id,
            EvaluationRow.recording_id,
            EvaluationRow.supersedes_id,
            EvaluationRow.employee_id,
            EvaluationRow.status,
            EvaluationRow.cycle_id,
        ).where(EvaluationRow.coach_user_id == coach_user_id)
        if status is not None:
            query = query.where(EvaluationRow.status == status)
        return [RevisionRecord(*row) for row in self._session.execute(query.order_by(EvaluationRow.revision)).all()]

    # -- guideline snapshots ---------------------------------------------------------------------------

    def snapshot(self, content_hash: str) -> SnapshotRecord | None:
        row = self._session.get(GuidelineSnapshotRow, content_hash)
        return None if row is None else SnapshotRecord(row.content_hash, row.guideline_id, row.version, row.source)

    def keep_snapshot(self, snapshot: SnapshotRecord, stored_at: datetime) -> None:
        """Store the guideline file unless it is stored already (also when another process stores the same
        one at this very moment)."""
        if self._session.get(GuidelineSnapshotRow, snapshot.content_hash) is None:
            insert_if_absent(
                self._session,
                GuidelineSnapshotRow,
                {
                    "content_hash": snapshot.content_hash,
                    "guideline_id": snapshot.guideline_id,
                    "version": snapshot.version,
                    "source": snapshot.source,
                    "stored_at": stored_at,
                },
            )

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
        """Delete the guideline snapshots nothing was made with any longer (no evaluation, calibration or
        self-evaluation); how many went."""
        used = {
            content_hash
            for column in (
                EvaluationRow.guideline_hash,
                CalibrationRow.guideline_hash,
                SelfEvaluationRow.guideline_hash,
            )
            for content_hash in self._session.execute(select(column)).scalars()
        }
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
