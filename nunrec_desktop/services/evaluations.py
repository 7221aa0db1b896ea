"""5A evaluations: drafts saved on every change, submission, revisions that keep history, per-coach privacy.

A coach's drafts and evaluations are theirs alone: every query is scoped to the signed-in coach, and the
access policy decides (and audits) every open, submit and revision. A draft survives a killed process: it is
in the database after each autosave and is offered again at the next start.

Caller data never reaches the database undecided (P6, P13): before a draft is stored, every guard finding in
its free text (the 5A comments, tops, tips, notes, and the notes of marks and side-by-side observations) that
the coach has not kept is masked, and the draft remembers which kinds were masked that way (`undecided`,
without the text). A kept finding says what the text is instead (`services.keeping`: a colleague's name, an
organisation's or the municipality's own address, a street as a place), never a free reason. The service
decides it, not the screen: it scans the text again and keeps a finding only when a kept entry names that
field and exactly that text and its choice is allowed for the guard's own kind of it (a phone number, BSN,
IBAN, date of birth or e-mail address is never kept); the kind the screen sent is ignored. The screen keeps
what the coach typed until they mask or keep it; after a crash the draft comes back masked. Kept findings
stored by older versions with a free reason are migrated when read (`keeping.old_keep_as`).

Submitting refuses while a criterion is unanswered, a required comment is missing, or the stored draft still
has undecided findings. A submitted revision is never changed; a correction is a new revision pointing back
to it. The guideline text it was made with is kept as a snapshot.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any, Protocol

from nunrec_desktop.adapters.db.repositories.evaluations import EvaluationRecord, SnapshotRecord
from nunrec_desktop.adapters.db.unit_of_work import ConstraintViolated, Database, UnitOfWork
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, InvalidInput, Mark, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.call_metrics import CallFigures
from nunrec_desktop.services.coaching_cycles import STARTED_BY_EVALUATION, CycleDecisionNeeded, CycleService
from nunrec_desktop.services.guideline import Guideline, parse_guideline
from nunrec_desktop.services.keeping import may_keep, old_keep_as
from nunrec_desktop.services.privacy import CallerDataGuard, Finding, mask

DRAFT, SUBMITTED = "draft", "submitted"
SOURCE_RECORDING, SOURCE_LIVE = "recording", "live"
UNSAVED = 0  # the id of an evaluation that is on the form but not stored yet: nothing answered or written


@dataclass
class Answer:
    answer: str = ""
    comment: str = ""


@dataclass(frozen=True)
class KeptFinding:
    """A guard finding the coach decided to keep, and what the text is instead (`services.keeping`, e.g.
    "collega"). `kind` is the guard's kind as the service found it when storing; what a screen sends there
    is never trusted (the service scans again)."""

    field: str
    kind: str
    text: str
    keep_as: str

    def allowed(self) -> bool:
        """Whether the choice fits the kind recorded here (the service checks it again against a fresh scan)."""
        return may_keep(self.kind, self.keep_as)

    @staticmethod
    def from_dict(data: dict[str, Any]) -> KeptFinding | None:
        """A stored entry; one from before the fixed list (a free `reason`) is migrated, or dropped (None)."""
        field_, kind, text = str(data.get("field", "")), str(data.get("kind", "")), str(data.get("text", ""))
        keep_as = data.get("keep_as")
        if not isinstance(keep_as, str):
            keep_as = old_keep_as(kind)  # the free reason itself is not carried over
        return KeptFinding(field_, kind, text, keep_as) if keep_as else None


def kept_in(
    name: str, text: str, kept: Iterable[KeptFinding], guard: CallerDataGuard
) -> tuple[list[KeptFinding], list[Finding]]:
    """The guard's findings in one field, split into what is validly kept (re-made with the guard's kind) and
    what is open. A kept entry counts only for its own field, its exact text and a choice allowed for the
    guard's kind of that text."""
    choices = [k for k in kept if k.field == name]
    valid: list[KeptFinding] = []
    open_: list[Finding] = []
    for finding in guard.scan(text):
        match = next((k for k in choices if k.text == finding.text and may_keep(finding.kind, k.keep_as)), None)
        if match is None:
            open_.append(finding)
        else:
            valid.append(KeptFinding(name, finding.kind, finding.text, match.keep_as))
    return valid, open_


