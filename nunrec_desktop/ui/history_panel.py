"""The evaluation history of the employee chosen in the "Beoordeling" area (P5, P7): per evaluation the date of
the call, the source, the status with its version, per A the counts of the answers, the cycle it counts for
and whether it went into a feedback document. Filter by cycle and period; open one (read only, and correct it
from the form with "Nieuwe versie", also when the recording is gone), move it to another cycle, start a cycle,
record the feedback conversation, and share one call with the other coaches for calibration (issue 26; asked
first, audited with the purpose "kalibratie"). Counts only: no scores, no ranking, no comparison between employees."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import NunrecError
from nunrec_desktop.services.coaching_cycles import Cycle
from nunrec_desktop.services.conversations import Conversation, cycle_to_discuss
from nunrec_desktop.services.history import EmployeeHistory, HistoryEntry, compact_answers
from nunrec_desktop.ui.conversation_dialog import ConversationDesk, ConversationDialog
from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.qt_dates import from_qdate, to_qdate

ENTRY_ROLE = 256


class HistoryDesk(ConversationDesk, Protocol):
    """What the history asks of the coach's desk (`services.coach_desk.CoachDesk`)."""

    def history(
        self, employee_id: str, cycle_id: int | None = None, first: date | None = None, last: date | None = None
    ) -> EmployeeHistory: ...

    def start_cycle(self, employee_id: str) -> Cycle: ...

    def move_to_cycle(self, evaluation_id: int, cycle_id: int) -> None: ...

    def share_for_calibration(self, evaluation_id: int) -> int: ...


