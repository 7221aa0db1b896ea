"""Beheer > Medewerkers: add an employee, rename, deactivate (or activate again); delete only one that no
evaluation refers to. IT sees whether evaluations exist, never what they hold."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from nunrec_desktop.domain import Employee
from nunrec_desktop.services.staffing import EmployeeLine
from nunrec_desktop.ui.admin.base import AdminPage, fill, selected_key, table
from nunrec_desktop.ui.tasks import TaskRunner


class EmployeesDesk(Protocol):
    def employee_lines(self) -> list[EmployeeLine]: ...

    def add_employee(self, employee_id: str, name: str) -> Employee: ...

    def rename_employee(self, employee_id: str, name: str) -> Employee: ...

    def set_employee_active(self, employee_id: str, active: bool) -> None: ...

    def delete_employee(self, employee_id: str) -> None: ...


class EmployeesPage(AdminPage):
    def __init__(self, desk: EmployeesDesk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Employees"), tasks, parent)
        self.setObjectName("employeesPage")
        self._desk = desk
        self._lines: dict[str, EmployeeLine] = {}
        self.new_id, self.new_name = QLineEdit(self), QLineEdit(self)
        self.new_id.setPlaceholderText(self.tr("e.g. 1042"))
        self.new_name.setPlaceholderText(self.tr("first name and surname"))
        self.add_button = QPushButton(self.tr("&Add employee"), self)
        self.add_button.setObjectName("addEmployeeButton")
        form = QGridLayout()
        for column, (text, edit) in enumerate(
            ((self.tr("Employee &id (telephony)"), self.new_id), (self.tr("&Name"), self.new_name))
        ):
            label = QLabel(text, self)
            label.setBuddy(edit)
            form.addWidget(label, 0, column)
            form.addWidget(edit, 1, column)
        form.addWidget(self.add_button, 1, 2)
        form.setColumnStretch(1, 1)
        self.body.addLayout(form)

        self.table = table(
            self,
            [self.tr("Id"), self.tr("Name"), self.tr("Status"), self.tr("Coach today"), self.tr("Evaluations")],
            self.tr("Employees"),
        )
        self.body.addWidget(self.table, 1)

        self.rename_edit = QLineEdit(self)
        self.rename_edit.setAccessibleName(self.tr("New name"))
        self.rename_edit.setPlaceholderText(self.tr("new name of the selected employee"))
        self.rename_button = QPushButton(self.tr("&Rename"), self)
        self.active_button = QPushButton(self.tr("&Deactivate"), self)
        self.delete_button = QPushButton(self.tr("De&lete"), self)
        actions = QHBoxLayout()
        actions.addWidget(self.rename_edit, 1)
        for button in (self.rename_button, self.active_button, self.delete_button):
            actions.addWidget(button)
        self.body.addLayout(actions)
        self.guarded(self.add_button, self.rename_button, self.active_button, self.delete_button)

        self.add_button.clicked.connect(self._add)
        self.new_name.returnPressed.connect(self._add)
        self.rename_button.clicked.connect(self._rename)
        self.rename_edit.returnPressed.connect(self._rename)
        self.active_button.clicked.connect(self._toggle_active)
        self.delete_button.clicked.connect(self._delete)
        self.table.itemSelectionChanged.connect(self.refresh_buttons)
        self.refresh_buttons()

    def reload(self) -> None:
        self.work(self._desk.employee_lines, self._show)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def _show(self, lines: list[EmployeeLine]) -> None:
        self._lines = {line.id: line for line in lines}
        rows = [
            [
                line.id,
                line.name,
                self.tr("active") if line.active else self.tr("inactive"),
                line.coach or self.tr("none"),
                self.tr("yes (cannot be deleted)") if line.referenced else self.tr("none"),
            ]
            for line in lines
        ]
        fill(self.table, rows, [line.id for line in lines])
        self.refresh_buttons()

    def selected(self) -> EmployeeLine | None:
        key = selected_key(self.table)
        return self._lines.get(key) if isinstance(key, str) else None

    def refresh_buttons(self) -> None:
        line = self.selected()
        for button in (self.rename_button, self.active_button):
            button.setEnabled(line is not None)
        self.delete_button.setEnabled(line is not None and not line.referenced)
        self.active_button.setText(self.tr("&Activate") if line and not line.active else self.tr("&Deactivate"))

    def _add(self) -> None:
        employee_id, name = self.new_id.text().strip(), self.new_name.text().strip()

        def added(employee: Employee) -> None:
            self.new_id.clear()
            self.new_name.clear()
            self.say(self.tr("Employee %1 added.").replace("%1", employee.id))
            self.reload()

        self.work(lambda: self._desk.add_employee(employee_id, name), added)

    def _rename(self) -> None:
        line = self.selected()
        if line is None:
            return
        name = self.rename_edit.text().strip()

        def renamed(employee: Employee) -> None:
            self.rename_edit.clear()
            self.say(self.tr("The name of %1 is changed.").replace("%1", employee.id))
            self.reload()

        self.work(lambda: self._desk.rename_employee(line.id, name), renamed)

    def _toggle_active(self) -> None:
        line = self.selected()
        if line is None:
            return
        active = not line.active
        if (
            not active
            and line.coach
            and not self.ask(
                self.tr("%1 is still coached by %2. Deactivate anyway? End the assignment on the Coaching page.")
                .replace("%1", line.name)
                .replace("%2", line.coach)
            )
        ):
            return

        def changed(_: None) -> None:
            text = self.tr("%1 is active again.") if active else self.tr("%1 is inactive.")
            self.say(text.replace("%1", line.name))
            self.reload()

        self.work(lambda: self._desk.set_employee_active(line.id, active), changed)

    def _delete(self) -> None:
        line = self.selected()
        if line is None or not self.ask(self.tr("Delete %1 and their assignments?").replace("%1", line.name)):
            return

        def deleted(_: None) -> None:
            self.say(self.tr("%1 is deleted.").replace("%1", line.name))
            self.reload()

        self.work(lambda: self._desk.delete_employee(line.id), deleted)
