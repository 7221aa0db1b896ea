"""Asking why drawn calls are replaced (P7, issue 20): a draw is final unless the coach gives a reason.

A short list of reasons plus "Other" with a short text (at most 80 characters; the service refuses caller data
in it and the dialog then opens again with that sentence and the text kept). Used for replacing one pick and
for drawing again while the running cycle still has picks that are not evaluated.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.services.draws import (
    MAX_REASON_TEXT,
    REASON_NOT_CUSTOMER,
    REASON_OTHER,
    REASON_TECHNICAL,
    REASON_UNFIT,
    ReplaceReason,
)


class ReplaceReasonDialog(QDialog):
    def __init__(
        self,
        explanation: str,
        action: str,
        parent: QWidget | None = None,
        problem: str = "",
        previous: ReplaceReason | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("replaceReasonDialog")
        self.setWindowTitle(self.tr("Why replace?"))
        self.reason: ReplaceReason | None = None
        intro = QLabel(explanation, self)
        intro.setWordWrap(True)
        final = QLabel(
            self.tr(
                "Drawn calls are final. A replacement is recorded with the draw and its reason, and the employee's "
                "feedback document says how many calls were replaced."
            ),
            self,
        )
        final.setWordWrap(True)
        final.setObjectName("hintText")
        self.choices = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(final)
        labels = {
            REASON_TECHNICAL: self.tr("Technical fault in the recording"),
            REASON_UNFIT: self.tr("Call unsuitable to evaluate (cut off, silent or too short)"),
            REASON_NOT_CUSTOMER: self.tr("Not a customer call (a colleague, or a wrong number)"),
            REASON_OTHER: self.tr("Other:"),
        }
        self.buttons: dict[str, QRadioButton] = {}
        for code, label in labels.items():
            button = QRadioButton(label, self)
            self.choices.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button)
        self.other_text = QLineEdit(self)
        self.other_text.setMaxLength(MAX_REASON_TEXT)
        self.other_text.setAccessibleName(self.tr("Other reason"))
        self.other_text.setPlaceholderText(self.tr("In a few words, without anything about the caller"))
        self.other_text.setEnabled(False)
        layout.addWidget(self.other_text)
        self.problem = QLabel(problem, self)
        self.problem.setObjectName("formMessage")
        self.problem.setProperty("kind", "error")
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        box = QDialogButtonBox(self)
        self.accept_button = QPushButton(action, self)
        self.accept_button.setDefault(True)
        bold = QFont(self.accept_button.font())
        bold.setBold(True)  # the default button is drawn bold by the style sheet: room for that text
        self.accept_button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(action) + 48)
        box.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self._accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.choices.buttonToggled.connect(lambda *_: self._update())
        self.other_text.textChanged.connect(lambda _: self._update())
        if previous is not None and previous.code in self.buttons:
            self.buttons[previous.code].setChecked(True)
            self.other_text.setText(previous.text)
        self._update()

    def _code(self) -> str | None:
        return next((code for code, button in self.buttons.items() if button.isChecked()), None)

    def _update(self) -> None:
        code = self._code()
        self.other_text.setEnabled(code == REASON_OTHER)
        ready = code is not None and (code != REASON_OTHER or len(self.other_text.text().strip()) >= 3)
        self.accept_button.setEnabled(ready)

    def _accept(self) -> None:
        code = self._code()
        if code is None:
            return
        self.reason = ReplaceReason(code, self.other_text.text().strip() if code == REASON_OTHER else "")
        self.accept()
