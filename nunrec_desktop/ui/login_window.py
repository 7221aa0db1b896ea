"""The sign-in window: user name, password, a clear Dutch message on failure or lock-out.

It is shown before the workspace is open: the button reads "Werkmap wordt geopend..." (disabled) until the
sign-in function arrives; a coach who already pressed Enter is signed in as soon as it does. `first_painted`
tells the controller that the window is on screen, so the workspace is opened only after the first paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import NunrecError, User
from nunrec_desktop.ui.messages import for_reader

SignIn = Callable[[str, str], User]
# Runs `work` off the GUI thread, then `done(user)` or `failed(error)` on it (the directory can take seconds).
InBackground = Callable[[Callable[[], User], Callable[[User], None], Callable[[Exception], None]], None]


class LoginWindow(QWidget):
    """Shown first; emits `signed_in` with the user. The sign-in function arrives once services are up."""

    signed_in = Signal(object)
    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sign_in: SignIn | None = None
        self._in_background: InBackground | None = None
        self._busy = False
        self._painted = False
        self._submit_when_ready = False
        self._workspace_failed = False
        self.setObjectName("loginWindow")
        self.setWindowTitle(self.tr("nunrec - Sign in"))
        self.setMinimumWidth(420)

        card = QFrame(self)
        card.setObjectName("loginCard")
        title = QLabel(self.tr("Call coaching KCC"), card)
        title.setObjectName("loginTitle")
        subtitle = QLabel(self.tr("Municipality of Nunspeet - sign in with your own account"), card)
        subtitle.setObjectName("loginSubtitle")
        subtitle.setWordWrap(True)

        self.username = QLineEdit(card)
        self.username.setObjectName("username")
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit(card)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)

        self.message = QLabel(card)
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.button = QPushButton(self.tr("Opening the workspace..."), card)
        self.button.setObjectName("signInButton")
        self.button.setDefault(True)
        self.button.setEnabled(False)
        self.button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.username.returnPressed.connect(self.password.setFocus)

        notice = QLabel(
            self.tr(
                "Recordings are only for coaching on how calls are handled (Protocol opname "
                "telefoongesprekken). Every listen is logged."
            ),
            card,
        )
        notice.setObjectName("loginNotice")
        notice.setWordWrap(True)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addWidget(self.button)
        inner.addWidget(notice)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addWidget(card)
        self.username.setFocus()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return handled

    def trying_ticket(self) -> None:
        """The workspace signs in with the directory: the workstation's own sign-in (a Kerberos ticket) is tried
        first; the button says so until it is done."""
        self.button.setText(self.tr("Signing in with your workstation account..."))

    def set_sign_in(
        self, sign_in: SignIn, submit_pending: bool = True, in_background: InBackground | None = None
    ) -> None:
        """`in_background` (the directory): the sign-in runs off the GUI thread, the window stays responsive."""
        self._sign_in = sign_in
        self._in_background = in_background
        self.button.setText(self.tr("Sign in"))
        self.button.setEnabled(True)
        self.message.clear()
        if self._submit_when_ready:
            self._submit_when_ready = False
            if submit_pending:
                self._submit()

    def workspace_failed(self, text: str) -> None:
        """The workspace could not be opened: say why; signing in stays impossible."""
        self._submit_when_ready = False
        self._workspace_failed = True
        self.button.setText(self.tr("Sign in"))
        self.show_error(text)

    def show_error(self, text: str) -> None:
        from PySide6.QtCore import Qt  # not at import: see `first Qt use` in ui/application.py

        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setProperty("error", True)
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _submit(self) -> None:
        name, password = self.username.text().strip(), self.password.text()
        if self._sign_in is None:
            self._submit_when_ready = bool(name and password) and not self._workspace_failed
            return
        if not name or not password:
            self.show_error(self.tr("Enter your user name and password."))
            return
        if self._in_background is not None:
            if self._busy:
                return
            self._busy = True
            self.button.setEnabled(False)
            self.button.setText(self.tr("Asking the directory..."))
            sign_in = self._sign_in
            self._in_background(lambda: sign_in(name, password), self._done, self._failed)
            return
        try:
            user = self._sign_in(name, password)
        except NunrecError as error:
            self._failed(error)
            return
        self._done(user)

    def _done(self, user: User) -> None:
        self._idle()
        self.password.clear()
        self.signed_in.emit(user)

    def _failed(self, error: Exception) -> None:
        self._idle()
        self.password.clear()
        self.password.setFocus()
        self.show_error(for_reader(error))

    def _idle(self) -> None:
        if self._busy:
            self._busy = False
            self.button.setText(self.tr("Sign in"))
            self.button.setEnabled(True)
