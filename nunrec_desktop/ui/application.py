"""Starts the GUI: the sign-in window first (on screen before the heavy imports), then the services,
then the main window with its idle lock. The controller wires windows to services; it holds no logic.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

from nunrec_desktop.domain import Mark, NunrecError, Role, User
from nunrec_desktop.resource_files import resources_dir
from nunrec_desktop.ui.idle_lock import IdleWatcher
from nunrec_desktop.ui.login_window import LoginWindow
from nunrec_desktop.ui.tasks import TaskRunner
from nunrec_desktop.ui.translations import install_translators

if TYPE_CHECKING:
    from nunrec_desktop.app import KeyringFactory, Services
    from nunrec_desktop.services.clock import Clock
    from nunrec_desktop.services.listening import OpenedRecording
    from nunrec_desktop.services.playback import AudioOutput
    from nunrec_desktop.services.recordings import VisibleRecording
    from nunrec_desktop.ui.evaluation_form import EvaluationForm
    from nunrec_desktop.ui.evaluations_page import EvaluationsPage
    from nunrec_desktop.ui.live_session_page import LiveSessionPage
    from nunrec_desktop.ui.main_window import MainWindow
    from nunrec_desktop.ui.player_page import PlayerPage


def default_output() -> AudioOutput:
    """The sound card through PortAudio (imported on first use, after the sign-in window is up)."""
    from nunrec_desktop.services.playback import SoundDeviceOutput

    return SoundDeviceOutput()


def load_style() -> str:
    path = resources_dir() / "style.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


class AppController(QObject):
    """Owns the windows of one running application and the services of its workspace."""

    def __init__(
        self,
        root: Path,
        keyring_factory: KeyringFactory,
        clock: Clock,
        idle_minutes: float | None = None,
        output_factory: Callable[[], AudioOutput] | None = None,
    ) -> None:
        super().__init__()
        self._root = root
        self._idle_minutes = idle_minutes
        self._output_factory: Callable[[], AudioOutput] = output_factory or default_output
        self.player: PlayerPage | None = None
        self.overview: EvaluationsPage | None = None
        self.form: EvaluationForm | None = None
        self.live: LiveSessionPage | None = None
        self._keyring_factory = keyring_factory
        self._clock = clock
        self.services: Services | None = None
        self.login = LoginWindow()
        self.login.signed_in.connect(self._signed_in)
        self.main_window: MainWindow | None = None
        self.idle: IdleWatcher | None = None
        self.tasks = TaskRunner(self)

    def start(self) -> None:
        self.login.adjustSize()
        screen = self.login.screen().availableGeometry()
        self.login.move(screen.center() - self.login.rect().center())
        self.login.show()
        QTimer.singleShot(0, self._open_workspace)

    def _open_workspace(self) -> None:
        from nunrec_desktop.app import configure_logging, open_services, retention_actor

        try:
            self.services = open_services(self._root, keyring_factory=self._keyring_factory, clock=self._clock)
            configure_logging(self.services.workspace)
            self.services.retention.sweep(retention_actor())  # P10: nothing is kept longer than agreed
        except NunrecError as error:
            self.login.show_error(str(error))
            return
        self.login.set_sign_in(self.services.auth.sign_in)

    def _signed_in(self, user: User) -> None:
        from nunrec_desktop.services.listening import PURPOSE_COACHING, PURPOSE_WITH_EMPLOYEE
        from nunrec_desktop.ui.audit_page import AuditPage
        from nunrec_desktop.ui.cycles_page import CyclesPage
        from nunrec_desktop.ui.erasure_page import ErasurePage
        from nunrec_desktop.ui.evaluation_form import EvaluationForm
        from nunrec_desktop.ui.evaluations_page import DraftRow, EmployeeRow, EvaluationsPage
        from nunrec_desktop.ui.live_session_page import LiveSessionPage
        from nunrec_desktop.ui.main_window import MainWindow
        from nunrec_desktop.ui.player_page import PlayerPage
        from nunrec_desktop.ui.recordings_page import RecordingsPage

        assert self.services is not None
        services = self.services
        areas: dict[int, QWidget] = {}
        if user.role is Role.COACH:
            together: dict[str, str | None] = {"employee": None}  # set while listening with an employee (P4)
            recordings = RecordingsPage(
                lambda: services.catalog.visible_for(user, together["employee"]), self.tasks, self._clock().date()
            )
            recordings.listening_mode_changed.connect(lambda employee_id: together.update(employee=employee_id))
            player = PlayerPage(
                lambda recording_id: services.listening.open(
                    user,
                    recording_id,
                    PURPOSE_WITH_EMPLOYEE if together["employee"] else PURPOSE_COACHING,
                    only_employee=together["employee"],
                ),
                lambda opened: services.listening.before_playback(user, opened),
                self._output_factory,
                self.tasks,
            )

            def evaluation_form(
                marks: Callable[[], list[Mark]], replace_marks: Callable[[list[Mark]], None]
            ) -> EvaluationForm:
                return EvaluationForm(
                    lambda evaluation_id, content: services.evaluations.save_draft(user, evaluation_id, content),
                    lambda evaluation_id: services.evaluations.submit(
                        user, evaluation_id, services.guideline(), services.guard()
                    ),
                    lambda evaluation_id: services.evaluations.revise(user, evaluation_id),
                    services.guard,
                    lambda content: services.evaluations.open_findings(content, services.guard()),
                    marks,
                    self.tasks,
                    replace_marks,
                )

            form = evaluation_form(lambda: player.marks, player.set_marks)
            player.marks_changed.connect(form.marks_changed)
            player.opened.connect(lambda opened, visible: self._evaluate(user, player, form, opened, visible))
            form.submitted.connect(lambda _evaluation: recordings.reload())
            recordings.loaded.connect(
                lambda: recordings.offer_drafts(
                    [d.recording_id for d in services.evaluations.drafts(user) if d.recording_id]
                )
            )
            beside = QSplitter(Qt.Orientation.Horizontal)
            beside.addWidget(player)
            beside.addWidget(form)
            beside.setStretchFactor(0, 3)
            beside.setStretchFactor(1, 2)

            def employee_rows() -> list[EmployeeRow]:
                counts = services.evaluations.counts_per_employee(user)
                return [
                    EmployeeRow(e.id, e.name, *counts.get(e.id, (0, 0)))
                    for e in services.people.coached_employees(user.id, self._clock().date())
                ]

            def draft_rows() -> list[DraftRow]:
                names = {e.id: e.name for e in services.people.employees()}
                erased = services.erasure.erased_ids()
                cutoff = self._clock() - timedelta(days=services.workspace.settings.recording_retention_days)
                return [
                    DraftRow(
                        d,
                        names.get(d.employee_id, d.employee_id),
                        "live"
                        if d.live
                        else "erased"
                        if d.recording_id in erased
                        else "expired"
                        if d.call_start is not None and d.call_start <= cutoff
                        else "available",
                    )
                    for d in services.evaluations.drafts(user)
                ]

            def open_draft(row: DraftRow) -> None:
                if row.evaluation.live:
                    window.show_area(MainWindow.SIDE_BY_SIDE)
                    session = services.live.get(user, row.evaluation.id)
                    if not session.running:
                        live.open_for_evaluation(session)
                    return
                window.show_area(MainWindow.PLAYER)
                if row.recording_state == "available":
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
                form.load(row.evaluation, services.evaluations.guideline_of(row.evaluation))
                form.status.setText(form.status.text() + " " + self.tr("The recording itself is no longer available."))

            overview = EvaluationsPage(
                employee_rows,
                lambda kind, employee_id, path: services.export_document(user, kind, employee_id, path),
                self.tasks,
                drafts=draft_rows,
                open_draft=open_draft,
            )
            form.submitted.connect(lambda _evaluation: overview.reload())
            overview.reload()
            areas[MainWindow.RECORDINGS] = recordings
            areas[MainWindow.PLAYER] = beside
            areas[MainWindow.EVALUATION] = overview
            cycles = CyclesPage(
                lambda: services.cycles.rows(user),
                lambda employee_id, count: services.draws.draw(user, employee_id, count),
                lambda draw_id, recording_id: services.draws.replace(user, draw_id, recording_id),
                lambda employee_id: services.draws.latest(user, employee_id),
                self.tasks,
            )
            cycles.recording_activated.connect(recordings.recording_activated)
            areas[MainWindow.CYCLES] = cycles
            live_form = evaluation_form(lambda: live.observations, lambda marks: live.set_observations(marks))
            live = LiveSessionPage(
                employees=lambda: services.people.coached_employees(user.id, self._clock().date()),
                running=lambda: services.live.running(user),
                start=lambda employee_id, reason, note: services.live.start(
                    user, services.guideline(), employee_id, reason, note, services.guard()
                ),
                elapsed=services.live.elapsed_s,
                save=lambda evaluation_id, content: services.evaluations.save_draft(user, evaluation_id, content),
                end=lambda session: services.live.end(user, session),
                guideline_of=services.evaluations.guideline_of,
                scan=lambda text: services.guard().scan(text),
                form=live_form,
                tasks=self.tasks,
            )
            live.session_changed.connect(overview.reload)
            cycles.side_by_side_requested.connect(lambda employee_id: window.show_area(MainWindow.SIDE_BY_SIDE))
            cycles.side_by_side_requested.connect(live.prepare_start)
            areas[MainWindow.SIDE_BY_SIDE] = live
            self.live = live
            self.overview = overview
            self.form = form
        erasure = ErasurePage(
            lambda number, around, minutes: services.erasure.find(user, number, around, minutes),
            lambda recording_id, reference: services.erasure.erase(user, recording_id, reference),
            self._clock(),
            self.tasks,
        )
        if user.role is Role.COACH:
            areas[MainWindow.COACH_ERASURE] = erasure
        else:
            audit_page = AuditPage(
                lambda actor, action, object_id, since, until: services.audit_reader.search(
                    user, actor, action, object_id, since, until
                ),
                lambda: services.audit_reader.verify(user),
                self.tasks,
                self._clock().date(),
            )
            areas[MainWindow.AUDIT] = audit_page
            areas[MainWindow.IT_ERASURE] = erasure
        self.erasure_page = erasure
        window = MainWindow(user, services.auth.unlock, areas)
        if user.role is Role.COACH:
            window.navigation.currentRowChanged.connect(
                lambda row: overview.reload() if row == MainWindow.EVALUATION else None
            )
            window.navigation.currentRowChanged.connect(
                lambda row: cycles.reload() if row == MainWindow.CYCLES else None
            )
            window.navigation.currentRowChanged.connect(
                lambda row: live.reload() if row == MainWindow.SIDE_BY_SIDE else None
            )
            recordings.recording_activated.connect(lambda recording: window.show_area(MainWindow.PLAYER))
            recordings.recording_activated.connect(player.open_recording)
            window.locked.connect(player.stop)
            self.player = player
        window.sign_out_requested.connect(self._sign_out)
        window.locked.connect(lambda: services.auth.record_idle_lock(user))
        idle = IdleWatcher(self._idle_minutes or services.workspace.settings.idle_lock_minutes, window)
        idle.idle.connect(window.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(idle)
        idle.start()
        self.main_window, self.idle = window, idle
        window.show()
        self.login.hide()
        if user.role is Role.COACH:
            recordings.reload()
            if services.live.running(user) is not None:  # e.g. after a crash mid-session: carry on with it
                window.show_area(MainWindow.SIDE_BY_SIDE)

    def _evaluate(
        self, user: User, player: PlayerPage, form: EvaluationForm, opened: OpenedRecording, visible: VisibleRecording
    ) -> None:
        """Open (or resume) this coach's evaluation of the call that the player just opened."""
        assert self.services is not None
        try:
            guideline = self.services.guideline()
            evaluation = self.services.evaluations.for_recording(
                user, guideline, visible.employee_ids[0], visible.id, visible.start, visible.duration_s
            )
            if evaluation.guideline_hash != guideline.content_hash:
                guideline = self.services.evaluations.guideline_of(evaluation)
        except NunrecError as error:
            form.status.setText(str(error))
            return
        player.set_marks(evaluation.content.marks)
        form.load(evaluation, guideline)

    def _sign_out(self) -> None:
        window, services = self.main_window, self.services
        if window is None or services is None:
            return
        app = QApplication.instance()
        if app is not None and self.idle is not None:
            app.removeEventFilter(self.idle)
            self.idle.stop()
        if self.player is not None:
            self.player.stop()
        if self.form is not None:
            self.form.save_now()
        if self.live is not None:
            self.live.stop()
            self.live.form.save_now()
        services.auth.record_sign_out(window.user)
        window.close()
        window.deleteLater()
        self.main_window = self.idle = self.player = self.form = self.overview = self.live = None
        self.login.show()
        self.login.username.setFocus()

    def shutdown(self) -> None:
        if self.player is not None:
            self.player.stop()
        self.tasks.shutdown()  # queued work is dropped; what the coach typed is saved right here instead
        if self.form is not None:
            self.form.flush()
        if self.live is not None:
            self.live.flush()
        if self.services is not None:
            self.services.close()


def run_application(root: Path, *, keyring_factory: KeyringFactory, clock: Clock) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("nunrec")
    app.setOrganizationName("Gemeente Nunspeet")
    translators = install_translators(app)
    app.setStyleSheet(load_style())
    controller = AppController(root, keyring_factory, clock)
    controller.start()
    try:
        return app.exec()
    finally:
        controller.shutdown()
        del translators