@dataclass(frozen=True)
class UndecidedFinding:
    """A finding the coach had not decided on when the draft was saved: stored masked, remembered by kind."""

    field: str
    kind: str


@dataclass
class EvaluationContent:
    answers: dict[str, Answer] = field(default_factory=dict)  # criterion key -> answer
    tops: str = ""
    tips: str = ""
    notes: str = ""
    marks: list[Mark] = field(default_factory=list)
    kept: list[KeptFinding] = field(default_factory=list)
    undecided: list[UndecidedFinding] = field(default_factory=list)
    measures: CallFigures | None = None  # the call's measures as numbers only, for the employee's own trend

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @staticmethod
    def from_json(text: str) -> EvaluationContent:
        data: dict[str, Any] = json.loads(text or "{}")
        return EvaluationContent(
            answers={k: Answer(**v) for k, v in data.get("answers", {}).items()},
            tops=data.get("tops", ""),
            tips=data.get("tips", ""),
            notes=data.get("notes", ""),
            marks=[Mark(**m) for m in data.get("marks", [])],
            kept=[k for k in (KeptFinding.from_dict(k) for k in data.get("kept", []) if isinstance(k, dict)) if k],
            undecided=[UndecidedFinding(**u) for u in data.get("undecided", [])],
            measures=CallFigures.from_dict(data["measures"]) if data.get("measures") else None,
        )

    def free_texts(self) -> dict[str, str]:
        """Every free-text field by a stable name, for the caller-data guard."""
        texts = {"tops": self.tops, "tips": self.tips, "notes": self.notes}
        texts.update({f"comment:{key}": a.comment for key, a in self.answers.items()})
        texts.update({f"mark:{index}": m.note for index, m in enumerate(self.marks)})
        return texts

    def masked_for_storage(self, guard: CallerDataGuard) -> EvaluationContent:
        """This content as it may be stored: every finding that is not validly kept (`kept_in`) is masked, the
        kept list holds only what is kept now (with the guard's kind), and `undecided` says which kinds were
        masked here (no text)."""
        kept: list[KeptFinding] = []
        undecided: list[UndecidedFinding] = []

        def clean(name: str, text: str) -> str:
            valid, open_ = kept_in(name, text, self.kept, guard)
            kept.extend(k for k in valid if k not in kept)
            undecided.extend(UndecidedFinding(name, f.kind) for f in open_)
            return mask(text, open_) if open_ else text

        answers = {key: Answer(a.answer, clean(f"comment:{key}", a.comment)) for key, a in self.answers.items()}
        marks = [replace(m, note=clean(f"mark:{index}", m.note)) for index, m in enumerate(self.marks)]
        stored = replace(
            self,
            answers=answers,
            tops=clean("tops", self.tops),
            tips=clean("tips", self.tips),
            notes=clean("notes", self.notes),
            marks=marks,
        )
        stored.kept = kept  # a kept text no longer there, or not allowed, goes
        stored.undecided = undecided
        return stored

    def open_findings(self, guard: CallerDataGuard) -> list[tuple[str, Finding]]:
        """(field, finding) for every guard finding in the free text that is not validly kept (`kept_in`)."""
        return [
            (name, finding)
            for name, text in self.free_texts().items()
            for finding in kept_in(name, text, self.kept, guard)[1]
        ]


@dataclass(frozen=True)
class Evaluation:
    id: int
    coach_user_id: int
    employee_id: str
    recording_id: str | None
    source: str
    call_start: datetime | None
    call_duration_s: float | None
    guideline_version: str
    guideline_hash: str
    status: str
    revision: int
    supersedes_id: int | None
    content: EvaluationContent
    updated_at: datetime
    submitted_at: datetime | None
    live_reason: str | None = None
    live_reason_note: str = ""
    cycle_id: int | None = None  # the coaching cycle it counts for (services/coaching_cycles.py)
    drawn: bool | None = None  # drawn for that cycle; False: "niet getrokken"; None: not known

    @property
    def live(self) -> bool:
        return self.source == SOURCE_LIVE


@dataclass(frozen=True)
class OpenFinding:
    field: str
    finding: Finding


