"""The first screen of the side-by-side area (P8): choose the employee and why the coach listens along (the
employee asked, or the recording failed, or another reason with a short explanation), and start. It asks the
desk to start the session and says so through `started`; the page then shows the running session.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import Employee, NunrecError
from nunrec_desktop.services.live_sessions import (
    REASON_EMPLOYEE_REQUEST,
    REASON_OTHER,
    REASON_RECORDING_FAULT,
    LiveSession,
)
from nunrec_desktop.ui.messages import for_reader


class StartDesk(Protocol):
    def coached_employees(self) -> list[Employee]: ...

    def start_session(self, employee_id: str, reason: str, note: str) -> LiveSession: ...


class LiveStartScreen(QWidget):
    started = Signal(object)  # LiveSession

    def __init__(self, desk: StartDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        title = QLabel(self.tr("Side-by-side session"), self)
        title.setObjectName("areaTitle")
        intro = QLabel(
            self.tr(
                "Sit beside the employee, listen live and give feedback straight away. Nothing is recorded. "
                "Use it when the employee asks for it, or when the recording failed."
            ),
            self,
        )
        intro.setObjectName("areaSubtitle")
        intro.setWordWrap(True)
        self.employee = QComboBox(self)
        self.employee.setMinimumWidth(420)
        self.employee.setAccessibleName(self.tr("Employee"))
        self.reasons = QButtonGroup(self)
        reason_box = QVBoxLayout()
        for code, text in (
            (REASON_EMPLOYEE_REQUEST, self.tr("at the employee's request")),
            (REASON_RECORDING_FAULT, self.tr("fault in the recording")),
            (REASON_OTHER, self.tr("other:")),
        ):
            button = QRadioButton(text, self)
            button.setProperty("reason", code)
            self.reasons.addButton(button)
            reason_box.addWidget(button)
        self.reason_note = QLineEdit(self)
        self.reason_note.setPlaceholderText(self.tr("Short explanation (no caller details)"))
        self.reason_note.setMaxLength(200)
        self.reason_note.setAccessibleName(self.tr("Explanation of the reason"))
        self.reason_note.setMinimumWidth(420)
        self.reason_note.setEnabled(False)
        reason_box.addWidget(self.reason_note)
        self.reasons.buttonToggled.connect(lambda _b, _c: self._reason_changed())
        self.start_button = QPushButton(self.tr("Start session"), self)
        self.start_button.setObjectName("submitButton")
        self.start_button.clicked.connect(self.start_session)
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        grid.addWidget(QLabel(self.tr("Employee"), self), 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.employee, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(QLabel(self.tr("Reason"), self), 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(reason_box, 1, 1)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(grid)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def prepare(self, employee_id: str | None = None) -> None:
        """Fresh for a new session (for this employee, when given)."""
        self.fill_employees()
        if employee_id is not None:
            index = self.employee.findData(employee_id)
            if index >= 0:
                self.employee.setCurrentIndex(index)
        self.message.clear()

    def fill_employees(self) -> None:
        current = self.employee.currentData()
        self.employee.clear()
        for employee in self._desk.coached_employees():
            self.employee.addItem(employee.name, employee.id)
        index = self.employee.findData(current)
        self.employee.setCurrentIndex(max(index, 0))

    def show_error(self, text: str) -> None:
        self.message.setText(text)

    def _reason_changed(self) -> None:
        checked = self.reasons.checkedButton()
        other = checked is not None and checked.property("reason") == REASON_OTHER
        self.reason_note.setEnabled(other)
        if other:
            self.reason_note.setFocus()

    def start_session(self) -> None:
        employee_id = self.employee.currentData()
        checked = self.reasons.checkedButton()
        if not employee_id:
            self.message.setText(self.tr("Choose the employee first."))
            return
        if checked is None:
            self.message.setText(self.tr("Choose why you are listening along."))
            return
        reason = str(checked.property("reason"))
        try:
            session = self._desk.start_session(
                employee_id, reason, self.reason_note.text() if reason == REASON_OTHER else ""
            )
        except NunrecError as error:
            self.message.setText(for_reader(error))
            return
        self.reason_note.clear()
        self.started.emit(session)
