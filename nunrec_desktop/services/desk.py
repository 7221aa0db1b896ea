"""The per-user desk: exactly what the screens and the signed-in CLI commands of one user call.

The composition root (`app.py`) builds one desk at sign-in: a `CoachDesk` for a coach, an `ItDesk` for IT.
A desk holds the user and what belongs to this sign-in (listening together with an employee, P4), and
passes every call on to the use case that decides it; the policy in those services still refuses whatever
the role may not do. Screens take a desk (or a narrow Protocol of it) instead of a bag of callables, so a
click can be followed from the page to the service in one hop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from nunrec_desktop.adapters.db.admin_queries import AssignmentRecord, ReviewRecord
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import (
    AccessDenied,
    AuditResult,
    Employee,
    InvalidInput,
    RecordingState,
    Role,
    User,
    recording_state,
)
from nunrec_desktop.services.access import CALIBRATION_PURPOSE
from nunrec_desktop.services.access_review import AccessReview, AccessReviewData, ReviewLayout
from nunrec_desktop.services.accounts import Accounts, AccountStatus
from nunrec_desktop.services.audit import AuditEntry, AuditLog, ChainReport
from nunrec_desktop.services.audit_anchor import append_anchor, current_anchor
from nunrec_desktop.services.audit_reader import AuditReader
from nunrec_desktop.services.auth import Authenticator
from nunrec_desktop.services.calibrations import CalibrationService, CalibrationStats, CalibrationView
from nunrec_desktop.services.call_metrics import CallFigures
from nunrec_desktop.services.coaching_cycles import Cycle, CycleService
from nunrec_desktop.services.conversations import ActionInput, AgreedAction, Conversation, ConversationService
from nunrec_desktop.services.cycles import CycleOverview, CycleStatus
from nunrec_desktop.services.draws import DEFAULT_MIN_DURATION_S, Draw, DrawService, ReplaceReason
from nunrec_desktop.services.erasure import ErasureCandidate, ErasureSearch, ErasureService
from nunrec_desktop.services.evaluation_progress import next_pick
from nunrec_desktop.services.evaluations import (
    UNSAVED,
    Evaluation,
    EvaluationContent,
    EvaluationService,
    OpenFinding,
)
from nunrec_desktop.services.exports import ExportService
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.history import EmployeeHistory, HistoryService
from nunrec_desktop.services.listening import (
    PURPOSE_COACHING,
    PURPOSE_WITH_EMPLOYEE,
    ListeningService,
    OpenedRecording,
)
from nunrec_desktop.services.live_sessions import LiveSession, LiveSessionService
from nunrec_desktop.services.people import PeopleDirectory
from nunrec_desktop.services.privacy import CallerDataGuard, Finding
from nunrec_desktop.services.recordings import RecordingCatalog, RecordingList, VisibleRecording
from nunrec_desktop.services.reports import FeedbackData
from nunrec_desktop.services.self_evaluations import Compared, SelfEvaluation, SelfEvaluationService
from nunrec_desktop.services.staffing import AssignmentLine, EmployeeLine, StaffAdministration
from nunrec_desktop.services.store_admin import ConnectionReport, StoreAdministration, StoreStatus

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


@dataclass(frozen=True)
class AdminParts:
    """The administration use cases behind IT's "Beheer" screens (the same ones the CLI calls)."""

    accounts: Accounts
    staff: StaffAdministration
    store: StoreAdministration
    review: AccessReview
    review_layout: ReviewLayout
    account_source: Callable[[], str]  # "local" or "directory"
    anchor_label: Callable[[], str]
    audit: AuditLog


@dataclass(frozen=True)
class DeskParts:
    """The use cases a desk passes its calls on to (built once per workspace by the composition root)."""

    clock: Clock
    auth: Authenticator
    people: PeopleDirectory
    catalog: RecordingCatalog
    listening: ListeningService
    evaluations: EvaluationService
    erasure: ErasureService
    draws: DrawService
    cycles: CycleOverview
    live: LiveSessionService
    exports: ExportService
    audit_reader: AuditReader
    cycle_book: CycleService
    conversations: ConversationService
    history: HistoryService
    guideline: Callable[[], Guideline]  # read on use: IT may replace the file at any time
    guard: Callable[[], CallerDataGuard]  # the workspace's caller-data guard (own numbers/domains from settings)
    recording_retention_days: int
    admin: AdminParts | None = None
    calibrations: CalibrationService | None = None  # calibration between coaches (issue 26)
    self_evaluations: SelfEvaluationService | None = None  # the employee's own answers (issue 26, P4)


