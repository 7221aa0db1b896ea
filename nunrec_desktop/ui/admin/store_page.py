"""Beheer > Opnameopslag: where the recordings come from (a folder, or the TSV portal's address), the
portal's token into the operating system's keyring (P11; never shown again, never in a file), and
"Verbinding testen": one page of metadata listed, shown as counts only; what failed is said in Dutch."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from nunrec_desktop.services.store_admin import ConnectionReport, StoreStatus
from nunrec_desktop.ui.admin.base import AdminPage
from nunrec_desktop.ui.tasks import TaskRunner


class StoreDesk(Protocol):
    def store_status(self) -> StoreStatus: ...

    def configure_store(self, kind: str, location: str) -> StoreStatus: ...

    def set_store_token(self, token: str) -> None: ...

    def test_store(self, kind: str, location: str) -> ConnectionReport: ...


class StorePage(AdminPage):
    def __init__(self, desk: StoreDesk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Recording store"), tasks, parent)
        self.setObjectName("storePage")
        self._desk = desk
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Folder"), "folder")
        self.kind.addItem(self.tr("TSV portal (HTTPS)"), "http")
        self.location = QLineEdit(self)
        self.location.setPlaceholderText(self.tr("folder, or https://portal address"))
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setObjectName("saveStoreButton")
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("paste the token from the portal"))
        self.token_button = QPushButton(self.tr("Put token in the &keyring"), self)
        self.token_state = QLabel(self)
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.setObjectName("testStoreButton")
        self.result = QLabel(self)
        self.result.setObjectName("connectionResult")
        self.result.setWordWrap(True)
        grid = QGridLayout()
        rows = (
            (self.tr("&Kind"), self.kind, None),
            (self.tr("&Location"), self.location, self.save_button),
            (self.tr("Portal t&oken"), self.token, self.token_button),
        )
        for r, (text, widget, button) in enumerate(rows):
            label = QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, r, 0)
            grid.addWidget(widget, r, 1)
            if button is not None:
                grid.addWidget(button, r, 2)
        grid.addWidget(self.token_state, 3, 1)
        grid.addWidget(self.test_button, 4, 1)
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        self.body.addWidget(self.result)
        self.body.addStretch(1)
        self.guarded(self.save_button, self.token_button, self.test_button)
        self.save_button.clicked.connect(self._save)
        self.location.returnPressed.connect(self._save)
        self.token_button.clicked.connect(self._set_token)
        self.test_button.clicked.connect(self._test)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.work(self._desk.store_status, self._show_status)

    def _show_status(self, status: StoreStatus) -> None:
        index = self.kind.findData(status.kind)
        if index >= 0:
            self.kind.setCurrentIndex(index)
        if not self.location.isModified():
            self.location.setText(status.location)
        self.token_state.setText(
            self.tr("A token is in the keyring.") if status.token_set else self.tr("No token in the keyring yet.")
        )

    def _save(self) -> None:
        kind, location = str(self.kind.currentData()), self.location.text()

        def saved(status: StoreStatus) -> None:
            self.location.setModified(False)
            self._show_status(status)
            self.say(self.tr("Saved. Coaches see the recordings of this store from their next list on."))

        self.work(lambda: self._desk.configure_store(kind, location), saved)

    def _set_token(self) -> None:
        token = self.token.text()

        def stored(_: None) -> None:
            self.token.clear()
            self.token_state.setText(self.tr("A token is in the keyring."))
            self.say(self.tr("The token is in the keyring of this computer."))

        self.work(lambda: self._desk.set_store_token(token), stored)

    def _test(self) -> None:
        kind, location = str(self.kind.currentData()), self.location.text()
        self.result.setText(self.tr("Testing the connection..."))
        self.work(lambda: self._desk.test_store(kind, location), self._tested)

    def _tested(self, report: ConnectionReport) -> None:
        self.result.setProperty("error", not report.ok)
        if report.ok:
            text = (
                self.tr(
                    "Connection works: %1 recordings of the last 30 days listed, %2 of them inbound; %3 entries "
                    "could not be used."
                )
                .replace("%1", f"{report.listed}{'+' if report.more else ''}")
                .replace("%2", str(report.inbound))
                .replace("%3", str(report.skipped))
            )
        else:
            text = self.tr("The connection failed: %1").replace("%1", report.problem)
        self.result.setText(text)
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
