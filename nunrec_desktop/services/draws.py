"""Picking calls for a coaching cycle (protocol P7): random but reproducible, and fair.

A draw takes N of the employee's visible recordings, skipping calls shorter than a minimum (default 60 s)
and calls already evaluated, spread over different days and times of day: candidates are grouped by day and
part of the day, the groups are shuffled with the seed, and one call is taken from each group in turn. The
seed and the parameters are stored and audited, so the same seed over the same recordings gives the same
picks and anyone can check later that the selection was fair.

A draw is final unless a reason is given (issue 20): replacing one pick, or drawing again while the running
cycle still has picks that are not evaluated, needs one of `REPLACE_REASONS` ("other" with a short text that
passes the caller-data guard). The reason is stored with the draw and audited (its code, never the text), and
the cycle counts how many drawn calls were replaced, for the overview and the employee's feedback PDF.
"""

from __future__ import annotations

import dataclasses
import json
import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from nunrec_desktop.adapters.db.repositories.draws import DrawRecord
from nunrec_desktop.adapters.db.unit_of_work import Database
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, InvalidInput, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.audit import AuditLog
from nunrec_desktop.services.coaching_cycles import CycleService
from nunrec_desktop.services.drawn_calls import call_facts
from nunrec_desktop.services.privacy import CallerDataGuard
from nunrec_desktop.services.recordings import RecordingCatalog, VisibleRecording

DEFAULT_MIN_DURATION_S = 60.0
MAX_SEED = 99_999_999  # eight digits: a seed never looks like a phone number in the audit log
# Why a drawn call may be replaced (codes stored with the draw; the screen shows its own Dutch words).
REASON_TECHNICAL, REASON_UNFIT, REASON_NOT_CUSTOMER, REASON_OTHER = "technical", "unfit", "not_customer", "other"
REPLACE_REASONS = (REASON_TECHNICAL, REASON_UNFIT, REASON_NOT_CUSTOMER, REASON_OTHER)
MAX_REASON_TEXT = 80


@dataclass(frozen=True)
class ReplaceReason:
    """Why drawn calls are replaced: a code of REPLACE_REASONS; `text` only (and required) for "other"."""

    code: str
    text: str = ""


class ReasonNeeded(InvalidInput):
    """Drawing again while the running cycle has open picks: the coach gives a reason first (or keeps them)."""

    def __init__(self, open_picks: int) -> None:
        super().__init__(
            f"Deze cyclus heeft al een trekking met {open_picks} nog niet beoordeelde gesprekken. Opnieuw kiezen "
            "vervangt die gesprekken; geef daarvoor een reden."
        )
        self.open_picks = open_picks


class ReasonRefused(InvalidInput):
    """The reason given cannot be stored as it is (no choice, too short or long, or caller data in it)."""


def checked_reason(reason: ReplaceReason | None, guard: CallerDataGuard) -> ReplaceReason:
    """The reason as it may be stored; raises ReasonRefused with a Dutch sentence otherwise."""
    if reason is None or reason.code not in REPLACE_REASONS:
        raise ReasonRefused("Kies waarom de getrokken gesprekken worden vervangen.")
    text = " ".join(reason.text.split())
    if reason.code != REASON_OTHER:
        return ReplaceReason(reason.code)
    if len(text) < 3:
        raise ReasonRefused("Zeg bij 'anders' in een paar woorden waarom.")
    if len(text) > MAX_REASON_TEXT or not text.isprintable():
        raise ReasonRefused(f"De reden is hoogstens {MAX_REASON_TEXT} gewone tekens.")
    if guard.scan(text):
        raise ReasonRefused(
            "In de reden staat mogelijk een gegeven van een beller. Laat het weg; gegevens van bellers worden "
            "niet vastgelegd (P6, P13)."
        )
    return ReplaceReason(REASON_OTHER, text)


@dataclass(frozen=True)
class Draw:
    id: int
    employee_id: str
    seed: int
    picks: list[VisibleRecording]
    candidates: int
    replacements: list[dict[str, Any]]
    created_at: datetime | None = None
    cycle_id: int | None = None  # the coaching cycle it was drawn for (a draw starts one when none runs)


def part_of_day(moment: datetime) -> str:
    hour = moment.astimezone().hour
    return "ochtend" if hour < 12 else "middag" if hour < 15 else "eind van de dag"