class Desk:
    """What every signed-in user may ask for; the services' policy decides per role."""

    def __init__(self, user: User, parts: DeskParts) -> None:
        self.user = user
        self._parts = parts

    def guard(self) -> CallerDataGuard:
        """The caller-data guard for today (dates of birth are judged against the current date; the
        municipality's own numbers and domains are not findings)."""
        return self._parts.guard()

    def today(self) -> date:
        return self._parts.clock().date()

    def now(self) -> datetime:
        return self._parts.clock()

    def recordings(self, only_employee: str | None = None) -> RecordingList:
        return self._parts.catalog.visible_for(self.user, only_employee)

    def draw(
        self,
        employee_id: str,
        count: int,
        seed: int | None = None,
        min_duration_s: float = DEFAULT_MIN_DURATION_S,
        reason: ReplaceReason | None = None,
    ) -> Draw:
        return self._parts.draws.draw(self.user, employee_id, count, seed, min_duration_s, reason)

    def export_document(
        self,
        kind: str,
        employee_id: str,
        out: Path,
        first: date | None = None,
        last: date | None = None,
        evaluation_ids: list[int] | None = None,
    ) -> Path:
        """`kind` is "feedback" (one coaching period, or the chosen evaluations) or "dialog" (development over
        recent cycles)."""
        return self._parts.exports.document(self.user, kind, employee_id, out, first, last, evaluation_ids)

    def history(
        self, employee_id: str, cycle_id: int | None = None, first: date | None = None, last: date | None = None
    ) -> EmployeeHistory:
        """The employee's evaluations by this user (a coach: their own; the policy refuses IT and other
        coaches, audited)."""
        return self._parts.history.history(self.user, employee_id, cycle_id, first, last)

    def self_evaluations_of(self, employee_id: str) -> list[tuple[SelfEvaluation, dict[str, dict[str, int]]]]:
        """The employee's own answers given at this coach's workstation (their record, not a score of yours),
        each with its answers counted per A."""
        service = self._parts.self_evaluations
        if service is None:
            return []
        return [(own, service.counts_per_section(own)) for own in service.listed(self.user, employee_id)]

    def record_conversation(
        self,
        employee_id: str,
        held_on: date,
        agreements: list[str],
        reaction: str = "",
        agrees: bool | None = None,
        disagreement: str = "",
        cycle_id: int | None = None,
        actions: Sequence[ActionInput] = (),
        confirmed: bool = False,
    ) -> Conversation:
        """The feedback conversation of `cycle_id` (default: `conversations.cycle_to_discuss`)."""
        return self._parts.conversations.record(
            self.user, employee_id, held_on, agreements, reaction, agrees, disagreement, cycle_id, actions, confirmed
        )

    def agreed_actions(self, employee_id: str) -> list[AgreedAction]:
        """Every action agreed with the employee in this coach's conversations, with when each was closed."""
        return self._parts.conversations.actions(self.user, employee_id)

    def close_action(self, action_id: int, state: str, reason: str = "") -> AgreedAction:
        """Mark an agreed action done, or dropped with a reason (or open again)."""
        return self._parts.conversations.close_action(self.user, action_id, state, reason)

    def export_subject_access(self, employee_id: str, out: Path) -> Path:
        return self._parts.exports.subject_access(self.user, employee_id, out)

    def search_for_erasure(self, caller_number: str, around: datetime, window_minutes: int = 30) -> ErasureSearch:
        """The caller's recordings around that time, and how many store entries there could not be used."""
        return self._parts.erasure.search(self.user, caller_number, around, window_minutes)

    def erase(self, candidate: ErasureCandidate, reference: str) -> None:
        """Erase the recording the operator confirmed; refused when the store's recording changed since."""
        self._parts.erasure.erase(self.user, candidate.recording_id, reference, confirmed=candidate)

    def unlock(self, user: User, password: str) -> User:
        """The lock screen asks for the password of the signed-in user again."""
        return self._parts.auth.unlock(user, password)

    def record_idle_lock(self) -> None:
        self._parts.auth.record_idle_lock(self.user)

    def record_sign_out(self) -> None:
        self._parts.auth.record_sign_out(self.user)


class CalibrationDesk:
    """Calibration between coaches: what a coach's desk offers (services/calibrations.py decides and audits)."""

    user: User
    _parts: DeskParts

    def _calibrations(self) -> CalibrationService:
        if self._parts.calibrations is None:
            raise InvalidInput("Kalibratie is in deze werkplek niet beschikbaar.")
        return self._parts.calibrations

    def share_for_calibration(self, evaluation_id: int) -> int:
        return self._calibrations().share(self.user, evaluation_id)

    def calibrations(self) -> list[CalibrationView]:
        return self._calibrations().list(self.user)

    def calibration(self, calibration_id: int) -> CalibrationView:
        return self._calibrations().show(self.user, calibration_id)

    def score_calibration(self, calibration_id: int, answers: dict[str, str]) -> None:
        self._calibrations().score(self.user, calibration_id, answers)

    def agree_calibration(self, calibration_id: int, answers: dict[str, str], note: str = "") -> CalibrationView:
        return self._calibrations().agree(self.user, calibration_id, answers, note)

    def calibration_stats(self) -> CalibrationStats:
        return self._calibrations().stats(self.user)

    def open_calibration_call(self, calibration_id: int) -> OpenedRecording:
        """A calibration's shared call in the player, for that calibration only: decided by the policy as a
        listen for calibration and audited with the purpose "kalibratie"; only the calibrated employee's part.
        Runs off the GUI thread."""
        call = self._calibrations().shared_call(self.user, calibration_id)
        return self._parts.listening.open(
            self.user, call.recording_id, CALIBRATION_PURPOSE, only_employee=call.employee_id, calibration=call.access
        )

    def _before_calibration_playback(self, opened: OpenedRecording) -> None:
        """A start of playback of a calibration's call, decided on the calibration as it is now (closed: no)."""
        assert opened.calibration is not None
        now = self._calibrations().shared_call(self.user, int(opened.calibration.calibration_id)).access
        self._parts.listening.before_playback(self.user, opened, now)


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


