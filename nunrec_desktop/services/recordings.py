"""Which recordings a user may see (protocol P1, P3, P10), used by both the GUI and the CLI.

A coach sees only inbound calls to the general number, younger than the retention period (counted from
the call's start, whatever the store still holds), answered by an employee assigned to them at the time of
the call; of a transferred call they see the segments of their own employees. The IT role does not browse:
it retrieves one recording on a coach's request, with the request as the logged reason. Whatever is
filtered is counted in the audit log, without any personal data.
"""

from __future__ import annotations

import itertools
import logging
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from nunrec_desktop.adapters.store.base import (
    AudioInfo,
    RecordingMeta,
    RecordingStore,
    Segment,
    SkippedEntry,
    StoreError,
)
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, User
from nunrec_desktop.services.access import (
    ALL,
    CALIBRATION_PURPOSE,
    AccessPolicy,
    BatchDecision,
    CalibrationAccess,
    Target,
)
from nunrec_desktop.services.audit import AuditLog
from nunrec_desktop.services.identifiers import employee_id_problem, require_employee_id
from nunrec_desktop.services.people import PeopleDirectory

log = logging.getLogger(__name__)

EvaluatedLookup = Callable[[User], frozenset[str]]
CLOCK_SKEW = timedelta(minutes=10)
OVERDUE_LOOKBACK = timedelta(days=30)


def normalize_number(number: str) -> str:
    """E.164 for Dutch numbers in the spellings a store might use (+31..., 0031..., 0341...)."""
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0"):
        return "+31" + digits[1:]
    return digits


@dataclass(frozen=True, slots=True)
class VisibleRecording:
    """A recording as the coach sees it: no caller data, only the coach's own employees."""

    id: str
    start: datetime
    duration_s: float
    employee_ids: tuple[str, ...]
    employee_names: str
    expires_in_days: int
    evaluated: bool
    transferred: bool
    segments: tuple[Segment, ...]
    audio: AudioInfo


@dataclass
class FilterCounts:
    not_inbound: int = 0
    other_number: int = 0
    too_old: int = 0
    not_coached: int = 0
    erased: int = 0
    skipped_entries: int = 0

    def describe(self) -> str:
        return (
            f"filtered not-inbound={self.not_inbound} other-number={self.other_number} too-old={self.too_old} "
            f"not-coached={self.not_coached} erased={self.erased}; skipped entries={self.skipped_entries}"
        )


@dataclass
class RecordingList:
    items: list[VisibleRecording]
    counts: FilterCounts
    skipped: list[SkippedEntry] = field(default_factory=list)


def protocol_violation(meta: RecordingMeta, general_number: str, retention_days: int, now: datetime) -> str | None:
    """Why a recording may never be shown to anyone (P1, P10), or None."""
    if meta.direction != "inbound":
        return "not_inbound"
    if normalize_number(meta.called_number) != normalize_number(general_number):
        return "other_number"
    if meta.start <= now - timedelta(days=retention_days):
        return "too_old"
    return None


def listen_detail(what: str, meta: RecordingMeta, calibration: CalibrationAccess | None = None) -> str:
    """Audit detail of a listen: what happened and whose call it was (ids only), for subject access (P12);
    a listen for calibration names the calibration too."""
    ids = (e if employee_id_problem(e, thorough=False) is None else "?" for e in meta.employee_ids())
    through = f"; calibration={calibration.calibration_id}" if calibration is not None else ""
    return f"{what}; employees={','.join(ids)}{through}"


def _listen(calibration: CalibrationAccess | None) -> Action:
    """The policy's action for a listen: playing for coaching, or hearing a calibration's shared call."""
    return Action.PLAY_RECORDING if calibration is None else Action.LISTEN_FOR_CALIBRATION


def _purpose(calibration: CalibrationAccess | None) -> str:
    return "" if calibration is None else CALIBRATION_PURPOSE


def employees_in_detail(detail: str) -> tuple[str, ...]:
    for part in detail.split(";"):
        key, _, value = part.strip().partition("=")
        if key == "employees" and value:
            return tuple(value.split(","))
    return ()


def own_employees(rows: BatchDecision, meta: RecordingMeta) -> tuple[str, ...]:
    """The employees of a call through whom the policy lets this user see it (each decided on its own)."""
    return tuple(e for e in meta.employee_ids() if rows.permits(Target("recording", meta.id, (e,), meta.start)))


