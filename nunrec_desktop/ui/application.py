"""Starts the GUI: the sign-in window first (painted before the heavy imports), then the workspace (opened
on the task runner's thread after the first paint, while the coach types), then the main window with its
idle lock. The controller gives every page the signed-in user's desk (`services.coach_desk`,
`services.it_desk`) and connects the pages' signals to each other; it holds no business rules.

Long because it is the one place that wires every page to the desk and to each other for both roles (coach
and IT) and owns the start, sign-in, lock and sign-out sequence; splitting the wiring would scatter the order
in which those steps must happen. Screens with a job of their own live in their own modules.

First Qt use: PySide6 builds all ~100 Python enums of the `Qt` namespace the first time `Qt` is imported
or touched (~25 ms, a fifth of an empty window's start). The modules loaded before the sign-in window is
painted (this one, error_hooks, idle_lock, login_window, tasks) therefore import `Qt` inside the functions
that run later, never at module level (tests/test_fast_start.py checks this). For the same reason the pages
are imported inside the methods that build them at sign-in, and the desk's module (which loads the services
and SQLAlchemy) only inside `_signed_in` and `_coach_desk`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from nunrec_desktop import __version__
from nunrec_desktop.domain import NunrecError, RecordingState, User
from nunrec_desktop.resource_files import resources_dir
from nunrec_desktop.ui.error_hooks import install_error_hooks
from nunrec_desktop.ui.garbage import GuiThreadCollector
from nunrec_desktop.ui.idle_lock import IdleWatcher
from nunrec_desktop.ui.layout_memory import LayoutMemory, show_remembered
from nunrec_desktop.ui.login_window import LoginWindow
from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.tasks import TaskRunner
from nunrec_desktop.ui.translations import install_translators

if TYPE_CHECKING:
    from nunrec_desktop.services.audit_anchor import HandlerFactory
    from nunrec_desktop.services.auth import Authenticator
    from nunrec_desktop.services.coach_desk import CoachDesk
    from nunrec_desktop.services.history import HistoryEntry
    from nunrec_desktop.services.it_desk import ItDesk
    from nunrec_desktop.services.listening import OpenedRecording
    from nunrec_desktop.services.recordings import VisibleRecording
    from nunrec_desktop.settings import Workspace
    from nunrec_desktop.ui.calibration_page import CalibrationPage
    from nunrec_desktop.ui.cycles_page import CyclesPage
    from nunrec_desktop.ui.evaluation_form import EvaluationForm
    from nunrec_desktop.ui.evaluations_page import DraftRow, EvaluationsPage
    from nunrec_desktop.ui.key_help import KeyHelp
    from nunrec_desktop.ui.live_session_page import LiveSessionPage
    from nunrec_desktop.ui.main_window import MainWindow
    from nunrec_desktop.ui.player_page import Playback, PlayerPage
    from nunrec_desktop.ui.recordings_page import RecordingsPage

log = logging.getLogger(__name__)


UNPAINTED_START_MS = 500


class OpenWorkspace(Protocol):
    """The opened workspace as the windows see it (built by the composition root, `app.Services`)."""

    @property
    def workspace(self) -> Workspace: ...

    @property
    def auth(self) -> Authenticator: ...

    def desk_for(self, user: User) -> CoachDesk | ItDesk: ...

    def player(self, opened: OpenedRecording) -> Playback: ...

    def anchor(self, event: str, system_log: HandlerFactory | None = None) -> None: ...

    def close(self) -> None: ...


def load_style() -> str:
    path = resources_dir() / "style.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


class AppController(QObject):
    """Owns the windows of one running application and the desk of the signed-in user.

    `open_workspace` (from `app.py`) opens the workspace behind the sign-in window; at sign-in it hands over
    the user's desk, and every page talks to that desk. The player's engine (and with it the audio output)
    comes from the opened workspace's `player` factory, which the entry built.
    """

    def __init__(
        self,
        open_workspace: Callable[[], OpenWorkspace],
        idle_minutes: float | None = None,
        system_log: HandlerFactory | None = None,
    ) -> None:
        super().__init__()
        self._open = open_workspace
        self._system_log = system_log
        self._idle_minutes = idle_minutes
        self.player: PlayerPage | None = None
        self.recordings: RecordingsPage | None = None
        self.overview: EvaluationsPage | None = None
        self.cycles: CyclesPage | None = None
        self.form: EvaluationForm | None = None
        self.live: LiveSessionPage | None = None
        self.calibration: CalibrationPage | None = None
        self.desk: CoachDesk | ItDesk | None = None
        self.layout_memory: LayoutMemory | None = None
        self.services: OpenWorkspace | None = None
        self.login = LoginWindow()
        self.login.signed_in.connect(self._signed_in)
        self.main_window: MainWindow | None = None
        self.idle: IdleWatcher | None = None
        self.tasks = TaskRunner(self)
        self.key_help: KeyHelp | None = None
        self._opening = False
        self._opened: OpenWorkspace | None = None  # set on the runner's thread, in case we exit before delivery
        self.login.first_painted.connect(self._after_first_paint)

    def start(self) -> None:
        self.login.adjustSize()
        screen = self.login.screen().availableGeometry()
        self.login.move(screen.center() - self.login.rect().center())
        self.login.show()
        QTimer.singleShot(UNPAINTED_START_MS, self._open_workspace)  # a window never painted (started minimised)

    def _after_first_paint(self) -> None:
        QTimer.singleShot(0, self._open_workspace)  # once this paint has reached the screen, not inside it

    def _open_workspace(self) -> None:
        """Open the workspace in the background (imports the application, migrates, sweeps leftovers of killed
        exports and runs the retention sweep); the coach can type meanwhile."""
        if self._opening:
            return
        self._opening = True
        self.tasks.run(self._open_in_background, self._workspace_opened, self._workspace_failed)

    def _open_in_background(self) -> OpenWorkspace:
        services = self._opened = self._open()
        return services

    def _workspace_opened(self, services: OpenWorkspace) -> None:
        self.services = services
        self._anchor("start")
        if not services.auth.uses_directory:
            self.login.set_sign_in(services.auth.sign_in)
            return
        # Single sign-on: the workstation's Kerberos ticket (SSPI on Windows) first, in the background; without
        # a ticket the password window is used as it is.
        self.login.trying_ticket()
        self.tasks.run(services.auth.sign_in_with_ticket, self._ticket_done, self._ticket_failed)

    def _ticket_done(self, user: User | None) -> None:
        assert self.services is not None
        self.login.set_sign_in(self.services.auth.sign_in, user is None, self._in_background)
        if user is not None:
            self._signed_in(user)

    def _ticket_failed(self, error: Exception) -> None:
        assert self.services is not None
        self.login.set_sign_in(self.services.auth.sign_in, False, self._in_background)
        self.login.show_error(for_reader(error))

    def _in_background(
        self, work: Callable[[], User], done: Callable[[User], None], failed: Callable[[Exception], None]
    ) -> None:
        self.tasks.run(work, done, failed, owner=self.login)

    def _workspace_failed(self, error: Exception) -> None:
        self.login.workspace_failed(for_reader(error))  # a Dutch sentence (the runner logged an unexpected one)

    def _signed_in(self, user: User) -> None:
        from nunrec_desktop.services.coach_desk import CoachDesk
        from nunrec_desktop.ui.audit_page import AuditPage
        from nunrec_desktop.ui.erasure_page import ErasurePage
        from nunrec_desktop.ui.main_window import MainWindow

        assert self.services is not None
        services = self.services
        desk = self.desk = services.desk_for(user)
        self.layout_memory = LayoutMemory(services.workspace.root, user.username)
        areas: dict[int, QWidget] = {}
        if isinstance(desk, CoachDesk):
            areas.update(self._coach_areas(desk))
        erasure = ErasurePage(desk, desk.now(), self.tasks)
        if isinstance(desk, CoachDesk):
            areas[MainWindow.COACH_ERASURE] = erasure
            from nunrec_desktop.ui.calibration_page import CalibrationPage as Calibration

            calibration = Calibration(
                desk, tasks=self.tasks, player_factory=self.services.player, memory=self.layout_memory
            )
            self.calibration = calibration
            areas[MainWindow.CALIBRATION] = calibration
        else:
            areas.update(self._admin_areas(desk))
            areas[MainWindow.AUDIT] = AuditPage(desk, self.tasks, desk.today())
            areas[MainWindow.IT_ERASURE] = erasure
        self.erasure_page = erasure
        window = MainWindow(user, desk.unlock, areas)
        self.main_window = window
        from nunrec_desktop.ui.key_help import KeyHelp  # after sign-in: Qt's enums load after the first paint

        self.key_help = KeyHelp(window, self._about())  # F1: the keys of the screen, and "Over nunrec"
        window.navigation.currentRowChanged.connect(self._area_shown)
        if self.player is not None:
            window.locked.connect(self.player.stop)
        if self.calibration is not None:
            window.locked.connect(self.calibration.stop)  # the calibration's player too
        window.sign_out_requested.connect(self._sign_out)
        window.locked.connect(desk.record_idle_lock)
        idle = IdleWatcher(self._idle_minutes or services.workspace.settings.idle_lock_minutes, window)
        idle.idle.connect(window.lock)
        window.lock_screen.unlocked.connect(idle.start)  # the count starts again after an unlock
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(idle)
        idle.start()
        self.idle = idle
        show_remembered(window, self.layout_memory)
        window.activateWindow()  # the keyboard goes on in the main window, not in the hidden sign-in window
        self.login.hide()
        if isinstance(desk, CoachDesk) and self.recordings is not None:
            self.recordings.reload()
            if desk.running_session() is not None:  # e.g. after a crash mid-session: carry on with it
                window.show_area(MainWindow.SIDE_BY_SIDE)

    def _admin_areas(self, desk: ItDesk) -> dict[int, QWidget]:
        """IT's Beheer pages (issue 25); a coach never gets these (their desk has none of these calls)."""
        from nunrec_desktop.ui.admin.accounts_page import AccountsPage
        from nunrec_desktop.ui.admin.coaching_page import CoachingPage
        from nunrec_desktop.ui.admin.employees_page import EmployeesPage
        from nunrec_desktop.ui.admin.review_page import AdminOverview, ReviewPage
        from nunrec_desktop.ui.admin.store_page import StorePage
        from nunrec_desktop.ui.main_window import MainWindow

        return {
            0: AdminOverview(desk, self.tasks),
            MainWindow.EMPLOYEES: EmployeesPage(desk, self.tasks),
            MainWindow.COACHING: CoachingPage(desk, self.tasks),
            MainWindow.ACCOUNTS: AccountsPage(desk, self.tasks),
            MainWindow.STORE: StorePage(desk, self.tasks),
            MainWindow.REVIEW: ReviewPage(desk, self.tasks),
        }

    def _about(self) -> str:
        """What "Over nunrec" (F1) says: the version, and (to a coach) the conversation guideline with its status."""
        text = self.tr(
            "nunrec desktop, version %1. Call coaching for the KCC of the municipality of Nunspeet."
        ).replace("%1", __version__)
        coach = self._coach_desk()
        if coach is not None:
            try:
                guideline = coach.guideline()
            except NunrecError as error:
                return text + " " + for_reader(error)
            text += " " + self.tr("Conversation guideline: %1 (version %2).").replace("%1", guideline.title).replace(
                "%2", guideline.version
            )
            if guideline.is_default:
                text += " " + self.tr(
                    "This is the default guideline shipped with nunrec; the municipality can replace it with its "
                    "own (IT: see the README)."
                )
        return text

    def _coach_areas(self, desk: CoachDesk) -> dict[int, QWidget]:
        """The coach's areas, each on the coach's desk; the signals between them are connected here."""

        from nunrec_desktop.ui.cycles_page import CyclesPage
        from nunrec_desktop.ui.evaluation_form import EvaluationForm
        from nunrec_desktop.ui.evaluation_workspace import EvaluationWorkspace
        from nunrec_desktop.ui.evaluations_page import EvaluationsPage
        from nunrec_desktop.ui.live_session_page import LiveSessionPage
        from nunrec_desktop.ui.main_window import MainWindow
        from nunrec_desktop.ui.player_page import PlayerPage
        from nunrec_desktop.ui.recordings_page import RecordingsPage

        recordings = RecordingsPage(desk, self.tasks, desk.today())
        assert self.services is not None  # signed in: the workspace is open
        player = PlayerPage(desk, self.services.player, self.tasks, memory=self.layout_memory)
        form = EvaluationForm(desk, player, self.tasks)
        player.marks_changed.connect(form.marks_changed)
        form.watch_mark_note(player.mark_note)
        player.opened.connect(self._evaluate)
        player.measured.connect(self._measured)
        form.submitted.connect(recordings.reload)
        form.editable_changed.connect(player.set_marks_editable)  # a submitted evaluation takes no marks
        form.next_call_requested.connect(self._show_player)
        form.next_call_requested.connect(player.open_recording)
        form.back_to_list_requested.connect(self._show_recordings)
        beside = EvaluationWorkspace(player, form, self.layout_memory)
        overview = EvaluationsPage(desk, self.tasks)
        overview.draft_chosen.connect(self._open_draft)
        recordings.live_draft_requested.connect(self._open_draft)  # the banner's side-by-side draft
        overview.entry_chosen.connect(self._open_entry)
        form.submitted.connect(overview.reload)
        overview.reload()
        cycles = CyclesPage(desk, self.tasks)
        form.submitted.connect(cycles.reload)  # "x / y beoordeeld" counts the new evaluation
        overview.history.changed.connect(cycles.reload)  # a conversation recorded, a cycle started
        cycles.recording_activated.connect(recordings.recording_activated)
        live = LiveSessionPage(desk, self.tasks)
        live.session_changed.connect(overview.reload)
        cycles.side_by_side_requested.connect(self._show_side_by_side)
        cycles.side_by_side_requested.connect(live.prepare_start)
        recordings.recording_activated.connect(self._show_player)
        recordings.self_evaluation_requested.connect(self._own_view)
        recordings.recording_activated.connect(player.open_recording)
        self.recordings, self.player, self.form, self.overview, self.cycles, self.live = (
            recordings,
            player,
            form,
            overview,
            cycles,
            live,
        )
        return {
            MainWindow.RECORDINGS: recordings,
            MainWindow.PLAYER: beside,
            MainWindow.EVALUATION: overview,
            MainWindow.CYCLES: cycles,
            MainWindow.SIDE_BY_SIDE: live,
        }

    def _own_view(self, recording: VisibleRecording) -> None:
        """The employee's own 5A answers for the chosen call, while listening together (issue 26)."""
        from nunrec_desktop.ui.self_evaluation_dialog import SelfEvaluationDialog  # a screen: after sign-in

        desk = self._coach_desk()
        if desk is not None:
            SelfEvaluationDialog(desk, recording, self.main_window).exec()

    def _area_shown(self, row: int) -> None:
        """Areas that show counts are brought up to date when the coach turns to them."""
        window = self.main_window
        if window is None:
            return
        if row == window.EVALUATION and self.overview is not None:
            self.overview.reload()
        elif row == window.CYCLES and self.cycles is not None:
            self.cycles.reload()
        elif row == window.SIDE_BY_SIDE and self.live is not None:
            self.live.reload()
        elif row == window.CALIBRATION and self.calibration is not None and self._coach_desk() is not None:
            self.calibration.reload()

    def _show_player(self, _recording: object = None) -> None:
        if self.main_window is not None:
            self.main_window.show_area(self.main_window.PLAYER)

    def _show_side_by_side(self, _employee_id: object = None) -> None:
        if self.main_window is not None:
            self.main_window.show_area(self.main_window.SIDE_BY_SIDE)

    def _open_draft(self, row: DraftRow) -> None:
        """Carry on with a draft: a live session on the side-by-side area, a call in the player (when its
        recording is still there; otherwise the form alone, with its marks)."""
        desk, player, form, live, recordings = self._coach_desk(), self.player, self.form, self.live, self.recordings
        if desk is None or None in (player, form, live, recordings):
            return
        assert player is not None and form is not None and live is not None and recordings is not None
        if row.evaluation.live:
            self._show_side_by_side()
            session = desk.live_session(row.evaluation.id)
            if not session.running:
                live.open_for_evaluation(session)
            return
        self._show_player()
        if row.recording_state == RecordingState.AVAILABLE:
            match = [
                r
                for r in range(recordings.model.rowCount())
                if recordings.model.recording(r).id == row.evaluation.recording_id
            ]
            if match:
                player.open_recording(recordings.model.recording(match[0]))
                return
        player.stop()
        player.set_marks(row.evaluation.content.marks)
        form.load(row.evaluation, desk.guideline_of(row.evaluation))
        form.status.setText(form.status.text() + " " + self.tr("The recording itself is no longer available."))

    def _open_entry(self, entry: HistoryEntry) -> None:
        """Read an evaluation from the history: a call whose recording is there in the player beside the form;
        otherwise (gone, or a side-by-side session) the form alone, read only, with its marks."""
        desk, player, form, recordings = self._coach_desk(), self.player, self.form, self.recordings
        if desk is None or player is None or form is None or recordings is None:
            return
        self._show_player()
        if entry.recording_state == RecordingState.AVAILABLE:
            match = [
                r
                for r in range(recordings.model.rowCount())
                if recordings.model.recording(r).id == entry.evaluation.recording_id
            ]
            if match:
                player.open_recording(recordings.model.recording(match[0]))
                return
        evaluation, guideline = desk.evaluation_by_id(entry.evaluation.id)
        player.stop()
        player.set_marks(evaluation.content.marks)
        if evaluation.live:
            gone = self.tr("A side-by-side session: there is no recording.")
        elif entry.recording_state == RecordingState.AVAILABLE:  # e.g. the list could not be loaded from the store
            gone = self.tr("The recording is not in the list right now; the scores and notes are here.")
        else:
            gone = self.tr("The recording is no longer there; the scores and notes stay.")
        player.info.setText(gone)
        form.load(evaluation, guideline)
        form.status.setText(form.status.text() + " " + gone)

    def _evaluate(self, opened: OpenedRecording, visible: VisibleRecording) -> None:
        """Open (or resume) this coach's evaluation of the call that the player just opened."""
        desk, player, form = self._coach_desk(), self.player, self.form
        if desk is None or player is None or form is None:
            return
        try:
            evaluation, guideline = desk.evaluation_of(visible)
        except NunrecError as error:
            form.status.setText(for_reader(error))
            return
        player.set_marks(evaluation.content.marks)
        form.load(evaluation, guideline)
        figures = desk.call_figures(opened)
        if figures is not None:
            form.set_measures(figures)

    def _measured(self, opened: OpenedRecording) -> None:
        """The measures arrive after the waveform: kept with the evaluation of that call if it is on the form."""
        desk, player, form = self._coach_desk(), self.player, self.form
        if desk is None or player is None or form is None or player.recording is not opened:
            return
        figures = desk.call_figures(opened)
        if figures is not None:
            form.set_measures(figures)

    def _coach_desk(self) -> CoachDesk | None:
        """The signed-in coach's desk; None for IT or when nobody is signed in. The one lazy import of the desk
        module: it loads the services (SQLAlchemy ...), which must wait until the sign-in window is painted."""
        from nunrec_desktop.services.coach_desk import CoachDesk

        return self.desk if isinstance(self.desk, CoachDesk) else None

    def _sign_out(self) -> None:
        window, desk = self.main_window, self.desk
        if window is None or desk is None:
            return
        app = QApplication.instance()
        if app is not None and self.idle is not None:
            app.removeEventFilter(self.idle)
            self.idle.stop()
        if self.player is not None:
            self.player.stop()
        if self.calibration is not None:
            self.calibration.stop()
        # A list still loading must not be fetched, nor audited, after the sign-out: the work asked for so far
        # runs to its end first. What the coach typed is then saved right here, newest content last.
        from PySide6.QtCore import Qt

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            settled = self.tasks.settle()
        finally:
            QApplication.restoreOverrideCursor()
        if not settled:
            log.warning("signed out while a background task still ran; its audit entry may follow the sign-out")
        if self.form is not None:
            self.form.flush()
        if self.live is not None:
            self.live.flush()
        desk.record_sign_out()
        self._anchor("sign-out")
        self._remember_layout()
        window.close()
        window.deleteLater()
        self.main_window = self.idle = self.player = self.form = self.overview = self.live = None
        self.calibration = None
        self.recordings = self.cycles = self.desk = self.key_help = None
        self.login.show()
        self.login.username.setFocus()

    def _anchor(self, event: str) -> None:
        """The chain's head into the system log, outside the database (see services/audit_anchor.py)."""
        if self.services is not None:
            self.services.anchor(event, self._system_log)

    def _remember_layout(self) -> None:
        if self.main_window is not None and self.layout_memory is not None:
            self.layout_memory.set_bytes("window", self.main_window.saveGeometry())
            self.layout_memory.sync()

    def _show_recordings(self) -> None:
        if self.main_window is not None:
            self.main_window.show_area(self.main_window.RECORDINGS)

    def shutdown(self) -> None:
        self._remember_layout()
        if self.player is not None:
            self.player.stop()
        if self.calibration is not None:
            self.calibration.stop()
        self.tasks.shutdown()  # queued work is dropped; what the coach typed is saved right here instead
        if self.form is not None:
            self.form.flush()
        if self.live is not None:
            self.live.flush()
        if self.services is not None:
            self._anchor("exit")
            self.services.close()
        elif self._opened is not None:  # opened in the background, but we exit before it was handed over
            self._opened.close()


def run_application(make_controller: Callable[[], AppController], log_folder: Path | None = None) -> int:
    """Run the GUI until its last window closes; `make_controller` (from `app.py`) is called once Qt is up.

    Uncaught errors go to `log_folder` (the workspace's log) with a Dutch message on screen (`error_hooks`)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("nunrec")
    app.setOrganizationName("Gemeente Nunspeet")
    translators = install_translators(app)
    app.setStyleSheet(load_style())
    hooks = install_error_hooks(log_folder)  # here, not at import: tracebacks to the log, Dutch on screen
    collector = GuiThreadCollector(app)  # Qt objects are collected in the GUI thread, never in a worker
    controller = make_controller()
    controller.start()
    try:
        return app.exec()
    finally:
        controller.shutdown()
        collector.stop()
        hooks.uninstall()
        del translators
