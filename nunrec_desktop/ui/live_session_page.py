"""The side-by-side area (P8): start a live session for an employee with its reason, log quick observations
per A with the keys 1-5 against a running clock, keep free notes, and end it into the same 5A form.

Nothing is recorded. Every observation is saved the moment it is made, and typed notes a moment after the
typing pauses and at the latest ~1.2 s after each key, also while the typing goes on (`ui.autosave.Debounce`),
so a killed process loses at most the last second or two: the session is offered again at the next sign-in,
its clock still running. The caller-data guard watches the notes and observations while the coach types (P6);
the service stores what the coach has not yet masked masked, while this screen keeps the typed text (also in
the 5A form right after the session ends) until the coach masks or keeps it.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import Employee, Mark, NunrecError, call_time
from nunrec_desktop.services.evaluations import Evaluation, EvaluationContent
from nunrec_desktop.services.guideline import SECTION_KEYS, Guideline
from nunrec_desktop.services.live_sessions import (
    REASON_EMPLOYEE_REQUEST,
    REASON_OTHER,
    REASON_RECORDING_FAULT,
    LiveSession,
)
from nunrec_desktop.services.privacy import Finding, mask
from nunrec_desktop.ui.autosave import Debounce
from nunrec_desktop.ui.evaluation_form import EvaluationDesk, EvaluationForm
from nunrec_desktop.ui.key_help import declare_keys
from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

TICK_MS = 250


def clock_text(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def split_valence(text: str) -> tuple[str, str]:
    """ "+ goed begroet" -> ("+", "goed begroet"): a leading plus or minus is the observation's valence."""
    stripped = text.strip()
    if stripped[:1] in ("+", "-"):
        return stripped[:1], stripped[1:].strip()
    return "", stripped


