"""The coach's recordings list: filters, a sortable table, and honest loading, error and notice states.

Loading runs on the task runner (off the GUI thread); a store error shows a Dutch message with a retry
button. No caller number appears anywhere: the service does not even hand one over.

Long because its filters (employee, period, duration typed as minutes or m:ss, text) each validate their own
input in place; the table model lives in `ui.recordings_model`.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import NunrecError
from nunrec_desktop.services.coach_desk import DraftSummary
from nunrec_desktop.services.recordings import RecordingList, VisibleRecording
from nunrec_desktop.ui.flow_layout import wrapping_row
from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.qt_dates import from_qdate, to_qdate
from nunrec_desktop.ui.recordings_model import RecordingFilter, RecordingsTableModel
from nunrec_desktop.ui.tasks import TaskRunner

SEARCH_DEBOUNCE_MS = 250


def parse_minutes_seconds(text: str) -> int | None:
    """ "1:30" -> 90, "2" -> 120 (whole minutes), "0:45" -> 45, and without the colon "200" -> 2:00 and
    "130" -> 1:30 (three or four digits are minutes and seconds); None when it is not m:ss."""
    text = text.strip()
    if text.isdigit() and 3 <= len(text) <= 4:
        text = f"{text[:-2]}:{text[-2:]}"
    minutes, colon, seconds = text.partition(":")
    if not minutes.isdigit() or (colon and not (seconds.isdigit() and len(seconds) <= 2 and int(seconds) < 60)):
        return None
    return int(minutes) * 60 + (int(seconds) if colon else 0)


class DurationSpinBox(QSpinBox):
    """Seconds shown and typed as m:ss ("1:30"), like every duration in the app; the arrows step by 30 s."""

    def textFromValue(self, value: int) -> str:
        return f"{value // 60}:{value % 60:02d}"

    def valueFromText(self, text: str) -> int:
        parsed = parse_minutes_seconds(text)
        return self.value() if parsed is None else parsed

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        parsed = parse_minutes_seconds(text)
        if parsed is not None and self.minimum() <= parsed <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        if all(ch.isdigit() or ch == ":" for ch in text.strip()) and text.count(":") <= 1:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos


class RecordingsDesk(Protocol):
    """What the recordings page asks of the coach's desk (`services.coach_desk.CoachDesk`)."""

    def recordings(self) -> RecordingList: ...

    def draft_recording_ids(self) -> list[str]: ...

    def live_drafts(self) -> list[DraftSummary]: ...

    def listen_together(self, employee_id: str | None) -> None: ...


