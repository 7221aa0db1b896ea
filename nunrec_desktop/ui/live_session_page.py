"""The side-by-side area (P8): start a live session for an employee with its reason (`ui.live_start`), log
quick observations and notes while it runs (`ui.live_running`), and end it into the same 5A form beside the
observations (`ui.live_evaluate`). This page only chooses which of the three screens shows; each screen owns
its state and speaks through signals and the desk.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from nunrec_desktop.domain import Employee, NunrecError
from nunrec_desktop.services.evaluations import Evaluation
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.live_sessions import LiveSession
from nunrec_desktop.services.privacy import Finding
from nunrec_desktop.ui.evaluation_form import EvaluationDesk
from nunrec_desktop.ui.live_evaluate import LiveEvaluateScreen
from nunrec_desktop.ui.live_running import LiveRunningScreen
from nunrec_desktop.ui.live_start import LiveStartScreen
from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.tasks import TaskRunner


class LiveDesk(EvaluationDesk, Protocol):
    """What the side-by-side page (and its evaluation form) asks of the coach's desk
    (`services.coach_desk.CoachDesk`)."""

    def coached_employees(self) -> list[Employee]: ...

    def running_session(self) -> LiveSession | None: ...

    def start_session(self, employee_id: str, reason: str, note: str) -> LiveSession: ...

    def elapsed(self, session: LiveSession) -> float: ...

    def end_session(self, session: LiveSession) -> LiveSession: ...

    def guideline_of(self, evaluation: Evaluation) -> Guideline: ...

    def scan(self, text: str) -> list[Finding]: ...


class LiveSessionPage(QWidget):
    START, RUNNING, EVALUATE = 0, 1, 2
    session_changed = Signal()  # started, ended or submitted: other areas reload their counts

    def __init__(self, desk: LiveDesk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("livePage")
        self._desk = desk
        self.start = LiveStartScreen(desk, self)
        self.running = LiveRunningScreen(desk, tasks, self)
        self.evaluate = LiveEvaluateScreen(desk, tasks, self)
        self.stages = QStackedWidget(self)
        for screen in (self.start, self.running, self.evaluate):
            self.stages.addWidget(screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.stages)
        self.start.started.connect(self._started)
        self.running.ended.connect(self._ended)
        self.evaluate.submitted.connect(lambda _evaluation: self.session_changed.emit())
        self.evaluate.new_session_requested.connect(lambda: self.show_start())

        # The screens' parts by their old names (what the keyboard journey and the tests reach for).
        self.form = self.evaluate.form
        self.employee, self.reasons, self.reason_note = self.start.employee, self.start.reasons, self.start.reason_note
        self.start_button, self.start_message = self.start.start_button, self.start.message
        self.running_page = self.running
        self.banner_text, self.clock, self.resumed = self.running.banner_text, self.running.clock, self.running.resumed
        self.observation_note, self.observation_list = self.running.observation_note, self.running.observation_list
        self.notes, self.guard_box = self.running.notes, self.running.guard_box
        self.end_button = self.running.end_button
        self.plus, self.minus = self.running.plus, self.running.minus
        self.summary, self.evaluated_observations = self.evaluate.summary, self.evaluate.evaluated_observations
        self.new_session_button = self.evaluate.new_session_button

    @property
    def session(self) -> LiveSession | None:
        index = self.stages.currentIndex()
        return self.running.session if index == self.RUNNING else self.evaluate.session if index else None

    @property
    def saves(self) -> int:
        return self.running.saves

    def observe(self, section_index: int) -> None:
        self.running.observe(section_index)

    def finish_observation(self) -> None:
        self.running.finish_observation()

    def reload(self) -> None:
        """Coming to this area: continue a session that still runs (also after a crash), else offer a start."""
        if self.stages.currentIndex() == self.EVALUATE and self.form.editable():
            return  # the coach is filling in the form of a session that just ended
        try:
            running = self._desk.running_session()
        except NunrecError as error:
            self.start.show_error(for_reader(error))
            return
        current = self.session
        if running is not None and (current is None or current.id != running.id):
            self.resumed.setText(
                self.tr("This session was still running (started %1); it continues here.").replace(
                    "%1", running.started_at.astimezone().strftime("%d-%m-%Y %H:%M")
                )
            )
            self.resumed.show()
            self._show_running(running)
        elif running is None and self.stages.currentIndex() != self.START:
            self.show_start()
        elif running is None:
            self.start.fill_employees()

    def prepare_start(self, employee_id: str) -> None:
        """From the cycles area: a new session for this employee, unless one is running or being evaluated."""
        if self.stages.currentIndex() == self.RUNNING or (
            self.stages.currentIndex() == self.EVALUATE and self.form.editable()
        ):
            return
        self.show_start(employee_id)

    def show_start(self, employee_id: str | None = None) -> None:
        self.running.stop()
        self.start.prepare(employee_id)
        self.stages.setCurrentIndex(self.START)

    def _started(self, session: LiveSession) -> None:
        self.resumed.hide()
        self._show_running(session)
        self.session_changed.emit()

    def _show_running(self, session: LiveSession) -> None:
        self.stages.setCurrentIndex(self.RUNNING)
        self.running.show_session(session)

    def _ended(self, ended: LiveSession) -> None:
        self.open_for_evaluation(ended)
        self.session_changed.emit()

    def open_for_evaluation(self, session: LiveSession) -> None:
        """The 5A form of an ended session (also when continuing a draft from the overview)."""
        self.running.stop()
        self.evaluate.open(session, self._desk.guideline_of(session.evaluation))
        self.stages.setCurrentIndex(self.EVALUATE)

    def flush(self) -> None:
        """Signing out or closing, the task runner settled or stopped: save the newest content now, here.
        The session itself goes on and is offered again next time."""
        self.running.flush()
        self.form.flush()