class LiveDesk(EvaluationDesk, Protocol):
    """What the side-by-side page (and its evaluation form) asks of the coach's desk (`services.desk.CoachDesk`)."""

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

    def __init__(
        self,
        desk: LiveDesk,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("livePage")
        self._desk, self._tasks = desk, tasks
        self.form = EvaluationForm(desk, self, tasks)
        self.session: LiveSession | None = None
        self.observations: list[Mark] = []
        self._base = EvaluationContent()
        self._titles: dict[str, str] = {}
        self._editing: int | None = None  # index of the observation the quick editor changes
        self._loading = False
        self.saves = 0

        self.stages = QStackedWidget(self)
        self.stages.addWidget(self._build_start())
        self.stages.addWidget(self._build_running())
        self.stages.addWidget(self._build_evaluate())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.stages)

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._update_clock)
        self._notes_timer = Debounce(self.save_now, self)
        self.form.submitted.connect(self._submitted)

    # -- building ----------------------------------------------------------------------------------

    def _build_start(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Side-by-side session"), page)
        title.setObjectName("areaTitle")
        intro = QLabel(
            self.tr(
                "Sit beside the employee, listen live and give feedback straight away. Nothing is recorded. "
                "Use it when the employee asks for it, or when the recording failed."
            ),
            page,
        )
        intro.setObjectName("areaSubtitle")
        intro.setWordWrap(True)
        self.employee = QComboBox(page)
        self.employee.setMinimumWidth(420)
        self.employee.setAccessibleName(self.tr("Employee"))
        self.reasons = QButtonGroup(page)
        reason_box = QVBoxLayout()
        for code, text in (
            (REASON_EMPLOYEE_REQUEST, self.tr("at the employee's request")),
            (REASON_RECORDING_FAULT, self.tr("fault in the recording")),
            (REASON_OTHER, self.tr("other:")),
        ):
            button = QRadioButton(text, page)
            button.setProperty("reason", code)
            self.reasons.addButton(button)
            reason_box.addWidget(button)
        self.reason_note = QLineEdit(page)
        self.reason_note.setPlaceholderText(self.tr("Short explanation (no caller details)"))
        self.reason_note.setMaxLength(200)
        self.reason_note.setAccessibleName(self.tr("Explanation of the reason"))
        self.reason_note.setMinimumWidth(420)
        self.reason_note.setEnabled(False)
        reason_box.addWidget(self.reason_note)
        self.reasons.buttonToggled.connect(lambda _b, _c: self._reason_changed())
        self.start_button = QPushButton(self.tr("Start session"), page)
        self.start_button.setObjectName("submitButton")
        self.start_button.clicked.connect(self.start_session)
        self.start_message = QLabel(page)
        self.start_message.setObjectName("formMessage")
        self.start_message.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        grid.addWidget(QLabel(self.tr("Employee"), page), 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.employee, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(QLabel(self.tr("Reason"), page), 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(reason_box, 1, 1)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(grid)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.start_message)
        layout.addStretch(1)
        return page

    def _build_running(self) -> QWidget:
        page = QWidget(self)
        self.running_page = page
        self.banner = QFrame(page)
        self.banner.setObjectName("listeningBanner")
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.clock = QLabel("00:00:00", self.banner)
        self.clock.setObjectName("liveClock")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.clock)
        self.resumed = QLabel(page)
        self.resumed.setObjectName("noticeBanner")
        self.resumed.setWordWrap(True)
        self.resumed.hide()

        hint = QLabel(
            self.tr(
                "Press 1-5 for a quick observation at this moment, then optionally + or - and a short note, "
                "and Enter. Observations and notes are saved automatically."
            ),
            page,
        )
        hint.setObjectName("areaSubtitle")
        hint.setWordWrap(True)
        keys = QHBoxLayout()
        self.section_buttons: list[QPushButton] = []
        self.shortcuts: list[QShortcut] = []
        for index in range(len(SECTION_KEYS)):
            button = QPushButton(page)
            button.setObjectName("sectionKey")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, i=index: self.observe(i))
            keys.addWidget(button)
            self.section_buttons.append(button)
            shortcut = QShortcut(QKeySequence(str(index + 1)), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(self.tr("Observation for A %1 at this moment").replace("%1", str(index + 1)))
            shortcut.activated.connect(lambda i=index: self.observe(i))
            self.shortcuts.append(shortcut)

        self.editor = QFrame(page)
        self.editor.setObjectName("observationEditor")
        self.editor_label = QLabel(self.editor)
        self.editor_label.setObjectName("sectionTitle")
        self.plus = QPushButton("+", self.editor)
        self.minus = QPushButton("\u2212", self.editor)
        self.plus.setAccessibleName(self.tr("Good point (+)"))
        self.minus.setAccessibleName(self.tr("Point to improve (-)"))
        for button, valence in ((self.plus, "+"), (self.minus, "-")):
            button.setCheckable(True)
            button.setFixedWidth(44)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("valence", valence)
            button.toggled.connect(lambda checked, v=valence: self._valence_toggled(v, checked))
        self.observation_note = QLineEdit(self.editor)
        self.observation_note.setPlaceholderText(self.tr("Short note (optional), Enter to finish"))
        self.observation_note.setAccessibleName(self.tr("Note with the observation"))
        declare_keys(
            self.observation_note,
            [
                ("+ / -", self.tr("At the start of the note: a good point (+) or a point to improve (-)")),
                (self.tr("Enter"), self.tr("Finish the observation")),
            ],
        )
        self.observation_note.setMaxLength(300)
        self.observation_note.textEdited.connect(lambda _text: self._editor_changed())
        self.observation_note.returnPressed.connect(self.finish_observation)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.observation_note)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.setWhatsThis(self.tr("Finish the observation"))
        escape.activated.connect(self.finish_observation)
        editor_layout = QHBoxLayout(self.editor)
        editor_layout.setContentsMargins(8, 6, 8, 6)
        editor_layout.addWidget(self.editor_label)
        editor_layout.addWidget(self.plus)
        editor_layout.addWidget(self.minus)
        editor_layout.addWidget(self.observation_note, 1)
        self.editor.setEnabled(False)

        self.observation_list = QListWidget(page)
        self.observation_list.setObjectName("observationList")
        self.observation_list.setAccessibleName(self.tr("Observations"))
        self.observation_list.itemActivated.connect(lambda item: self._edit(self.observation_list.row(item)))
        self.remove_button = QPushButton(self.tr("Remove observation"), page)
        self.remove_button.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.observation_list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.setWhatsThis(self.tr("Remove the chosen observation"))
        delete.activated.connect(self.remove_selected)
        self.notes = QPlainTextEdit(page)
        self.notes.setPlaceholderText(self.tr("Free notes about the manner of the calls (no caller details)"))
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.textChanged.connect(self._notes_changed)
        self.guard_text = QLabel(page)
        self.guard_text.setObjectName("guardTitle")
        self.guard_text.setWordWrap(True)
        self.guard_mask = QPushButton(self.tr("Mask"), page)
        self.guard_mask.clicked.connect(self.mask_findings)
        self.guard_box = QFrame(page)
        self.guard_box.setObjectName("guardBox")
        guard_layout = QHBoxLayout(self.guard_box)
        guard_layout.addWidget(self.guard_text, 1)
        guard_layout.addWidget(self.guard_mask)
        self.guard_box.hide()
        self.save_status = QLabel(page)
        self.save_status.setObjectName("listStatus")
        self.end_button = QPushButton(self.tr("End session and evaluate"), page)
        self.end_button.setObjectName("submitButton")
        self.end_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.end_button.clicked.connect(self.end_session)
        self.running_message = QLabel(page)
        self.running_message.setObjectName("formMessage")
        self.running_message.setWordWrap(True)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        observations_title = QLabel(self.tr("Observations"), page)
        observations_title.setObjectName("sectionTitle")
        left.addWidget(observations_title)
        left.addWidget(self.observation_list, 1)
        left.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        right = QVBoxLayout()
        notes_title = QLabel(self.tr("Notes"), page)
        notes_title.setObjectName("sectionTitle")
        right.addWidget(notes_title)
        right.addWidget(self.notes, 1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_status, 1)
        bottom.addWidget(self.end_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.banner)
        layout.addWidget(self.resumed)
        layout.addWidget(hint)
        layout.addLayout(keys)
        layout.addWidget(self.editor)
        layout.addLayout(columns, 1)
        layout.addWidget(self.guard_box)
        layout.addWidget(self.running_message)
        layout.addLayout(bottom)
        return page

    def _build_evaluate(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setObjectName("areaSubtitle")
        self.summary.setWordWrap(True)
        title = QLabel(self.tr("Side-by-side session: evaluate with the 5A form"), page)
        title.setObjectName("areaTitle")
        self.evaluated_observations = QListWidget(page)
        self.evaluated_observations.setObjectName("observationList")
        self.evaluated_observations.setAccessibleName(self.tr("Observations during the session"))
        self.evaluated_observations.setWordWrap(True)  # each observation in full beside the form (issue 22)
        self.evaluated_observations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.evaluated_observations.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.new_session_button = QPushButton(self.tr("New session"), page)
        self.new_session_button.clicked.connect(self.show_start)
        self.new_session_button.hide()
        left = QWidget(page)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        observations_title = QLabel(self.tr("Observations during the session"), left)
        observations_title.setObjectName("sectionTitle")
        left_layout.addWidget(observations_title)
        left_layout.addWidget(self.evaluated_observations, 1)
        left_layout.addWidget(self.new_session_button, 0, Qt.AlignmentFlag.AlignLeft)
        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        return page

    # -- the start ---------------------------------------------------------------------------------

    def reload(self) -> None:
        """Coming to this area: continue a session that still runs (also after a crash), else offer a start."""
        if self.stages.currentIndex() == self.EVALUATE and self.form.editable():
            return  # the coach is filling in the form of a session that just ended
        try:
            running = self._desk.running_session()
        except NunrecError as error:
            self.start_message.setText(for_reader(error))
            return
        if running is not None and (self.session is None or self.session.id != running.id):
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
            self._fill_employees()

    def prepare_start(self, employee_id: str) -> None:
        """From the cycles area: a new session for this employee, unless one is running or being evaluated."""
        if self.stages.currentIndex() == self.RUNNING or (
            self.stages.currentIndex() == self.EVALUATE and self.form.editable()
        ):
            return
        self.show_start(employee_id)

    def show_start(self, employee_id: str | None = None) -> None:
        self.session = None
        self._tick.stop()
        self._fill_employees()
        if employee_id is not None:
            index = self.employee.findData(employee_id)
            if index >= 0:
                self.employee.setCurrentIndex(index)
        self.start_message.clear()
        self.stages.setCurrentIndex(self.START)

    def _fill_employees(self) -> None:
        current = self.employee.currentData()
        self.employee.clear()
        for employee in self._desk.coached_employees():
            self.employee.addItem(employee.name, employee.id)
        index = self.employee.findData(current)
        self.employee.setCurrentIndex(max(index, 0))

    def _reason_changed(self) -> None:
        checked = self.reasons.checkedButton()
        other = checked is not None and checked.property("reason") == REASON_OTHER
        self.reason_note.setEnabled(other)
        if other:
            self.reason_note.setFocus()

    def start_session(self) -> None:
        employee_id = self.employee.currentData()
        checked = self.reasons.checkedButton()
        if not employee_id:
            self.start_message.setText(self.tr("Choose the employee first."))
            return
        if checked is None:
            self.start_message.setText(self.tr("Choose why you are listening along."))
            return
        reason = str(checked.property("reason"))
        try:
            session = self._desk.start_session(
                employee_id, reason, self.reason_note.text() if reason == REASON_OTHER else ""
            )
        except NunrecError as error:
            self.start_message.setText(for_reader(error))
            return
        self.resumed.hide()
        self.reason_note.clear()
        self._show_running(session)
        self.session_changed.emit()

    # -- the running session -----------------------------------------------------------------------

    def _show_running(self, session: LiveSession) -> None:
        self.session = session
        self._base = session.evaluation.content
        self._titles = {s.key: s.title for s in self._desk.guideline_of(session.evaluation).sections}
        for index, key in enumerate(SECTION_KEYS):
            self.section_buttons[index].setText(f"{index + 1}  {self._titles.get(key, key.capitalize())}")
        self.banner_text.setText(
            self.tr("Side-by-side with %1 \u2013 reason: %2")
            .replace("%1", session.employee_name)
            .replace("%2", session.reason)
        )
        self._loading = True
        self.observations = list(self._base.marks)
        self.notes.setPlainText(self._base.notes)
        self._loading = False
        self._editing = None
        self._refresh_observations()
        self._close_editor()
        self.running_message.clear()
        self.save_status.setText(self.tr("Saved automatically."))
        self.stages.setCurrentIndex(self.RUNNING)
        self._update_clock()
        self._tick.start()
        self.running_page.setFocus()
        self._check_guard()

    def elapsed_s(self) -> float:
        return self._desk.elapsed(self.session) if self.session is not None else 0.0

    def _update_clock(self) -> None:
        self.clock.setText(clock_text(self.elapsed_s()))

    def observe(self, section_index: int) -> None:
        """Key 1-5 (or its button): a new observation for that A, stamped with the session clock."""
        if self.session is None or self.stages.currentIndex() != self.RUNNING:
            return
        self.finish_observation()
        mark = Mark(round(self.elapsed_s(), 1), "", SECTION_KEYS[section_index], "")
        self.observations.append(mark)
        self._edit(len(self.observations) - 1)
        self._refresh_observations()
        self.save_now()

    def _edit(self, index: int) -> None:
        if not 0 <= index < len(self.observations):
            return
        self._editing = index
        mark = self.observations[index]
        self.editor_label.setText(f"{call_time(mark.at_s)}  {self._titles.get(mark.section, mark.section)}")
        for button in (self.plus, self.minus):
            button.blockSignals(True)
            button.setChecked(button.property("valence") == mark.valence)
            button.blockSignals(False)
        self.observation_note.setText(mark.note)
        self.editor.setEnabled(True)
        self.observation_note.setFocus()

    def _valence_toggled(self, valence: str, checked: bool) -> None:
        if checked:
            other = self.minus if valence == "+" else self.plus
            other.blockSignals(True)
            other.setChecked(False)
            other.blockSignals(False)
        self._editor_changed()
        if self._editing is not None:
            self.observation_note.setFocus()

    def _editor_changed(self) -> None:
        if self._editing is None:
            return
        valence = "+" if self.plus.isChecked() else "-" if self.minus.isChecked() else ""
        self.observations[self._editing] = replace(
            self.observations[self._editing], note=self.observation_note.text().strip(), valence=valence
        )
        self._refresh_observations()
        self.save_status.setText(self.tr("Changes not saved yet"))
        self._notes_timer.changed()
        self._check_guard()

    def finish_observation(self) -> None:
        """Enter or Escape: a leading + or - in the text is the valence; saved; the keys 1-5 work again."""
        if self._editing is None:
            return
        valence, note = split_valence(self.observation_note.text())
        mark = self.observations[self._editing]
        self.observations[self._editing] = replace(mark, note=note, valence=valence or mark.valence)
        self._close_editor()
        self._refresh_observations()
        self.save_now()
        self.running_page.setFocus()

    def _close_editor(self) -> None:
        self._editing = None
        self.observation_note.clear()
        for button in (self.plus, self.minus):
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        self.editor_label.setText(self.tr("Press 1-5 for an observation"))
        self.editor.setEnabled(False)

    def remove_selected(self) -> None:
        row = self.observation_list.currentRow()
        if not 0 <= row < len(self.observations):
            return
        self._close_editor()
        del self.observations[row]
        self._refresh_observations()
        self.save_now()
        self.running_page.setFocus()

    def observation_text(self, mark: Mark) -> str:
        title = self._titles.get(mark.section, mark.section.capitalize())
        valence = f" ({mark.valence})" if mark.valence else ""
        return f"{call_time(mark.at_s)}  {title}{valence}  {mark.note}".rstrip()

    def _refresh_observations(self) -> None:
        for widget in (self.observation_list, self.evaluated_observations):
            widget.clear()
            for mark in self.observations:
                item = QListWidgetItem(self.observation_text(mark))
                if mark.valence:
                    item.setForeground(Qt.GlobalColor.darkGreen if mark.valence == "+" else Qt.GlobalColor.darkRed)
                widget.addItem(item)
        if self._editing is not None:
            self.observation_list.setCurrentRow(self._editing)

    def set_observations(self, marks: list[Mark]) -> None:
        """From the 5A form (after masking caller data in an observation)."""
        self.observations = list(marks)
        self._refresh_observations()

    @property
    def marks(self) -> list[Mark]:
        """The observations, as the evaluation form lists them (its `MarkHolder`)."""
        return self.observations

    def set_marks(self, marks: list[Mark]) -> None:
        self.set_observations(marks)

    def _notes_changed(self) -> None:
        if self._loading or self.session is None:
            return
        self.save_status.setText(self.tr("Changes not saved yet"))
        self._notes_timer.changed()
        self._check_guard()

    # -- saving and the guard ----------------------------------------------------------------------

    def content(self) -> EvaluationContent:
        return replace(self._base, marks=list(self.observations), notes=self.notes.toPlainText())

    def save_now(self) -> None:
        if self.session is None or self.stages.currentIndex() != self.RUNNING:
            return
        self._notes_timer.stop()
        session_id, content = self.session.id, self.content()
        self._tasks.run(lambda: self._desk.save_draft(session_id, content), self._saved, self._save_failed, owner=self)

    def _saved(self, _result: object) -> None:
        self.saves += 1
        if not self._notes_timer.pending():  # else newer changes are still waiting for their save
            self.save_status.setText(self.tr("Saved automatically."))

    def _save_failed(self, error: Exception) -> None:
        self.save_status.setText(self.tr("Could not be saved: %1").replace("%1", for_reader(error)))

    def findings(self) -> list[tuple[str, Finding]]:
        found = [("notes", f) for f in self._desk.scan(self.notes.toPlainText())]
        for index, mark in enumerate(self.observations):
            found += [(f"mark:{index}", f) for f in self._desk.scan(mark.note)]
        return found

    def _check_guard(self) -> None:
        found = self.findings()
        if found:
            examples = ", ".join(f"{f.kind}: \u201c{f.text}\u201d" for _, f in found[:3])
            self.guard_text.setText(
                (
                    self.tr("1 possible detail of a caller (%2). Keep it out of your notes.")
                    if len(found) == 1
                    else self.tr("%1 possible details of callers (%2). Keep them out of your notes.")
                )
                .replace("%1", str(len(found)))
                .replace("%2", examples)
            )
        self.guard_box.setVisible(bool(found))

    def mask_findings(self) -> None:
        by_field: dict[str, list[Finding]] = {}
        for name, finding in self.findings():
            by_field.setdefault(name, []).append(finding)
        for name, found in by_field.items():
            if name == "notes":
                self.notes.setPlainText(mask(self.notes.toPlainText(), found))
            else:
                index = int(name.split(":", 1)[1])
                self.observations[index] = replace(
                    self.observations[index], note=mask(self.observations[index].note, found)
                )
        if self._editing is not None:
            self.observation_note.setText(self.observations[self._editing].note)
        self._refresh_observations()
        self._check_guard()
        self.save_now()

    # -- ending and evaluating ---------------------------------------------------------------------

    def end_session(self) -> None:
        """Stop the clock, save what is there, and open the 5A form for this session."""
        session = self.session
        if session is None:
            return
        self.finish_observation()
        self._notes_timer.stop()
        content = self.content()
        self.end_button.setEnabled(False)

        def save_and_end() -> LiveSession:  # after any autosave still queued: the task runner keeps order
            self._desk.save_draft(session.id, content)
            return self._desk.end_session(session)

        def ended(result: LiveSession) -> None:  # the form shows what was typed, not the masked copy stored
            typed = replace(content, undecided=[])
            self._ended(replace(result, evaluation=replace(result.evaluation, content=typed)))

        self._tasks.run(save_and_end, ended, self._end_failed, owner=self)

    def _ended(self, ended: LiveSession) -> None:
        self.end_button.setEnabled(True)
        self._tick.stop()
        self.open_for_evaluation(ended)
        self.session_changed.emit()

    def _end_failed(self, error: Exception) -> None:
        self.end_button.setEnabled(True)
        self.running_message.setText(for_reader(error))

    def open_for_evaluation(self, session: LiveSession) -> None:
        """The 5A form of an ended session (also when continuing a draft from the overview)."""
        self.session = session
        self._tick.stop()
        evaluation = session.evaluation
        guideline = self._desk.guideline_of(evaluation)
        self._titles = {s.key: s.title for s in guideline.sections}
        self.observations = list(evaluation.content.marks)
        self._base = evaluation.content
        self._refresh_observations()
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
        self.stages.setCurrentIndex(self.EVALUATE)

    def _submitted(self, _evaluation: Evaluation) -> None:
        self.new_session_button.show()
        self.session_changed.emit()

    def flush(self) -> None:
        """Signing out or closing, the task runner settled or stopped: save the newest content now, here.
        The session itself goes on and is offered again next time."""
        self._tick.stop()
        self._notes_timer.stop()
        if self.session is not None and self.stages.currentIndex() == self.RUNNING:
            try:
                self._desk.save_draft(self.session.id, self.content())
            except NunrecError:
                log.exception("side-by-side session %s could not be saved at exit", self.session.id)
        self.form.flush()
