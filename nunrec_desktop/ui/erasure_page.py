"""The erasure request dialog ("Verzoek tot verwijdering", P2): the operator enters the approximate time of
the call and the number the caller gives, sees the matching recordings (time, duration, employee; never any
caller number), confirms one with the request reference, and the recording is deleted for good.

The time is typed as text ("25-11-2026 09:50", also "25-11 9.50") and read when the operator searches, so
nothing is corrected while typing; a calendar button fills in the date. The caller's number is visible while
it is typed (the caller dictates it; it is shown on this page only, never stored) and can be hidden.
The confirmation's default button is "Annuleren": Enter never deletes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Protocol

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from nunrec_desktop.domain import call_time
from nunrec_desktop.services.erasure import ErasureCandidate, ErasureSearch
from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.qt_dates import from_qdate, to_qdate
from nunrec_desktop.ui.tasks import TaskRunner

MOMENT_FORMAT = "%d-%m-%Y %H:%M"
_MOMENT = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?(?:\s+|\s*,\s*)(\d{1,2})[:.](\d{2})\s*$")


def parse_moment(text: str, today: date) -> datetime | None:
    """A typed local date and time: "25-11-2026 09:50", "25/11/26 9.50" or "25-11 9:50" (this year); None when
    it is not a real moment. Nothing is guessed beyond the missing year."""
    found = _MOMENT.match(text)
    if found is None:
        return None
    day, month, year, hour, minute = found.groups()
    full_year = today.year if year is None else int(year) + (2000 if len(year) == 2 else 0)
    try:
        return datetime(full_year, int(month), int(day), int(hour), int(minute))
    except ValueError:
        return None


class ErasureDesk(Protocol):
    """What the erasure page asks of the desk (`services.desk.Desk`: coaches and IT both handle requests)."""

    def now(self) -> datetime: ...

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
        self.around = QLineEdit(self)
        self.around.setObjectName("erasureMoment")
        self.around.setPlaceholderText(self.tr("e.g. 25-11-2026 09:50"))
        self.around.setAccessibleName(self.tr("Time of the call (approx.)"))
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._date_picked)
        self.calendar.activated.connect(self._date_picked)
        self.pick_button = QToolButton(self)
        self.pick_button.setText(self.tr("Calendar..."))
        self.pick_button.setAccessibleName(self.tr("Pick the date in a calendar"))
        self.pick_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._calendar_menu = QMenu(self.pick_button)
        holder = QWidgetAction(self._calendar_menu)
        holder.setDefaultWidget(self.calendar)
        self._calendar_menu.addAction(holder)
        self.pick_button.setMenu(self._calendar_menu)
        self.moment_hint = QLabel(self)
        self.moment_hint.setObjectName("listStatus")
        self.around.textChanged.connect(self._moment_typed)
        self.number = QLineEdit(self)
        self.number.setObjectName("callerNumber")
        self.number.setPlaceholderText(self.tr("e.g. 06-12345678"))
        self.number.setAccessibleName(self.tr("Caller's number"))
        self.hide_number = QCheckBox(self.tr("Hide"), self)
        self.hide_number.setAccessibleName(self.tr("Hide the caller's number"))
        self.hide_number.toggled.connect(self._hide_toggled)
        self.window_minutes = QSpinBox(self)
        self.window_minutes.setRange(5, 24 * 60)
        self.window_minutes.setValue(30)
        self.window_minutes.setSuffix(self.tr(" min"))
        self.window_minutes.setAccessibleName(self.tr("Search window (+/-)"))
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.setObjectName("erasureSearch")
        self.search_button.clicked.connect(self.search)
        for edit in (self.around, self.number):
            edit.returnPressed.connect(self.search)
        moment_row = QHBoxLayout()
        moment_row.addWidget(self.around, 1)
        moment_row.addWidget(self.pick_button)
        moment_row.addWidget(self.moment_hint, 1)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number, 1)
        number_row.addWidget(self.hide_number)
        number_row.addStretch(1)
        form = QFormLayout()
        for caption, field, row in (
            (self.tr("Time of the call (approx.)"), self.around, moment_row),
            (self.tr("Caller's number"), self.number, number_row),
            (self.tr("Search window (+/-)"), self.window_minutes, None),
        ):
            label = QLabel(caption, self)
            label.setBuddy(field)
            form.addRow(label, row if row is not None else field)
        self.table = QTableWidget(0, 3, self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap); arrows move in it
        self.table.setObjectName("erasureTable")
        self.table.setAccessibleName(self.tr("Recordings found"))
        self.table.setHorizontalHeaderLabels([self.tr("Date and time"), self.tr("Duration"), self.tr("Employee")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(1, 80)
        self.reference = QLineEdit(self)
        self.reference.setObjectName("erasureReference")
        self.reference.setPlaceholderText(self.tr("Reference of the request, e.g. VZ-2026-017"))
        self.reference.setAccessibleName(self.tr("Reference of the request"))
        self.erase_button = QPushButton(self.tr("Delete"), self)
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.setAccessibleName(self.tr("Delete the chosen recording"))
        self.erase_button.clicked.connect(self.erase_selected)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("pageMessage")
        actions = QHBoxLayout()
        actions.addWidget(self.reference, 1)
        actions.addWidget(self.erase_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.search_button)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.setTabOrder(self.around, self.pick_button)
        self.setTabOrder(self.pick_button, self.number)
        self.setTabOrder(self.number, self.hide_number)
        self.setTabOrder(self.hide_number, self.window_minutes)
        self.setTabOrder(self.window_minutes, self.search_button)
        self.setTabOrder(self.search_button, self.table)
        self.setTabOrder(self.table, self.reference)
        self.setTabOrder(self.reference, self.erase_button)
        self._start_over(now)

    # -- the time of the call -----------------------------------------------------------------------

    def _today(self) -> date:
        return self._desk.now().astimezone().date()

    def moment(self) -> datetime | None:
        """The typed time as a local naive datetime, or None while it is not (yet) a real moment."""
        return parse_moment(self.around.text(), self._today())

    def _moment_typed(self) -> None:
        moment = self.moment()
        if not self.around.text().strip():
            self.moment_hint.setText("")
        elif moment is None:
            self.moment_hint.setText(self.tr("Type it as day-month-year hours:minutes, e.g. 25-11-2026 09:50."))
        else:
            self.moment_hint.setText(self._spoken(moment))

    def _spoken(self, moment: datetime) -> str:
        """The moment as words, so the operator can check it against what the caller says."""
        weekdays = self.tr("monday,tuesday,wednesday,thursday,friday,saturday,sunday").split(",")
        months = self.tr("january,february,march,april,may,june,july,august,september,october,november,december").split(
            ","
        )
        return f"{weekdays[moment.weekday()]} {moment.day} {months[moment.month - 1]} {moment.year}, {moment:%H:%M}"

    def _date_picked(self, day: QDate) -> None:
        moment = self.moment()
        clock = f"{moment:%H:%M}" if moment is not None else "09:00"
        picked = from_qdate(day)
        self.around.setText(f"{picked:%d-%m-%Y} {clock}")
        self._calendar_menu.close()
        self.around.setFocus()

    def _hide_toggled(self, hidden: bool) -> None:
        self.number.setEchoMode(QLineEdit.EchoMode.Password if hidden else QLineEdit.EchoMode.Normal)

    # -- searching and deleting ------------------------------------------------------------------------

    def search(self) -> None:
        """Searching and deleting talk to the recording store: off the GUI thread."""
        moment = self.moment()
        if moment is None:
            self._say(self.tr("Enter the time of the call, e.g. 25-11-2026 09:50."), error=True)
            self.around.setFocus()
            return
        number, minutes = self.number.text(), self.window_minutes.value()
        if not number.strip():
            self._say(self.tr("Enter the number the caller gives."), error=True)
            self.number.setFocus()
            return
        around = moment.astimezone()
        self._say(self.tr("Searching..."))
        self._tasks.run(
            lambda: self._desk.search_for_erasure(number, around, minutes), self._found, self._failed, owner=self
        )

    def _say(self, text: str, error: bool = False, success: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("tone", "error" if error else "success" if success else "")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _failed(self, error: Exception) -> None:
        self._say(for_reader(error), error=True)

    def _found(self, found: ErasureSearch) -> None:
        self.candidates = found.candidates
        self.table.setRowCount(len(self.candidates))
        for row, candidate in enumerate(self.candidates):
            for column, text in enumerate(
                (
                    candidate.start.astimezone().strftime(MOMENT_FORMAT),
                    call_time(candidate.duration_s),
                    candidate.employee_names,
                )
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        count = len(self.candidates)
        if count == 0:
            message = self.tr(
                "No recording found. Check the number and the time with the caller, or make the search window larger."
            )
        elif count == 1:
            message = self.tr("1 recording found. Check the time and the employee with the caller.")
        else:
            message = self.tr("%1 recordings found. Choose the caller's call with them.").replace("%1", str(count))
        if count:
            self.table.selectRow(0)
        if found.skipped:  # the caller's recording may be among the entries the store could not use
            message += " " + (
                self.tr(
                    "1 item in the recording store around this time is invalid or duplicated and was skipped; "
                    "the caller's recording may be that one. Have IT check it (details in logs/nunrec.log)."
                )
                if found.skipped == 1
                else self.tr(
                    "%1 items in the recording store around this time are invalid or duplicated and were skipped; "
                    "the caller's recording may be among them. Have IT check them (details in logs/nunrec.log)."
                ).replace("%1", str(found.skipped))
            )
        self._say(message)

    def erase_selected(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1 or not self.candidates:
            self._say(self.tr("Search first and choose one recording."), error=True)
            return
        candidate = self.candidates[rows.pop()]
        when = candidate.start.astimezone().strftime(MOMENT_FORMAT)
        if not self._confirm(
            self.tr("Delete the recording of %1 (%2) for good? This cannot be undone.")
            .replace("%1", when)
            .replace("%2", candidate.employee_names)
        ):
            self._say(self.tr("Nothing was deleted."))
            return
        reference = self.reference.text()
        self._tasks.run(
            lambda: self._desk.erase(candidate, reference),
            lambda _none: self._erased(when),
            self._failed,
            owner=self,
        )

    def _erased(self, when: str) -> None:
        self._start_over(self._desk.now())
        self._say(
            self.tr("The recording of %1 is deleted and will never be shown again.").replace("%1", when),
            success=True,
        )

    def _start_over(self, now: datetime) -> None:
        """An empty form for the next request: the time set to now, no number, no reference, no results."""
        local = now.astimezone()
        self.around.setText(f"{local:{MOMENT_FORMAT}}")
        self.calendar.setSelectedDate(to_qdate(local.date()))
        self.number.clear()
        self.reference.clear()
        self.window_minutes.setValue(30)
        self.candidates = []
        self.table.setRowCount(0)

    def _ask(self, question: str) -> bool:
        """Two plain buttons; "Annuleren" is the default and the Escape button, so Enter never deletes."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Erasure request"), question, parent=self)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        cancel.setFocus()
        box.exec()
        return box.clickedButton() is delete
