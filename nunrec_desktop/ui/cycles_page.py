"""The coaching-cycles area (P7): one row per coached employee, most urgent first, and "Kies gesprekken",
which draws calls for the selected employee (reproducible; the draw is stored and audited) and lists them
to open in the player. Counts and dates only: no scores, no comparison between employees.

A draw is final unless a reason is given (issue 20): one press makes one draw (the button does nothing while
a draw runs), and replacing a pick or drawing again while picks are open asks why first (ReplaceReasonDialog);
the overview shows how many drawn calls were replaced in the latest cycle."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import call_time
from nunrec_desktop.services.cycles import STATE_DUE, STATE_OVERDUE, CycleStatus
from nunrec_desktop.services.draws import DEFAULT_MIN_DURATION_S, Draw, ReasonNeeded, ReasonRefused, ReplaceReason
from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.replace_reason_dialog import ReplaceReasonDialog
from nunrec_desktop.ui.tasks import TaskRunner

STATE_COLOURS = {STATE_OVERDUE: "#fde3d6", STATE_DUE: "#fff6dc"}
STATE_TEXT = "#1f2a30"  # dark text on those light backgrounds, whatever the palette (contrast >= 4.5)


class CyclesDesk(Protocol):
    """What the cycles page asks of the coach's desk (`services.coach_desk.CoachDesk`)."""

    def cycle_rows(self) -> list[CycleStatus]: ...

    def draw(
        self,
        employee_id: str,
        count: int,
        seed: int | None = None,
        min_duration_s: float = DEFAULT_MIN_DURATION_S,
        reason: ReplaceReason | None = None,
    ) -> Draw: ...

    def replace_draw(self, draw_id: int, recording_id: str, reason: ReplaceReason | None = None) -> Draw: ...

    def latest_draw(self, employee_id: str) -> Draw | None: ...


