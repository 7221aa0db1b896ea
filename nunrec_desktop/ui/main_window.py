"""The main window: a navigation column with the work areas, a header with who is signed in, and the
idle lock that hides everything until the password is given again.

Areas that later work fills say plainly what they will hold; nothing here pretends to work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import Role, User
from nunrec_desktop.ui.lock_screen import LockScreen, Unlock
from nunrec_desktop.ui.navigation import NavigationList


class PlannedArea(QWidget):
    """An area that a later release fills: a heading and an honest sentence about what will be here."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title, self)
        heading.setObjectName("areaTitle")
        body = QLabel(text, self)
        body.setObjectName("areaPlanned")
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)


class MainWindow(QMainWindow):
    """`locked` is emitted when the window locks (a player stops on it); `sign_out_requested` on sign-out.

    `built_areas` maps an area's position to the widget that fills it; other areas say what will be there.
    """

    RECORDINGS = 0
    PLAYER = 1
    EVALUATION = 2
    CYCLES = 3
    SIDE_BY_SIDE = 4
    COACH_ERASURE = 5
    CALIBRATION = 6
    AUDIT = 1  # for the IT role ("Beheer")
    IT_ERASURE = 2
    EMPLOYEES = 3
    COACHING = 4
    ACCOUNTS = 5
    STORE = 6
    REVIEW = 7

    locked = Signal()
    sign_out_requested = Signal()

    def __init__(
        self, user: User, unlock: Unlock, built_areas: dict[int, QWidget] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.user = user
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("nunrec - Call coaching KCC"))
        self.resize(1280, 800)

        self.navigation = NavigationList(self)  # arrows and Enter; typed letters do not switch the area
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(190)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("areas")
        built = built_areas or {}
        for position, (title, text) in enumerate(self._areas(user.role)):
            self.pages.addWidget(built.get(position) or PlannedArea(title, text))
            QListWidgetItem(title, self.navigation)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        who = QLabel(
            self.tr("Signed in as %1 (%2)").replace("%1", user.display_name).replace("%2", self._role_name(user.role)),
            self,
        )
        who.setObjectName("whoLabel")
        lock_button = QPushButton(self.tr("Lock"), self)
        lock_button.setObjectName("lockButton")
        lock_button.clicked.connect(lambda: self.lock(by_hand=True))
        sign_out = QPushButton(self.tr("Sign out"), self)
        sign_out.setObjectName("signOutButton")
        sign_out.clicked.connect(self.sign_out_requested)
        header = QHBoxLayout()
        header.setContentsMargins(16, 10, 16, 10)
        brand = QLabel(self.tr("nunrec"), self)
        brand.setObjectName("brand")
        header.addWidget(brand)
        header.addStretch(1)
        header.addWidget(who)
        header.addWidget(lock_button)
        header.addWidget(sign_out)
        header_widget = QWidget(self)
        header_widget.setObjectName("header")
        header_widget.setLayout(header)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.navigation)
        body.addWidget(self.pages, 1)
        work = QWidget(self)
        work_layout = QVBoxLayout(work)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.setSpacing(0)
        work_layout.addWidget(header_widget)
        work_layout.addLayout(body, 1)

        self.lock_screen = LockScreen(unlock, self)
        self.lock_screen.unlocked.connect(self._unlocked)
        self.lock_screen.sign_out_requested.connect(self.sign_out_requested)
        self.screens = QStackedWidget(self)
        self.screens.addWidget(work)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self.work = work

    def show_area(self, position: int) -> None:
        self.navigation.setCurrentRow(position)

    def is_locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_screen

    def lock(self, by_hand: bool = False) -> None:
        if self.is_locked():
            return
        self.screens.setCurrentWidget(self.lock_screen)
        self.lock_screen.lock_for(self.user, by_hand)
        self.locked.emit()

    def _unlocked(self) -> None:
        self.screens.setCurrentWidget(self.work)

    def _role_name(self, role: Role) -> str:
        return self.tr("coach") if role is Role.COACH else self.tr("IT support")

    def _areas(self, role: Role) -> list[tuple[str, str]]:
        if role is Role.COACH:
            return [
                (
                    self.tr("Recordings"),
                    self.tr(
                        "Here you will see the recorded inbound calls of the employees you coach, younger than "
                        "30 days, with how many days each remains available. This list arrives with the "
                        "connection to the recording store."
                    ),
                ),
                (
                    self.tr("Player"),
                    self.tr(
                        "Here you will listen to a call with its waveform (employee and caller as separate "
                        "lanes), slow it down and mark moments. Audio is never saved on this computer."
                    ),
                ),
                (
                    self.tr("Evaluation"),
                    self.tr(
                        "You evaluate a call with the 5A form beside the player: open a call from the list. Here "
                        "you will find an overview of your drafts and evaluations, and export feedback for the "
                        "employee."
                    ),
                ),
                (
                    self.tr("Coaching cycles"),
                    self.tr(
                        "Here you will plan the coaching cycle per employee every 4 to 6 weeks, pick calls, "
                        "listen together with an employee and log side-by-side sessions."
                    ),
                ),
                (self.tr("Side-by-side"), ""),
                (self.tr("Erasure requests"), ""),
                (self.tr("Calibration"), ""),
            ]
        return [
            (self.tr("Administration"), ""),
            (self.tr("Audit log"), ""),
            (self.tr("Erasure requests"), ""),
            (self.tr("Employees"), ""),
            (self.tr("Coaching"), ""),
            (self.tr("Accounts"), ""),
            (self.tr("Recording store"), ""),
            (self.tr("Access review"), ""),
        ]
