"""Recording the feedback conversation of a cycle (P7): the date, the agreements for the next cycle (one per
line), the employee's own reaction (optional), and whether they agree with the feedback or on what not. The
service checks every text for caller data and refuses it with the finding named; the dialog stays open with
that sentence, and nothing is stored. Escape or "Annuleren" with typed text asks first whether to throw it away.

Issue 26: an agreement line may end in " | dd-mm-jjjj" (the date it is for); a tick says the agreements were
confirmed with the employee; the agreements still open from earlier conversations are followed up here
(`agreed_actions_panel.FollowUpPanel`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import InvalidInput, NunrecError
from nunrec_desktop.services.coaching_cycles import Cycle
from nunrec_desktop.services.conversations import ActionInput, AgreedAction, Conversation
from nunrec_desktop.ui.agreed_actions_panel import FollowUpPanel
from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.qt_dates import from_qdate, to_qdate


class ConversationDesk(Protocol):
    def record_conversation(
        self,
        employee_id: str,
        held_on: date,
        agreements: list[str],
        reaction: str = "",
        agrees: bool | None = None,
        disagreement: str = "",
        cycle_id: int | None = None,
        actions: Sequence[ActionInput] = (),
        confirmed: bool = False,
    ) -> Conversation: ...

    def agreed_actions(self, employee_id: str) -> list[AgreedAction]: ...

    def close_action(self, action_id: int, state: str, reason: str = "") -> AgreedAction: ...


def parse_agreement(line: str) -> ActionInput:
    """ "Ask one extra question | 15-12-2026": the text and, after the last "|", the date it is for."""
    what, bar, when = line.rpartition("|")
    if not bar:
        return ActionInput(line)
    try:
        return ActionInput(what, datetime.strptime(when.strip(), "%d-%m-%Y").date())
    except ValueError:
        raise InvalidInput(f"Schrijf de datum van een afspraak als dd-mm-jjjj na een |: {when.strip()[:20]}") from None


class ConversationDialog(QDialog):
    def __init__(
        self,
        desk: ConversationDesk,
        employee: tuple[str, str],
        cycle: Cycle,
        existing: Conversation | None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conversationDialog")
        self._desk, self._employee, self._cycle = desk, employee, cycle
        self.outcome = ""
        self.setWindowTitle(self.tr("The feedback conversation"))
        intro = QLabel(
            self.tr(
                "The conversation with %1 about the cycle of %2. What you agree here comes back on the next "
                "cycle's form and in the Dialog pack. Write no caller details."
            )
            .replace("%1", employee[1])
            .replace("%2", f"{cycle.started_at.astimezone():%d-%m-%Y}"),
            self,
        )
        intro.setWordWrap(True)
        self.held_on = QDateEdit(to_qdate(existing.held_on if existing else today), self)
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("dd-MM-yyyy")
        self.held_on.setMaximumDate(to_qdate(today))
        self.agreements = QPlainTextEdit(self)
        self.agreements.setPlaceholderText(
            self.tr("One agreement per line, e.g. 'Ask one extra question | 15-12-2026' (the date is optional)")
        )
        self.agreements.setTabChangesFocus(True)
        self.agreements.setMaximumHeight(90)
        self.reaction = QPlainTextEdit(self)
        self.reaction.setPlaceholderText(self.tr("The employee's own words (optional)"))
        self.reaction.setTabChangesFocus(True)
        self.reaction.setMaximumHeight(90)
        self.agree_yes = QRadioButton(self.tr("Agrees with the feedback"), self)
        self.agree_no = QRadioButton(self.tr("Does not agree"), self)
        self.agree_unknown = QRadioButton(self.tr("Not said"), self)
        group = QButtonGroup(self)
        for button in (self.agree_yes, self.agree_no, self.agree_unknown):
            group.addButton(button)
        self.disagreement = QLineEdit(self)
        self.disagreement.setPlaceholderText(self.tr("On what not?"))
        self.confirmed = QCheckBox(self.tr("Gone through and confirmed with the employee"), self)
        earlier = [a for a in desk.agreed_actions(employee[0]) if a.open and a.cycle_id != cycle.id]
        self.follow_up = FollowUpPanel(earlier, self)
        if existing is not None:
            self.agreements.setPlainText(
                "\n".join(f"{a.what} | {a.due_on:%d-%m-%Y}" if a.due_on else a.what for a in existing.actions)
                or "\n".join(existing.agreements)
            )
            self.confirmed.setChecked(bool(existing.actions) and all(a.confirmed for a in existing.actions))
            self.reaction.setPlainText(existing.reaction)
            self.disagreement.setText(existing.disagreement)
        agrees = existing.agrees if existing else None
        (self.agree_yes if agrees is True else self.agree_no if agrees is False else self.agree_unknown).setChecked(
            True
        )
        self.agree_no.toggled.connect(self._update)
        self._typed_at_start = self._typed()
        agree_row = QHBoxLayout()
        for button in (self.agree_yes, self.agree_no, self.agree_unknown):
            agree_row.addWidget(button)
        agree_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.held_on)
        if earlier:
            form.addRow(self.tr("Earlier agreements, how did they go?"), self.follow_up)
        else:
            self.follow_up.hide()
        form.addRow(self.tr("Agreements for the next cycle"), self.agreements)
        form.addRow("", self.confirmed)
        form.addRow(self.tr("Reaction of the employee"), self.reaction)
        form.addRow(self.tr("The employee's view"), agree_row)
        form.addRow(self.tr("Disagrees on"), self.disagreement)
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(620, 460)
        self._update()

    def _typed(self) -> tuple[str, str, str]:
        return (self.agreements.toPlainText(), self.reaction.toPlainText(), self.disagreement.text())

    def reject(self) -> None:
        """Escape or "Annuleren": when something was typed, ask before it is thrown away."""
        if self._typed() != self._typed_at_start:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(self.tr("Discard what you typed?"))
            box.setText(self.tr("You typed in this conversation. Close it without saving what you typed?"))
            discard = box.addButton(self.tr("Close without saving"), QMessageBox.ButtonRole.DestructiveRole)
            stay = box.addButton(self.tr("Keep typing"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(stay)
            box.setEscapeButton(stay)
            box.exec()
            if box.clickedButton() is not discard:
                return
        super().reject()

    def _update(self) -> None:
        self.disagreement.setEnabled(self.agree_no.isChecked())

    def save(self) -> None:
        agrees = True if self.agree_yes.isChecked() else False if self.agree_no.isChecked() else None
        try:
            actions = [parse_agreement(line) for line in self.agreements.toPlainText().splitlines() if line.strip()]
            self.follow_up.apply(self._desk)  # first: a refused reason stores nothing of the conversation yet
            recorded = self._desk.record_conversation(
                self._employee[0],
                from_qdate(self.held_on.date()),
                [],
                self.reaction.toPlainText(),
                agrees,
                self.disagreement.text() if agrees is False else "",
                self._cycle.id,
                actions,
                self.confirmed.isChecked(),
            )
        except NunrecError as error:
            self.message.setProperty("kind", "error")
            self.message.style().polish(self.message)
            self.message.setText(for_reader(error))
            return
        self.outcome = (
            self.tr("Conversation of %1 recorded: %2 agreement(s).")
            .replace("%1", f"{recorded.held_on:%d-%m-%Y}")
            .replace("%2", str(len(recorded.agreements)))
        )
        self.accept()
