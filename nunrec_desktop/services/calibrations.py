"""Calibration between coaches (issue 26): do the coaches of the KCC score the same call the same way?

A coach shares one of their evaluated calls for calibration (explicit, with the purpose "kalibratie", decided
and audited by the access policy). Every other active coach takes part in that calibration only: they see the
call's moment and length, never the employee's name or the sharer's evaluation. Each participant, the sharer
included, scores it blind with the 5A answers of the same guideline; nobody sees another's answers until all
have submitted. Then the answers stand side by side per criterion, the coaches agree a result, and the spread
(which answers were given) is kept with it.

Over all calibrations pooled: agreement per criterion (the share of calibrations in which all coaches gave the
same answer) and Krippendorff's alpha (ordinal, the `krippendorff` package; "n.v.t." counts as no answer).
Alpha collapses when nearly every answer is "goed", so the per-criterion agreement comes first and alpha is
quoted only once enough calibrations are pooled (`MIN_POOLED`). Shown to coaches only: a manager has no
action here (the policy), and nothing of it enters an evaluation, a feedback document or an employee's results.
Only answers are stored, and the agreed note passes the caller-data guard.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from nunrec_desktop.adapters.db.repositories.calibrations import CalibrationRecord
from nunrec_desktop.adapters.db.unit_of_work import ConstraintViolated, Database
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, InvalidInput, Role, User
from nunrec_desktop.services.access import CALIBRATION_PURPOSE, AccessPolicy, CalibrationAccess, Target
from nunrec_desktop.services.evaluations import EvaluationService
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.privacy import CallerDataGuard

MIN_POOLED = 10  # calibrations pooled before alpha is quoted
NOT_APPLICABLE = "n.v.t."
MAX_NOTE_CHARS = 1000


@dataclass(frozen=True)
class CriterionRow:
    """One criterion side by side: each coach's answer (by display name), the agreed one, and the spread."""

    key: str
    section: str
    text: str
    answers: dict[str, str]  # coach display name -> answer (empty until all have submitted)
    agreed: str | None
    same: bool  # every coach gave the same answer


@dataclass(frozen=True)
class CalibrationView:
    id: int
    call_start: datetime | None
    call_duration_s: float | None
    shared_by: str
    participants: list[str]
    submitted: list[str]
    mine_submitted: bool
    revealed: bool  # all participants have submitted
    agreed_at: datetime | None
    agreed_note: str
    rows: list[CriterionRow]

    @property
    def state(self) -> str:
        return "agreed" if self.agreed_at else "revealed" if self.revealed else "scoring"


@dataclass(frozen=True)
class SharedCall:
    """The call of a calibration as the player needs it, with the facts its listens are decided on. Never shown:
    the screen names no employee (the recording catalog decides and audits each open and start of playback)."""

    calibration_id: int
    recording_id: str
    employee_id: str
    access: CalibrationAccess


@dataclass(frozen=True)
class CriterionAgreement:
    key: str
    text: str
    calibrations: int  # revealed calibrations that asked it
    all_same: int  # in how many of them every coach gave the same answer

    @property
    def share(self) -> float:
        return self.all_same / self.calibrations if self.calibrations else 0.0


@dataclass(frozen=True)
class CalibrationStats:
    calibrations: int
    criteria: list[CriterionAgreement]
    alpha: float | None  # None: not computable (no variation, or fewer than two coaches per unit)
    enough: bool  # at least MIN_POOLED calibrations pooled: alpha may be quoted