class HistoryPanel(QWidget):
    entry_chosen = Signal(object)  # HistoryEntry: open it read-only (correct it from the form)
    changed = Signal()  # a cycle started, an evaluation moved or a conversation recorded

    def __init__(self, desk: HistoryDesk, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self._desk = desk
        self._today = today
        self.employee: tuple[str, str] | None = None
        self.data: EmployeeHistory | None = None
        self.title = QLabel(self.tr("History"), self)
        self.title.setObjectName("sectionTitle")
        self.cycle_filter = QComboBox(self)
        self.cycle_filter.setAccessibleName(self.tr("Cycle"))
        self.cycle_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cycle_filter.setMinimumContentsLength(22)
        self.cycle_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.period = QCheckBox(self.tr("Period"), self)
        self.period.toggled.connect(lambda _on: self.reload())
        self.first = QDateEdit(to_qdate(today).addMonths(-3), self)
        self.last = QDateEdit(to_qdate(today), self)
        self.first.setAccessibleName(self.tr("Period from"))
        self.last.setAccessibleName(self.tr("Period to"))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.dateChanged.connect(self._period_changed)
        self.table = QTableWidget(0, 0, self)
        self.table.setAccessibleName(self.tr("Evaluations of this employee"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._set_columns([])
        self.legend = QLabel(
            self.tr("Answers: + good or yes, ± sufficient, - point to improve or no. Point at a cell for the words."),
            self,
        )
        self.legend.setObjectName("areaSubtitle")
        self.legend.setWordWrap(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.move_button = QPushButton(self.tr("Move to another cycle..."), self)
        self.move_button.clicked.connect(self.move_selected)
        self.start_button = QPushButton(self.tr("Start a new cycle"), self)
        self.start_button.clicked.connect(self.start_cycle)
        self.conversation_button = QPushButton(self.tr("Record the conversation..."), self)
        self.conversation_button.clicked.connect(self.record_conversation)
        self.share_button = QPushButton(self.tr("Share for calibration..."), self)
        self.share_button.setToolTip(
            self.tr("The other coaches hear this call and fill in the 5A's blind, without the employee's name.")
        )
        self.share_button.clicked.connect(self.share_selected)
        self.message = QLabel(self)
        self.message.setObjectName("listStatus")
        self.message.setWordWrap(True)
        filters = QHBoxLayout()
        filters.addWidget(self.title)
        filters.addStretch(1)
        filters.addWidget(QLabel(self.tr("Cycle"), self))
        filters.addWidget(self.cycle_filter)
        filters.addWidget(self.period)
        filters.addWidget(self.first)
        filters.addWidget(QLabel(self.tr("to"), self))
        filters.addWidget(self.last)
        buttons = QHBoxLayout()
        for button in (
            self.open_button,
            self.move_button,
            self.start_button,
            self.conversation_button,
            self.share_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def _period_changed(self) -> None:
        if self.period.isChecked():
            self.reload()

    def show_employee(self, employee_id: str, name: str) -> None:
        changed = self.employee is None or self.employee[0] != employee_id
        self.employee = (employee_id, name)
        if changed:
            self.cycle_filter.blockSignals(True)
            self.cycle_filter.clear()
            self.cycle_filter.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        if self.employee is None:
            return
        employee_id, name = self.employee
        cycle_id = self.cycle_filter.currentData()
        first = from_qdate(self.first.date()) if self.period.isChecked() else None
        last = from_qdate(self.last.date()) if self.period.isChecked() else None
        try:
            data = self._desk.history(employee_id, cycle_id, first, last)
        except NunrecError as error:
            self.message.setText(for_reader(error))
            return
        self.data = data
        self._fill_cycles(data, cycle_id)
        self.title.setText(self.tr("History of %1").replace("%1", name))
        parts: list[str] = []  # the As of the guideline, in its order (all evaluations share the guideline's As)
        for entry in data.entries:
            parts += [part for part in entry.answers if part not in parts]
        self._set_columns(parts)
        self.table.setRowCount(len(data.entries))
        for row, entry in enumerate(data.entries):
            for column, (text, tip) in enumerate(self._cells(entry, data, parts)):
                item = QTableWidgetItem(text)
                item.setData(ENTRY_ROLE, entry)
                item.setToolTip(tip)
                self.table.setItem(row, column, item)
        self._fit_columns()
        if data.entries:
            self.table.selectRow(0)
        self.message.setText(
            self.tr("%1 evaluation(s). Double-click one to read it; correct it there with a new version.").replace(
                "%1", str(len(data.entries))
            )
            if data.entries
            else self.tr("No evaluations of %1 here yet.").replace("%1", name)
        )

    def _fill_cycles(self, data: EmployeeHistory, selected: int | None) -> None:
        self.cycle_filter.blockSignals(True)
        self.cycle_filter.clear()
        self.cycle_filter.addItem(self.tr("All cycles"), None)
        for cycle in reversed(data.cycles):
            self.cycle_filter.addItem(self.cycle_text(cycle, data.conversations.get(cycle.id)), cycle.id)
        index = self.cycle_filter.findData(selected)
        self.cycle_filter.setCurrentIndex(max(0, index))
        self.cycle_filter.blockSignals(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Every column as wide as its contents; when that is wider than the table (large fonts, a small
        screen), the cycle column gives way first and elides (its whole text is in the tooltip)."""
        self.table.resizeColumnsToContents()
        excess = self.table.horizontalHeader().length() - self.table.viewport().width()
        cycle = self.column(self.tr("Cycle"))
        if excess > 0 and cycle >= 0:
            width = self.table.columnWidth(cycle)
            self.table.setColumnWidth(cycle, max(width // 2, width - excess))

    def _set_columns(self, parts: list[str]) -> None:
        """Call, source, status, one column per A (the counts of its answers), cycle, in feedback."""
        headers = [self.tr("Call"), self.tr("Source"), self.tr("Status")]
        headers += [part.capitalize() for part in parts]
        headers += [self.tr("Cycle"), self.tr("In feedback")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)

    def column(self, header: str) -> int:
        """The column under this header (-1 if none)."""
        for index in range(self.table.columnCount()):
            item = self.table.horizontalHeaderItem(index)
            if item is not None and item.text() == header:
                return index
        return -1

    def cycle_text(self, cycle: Cycle, conversation: Conversation | None) -> str:
        """ "12-11-2026, besproken op 20-11-2026" / ", nog te bespreken" / ", loopt"."""
        when = f"{cycle.started_at.astimezone():%d-%m-%Y}"
        if conversation is not None:
            return self.tr("%1, discussed on %2").replace("%1", when).replace("%2", f"{conversation.held_on:%d-%m-%Y}")
        state = self.tr("running") if cycle.running else self.tr("still to discuss")
        return f"{when}, {state}"

    def _cells(self, entry: HistoryEntry, data: EmployeeHistory, parts: list[str]) -> list[tuple[str, str]]:
        """(text, tooltip) per column; the cycle cell is the cycle's start date, its state in the tooltip."""
        evaluation = entry.evaluation
        moment = entry.moment.astimezone().strftime("%d-%m-%Y %H:%M")
        source = self.tr("side-by-side") if evaluation.live else self.tr("recording")
        source += {
            "erased": self.tr(" (erased)"),
            "expired": self.tr(" (gone)"),
        }.get(entry.recording_state, "")
        state = {
            "draft": self.tr("draft"),
            "submitted": self.tr("submitted"),
            "corrected": self.tr("corrected"),
        }[entry.status]
        version = str(evaluation.revision)
        status = self.tr("%1, rev. %2").replace("%1", state).replace("%2", version)  # short: the columns fit 1366 px
        status_tip = self.tr("%1, version %2").replace("%1", state).replace("%2", version)
        if entry.cycle is None:
            cycle = cycle_tip = self.tr("no cycle")
        else:
            cycle = f"{entry.cycle.started_at.astimezone():%d-%m-%Y}"
            if evaluation.drawn is False:  # evaluated for the cycle, but not one of the calls picked for it
                cycle += self.tr(", not drawn")
            cycle_tip = self.tr("The cycle of %1").replace(
                "%1", self.cycle_text(entry.cycle, data.conversations.get(entry.cycle.id))
            )
        in_feedback = self.tr("yes") if entry.in_feedback else self.tr("no")
        cells = [(moment, moment), (source, source), (status, status_tip)]
        for part in parts:
            counts = {part: entry.answers.get(part, {})}
            cells.append((compact_answers(counts, symbols=True).split(" ", 1)[-1], compact_answers(counts)))
        return [*cells, (cycle, cycle_tip), (in_feedback, in_feedback)]

    def selected(self) -> HistoryEntry | None:
        items = self.table.selectedItems()
        entry = items[0].data(ENTRY_ROLE) if items else None
        if not isinstance(entry, HistoryEntry):
            self.message.setText(self.tr("Choose an evaluation first."))
            return None
        return entry

    def open_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.entry_chosen.emit(entry)

    def start_cycle(self) -> None:
        if self.employee is None:
            return
        try:
            cycle = self._desk.start_cycle(self.employee[0])
        except NunrecError as error:
            self.message.setText(for_reader(error))
            return
        self.reload()
        self.message.setText(
            self.tr("A new cycle started on %1.").replace("%1", f"{cycle.started_at.astimezone():%d-%m-%Y}")
        )
        self.changed.emit()

    def move_selected(self) -> None:
        entry, data = self.selected(), self.data
        if entry is None or data is None:
            return
        others = [c for c in data.cycles if entry.cycle is None or c.id != entry.cycle.id]
        if not others:
            self.message.setText(self.tr("There is no other cycle of this employee to move it to."))
            return
        labels = [self.cycle_text(c, data.conversations.get(c.id)) for c in reversed(others)]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Move to another cycle"), self.tr("Count this evaluation for the cycle of:"), labels, 0, False
        )
        if not ok:
            return
        target = list(reversed(others))[labels.index(chosen)]
        try:
            self._desk.move_to_cycle(entry.id, target.id)
        except NunrecError as error:
            self.message.setText(for_reader(error))
            return
        self.reload()
        self.message.setText(self.tr("Moved to the cycle of %1 (recorded in the audit log).").replace("%1", chosen))
        self.changed.emit()

    def record_conversation(self) -> None:
        data = self.data
        if self.employee is None or data is None:
            return
        if not data.cycles:
            self.message.setText(self.tr("There is no cycle to discuss yet."))
            return
        chosen = self.cycle_filter.currentData()
        if chosen is None:  # as `nunrec conversation add` chooses
            evaluated = {e.cycle.id for e in data.entries if e.cycle is not None and e.status != "draft"}
            cycle = cycle_to_discuss(data.cycles, evaluated)
        else:
            cycle = next(c for c in data.cycles if c.id == chosen)
        dialog = ConversationDialog(
            self._desk, self.employee, cycle, data.conversations.get(cycle.id), self._today, self
        )
        if dialog.exec():
            self.reload()
            self.message.setText(dialog.outcome)
            self.changed.emit()

    def share_selected(self) -> None:
        """Share the chosen evaluation's call with the other coaches for calibration, once the coach confirms."""
        entry = self.selected()
        if entry is None:
            return
        if entry.status == "draft" or entry.recording_state != "available":
            self.message.setText(self.tr("Share a submitted evaluation of a recorded call that is still there."))
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Share for calibration?"))
        box.setText(
            self.tr(
                "Share this call with the other coaches for calibration? They may listen to it for the "
                "calibration only, without the employee's name, and fill in the 5A's blind; your evaluation "
                "stays yours. Recorded in the audit log with the purpose calibration."
            )
        )
        share = box.addButton(self.tr("Share"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not share:
            return
        try:
            self._desk.share_for_calibration(entry.id)
        except NunrecError as error:
            self.message.setText(for_reader(error))
            return
        self.message.setText(
            self.tr("Shared for calibration: the other coaches find it under Calibration (recorded in the audit log).")
        )
        self.changed.emit()