class CyclesPage(QWidget):
    recording_activated = Signal(object)  # VisibleRecording
    side_by_side_requested = Signal(str)  # employee id

    def __init__(
        self,
        desk: CyclesDesk,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cyclesPage")
        self._desk, self._tasks = desk, tasks
        self.statuses: list[CycleStatus] = []
        self.draw: Draw | None = None
        self._draw_status: CycleStatus | None = None
        self._busy = False  # a draw or a replacement is under way: another press does nothing
        title = QLabel(self.tr("Coaching cycles"), self)
        title.setObjectName("areaTitle")
        subtitle = QLabel(
            self.tr(
                "Every 4 to 6 weeks a few calls per employee: due from week 4, overdue after week 6. Most urgent first."
            ),
            self,
        )
        subtitle.setObjectName("areaSubtitle")
        subtitle.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap); arrows move in it
        self.table.setAccessibleName(self.tr("Employees and their coaching cycle"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Employee"),
                self.tr("Last cycle"),
                self.tr("Status"),
                self.tr("Evaluated in this cycle"),
                self.tr("Replaced"),
                self.tr("Disappearing within 7 days"),
                self.tr("Feedback conversation"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._open_cycle)
        self.draw_button = QPushButton(self.tr("Pick calls"), self)
        self.draw_button.clicked.connect(self.draw_for_selected)
        self.side_by_side_button = QPushButton(self.tr("Side-by-side session..."), self)
        self.side_by_side_button.clicked.connect(self._side_by_side)
        self.picks = QListWidget(self)
        self.picks.setAccessibleName(self.tr("Picked calls"))
        self.picks.itemActivated.connect(lambda item: self.recording_activated.emit(item.data(256)))
        self.replace_button = QPushButton(self.tr("Replace this pick"), self)
        self.replace_button.setToolTip(
            self.tr("Draws another call in its place; the replacement is recorded with the draw.")
        )
        self.replace_button.clicked.connect(lambda: self.replace_selected())
        self.replace_button.hide()
        self.message = QLabel(self)
        self.message.setObjectName("listStatus")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.draw_button)
        row.addWidget(self.side_by_side_button)
        row.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.picks)
        layout.addWidget(self.replace_button, 0, Qt.AlignmentFlag.AlignLeft)

    def reload(self) -> None:
        """Both the overview and a draw read the recording store: off the GUI thread."""
        self._tasks.run(self._desk.cycle_rows, self._show_rows, self._failed, owner=self)

    def _refresh_counts(self) -> None:
        """The overview again (its count of replaced calls), keeping the draw on screen as it is."""
        self._tasks.run(
            self._desk.cycle_rows, lambda rows: self._show_rows(rows, keep_draw=True), self._failed, owner=self
        )

    def _failed(self, error: Exception) -> None:
        self.message.setText(for_reader(error))

    def _show_rows(self, statuses: list[CycleStatus], keep_draw: bool = False) -> None:
        previous = self._draw_status.employee_id if self._draw_status else None
        # The cycle of the selected employee is read again, unless only the counts are refreshed after a draw.
        self._draw_status = next((s for s in statuses if s.employee_id == previous), None) if keep_draw else None
        self.statuses = statuses
        self.table.setRowCount(len(self.statuses))
        for index, status in enumerate(self.statuses):
            cells = (
                status.name,
                f"{status.last_cycle:%d-%m-%Y}" if status.last_cycle else "-",
                status.state,
                self.tr("%1 / %2 evaluated")  # of the target in the running cycle
                .replace("%1", str(status.evaluated_in_current))
                .replace("%2", str(status.target)),
                str(status.replaced_in_latest),  # drawn calls replaced, each with a reason (issue 20)
                str(status.expiring_candidates),
                status.conversation,  # "besproken op ..." / "nog te bespreken": the cycle's loop (P7)
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3) and status.state in STATE_COLOURS:  # the colour beside the words "te laat"
                    item.setBackground(QColor(STATE_COLOURS[status.state]))
                    item.setForeground(QColor(STATE_TEXT))
                self.table.setItem(index, column, item)
        if self.statuses:
            ids = [status.employee_id for status in self.statuses]
            self.table.selectRow(ids.index(previous) if previous in ids else 0)
            if self.table.currentRow() >= 0:
                self._open_cycle()

    def _open_cycle(self) -> None:
        """Selecting an employee opens their cycle: the calls picked for it, and which are evaluated."""
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            return
        status = self.statuses[rows.pop()]
        if self._draw_status is not None and self._draw_status.employee_id == status.employee_id:
            return
        self._draw_status = status
        self._tasks.run(
            lambda: self._desk.latest_draw(status.employee_id),
            lambda draw: self._show_latest(status, draw),
            self._failed,
            owner=self,
        )

    def _show_latest(self, status: CycleStatus, draw: Draw | None) -> None:
        if self._draw_status is not status:
            return  # the coach selected someone else meanwhile
        if draw is None or not draw.picks:
            self.draw = None
            self.picks.clear()
            self.replace_button.hide()
            self.message.setText(
                self.tr("No calls picked for %1 yet. 'Pick calls' draws them.").replace("%1", status.name)
            )
            return
        self._show_draw(status, draw, reopened=True)

    def _selected(self) -> CycleStatus | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            self.message.setText(self.tr("Choose an employee first."))
            return None
        return self.statuses[rows.pop()]

    def _side_by_side(self) -> None:
        status = self._selected()
        if status is not None:
            self.side_by_side_requested.emit(status.employee_id)

    def draw_for_selected(self) -> None:
        """One press, one draw. While the cycle's picks are not all evaluated, drawing again replaces them:
        the coach is asked why first (the service insists as well)."""
        if self._busy:
            return
        status = self._selected()
        if status is None:
            return
        shown = (
            self.draw if self._draw_status is not None and self._draw_status.employee_id == status.employee_id else None
        )
        open_picks = sum(1 for r in shown.picks if not r.evaluated) if shown is not None else 0
        reason = None
        if open_picks:
            reason = self._ask_redraw(status, open_picks)
            if reason is None:
                return
        self._start_draw(status, reason)

    def _ask_redraw(
        self, status: CycleStatus, open_picks: int, problem: str = "", previous: ReplaceReason | None = None
    ) -> ReplaceReason | None:
        explanation = (
            self.tr("%1 calls drawn for %2 are not evaluated yet. Drawing again replaces them.")
            if open_picks != 1
            else self.tr("1 call drawn for %2 is not evaluated yet. Drawing again replaces it.")
        )
        return self._ask(
            explanation.replace("%1", str(open_picks)).replace("%2", status.name),
            self.tr("Draw again"),
            problem,
            previous,
        )

    def _ask(
        self, explanation: str, action: str, problem: str = "", previous: ReplaceReason | None = None
    ) -> ReplaceReason | None:
        self._busy = True  # a second click of a double click lands here, not on a second dialog
        try:
            dialog = ReplaceReasonDialog(explanation, action, self, problem, previous)
            reason = dialog.reason if dialog.exec() else None
        finally:
            self._busy = False
        if reason is None:
            self.message.setText(self.tr("Nothing changed: the drawn calls stay as they are."))
        return reason

    def _start_draw(self, status: CycleStatus, reason: ReplaceReason | None) -> None:
        count = max(1, status.target - status.evaluated_in_current)
        self._set_busy(True)
        self._tasks.run(
            lambda: self._desk.draw(status.employee_id, count, reason=reason),
            lambda draw: self._drawn(status, draw),
            lambda error: self._draw_failed(status, reason, error),
            owner=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.draw_button.setEnabled(not busy)
        self.replace_button.setEnabled(not busy)

    def _drawn(self, status: CycleStatus, draw: Draw) -> None:
        self._set_busy(False)
        self._show_draw(status, draw)
        self._refresh_counts()

    def _draw_failed(self, status: CycleStatus, reason: ReplaceReason | None, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, ReasonNeeded):  # the picks on screen were out of date: ask now
            asked = self._ask_redraw(status, error.open_picks)
            if asked is not None:
                self._start_draw(status, asked)
            return
        if isinstance(error, ReasonRefused):  # e.g. caller data in "anders": ask again, the text kept
            asked = self._ask_redraw(status, 0, str(error), reason)
            if asked is not None:
                self._start_draw(status, asked)
            return
        self._failed(error)

    def replace_selected(self, problem: str = "", previous: ReplaceReason | None = None) -> None:
        if self._busy:
            return
        item = self.picks.currentItem()
        draw, status = self.draw, self._draw_status
        if item is None or draw is None or status is None:
            self.message.setText(self.tr("Choose the pick to replace first."))
            return
        recording = item.data(256)
        local = recording.start.astimezone()
        reason = self._ask(
            self.tr("Replace the call of %1 by another call drawn in its place?").replace(
                "%1", f"{local:%d-%m-%Y %H:%M}"
            ),
            self.tr("Replace"),
            problem,
            previous,
        )
        if reason is None:
            return
        self._set_busy(True)
        self._tasks.run(
            lambda: self._desk.replace_draw(draw.id, recording.id, reason),
            lambda replaced: self._replaced(status, replaced, recording.id),
            lambda error: self._replace_failed(reason, error),
            owner=self,
        )

    def _replaced(self, status: CycleStatus, draw: Draw, recording_id: str) -> None:
        self._set_busy(False)
        self._show_draw(status, draw, replaced_id=recording_id)
        self._refresh_counts()

    def _replace_failed(self, reason: ReplaceReason, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, ReasonRefused):
            self.replace_selected(str(error), reason)
            return
        self._failed(error)

    def _show_draw(
        self, status: CycleStatus, draw: Draw, replaced_id: str | None = None, reopened: bool = False
    ) -> None:
        self.draw, self._draw_status = draw, status
        self.picks.clear()
        self.replace_button.setVisible(bool(draw.picks))
        if not draw.picks:
            self.message.setText(
                self.tr(
                    "No suitable calls for %1 now (at least a minute long, not yet evaluated, visible to you)."
                ).replace("%1", status.name)
            )
            return
        for recording in draw.picks:
            local = recording.start.astimezone()
            text = f"{local:%d-%m-%Y %H:%M}  {call_time(recording.duration_s)}  {recording.employee_names}"
            item = QListWidgetItem(text + (self.tr("  - evaluated") if recording.evaluated else ""))
            item.setData(256, recording)
            self.picks.addItem(item)
        self.picks.setCurrentRow(0)
        made = f"{draw.created_at.astimezone():%d-%m}" if draw.created_at else "-"  # "trekking 3 van 18-11"
        if reopened:
            self.message.setText(
                self.tr("Draw %1 of %2 for %3: %4 of %5 picked calls evaluated. Double-click one to listen.")
                .replace("%1", str(draw.id))
                .replace("%2", made)
                .replace("%3", status.name)
                .replace("%4", str(sum(1 for r in draw.picks if r.evaluated)))
                .replace("%5", str(len(draw.picks)))
            )
            return
        if replaced_id is not None:
            self.message.setText(
                (
                    self.tr("One pick replaced; the replacement is recorded with draw %1 of %2.")
                    if len(draw.replacements) == 1
                    else self.tr("One pick replaced; draw %1 of %2 now has %3 replacements.")
                )
                .replace("%1", str(draw.id))
                .replace("%2", made)
                .replace("%3", str(len(draw.replacements)))
            )
            return
        self.message.setText(  # the seed stays with the draw (reproducible), it is no word for the coach
            (
                self.tr("1 call picked for %2 (draw %3 of %4). Double-click it to listen.")
                if len(draw.picks) == 1
                else self.tr("%1 calls picked for %2 (draw %3 of %4). Double-click one to listen.")
            )
            .replace("%1", str(len(draw.picks)))
            .replace("%2", status.name)
            .replace("%3", str(draw.id))
            .replace("%4", made)
        )