def pick(candidates: list[VisibleRecording], count: int, seed: int) -> list[VisibleRecording]:
    """The reproducible, spread-out choice: same candidates and seed, same picks."""
    ordered = sorted(candidates, key=lambda r: (r.start, r.id))
    groups: dict[tuple[str, str], list[VisibleRecording]] = {}
    for recording in ordered:
        groups.setdefault((recording.start.astimezone().date().isoformat(), part_of_day(recording.start)), []).append(
            recording
        )
    rng = random.Random(seed)
    keys = sorted(groups)
    rng.shuffle(keys)
    chosen: list[VisibleRecording] = []
    while len(chosen) < count and any(groups[k] for k in keys):
        for key in keys:
            if groups[key] and len(chosen) < count:
                chosen.append(groups[key].pop(rng.randrange(len(groups[key]))))
    return chosen


class DrawService:
    def __init__(
        self,
        database: Database,
        catalog: RecordingCatalog,
        policy: AccessPolicy,
        audit: AuditLog,
        clock: Clock,
        cycles: CycleService | None = None,
        guard: Callable[[], CallerDataGuard] | None = None,
    ) -> None:
        self._database = database
        self._catalog = catalog
        self._policy = policy
        self._audit = audit
        self._clock = clock
        self._cycles = cycles or CycleService(database, policy, clock)
        self._guard = guard or (lambda: CallerDataGuard(clock().date()))

    @staticmethod
    def _candidates(visible: list[VisibleRecording], min_duration_s: float) -> list[VisibleRecording]:
        return [r for r in visible if r.duration_s >= min_duration_s and not r.evaluated]

    def draw(
        self,
        user: User,
        employee_id: str,
        count: int,
        seed: int | None = None,
        min_duration_s: float = DEFAULT_MIN_DURATION_S,
        reason: ReplaceReason | None = None,
    ) -> Draw:
        """Draw calls for the employee's running cycle (or a new one). While the running cycle has a draw with
        picks that are not evaluated yet, drawing again replaces them: that needs `reason` (else
        `ReasonNeeded`), and the replaced calls are counted for the cycle."""
        if not 1 <= count <= 50:
            raise InvalidInput("Kies tussen 1 en 50 gesprekken.")
        seed = secrets.randbelow(MAX_SEED + 1) if seed is None else seed
        if not 0 <= seed <= MAX_SEED:
            raise InvalidInput(f"Een seed is een geheel getal van 0 tot en met {MAX_SEED}.")
        visible = self._catalog.visible_for(user, employee_id).items
        previous = self._open_draw(user, employee_id)
        evaluated = {r.id for r in visible if r.evaluated}
        replaced = [i for i in previous.picked if i not in evaluated] if previous is not None else []
        if replaced:
            reason = checked_reason(reason, self._guard()) if reason is not None else None
            if reason is None:
                raise ReasonNeeded(len(replaced))
        candidates = self._candidates(visible, min_duration_s)
        picks = pick(candidates, count, seed)
        parameters: dict[str, Any] = {
            "count": count,
            "min_duration_s": min_duration_s,
            "exclude": "evaluated",
            "candidates": [r.id for r in sorted(candidates, key=lambda r: (r.start, r.id))],
            "calls": {r.id: call_facts(r.start, r.duration_s) for r in picks},  # for the employee's PDF later
        }
        if replaced and previous is not None and reason is not None:
            parameters["redraw"] = {"draw": previous.id, "replaced": replaced, "reason": reason.code}
            if reason.text:
                parameters["redraw"]["text"] = reason.text
        now = self._clock()
        with self._database.begin() as uow:
            draw_id = uow.draws.add(
                DrawRecord(
                    id=0,
                    coach_user_id=user.id,
                    employee_id=employee_id,
                    seed=seed,
                    parameters=json.dumps(parameters),
                    picks=json.dumps([r.id for r in picks]),
                    replacements="[]",
                    created_at=now,
                )
            )
        redrawn = (
            f"; redraw of draw {previous.id}; replaced {len(replaced)}; reason {reason.code}"
            if (replaced and previous is not None and reason is not None)
            else ""
        )
        self._audit.record_for(
            user,
            "draws.created",
            object_type="employee",
            object_id=employee_id,
            detail=f"draw {draw_id}; seed {seed}; count {count}; min {min_duration_s:g}s; "
            f"candidates {len(candidates)}; picked {len(picks)}{redrawn}",
        )
        cycle = self._cycles.for_draw(user, employee_id, draw_id)  # "Kies gesprekken" starts a cycle (P7)
        return Draw(draw_id, employee_id, seed, picks, len(candidates), [], now, cycle.id)

    def latest(self, user: User, employee_id: str) -> Draw | None:
        """This coach's most recent draw for the employee (the calls of the current cycle), with the picks
        that are still visible; None when there is none."""
        with self._database.read() as uow:
            row = uow.draws.latest(user.id, employee_id)
        if row is None:
            return None
        stored = _StoredDraw.of(row)
        visible = self._catalog.visible_for(user, employee_id).items
        return stored.as_draw(visible, len(stored.parameters.get("candidates", [])))

    def _open_draw(self, user: User, employee_id: str) -> _StoredDraw | None:
        """The latest draw of the employee's running cycle (a draw made since it started), or None."""
        cycle = self._cycles.running(user, employee_id)
        if cycle is None:
            return None
        with self._database.read() as uow:
            row = uow.draws.latest(user.id, employee_id, since=cycle.started_at)
        return _StoredDraw.of(row) if row is not None else None

    def replace(self, user: User, draw_id: int, recording_id: str, reason: ReplaceReason | None = None) -> Draw:
        """Swap one pick for another candidate, reproducibly; the replacement and its reason are recorded."""
        reason = checked_reason(reason, self._guard())
        with self._database.read() as uow:
            found = uow.draws.get(draw_id)
        if found is None or found.coach_user_id != user.id:
            raise InvalidInput("Deze trekking bestaat niet.")
        stored = _StoredDraw.of(found)
        employee_id, picked, replacements = stored.employee_id, stored.picked, stored.replacements
        if recording_id not in picked:
            raise InvalidInput("Dit gesprek hoort niet bij de trekking.")
        self._policy.require(
            user,
            Action.LIST_RECORDINGS,
            Target("employee", employee_id, (employee_id,)),
            detail=f"replace in draw {draw_id}",
        )
        visible = self._catalog.visible_for(user, employee_id).items  # read once: the store may be remote
        used = set(picked) | {r["old"] for r in replacements}
        candidates = self._candidates(visible, stored.parameters["min_duration_s"])
        remaining = [r for r in candidates if r.id not in used]
        if not remaining:
            raise InvalidInput("Er is geen ander gesprek om mee te vervangen.")
        [new] = pick(remaining, 1, stored.seed * 1_000 + len(replacements) + 1)
        picked[picked.index(recording_id)] = new.id
        replacement = {"old": recording_id, "new": new.id, "at": self._clock().isoformat(), "reason": reason.code}
        if reason.text:
            replacement["text"] = reason.text
        replacements.append(replacement)
        with self._database.begin() as uow:
            row = uow.draws.get(draw_id)
            assert row is not None
            parameters = json.loads(row.parameters)
            facts = parameters.setdefault("calls", {})
            old = next((r for r in visible if r.id == recording_id), None)
            for recording in (old, new):
                if recording is not None and recording.id not in facts:
                    facts[recording.id] = call_facts(recording.start, recording.duration_s)
            uow.draws.save(
                dataclasses.replace(
                    row,
                    parameters=json.dumps(parameters),
                    picks=json.dumps(picked),
                    replacements=json.dumps(replacements),
                )
            )
        self._audit.record_for(
            user,
            "draws.replaced",
            object_type="draw",
            object_id=str(draw_id),
            detail=f"{recording_id} -> {new.id}; reason {reason.code}",
        )
        return stored.as_draw(visible, len(remaining) + len(used))


@dataclass(frozen=True)
class _StoredDraw:
    """A draw as read from its row; picks and replacements are lists the caller may change."""

    id: int
    employee_id: str
    seed: int
    parameters: dict[str, Any]
    picked: list[str]
    replacements: list[dict[str, Any]]
    created_at: datetime

    @staticmethod
    def of(row: DrawRecord) -> _StoredDraw:
        return _StoredDraw(
            row.id,
            row.employee_id,
            row.seed,
            json.loads(row.parameters),
            json.loads(row.picks),
            json.loads(row.replacements),
            row.created_at,
        )

    def as_draw(self, visible: list[VisibleRecording], candidates: int) -> Draw:
        """The draw with the picks that are still visible to the coach, in their order."""
        by_id = {r.id: r for r in visible}
        return Draw(
            self.id,
            self.employee_id,
            self.seed,
            [by_id[i] for i in self.picked if i in by_id],
            candidates,
            self.replacements,
            self.created_at,
        )