class ConcurrentEvaluation(InvalidInput):
    """Another workstation of the same coach made this revision first (one open draft per coach and call)."""


class EvaluationService:
    def __init__(
        self,
        database: Database,
        policy: AccessPolicy,
        clock: Clock,
        guard: Callable[[], CallerDataGuard] | None = None,
        cycles: CycleService | None = None,
    ) -> None:
        """`guard` makes the caller-data guard drafts are masked with (the composition root passes the one
        that knows the municipality's own numbers); without it, a guard that treats every number as a caller's.
        `cycles` decides which coaching cycle a submitted evaluation counts for."""
        self._database = database
        self._policy = policy
        self._clock = clock
        self._guard = guard or (lambda: CallerDataGuard(clock().date()))
        self.cycles = cycles or CycleService(database, policy, clock)

    # -- creating and finding ----------------------------------------------------------------------

    def for_recording(
        self,
        user: User,
        guideline: Guideline,
        employee_id: str,
        recording_id: str,
        call_start: datetime,
        call_duration_s: float,
        create: bool = True,
    ) -> Evaluation:
        """The coach's open draft for this call; else the latest submitted revision; else a new draft. With
        `create=False` the new draft is not stored: it comes back with id `UNSAVED`, to be created (by calling
        again with `create=True`) when the coach first answers or writes something."""
        self._policy.require(
            user, Action.EVALUATE, Target("recording", recording_id, (employee_id,), call_start), detail="draft"
        )
        try:
            with self._database.begin() as uow:
                row = uow.evaluations.open_draft(user.id, recording_id)
                if row is None:
                    revisions = uow.evaluations.of_recording(user.id, recording_id)
                    row = max(revisions, key=lambda r: r.revision) if revisions else None
                if row is None and not create:
                    return Evaluation(
                        id=UNSAVED,
                        coach_user_id=user.id,
                        employee_id=employee_id,
                        recording_id=recording_id,
                        source=SOURCE_RECORDING,
                        call_start=call_start,
                        call_duration_s=call_duration_s,
                        guideline_version=guideline.version,
                        guideline_hash=guideline.content_hash,
                        status=DRAFT,
                        revision=1,
                        supersedes_id=None,
                        content=EvaluationContent(),
                        updated_at=self._clock(),
                        submitted_at=None,
                    )
                if row is None:
                    row = self._new_draft(
                        uow,
                        user,
                        guideline,
                        employee_id=employee_id,
                        recording_id=recording_id,
                        source=SOURCE_RECORDING,
                        call_start=call_start,
                        call_duration_s=call_duration_s,
                    )
                return evaluation_from_row(row)
        except ConstraintViolated:
            # (coach, recording, revision) is unique: another workstation of this coach began this very
            # evaluation a moment ago. One open draft per coach and call; the next open continues that one.
            raise ConcurrentEvaluation(
                "Deze beoordeling is zojuist op een andere werkplek begonnen. Open het gesprek opnieuw om verder "
                "te gaan met dat concept."
            ) from None

    def start_live(
        self, user: User, guideline: Guideline, employee_id: str, started_at: datetime, reason: str, note: str
    ) -> Evaluation:
        """The draft of a side-by-side session (P8): no recording, no duration until the session ends.

        The caller authorises (LiveSessionService asks the policy before calling this)."""
        with self._database.begin() as uow:
            row = self._new_draft(
                uow,
                user,
                guideline,
                employee_id=employee_id,
                recording_id=None,
                source=SOURCE_LIVE,
                call_start=started_at,
                call_duration_s=None,
                live_reason=reason,
                live_reason_note=note,
            )
            return evaluation_from_row(row)

    def get(self, user: User, evaluation_id: int) -> Evaluation:
        """One of this coach's evaluations; another coach's does not exist for them."""
        with self._database.read() as uow:
            return evaluation_from_row(self._own(uow, user, evaluation_id))

    def running_live(self, user: User) -> list[Evaluation]:
        """This coach's side-by-side sessions that have not ended (normally none or one), oldest first."""
        with self._database.read() as uow:
            return [evaluation_from_row(r) for r in uow.evaluations.running_live(user.id, SOURCE_LIVE)]

    def end_live(self, user: User, evaluation_id: int, duration_s: float) -> Evaluation:
        """The session is over: its duration is fixed; the draft stays open for the 5A form."""
        self._authorise(user, evaluation_id, "live end")
        with self._database.begin() as uow:
            row = self._own(uow, user, evaluation_id)
            if row.source != SOURCE_LIVE or row.status != DRAFT or row.call_duration_s is not None:
                raise InvalidInput("Deze side-by-side sessie is al beëindigd.")
            row = replace(row, call_duration_s=max(0.0, duration_s), updated_at=self._clock())
            uow.evaluations.save(row)
            return evaluation_from_row(row)

    def drafts(self, user: User) -> list[Evaluation]:
        """Open drafts of this coach (offered again after a restart), newest first."""
        with self._database.read() as uow:
            return [evaluation_from_row(r) for r in uow.evaluations.drafts(user.id)]

    def history(self, user: User, recording_id: str) -> list[Evaluation]:
        """Every revision of this coach's evaluation of a call, oldest first."""
        with self._database.read() as uow:
            return [evaluation_from_row(r) for r in uow.evaluations.of_recording(user.id, recording_id)]

    def evaluated_recordings(self, user: User) -> frozenset[str]:
        """Recordings with a submitted evaluation by this coach (the list's "evaluated" column)."""
        with self._database.read() as uow:
            return uow.evaluations.evaluated_recordings(user.id, SUBMITTED)

    def submitted_moments(self, user: User) -> dict[str, list[datetime]]:
        """Per employee, when this coach submitted evaluations (the first revision of each call)."""
        with self._database.read() as uow:
            rows = uow.evaluations.first_submissions(user.id, SUBMITTED)
        moments: dict[str, list[datetime]] = {}
        for employee_id, submitted_at in rows:
            if submitted_at is not None:
                moments.setdefault(employee_id, []).append(submitted_at)
        return moments

    def counts_per_cycle(self, user: User) -> dict[int, int]:
        """Per coaching cycle of this coach: how many calls (or side-by-side sessions) have a submitted
        evaluation that counts for it."""
        with self._database.read() as uow:
            rows = uow.evaluations.revisions(user.id, SUBMITTED)
        chains = chain_keys(rows)
        per: dict[int, set[str]] = {}
        for row in rows:
            if row.cycle_id is not None:
                per.setdefault(row.cycle_id, set()).add(chains[row.id])
        return {cycle_id: len(keys) for cycle_id, keys in per.items()}

    def counts_per_employee(self, user: User) -> dict[str, tuple[int, int]]:
        """Per employee: (calls with a submitted evaluation, open drafts) of this coach. Counts, no scores."""
        with self._database.read() as uow:
            rows = uow.evaluations.revisions(user.id)
        chains = chain_keys(rows)
        submitted: dict[str, set[str]] = {}
        drafts: dict[str, int] = {}
        for row in rows:
            if row.status == SUBMITTED:
                submitted.setdefault(row.employee_id, set()).add(chains[row.id])
            else:
                drafts[row.employee_id] = drafts.get(row.employee_id, 0) + 1
        return {e: (len(submitted.get(e, set())), drafts.get(e, 0)) for e in set(submitted) | set(drafts)}

    def guideline_of(self, evaluation: Evaluation) -> Guideline:
        """The guideline exactly as it was when the evaluation was made."""
        guideline = self.guideline_by_hash(evaluation.guideline_hash)
        if guideline is None:
            raise InvalidInput("De gespreksleidraad van deze beoordeling is niet (meer) aanwezig.")
        return guideline

    def guideline_by_hash(self, content_hash: str) -> Guideline | None:
        """A guideline snapshot by its hash (a calibration keeps the one of the shared evaluation)."""
        with self._database.read() as uow:
            snapshot = uow.evaluations.snapshot(content_hash)
        return None if snapshot is None else parse_guideline(snapshot.source, f"gespreksleidraad {snapshot.version}")

    # -- changing ----------------------------------------------------------------------------------

    def save_draft(self, user: User, evaluation_id: int, content: EvaluationContent) -> EvaluationContent:
        """Autosave: only the coach's own draft, never a submitted revision. What is stored (and returned) has
        every finding the coach has not (validly) kept masked; `undecided` says how many and of which kinds."""
        stored = content.masked_for_storage(self._guard())
        with self._database.begin() as uow:
            row = self._own(uow, user, evaluation_id)
            if row.status != DRAFT:
                raise InvalidInput("Deze beoordeling is al ingediend; maak een nieuwe versie om iets te corrigeren.")
            uow.evaluations.save(replace(row, content=stored.to_json(), updated_at=self._clock()))
        return stored

    def open_findings(self, content: EvaluationContent, guard: CallerDataGuard) -> list[OpenFinding]:
        """Guard findings in the free text that are not validly kept (`EvaluationContent.open_findings`)."""
        return [OpenFinding(name, finding) for name, finding in content.open_findings(guard)]

    def submit(
        self,
        user: User,
        evaluation_id: int,
        guideline: Guideline,
        guard: CallerDataGuard,
        start_cycle: bool | None = False,
    ) -> Evaluation:
        """Submit the draft. It counts for the cycle its earlier revision counted for, else the running cycle of
        the employee (marked "niet getrokken" when the call was not drawn for it); when none runs, a new cycle
        starts only with `start_cycle=True`; with False it counts for no cycle, and with None (the screen) a
        ready draft raises `CycleDecisionNeeded` so that the coach is asked first."""
        self._authorise(user, evaluation_id, "submit")
        with self._database.read() as uow:
            row = self._own(uow, user, evaluation_id)
        if row.status != DRAFT:
            raise InvalidInput("Deze beoordeling is al ingediend.")
        problems = self._problems(EvaluationContent.from_json(row.content), guideline, guard)
        if problems:
            raise InvalidInput("Nog niet klaar om in te dienen: " + "; ".join(problems) + ".")
        employee_id, cycle_id, drawn, recording_id = row.employee_id, row.cycle_id, row.drawn, row.recording_id
        if cycle_id is None:
            cycle = self.cycles.running(user, employee_id)
            if cycle is None and start_cycle is None:
                raise CycleDecisionNeeded()
            if cycle is None and start_cycle:
                cycle = self.cycles.start(user, employee_id, STARTED_BY_EVALUATION)
            if cycle is not None:
                cycle_id = cycle.id
                drawn = bool(recording_id and recording_id in self.cycles.drawn_ids(user, cycle))
        with self._database.begin() as uow:
            row = self._own(uow, user, evaluation_id)
            if row.status != DRAFT:
                raise InvalidInput("Deze beoordeling is al ingediend.")
            now = self._clock()
            row = replace(row, status=SUBMITTED, submitted_at=now, updated_at=now, cycle_id=cycle_id, drawn=drawn)
            uow.evaluations.save(row)
            return evaluation_from_row(row)

    def revise(self, user: User, evaluation_id: int) -> Evaluation:
        """A correction: a new draft revision with the same content; the submitted one stays as it was."""
        self._authorise(user, evaluation_id, "revise")
        try:
            with self._database.begin() as uow:
                old = self._own(uow, user, evaluation_id)
                if old.status != SUBMITTED:
                    raise InvalidInput("Alleen een ingediende beoordeling krijgt een nieuwe versie.")
                now = self._clock()
                row = uow.evaluations.add(
                    replace(
                        old,
                        id=0,
                        status=DRAFT,
                        revision=old.revision + 1,
                        supersedes_id=old.id,
                        created_at=now,
                        updated_at=now,
                        submitted_at=None,
                    )
                )
                return evaluation_from_row(row)
        except ConstraintViolated:
            raise ConcurrentEvaluation(
                "Van deze beoordeling is al een nieuwe versie gemaakt (ook op een andere werkplek kan dat). "
                "Open de geschiedenis opnieuw en ga verder met die versie."
            ) from None

    def _authorise(self, user: User, evaluation_id: int, detail: str) -> None:
        """Ask the policy (which audits) before any write transaction is opened: the audit log needs the lock."""
        with self._database.read() as uow:
            row = self._own(uow, user, evaluation_id)
        target = Target("evaluation", str(row.id), (row.employee_id,), row.call_start)
        self._policy.require(user, Action.EVALUATE, target, detail=detail)

    # -- helpers -----------------------------------------------------------------------------------

    def _problems(self, content: EvaluationContent, guideline: Guideline, guard: CallerDataGuard) -> list[str]:
        problems = []
        for section in guideline.sections:
            for criterion in section.criteria:
                answer = content.answers.get(criterion.key, Answer())
                if answer.answer not in criterion.scale.options:
                    problems.append(f"'{criterion.text}' ({section.title}) is niet beantwoord")
                elif criterion.needs_comment(answer.answer) and not answer.comment.strip():
                    problems.append(f"bij '{criterion.text}' hoort een toelichting")
        findings = [(f.field, f.finding.kind) for f in self.open_findings(content, guard)]
        findings += [(u.field, u.kind) for u in content.undecided]  # masked when saved, not yet decided
        if findings:
            kinds = sorted({kind for _, kind in findings})
            problems.append(
                f"{len(findings)} mogelijke gegevens van de beller in de tekst ({', '.join(kinds)}): "
                "maskeer ze, of zeg bij een naam of adres wat het wel is"
            )
        return problems

    @staticmethod
    def _own(uow: UnitOfWork, user: User, evaluation_id: int) -> EvaluationRecord:
        row = uow.evaluations.get(evaluation_id)
        if row is None or row.coach_user_id != user.id:  # another coach's work does not exist for you
            raise InvalidInput("Deze beoordeling bestaat niet.")
        return row

    def _new_draft(
        self,
        uow: UnitOfWork,
        user: User,
        guideline: Guideline,
        *,
        employee_id: str,
        recording_id: str | None,
        source: str,
        call_start: datetime,
        call_duration_s: float | None,
        live_reason: str | None = None,
        live_reason_note: str | None = None,
    ) -> EvaluationRecord:
        now = self._clock()
        uow.evaluations.keep_snapshot(  # another coach's process may store the same guideline at this very moment
            SnapshotRecord(guideline.content_hash, guideline.id, guideline.version, guideline.source), now
        )
        return uow.evaluations.add(
            EvaluationRecord(
                id=0,
                coach_user_id=user.id,
                employee_id=employee_id,
                recording_id=recording_id,
                source=source,
                call_start=call_start,
                call_duration_s=call_duration_s,
                guideline_id=guideline.id,
                guideline_version=guideline.version,
                guideline_hash=guideline.content_hash,
                status=DRAFT,
                revision=1,
                supersedes_id=None,
                content=EvaluationContent().to_json(),
                created_at=now,
                updated_at=now,
                submitted_at=None,
                live_reason=live_reason,
                live_reason_note=live_reason_note,
                cycle_id=None,
                drawn=None,
            )
        )


