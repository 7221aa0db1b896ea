"""Beheer > Coaching: which coach coaches which employee from which day (that decides which calls the coach
may hear, P3/P4). Assign from a date, end an assignment, and see an employee's history with overlaps and
gaps. A change that would apply to days already past is made only after IT confirms it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from nunrec_desktop.services.accounts import AccountStatus
from nunrec_desktop.services.staffing import AssignmentLine, AssignmentRecord, BackdatedChange, EmployeeLine
from nunrec_desktop.ui.admin.base import AdminPage, fill, selected_key, table
from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.qt_dates import from_qdate, to_qdate
from nunrec_desktop.ui.tasks import TaskRunner


class CoachingDesk(Protocol):
    def today(self) -> date: ...

    def employee_lines(self) -> list[EmployeeLine]: ...

    def accounts(self) -> list[AccountStatus]: ...

    def assignment_history(self, employee_id: str) -> list[AssignmentLine]: ...

    def assign(self, employee_id: str, coach: str, start: date, backdated: bool = False) -> None: ...

    def end_assignment(self, assignment_id: int, last_day: date, backdated: bool = False) -> AssignmentRecord: ...


def _date_edit(parent: QWidget, day: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setDate(to_qdate(day))
    return edit


class CoachingPage(AdminPage):
    def __init__(self, desk: CoachingDesk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Coaching assignments"), tasks, parent)
        self.setObjectName("coachingPage")
        self._desk = desk
        today = desk.today()
        self.employee = QComboBox(self)
        self.coach = QComboBox(self)
        self.start = _date_edit(self, today)
        self.assign_button = QPushButton(self.tr("&Assign"), self)
        self.assign_button.setObjectName("assignButton")
        form = QGridLayout()
        for column, (text, widget) in enumerate(
            (
                (self.tr("&Employee"), self.employee),
                (self.tr("&Coach"), self.coach),
                (self.tr("&From (inclusive)"), self.start),
            )
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addWidget(label, 0, column)
            form.addWidget(widget, 1, column)
        form.addWidget(self.assign_button, 1, 3)
        form.setColumnStretch(0, 2)
        form.setColumnStretch(1, 2)
        self.body.addLayout(form)

        self.history_title = QLabel(self.tr("History of the selected employee"), self)
        self.history_title.setObjectName("sectionTitle")
        self.body.addWidget(self.history_title)
        self.table = table(
            self,
            [self.tr("Coach"), self.tr("From"), self.tr("Up to and including"), self.tr("Remarks")],
            self.tr("Assignment history"),
        )
        self.body.addWidget(self.table, 1)
        self.last_day = _date_edit(self, today)
        self.last_day.setAccessibleName(self.tr("Last day of the assignment"))
        self.end_button = QPushButton(self.tr("E&nd selected assignment"), self)
        end_row = QHBoxLayout()
        end_label = QLabel(self.tr("&Last day"), self)
        end_label.setBuddy(self.last_day)
        end_row.addWidget(end_label)
        end_row.addWidget(self.last_day)
        end_row.addWidget(self.end_button)
        end_row.addStretch(1)
        self.body.addLayout(end_row)
        self.guarded(self.assign_button, self.end_button)
        self._lines: list[AssignmentLine] = []

        self.assign_button.clicked.connect(self._assign)
        self.end_button.clicked.connect(self._end)
        self.employee.currentIndexChanged.connect(self._load_history)
        self.table.itemSelectionChanged.connect(self.refresh_buttons)
        self.refresh_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        self.work(lambda: (self._desk.employee_lines(), self._desk.accounts()), self._choices)

    def _choices(self, loaded: tuple[list[EmployeeLine], list[AccountStatus]]) -> None:
        employees, accounts = loaded
        keep_employee, keep_coach = self.employee.currentData(), self.coach.currentData()
        self.employee.blockSignals(True)
        self.employee.clear()
        for line in employees:
            suffix = "" if line.active else self.tr(" (inactive)")
            self.employee.addItem(f"{line.name} ({line.id}){suffix}", line.id)
        self.employee.blockSignals(False)
        self.coach.clear()
        for account in accounts:
            if account.role == "coach" and not account.disabled:
                self.coach.addItem(f"{account.display_name} ({account.username})", account.username)
        for combo, keep in ((self.employee, keep_employee), (self.coach, keep_coach)):
            index = combo.findData(keep)
            if index >= 0:
                combo.setCurrentIndex(index)
        if not accounts or self.coach.count() == 0:
            self.say(self.tr("There is no active coach account yet; add one on the Accounts page."), error=True)
        self._load_history()

    def _load_history(self) -> None:
        employee_id = self.employee.currentData()
        if not isinstance(employee_id, str):
            fill(self.table, [], [])
            return
        self.work(lambda: self._desk.assignment_history(employee_id), self._show_history)

    def _show_history(self, lines: list[AssignmentLine]) -> None:
        self._lines = lines
        rows = []
        for line in lines:
            notes = []
            if line.overlaps:
                notes.append(self.tr("overlaps another assignment"))
            if line.gap_days_before:
                notes.append(self.tr("%1 days without a coach before it").replace("%1", str(line.gap_days_before)))
            r = line.record
            rows.append(
                [
                    r.coach_username,
                    f"{r.start:%d-%m-%Y}",
                    f"{r.end:%d-%m-%Y}" if r.end else self.tr("ongoing"),
                    "; ".join(notes),
                ]
            )
        fill(self.table, rows, [line.record.id for line in lines])
        self.refresh_buttons()

    def refresh_buttons(self) -> None:
        self.end_button.setEnabled(isinstance(selected_key(self.table), int))

    def _assign(self) -> None:
        employee_id, coach = self.employee.currentData(), self.coach.currentData()
        if not isinstance(employee_id, str) or not isinstance(coach, str):
            self.say(self.tr("Choose an employee and a coach."), error=True)
            return
        start = from_qdate(self.start.date())
        self._try(lambda backdated: self._desk.assign(employee_id, coach, start, backdated), self._assigned)

    def _assigned(self, _: object) -> None:
        self.say(
            self.tr("%1 is coached by %2 from %3.")
            .replace("%1", self.employee.currentText())
            .replace("%2", self.coach.currentText())
            .replace("%3", from_qdate(self.start.date()).strftime("%d-%m-%Y"))
        )
        self._load_history()

    def _end(self) -> None:
        key = selected_key(self.table)
        if not isinstance(key, int):
            return
        last = from_qdate(self.last_day.date())
        self._try(lambda backdated: self._desk.end_assignment(key, last, backdated), self._ended)

    def _ended(self, _: object) -> None:
        self.say(
            self.tr("The assignment ends after %1.").replace(
                "%1", from_qdate(self.last_day.date()).strftime("%d-%m-%Y")
            )
        )
        self._load_history()

    def _try(self, act: Callable[[bool], object], done: Callable[[object], None]) -> None:
        """Make the change; when it would apply backwards, say so and make it only after a yes."""

        def failed_or_done(result: object) -> None:
            if isinstance(result, BackdatedChange):
                if self.ask(for_reader(result)):
                    self.work(lambda: act(True), done)
                else:
                    self.say(self.tr("Nothing was changed."))
                return
            done(result)

        def attempt() -> object:
            try:
                return act(False)
            except BackdatedChange as error:
                return error

        self.work(attempt, failed_or_done)
