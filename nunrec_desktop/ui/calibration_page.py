"""Calibration between coaches on the screen (issue 26): the calls shared for calibration that this coach takes
part in, the blind 5A answers per criterion, and once all coaches have submitted the answers side by side with
the result to agree; below, agreement per criterion and Krippendorff's alpha over all calibrations pooled.

A participant opens the shared call into the real player beside the answers ("Gesprek beluisteren"), for this
calibration only: the desk opens it through the policy's own action (every open and every start of playback
audited with the purpose "kalibratie"), only while the calibration is open and the recording within its 30 days;
the player stops on a lock and closes when the result is agreed. The call never enters the coach's recordings.

The employee is never named here (the service does not return who it was; the player says "niet genoemd" where
the name would stand). Shown to coaches only: the IT role has no such area, and a manager has no account at all
(P5). Thin: it asks the desk and shows what comes back.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import NunrecError, call_time
from nunrec_desktop.services.calibrations import CalibrationStats, CalibrationView
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.listening import OpenedRecording
from nunrec_desktop.ui.layout_memory import LayoutMemory
from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.player_page import PlayerFactory, PlayerPage
from nunrec_desktop.ui.tasks import TaskRunner


class CalibrationPageDesk(Protocol):
    def calibrations(self) -> list[CalibrationView]: ...

    def calibration(self, calibration_id: int) -> CalibrationView: ...

    def score_calibration(self, calibration_id: int, answers: dict[str, str]) -> None: ...

    def agree_calibration(self, calibration_id: int, answers: dict[str, str], note: str = "") -> CalibrationView: ...

    def calibration_stats(self) -> CalibrationStats: ...

    def guideline(self) -> Guideline: ...

    def open_calibration_call(self, calibration_id: int) -> OpenedRecording: ...

    def open_recording(self, recording_id: str) -> OpenedRecording: ...

    def before_playback(self, opened: OpenedRecording) -> None: ...


class CalibrationPage(QWidget):
    def __init__(
        self,
        desk: CalibrationPageDesk,
        parent: QWidget | None = None,
        tasks: TaskRunner | None = None,
        player_factory: PlayerFactory | None = None,
        memory: LayoutMemory | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calibrationPage")
        self._desk = desk
        self.view: CalibrationView | None = None
        self.listening_to: int | None = None  # the calibration whose call is in the player
        # The real player, for the shared call only (no player without a task runner and a player factory).
        self.player: PlayerPage | None = None
        if tasks is not None and player_factory is not None:
            self.player = PlayerPage(desk, player_factory, tasks, memory=memory)
            self.player.title.setText(self.tr("Shared call"))
            self.player.info.setText(self.tr('Open the shared call with "Listen to the call".'))
            self.player.marks_panel.hide()  # marks belong to an evaluation; a calibration keeps none
            self.player.set_marks_editable(False, self.tr("A calibration keeps no marks."))
            self.player.blocked_reason = self.tr(
                "This part of the call was answered by another employee: it is not part of the calibration and "
                "is not played. The player went to the nearest part of the shared call."
            )
            self.player.content_layout.setContentsMargins(0, 6, 8, 0)  # inside this page: no area margins
            self.player.hide()
        title = QLabel(self.tr("Calibration between coaches"), self)
        title.setObjectName("areaTitle")
        intro = QLabel(
            self.tr(
                "A call another coach shared for calibration. Fill in the 5A's on your own; the answers of the "
                "others appear once everyone has submitted. The employee is not named."
            ),
            self,
        )
        intro.setObjectName("areaSubtitle")
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Calibrations"))
        self.list.setMaximumHeight(72)
        self.list.currentRowChanged.connect(lambda _row: self._open_current())
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(lambda: self.reload())
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Answers per criterion"))
        self.table.setWordWrap(True)
        # A steady width: a scroll bar that comes and goes would cut a criterion just wrapped to fit.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # Rows follow the criterion column's width (the splitter moves it): whole criteria, never cut off.
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows())
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note with the agreed result (no caller details)"))
        self.note.setAccessibleName(self.tr("Note with the agreed result"))
        self.submit_button = QPushButton(self.tr("Submit my answers"), self)
        self.submit_button.clicked.connect(lambda: self._submit())
        self.agree_button = QPushButton(self.tr("Record the agreed result"), self)
        self.agree_button.clicked.connect(lambda: self._agree())
        self.listen_button = QPushButton(self.tr("Listen to the call"), self)
        self.listen_button.setObjectName("calibrationListen")
        self.listen_button.setToolTip(
            self.tr(
                "Opens the shared call in the player, for this calibration only, until the result is agreed. "
                "Every listen is logged with the purpose calibration."
            )
        )
        self.listen_button.clicked.connect(lambda: self._listen())
        self.listen_button.setVisible(self.player is not None)
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.stats = QLabel(self)
        self.stats.setObjectName("calibrationStats")
        self.stats.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addWidget(self.stats, 1)  # beside the list: the table below keeps its room on a laptop screen
        actions = QVBoxLayout()  # the page's two actions stacked beside the list
        actions.addWidget(self.listen_button)
        actions.addWidget(self.refresh_button)
        actions.addStretch(1)
        top.addLayout(actions)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.agree_button)
        layout = QVBoxLayout(self)
        for widget in (title, intro):
            layout.addWidget(widget)
        layout.addLayout(top)
        layout.addWidget(self.state)
        if self.player is not None:  # the player beside the answers, as the form beside the player elsewhere
            self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
            self.splitter.setChildrenCollapsible(False)
            self.splitter.addWidget(self.player)
            self.splitter.addWidget(self.table)
            self.splitter.setStretchFactor(0, 1)
            self.splitter.setStretchFactor(1, 1)
            layout.addWidget(self.splitter, 1)
        else:
            layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._show(None)

    def reload(self) -> None:
        try:
            views = self._desk.calibrations()
            stats = self._desk.calibration_stats()
        except NunrecError as error:
            self._say(for_reader(error))
            return
        current = self.view.id if self.view else None
        self.list.blockSignals(True)
        self.list.clear()
        for view in views:
            moment = f"{view.call_start.astimezone():%d-%m-%Y om %H:%M}" if view.call_start else "-"
            state = {
                "scoring": self.tr("to fill in") if not view.mine_submitted else self.tr("waiting for the others"),
                "revealed": self.tr("to agree"),
                "agreed": self.tr("agreed"),
            }[view.state]
            item = QListWidgetItem(self.tr("Call of %1 (%2)").replace("%1", moment).replace("%2", state), self.list)
            item.setData(256, view.id)
        self.list.blockSignals(False)
        self.stats.setText(self._stats_text(stats))
        rows = [self.list.item(r).data(256) for r in range(self.list.count())]
        if rows:
            self.list.setCurrentRow(rows.index(current) if current in rows else 0)
            self._open_current()
        else:
            self._show(None)

    def _open_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            self._show(self._desk.calibration(int(item.data(256))))
        except NunrecError as error:
            self._say(for_reader(error))

    def _show(self, view: CalibrationView | None) -> None:
        self.view = view
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("Your answer")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        if self.listening_to is not None and (view is None or view.id != self.listening_to or view.agreed_at):
            self.close_player()  # another calibration, or this one agreed: its call is no longer to be heard
        self.listen_button.setEnabled(view is not None and view.agreed_at is None)
        if view is None:
            self.state.setText(self.tr("No call has been shared for calibration with you."))
            for widget in (self.submit_button, self.agree_button, self.note):
                widget.setEnabled(False)
            return
        length = call_time(view.call_duration_s) if view.call_duration_s is not None else "-"
        if view.state == "scoring":
            text = self.tr("Filled in by %1 of %2 coaches.").replace("%1", str(len(view.submitted)))
            text = text.replace("%2", str(len(view.participants)))
        elif view.state == "revealed":
            text = self.tr("Everyone has filled it in: compare and agree the result.")
        else:
            text = self.tr("The result was agreed.")
        self.state.setText(
            self.tr("Shared by %1, duration %2. ").replace("%1", view.shared_by).replace("%2", length) + text
        )
        options = {c.key: c.scale.options for s in self._desk.guideline().sections for c in s.criteria}
        names = view.participants if view.revealed else []
        headers = [self.tr("Criterion"), *names, self.tr("Agreed") if view.revealed else self.tr("Your answer")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(view.rows))
        editable = (not view.revealed and not view.mine_submitted) or view.state == "revealed"
        for index, row in enumerate(view.rows):
            criterion = QTableWidgetItem(("" if row.same or not view.revealed else "\u2260 ") + row.text)
            criterion.setToolTip(row.text)
            self.table.setItem(index, 0, criterion)
            for column, name in enumerate(names, 1):
                self.table.setItem(index, column, QTableWidgetItem(row.answers.get(name, "")))
            choice = QComboBox(self.table)
            choice.addItem("", "")
            for option in options.get(row.key, ()):
                choice.addItem(option, option)
            if row.agreed:
                choice.setCurrentIndex(choice.findData(row.agreed))
            elif view.revealed and row.same and row.answers:
                choice.setCurrentIndex(choice.findData(next(iter(row.answers.values()))))
            choice.setEnabled(editable)
            choice.setAccessibleName(row.text)
            self.table.setCellWidget(index, len(headers) - 1, choice)
        header = self.table.horizontalHeader()  # the criterion takes the room; answers as wide as they need
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._fit_rows()  # a long criterion wraps onto a second line instead of being cut
        self.submit_button.setEnabled(not view.revealed and not view.mine_submitted)
        self.agree_button.setEnabled(view.state == "revealed")
        self.note.setEnabled(view.state == "revealed")

    def _say(self, text: str) -> None:
        """A message under the buttons; the line takes no room while there is nothing to say."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _fit_rows(self) -> None:
        """Each row as high as its criterion needs at the column's width (Qt's own fit counts the cell's text
        margins differently from its painting and cuts some criteria with "...")."""
        width = max(40, self.table.columnWidth(0) - 14)  # the cell's text margins, with room to spare
        metrics = self.table.fontMetrics()
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is None:
                continue
            text = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text())
            self.table.setRowHeight(row, max(text.height() + 10, metrics.height() + 16))

    def _listen(self) -> None:
        """The shared call into the player, through the desk (the policy decides; audited as "kalibratie")."""
        view, player = self.view, self.player
        if view is None or player is None:
            return
        if view.call_start is None:  # a shared call always has its moment; without one nothing opens
            self._say(self.tr("This call cannot be opened."))
            return
        calibration_id = view.id
        self.listening_to = calibration_id
        if not player.isVisible():  # the player and the answers share the width half and half
            player.show()
            half = max(1, self.splitter.width() // 2)
            self.splitter.setSizes([half, half])
        player.open_unnamed(
            self.tr("employee not named"),
            view.call_start,
            view.call_duration_s or 0.0,
            lambda: self._desk.open_calibration_call(calibration_id),
        )

    def stop(self) -> None:
        """Stop playing (on a lock and at sign-out)."""
        if self.player is not None:
            self.player.stop()

    def close_player(self) -> None:
        """Stop and put the player away; the audio it held goes with the next open."""
        self.listening_to = None
        if self.player is not None:
            self.player.stop()
            self.player.hide()

    def choices(self) -> dict[str, str]:
        assert self.view is not None
        column = self.table.columnCount() - 1
        found = {}
        for index, row in enumerate(self.view.rows):
            widget = self.table.cellWidget(index, column)
            if isinstance(widget, QComboBox) and widget.currentData():
                found[row.key] = str(widget.currentData())
        return found

    def _submit(self) -> None:
        if self.view is None:
            return
        try:
            self._desk.score_calibration(self.view.id, self.choices())
        except NunrecError as error:
            self._say(for_reader(error))
            return
        self._say(self.tr("Your answers are submitted."))
        self.reload()

    def _agree(self) -> None:
        if self.view is None:
            return
        try:
            self._desk.agree_calibration(self.view.id, self.choices(), self.note.text())
        except NunrecError as error:
            self._say(for_reader(error))
            return
        self._say(self.tr("The agreed result is recorded; the spread of the answers is kept."))
        self.reload()

    def _stats_text(self, stats: CalibrationStats) -> str:
        if not stats.calibrations:
            return self.tr("No calibration has been completed yet.")
        lines = [
            self.tr("Over one calibration:")
            if stats.calibrations == 1
            else self.tr("Over %1 calibrations together:").replace("%1", str(stats.calibrations))
        ]
        weakest = [c for c in sorted(stats.criteria, key=lambda c: c.share) if c.share < 1][:2]
        for criterion in weakest:
            lines.append(
                self.tr("%1 % unanimous: %2")
                .replace("%1", str(round(100 * criterion.share)))
                .replace("%2", criterion.text if len(criterion.text) <= 48 else criterion.text[:47] + "\u2026")
            )
        if stats.alpha is None:
            lines.append(self.tr("Krippendorff's alpha: cannot be computed (too little difference in the answers)."))
        elif not stats.enough:
            lines.append(
                self.tr("Krippendorff's alpha (ordinal): %1, on fewer than 10 calibrations: not reliable yet.").replace(
                    "%1", f"{stats.alpha:.2f}".replace(".", ",")
                )
            )
        else:
            lines.append(
                self.tr("Krippendorff's alpha (ordinal): %1").replace("%1", f"{stats.alpha:.2f}".replace(".", ","))
            )
        return "\n".join(lines)