def evaluation_from_row(row: EvaluationRecord) -> Evaluation:
    """The domain evaluation of a stored revision."""
    return Evaluation(
        id=row.id,
        coach_user_id=row.coach_user_id,
        employee_id=row.employee_id,
        recording_id=row.recording_id,
        source=row.source,
        call_start=row.call_start,
        call_duration_s=row.call_duration_s,
        guideline_version=row.guideline_version,
        guideline_hash=row.guideline_hash,
        status=row.status,
        revision=row.revision,
        supersedes_id=row.supersedes_id,
        content=EvaluationContent.from_json(row.content),
        updated_at=row.updated_at,
        submitted_at=row.submitted_at,
        live_reason=row.live_reason,
        live_reason_note=row.live_reason_note or "",
        cycle_id=row.cycle_id,
        drawn=row.drawn,
    )


class _Revision(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def recording_id(self) -> str | None: ...
    @property
    def supersedes_id(self) -> int | None: ...


def chain_keys(rows: Iterable[_Revision]) -> dict[int, str]:
    """Per evaluation id, a key shared by every revision of one evaluation: the call it is about, or for a live
    session (which has no recording) its first revision. `rows` must be ordered by revision (parents first)."""
    keys: dict[int, str] = {}
    for row in rows:
        if row.recording_id:
            keys[row.id] = f"recording:{row.recording_id}"
        elif row.supersedes_id is not None and row.supersedes_id in keys:
            keys[row.id] = keys[row.supersedes_id]
        else:
            keys[row.id] = f"evaluation:{row.id}"
    return keys
