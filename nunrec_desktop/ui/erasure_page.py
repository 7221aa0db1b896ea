"""The erasure request dialog ("Verzoek tot verwijdering", P2): the operator enters the approximate time of
the call and the number the caller gives, sees the matching recordings (time, duration, employee; never any
caller number), confirms one with the request reference, and the recording is deleted for good."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import NunrecError
from nunrec_desktop.services.erasure import ErasureCandidate, ErasureSearch
from nunrec_desktop.ui.qt_dates import from_qdatetime, to_qdatetime
from nunrec_desktop.ui.tasks import TaskRunner


class ErasureDesk(Protocol):
    """What the erasure page asks of the desk (`services.desk.Desk`: coaches and IT both handle requests)."""

    def search_for_erasure(self, caller_number: str, around: datetime, window_minutes: int) -> ErasureSearch: ...

    def erase(self, candidate: ErasureCandidate, reference: str) -> None: ...


class ErasurePage(QWidget):
    def __init__(
        self,
        desk: ErasureDesk,
        now: datetime,
        tasks: TaskRunner,
        confirm: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("erasurePage")
        self._desk, self._tasks = desk, tasks
        self._confirm = confirm or self._ask
        self.candidates: list[ErasureCandidate] = []
        title = QLabel(self.tr("Erasure request"), self)
        title.setObjectName("areaTitle")
        intro = QLabel(
            self.tr(
                "A caller asked for the recording of their call to be deleted. Enter the approximate time of the call "
                "and the number the caller gives. The number is only used to search: it is not stored or logged."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setObjectName("areaSubtitle")
        self.around = QDateTimeEdit(to_qdatetime(now.astimezone().replace(tzinfo=None)), self)
        self.around.setCalendarPopup(True)
        self.around.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("e.g. 06-12345678"))
        self.number.setEchoMode(QLineEdit.EchoMode.Password)  # not shown on screen to passers-by
        self.window_minutes = QSpinBox(self)
        self.window_minutes.setRange(5, 24 * 60)
        self.window_minutes.setValue(30)
        self.window_minutes.setSuffix(self.tr(" min"))
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.clicked.connect(self.search)
        form = QFormLayout()
        form.addRow(self.tr("Time of the call (approx.)"), self.around)
        form.addRow(self.tr("Caller's number"), self.number)
        form.addRow(self.tr("Search window (+/-)"), self.window_minutes)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Date and time"), self.tr("Duration"), self.tr("Employee")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(1, 80)
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("Reference of the request, e.g. VZ-2026-017"))
        self.erase_button = QPushButton(self.tr("Delete the chosen recording"), self)
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.clicked.connect(self.erase_selected)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("formMessage")
        actions = QHBoxLayout()
        actions.addWidget(self.reference, 1)
        actions.addWidget(self.erase_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.search_button)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

    def search(self) -> None:
        """Searching and deleting talk to the recording store: off the GUI thread."""
        around = from_qdatetime(self.around.dateTime()).astimezone()
        number, minutes = self.number.text(), self.window_minutes.value()
        self._tasks.run(
            lambda: self._desk.search_for_erasure(number, around, minutes), self._found, self._failed, owner=self
        )

    def _failed(self, error: Exception) -> None:
        self.message.setText(str(error) if isinstance(error, NunrecError) else type(error).__name__)

    def _found(self, found: ErasureSearch) -> None:
        self.candidates = found.candidates
        self.table.setRowCount(len(self.candidates))
        for row, candidate in enumerate(self.candidates):
            whole = round(candidate.duration_s)
            for column, text in enumerate(
                (
                    candidate.start.astimezone().strftime("%d-%m-%Y %H:%M"),
                    f"{whole // 60}:{whole % 60:02d}",
                    candidate.employee_names,
                )
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.candidates:
            self.table.selectRow(0)
        message = self.tr("%1 recording(s) found.").replace("%1", str(len(self.candidates)))
        if found.skipped:  # the caller's recording may be among the entries the store could not use
            message += " " + self.tr(
                "%1 item(s) in the recording store around this time are invalid or duplicated and were skipped; "
                "the caller's recording may be among them. Have IT check them (details in logs/nunrec.log)."
            ).replace("%1", str(found.skipped))
        self.message.setText(message)

    def erase_selected(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            self.message.setText(self.tr("Choose exactly one recording."))
            return
        candidate = self.candidates[rows.pop()]
        when = candidate.start.astimezone().strftime("%d-%m-%Y %H:%M")
        if not self._confirm(
            self.tr("Delete the recording of %1 (%2) for good?")
            .replace("%1", when)
            .replace("%2", candidate.employee_names)
        ):
            return
        reference = self.reference.text()
        self._tasks.run(
            lambda: self._desk.erase(candidate, reference),
            lambda _none: self._erased(when),
            self._failed,
            owner=self,
        )

    def _erased(self, when: str) -> None:
        self.number.clear()
        self.candidates = []
        self.table.setRowCount(0)
        self.message.setText(
            self.tr("The recording of %1 is deleted and will never be shown again.").replace("%1", when)
        )

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Erasure request"), question)
        return answer == QMessageBox.StandardButton.Yes
