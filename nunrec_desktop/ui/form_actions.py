"""The 5A form's bottom row: "Indienen", "Volgende open vraag", "Nieuwe versie (corrigeren)" and, after a
submit, the next chosen call of the cycle and the way back to the list; beside them the live line that says
what is still open. It owns the next chosen call it offers and speaks through signals; the form decides when
to submit, revise or go to the next open question (issue 22: one widget per job).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nunrec_desktop.services.recordings import VisibleRecording


def _restyle(widget: QWidget, name: str, value: str) -> None:
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class FormActions(QWidget):
    submit_requested = Signal()
    next_open_requested = Signal()
    revise_requested = Signal()
    next_call_requested = Signal(object)  # VisibleRecording: the next chosen call of the cycle
    back_to_list_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._next_recording: VisibleRecording | None = None
        self.submit_button = QPushButton(self.tr("Submit"), self)
        self.submit_button.setObjectName("submitButton")
        self.submit_button.clicked.connect(self.submit_requested)
        self.next_open_button = QPushButton(self.tr("Next open question"), self)
        self.next_open_button.setObjectName("nextOpenButton")
        self.next_open_button.clicked.connect(self.next_open_requested)
        self.revise_button = QPushButton(self.tr("New version (correct)"), self)
        self.revise_button.clicked.connect(self.revise_requested)
        self.next_call_button = QPushButton(self.tr("Next chosen call"), self)
        self.next_call_button.setObjectName("nextCallButton")
        self.next_call_button.clicked.connect(self._next_call)
        self.back_button = QPushButton(self.tr("Back to the list"), self)
        self.back_button.clicked.connect(self.back_to_list_requested)
        for button in (self.next_call_button, self.back_button):
            button.hide()
        self.progress_line = QLabel(self)  # what is still open, beside the buttons (two lines kept for it)
        self.progress_line.setObjectName("progressLine")
        self.progress_line.setWordWrap(True)
        line_place = QWidget(self)
        line_layout = QVBoxLayout(line_place)
        line_layout.setContentsMargins(0, 0, 0, 0)
        line_layout.addWidget(self.progress_line)
        line_place.setFixedHeight(2 * self.progress_line.fontMetrics().lineSpacing() + 4)
        self.line_place = line_place
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for button in (
            self.submit_button,
            self.next_open_button,
            self.revise_button,
            self.next_call_button,
            self.back_button,
        ):
            layout.addWidget(button)
        layout.addWidget(line_place, 1)

    def set_editable(self, editable: bool) -> None:
        """A draft can be submitted; a submitted evaluation can become a new version."""
        self.submit_button.setVisible(editable)
        self.revise_button.setVisible(not editable)
        self.progress_line.setVisible(editable)
        self.next_open_button.setVisible(editable)
        if editable:
            self.next_call_button.hide()
            self.back_button.hide()

    def show_progress(self, text: str, ready: bool, anything_open: bool) -> None:
        self.progress_line.setText(text)
        _restyle(self.progress_line, "kind", "ready" if ready else "open")
        self.next_open_button.setEnabled(anything_open)

    def offer_next_steps(self, for_a_call: bool, next_recording: VisibleRecording | None) -> None:
        """After submitting a call: the next chosen call of the cycle (if one is left) and the way back; the
        focus goes to the first of them a moment later."""
        self._next_recording = next_recording
        if for_a_call:
            self.next_call_button.setVisible(True)
            self.next_call_button.setEnabled(next_recording is not None)
            self.next_call_button.setToolTip(
                ""
                if next_recording is not None
                else self.tr("Every chosen call of this cycle is evaluated (or no calls were chosen).")
            )
            self.back_button.setVisible(True)
        QTimer.singleShot(0, self, self._focus_next_step)  # tied to this widget: never after it is gone

    def _focus_next_step(self) -> None:
        button = self.next_call_button if self._next_recording is not None else self.back_button
        if button.isVisible():
            button.setFocus()

    def _next_call(self) -> None:
        if self._next_recording is not None:
            self.next_call_requested.emit(self._next_recording)
