"""The coach's desk (`CoachDesk`): recordings, the player, the evaluation form, drafts, cycles and
side-by-side sessions, listening together with an employee (P4), and the summaries it hands the screens
(`DraftSummary`, `EmployeeSummary`, `CycleOutlook`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nunrec_desktop.domain import AccessDenied, Employee, InvalidInput, RecordingState, User, recording_state
from nunrec_desktop.services.calibration_desk import CalibrationDesk
from nunrec_desktop.services.call_metrics import CallFigures
from nunrec_desktop.services.coaching_cycles import Cycle
from nunrec_desktop.services.conversations import AgreedAction, Conversation
from nunrec_desktop.services.cycles import CycleStatus
from nunrec_desktop.services.desk import Desk, DeskParts
from nunrec_desktop.services.draws import Draw, ReplaceReason
from nunrec_desktop.services.evaluation_progress import next_pick
from nunrec_desktop.services.evaluations import UNSAVED, Evaluation, EvaluationContent, OpenFinding
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.listening import PURPOSE_COACHING, PURPOSE_WITH_EMPLOYEE, OpenedRecording
from nunrec_desktop.services.live_sessions import LiveSession
from nunrec_desktop.services.privacy import Finding
from nunrec_desktop.services.recordings import RecordingList, VisibleRecording
from nunrec_desktop.services.reports import FeedbackData
from nunrec_desktop.services.self_evaluations import Compared, SelfEvaluation

# What became of the recording of an open draft.


@dataclass(frozen=True)
class DraftSummary:
    """An open draft, with what became of its recording (it may be erased or expired by now)."""

    evaluation: Evaluation
    employee_name: str
    recording_state: RecordingState  # what became of its recording (domain.recording_state decides)


@dataclass(frozen=True)
class EmployeeSummary:
    """One coached employee with the coach's submitted evaluations and open drafts of them."""

    employee_id: str
    name: str
    submitted: int
    drafts: int


@dataclass(frozen=True)
class CycleOutlook:
    """Which cycle an evaluation counts for (or will, once submitted), and what was agreed for it.

    `cycle` None: no cycle runs; submitting asks whether to start one. `drawn` False: "niet getrokken"."""

    cycle: Cycle | None
    drawn: bool | None
    agreed: Conversation | None  # the previous conversation, whose agreements are for this cycle
    decided: bool  # True once submitted: the cycle is the evaluation's own, not the running one
    open_actions: list[AgreedAction] = field(default_factory=list)  # agreed earlier, still open: ask about them


