"""The employee's own 5A answers while listening together (issue 26, P4): the employee fills in the same form
for their own call on the coach's workstation, before the coach's answers are shown; after submitting, the
answers stand beside the coach's per criterion (where they agree, where not) to talk about. Answers only, no
free text. The desk refuses outside a listening-together session or for another colleague's call."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import NunrecError
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.recordings import VisibleRecording
from nunrec_desktop.services.self_evaluations import Compared, SelfEvaluation
from nunrec_desktop.ui.messages import for_reader


class SelfEvaluationDesk(Protocol):
    def guideline(self) -> Guideline: ...

    def record_self_evaluation(self, recording_id: str, answers: dict[str, str]) -> SelfEvaluation: ...

    def self_comparison(self, recording_id: str) -> list[Compared]: ...


class SelfEvaluationDialog(QDialog):
    def __init__(self, desk: SelfEvaluationDesk, recording: VisibleRecording, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfEvaluationDialog")
        self._desk, self._recording = desk, recording
        self.setWindowTitle(self.tr("The employee's own evaluation"))
        moment = f"{recording.start.astimezone():%d-%m-%Y om %H:%M}"
        intro = QLabel(
            self.tr(
                "The call of %1. The employee fills in the 5A's first; your answers appear after submitting, side "
                "by side. These answers are the employee's, not your evaluation."
            ).replace("%1", moment),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Answers per criterion"))
        self.table.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("Own answer")])
        self._keys: list[str] = []
        for section in desk.guideline().sections:
            for criterion in section.criteria:
                row = self.table.rowCount()
                self.table.insertRow(row)
                self.table.setItem(row, 0, QTableWidgetItem(criterion.text))
                choice = QComboBox(self.table)
                choice.addItem("", "")
                for option in criterion.scale.options:
                    choice.addItem(option, option)
                choice.setAccessibleName(criterion.text)
                self.table.setCellWidget(row, 1, choice)
                self._keys.append(criterion.key)
        self._fit()
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.submit_button = self.buttons.addButton(self.tr("Submit"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.submit_button.clicked.connect(lambda: self._submit())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(760, 560)

    def _fit(self) -> None:
        header = self.table.horizontalHeader()  # the criterion takes the room; answers as wide as they need
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def choices(self) -> dict[str, str]:
        found = {}
        for row, key in enumerate(self._keys):
            widget = self.table.cellWidget(row, 1)
            if isinstance(widget, QComboBox) and widget.currentData():
                found[key] = str(widget.currentData())
        return found

    def _submit(self) -> None:
        try:
            self._desk.record_self_evaluation(self._recording.id, self.choices())
            compared = self._desk.self_comparison(self._recording.id)
        except NunrecError as error:
            self.message.setText(for_reader(error))
            return
        self.table.setColumnCount(4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Criterion"), self.tr("Own answer"), self.tr("Coach"), self.tr("The same?")]
        )
        for row, item in enumerate(compared):
            widget = self.table.cellWidget(row, 1)
            if isinstance(widget, QComboBox):
                widget.setEnabled(False)
            self.table.setItem(row, 2, QTableWidgetItem(item.coach or self.tr("not yet")))
            same = self.tr("yes") if item.same else self.tr("no") if item.coach else ""
            self.table.setItem(row, 3, QTableWidgetItem(same))
        self._fit()
        self.submit_button.setEnabled(False)
        differ = sum(1 for c in compared if c.coach and not c.same)
        if differ == 1:
            text = self.tr("Submitted. You see one criterion differently: talk about it.")
        elif differ:
            text = self.tr("Submitted. You see %1 criteria differently: talk about those.").replace("%1", str(differ))
        else:
            text = self.tr("Submitted. Compare the answers together.")
        self.message.setText(text)
