"""The last screen of the side-by-side area (P8): the ended session's 5A form beside its observations, each in
full (they wrap; no horizontal scroll bar). The observations are the evaluation's timestamped notes: this
screen holds them for the form (its `MarkHolder`), also when the form masks caller data in one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QSplitter, QVBoxLayout, QWidget

from nunrec_desktop.domain import Mark
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.live_sessions import LiveSession
from nunrec_desktop.ui.evaluation_form import EvaluationDesk, EvaluationForm
from nunrec_desktop.ui.live_running import fill_observations
from nunrec_desktop.ui.tasks import TaskRunner


class LiveEvaluateScreen(QWidget):
    new_session_requested = Signal()
    submitted = Signal(object)  # Evaluation

    def __init__(self, desk: EvaluationDesk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: LiveSession | None = None
        self.observations: list[Mark] = []
        self._titles: dict[str, str] = {}
        self.form = EvaluationForm(desk, self, tasks)
        self.form.submitted.connect(self._submitted)
        self.summary = QLabel(self)
        self.summary.setObjectName("areaSubtitle")
        self.summary.setWordWrap(True)
        title = QLabel(self.tr("Side-by-side session: evaluate with the 5A form"), self)
        title.setObjectName("areaTitle")
        self.evaluated_observations = QListWidget(self)
        self.evaluated_observations.setObjectName("observationList")
        self.evaluated_observations.setAccessibleName(self.tr("Observations during the session"))
        self.evaluated_observations.setWordWrap(True)  # each observation in full beside the form (issue 22)
        self.evaluated_observations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.evaluated_observations.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.new_session_button = QPushButton(self.tr("New session"), self)
        self.new_session_button.clicked.connect(self.new_session_requested)
        self.new_session_button.hide()
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        observations_title = QLabel(self.tr("Observations during the session"), left)
        observations_title.setObjectName("sectionTitle")
        left_layout.addWidget(observations_title)
        left_layout.addWidget(self.evaluated_observations, 1)
        left_layout.addWidget(self.new_session_button, 0, Qt.AlignmentFlag.AlignLeft)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def open(self, session: LiveSession, guideline: Guideline) -> None:
        """The 5A form of an ended session (also when continuing a draft from the overview)."""
        self.session = session
        evaluation = session.evaluation
        self._titles = {s.key: s.title for s in guideline.sections}
        self.observations = list(evaluation.content.marks)
        fill_observations(self.evaluated_observations, self.observations, self._titles)
        started = session.started_at.astimezone()
        minutes = round((evaluation.call_duration_s or 0) / 60)
        self.summary.setText(
            (
                self.tr("With %1 on %2, 1 minute. Reason: %4. Nothing was recorded.")
                if minutes == 1
                else self.tr("With %1 on %2, %3 minutes. Reason: %4. Nothing was recorded.")
            )
            .replace("%1", session.employee_name)
            .replace("%2", started.strftime("%d-%m-%Y %H:%M"))
            .replace("%3", str(minutes))
            .replace("%4", session.reason)
        )
        self.form.load(evaluation, guideline)
        self.new_session_button.setVisible(not self.form.editable())

    @property
    def marks(self) -> list[Mark]:
        """The observations, as the evaluation form lists them (its `MarkHolder`)."""
        return self.observations

    def set_marks(self, marks: list[Mark]) -> None:
        """From the 5A form (after masking caller data in an observation)."""
        self.observations = list(marks)
        fill_observations(self.evaluated_observations, self.observations, self._titles)

    def _submitted(self, evaluation: object) -> None:
        self.new_session_button.show()
        self.submitted.emit(evaluation)