class CoachDesk(CalibrationDesk, Desk):
    """A coach's desk: recordings, the player, the evaluation form, drafts, cycles and side-by-side sessions."""

    def __init__(self, user: User, parts: DeskParts) -> None:
        super().__init__(user, parts)
        self._together: str | None = None  # the employee while listening together with them (P4)

    # Listening together (P4) ---------------------------------------------------------------------------
    @property
    def listening_with(self) -> str | None:
        return self._together

    def listen_together(self, employee_id: str | None) -> None:
        """From now on only this employee's own calls are listed and open; None ends the session."""
        self._together = employee_id or None

    def record_self_evaluation(self, recording_id: str, answers: dict[str, str]) -> SelfEvaluation:
        """The employee's own 5A answers for one of their calls: only while listening together with them, and
        only for a call of theirs (P4). Stored as the employee's, never as the coach's score."""
        employee_id = self._together
        if employee_id is None or self._parts.self_evaluations is None:
            raise InvalidInput("Een eigen beoordeling vult de medewerker in tijdens het samen luisteren.")
        recording = next((r for r in self.recordings().items if r.id == recording_id), None)
        if recording is None:
            raise InvalidInput("Dit gesprek hoort niet bij de medewerker met wie je luistert.")
        return self._parts.self_evaluations.record(
            self.user,
            self._parts.guideline(),
            employee_id,
            recording.id,
            recording.start,
            recording.duration_s,
            answers,
        )

    def self_comparison(self, recording_id: str) -> list[Compared]:
        """Per criterion the employee's own answer beside yours, once the employee has given theirs."""
        employee_id = self._together
        if employee_id is None or self._parts.self_evaluations is None:
            raise InvalidInput("De vergelijking zie je samen met de medewerker, tijdens het samen luisteren.")
        return self._parts.self_evaluations.comparison(self.user, employee_id, recording_id)

    # Recordings and the player -------------------------------------------------------------------------
    def recordings(self, only_employee: str | None = None) -> RecordingList:
        """The calls the coach may see; while listening together only that employee's own calls."""
        return super().recordings(only_employee if only_employee is not None else self._together)

    def open_recording(self, recording_id: str) -> OpenedRecording:
        """Check access (audited), read and decode the audio. Runs off the GUI thread."""
        together = self._together
        purpose = PURPOSE_WITH_EMPLOYEE if together else PURPOSE_COACHING
        return self._parts.listening.open(self.user, recording_id, purpose, only_employee=together)

    def before_playback(self, opened: OpenedRecording) -> None:
        """Ask the policy again at every start of playback; raises AccessDenied when no longer allowed."""
        if opened.calibration is not None:
            self._not_while_listening_together()
            self._before_calibration_playback(opened)
            return
        self._parts.listening.before_playback(self.user, opened)

    def open_calibration_call(self, calibration_id: int) -> OpenedRecording:
        """As `CalibrationDesk.open_calibration_call`, but never while an employee listens along (P4)."""
        self._not_while_listening_together()
        return super().open_calibration_call(calibration_id)

    def _not_while_listening_together(self) -> None:
        """The employee beside the coach hears their own calls only (P4): no calibration call meanwhile. Refused
        before anything is looked up or opened."""
        if self._together is not None:
            raise AccessDenied(
                "Tijdens een terugluistersessie met een medewerker beluister je geen kalibratiegesprek (P4). "
                "Beëindig eerst de sessie."
            )

    def call_figures(self, opened: OpenedRecording) -> CallFigures | None:
        """The manner-of-conversation measures for the form: only for the call of one employee (a transferred
        call's measures would mix two employees' conversations)."""
        if opened.metrics is None or len({s.employee_id for s in opened.segments}) > 1:
            return None
        return opened.metrics.figures()

    # The evaluation of a call ----------------------------------------------------------------------------
    def guideline(self) -> Guideline:
        return self._parts.guideline()

    def evaluation_of(self, visible: VisibleRecording) -> tuple[Evaluation, Guideline]:
        """Open (or resume) this coach's evaluation of the call, with the guideline it was started on. A new
        evaluation is not stored yet (id `UNSAVED`): `begin_evaluation` stores it at the first change."""
        guideline = self._parts.guideline()
        evaluation = self._parts.evaluations.for_recording(
            self.user, guideline, visible.employee_ids[0], visible.id, visible.start, visible.duration_s, create=False
        )
        if evaluation.guideline_hash != guideline.content_hash:
            guideline = self._parts.evaluations.guideline_of(evaluation)
        return evaluation, guideline

    def begin_evaluation(self, unsaved: Evaluation) -> Evaluation:
        """Store the draft of a call's evaluation that `evaluation_of` opened unsaved (or find the one stored
        meanwhile): the coach answered or wrote something."""
        if unsaved.id != UNSAVED or unsaved.recording_id is None or unsaved.call_start is None:
            return unsaved
        return self._parts.evaluations.for_recording(
            self.user,
            self._parts.guideline(),
            unsaved.employee_id,
            unsaved.recording_id,
            unsaved.call_start,
            unsaved.call_duration_s or 0.0,
        )

    def guideline_of(self, evaluation: Evaluation) -> Guideline:
        return self._parts.evaluations.guideline_of(evaluation)

    def save_draft(self, evaluation_id: int, content: EvaluationContent) -> EvaluationContent:
        """Autosave; returns what was stored (findings the coach has not decided on are stored masked)."""
        return self._parts.evaluations.save_draft(self.user, evaluation_id, content)

    def submit(self, evaluation_id: int, start_cycle: bool | None = False) -> Evaluation:
        """Submit; when no cycle runs for the employee, a new one starts only with `start_cycle=True`; None
        raises `CycleDecisionNeeded` (once the draft is ready) so that the screen asks the coach."""
        return self._parts.evaluations.submit(
            self.user, evaluation_id, self._parts.guideline(), self.guard(), start_cycle=start_cycle
        )

    def revise(self, evaluation_id: int) -> Evaluation:
        return self._parts.evaluations.revise(self.user, evaluation_id)

    def open_findings(self, content: EvaluationContent) -> list[OpenFinding]:
        return self._parts.evaluations.open_findings(content, self.guard())

    def scan(self, text: str) -> list[Finding]:
        return self.guard().scan(text)

    # Drafts and the overview per employee ----------------------------------------------------------------
    def draft_recording_ids(self) -> list[str]:
        """The recordings with an unfinished evaluation of this coach (offered after e.g. a crash)."""
        return [d.recording_id for d in self._parts.evaluations.drafts(self.user) if d.recording_id]

    def live_drafts(self) -> list[DraftSummary]:
        """The coach's side-by-side sessions whose 5A form is not submitted yet (running or ended)."""
        return [d for d in self.drafts() if d.recording_state == RecordingState.LIVE]

    def drafts(self) -> list[DraftSummary]:
        """The coach's open drafts, each with what became of its recording: erased, expired or available."""
        names = {e.id: e.name for e in self._parts.people.employees()}
        erased, now, days = self._parts.erasure.erased_ids(), self._parts.clock(), self._parts.recording_retention_days
        return [
            DraftSummary(d, names.get(d.employee_id, d.employee_id), recording_state(d, erased, now, days))
            for d in self._parts.evaluations.drafts(self.user)
        ]

    def employee_overview(self) -> list[EmployeeSummary]:
        counts = self._parts.evaluations.counts_per_employee(self.user)
        return [EmployeeSummary(e.id, e.name, *counts.get(e.id, (0, 0))) for e in self.coached_employees()]

    def coached_employees(self) -> list[Employee]:
        return self._parts.people.coached_employees(self.user.id, self.today())

    # Cycles and draws ------------------------------------------------------------------------------------
    def cycle_rows(self) -> list[CycleStatus]:
        return self._parts.cycles.rows(self.user)

    def latest_draw(self, employee_id: str) -> Draw | None:
        return self._parts.draws.latest(self.user, employee_id)

    def replace_draw(self, draw_id: int, recording_id: str, reason: ReplaceReason | None = None) -> Draw:
        return self._parts.draws.replace(self.user, draw_id, recording_id, reason)

    def next_chosen_call(self, evaluation: Evaluation) -> VisibleRecording | None:
        """After submitting: the next call of the employee's latest draw that is not evaluated yet."""
        return next_pick(self._parts.draws.latest(self.user, evaluation.employee_id), evaluation.recording_id)

    # Explicit cycles, the history and the feedback conversation ------------------------------------------
    def cycles_of(self, employee_id: str) -> list[Cycle]:
        return self._parts.cycle_book.cycles(self.user, employee_id)

    def start_cycle(self, employee_id: str) -> Cycle:
        return self._parts.cycle_book.start(self.user, employee_id)

    def move_to_cycle(self, evaluation_id: int, cycle_id: int) -> None:
        self._parts.cycle_book.move(self.user, evaluation_id, cycle_id)

    def cycle_outlook(self, evaluation: Evaluation) -> CycleOutlook:
        """The cycle the evaluation counts for (submitted) or would count for now (a draft)."""
        book = self._parts.cycle_book
        if evaluation.cycle_id is not None:
            cycle: Cycle | None = book.get(self.user, evaluation.cycle_id)
            drawn = evaluation.drawn
        else:
            cycle = book.running(self.user, evaluation.employee_id)
            drawn = None if cycle is None else bool(evaluation.recording_id in book.drawn_ids(self.user, cycle))
        agreed = self._parts.conversations.agreements_for(
            self.user, evaluation.employee_id, cycle.id if cycle else None
        )
        open_actions = self._parts.conversations.open_actions(
            self.user, evaluation.employee_id, cycle.id if cycle else None
        )
        return CycleOutlook(cycle, drawn, agreed, evaluation.status != "draft", open_actions)

    def evaluation_by_id(self, evaluation_id: int) -> tuple[Evaluation, Guideline]:
        """One of this coach's evaluations with the guideline it was made with (to read it from the history)."""
        evaluation = self._parts.evaluations.get(self.user, evaluation_id)
        return evaluation, self._parts.evaluations.guideline_of(evaluation)

    def feedback_candidates(self, employee_id: str) -> FeedbackData:
        """Every submitted evaluation of the employee, per cycle: what the feedback can be chosen from."""
        return self._parts.exports.candidates(self.user, employee_id)

    def feedback_preview(self, employee_id: str, evaluation_ids: list[int] | None = None) -> FeedbackData:
        """What the feedback document will hold: these evaluations, or by default the latest cycle's."""
        return self._parts.exports.feedback_data(self.user, employee_id, evaluation_ids=evaluation_ids)

    # Side by side (P8) -----------------------------------------------------------------------------------
    def running_session(self) -> LiveSession | None:
        return self._parts.live.running(self.user)

    def live_session(self, evaluation_id: int) -> LiveSession:
        return self._parts.live.get(self.user, evaluation_id)

    def start_session(self, employee_id: str, reason: str, note: str) -> LiveSession:
        return self._parts.live.start(self.user, self._parts.guideline(), employee_id, reason, note, self.guard())

    def elapsed(self, session: LiveSession) -> float:
        return self._parts.live.elapsed_s(session)

    def end_session(self, session: LiveSession) -> LiveSession:
        return self._parts.live.end(self.user, session)
