"""Erasure at a caller's request (protocol P2): find the recording from what the caller gives (the time of
the call and their number), delete it in the store, and record a tombstone so it is never shown or played
again, whatever a store still lists. The caller's number is used only to match and is never stored, logged
or shown; the audit entry carries the request reference instead. Evaluations of the call keep their scores
and notes (they are about the employee); the call itself is gone.

A store entry the search could not use (invalid, a duplicate id, a link) may be the caller's recording: the
search counts those so the operator is told to have them checked instead of being told "nothing found".
The erasure checks again that the recording is still the one the operator confirmed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from nunrec_desktop.adapters.db.unit_of_work import Database
from nunrec_desktop.adapters.store.base import RecordingMeta, RecordingStore
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, InvalidInput, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.audit import AuditLog
from nunrec_desktop.services.people import PeopleDirectory
from nunrec_desktop.services.recordings import normalize_number

log = logging.getLogger(__name__)

_REFERENCE = re.compile(r"^[\w ./:-]{3,100}$")


@dataclass(frozen=True)
class ErasureCandidate:
    """What the operator sees to confirm: time, duration, employee. Never any caller number."""

    recording_id: str
    start: datetime
    duration_s: float
    employee_names: str


@dataclass(frozen=True)
class ErasureSearch:
    """The candidates, and how many store entries around that time could not be read or trusted."""

    candidates: list[ErasureCandidate]
    skipped: int = 0


class ErasureService:
    def __init__(
        self,
        database: Database,
        store: Callable[[], RecordingStore],
        people: PeopleDirectory,
        policy: AccessPolicy,
        audit: AuditLog,
        clock: Clock,
    ) -> None:
        self._database = database
        self._store = store
        self._people = people
        self._policy = policy
        self._audit = audit
        self._clock = clock

    def erased_ids(self) -> frozenset[str]:
        with self._database.read() as uow:
            return uow.tombstones.erased_ids()

    def find(
        self, user: User, caller_number: str, around: datetime, window_minutes: int = 30
    ) -> list[ErasureCandidate]:
        """Recordings of this caller that started within `window_minutes` of `around`."""
        return self.search(user, caller_number, around, window_minutes).candidates

    def search(self, user: User, caller_number: str, around: datetime, window_minutes: int = 30) -> ErasureSearch:
        """`find`, plus the number of store entries in the searched days that had to be skipped (logged)."""
        wanted = normalize_number(caller_number)
        if len(wanted.lstrip("+")) < 9:
            raise InvalidInput("Geef het volledige telefoonnummer van de beller.")
        if not 1 <= window_minutes <= 24 * 60:
            raise InvalidInput("Het zoekvenster moet tussen 1 minuut en 24 uur liggen.")
        self._policy.require(user, Action.ERASE_RECORDING, Target("recordings", "*"), detail="search")
        window = timedelta(minutes=window_minutes)
        store = self._store()
        erased = self.erased_ids()
        names = {e.id: e.name for e in self._people.employees()}
        found, cursor, skipped = [], None, 0
        while True:
            page = store.list_recordings(around - window, around + window, cursor=cursor)
            for entry in page.skipped:
                log.warning("store entry skipped during an erasure search: %s (%s)", entry.where, entry.reason)
            skipped += len(page.skipped)
            for meta in page.items:
                if meta.id in erased or not meta.caller_number or normalize_number(meta.caller_number) != wanted:
                    continue
                found.append(ErasureCandidate(meta.id, meta.start, meta.duration_s, self._employee_names(meta, names)))
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        self._audit.record_for(
            user,
            "erasure.search",
            object_type="recordings",
            detail=f"candidates {len(found)}; skipped entries {skipped}",
        )
        return ErasureSearch(sorted(found, key=lambda c: abs((c.start - around).total_seconds())), skipped)

    @staticmethod
    def _employee_names(meta: RecordingMeta, names: dict[str, str]) -> str:
        return ", ".join(names.get(e, e) for e in meta.employee_ids())

    def erase(self, user: User, recording_id: str, reference: str, confirmed: ErasureCandidate | None = None) -> None:
        """Delete in the store, then the tombstone; both audited with the request reference.

        With `confirmed` (what the operator saw and confirmed) the store's recording must still match it:
        same id, start, duration and employees; otherwise nothing is deleted.
        """
        reference = reference.strip()
        if not _REFERENCE.match(reference) or sum(ch.isdigit() for ch in reference) >= 9:
            raise InvalidInput(
                "Geef een kenmerk van het verzoek (3 tot 100 tekens, bijvoorbeeld VZ-2026-017), zonder "
                "telefoonnummer of andere gegevens van de beller."
            )
        self._policy.require(user, Action.ERASE_RECORDING, Target("recording", recording_id), purpose=reference)
        store = self._store()
        if confirmed is not None:
            self._check_confirmed(store, recording_id, confirmed)
        store.delete(recording_id, reference)
        with self._database.begin() as uow:
            uow.tombstones.add_if_absent(recording_id, self._clock(), user.username, reference)
        self._audit.record_for(
            user,
            "recordings.erased",
            object_type="recording",
            object_id=recording_id,
            purpose=reference,
        )

    def _check_confirmed(self, store: RecordingStore, recording_id: str, confirmed: ErasureCandidate) -> None:
        meta = store.get(recording_id)
        names = {e.id: e.name for e in self._people.employees()}
        if (
            confirmed.recording_id != recording_id
            or meta.id != recording_id
            or meta.start != confirmed.start
            or abs(meta.duration_s - confirmed.duration_s) > 0.001
            or self._employee_names(meta, names) != confirmed.employee_names
        ):
            raise InvalidInput(
                f"Opname {recording_id} is veranderd sinds je hem zag; er is niets verwijderd. Zoek opnieuw."
            )