class CalibrationService:
    def __init__(
        self,
        database: Database,
        policy: AccessPolicy,
        evaluations: EvaluationService,
        clock: Clock,
        guard: Callable[[], CallerDataGuard],
    ) -> None:
        self._database = database
        self._policy = policy
        self._evaluations = evaluations
        self._clock = clock
        self._guard = guard

    # -- sharing -----------------------------------------------------------------------------------------

    def share(self, user: User, evaluation_id: int) -> int:
        """Share the call of one of this coach's submitted evaluations; every other active coach takes part."""
        evaluation = self._evaluations.get(user, evaluation_id)  # another coach's does not exist for you
        if evaluation.status == "draft" or evaluation.live or not evaluation.recording_id:
            raise InvalidInput("Deel een ingediende beoordeling van een opgenomen gesprek.")
        self._policy.require(
            user,
            Action.SHARE_FOR_CALIBRATION,
            Target("evaluation", str(evaluation.id), (evaluation.employee_id,)),
            purpose=CALIBRATION_PURPOSE,
            detail=f"evaluation {evaluation.id}",
        )
        guideline = self._evaluations.guideline_of(evaluation)
        with self._database.begin() as uow:
            coaches = [a.id for a in uow.accounts.all() if a.role == str(Role.COACH) and not a.disabled]
            if len(coaches) < 2:
                raise InvalidInput("Kalibreren kan pas met minstens twee coaches.")
            return uow.calibrations.add(
                CalibrationRecord(
                    0,
                    user.id,
                    evaluation.employee_id,
                    evaluation.id,
                    evaluation.recording_id,
                    evaluation.call_start,
                    evaluation.call_duration_s,
                    guideline.version,
                    guideline.content_hash,
                    tuple(sorted(coaches)),
                    self._clock(),
                )
            )

    # -- taking part -------------------------------------------------------------------------------------

    def _take_part(self, user: User, calibration_id: int, detail: str) -> CalibrationRecord:
        """The calibration once the policy allowed this coach to take part; audited."""
        with self._database.read() as uow:
            row = uow.calibrations.get(calibration_id)
        if row is None or user.id not in row.participants:
            self._policy.require(  # audited as denied; the same answer whether it exists or not
                user, Action.CALIBRATE, Target("calibration", "", ()), CALIBRATION_PURPOSE, detail
            )
            raise InvalidInput("Deze kalibratie bestaat niet.")
        self._policy.require(
            user, Action.CALIBRATE, Target("calibration", str(calibration_id), ()), CALIBRATION_PURPOSE, detail
        )
        return row

    def shared_call(self, user: User, calibration_id: int) -> SharedCall:
        """Which call a participant may hear for this calibration, and whether the calibration is still open
        (agreed: closed). Decides nothing itself: the listen is decided by the policy as
        `LISTEN_FOR_CALIBRATION`. A calibration this user takes no part in is refused and audited here, with
        the same answer whether it exists or not."""
        with self._database.read() as uow:
            row = uow.calibrations.get(calibration_id)
        found = (
            None
            if row is None or user.id not in row.participants or not row.recording_id
            else (row.recording_id, row.employee_id, row.agreed_at is None)
        )
        if found is None:
            self._policy.require(
                user, Action.LISTEN_FOR_CALIBRATION, Target("calibration", "", ()), CALIBRATION_PURPOSE, "listen"
            )
            raise InvalidInput("Deze kalibratie bestaat niet.")
        recording_id, employee_id, still_open = found
        return SharedCall(
            calibration_id, recording_id, employee_id, CalibrationAccess(str(calibration_id), True, still_open)
        )

    def _guideline(self, row: CalibrationRecord) -> Guideline:
        guideline = self._evaluations.guideline_by_hash(row.guideline_hash)
        if guideline is None:
            raise InvalidInput("De gespreksleidraad van deze kalibratie is niet meer beschikbaar.")
        return guideline

    @staticmethod
    def _checked(guideline: Guideline, answers: Mapping[str, str], complete: bool) -> dict[str, str]:
        known = {c.key: c for s in guideline.sections for c in s.criteria}
        unknown = sorted(set(answers) - set(known))
        if unknown:
            raise InvalidInput("Onbekend criterium: " + ", ".join(k[:40] for k in unknown[:5]) + ".")
        for key, answer in answers.items():
            if answer not in known[key].scale.options:
                raise InvalidInput(f"Bij {known[key].text[:60]} kan: " + ", ".join(known[key].scale.options) + ".")
        if complete and set(answers) != set(known):
            raise InvalidInput(f"Beantwoord alle {len(known)} criteria; nog open: {len(set(known) - set(answers))}.")
        return {k: answers[k] for k in known if k in answers}

    def score(self, user: User, calibration_id: int, answers: Mapping[str, str]) -> None:
        """This coach's blind answers; once submitted they stay (the comparison depends on it)."""
        row = self._take_part(user, calibration_id, "score")
        checked = self._checked(self._guideline(row), answers, complete=True)
        try:
            with self._database.begin() as uow:
                if uow.calibrations.has_score(calibration_id, user.id):
                    raise InvalidInput("Je hebt deze kalibratie al ingevuld.")
                uow.calibrations.add_score(calibration_id, user.id, checked, self._clock())
        except ConstraintViolated:  # the same coach at a second workstation, at the same moment
            raise InvalidInput("Je hebt deze kalibratie al ingevuld.") from None

    def agree(self, user: User, calibration_id: int, answers: Mapping[str, str], note: str = "") -> CalibrationView:
        """The result the coaches agreed, once all have submitted; the spread of their answers is kept."""
        note = note.strip()
        if len(note) > MAX_NOTE_CHARS:
            raise InvalidInput(f"Een toelichting is hoogstens {MAX_NOTE_CHARS} tekens.")
        findings = self._guard().scan(note)
        if findings:
            raise InvalidInput(
                "In de toelichting staat mogelijk een gegeven van een beller ("
                + ", ".join(sorted({f.kind for f in findings}))
                + "). Laat het weg (P6, P13)."
            )
        found = self._take_part(user, calibration_id, "agree")
        checked = self._checked(self._guideline(found), answers, complete=True)
        with self._database.begin() as uow:
            scores = uow.calibrations.scores(calibration_id)
            if set(scores) != set(found.participants):
                raise InvalidInput("Nog niet alle coaches hebben deze kalibratie ingevuld.")
            spread = {k: sorted(s[k] for s in scores.values() if k in s) for k in checked}
            uow.calibrations.agree(calibration_id, checked, spread, note, self._clock(), user.id)
        return self.show(user, calibration_id)

    # -- reading -----------------------------------------------------------------------------------------

    def list(self, user: User) -> list[CalibrationView]:
        """The calibrations this coach takes part in, newest first."""
        self._policy.require(user, Action.CALIBRATE, Target("calibration", "all", ()), CALIBRATION_PURPOSE, "list")
        with self._database.read() as uow:
            ids = [r.id for r in uow.calibrations.all(newest_first=True) if user.id in r.participants]
        return [self.show(user, i) for i in ids]

    def show(self, user: User, calibration_id: int) -> CalibrationView:
        """The calibration as this coach may see it: others' answers only once all have submitted."""
        row = self._take_part(user, calibration_id, "show")
        guideline = self._guideline(row)
        participants = list(row.participants)
        with self._database.read() as uow:
            names = {a.id: a.display_name for a in uow.accounts.all() if a.id in participants}
            scores = uow.calibrations.scores(calibration_id)
        revealed = set(scores) == set(participants)
        agreed = dict(row.agreed_answers or {})
        rows = []
        for section in guideline.sections:
            for criterion in section.criteria:
                given = (
                    {names[c]: scores[c].get(criterion.key, "") for c in participants if c in scores}
                    if revealed
                    else {}
                )
                values = set(given.values())
                rows.append(
                    CriterionRow(
                        criterion.key,
                        section.title,
                        criterion.text,
                        given,
                        agreed.get(criterion.key),
                        revealed and len(values) == 1,
                    )
                )
        return CalibrationView(
            row.id,
            row.call_start,
            row.call_duration_s,
            names.get(row.shared_by_user_id, "?"),
            [names[c] for c in participants if c in names],
            [names[c] for c in participants if c in scores],
            user.id in scores,
            revealed,
            row.agreed_at,
            row.agreed_note,
            rows,
        )

    def stats(self, user: User) -> CalibrationStats:
        """Agreement per criterion and ordinal alpha over all revealed calibrations pooled (coaches only)."""
        self._policy.require(user, Action.CALIBRATE, Target("calibration", "all", ()), CALIBRATION_PURPOSE, "stats")
        pooled = []
        with self._database.read() as uow:
            for row in uow.calibrations.all():
                scores = uow.calibrations.scores(row.id)
                if scores and set(scores) == set(row.participants):
                    pooled.append((row, scores))
        coders = sorted({c for _row, scores in pooled for c in scores})
        units: list[list[float]] = []
        agreement: dict[str, list[int]] = {}
        texts: dict[str, str] = {}
        for row, scores in pooled:
            guideline = self._evaluations.guideline_by_hash(row.guideline_hash)
            if guideline is None:
                continue
            for section in guideline.sections:
                for criterion in section.criteria:
                    texts.setdefault(criterion.key, criterion.text)
                    ordered = [o for o in criterion.scale.options if o != NOT_APPLICABLE]
                    given = [scores[c].get(criterion.key) for c in coders if c in scores]
                    counted = agreement.setdefault(criterion.key, [0, 0])
                    counted[0] += 1
                    counted[1] += int(len(set(given)) == 1)
                    units.append(
                        [
                            float(ordered.index(v))
                            if (v := scores.get(c, {}).get(criterion.key)) in ordered
                            else math.nan
                            for c in coders
                        ]
                    )
        alpha = _ordinal_alpha(units) if len(coders) >= 2 else None
        return CalibrationStats(
            len(pooled),
            [CriterionAgreement(k, texts[k], n, same) for k, (n, same) in agreement.items()],
            alpha,
            len(pooled) >= MIN_POOLED,
        )


def _rank(ordered: list[str], answer: str | None) -> float:
    return float(ordered.index(answer)) if answer in ordered else math.nan


def _ordinal_alpha(units: list[list[float]]) -> float | None:
    """Krippendorff's alpha, ordinal; units are rows (coaches as columns). None when it is not defined."""
    if not units:
        return None
    import krippendorff
    import numpy as np

    data = np.array(units, dtype=float).T  # coders x units
    values = data[~np.isnan(data)]
    if values.size == 0 or len(set(values.tolist())) < 2:
        return None  # every answer the same: alpha is undefined (agreement per criterion says it all)
    try:
        result = float(krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal"))
    except (ValueError, ZeroDivisionError):
        return None
    return None if math.isnan(result) else result
