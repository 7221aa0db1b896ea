"""The coaching-cycle overview (protocol P7): per employee of the signed-in coach, when the last cycle started
(cycles are explicit, see services/coaching_cycles.py), whether the next is due (from week 4) or overdue
(after week 6), how many calls are evaluated in the running cycle against the target, whether the last
cycle's feedback conversation took place ("besproken op ..." / "nog te bespreken"), and how many candidate
recordings disappear within 7 days. Sorted by urgency. Counts and dates only: no scores, no comparison
between employees (P5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import User
from nunrec_desktop.services.evaluations import EvaluationService
from nunrec_desktop.services.people import PeopleDirectory
from nunrec_desktop.services.recordings import RecordingCatalog

EXPIRING_DAYS = 7
STATE_NEVER, STATE_ON_TRACK, STATE_RUNNING, STATE_DUE, STATE_OVERDUE = (
    "nog geen cyclus",
    "op schema",
    "loopt",
    "aan de beurt",
    "te laat",
)


@dataclass(frozen=True)
class CycleStatus:
    employee_id: str
    name: str
    last_cycle: date | None
    days_since: int | None
    state: str
    evaluated_in_current: int
    target: int
    expiring_candidates: int
    cycle_id: int | None = None  # the latest cycle
    discussed_on: date | None = None  # its feedback conversation
    evaluated_in_latest: int = 0
    replaced_in_latest: int = 0  # drawn calls replaced (with a reason) in the latest cycle

    @property
    def conversation(self) -> str:
        """ "besproken op 12-11-2026", "nog te bespreken" (evaluations, no conversation yet) or "-"."""
        if self.discussed_on is not None:
            return f"besproken op {self.discussed_on:%d-%m-%Y}"
        return "nog te bespreken" if self.evaluated_in_latest else "-"

    def urgency(self) -> tuple[int, int, int, str]:
        rank = {STATE_OVERDUE: 0, STATE_NEVER: 1, STATE_DUE: 2, STATE_RUNNING: 3, STATE_ON_TRACK: 4}[self.state]
        return (rank, -(self.days_since or 0), -self.expiring_candidates, self.name)


def cycle_state(days_since: int | None, running: bool, due_after: int, overdue_after: int) -> str:
    """Due from `due_after` days (week 4) after the last cycle, overdue after `overdue_after` (week 6)."""
    if running:
        return STATE_RUNNING
    if days_since is None:
        return STATE_NEVER
    if days_since > overdue_after:
        return STATE_OVERDUE
    if days_since >= due_after:
        return STATE_DUE
    return STATE_ON_TRACK


class CycleOverview:
    def __init__(
        self,
        people: PeopleDirectory,
        evaluations: EvaluationService,
        catalog: RecordingCatalog,
        clock: Clock,
        due_after_days: int,
        overdue_after_days: int,
        target: int,
    ) -> None:
        self._people = people
        self._evaluations = evaluations
        self._catalog = catalog
        self._clock = clock
        self._due, self._overdue, self._target = due_after_days, overdue_after_days, target

    def rows(self, user: User) -> list[CycleStatus]:
        today = self._clock().date()
        listing = self._catalog.visible_for(user)
        per_cycle = self._evaluations.counts_per_cycle(user)
        rows = []
        for employee in self._people.coached_employees(user.id, today):
            cycles = self._evaluations.cycles.cycles(user, employee.id)
            latest = cycles[-1] if cycles else None
            evaluated = per_cycle.get(latest.id, 0) if latest else 0
            last = latest.started_at.astimezone().date() if latest else None
            days_since = (today - last).days if last else None
            running = latest is not None and latest.running and evaluated < self._target
            expiring = sum(
                1
                for r in listing.items
                if employee.id in r.employee_ids and not r.evaluated and r.expires_in_days < EXPIRING_DAYS
            )
            rows.append(
                CycleStatus(
                    employee.id,
                    employee.name,
                    last,
                    days_since,
                    cycle_state(days_since, running, self._due, self._overdue),
                    evaluated if latest is not None and latest.running else 0,
                    self._target,
                    expiring,
                    latest.id if latest else None,
                    latest.discussed_on if latest else None,
                    evaluated,
                    latest.replaced if latest else 0,
                )
            )
        return sorted(rows, key=CycleStatus.urgency)
