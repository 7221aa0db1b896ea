"""Explicit coaching cycles (protocol P7): no cycle ever starts by surprise.

A cycle of a coach with one employee starts when the coach draws calls ("Kies gesprekken") or starts one on
purpose. It runs until its feedback conversation is recorded (that closes its loop), a newer cycle starts, or
`open_days` (the "overdue" setting, 6 weeks) have passed since its start. An evaluation counts for the cycle
that runs when it is submitted; a call that was not drawn for it is marked "niet getrokken". When no cycle
runs, submitting starts one only when the caller says so (`start_cycle=True`; the screen asks the coach);
otherwise the evaluation counts for no cycle. Every revision of an evaluation counts for the same cycle, and
the coach can move an evaluation to another cycle of the same employee. Starting and moving are decided and
audited by the access policy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from nunrec_desktop.adapters.db.repositories.draws import DrawRecord
from nunrec_desktop.adapters.db.unit_of_work import Database, UnitOfWork
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, InvalidInput, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.drawn_calls import DrawSummary, summarize

STARTED_BY_DRAW, STARTED_BY_COACH, STARTED_BY_EVALUATION, STARTED_BY_MIGRATION = (
    "draw",
    "explicit",
    "evaluation",
    "migration",
)
DEFAULT_OPEN_DAYS = 42


class CycleDecisionNeeded(InvalidInput):
    """Submitting with `start_cycle=None` while no cycle runs: the coach decides whether to start one."""

    def __init__(self) -> None:
        super().__init__(
            "Er loopt geen coachingscyclus voor deze medewerker: kies of je met deze beoordeling een nieuwe "
            "cyclus start."
        )


@dataclass(frozen=True)
class Cycle:
    id: int
    employee_id: str
    started_at: datetime
    started_by: str
    discussed_on: date | None  # the date of its feedback conversation; None: still to be discussed
    running: bool
    replaced: int = 0  # drawn calls replaced while it ran (one pick at a time, or by drawing again), with a reason

    @property
    def label(self) -> str:
        """How the coach and the employee read it: "cyclus van 12-11-2026"."""
        return f"cyclus van {self.started_at.astimezone():%d-%m-%Y}"


class CycleService:
    def __init__(
        self, database: Database, policy: AccessPolicy, clock: Clock, open_days: int = DEFAULT_OPEN_DAYS
    ) -> None:
        self._database = database
        self._policy = policy
        self._clock = clock
        self._open_days = open_days

    # -- reading -----------------------------------------------------------------------------------------

    def cycles(self, user: User, employee_id: str) -> list[Cycle]:
        """This coach's cycles with the employee, oldest first (no policy check: callers have decided)."""
        with self._database.read() as uow:
            return self._cycles(uow, user.id, employee_id)

    def running(self, user: User, employee_id: str) -> Cycle | None:
        running = [c for c in self.cycles(user, employee_id) if c.running]
        return running[-1] if running else None

    def get(self, user: User, cycle_id: int) -> Cycle:
        with self._database.read() as uow:
            row = uow.cycles.get(cycle_id)
            if row is None or row.coach_user_id != user.id:  # another coach's cycle does not exist for you
                raise InvalidInput("Deze coachingscyclus bestaat niet.")
            return next(c for c in self._cycles(uow, user.id, row.employee_id) if c.id == cycle_id)

    def drawn_ids(self, user: User, cycle: Cycle) -> frozenset[str]:
        """The calls drawn for this cycle: the picks of every draw of the coach for the employee made while it
        ran (from its start until the next cycle's start)."""
        with self._database.read() as uow:
            records = sorted(self._draws_of(uow, user, cycle), key=lambda r: r.id)
        drawn: set[str] = set()
        for record in records:  # oldest first: a draw made again drops what it replaced, adds its picks
            drawn -= set(_redraw(record.parameters).get("replaced", []))
            drawn |= set(json.loads(record.picks))
        return frozenset(drawn)

    def draws(
        self, user: User, cycle: Cycle, known: dict[str, tuple[datetime | None, float | None]] | None = None
    ) -> list[DrawSummary]:
        """The draws made for this cycle, oldest first, as the employee's feedback PDF lists them."""
        with self._database.read() as uow:
            records = self._draws_of(uow, user, cycle)
        return [summarize(r.created_at, r.seed, r.parameters, r.picks, r.replacements, known) for r in records]

    @staticmethod
    def _draws_of(uow: UnitOfWork, user: User, cycle: Cycle) -> list[DrawRecord]:
        later = uow.cycles.next_start(user.id, cycle.employee_id, cycle.id, cycle.started_at)
        return uow.draws.of(user.id, cycle.employee_id, since=cycle.started_at, before=later)

    def _cycles(self, uow: UnitOfWork, coach_user_id: int, employee_id: str) -> list[Cycle]:
        rows = uow.cycles.of(coach_user_id, employee_id)
        cutoff = self._clock() - timedelta(days=self._open_days)
        draws = uow.draws.of(coach_user_id, employee_id)
        cycles = []
        for index, (row, held_on) in enumerate(rows):
            newest = index == len(rows) - 1
            running = newest and held_on is None and row.started_at >= cutoff
            until = rows[index + 1][0].started_at if not newest else None
            replaced = sum(
                len(json.loads(draw.replacements)) + len(_redraw(draw.parameters).get("replaced", []))
                for draw in draws
                if draw.created_at >= row.started_at and (until is None or draw.created_at < until)
            )
            cycles.append(Cycle(row.id, row.employee_id, row.started_at, row.started_by, held_on, running, replaced))
        return cycles

    # -- changing ----------------------------------------------------------------------------------------

    def start(
        self, user: User, employee_id: str, started_by: str = STARTED_BY_COACH, draw_id: int | None = None
    ) -> Cycle:
        """A new cycle from now (the previous one, if any, stops running). Audited."""
        now = self._clock()
        detail = f"cycle start; by {started_by}" + (f"; draw {draw_id}" if draw_id is not None else "")
        self._policy.require(user, Action.EVALUATE, Target("employee", employee_id, (employee_id,), now), detail=detail)
        with self._database.begin() as uow:
            cycle_id = uow.cycles.add(user.id, employee_id, now, started_by, draw_id)
        return self.get(user, cycle_id)

    def for_draw(self, user: User, employee_id: str, draw_id: int) -> Cycle:
        """A draw belongs to the running cycle (topping it up), or starts a new one."""
        running = self.running(user, employee_id)
        return running if running is not None else self.start(user, employee_id, STARTED_BY_DRAW, draw_id)

    def move(self, user: User, evaluation_id: int, cycle_id: int) -> None:
        """Move an evaluation (every revision of it) to another cycle of the same employee. Audited."""
        with self._database.read() as uow:
            evaluation = uow.evaluations.get(evaluation_id)
        if evaluation is None or evaluation.coach_user_id != user.id:
            raise InvalidInput("Deze beoordeling bestaat niet.")
        employee_id, previous = evaluation.employee_id, evaluation.cycle_id
        target = self.get(user, cycle_id)
        if target.employee_id != employee_id:
            raise InvalidInput("Een beoordeling kan alleen naar een andere cyclus van dezelfde medewerker.")
        if previous == cycle_id:
            raise InvalidInput("Deze beoordeling telt al voor die cyclus.")
        self._policy.require(
            user,
            Action.EVALUATE,
            Target("evaluation", str(evaluation_id), (employee_id,), self._clock()),
            detail=f"cycle move; from {previous if previous is not None else 'none'} to {cycle_id}",
        )
        drawn = self.drawn_ids(user, target)
        with self._database.begin() as uow:
            uow.evaluations.move_chain(user.id, evaluation_id, cycle_id, drawn)


def _redraw(parameters: str) -> dict[str, Any]:
    """What a draw made again (with a reason) replaced: {"draw", "replaced": [ids], "reason"}; {} otherwise."""
    redraw = json.loads(parameters).get("redraw")
    return redraw if isinstance(redraw, dict) else {}
