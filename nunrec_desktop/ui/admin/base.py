"""What every Beheer page shares: a heading, a status line that says in Dutch what happened or failed, work
on the task runner with the page's buttons disabled meanwhile, and a yes/no question whose Enter answers no."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.tasks import TaskRunner

T = TypeVar("T")


class AdminPage(QWidget):
    """A heading, the page's own content (`self.body`), and a status line at the bottom."""

    def __init__(self, title: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._busy_buttons: list[QAbstractButton] = []
        heading = QLabel(title, self)
        heading.setObjectName("areaTitle")
        self.status = QLabel(self)
        self.status.setObjectName("adminStatus")
        self.status.setWordWrap(True)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.status)

    def say(self, text: str, error: bool = False) -> None:
        self.status.setProperty("error", error)
        self.status.setText(text)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def guarded(self, *buttons: QAbstractButton) -> None:
        """Buttons that are disabled while the page's work runs."""
        self._busy_buttons.extend(buttons)

    def work(self, job: Callable[[], T], done: Callable[[T], None]) -> None:
        """Run `job` on the task runner; `done` with its result, or the Dutch reason it failed on the status line."""
        for button in self._busy_buttons:
            button.setEnabled(False)

        def finished(result: Any) -> None:
            self._idle()
            done(result)

        def failed(error: Exception) -> None:
            self._idle()
            self.say(for_reader(error), error=True)

        self._tasks.run(job, finished, failed, owner=self)

    def _idle(self) -> None:
        for button in self._busy_buttons:
            button.setEnabled(True)
        self.refresh_buttons()

    def refresh_buttons(self) -> None:
        """Pages enable what fits the selection here."""

    def ask(self, question: str) -> bool:
        """Yes or no; No is the default, so Enter does not change anything by accident."""
        title = QCoreApplication.translate("AdminPage", "Please confirm")
        box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=self)
        yes = box.addButton(QCoreApplication.translate("AdminPage", "Yes"), QMessageBox.ButtonRole.YesRole)
        no = box.addButton(QCoreApplication.translate("AdminPage", "No"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes


def table(parent: QWidget, headers: list[str], accessible: str) -> QTableWidget:
    """A read-only table: whole rows selected, Tab leaves it (arrows move inside)."""
    widget = QTableWidget(0, len(headers), parent)
    widget.setHorizontalHeaderLabels(headers)
    widget.setAccessibleName(accessible)
    widget.setTabKeyNavigation(False)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.verticalHeader().hide()
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.horizontalHeader().setStretchLastSection(True)
    return widget


def fill(widget: QTableWidget, rows: list[list[str]], keys: list[Any] | None = None) -> None:
    """Replace the rows, keeping the selection on the same key (stored in column 0's user data)."""
    current = selected_key(widget)
    widget.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c == 0 and keys is not None:
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            widget.setItem(r, c, item)
    if keys is not None and current in keys:
        widget.selectRow(keys.index(current))


def selected_key(widget: QTableWidget) -> Any:
    rows = widget.selectionModel().selectedRows() if widget.selectionModel() else []
    if not rows:
        return None
    item = widget.item(rows[0].row(), 0)
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)