TimeRange = tuple[float, float]


def playable_ranges(meta: RecordingMeta, end_s: float, may_hear: Callable[[str], bool]) -> tuple[TimeRange, ...]:
    """The parts of a call (seconds, start inclusive) answered only by employees `may_hear` allows.

    A moment covered by segments belongs to their employees (all of them must be allowed, for an attended
    transfer where two employees are on the line); a moment no segment covers belongs to the recording's
    employee. A moment that belongs to no one is not playable (fail closed).
    """
    segments = [s for s in meta.segments if s.end_s > s.start_s]
    cuts = sorted({0.0, end_s, *(min(max(t, 0.0), end_s) for s in segments for t in (s.start_s, s.end_s))})
    verdicts: dict[str, bool] = {}

    def allowed(employee_id: str) -> bool:
        if employee_id not in verdicts:
            verdicts[employee_id] = bool(employee_id.strip()) and may_hear(employee_id)
        return verdicts[employee_id]

    ranges: list[TimeRange] = []
    for start, end in itertools.pairwise(cuts):
        if end <= start:
            continue
        middle = (start + end) / 2
        owners = [s.employee_id for s in segments if s.start_s <= middle < s.end_s] or [meta.employee_id]
        if all(allowed(owner) for owner in owners):
            if ranges and ranges[-1][1] == start:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
    return tuple(ranges)


def expires_in_days(start: datetime, retention_days: int, now: datetime) -> int:
    remaining = (start + timedelta(days=retention_days) - now).total_seconds() / 86_400
    return max(0, math.floor(remaining))


