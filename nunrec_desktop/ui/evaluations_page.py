"""The "Beoordeling" area: per coached employee the submitted evaluations and open drafts, the history of the
chosen employee (`history_panel`), and the two documents for the employee (feedback PDF, after choosing what
goes in; Dialog preparation pack). No scores or comparisons between employees are shown: the list is
alphabetical, with counts only (P5)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.services.coach_desk import DraftSummary, EmployeeSummary
from nunrec_desktop.ui.feedback_choice import FeedbackChoiceDesk, FeedbackChoiceDialog
from nunrec_desktop.ui.history_panel import HistoryDesk, HistoryPanel
from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.tasks import TaskRunner

DraftRow = DraftSummary  # an open draft with what became of its recording (services.coach_desk)
EmployeeRow = EmployeeSummary


class OverviewDesk(HistoryDesk, FeedbackChoiceDesk, Protocol):
    """What the evaluations overview asks of the coach's desk (`services.coach_desk.CoachDesk`)."""

    def employee_overview(self) -> list[EmployeeSummary]: ...

    def drafts(self) -> list[DraftSummary]: ...

    def today(self) -> date: ...

    def export_document(
        self,
        kind: str,
        employee_id: str,
        out: Path,
        first: date | None = None,
        last: date | None = None,
        evaluation_ids: list[int] | None = None,
    ) -> Path: ...