class ItDesk(Desk):
    """An IT colleague's desk: the audit log, erasure requests and the signed-in IT commands."""

    def search_audit(
        self, actor: str, action: str, object_id: str, since: datetime, until: datetime
    ) -> list[AuditEntry]:
        return self._parts.audit_reader.search(self.user, actor, action, object_id, since, until)

    def verify_audit(self) -> ChainReport:
        return self._parts.audit_reader.verify(self.user)

    def write_anchor(self, out: Path) -> tuple[ChainReport, int]:
        """Verify the chain (the policy decides, audited) and, when intact, append its head to `out`: the
        anchor's sequence number, 0 when nothing was written."""
        report = self.verify_audit()
        if not report.intact:
            return report, 0
        admin = self._admin()
        anchor = current_anchor(admin.audit, admin.anchor_label(), self._parts.clock)
        append_anchor(out, anchor)
        admin.audit.record(
            actor=self.user.username,
            role=str(self.user.role),
            action="audit.anchored",
            result=AuditResult.ALLOWED,
            object_type="audit",
            object_id=str(anchor.seq),
            detail="anchor appended to a file",
        )
        return report, anchor.seq

    # Beheer: employees and coaching ---------------------------------------------------------------------
    def _admin(self) -> AdminParts:
        if self._parts.admin is None:
            raise RuntimeError("the composition root built this desk without its administration parts")
        return self._parts.admin

    def employee_lines(self) -> list[EmployeeLine]:
        return self._admin().staff.employee_lines(self.user, self.today())

    def add_employee(self, employee_id: str, name: str) -> Employee:
        return self._admin().staff.add_employee(self.user, employee_id, name)

    def rename_employee(self, employee_id: str, name: str) -> Employee:
        return self._admin().staff.rename_employee(self.user, employee_id, name)

    def set_employee_active(self, employee_id: str, active: bool) -> None:
        self._admin().staff.set_employee_active(self.user, employee_id, active)

    def delete_employee(self, employee_id: str) -> None:
        self._admin().staff.delete_employee(self.user, employee_id)

    def assignment_history(self, employee_id: str) -> list[AssignmentLine]:
        return self._admin().staff.history(self.user, employee_id)

    def assign(self, employee_id: str, coach: str, start: date, backdated: bool = False) -> None:
        self._admin().staff.assign(self.user, employee_id, coach, start, today=self.today(), backdated=backdated)

    def end_assignment(self, assignment_id: int, last_day: date, backdated: bool = False) -> AssignmentRecord:
        return self._admin().staff.end_assignment(
            self.user, assignment_id, last_day, today=self.today(), backdated=backdated
        )

    # Beheer: accounts -----------------------------------------------------------------------------------
    def account_source(self) -> str:
        return self._admin().account_source()

    def accounts(self) -> list[AccountStatus]:
        return self._admin().accounts.list(self.user)

    def add_account(self, username: str, role: str, display_name: str, password: str) -> User:
        return self._admin().accounts.add(self.user, username, role, display_name, password)

    def set_account_disabled(self, username: str, disabled: bool) -> None:
        self._admin().accounts.set_disabled(self.user, username, disabled)

    def unlock_account(self, username: str) -> None:
        self._admin().accounts.unlock(self.user, username)

    def reset_password(self, username: str, password: str) -> None:
        self._admin().accounts.set_password(self.user, username, password)

    # Beheer: the recording store ------------------------------------------------------------------------
    def store_status(self) -> StoreStatus:
        return self._admin().store.status(self.user)

    def configure_store(self, kind: str, location: str) -> StoreStatus:
        return self._admin().store.configure(self.user, kind, location)

    def set_store_token(self, token: str) -> None:
        self._admin().store.set_token(self.user, token)

    def test_store(self, kind: str, location: str) -> ConnectionReport:
        return self._admin().store.test(self.user, kind, location)

    # Beheer: the access review --------------------------------------------------------------------------
    def access_review(self) -> AccessReviewData:
        return self._admin().review.gather(self.user)

    def export_access_review(self, out: Path) -> Path:
        admin = self._admin()
        return admin.review.export(self.user, out, admin.review_layout)

    def sign_off_review(self, signed_on: date, remark: str, scope: str = "full") -> ReviewRecord:
        return self._admin().review.sign_off(self.user, signed_on, remark, scope)

    def review_reminders(self) -> list[str]:
        return self._admin().review.reminders(self.user)


def desk_for(user: User, parts: DeskParts) -> CoachDesk | ItDesk:
    """The desk of this user's role."""
    return CoachDesk(user, parts) if user.role is Role.COACH else ItDesk(user, parts)
