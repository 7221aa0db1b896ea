"""The hash-chained audit log as stored (the `audit` aggregate): entries and the head row.

What an entry holds, how it is cleaned and how the chain is hashed and verified is `services/audit.py`'s;
this module only reads and writes the two tables, with the head locked while an entry is appended."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nunrec_desktop.adapters.db.models import AuditEntryRow, AuditHeadRow, EvaluationRow, UserRow

HEAD_ID = 1


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    occurred_at: str
    actor: str
    role: str
    action: str
    object_type: str
    object_id: str
    result: str
    origin: str
    purpose: str
    detail: str
    prev_hash: str
    hash: str


_FIELDS = AuditEntry.__slots__


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def locked_head(self) -> tuple[int, str] | None:
        """The head (newest sequence number and hash), locked until the unit of work ends; None: it is gone."""
        head = self._session.execute(
            select(AuditHeadRow).where(AuditHeadRow.id == HEAD_ID).with_for_update()
        ).scalar_one_or_none()
        return None if head is None else (head.seq, head.hash)

    def head(self) -> tuple[int, str] | None:
        head = self._session.get(AuditHeadRow, HEAD_ID)
        return None if head is None else (head.seq, head.hash)

    def append(self, entry: AuditEntry) -> None:
        """Add the entry and make it the head (the caller holds the head's lock: `locked_head`)."""
        head = self._session.get(AuditHeadRow, HEAD_ID)
        if head is None:
            raise LookupError("the audit head row is gone")
        self._session.add(AuditEntryRow(**{name: getattr(entry, name) for name in _FIELDS}))
        head.seq, head.hash = entry.seq, entry.hash

    def entries(
        self,
        *,
        actor: str | None = None,
        action_prefix: str | None = None,
        object_id: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 10_000,
    ) -> list[AuditEntry]:
        """Newest first, filtered on exact actor, action prefix, object id and a time window (ISO text)."""
        query = select(AuditEntryRow).order_by(AuditEntryRow.seq.desc()).limit(limit)
        if actor:
            query = query.where(AuditEntryRow.actor == actor)
        if action_prefix:
            query = query.where(AuditEntryRow.action.startswith(action_prefix))
        if object_id:
            query = query.where(AuditEntryRow.object_id == object_id)
        if since:
            query = query.where(AuditEntryRow.occurred_at >= since)
        if until:
            query = query.where(AuditEntryRow.occurred_at <= until)
        return [_entry(row) for row in self._session.execute(query).scalars()]

    def in_order(self) -> Iterator[AuditEntry]:
        """Every entry, oldest first."""
        for row in self._session.execute(select(AuditEntryRow).order_by(AuditEntryRow.seq)).scalars():
            yield _entry(row)

    def hashes(self, seqs: set[int]) -> dict[int, str]:
        """The stored hash of each of these entries that still exists."""
        if not seqs:
            return {}
        rows = self._session.execute(
            select(AuditEntryRow.seq, AuditEntryRow.hash).where(AuditEntryRow.seq.in_(sorted(seqs)))
        )
        return {seq: value for seq, value in rows}

    def accounts_and_evaluations(self) -> tuple[int, int]:
        """How many accounts and evaluations the workspace has (an empty chain belongs to an empty workspace)."""
        users = self._session.execute(select(func.count()).select_from(UserRow)).scalar_one()
        evaluations = self._session.execute(select(func.count()).select_from(EvaluationRow)).scalar_one()
        return users, evaluations


def _entry(row: AuditEntryRow) -> AuditEntry:
    return AuditEntry(*(getattr(row, name) for name in _FIELDS))
