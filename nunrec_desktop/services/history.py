"""The evaluation history of one employee (protocol P5, P7): what the coach evaluated, and what became of it.

Per evaluation (the newest revision of each; a correction replaces what it corrects in the list): the call's
start (or the side-by-side session's), the source, the status with the version, per A the counts of the
answers, the cycle it counts for (and whether the call was drawn for it), whether it went into a feedback
document, and what became of the recording (it may be gone: the scores and notes stay). Filtered by cycle and
period. Counts only: no scores, no ranking, never a comparison between employees. Only the coach of the
employee reads it, and every read is decided and audited by the access policy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from nunrec_desktop.adapters.db.repositories.evaluations import EvaluationRecord
from nunrec_desktop.adapters.db.unit_of_work import Database
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, InvalidInput, RecordingState, User, recording_state
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.coaching_cycles import Cycle, CycleService
from nunrec_desktop.services.conversations import Conversation, ConversationService
from nunrec_desktop.services.evaluations import (
    DRAFT,
    Evaluation,
    EvaluationService,
    chain_keys,
    evaluation_from_row,
)
from nunrec_desktop.services.guideline import SECTION_KEYS, Guideline

STATUS_DRAFT, STATUS_SUBMITTED, STATUS_CORRECTED = "draft", "submitted", "corrected"
STATUS_DUTCH = {STATUS_DRAFT: "concept", STATUS_SUBMITTED: "ingediend", STATUS_CORRECTED: "gecorrigeerd"}


@dataclass(frozen=True)
class HistoryEntry:
    evaluation: Evaluation  # the newest revision
    status: str  # "draft", "submitted" or "corrected" (a submitted revision after an earlier one)
    cycle: Cycle | None
    in_feedback: bool
    answers: dict[str, dict[str, int]]  # per A: counts by answer ("goed": 3, ...)
    recording_state: RecordingState  # what became of its recording (domain.recording_state decides)

    @property
    def id(self) -> int:
        return self.evaluation.id

    @property
    def moment(self) -> datetime:
        return self.evaluation.call_start or self.evaluation.updated_at


@dataclass(frozen=True)
class EmployeeHistory:
    employee_id: str
    entries: list[HistoryEntry]  # newest call first
    cycles: list[Cycle]  # oldest first
    conversations: dict[int, Conversation]  # per cycle id


def answer_counts(evaluation: Evaluation, guideline: Guideline) -> dict[str, dict[str, int]]:
    """Per A (in the guideline's order) how often each answer was given; unanswered criteria are left out."""
    counts: dict[str, dict[str, int]] = {key: {} for key in SECTION_KEYS}
    for section in guideline.sections:
        for criterion in section.criteria:
            answer = evaluation.content.answers.get(criterion.key)
            if answer and answer.answer:
                per = counts.setdefault(section.key, {})
                per[answer.answer] = per.get(answer.answer, 0) + 1
    return counts


SYMBOLS = {"goed": "+", "ja": "+", "voldoende": "±", "verbeterpunt": "-", "nee": "-"}


def compact_answers(counts: dict[str, dict[str, int]], symbols: bool = False) -> str:
    """ "Aanvang 2 goed, 1 verbeterpunt; Analyse ..." for a list cell; with `symbols` the short form
    "Aanvang 2+ 1-; Analyse ..." (+ goed or ja, ± voldoende, - verbeterpunt or nee; others by name)."""
    parts = []
    for key, per in counts.items():
        if not per:
            continue
        if symbols:
            short: dict[str, int] = {}
            for answer, n in per.items():
                mark = SYMBOLS.get(answer, f" {answer}")
                short[mark] = short.get(mark, 0) + n
            order = sorted(short, key=lambda mark: ("+", "±", "-").index(mark) if mark in "+±-" else 9)
            text = " ".join(f"{short[mark]}{mark}" for mark in order)
        else:
            text = ", ".join(f"{n} {answer}" for answer, n in sorted(per.items()))
        parts.append(f"{key.capitalize()} {text}")
    return "; ".join(parts) or "-"


class HistoryService:
    def __init__(
        self,
        database: Database,
        policy: AccessPolicy,
        evaluations: EvaluationService,
        cycles: CycleService,
        conversations: ConversationService,
        clock: Clock,
        erased_ids: Callable[[], frozenset[str]],
        recording_retention_days: int,
    ) -> None:
        self._database = database
        self._policy = policy
        self._evaluations = evaluations
        self._cycles = cycles
        self._conversations = conversations
        self._clock = clock
        self._erased = erased_ids
        self._retention_days = recording_retention_days

    def history(
        self,
        user: User,
        employee_id: str,
        cycle_id: int | None = None,
        first: date | None = None,
        last: date | None = None,
    ) -> EmployeeHistory:
        """The employee's evaluations by this coach; only those of `cycle_id` and of calls from `first` up to
        and including `last` when given. Refused (and audited) for anyone but the employee's coach."""
        if first is not None and last is not None and last < first:
            raise InvalidInput("De einddatum van de periode ligt voor de begindatum.")
        detail = "history" + (f"; cycle {cycle_id}" if cycle_id is not None else "")
        self._policy.require(
            user, Action.READ_EVALUATIONS, Target("employee", employee_id, (employee_id,)), detail=detail
        )
        cycles = self._cycles.cycles(user, employee_id)
        by_cycle = {c.id: c for c in cycles}
        if cycle_id is not None and cycle_id not in by_cycle:
            raise InvalidInput("Deze coachingscyclus hoort niet bij deze medewerker.")
        with self._database.read() as uow:
            rows = uow.evaluations.of_employee(employee_id, coach_user_id=user.id)
            exported = uow.evaluations.exported_ids(user.id, employee_id)
        chains = chain_keys(rows)
        newest: dict[str, EvaluationRecord] = {}
        for row in rows:
            newest[chains[row.id]] = row
        erased = self._erased()
        now = self._clock()
        guidelines: dict[str, Guideline] = {}
        entries = []
        for key, row in newest.items():
            evaluation = evaluation_from_row(row)
            moment = (evaluation.call_start or evaluation.updated_at).astimezone().date()
            if cycle_id is not None and evaluation.cycle_id != cycle_id:
                continue
            if (first is not None and moment < first) or (last is not None and moment > last):
                continue
            if evaluation.guideline_hash not in guidelines:
                guidelines[evaluation.guideline_hash] = self._evaluations.guideline_of(evaluation)
            status = STATUS_CORRECTED if row.revision > 1 else STATUS_SUBMITTED
            if row.status == DRAFT:
                status = STATUS_DRAFT
            chain_ids = {r.id for r in rows if chains[r.id] == key}
            entries.append(
                HistoryEntry(
                    evaluation,
                    status,
                    by_cycle.get(evaluation.cycle_id) if evaluation.cycle_id is not None else None,
                    bool(chain_ids & exported),
                    answer_counts(evaluation, guidelines[evaluation.guideline_hash]),
                    recording_state(evaluation, erased, now, self._retention_days),
                )
            )
        entries.sort(key=lambda e: e.moment, reverse=True)
        conversations = self._conversations.of_cycles(user, by_cycle)
        return EmployeeHistory(employee_id, entries, cycles, conversations)
