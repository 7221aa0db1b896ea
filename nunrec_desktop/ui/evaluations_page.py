"""The "Beoordeling" area: per coached employee the submitted evaluations and open drafts, and the two
documents for the employee (feedback PDF, Dialog preparation pack). No scores or comparisons between
employees are shown: the list is alphabetical, with counts only (P5)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import NunrecError
from nunrec_desktop.ui.tasks import TaskRunner


@dataclass(frozen=True)
class EmployeeRow:
    employee_id: str
    name: str
    submitted: int
    drafts: int


class EvaluationsPage(QWidget):
    def __init__(
        self,
        rows: Callable[[], list[EmployeeRow]],
        export: Callable[[str, str, Path], Path],
        tasks: TaskRunner,
        ask_path: Callable[[str], Path | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationsPage")
        self._rows, self._export, self._tasks = rows, export, tasks
        self._ask_path = ask_path or self._save_dialog
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
        self.table.setHorizontalHeaderLabels([self.tr("Employee"), self.tr("Submitted"), self.tr("Drafts")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
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
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def reload(self) -> None:
        rows = self._rows()
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            name = QTableWidgetItem(row.name)
            name.setData(256, row.employee_id)
            self.table.setItem(index, 0, name)
            self.table.setItem(index, 1, QTableWidgetItem(str(row.submitted)))
            self.table.setItem(index, 2, QTableWidgetItem(str(row.drafts)))
        if rows:
            self.table.selectRow(0)

    def selected(self) -> tuple[str, str] | None:
        items = self.table.selectedItems()
        if not items:
            return None
        first = self.table.item(items[0].row(), 0)
        return str(first.data(256)), first.text()

    def export(self, kind: str) -> None:
        chosen = self.selected()
        if chosen is None:
            self.message.setText(self.tr("Choose an employee first."))
            return
        employee_id, name = chosen
        suggestion = ("Terugkoppeling" if kind == "feedback" else "Dialog-voorbereiding") + f" {name}.pdf"
        path = self._ask_path(suggestion)
        if path is None:
            return
        self.message.setText(self.tr("Making the document..."))
        self._tasks.run(lambda: self._export(kind, employee_id, path), self._done, self._failed, owner=self)

    def _done(self, path: Path) -> None:
        self.message.setText(self.tr("Saved: %1. Give it to the employee only.").replace("%1", str(path)))

    def _failed(self, error: Exception) -> None:
        self.message.setText(str(error) if isinstance(error, NunrecError) else type(error).__name__)

    def _save_dialog(self, suggestion: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save document"), str(Path.home() / suggestion), self.tr("PDF documents (*.pdf)")
        )
        return Path(chosen) if chosen else None
