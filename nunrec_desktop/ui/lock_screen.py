"""The page that covers the main window while it is locked: nothing of the work shows through. It says
whether the coach locked it or it locked itself after a while without activity, and a wrong password is
called a wrong password (there is no user name to get wrong here)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from nunrec_desktop.domain import NunrecError, User
from nunrec_desktop.services.auth import WRONG_CREDENTIALS
from nunrec_desktop.ui.messages import for_reader

Unlock = Callable[[User, str], User]


class LockScreen(QWidget):
    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, unlock: Unlock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unlock = unlock
        self._user: User | None = None
        self.setObjectName("lockScreen")
        card = QFrame(self)
        card.setObjectName("loginCard")
        card.setFixedWidth(460)
        self.title = QLabel(self.tr("nunrec is locked"), card)
        self.title.setObjectName("loginTitle")
        self.title.setMinimumHeight(self.title.fontMetrics().lineSpacing() + 8)  # room for the descenders
        self.explanation = QLabel(card)
        self.explanation.setWordWrap(True)
        self.password = QLineEdit(card)
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setAccessibleName(self.tr("Password"))
        self.password.returnPressed.connect(self._submit)
        self.message = QLabel(card)
        self.message.setObjectName("loginMessage")
        self.message.setProperty("error", True)
        self.message.setWordWrap(True)
        self.button = QPushButton(self.tr("Unlock"), card)
        self.button.setObjectName("unlockButton")
        self.button.clicked.connect(self._submit)
        sign_out = QPushButton(self.tr("Sign out"), card)
        sign_out.setObjectName("lockSignOut")
        sign_out.setFlat(True)
        sign_out.clicked.connect(self.sign_out_requested)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        for widget in (self.title, self.explanation, self.password, self.message, self.button, sign_out):
            inner.addWidget(widget)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def lock_for(self, user: User, by_hand: bool = False) -> None:
        self._user = user
        self.explanation.setText(
            (
                self.tr("You locked nunrec. Enter the password of %1 to continue.")
                if by_hand
                else self.tr("Locked after a period without activity. Enter the password of %1 to continue.")
            ).replace("%1", user.display_name)
        )
        self.password.clear()
        self.message.clear()
        self.password.setFocus()

    def _submit(self) -> None:
        if self._user is None:
            return
        try:
            self._unlock(self._user, self.password.text())
        except NunrecError as error:
            self.password.clear()
            text = for_reader(error)
            self.message.setText(self.tr("Wrong password.") if WRONG_CREDENTIALS in text else text)
            return
        self.password.clear()
        self.message.clear()
        self.unlocked.emit()