class RecordingCatalog:
    def __init__(
        self,
        store: Callable[[], RecordingStore],
        people: PeopleDirectory,
        policy: AccessPolicy,
        audit: AuditLog,
        clock: Clock,
        general_number: str,
        retention_days: int,
        evaluated: EvaluatedLookup,
        erased: Callable[[], frozenset[str]] = frozenset,
    ) -> None:
        self._store = store
        self._people = people
        self._policy = policy
        self._audit = audit
        self._clock = clock
        self._general_number = general_number
        self._retention_days = retention_days
        self._evaluated = evaluated
        self._erased = erased

    def visible_for(self, user: User, employee_id: str | None = None) -> RecordingList:
        """The recordings `user` may see now, newest first; optionally of one employee only."""
        if employee_id:
            require_employee_id(employee_id)  # refused before it reaches the policy or the audit log
        target = Target("employee", employee_id, (employee_id,)) if employee_id else Target("recordings", ALL)
        rows = self._policy.require_batch(user, Action.LIST_RECORDINGS, target)
        now = self._clock()
        counts = FilterCounts()
        metas, skipped = self._all_in_window(now)
        counts.skipped_entries = len(skipped)
        for entry in skipped:
            log.warning("store entry skipped: %s (%s)", entry.where, entry.reason)
        names = {e.id: e.name for e in self._people.employees()}
        evaluated = self._evaluated(user)
        erased = self._erased()
        items: list[VisibleRecording] = []
        for meta in metas:
            violation = (
                "erased"
                if meta.id in erased
                else protocol_violation(meta, self._general_number, self._retention_days, now)
            )
            if violation:
                setattr(counts, violation, getattr(counts, violation) + 1)
                continue
            own = own_employees(rows, meta)
            if not own:
                counts.not_coached += 1
                continue
            if employee_id and employee_id not in own:
                continue
            items.append(self._visible(meta, own, names, now, meta.id in evaluated))
        items.sort(key=lambda r: r.start, reverse=True)
        self._audit.record_for(
            user,
            "recordings.filtered",
            object_type="recordings",
            object_id=employee_id or "*",
            detail=f"shown {len(items)}; {counts.describe()}",
        )
        return RecordingList(items, counts, skipped)

    def open_for_coach(
        self,
        user: User,
        recording_id: str,
        purpose: str,
        detail: str = "open",
        only_employee: str | None = None,
        checked: RecordingMeta | None = None,
        calibration: CalibrationAccess | None = None,
    ) -> RecordingMeta:
        """The metadata of one recording the coach may play (every path to a recording goes through here).

        `only_employee` is set while the coach listens together with that employee (P4): then only that
        employee's own calls open. `checked` is the metadata the store read beside the audio file it already
        opened: then that is what the policy decides on and the audit names, not a second look-up.
        `calibration` is set when a participant hears a calibration's shared call: the policy decides that
        listen as `LISTEN_FOR_CALIBRATION` (the same audit, with the calibration named in its detail).
        """
        if checked is not None and checked.id != recording_id:
            raise StoreError(f"Opname {recording_id} is in de opnameopslag veranderd; er is niets geopend.")
        meta = checked if checked is not None else self._store().get(recording_id)
        target = self._target(meta, only_employee, calibration)
        self._policy.require(user, _listen(calibration), target, purpose, listen_detail(detail, meta, calibration))
        return meta

    def recheck_playback(
        self,
        user: User,
        meta: RecordingMeta,
        purpose: str,
        only_employee: str | None = None,
        calibration: CalibrationAccess | None = None,
    ) -> None:
        """Every start of playback asks the policy again and is audited (a recording may expire meanwhile, a
        calibration may be closed meanwhile)."""
        target = self._target(meta, only_employee, calibration)
        self._policy.require(user, _listen(calibration), target, purpose, listen_detail("start", meta, calibration))

    def playable_for(
        self,
        user: User,
        meta: RecordingMeta,
        end_s: float,
        only_employee: str | None = None,
        calibration: CalibrationAccess | None = None,
    ) -> tuple[TimeRange, ...]:
        """Which parts of an opened call this user may hear: of a transferred call, only the parts answered
        by an employee the policy lets them hear (decided per employee, without auditing: the open itself
        was audited). While listening together with one employee, only that employee's parts (P4)."""

        def may_hear(employee_id: str) -> bool:
            if only_employee is not None and employee_id != only_employee:
                return False
            target = Target("recording", meta.id, (employee_id,), meta.start, calibration=calibration)
            return self._policy.permits(user, _listen(calibration), target, _purpose(calibration))

        return playable_ranges(meta, end_s, may_hear)

    def retrieve_for_coach(self, user: User, recording_id: str, coach_request: str) -> RecordingMeta:
        """IT fetches one recording on the coach's request; the request is the logged purpose (P3)."""
        self._policy.require(user, Action.RETRIEVE_FOR_COACH, Target("recording", recording_id), coach_request)
        meta = self._store().get(recording_id)
        self._policy.require(user, Action.RETRIEVE_FOR_COACH, self._target(meta), coach_request)
        return meta

    def _target(
        self, meta: RecordingMeta, only_employee: str | None = None, calibration: CalibrationAccess | None = None
    ) -> Target:
        violation = (
            "erased"
            if meta.id in self._erased()
            else protocol_violation(meta, self._general_number, self._retention_days, self._clock())
        )
        if not violation and only_employee is not None and only_employee not in meta.employee_ids():
            violation = "other_employee"  # listening together with one employee: their calls only (P4)
        return Target("recording", meta.id, meta.employee_ids(), meta.start, violation or "", calibration)

    def _all_in_window(self, now: datetime) -> tuple[list[RecordingMeta], list[SkippedEntry]]:
        store = self._store()
        # Look a month past the retention period too: what a store still holds there is never shown, but
        # counted, so the audit log shows when the vendor keeps recordings longer than agreed (P10).
        start = now - timedelta(days=self._retention_days) - OVERDUE_LOOKBACK
        metas: list[RecordingMeta] = []
        skipped: list[SkippedEntry] = []
        cursor: str | None = None
        while True:
            page = store.list_recordings(start, now + CLOCK_SKEW, cursor=cursor)
            metas.extend(page.items)
            skipped.extend(page.skipped)
            if page.next_cursor is None:
                return metas, skipped
            cursor = page.next_cursor

    def _visible(
        self, meta: RecordingMeta, own: Iterable[str], names: dict[str, str], now: datetime, evaluated: bool
    ) -> VisibleRecording:
        own = tuple(own)
        return VisibleRecording(
            id=meta.id,
            start=meta.start,
            duration_s=meta.duration_s,
            employee_ids=own,
            employee_names=", ".join(names.get(e, e) for e in own),
            expires_in_days=expires_in_days(meta.start, self._retention_days, now),
            evaluated=evaluated,
            transferred=bool(meta.segments),
            segments=tuple(s for s in meta.segments if s.employee_id in own),
            audio=meta.audio,
        )
