"""The running side-by-side session (P8): a banner with the employee, the reason and a running clock; the keys
1-5 log a quick observation per A at this moment, + or - and a short note finish it; free notes beside them.

Nothing is recorded. Every observation is saved the moment it is made, and typed notes a moment after the
typing pauses and at the latest ~1.2 s after each key, also while the typing goes on (`ui.autosave.Debounce`),
so a killed process loses at most the last second or two: the session is offered again at the next sign-in,
its clock still running. The caller-data panel (`ui.caller_data_panel`, the form's own) watches the notes and
observations while the coach types (P6); the service stores what the coach has not yet masked masked, while
this screen keeps the typed text until the coach masks it. "End session and evaluate" saves, ends the session
and says so through `ended`, with what was typed.

Long because the quick keys, the observation editor, the notes, the autosave
and the caller-data panel all act on the one running session's observations and notes.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import Mark, NunrecError, call_time
from nunrec_desktop.services.evaluations import Evaluation, EvaluationContent, OpenFinding
from nunrec_desktop.services.guideline import SECTION_KEYS, Guideline
from nunrec_desktop.services.live_sessions import LiveSession
from nunrec_desktop.services.privacy import Finding, mask
from nunrec_desktop.ui.autosave import Debounce
from nunrec_desktop.ui.caller_data_panel import CallerDataPanel
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


def observation_text(mark: Mark, titles: dict[str, str]) -> str:
    title = titles.get(mark.section, mark.section.capitalize())
    valence = f" ({mark.valence})" if mark.valence else ""
    return f"{call_time(mark.at_s)}  {title}{valence}  {mark.note}".rstrip()


def fill_observations(widget: QListWidget, observations: list[Mark], titles: dict[str, str]) -> None:
    """The observations in a list, good points green and points to improve red."""
    widget.clear()
    for mark in observations:
        item = QListWidgetItem(observation_text(mark, titles))
        if mark.valence:
            item.setForeground(Qt.GlobalColor.darkGreen if mark.valence == "+" else Qt.GlobalColor.darkRed)
        widget.addItem(item)


class RunningDesk(Protocol):
    def save_draft(self, evaluation_id: int, content: EvaluationContent) -> EvaluationContent: ...

    def elapsed(self, session: LiveSession) -> float: ...

    def end_session(self, session: LiveSession) -> LiveSession: ...

    def guideline_of(self, evaluation: Evaluation) -> Guideline: ...

    def scan(self, text: str) -> list[Finding]: ...


class LiveRunningScreen(QWidget):
    ended = Signal(object)  # LiveSession, ended, its content as typed (not the masked copy stored)

    def __init__(self, desk: RunningDesk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk, self._tasks = desk, tasks
        self.session: LiveSession | None = None
        self.observations: list[Mark] = []
        self._base = EvaluationContent()
        self._titles: dict[str, str] = {}
        self._editing: int | None = None  # index of the observation the quick editor changes
        self._loading = False
        self._running = False
        self.saves = 0
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._update_clock)
        self._notes_timer = Debounce(self.save_now, self)
        self.banner = QFrame(self)
        self.banner.setObjectName("listeningBanner")
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.clock = QLabel("00:00:00", self.banner)
        self.clock.setObjectName("liveClock")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.clock)
        self.resumed = QLabel(self)
        self.resumed.setObjectName("noticeBanner")
        self.resumed.setWordWrap(True)
        self.resumed.hide()

        hint = QLabel(
            self.tr(
                "Press 1-5 for a quick observation at this moment, then optionally + or - and a short note, "
                "and Enter. Observations and notes are saved automatically."
            ),
            self,
        )
        hint.setObjectName("areaSubtitle")
        hint.setWordWrap(True)
        keys = QHBoxLayout()
        self.section_buttons: list[QPushButton] = []
        self.shortcuts: list[QShortcut] = []
        for index in range(len(SECTION_KEYS)):
            button = QPushButton(self)
            button.setObjectName("sectionKey")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, i=index: self.observe(i))
            keys.addWidget(button)
            self.section_buttons.append(button)
            shortcut = QShortcut(QKeySequence(str(index + 1)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(self.tr("Observation for A %1 at this moment").replace("%1", str(index + 1)))
            shortcut.activated.connect(lambda i=index: self.observe(i))
            self.shortcuts.append(shortcut)

        self.editor = QFrame(self)
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

        self.observation_list = QListWidget(self)
        self.observation_list.setObjectName("observationList")
        self.observation_list.setAccessibleName(self.tr("Observations"))
        self.observation_list.itemActivated.connect(lambda item: self._edit(self.observation_list.row(item)))
        self.remove_button = QPushButton(self.tr("Remove observation"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.observation_list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.setWhatsThis(self.tr("Remove the chosen observation"))
        delete.activated.connect(self.remove_selected)
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(self.tr("Free notes about the manner of the calls (no caller details)"))
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.textChanged.connect(self._notes_changed)
        self.guard_box = CallerDataPanel(keeping=False, parent=self)  # over the columns' lower edge
        self.guard_box.mask_requested.connect(self._mask)
        self.save_status = QLabel(self)
        self.save_status.setObjectName("listStatus")
        self.end_button = QPushButton(self.tr("End session and evaluate"), self)
        self.end_button.setObjectName("submitButton")
        self.end_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.end_button.clicked.connect(self.end_session)
        self.running_message = QLabel(self)
        self.running_message.setObjectName("formMessage")
        self.running_message.setWordWrap(True)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        observations_title = QLabel(self.tr("Observations"), self)
        observations_title.setObjectName("sectionTitle")
        left.addWidget(observations_title)
        left.addWidget(self.observation_list, 1)
        left.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        right = QVBoxLayout()
        notes_title = QLabel(self.tr("Notes"), self)
        notes_title.setObjectName("sectionTitle")
        right.addWidget(notes_title)
        right.addWidget(self.notes, 1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        self.columns = QWidget(self)
        self.columns.setLayout(columns)
        columns.setContentsMargins(0, 0, 0, 0)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_status, 1)
        bottom.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.banner)
        layout.addWidget(self.resumed)
        layout.addWidget(hint)
        layout.addLayout(keys)
        layout.addWidget(self.editor)
        layout.addWidget(self.columns, 1)
        layout.addWidget(self.running_message)
        layout.addLayout(bottom)

    def show_session(self, session: LiveSession) -> None:
        """The running session (just started, or still running after a crash or sign-out)."""
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
        self._running = True
        self._update_clock()
        self._tick.start()
        self.setFocus()
        self._check_guard()

    def elapsed_s(self) -> float:
        return self._desk.elapsed(self.session) if self.session is not None else 0.0

    def _update_clock(self) -> None:
        self.clock.setText(clock_text(self.elapsed_s()))

    def observe(self, section_index: int) -> None:
        """Key 1-5 (or its button): a new observation for that A, stamped with the session clock."""
        if self.session is None or not self._running:
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
        self.setFocus()

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
        self.setFocus()

    def _refresh_observations(self) -> None:
        fill_observations(self.observation_list, self.observations, self._titles)
        if self._editing is not None:
            self.observation_list.setCurrentRow(self._editing)

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
        if self.session is None or not self._running:
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

    def findings(self) -> list[OpenFinding]:
        found = [OpenFinding("notes", f) for f in self._desk.scan(self.notes.toPlainText())]
        for index, mark in enumerate(self.observations):
            found += [OpenFinding(f"mark:{index}", f) for f in self._desk.scan(mark.note)]
        return found

    def _where(self, field: str) -> str:
        if field == "notes":
            return self.tr("Notes")
        index = int(field.split(":", 1)[1])
        return self.tr("observation %1").replace("%1", call_time(self.observations[index].at_s))

    def _check_guard(self) -> None:
        """The caller-data panel (the same as the form's) while the notes or an observation hold one."""
        self.guard_box.show_findings([(f, self._where(f.field)) for f in self.findings()], self.session is not None)
        self._place_guard()

    def _place_guard(self) -> None:
        if self.guard_box.isVisible():
            focused = QApplication.focusWidget()
            avoid = None
            if focused is not None and self.isAncestorOf(focused) and not self.guard_box.isAncestorOf(focused):
                avoid = QRect(focused.mapTo(self, QPoint(0, 0)), focused.size())
            self.guard_box.place_over(self.columns.geometry(), avoid)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_guard()

    def _mask(self, chosen: list[OpenFinding]) -> None:
        """From the caller-data panel: mask these, as the texts are now."""
        current = self.findings()
        wanted = {(f.field, f.finding.text) for f in chosen}
        by_field: dict[str, list[Finding]] = {}
        for open_finding in current:
            if (open_finding.field, open_finding.finding.text) in wanted:
                by_field.setdefault(open_finding.field, []).append(open_finding.finding)
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
        self.stop()
        self.ended.emit(ended)

    def _end_failed(self, error: Exception) -> None:
        self.end_button.setEnabled(True)
        self.running_message.setText(for_reader(error))

    def stop(self) -> None:
        """The session is no longer shown running here (ended, or the start screen is shown)."""
        self._running = False
        self._tick.stop()
        self._notes_timer.stop()
        self.session = None
        self.guard_box.hide()

    def flush(self) -> None:
        """Signing out or closing, the task runner settled or stopped: save the newest content now, here.
        The session itself goes on and is offered again next time."""
        self._tick.stop()
        self._notes_timer.stop()
        if self.session is not None and self._running:
            try:
                self._desk.save_draft(self.session.id, self.content())
            except NunrecError:
                log.exception("side-by-side session %s could not be saved at exit", self.session.id)
