"""The line at the top of the 5A form that says which coaching cycle the evaluation counts for (P7), with what
was agreed for it in the previous feedback conversation folded to a button that opens it; and the question
before submitting when no cycle runs ("start a new cycle?"), so that no cycle ever starts by surprise."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolButton, QWidget

from nunrec_desktop.domain import InvalidInput, NunrecError
from nunrec_desktop.services.coach_desk import CycleOutlook
from nunrec_desktop.services.coaching_cycles import CycleDecisionNeeded
from nunrec_desktop.services.evaluations import Evaluation
from nunrec_desktop.ui.messages import for_reader


class OutlookDesk(Protocol):
    def cycle_outlook(self, evaluation: Evaluation) -> CycleOutlook: ...

    def submit(self, evaluation_id: int, start_cycle: bool | None = False) -> Evaluation: ...


class CycleLine(QLabel):
    """ "Counts for: cycle of 12-11-2026 (not drawn)" and the agreements of the last conversation."""

    def __init__(self, desk: OutlookDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cycleLine")
        self.setWordWrap(True)
        self._desk = desk
        self.outlook: CycleOutlook | None = None
        # What was agreed for this cycle, at the top of the form's body: it scrolls with the form, so that on a
        # laptop screen the questions keep their room (the form places it).
        self.agreements = QLabel(parent)
        self.agreements.setObjectName("agreedBox")
        self.agreements.setWordWrap(True)
        self.agreements.hide()
        # Folded to one button beside the line: the questions keep their room until the coach opens it.
        self.agreements_toggle = QToolButton(parent)
        self.agreements_toggle.setObjectName("agreementsToggle")
        self.agreements_toggle.setCheckable(True)
        self.agreements_toggle.setAccessibleName(self.tr("Agreements of the last conversation"))
        self.agreements_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.agreements_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.agreements_toggle.toggled.connect(self._fold)
        self.agreements_toggle.hide()
        self.hide()

    def _fold(self, opened: bool) -> None:
        self.agreements.setVisible(opened and bool(self.agreements.text()))
        self.agreements_toggle.setArrowType(Qt.ArrowType.DownArrow if opened else Qt.ArrowType.RightArrow)

    def show_for(self, evaluation: Evaluation) -> None:
        try:
            outlook = self._desk.cycle_outlook(evaluation)
        except NunrecError as error:
            self.outlook = None
            self.agreements.hide()
            self.agreements_toggle.hide()
            self.setText(for_reader(error))
            self.show()
            return
        self.outlook = outlook
        cycle = outlook.cycle
        if cycle is None:
            text = (
                self.tr("Counts for no cycle.")
                if outlook.decided
                else self.tr("No coaching cycle is running for this employee: submitting asks whether to start one.")
            )
        else:
            when = f"{cycle.started_at.astimezone():%d-%m-%Y}"
            text = self.tr("Counts for: the cycle of %1").replace("%1", when)
            if outlook.drawn is False:
                text += self.tr(" (not drawn)")
            elif outlook.drawn:
                text += self.tr(" (drawn)")
            if cycle.discussed_on is not None:
                text += self.tr(", discussed on %1").replace("%1", f"{cycle.discussed_on:%d-%m-%Y}")
            text += "."
        if outlook.open_actions:  # agreed in earlier conversations and still open: ask how they went
            head = self.tr("Open agreements, ask how they went:")
            lines = [head]
            for action in outlook.open_actions:
                due = self.tr(" (before %1)").replace("%1", f"{action.due_on:%d-%m-%Y}") if action.due_on else ""
                agreed_on = self.tr(", agreed on %1").replace("%1", f"{action.agreed_on:%d-%m-%Y}")
                lines.append(f"\u2022 {action.what}{due}{agreed_on}")
            self.agreements.setText("\n".join(lines))
            count = len(outlook.open_actions)
            self.agreements_toggle.setText(
                self.tr("1 agreement") if count == 1 else self.tr("%1 agreements").replace("%1", str(count))
            )
            self.agreements_toggle.setToolTip(head)
            self.agreements_toggle.setAccessibleName(head)
            self.agreements_toggle.show()
            self._fold(self.agreements_toggle.isChecked())
        else:
            self.agreements.clear()
            self.agreements.hide()
            self.agreements_toggle.hide()
        self.setText(text)
        self.show()

    def submit(self, evaluation_id: int) -> Evaluation:
        """Submit; when the draft is ready but no cycle runs, ask the coach first (`CycleDecisionNeeded`).
        Cancelling the question raises `InvalidInput` with a sentence for the form's message."""
        try:
            return self._desk.submit(evaluation_id, None)
        except CycleDecisionNeeded:
            focus = QApplication.focusWidget()
            start = self.ask_start()
            if focus is not None:
                focus.activateWindow()  # the keyboard carries on where it was (the question took the focus)
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)  # activation lands
                focus.setFocus()
        if start is None:
            raise InvalidInput(self.tr("Not submitted yet: choose whether a new cycle starts."))
        return self._desk.submit(evaluation_id, start)

    def ask_start(self) -> bool | None:
        """True to start a new cycle, False to submit without one, None to wait."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Start a coaching cycle?"))
        box.setText(
            self.tr(
                "No coaching cycle is running for this employee. Start a new cycle with this evaluation? "
                "Otherwise it counts for no cycle; you can move it to a cycle later."
            )
        )
        start = box.addButton(self.tr("Start a new cycle"), QMessageBox.ButtonRole.AcceptRole)
        without = box.addButton(self.tr("Submit without a cycle"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(start)
        box.exec()
        clicked = box.clickedButton()
        if clicked is start:
            return True
        if clicked is without:
            return False
        return None
