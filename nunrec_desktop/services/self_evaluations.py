"""The employee's own voice while listening together (issue 26, P4): a self-evaluation with the same 5A form.

In a listening-together session (the employee listens to their own calls only, on the coach's workstation; the
desk enforces the session) the employee fills in the 5A answers for the call before seeing the coach's. Then a
comparison per criterion (where they agree, where not) feeds the conversation. The answers belong to the
employee's record: stored apart from evaluations, never counted as a score of the coach (not in the history's
counts, not in calibrations), and shown to the employee in the feedback PDF as "jouw eigen beoordeling".
Answers only, no free text, so no caller data can be typed into it. Every record is decided and audited by
the access policy with an action of its own (`SELF_EVALUATE`, coaches only, purpose "samen luisteren").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from nunrec_desktop.adapters.db.repositories.evaluations import SnapshotRecord
from nunrec_desktop.adapters.db.repositories.self_evaluations import SelfEvaluationRecord
from nunrec_desktop.adapters.db.unit_of_work import ConstraintViolated, Database
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, InvalidInput, User
from nunrec_desktop.services.access import SELF_EVALUATION_PURPOSE, AccessPolicy, Target
from nunrec_desktop.services.evaluations import EvaluationService, evaluation_from_row
from nunrec_desktop.services.guideline import Guideline


@dataclass(frozen=True)
class SelfEvaluation:
    id: int
    employee_id: str
    recording_id: str
    call_start: datetime | None
    call_duration_s: float | None
    guideline_hash: str
    answers: dict[str, str]
    created_at: datetime


@dataclass(frozen=True)
class Compared:
    """One criterion: the employee's answer beside the coach's (None: the coach has not answered it yet)."""

    key: str
    section: str
    text: str
    own: str
    coach: str | None

    @property
    def same(self) -> bool:
        return self.coach is not None and self.own == self.coach


class SelfEvaluationService:
    def __init__(self, database: Database, policy: AccessPolicy, evaluations: EvaluationService, clock: Clock) -> None:
        self._database = database
        self._policy = policy
        self._evaluations = evaluations
        self._clock = clock

    def record(
        self,
        user: User,
        guideline: Guideline,
        employee_id: str,
        recording_id: str,
        call_start: datetime,
        call_duration_s: float,
        answers: Mapping[str, str],
    ) -> SelfEvaluation:
        """The employee's answers for their own call (all criteria); once given they stay (the comparison is
        made against them)."""
        known = {c.key: c for s in guideline.sections for c in s.criteria}
        unknown = set(answers) - set(known)
        if unknown:
            raise InvalidInput("Onbekend criterium in de eigen beoordeling.")
        for key, answer in answers.items():
            if answer not in known[key].scale.options:
                raise InvalidInput(f"Bij {known[key].text[:60]} kan: " + ", ".join(known[key].scale.options) + ".")
        if set(answers) != set(known):
            raise InvalidInput(f"Laat de medewerker alle {len(known)} criteria invullen.")
        self._policy.require(
            user,
            Action.SELF_EVALUATE,
            Target("recording", recording_id, (employee_id,), call_start),
            purpose=SELF_EVALUATION_PURPOSE,
            detail="self-evaluation by the employee",
        )
        already = InvalidInput("De medewerker heeft dit gesprek al zelf beoordeeld.")
        try:
            with self._database.begin() as uow:
                if uow.self_evaluations.exists(employee_id, recording_id):
                    raise already
                uow.evaluations.keep_snapshot(
                    SnapshotRecord(guideline.content_hash, guideline.id, guideline.version, guideline.source),
                    self._clock(),
                )
                stored = uow.self_evaluations.add(
                    SelfEvaluationRecord(
                        0,
                        user.id,
                        employee_id,
                        recording_id,
                        call_start,
                        call_duration_s,
                        guideline.content_hash,
                        {k: answers[k] for k in known},
                        self._clock(),
                    )
                )
        except ConstraintViolated:  # refused by the database: nothing was stored
            raise InvalidInput("De eigen beoordeling is niet opgeslagen; probeer het opnieuw.") from None
        return _self(stored)

    def listed(self, user: User, employee_id: str) -> list[SelfEvaluation]:
        """`of_employee` decided and audited by the policy (the CLI's `evaluations`)."""
        self._policy.require(
            user, Action.READ_EVALUATIONS, Target("employee", employee_id, (employee_id,)), detail="self-evaluations"
        )
        return self.of_employee(user, employee_id)

    def counts_per_section(self, own: SelfEvaluation) -> dict[str, dict[str, int]]:
        """How often each answer was given per A (the shape of `nunrec evaluations --json`)."""
        guideline = self._evaluations.guideline_by_hash(own.guideline_hash)
        section_of = {c.key: s.key for s in guideline.sections for c in s.criteria} if guideline else {}
        counts: dict[str, dict[str, int]] = {}
        for key, answer in own.answers.items():
            per_section = counts.setdefault(section_of.get(key, "?"), {})
            per_section[answer] = per_section.get(answer, 0) + 1
        return counts

    def of_employee(self, user: User, employee_id: str) -> list[SelfEvaluation]:
        """The employee's self-evaluations given at this coach's workstation, oldest first (no policy check:
        callers have decided, as for the history)."""
        with self._database.read() as uow:
            return [_self(r) for r in uow.self_evaluations.of(user.id, employee_id)]

    def comparison(self, user: User, employee_id: str, recording_id: str) -> list[Compared]:
        """Per criterion the employee's answer beside the coach's latest evaluation of the call. Only once the
        employee has filled in their own (the employee sees the coach's answers after giving theirs)."""
        self._policy.require(
            user,
            Action.READ_EVALUATIONS,
            Target("recording", recording_id, (employee_id,)),
            detail="self-evaluation comparison",
        )
        own = next((s for s in self.of_employee(user, employee_id) if s.recording_id == recording_id), None)
        if own is None:
            raise InvalidInput(
                "Laat de medewerker eerst zelf het formulier invullen; daarna zie je samen de vergelijking."
            )
        guideline = self._evaluations.guideline_by_hash(own.guideline_hash)
        if guideline is None:
            raise InvalidInput("De gespreksleidraad van deze eigen beoordeling is niet meer beschikbaar.")
        coach = self._coach_answers(user, recording_id)
        return [
            Compared(c.key, s.title, c.text, own.answers.get(c.key, ""), coach.get(c.key))
            for s in guideline.sections
            for c in s.criteria
        ]

    def _coach_answers(self, user: User, recording_id: str) -> dict[str, str]:
        with self._database.read() as uow:
            revisions = uow.evaluations.of_recording(user.id, recording_id)
        if not revisions:
            return {}
        evaluation = evaluation_from_row(max(revisions, key=lambda r: (r.revision, r.id)))
        return {k: a.answer for k, a in evaluation.content.answers.items() if a.answer}


def by_recording(items: Iterable[SelfEvaluation]) -> dict[str, SelfEvaluation]:
    return {s.recording_id: s for s in items}


def _self(row: SelfEvaluationRecord) -> SelfEvaluation:
    return SelfEvaluation(
        row.id,
        row.employee_id,
        row.recording_id,
        row.call_start,
        row.call_duration_s,
        row.guideline_hash,
        dict(row.answers),
        row.created_at,
    )
