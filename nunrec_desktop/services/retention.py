"""Retention (protocol P10): evaluations are kept for a configurable time after submission (default 12
months), drafts no longer than a recording lives (30 days). `nunrec retention sweep` runs it, and so does
every start of the application. A chain of revisions goes as a whole when its newest revision expires, with
its notes and marks (they are part of it); guideline snapshots nothing refers to any more go too, and so do
coaching cycles older than the period without evaluations left (with their feedback conversation). A
calibration goes with the evaluation it shared (or after the period, with every coach's scores), and the
employee's own answers (self-evaluations) after the period. Every sweep is audited with the numbers removed.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta

from nunrec_desktop.adapters.db.unit_of_work import Database
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.evaluations import SUBMITTED


@dataclass(frozen=True)
class SweepReport:
    evaluations_removed: int
    drafts_removed: int
    snapshots_removed: int
    calibrations_removed: int = 0
    self_evaluations_removed: int = 0


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the 31st becomes the month's last day)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


class RetentionService:
    def __init__(
        self,
        database: Database,
        policy: AccessPolicy,
        clock: Clock,
        evaluation_months: int,
        draft_days: int,
    ) -> None:
        self._database = database
        self._policy = policy
        self._clock = clock
        self._evaluation_months = evaluation_months
        self._draft_days = draft_days

    def sweep(self, actor: User) -> SweepReport:
        now = self._clock()
        evaluation_cutoff = months_before(now, self._evaluation_months)
        draft_cutoff = now - timedelta(days=self._draft_days)
        with self._database.read() as uow:
            rows = uow.evaluations.ages()
        children: dict[int, int] = {parent: child for child, parent, *_ in rows if parent is not None}
        by_id = {row[0]: row for row in rows}
        expired: set[int] = set()
        drafts = 0
        for evaluation_id, _parent, status, _submitted_at, updated_at in rows:
            if status != SUBMITTED and updated_at <= draft_cutoff:
                expired.add(evaluation_id)
                drafts += 1
        for evaluation_id, _parent, status, submitted_at, _updated_at in rows:
            child = children.get(evaluation_id)
            newest = child is None or child in expired  # nothing newer that stays
            if status == SUBMITTED and newest and submitted_at is not None and submitted_at <= evaluation_cutoff:
                current: int | None = evaluation_id
                while current is not None:  # the whole chain of revisions goes
                    expired.add(current)
                    current = by_id[current][1]
        removed = len(expired) - drafts
        with self._database.read() as uow:
            # A calibration goes with the evaluation it shared, or after the period; the employee's own answers
            # after the period (both are about the employee, like an evaluation).
            calibrations = [
                c.id for c in uow.calibrations.all() if c.evaluation_id in expired or c.created_at <= evaluation_cutoff
            ]
            own = uow.self_evaluations.created_until(evaluation_cutoff)
        detail = (
            f"evaluations {removed}; drafts {drafts}; calibrations {len(calibrations)}; self-evaluations {len(own)}"
        )
        self._policy.require(actor, Action.RUN_RETENTION, Target("evaluations", "*"), detail=detail)
        with self._database.begin() as uow:
            uow.calibrations.delete(calibrations)
            uow.self_evaluations.delete(own)
            uow.evaluations.delete(expired)
            # A cycle goes with its last evaluation (and its conversation), once it is older than the retention
            # period; the record of which evaluations went into a feedback document goes after that period too.
            in_use = uow.evaluations.cycle_ids_in_use()
            uow.cycles.delete([c for c in uow.cycles.started_until(evaluation_cutoff) if c not in in_use])
            uow.evaluations.delete_exports_until(evaluation_cutoff)
            unused = uow.evaluations.delete_unused_snapshots()
        return SweepReport(removed, drafts, unused, len(calibrations), len(own))
