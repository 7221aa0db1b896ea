"""Feedback documents for the employee (protocol P5, P6, P9, P13): what goes in, who may make them, and
writing them safely.

Only a coach assigned to the employee exports; the IT role cannot; a document is always addressed to the
employee it concerns, and there is no parameter to address it to anyone else. Before anything is written the
caller-data guard runs over all free text; an open finding refuses the export. Nothing from the store's
caller fields is read here at all. The file is written to a temporary file beside the target and then
renamed over it, so a failure leaves no partial PDF and keeps an older one intact. Every export is audited
with who, which employee and which evaluations, never the content.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from nunrec_desktop.adapters.atomic_file import write_atomically
from nunrec_desktop.adapters.db.unit_of_work import Database
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, InvalidInput, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.audit import AuditLog
from nunrec_desktop.services.coaching_cycles import Cycle
from nunrec_desktop.services.conversations import AgreedAction, Conversation, ConversationService
from nunrec_desktop.services.drawn_calls import DrawSummary
from nunrec_desktop.services.evaluations import (
    SUBMITTED,
    Evaluation,
    EvaluationService,
    chain_keys,
    evaluation_from_row,
)
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.people import PeopleDirectory
from nunrec_desktop.services.privacy import CallerDataGuard
from nunrec_desktop.services.self_evaluations import SelfEvaluation, SelfEvaluationService, by_recording

CYCLE_GAP = timedelta(days=14)  # how cycles were inferred before they were explicit (the migration uses it)


@dataclass(frozen=True)
class EvaluatedCall:
    evaluation: Evaluation
    guideline: Guideline


@dataclass(frozen=True)
class CycleInfo:
    """One explicit coaching cycle in a document, with its feedback conversation (None: not yet held)."""

    cycle: Cycle
    conversation: Conversation | None


@dataclass(frozen=True)
class FeedbackData:
    """Everything a feedback document shows. Addressed to `employee_name`, always.

    `cycles` are the calls per coaching cycle (oldest first) with `cycle_infos` beside them; `conversation` is
    the feedback conversation of the newest cycle among the calls (None: still to come), and `previous` the
    one before it (its agreements were for this cycle)."""

    employee_id: str
    employee_name: str
    coach_name: str
    first_day: date
    last_day: date
    made_on: date
    calls: list[EvaluatedCall]
    cycles: list[list[EvaluatedCall]] = field(default_factory=list)
    cycle_infos: list[CycleInfo] = field(default_factory=list)
    conversation: Conversation | None = None
    previous: Conversation | None = None
    revision_of: dict[int, int] = field(default_factory=dict)  # an older submitted revision -> the one shown
    draws: dict[int, list[DrawSummary]] = field(default_factory=dict)  # per cycle id: which calls were drawn
    # agreed before the newest cycle: still open (asked about), or closed since that cycle began
    follow_up: list[AgreedAction] = field(default_factory=list)
    # the employee's own answers per recording id, given while listening together ("jouw eigen beoordeling")
    self_evaluations: dict[str, SelfEvaluation] = field(default_factory=dict)


def confidentiality_line(employee_name: str) -> str:
    return (
        f"Vertrouwelijk - uitsluitend bestemd voor {employee_name}. Niet bestemd voor beoordelingsgesprekken "
        "(Protocol opname telefoongesprekken)."
    )


@dataclass(frozen=True)
class CycleMeasures:
    """The employee's own call measures in one coaching cycle: averages over the calls that have them.

    Two-sided figures (talk share, overlaps, monologue) come from stereo calls only and are None without one.
    Never compared with anyone: the Dialog pack shows them to the employee as context for their own trend.
    """

    calls: int
    talk_share_employee: float | None
    hold_s_per_call: float
    holds_per_call: float
    overlaps_per_call: float | None
    longest_monologue_s: float | None


def measures_per_cycle(cycles: list[list[EvaluatedCall]]) -> list[CycleMeasures | None]:
    """Per cycle (as `group_cycles` gives them) the averages of the stored measures; None where no call has any."""

    def mean(values: list[float]) -> float | None:
        return sum(values) / len(values) if values else None

    result: list[CycleMeasures | None] = []
    for cycle in cycles:
        figures = [c.evaluation.content.measures for c in cycle if c.evaluation.content.measures is not None]
        if not figures:
            result.append(None)
            continue
        stereo = [f for f in figures if f.two_sided]
        result.append(
            CycleMeasures(
                calls=len(figures),
                talk_share_employee=mean([f.talk_share_employee for f in stereo if f.talk_share_employee is not None]),
                hold_s_per_call=sum(f.hold_total_s for f in figures) / len(figures),
                holds_per_call=sum(f.holds for f in figures) / len(figures),
                overlaps_per_call=mean([float(f.overlaps) for f in stereo if f.overlaps is not None]),
                longest_monologue_s=mean(
                    [f.longest_monologue_employee_s for f in stereo if f.longest_monologue_employee_s is not None]
                ),
            )
        )
    return result


def only_calls(data: FeedbackData, calls: list[EvaluatedCall]) -> FeedbackData:
    """The document with only these calls: the period set to their days, the cycles to theirs."""
    if not calls:
        return dataclasses.replace(data, calls=[], cycles=[], cycle_infos=[], conversation=None, previous=None)
    calls = sorted(calls, key=lambda c: c.evaluation.call_start or c.evaluation.updated_at)
    days = [(c.evaluation.call_start or c.evaluation.updated_at).astimezone().date() for c in calls]
    kept = {c.evaluation.cycle_id for c in calls}
    pairs = [(cyc, info) for cyc, info in zip(data.cycles, data.cycle_infos, strict=True) if info.cycle.id in kept]
    chosen = {id(c) for c in calls}
    cycles = [[c for c in cyc if id(c) in chosen] for cyc, _info in pairs]
    infos = [info for _cyc, info in pairs]
    all_infos = data.cycle_infos
    newest = infos[-1] if infos else None
    previous = None
    if newest is not None:
        position = [i.cycle.id for i in all_infos].index(newest.cycle.id)
        previous = next((i.conversation for i in reversed(all_infos[:position]) if i.conversation), None)
    return dataclasses.replace(
        data,
        calls=calls,
        cycles=cycles,
        cycle_infos=infos,
        first_day=min(days),
        last_day=max(days),
        conversation=newest.conversation if newest else None,
        previous=previous,
    )


def _newest(revision_of: dict[int, int], evaluation_id: int) -> int:
    while evaluation_id in revision_of:
        evaluation_id = revision_of[evaluation_id]
    return evaluation_id


def latest_cycle(data: FeedbackData) -> FeedbackData:
    """Only the most recent coaching cycle that has calls (else the calls that count for no cycle)."""
    if not data.cycles:
        return only_calls(data, [c for c in data.calls if c.evaluation.cycle_id is None] or data.calls)
    return only_calls(data, data.cycles[-1])


def chosen_calls(data: FeedbackData, evaluation_ids: Iterable[int]) -> FeedbackData:
    """Only the chosen evaluations (any revision's id names its evaluation); an id that is not one of the
    employee's submitted evaluations by this coach is refused."""
    wanted = set(evaluation_ids)
    if not wanted:
        raise InvalidInput("Kies minstens één ingediende beoordeling voor de terugkoppeling.")
    by_id = {c.evaluation.id: c for c in data.calls}
    unknown = sorted(wanted - set(by_id) - set(data.revision_of))
    if unknown:
        raise InvalidInput(
            "Geen ingediende beoordeling van deze medewerker: " + ", ".join(str(i) for i in unknown) + "."
        )
    chosen = {by_id[data.revision_of.get(i, i)].evaluation.id for i in wanted}
    return only_calls(data, [c for c in data.calls if c.evaluation.id in chosen])


class ReportService:
    def __init__(
        self,
        database: Database,
        policy: AccessPolicy,
        audit: AuditLog,
        people: PeopleDirectory,
        evaluations: EvaluationService,
        clock: Clock,
        conversations: ConversationService | None = None,
        self_evaluations: SelfEvaluationService | None = None,
    ) -> None:
        self._database = database
        self._policy = policy
        self._audit = audit
        self._people = people
        self._evaluations = evaluations
        self._clock = clock
        self._self_evaluations = self_evaluations
        self._cycles = evaluations.cycles
        self._conversations = conversations or ConversationService(
            database, policy, evaluations.cycles, clock, lambda: CallerDataGuard(clock().date())
        )

    def gather(self, user: User, employee_id: str, first_day: date | None, last_day: date | None) -> FeedbackData:
        """The latest submitted revision of each of this coach's evaluations of the employee in the period."""
        today = self._clock().date()
        self._policy.require(
            user, Action.EXPORT_FEEDBACK, Target("employee", employee_id, (employee_id,)), detail="gather"
        )
        employee = self._people.employee(employee_id)
        if employee is None:
            raise InvalidInput(f"Er is geen medewerker {employee_id}.")
        first = first_day or today - timedelta(days=365)
        last = last_day or today
        if last < first:
            raise InvalidInput("De einddatum van de periode ligt voor de begindatum.")
        with self._database.read() as uow:
            rows = uow.evaluations.of_employee(employee_id, coach_user_id=user.id, status=SUBMITTED)
        latest: dict[str, Evaluation] = {}
        chains = chain_keys(rows)
        revision_of: dict[int, int] = {}
        for row in rows:
            evaluation = evaluation_from_row(row)
            moment = (evaluation.call_start or evaluation.updated_at).astimezone().date()
            if first <= moment <= last:
                older = latest.get(chains[row.id])
                if older is not None:
                    revision_of[older.id] = evaluation.id
                latest[chains[row.id]] = evaluation
        revision_of = {old: _newest(revision_of, old) for old in revision_of}
        calls = [EvaluatedCall(e, self._evaluations.guideline_of(e)) for e in latest.values()]
        calls.sort(key=lambda c: c.evaluation.call_start or c.evaluation.updated_at)
        cycles = self._cycles.cycles(user, employee_id)
        conversations = self._conversations.of_cycles(user, [c.id for c in cycles])
        used = {k.evaluation.cycle_id for k in calls}
        infos = [CycleInfo(c, conversations.get(c.id)) for c in cycles if c.id in used]
        grouped = [[k for k in calls if k.evaluation.cycle_id == info.cycle.id] for info in infos]
        all_infos = [CycleInfo(c, conversations.get(c.id)) for c in cycles]
        newest = infos[-1] if infos else None
        previous = None
        if newest is not None:
            position = [i.cycle.id for i in all_infos].index(newest.cycle.id)
            previous = next((i.conversation for i in reversed(all_infos[:position]) if i.conversation), None)
        known: dict[str, tuple[datetime | None, float | None]] = {
            k.evaluation.recording_id: (k.evaluation.call_start, k.evaluation.call_duration_s)
            for k in calls
            if k.evaluation.recording_id
        }
        return FeedbackData(
            employee.id,
            employee.name,
            user.display_name,
            first,
            last,
            today,
            calls,
            grouped,
            infos,
            newest.conversation if newest else None,
            previous,
            revision_of,
            {info.cycle.id: self._cycles.draws(user, info.cycle, known) for info in infos},
            self._follow_up(user, employee_id, cycles, newest.cycle if newest else None),
            by_recording(self._self_evaluations.of_employee(user, employee_id)) if self._self_evaluations else {},
        )

    def _follow_up(self, user: User, employee_id: str, cycles: list[Cycle], newest: Cycle | None) -> list[AgreedAction]:
        """Actions agreed in conversations before `newest` that are open, or were closed in or after it."""
        if newest is None:
            return []
        order = [c.id for c in cycles]
        earlier = set(order[: order.index(newest.id)])
        later = set(order[order.index(newest.id) :])
        actions = self._conversations.open_actions(user, employee_id)
        closed = [
            a for a in self._conversations.actions_of(user, employee_id) if not a.open and a.closed_in_cycle_id in later
        ]
        return [a for a in actions + closed if a.cycle_id in earlier]

    def check_free_text(self, data: FeedbackData, guard: CallerDataGuard) -> None:
        """Refuse while any free text holds a finding that is not masked or validly kept (scanned again here,
        with the guard's own kinds: `EvaluationContent.open_findings`)."""
        open_findings = [f for c in data.calls for f in self._evaluations.open_findings(c.evaluation.content, guard)]
        if open_findings:
            kinds = ", ".join(sorted({f.finding.kind for f in open_findings}))
            raise InvalidInput(
                f"Exporteren kan nog niet: {len(open_findings)} mogelijke gegevens van bellers in de tekst ({kinds}). "
                "Maskeer ze in de beoordeling (een ingediende in een nieuwe versie)."
            )

    def export(
        self,
        user: User,
        kind: str,
        data: FeedbackData,
        out: Path,
        guard: CallerDataGuard,
        render: Callable[[FeedbackData, Path], None],
    ) -> Path:
        """Guard, render into a temporary file beside `out`, rename over it, audit."""
        if not data.calls:
            raise InvalidInput(f"Er zijn geen ingediende beoordelingen van {data.employee_name} in deze periode.")
        self.check_free_text(data, guard)
        out = write_atomically(out, lambda path: render(data, path))
        numbers = [str(c.evaluation.id) for c in data.calls]
        ids = ",".join(numbers)
        if len(ids) > 440:  # the audit detail holds 500 characters: the count, and the ids as far as they fit
            ids = ",".join(numbers[:60]) + f",... ({len(numbers)} in all)"
        if kind == "feedback":  # the history shows which evaluations went into a feedback document
            with self._database.begin() as uow:
                uow.evaluations.add_export(
                    user.id, data.employee_id, [c.evaluation.id for c in data.calls], self._clock()
                )
        self._audit.record_for(
            user,
            f"exports.{kind}",
            object_type="employee",
            object_id=data.employee_id,
            detail=f"evaluations {ids}"[:500],
        )
        return out