class EvaluationsPage(QWidget):
    draft_chosen = Signal(object)  # DraftRow: the coach wants to carry on with this draft
    entry_chosen = Signal(object)  # HistoryEntry: the coach wants to read (or correct) this evaluation

    def __init__(
        self,
        desk: OverviewDesk,
        tasks: TaskRunner,
        ask_path: Callable[[str], Path | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationsPage")
        self._desk, self._tasks = desk, tasks
        self._ask_path = ask_path or self._save_dialog
        self.choice: FeedbackChoiceDialog | None = None
        self.history = HistoryPanel(desk, desk.today(), self)
        self.history.entry_chosen.connect(self.entry_chosen)
        self.history.changed.connect(self._history_changed)
        title = QLabel(self.tr("Evaluation"), self)
        title.setObjectName("areaTitle")
        subtitle = QLabel(
            self.tr(
                "Evaluate a call with the 5A form beside the player. Here: your evaluations per "
                "employee, and the documents for the employee."
            ),
            self,
        )
        subtitle.setObjectName("areaSubtitle")
        subtitle.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap); arrows move in it
        self.table.setAccessibleName(self.tr("Your evaluations per employee"))
        self.table.setHorizontalHeaderLabels([self.tr("Employee"), self.tr("Submitted"), self.tr("Drafts")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.table.setMinimumHeight(120)
        self.table.setMaximumHeight(190)
        self.table.itemSelectionChanged.connect(self._employee_selected)
        self.feedback_button = QPushButton(self.tr("Feedback for the employee (PDF)..."), self)
        self.dialog_button = QPushButton(self.tr("Dialog preparation (PDF)..."), self)
        self.feedback_button.clicked.connect(lambda: self.export("feedback"))
        self.dialog_button.clicked.connect(lambda: self.export("dialog"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("listStatus")
        buttons = QHBoxLayout()
        buttons.addWidget(self.feedback_button)
        buttons.addWidget(self.dialog_button)
        buttons.addWidget(self.message, 1)  # beside the buttons: no empty line above the history
        drafts_title = QLabel(self.tr("Open drafts"), self)
        drafts_title.setObjectName("sectionTitle")
        self.drafts_list = QListWidget(self)
        self.drafts_list.setAccessibleName(self.tr("Open drafts"))
        self.drafts_list.itemActivated.connect(self._draft_chosen)
        self.open_draft_button = QPushButton(self.tr("Open draft"), self)
        self.open_draft_button.clicked.connect(lambda: self._draft_chosen(self.drafts_list.currentItem()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.history, 1)
        drafts_head = QHBoxLayout()
        drafts_head.addWidget(drafts_title)
        drafts_head.addStretch(1)
        drafts_head.addWidget(self.open_draft_button)
        layout.addLayout(drafts_head)
        layout.addWidget(self.drafts_list)
        rows = self.drafts_list.fontMetrics().lineSpacing() + 6
        self.drafts_list.setMaximumHeight(3 * rows + 8)  # three drafts in view; more scroll

    def _employee_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.history.show_employee(*chosen)

    def _history_changed(self) -> None:
        chosen = self.selected()
        rows = self._desk.employee_overview()
        for index, row in enumerate(rows):
            if chosen is not None and row.employee_id == chosen[0]:
                self.table.setItem(index, 1, QTableWidgetItem(str(row.submitted)))

    def reload(self) -> None:
        previous = self.selected()
        rows = self._desk.employee_overview()
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            name = QTableWidgetItem(row.name)
            name.setData(256, row.employee_id)
            self.table.setItem(index, 0, name)
            self.table.setItem(index, 1, QTableWidgetItem(str(row.submitted)))
            self.table.setItem(index, 2, QTableWidgetItem(str(row.drafts)))
        if rows:
            ids = [r.employee_id for r in rows]
            self.table.selectRow(ids.index(previous[0]) if previous and previous[0] in ids else 0)
            self._employee_selected()
        self.drafts_list.clear()
        states = {
            "available": "",
            "erased": self.tr(" - the recording was erased at the caller's request; scores and notes stay"),
            "expired": self.tr(" - the recording is no longer available (30 days); scores and notes stay"),
        }
        for draft in self._desk.drafts():
            start = draft.evaluation.call_start
            when = start.astimezone().strftime("%d-%m-%Y %H:%M") if start else "-"
            text = (
                self.tr("%1, side-by-side session of %2")
                if draft.recording_state == "live"
                else self.tr("%1, call of %2")
            )
            item = QListWidgetItem(
                text.replace("%1", draft.employee_name).replace("%2", when) + states.get(draft.recording_state, "")
            )
            item.setData(256, draft)
            self.drafts_list.addItem(item)
        if self.drafts_list.count():
            self.drafts_list.setCurrentRow(0)

    def _draft_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.draft_chosen.emit(item.data(256))

    def selected(self) -> tuple[str, str] | None:
        items = self.table.selectedItems()
        if not items:
            return None
        first = self.table.item(items[0].row(), 0)
        if first is None:
            return None
        return str(first.data(256)), first.text()

    def export(self, kind: str) -> None:
        chosen = self.selected()
        if chosen is None:
            self.message.setText(self.tr("Choose an employee first."))
            return
        employee_id, name = chosen
        ids: list[int] | None = None
        if kind == "feedback":  # first what goes in: the coach sees it and ticks evaluations on or off
            self.choice = FeedbackChoiceDialog(self._desk, employee_id, name, self)
            accepted = self.choice.exec()
            ids = self.choice.chosen_ids()
            self.choice = None
            if not accepted or not ids:
                return
        suggestion = ("Terugkoppeling" if kind == "feedback" else "Dialog-voorbereiding") + f" {name}.pdf"
        path = self._ask_path(suggestion)
        if path is None:
            return
        self.message.setText(self.tr("Making the document..."))
        self._tasks.run(
            lambda: self._desk.export_document(kind, employee_id, path, evaluation_ids=ids),
            self._done,
            self._failed,
            owner=self,
        )

    def _done(self, path: Path) -> None:
        self.message.setText(self.tr("Saved: %1. Give it to the employee only.").replace("%1", str(path)))
        self.history.reload()  # "in feedback" changed

    def _failed(self, error: Exception) -> None:
        self.message.setText(for_reader(error))

    def _save_dialog(self, suggestion: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save document"), str(Path.home() / suggestion), self.tr("PDF documents (*.pdf)")
        )
        return Path(chosen) if chosen else None
