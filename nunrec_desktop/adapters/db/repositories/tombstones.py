"""Recordings erased at a caller's request (P2): their tombstones, recording id and request reference only."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nunrec_desktop.adapters.db.models import TombstoneRow


class TombstoneRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def erased_ids(self) -> frozenset[str]:
        return frozenset(self._session.execute(select(TombstoneRow.recording_id)).scalars())

    def add_if_absent(self, recording_id: str, erased_at: datetime, erased_by: str, reference: str) -> None:
        """A tombstone for the recording, unless it has one (the first erasure's stays)."""
        if self._session.get(TombstoneRow, recording_id) is None:
            self._session.add(
                TombstoneRow(recording_id=recording_id, erased_at=erased_at, erased_by=erased_by, reference=reference)
            )
