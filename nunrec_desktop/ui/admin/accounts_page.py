"""Beheer > Accounts: the local accounts of coaches and IT. Add one, disable or enable it, lift a lock-out,
set a new password (typed twice; only its hash is stored). When accounts come from the directory
(`auth.kind = "directory"`), the page only shows who has which role: the directory is where that changes."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from nunrec_desktop.domain import User
from nunrec_desktop.services.accounts import AccountStatus
from nunrec_desktop.ui.admin.base import AdminPage, fill, selected_key, table
from nunrec_desktop.ui.tasks import TaskRunner


class AccountsDesk(Protocol):
    def now(self) -> datetime: ...

    def account_source(self) -> str: ...

    def accounts(self) -> list[AccountStatus]: ...

    def add_account(self, username: str, role: str, display_name: str, password: str) -> User: ...

    def set_account_disabled(self, username: str, disabled: bool) -> None: ...

    def unlock_account(self, username: str) -> None: ...

    def reset_password(self, username: str, password: str) -> None: ...


def _password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    return edit


class AccountsPage(AdminPage):
    def __init__(self, desk: AccountsDesk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Accounts"), tasks, parent)
        self.setObjectName("accountsPage")
        self._desk = desk
        self._accounts: dict[str, AccountStatus] = {}
        self.directory = desk.account_source() == "directory"
        self.source_note = QLabel(self)
        self.source_note.setWordWrap(True)
        self.source_note.setText(
            self.tr(
                "Accounts come from the directory: who may sign in with which role is managed there. This page "
                "only shows them."
            )
            if self.directory
            else self.tr("Local accounts of this workspace. Each account belongs to one person.")
        )
        self.body.addWidget(self.source_note)

        self.username, self.display_name = QLineEdit(self), QLineEdit(self)
        self.role = QComboBox(self)
        self.role.addItem(self.tr("coach"), "coach")
        self.role.addItem(self.tr("IT support"), "it")
        self.password = _password_edit(self, self.tr("Password"))
        self.password_again = _password_edit(self, self.tr("Password again"))
        self.add_button = QPushButton(self.tr("&Add account"), self)
        self.add_button.setObjectName("addAccountButton")
        self.add_form = QWidget(self)
        form = QGridLayout(self.add_form)
        form.setContentsMargins(0, 0, 0, 0)
        for column, (text, widget) in enumerate(
            (
                (self.tr("&User name"), self.username),
                (self.tr("Full &name"), self.display_name),
                (self.tr("&Role"), self.role),
                (self.tr("&Password"), self.password),
                (self.tr("Password a&gain"), self.password_again),
            )
        ):
            label = QLabel(text, self.add_form)
            label.setBuddy(widget)
            form.addWidget(label, 0, column)
            form.addWidget(widget, 1, column)
        form.addWidget(self.add_button, 1, 5)
        self.body.addWidget(self.add_form)

        self.table = table(
            self,
            [self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Status")],
            self.tr("Accounts"),
        )
        self.body.addWidget(self.table, 1)

        self.disable_button = QPushButton(self.tr("&Disable"), self)
        self.unlock_button = QPushButton(self.tr("Lift &lock-out"), self)
        self.new_password = _password_edit(self, self.tr("New password"))
        self.new_password.setPlaceholderText(self.tr("new password"))
        self.new_password_again = _password_edit(self, self.tr("New password again"))
        self.new_password_again.setPlaceholderText(self.tr("new password again"))
        self.reset_button = QPushButton(self.tr("&Set password"), self)
        self.account_actions = QWidget(self)
        row = QHBoxLayout(self.account_actions)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.disable_button, self.unlock_button, self.new_password, self.new_password_again):
            row.addWidget(widget)
        row.addWidget(self.reset_button)
        self.body.addWidget(self.account_actions)
        self.add_form.setVisible(not self.directory)
        self.account_actions.setVisible(not self.directory)
        self.guarded(self.add_button, self.disable_button, self.unlock_button, self.reset_button)

        self.add_button.clicked.connect(self._add)
        self.disable_button.clicked.connect(self._toggle_disabled)
        self.unlock_button.clicked.connect(self._unlock)
        self.reset_button.clicked.connect(self._reset)
        self.table.itemSelectionChanged.connect(self.refresh_buttons)
        self.refresh_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        self.work(self._desk.accounts, self._show_accounts)

    def _show_accounts(self, accounts: list[AccountStatus]) -> None:
        now = self._desk.now()
        self._accounts = {a.username: a for a in accounts}
        rows = []
        for a in accounts:
            if not a.valid:
                status = self.tr("invalid: unknown role")
            elif a.disabled:
                status = self.tr("disabled")
            elif a.locked_until and a.locked_until > now:
                status = self.tr("locked until %1").replace("%1", a.locked_until.astimezone().strftime("%H:%M"))
            else:
                status = self.tr("active")
            role = {"coach": self.tr("coach"), "it": self.tr("IT support")}.get(a.role, a.role)
            rows.append([a.username, a.display_name, role, status])
        fill(self.table, rows, [a.username for a in accounts])
        self.refresh_buttons()

    def selected(self) -> AccountStatus | None:
        key = selected_key(self.table)
        return self._accounts.get(key) if isinstance(key, str) else None

    def refresh_buttons(self) -> None:
        account = self.selected()
        for button in (self.disable_button, self.unlock_button, self.reset_button):
            button.setEnabled(account is not None and not self.directory)
        self.disable_button.setText(self.tr("&Enable") if account and account.disabled else self.tr("&Disable"))

    def _add(self) -> None:
        if self.password.text() != self.password_again.text():
            self.say(self.tr("The two passwords are not the same."), error=True)
            return
        username, name = self.username.text().strip(), self.display_name.text().strip()
        role, password = str(self.role.currentData()), self.password.text()

        def added(user: User) -> None:
            for edit in (self.username, self.display_name, self.password, self.password_again):
                edit.clear()
            self.say(self.tr("Account %1 added.").replace("%1", user.username))
            self.reload()

        self.work(lambda: self._desk.add_account(username, role, name, password), added)

    def _toggle_disabled(self) -> None:
        account = self.selected()
        if account is None:
            return
        disable = not account.disabled

        def changed(_: None) -> None:
            text = self.tr("Account %1 is disabled.") if disable else self.tr("Account %1 is enabled.")
            self.say(text.replace("%1", account.username))
            self.reload()

        self.work(lambda: self._desk.set_account_disabled(account.username, disable), changed)

    def _unlock(self) -> None:
        account = self.selected()
        if account is None:
            return

        def unlocked(_: None) -> None:
            self.say(self.tr("The lock-out of %1 is lifted.").replace("%1", account.username))
            self.reload()

        self.work(lambda: self._desk.unlock_account(account.username), unlocked)

    def _reset(self) -> None:
        account = self.selected()
        if account is None:
            return
        if self.new_password.text() != self.new_password_again.text():
            self.say(self.tr("The two passwords are not the same."), error=True)
            return
        password = self.new_password.text()

        def done(_: None) -> None:
            self.new_password.clear()
            self.new_password_again.clear()
            self.say(self.tr("The password of %1 is set; a lock-out is lifted too.").replace("%1", account.username))
            self.reload()

        self.work(lambda: self._desk.reset_password(account.username, password), done)
