"""The follow-up of earlier agreements inside the feedback conversation (issue 26): each action still open from
an earlier conversation, with its state to set together with the employee (still open, done, or dropped with a
reason). Saving closes the changed ones through the desk; the service guards the reason for caller data and
audits each change."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from nunrec_desktop.services.conversations import DONE, DROPPED, OPEN, AgreedAction


class ActionsDesk(Protocol):
    def close_action(self, action_id: int, state: str, reason: str = "") -> AgreedAction: ...


class FollowUpPanel(QWidget):
    """One row per open action: what (and by when), a state choice, and a reason when dropped."""

    def __init__(self, actions: list[AgreedAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpPanel")
        self.open_actions = actions
        self.states: list[QComboBox] = []
        self.reasons: list[QLineEdit] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, action in enumerate(actions):
            due = self.tr(" (before %1)").replace("%1", f"{action.due_on:%d-%m-%Y}") if action.due_on else ""
            label = QLabel(f"{action.what}{due}", self)
            label.setWordWrap(True)
            state = QComboBox(self)
            for text, key in ((self.tr("Still open"), OPEN), (self.tr("Done"), DONE), (self.tr("Dropped"), DROPPED)):
                state.addItem(text, key)
            state.setAccessibleName(self.tr("State of: %1").replace("%1", action.what))
            reason = QLineEdit(self)
            reason.setPlaceholderText(self.tr("Why it is dropped"))
            reason.setEnabled(False)
            state.currentIndexChanged.connect(lambda _i, s=state, r=reason: r.setEnabled(s.currentData() == DROPPED))
            grid.addWidget(label, row, 0)
            grid.addWidget(state, row, 1)
            grid.addWidget(reason, row, 2)
            self.states.append(state)
            self.reasons.append(reason)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)

    def changes(self) -> list[tuple[AgreedAction, str, str]]:
        """(action, new state, reason) for each action whose state was changed here."""
        found = []
        for action, state, reason in zip(self.open_actions, self.states, self.reasons, strict=True):
            key = str(state.currentData())
            if key != action.state:
                found.append((action, key, reason.text() if key == DROPPED else ""))
        return found

    def apply(self, desk: ActionsDesk) -> int:
        """Close the changed actions through the desk (the first refusal stops and is raised); how many."""
        changed = self.changes()
        for action, state, reason in changed:
            desk.close_action(action.id, state, reason)
        return len(changed)
