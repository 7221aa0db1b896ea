"""Choosing what goes into the feedback PDF (P5, P7): the employee's submitted evaluations, per cycle, ticked
on by default for the most recent cycle; the coach ticks them on or off and reads beforehand what the
employee will read: how many calls, marks, tops and tips, and the agreed actions (or that the conversation
is still to come)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import NunrecError
from nunrec_desktop.services.reports import FeedbackData
from nunrec_desktop.ui.messages import for_reader

ID_ROLE = 256


class FeedbackChoiceDesk(Protocol):
    def feedback_candidates(self, employee_id: str) -> FeedbackData: ...

    def feedback_preview(self, employee_id: str, evaluation_ids: list[int] | None = None) -> FeedbackData: ...


class FeedbackChoiceDialog(QDialog):
    def __init__(self, desk: FeedbackChoiceDesk, employee_id: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackChoiceDialog")
        self._desk, self._employee_id = desk, employee_id
        self.setWindowTitle(self.tr("What goes into the feedback"))
        intro = QLabel(
            self.tr(
                "Tick the evaluations that go into the feedback for %1. By default: those of the most recent cycle."
            ).replace("%1", name),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("feedbackSummary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.write_button = self.buttons.addButton(self.tr("Write the PDF..."), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(720, 520)
        self.error = ""
        try:
            candidates = desk.feedback_candidates(employee_id)
            default = {c.evaluation.id for c in desk.feedback_preview(employee_id).calls}
        except NunrecError as error:
            self.error = for_reader(error)
            candidates, default = None, set()
        if candidates is not None:
            labels = {
                info.cycle.id: self.tr("cycle of %1").replace("%1", f"{info.cycle.started_at.astimezone():%d-%m-%Y}")
                for info in candidates.cycle_infos
            }
            for call in reversed(candidates.calls):
                evaluation = call.evaluation
                moment = (evaluation.call_start or evaluation.updated_at).astimezone().strftime("%d-%m-%Y %H:%M")
                kind = self.tr("side-by-side") if evaluation.live else self.tr("call")
                cycle = labels.get(evaluation.cycle_id or -1, self.tr("no cycle"))
                version = self.tr("version %1").replace("%1", str(evaluation.revision))
                item = QListWidgetItem(f"{moment}  {kind}  ({cycle}, {version})")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if evaluation.id in default else Qt.CheckState.Unchecked)
                item.setData(ID_ROLE, evaluation.id)
                self.list.addItem(item)
        self.list.itemChanged.connect(lambda _item: self._summarise())
        self._summarise()

    def chosen_ids(self) -> list[int]:
        return [
            int(self.list.item(row).data(ID_ROLE))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _summarise(self) -> None:
        ids = self.chosen_ids()
        self.write_button.setEnabled(bool(ids))
        if self.error:
            self.summary.setText(self.error)
            return
        if not ids:
            self.summary.setText(self.tr("Nothing ticked: tick at least one evaluation."))
            return
        try:
            data = self._desk.feedback_preview(self._employee_id, ids)
        except NunrecError as error:
            self.summary.setText(for_reader(error))
            return
        contents = [c.evaluation.content for c in data.calls]
        marks = sum(len(c.marks) for c in contents)
        tops = sum(1 for c in contents if c.tops.strip())
        tips = len({c.tips.strip() for c in contents if c.tips.strip()})
        text = (
            self.tr("The employee will read: %1 call(s) from %2 to %3, %4 mark(s), %5 time(s) tops, %6 tip(s).")
            .replace("%1", str(len(data.calls)))
            .replace("%2", f"{data.first_day:%d-%m-%Y}")
            .replace("%3", f"{data.last_day:%d-%m-%Y}")
            .replace("%4", str(marks))
            .replace("%5", str(tops))
            .replace("%6", str(tips))
        )
        if data.conversation is not None:
            text += " " + self.tr("Agreed actions (conversation of %1): %2.").replace(
                "%1", f"{data.conversation.held_on:%d-%m-%Y}"
            ).replace("%2", "; ".join(data.conversation.agreements) or "-")
        else:
            text += " " + self.tr("Agreed actions: none yet; the PDF says the conversation is still to come.")
        self.summary.setText(text)
