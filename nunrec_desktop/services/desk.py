"""The per-user desk's shared base: `Desk`, what every signed-in user may ask for, and `DeskParts`, the use
cases a desk is built from (with `AdminParts`, IT's administration use cases).

The composition root (`app.py`) builds one desk at sign-in: a `CoachDesk` (services/coach_desk.py) for a
coach, an `ItDesk` (services/it_desk.py) for IT. A desk holds the user and what belongs to this sign-in
(listening together with an employee, P4), and passes every call on to the use case that decides it; the
policy in those services still refuses whatever the role may not do. Screens take a desk (or a narrow
Protocol of it) instead of a bag of callables, so a click can be followed from the page to the service in
one hop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import User
from nunrec_desktop.services.access_review import AccessReview, ReviewLayout
from nunrec_desktop.services.accounts import Accounts
from nunrec_desktop.services.audit import AuditLog
from nunrec_desktop.services.audit_reader import AuditReader
from nunrec_desktop.services.auth import Authenticator
from nunrec_desktop.services.calibrations import CalibrationService
from nunrec_desktop.services.coaching_cycles import CycleService
from nunrec_desktop.services.conversations import ActionInput, AgreedAction, Conversation, ConversationService
from nunrec_desktop.services.cycles import CycleOverview
from nunrec_desktop.services.draws import DEFAULT_MIN_DURATION_S, Draw, DrawService, ReplaceReason
from nunrec_desktop.services.erasure import ErasureCandidate, ErasureSearch, ErasureService
from nunrec_desktop.services.evaluations import EvaluationService
from nunrec_desktop.services.exports import ExportService
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.history import EmployeeHistory, HistoryService
from nunrec_desktop.services.listening import ListeningService
from nunrec_desktop.services.live_sessions import LiveSessionService
from nunrec_desktop.services.people import PeopleDirectory
from nunrec_desktop.services.privacy import CallerDataGuard
from nunrec_desktop.services.recordings import RecordingCatalog, RecordingList
from nunrec_desktop.services.self_evaluations import SelfEvaluation, SelfEvaluationService
from nunrec_desktop.services.staffing import StaffAdministration
from nunrec_desktop.services.store_admin import StoreAdministration


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
