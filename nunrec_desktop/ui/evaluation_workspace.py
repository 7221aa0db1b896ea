"""The player with the 5A form beside it (or under it, for a narrow screen), split by a visible handle.

The form gets at least 40 % of the width side by side. "Formulier onder de speler" puts it under the player
instead; the choice and the splitter positions are remembered per coach (`ui.layout_memory`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QSplitter, QVBoxLayout, QWidget

from nunrec_desktop.ui.layout_memory import LayoutMemory
from nunrec_desktop.ui.player_page import PlayerPage

FORM_SHARE = 0.6  # of the width side by side (and of the height under the player): all 12 questions in view
NARROW = 900  # below this width (logical pixels) the form starts under the player
PLAYER_MIN_WIDTH = 420
FORM_MIN_WIDTH = 360


class EvaluationWorkspace(QWidget):
    def __init__(
        self,
        player: PlayerPage,
        form: QWidget,
        memory: LayoutMemory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationWorkspace")
        self.player, self.form, self._memory = player, form, memory
        player.setMinimumWidth(PLAYER_MIN_WIDTH)
        form.setMinimumWidth(FORM_MIN_WIDTH)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("playerFormSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(10)
        self.splitter.addWidget(player)
        self.splitter.addWidget(form)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._remember_sizes())
        self.form_below = QCheckBox(self.tr("Form under the player"), self)
        self.form_below.setObjectName("formBelowToggle")
        self.form_below.setToolTip(self.tr("For a narrow screen: the 5A form under the player instead of beside it."))
        self._placed = False  # the first showing decides the default place (when nothing is remembered)
        remembered = memory.flag("form_below") if memory is not None else None
        if remembered is not None:
            self.form_below.setChecked(remembered)
            self._apply_orientation(remembered)
        self.form_below.toggled.connect(self._toggled)
        player.title_row.addWidget(self.form_below)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._placed:
            return
        self._placed = True
        remembered = self._memory.flag("form_below") if self._memory is not None else None
        if remembered is None:
            below = self.width() < NARROW
            self.form_below.blockSignals(True)
            self.form_below.setChecked(below)
            self.form_below.blockSignals(False)
            self._apply_orientation(below)
        self._restore_sizes()

    def _toggled(self, below: bool) -> None:
        self._remember_sizes(not below)  # the sizes of the place the form leaves
        self._apply_orientation(below)
        self._restore_sizes()
        if self._memory is not None:
            self._memory.set_flag("form_below", below)

    def _apply_orientation(self, below: bool) -> None:
        self.splitter.setOrientation(Qt.Orientation.Vertical if below else Qt.Orientation.Horizontal)

    def _state_key(self, below: bool | None = None) -> str:
        below = self.form_below.isChecked() if below is None else below
        # "-2": the compact form of issue 22 needs 60 % of the width; sizes remembered for the old form are let go
        return "splitter_under-2" if below else "splitter_beside-2"

    def _remember_sizes(self, below: bool | None = None) -> None:
        if self._memory is not None and self._placed:
            self._memory.set_bytes(self._state_key(below), self.splitter.saveState())

    def _restore_sizes(self) -> None:
        state = self._memory.bytes_value(self._state_key()) if self._memory is not None else None
        if state is not None and self.splitter.restoreState(state):
            return
        below = self.form_below.isChecked()
        total = self.height() if below else self.width()
        share = FORM_SHARE
        form = max(int(total * share), FORM_MIN_WIDTH if not below else 200)
        self.splitter.setSizes([max(1, total - form), form])