class RecordingsPage(QWidget):
    recording_activated = Signal(object)  # VisibleRecording
    live_draft_requested = Signal(object)  # DraftSummary: carry on with a side-by-side session's form
    loaded = Signal()
    listening_mode_changed = Signal(object)  # the employee id while listening together with them, else None
    self_evaluation_requested = Signal(object)  # VisibleRecording: the employee fills in their own 5A's (issue 26)

    def __init__(self, desk: RecordingsDesk, tasks: TaskRunner, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordingsPage")
        self._desk = desk
        self._tasks = tasks
        self.model = RecordingsTableModel(self)

        title = QLabel(self.tr("Recordings"), self)
        title.setObjectName("areaTitle")
        subtitle = QLabel(
            self.tr("Inbound calls on the general number, answered by the employees you coach, younger than 30 days."),
            self,
        )
        subtitle.setObjectName("areaSubtitle")
        subtitle.setWordWrap(True)

        self.employee = QComboBox(self)
        self.employee.setObjectName("employeeFilter")
        self.employee.addItem(self.tr("All employees"), None)
        self.first_day = QDateEdit(self)
        self.last_day = QDateEdit(self)
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.first_day.setDate(to_qdate(today).addDays(-31))
        self.last_day.setDate(to_qdate(today))
        self.min_duration = DurationSpinBox(self)
        self.min_duration.setObjectName("minDuration")
        self.min_duration.setRange(0, 3600)
        self.min_duration.setSingleStep(30)
        self.min_duration.setAccessibleName(self.tr("Minimum duration (minutes:seconds)"))
        self.min_duration.setToolTip(self.tr("Only calls at least this long, e.g. 1:30"))
        self.not_evaluated = QCheckBox(self.tr("Only not yet evaluated"), self)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Search by employee or id"))
        self.search.setAccessibleName(self.tr("Search by employee or id"))
        self.search.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.reload)
        self.together_button = QPushButton(self.tr("Listen together with this employee..."), self)
        self.together_button.clicked.connect(self.start_listening_together)
        self.listening_banner = QFrame(self)
        self.listening_banner.setObjectName("listeningBanner")
        self.listening_text = QLabel(self.listening_banner)
        self.end_listening_button = QPushButton(self.tr("End session"), self.listening_banner)
        self.end_listening_button.clicked.connect(self.end_listening_together)
        self.own_view_button = QPushButton(self.tr("Employee's own evaluation..."), self.listening_banner)
        self.own_view_button.clicked.connect(lambda: self._request_own_view())
        banner_layout = QHBoxLayout(self.listening_banner)
        banner_layout.addWidget(self.listening_text, 1)
        banner_layout.addWidget(self.own_view_button)
        banner_layout.addWidget(self.end_listening_button)
        self.listening_banner.hide()
        self.listening_with: str | None = None

        pairs: list[QWidget] = []
        for label, widget in (
            (self.tr("Employee"), self.employee),
            (self.tr("From"), self.first_day),
            (self.tr("To"), self.last_day),
            (self.tr("At least"), self.min_duration),
        ):
            pair = QWidget(self)
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            caption = QLabel(label, pair)
            caption.setBuddy(widget)
            pair_layout.addWidget(caption)
            pair_layout.addWidget(widget)
            pairs.append(pair)
        filters = wrapping_row(self, *pairs, self.not_evaluated, spacing=12)  # wraps on a narrow window
        self.search.setMinimumWidth(180)
        search_row = QHBoxLayout()
        search_row.setSpacing(8)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(wrapping_row(self, self.refresh_button, self.together_button))

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(6)
        self.progress.setTextVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("listStatus")

        self.error_banner = QFrame(self)
        self.error_banner.setObjectName("errorBanner")
        self.error_text = QLabel(self.error_banner)
        self.error_text.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Try again"), self.error_banner)
        self.retry_button.clicked.connect(self.reload)
        banner = QHBoxLayout(self.error_banner)
        banner.addWidget(self.error_text, 1)
        banner.addWidget(self.retry_button)
        self.error_banner.hide()

        self.notice = QLabel(self)
        self.notice.setObjectName("noticeBanner")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.drafts_banner = QFrame(self)
        self.drafts_banner.setObjectName("draftsBanner")
        self.drafts_text = QLabel(self.drafts_banner)
        self.drafts_text.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("Continue"), self.drafts_banner)
        self.resume_button.clicked.connect(self._resume_draft)
        drafts_layout = QHBoxLayout(self.drafts_banner)
        drafts_layout.addWidget(self.drafts_text, 1)
        drafts_layout.addWidget(self.resume_button)
        self.drafts_banner.hide()
        self._draft_ids: list[str] = []
        self._live_drafts: list[DraftSummary] = []

        self.empty_state = QFrame(self)
        self.empty_state.setObjectName("emptyState")
        self.empty_text = QLabel(self.empty_state)
        self.empty_text.setWordWrap(True)
        self.clear_filters_button = QPushButton(self.tr("Clear filters"), self.empty_state)
        self.clear_filters_button.setObjectName("clearFilters")
        self.clear_filters_button.clicked.connect(self.clear_filters)
        empty_layout = QHBoxLayout(self.empty_state)
        empty_layout.addWidget(self.empty_text, 1)
        empty_layout.addWidget(self.clear_filters_button)
        self.empty_state.hide()
        self._today = today

        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap); arrows move in it
        self.table.setObjectName("recordingsTable")
        self.table.setAccessibleName(self.tr("Recordings"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (1, 80), (3, 140), (4, 110)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda index: self.recording_activated.emit(self.model.recording(index.row())))
        self.table.activated.connect(lambda index: self.recording_activated.emit(self.model.recording(index.row())))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.listening_banner)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(filters)
        layout.addLayout(search_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.notice)
        layout.addWidget(self.drafts_banner)
        layout.addWidget(self.empty_state)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.employee.currentIndexChanged.connect(self._apply_filter)
        self.first_day.dateChanged.connect(self._apply_filter)
        self.last_day.dateChanged.connect(self._apply_filter)
        self.min_duration.valueChanged.connect(self._apply_filter)
        self.not_evaluated.toggled.connect(self._apply_filter)
        self.loading = False

    def reload(self) -> None:
        if self.loading:
            return
        self.loading = True
        self.progress.show()
        self.error_banner.hide()
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Loading recordings from the recording store..."))
        self._tasks.run(self._desk.recordings, self._loaded, self._failed, owner=self)

    def _loaded(self, listing: RecordingList) -> None:
        self.loading = False
        self.progress.hide()
        self.refresh_button.setEnabled(True)
        self._fill_employees(listing.items)
        self.model.set_recordings(listing.items)
        self._apply_filter()
        if listing.skipped:
            self.notice.setText(
                self.tr(
                    "1 item in the recording store was incomplete or unreadable and was skipped. "
                    "IT can find the details in the workspace log."
                )
                if len(listing.skipped) == 1
                else self.tr(
                    "%1 items in the recording store were incomplete or unreadable and were skipped. "
                    "IT can find the details in the workspace log."
                ).replace("%1", str(len(listing.skipped)))
            )
            self.notice.show()
        else:
            self.notice.hide()
        self._update_status()
        self.offer_drafts(self._desk.draft_recording_ids(), self._desk.live_drafts())
        self.loaded.emit()

    def start_listening_together(self) -> None:
        """P4: only the chosen employee's own calls are listed and can be opened until the session ends."""
        employee_id = self.employee.currentData()
        if not employee_id:
            self.status.setText(self.tr("Choose the employee first (filter 'Employee')."))
            return
        self.listening_with = employee_id
        self.listening_text.setText(self.tr("Listening session with %1").replace("%1", self.employee.currentText()))
        self.listening_banner.show()
        self.employee.setEnabled(False)
        self.together_button.setEnabled(False)
        self._desk.listen_together(employee_id)
        self.listening_mode_changed.emit(employee_id)
        self.reload()

    def _request_own_view(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.status.setText(self.tr("Choose the call first."))
            return
        self.self_evaluation_requested.emit(self.model.recording(index.row()))

    def end_listening_together(self) -> None:
        self.listening_with = None
        self.listening_banner.hide()
        self.employee.setEnabled(True)
        self.together_button.setEnabled(True)
        self._desk.listen_together(None)
        self.listening_mode_changed.emit(None)
        self.reload()

    def offer_drafts(self, recording_ids: list[str], live: list[DraftSummary] | None = None) -> None:
        """Unfinished evaluations (e.g. after a crash): offer to continue with the newest one. A side-by-side
        session waiting for its 5A form is a draft as well; a call's draft is offered first."""
        self._draft_ids = [r for r in recording_ids if self._row_of(r) is not None]
        self._live_drafts = list(live or [])
        total = len(self._draft_ids) + len(self._live_drafts)
        if not total:
            self.drafts_banner.hide()
            return
        if self._draft_ids:
            recording = self.model.recording(self._row_of(self._draft_ids[0]) or 0)
            local = recording.start.astimezone()
            text = (
                self.tr("You have 1 unfinished evaluation: %2, call of %3.")
                if total == 1
                else self.tr("You have %1 unfinished evaluations. The newest: %2, call of %3.")
            )
            name = recording.employee_names
        else:
            draft = self._live_drafts[0]
            started = draft.evaluation.call_start or draft.evaluation.updated_at
            local = started.astimezone()
            text = (
                self.tr("You have 1 unfinished evaluation: %2, side-by-side session of %3.")
                if total == 1
                else self.tr("You have %1 unfinished evaluations. The newest: %2, side-by-side session of %3.")
            )
            name = draft.employee_name
        self.drafts_text.setText(
            text.replace("%1", str(total))
            .replace("%2", name)
            .replace("%3", f"{local.day:02d}-{local.month:02d} {local.hour:02d}:{local.minute:02d}")
        )
        self.drafts_banner.show()

    def _row_of(self, recording_id: str) -> int | None:
        return next((r for r in range(self.model.rowCount()) if self.model.recording(r).id == recording_id), None)

    def _resume_draft(self) -> None:
        if not self._draft_ids and self._live_drafts:
            self.drafts_banner.hide()
            self.live_draft_requested.emit(self._live_drafts[0])
            return
        if self._draft_ids:
            row = self._row_of(self._draft_ids[0])
            if row is not None:
                self.drafts_banner.hide()
                self.recording_activated.emit(self.model.recording(row))

    def _failed(self, error: Exception) -> None:
        self.loading = False
        self.progress.hide()
        self.refresh_button.setEnabled(True)
        text = (
            for_reader(error)
            if isinstance(error, NunrecError)
            else self.tr("The recordings could not be loaded because of an unexpected error (%1).").replace(
                "%1", type(error).__name__
            )
        )
        self.error_text.setText(text)
        self.error_banner.show()
        self.status.setText(self.tr("No recordings loaded."))

    def _fill_employees(self, items: list[VisibleRecording]) -> None:
        current = self.employee.currentData()
        seen: dict[str, str] = {}
        for item in items:
            for employee_id, name in zip(item.employee_ids, item.employee_names.split(", "), strict=False):
                seen.setdefault(employee_id, name)
        self.employee.blockSignals(True)
        self.employee.clear()
        self.employee.addItem(self.tr("All employees"), None)
        for employee_id, name in sorted(seen.items(), key=lambda kv: kv[1]):
            self.employee.addItem(name, employee_id)
        self.employee.setCurrentIndex(max(0, self.employee.findData(current)))
        self.employee.blockSignals(False)

    def _apply_filter(self) -> None:
        self.model.set_filter(
            RecordingFilter(
                employee_id=self.employee.currentData(),
                first_day=from_qdate(self.first_day.date()),
                last_day=from_qdate(self.last_day.date()),
                min_duration_s=float(self.min_duration.value()),
                only_not_evaluated=self.not_evaluated.isChecked(),
                text=self.search.text(),
            )
        )
        self._update_status()

    def clear_filters(self) -> None:
        """Back to every recording of the last 31 days: all employees, any length, no search text."""
        for widget in (self.employee, self.first_day, self.last_day, self.min_duration, self.not_evaluated):
            widget.blockSignals(True)
        if self.employee.isEnabled():  # while listening together the employee stays fixed (P4)
            self.employee.setCurrentIndex(0)
        self.first_day.setDate(to_qdate(self._today).addDays(-31))
        self.last_day.setDate(to_qdate(self._today))
        self.min_duration.setValue(0)
        self.not_evaluated.setChecked(False)
        for widget in (self.employee, self.first_day, self.last_day, self.min_duration, self.not_evaluated):
            widget.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._debounce.stop()
        self._apply_filter()
        self.table.setFocus()

    def _update_status(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if total == 0:
            text = self.tr("No recordings")
        elif shown == total:
            text = self.tr("1 recording") if total == 1 else self.tr("%1 recordings").replace("%1", str(total))
        else:
            text = self.tr("%1 of %2 recordings").replace("%1", str(shown)).replace("%2", str(total))
        self.status.setText(text)
        if self.loading:
            return
        if shown == 0 and total > 0:
            self.empty_text.setText(self.tr("No recordings found with these filters."))
            self.clear_filters_button.show()
            self.empty_state.show()
        elif total == 0:
            self.empty_text.setText(
                self.tr(
                    "There are no recordings (younger than 30 days) of the employees you coach yet. "
                    "Try again later with 'Refresh'."
                )
            )
            self.clear_filters_button.hide()
            self.empty_state.show()
        else:
            self.empty_state.hide()
