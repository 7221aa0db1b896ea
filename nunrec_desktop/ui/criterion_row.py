"""One compact row of the 5A form per criterion: its text, its answers as a row of chips, and "Uitleg", which
opens the explanation and a multi-line comment field ("Toelichting") under the row. The comment field opens by
itself when the answer needs one (e.g. "verbeterpunt") or when it holds text, so that a laptop screen shows
every criterion's answers at once (issue 22). The row owns its state and speaks through `changed`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from nunrec_desktop.services.guideline import Criterion

MIN_TEXT_WIDTH = 200  # narrower than this beside the answers, the answers go under the text
COMMENT_LINES = 3


class SectionBox(QGroupBox):
    """One A of the form: its title, its short summary on the title's line (right), and its rows."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.summary = QLabel(self)
        self.summary.setObjectName("sectionSummary")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        band = self.contentsRect().top()  # the title's band above the rows (style.qss: margin-top)
        self.summary.setGeometry(self.width() // 3, 0, self.width() - self.width() // 3 - 4, max(band, 16))


class CriterionRow(QFrame):
    changed = Signal()  # an answer was chosen or the comment was edited

    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.setObjectName("criterion")
        self.setProperty("state", "")
        self._asked_comment = False  # the coach opened the comment field by hand

        self.label = QLabel(criterion.text + (" *" if criterion.essential else ""), self)
        self.label.setObjectName("criterionText")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.answers = QWidget(self)
        answers_layout = QHBoxLayout(self.answers)
        answers_layout.setContentsMargins(0, 0, 0, 0)
        answers_layout.setSpacing(3)
        self.group = QButtonGroup(self)
        for option in criterion.scale.options:
            button = QRadioButton(option, self.answers)
            button.setObjectName("answerChip")
            button.setAccessibleName(f"{criterion.text}: {option}")  # the group, named by its criterion
            button.setAccessibleDescription(criterion.text)
            button.setProperty("answer", option)
            self.group.addButton(button)
            answers_layout.addWidget(button)
        self.group.buttonToggled.connect(self._answer_toggled)

        # "Uitleg" opens the criterion's explanation and, under it, the comment field (which also opens by
        # itself when the answer needs a comment or the comment holds text).
        self.help_text: QLabel | None = None
        if criterion.help:
            self.label.setToolTip(criterion.help)
            self.help_text = QLabel(criterion.help, self)
            self.help_text.setObjectName("criterionHelp")
            self.help_text.setWordWrap(True)
            self.help_text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.help_text.hide()
        self.help_button = QToolButton(self)
        self.help_button.setObjectName("helpToggle")
        self.help_button.setText(self.tr("Explanation") if criterion.help else self.tr("Comment"))
        self.help_button.setCheckable(True)
        self.help_button.setToolTip(self.tr("The explanation of this criterion and a field for your comment"))
        self.help_button.setAccessibleName(self.tr("Explanation: %1").replace("%1", criterion.text))
        self.help_button.toggled.connect(self._help_toggled)

        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("criterionComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(
            self.tr("Comment (required for: %1)").replace("%1", ", ".join(criterion.scale.comment_required_for))
            if criterion.scale.comment_required_for
            else self.tr("Comment (optional)")
        )
        self.comment.setAccessibleName(self.tr("Comment on: %1").replace("%1", criterion.text))
        line = self.comment.fontMetrics().lineSpacing()
        self.comment.setFixedHeight(COMMENT_LINES * line + 14)
        self.comment.textChanged.connect(self._comment_changed)
        self.comment.hide()

        self.tools = self.help_button

        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(6, 2, 2, 2)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self._stacked: bool | None = None
        self._place(stacked=False)

    # -- layout --------------------------------------------------------------------------------------

    def _place(self, stacked: bool) -> None:
        """Side by side (text | answers | tools) when there is room, else the answers under the text."""
        if stacked == self._stacked:
            return
        self._stacked = stacked
        for widget in (self.label, self.answers, self.tools, self.help_text, self.comment):
            if widget is not None:
                self.grid.removeWidget(widget)
        top = Qt.AlignmentFlag.AlignTop
        self.grid.addWidget(self.label, 0, 0, top)
        if stacked:
            self.grid.addWidget(self.tools, 0, 1, 1, 1, top)
            self.grid.addWidget(self.answers, 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
            first_free = 2
            span = 2
        else:
            self.grid.addWidget(self.answers, 0, 1, 1, 1, top)
            self.grid.addWidget(self.tools, 0, 2, 1, 1, top)
            first_free = 1
            span = 3
        if self.help_text is not None:
            self.grid.addWidget(self.help_text, first_free, 0, 1, span)
        self.grid.addWidget(self.comment, first_free + 1, 0, 1, span)
        self.grid.setColumnStretch(0, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        beside = event.size().width() - self.answers.sizeHint().width() - self.tools.sizeHint().width() - 24
        self._place(stacked=beside < MIN_TEXT_WIDTH)
        super().resizeEvent(event)

    # -- state ---------------------------------------------------------------------------------------

    def answer(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("answer")) if checked is not None else ""

    def set_answer(self, answer: str, comment: str) -> None:
        for button in self.group.buttons():
            button.setChecked(button.property("answer") == answer)
        self.comment.setPlainText(comment)
        self._update_comment()

    def comment_text(self) -> str:
        return self.comment.toPlainText()

    def comment_needed(self) -> bool:
        return self.criterion.needs_comment(self.answer())

    def _answer_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._update_comment()
            self.changed.emit()

    def _help_toggled(self, on: bool) -> None:
        if self.help_text is not None:
            self.help_text.setVisible(on)
        self._asked_comment = on
        self._update_comment()

    def _comment_changed(self) -> None:
        self._update_comment()
        self.changed.emit()

    def _update_comment(self) -> None:
        """The comment field is there when it is needed, holds text, or the coach asked for it."""
        self.comment.setVisible(self._asked_comment or self.comment_needed() or bool(self.comment.toPlainText()))
