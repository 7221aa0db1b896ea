"""The audit view for the IT colleague (P12): filter by date, actor, action and object, and "Controleer
keten", which runs the same verification as `nunrec audit verify` and shows the result."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import NunrecError
from nunrec_desktop.services.audit import AuditEntry, ChainReport
from nunrec_desktop.services.audit_words import ACTIONS, action_words, object_words, result_words, role_words
from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.qt_dates import from_qdate, to_qdate
from nunrec_desktop.ui.tasks import TaskRunner

COLUMNS = (
    "occurred_at",
    "actor",
    "role",
    "action",
    "object_type",
    "object_id",
    "result",
    "purpose",
    "detail",
    "origin",
)

WORDS = {"action": action_words, "result": result_words, "role": role_words, "object_type": object_words}


class AuditDesk(Protocol):
    """What the audit page asks of the IT desk (`services.it_desk.ItDesk`)."""

    def search_audit(
        self, actor: str, action: str, object_id: str, since: datetime, until: datetime
    ) -> list[AuditEntry]: ...

    def verify_audit(self) -> ChainReport: ...

    def write_anchor(self, out: Path) -> tuple[ChainReport, int]: ...


class AuditPage(QWidget):
    def __init__(
        self,
        desk: AuditDesk,
        tasks: TaskRunner,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditPage")
        self._desk, self._tasks = desk, tasks
        title = QLabel(self.tr("Audit log"), self)
        title.setObjectName("areaTitle")
        self.first_day, self.last_day = QDateEdit(self), QDateEdit(self)
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.first_day.setDate(to_qdate(today).addDays(-30))
        self.last_day.setDate(to_qdate(today))
        self.actor, self.object_id = QLineEdit(self), QLineEdit(self)
        self.actor.setPlaceholderText(self.tr("User"))
        self.actor.setAccessibleName(self.tr("User"))
        self.action = QComboBox(self)  # Dutch words for the keys the log stores
        self.action.setAccessibleName(self.tr("Action"))
        self.action.addItem(self.tr("All actions"), "")
        for key, words in sorted(ACTIONS.items(), key=lambda kv: kv[1]):
            if self.action.findText(words) < 0:
                self.action.addItem(words, str(key))
        self.object_id.setPlaceholderText(self.tr("Object id"))
        self.object_id.setAccessibleName(self.tr("Object id"))
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.clicked.connect(self.search)
        self.verify_button = QPushButton(self.tr("Check chain"), self)
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.clicked.connect(self.verify)
        self.anchor_file = QLineEdit(self)
        self.anchor_file.setAccessibleName(self.tr("Anchor file"))
        self.anchor_file.setPlaceholderText(self.tr("anchor file outside the database, e.g. on a share"))
        self.anchor_button = QPushButton(self.tr("Write &anchor"), self)
        self.anchor_button.setObjectName("anchorButton")
        self.anchor_button.clicked.connect(self.write_anchor)
        self.chain_result = QLabel(self)
        self.chain_result.setObjectName("chainResult")
        self.chain_result.setWordWrap(True)
        filters = QHBoxLayout()
        for label, day in ((self.tr("From"), self.first_day), (self.tr("To"), self.last_day)):
            caption = QLabel(label, self)
            caption.setBuddy(day)
            filters.addWidget(caption)
            filters.addWidget(day)
        for widget in (self.actor, self.action, self.object_id, self.search_button):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap); arrows move in it
        self.table.setAccessibleName(self.tr("Audit log entries"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("User"),
                self.tr("Role"),
                self.tr("Action"),
                self.tr("Object"),
                self.tr("Object id"),
                self.tr("Result"),
                self.tr("Purpose"),
                self.tr("Details"),
                self.tr("Workstation"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setObjectName("listStatus")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addLayout(filters)
        anchor_row = QHBoxLayout()
        anchor_label = QLabel(self.tr("Anchor file"), self)
        anchor_label.setBuddy(self.anchor_file)
        anchor_row.addWidget(anchor_label)
        anchor_row.addWidget(self.anchor_file, 1)
        anchor_row.addWidget(self.anchor_button)
        anchor_row.addWidget(self.verify_button)  # the chain's two actions together: the filter row fits 1280 px
        layout.addLayout(anchor_row)
        layout.addWidget(self.chain_result)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def search(self) -> None:
        first = datetime.combine(from_qdate(self.first_day.date()), time.min).astimezone()
        last = datetime.combine(from_qdate(self.last_day.date()), time.max).astimezone()
        try:
            entries = self._desk.search_audit(
                self.actor.text().strip(), str(self.action.currentData()), self.object_id.text().strip(), first, last
            )
        except NunrecError as error:
            self.status.setText(for_reader(error))
            return
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, name in enumerate(COLUMNS):
                value = str(getattr(entry, name))
                if name == "occurred_at":
                    value = datetime.fromisoformat(value).astimezone().strftime("%d-%m-%Y %H:%M:%S")
                elif name in WORDS:
                    value = WORDS[name](value)
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.status.setText(
            self.tr("1 entry") if len(entries) == 1 else self.tr("%1 entries").replace("%1", str(len(entries)))
        )

    def verify(self) -> None:
        self.chain_result.setText(self.tr("Checking the chain..."))
        self._tasks.run(
            self._desk.verify_audit,
            self._verified,
            lambda error: self.chain_result.setText(for_reader(error)),
            owner=self,
        )

    def write_anchor(self) -> None:
        text = self.anchor_file.text().strip()
        if not text:
            self.chain_result.setText(self.tr("Give the file the anchor is appended to."))
            return
        out = Path(text).expanduser()
        self.chain_result.setText(self.tr("Checking the chain..."))
        self._tasks.run(
            lambda: self._desk.write_anchor(out),
            self._anchored,
            lambda error: self.chain_result.setText(for_reader(error)),
            owner=self,
        )

    def _anchored(self, result: tuple[ChainReport, int]) -> None:
        report, seq = result
        self._verified(report)
        if seq:
            self.chain_result.setText(
                self.chain_result.text()
                + " "
                + self.tr("Anchor of entry %1 appended to %2.")
                .replace("%1", str(seq))
                .replace("%2", self.anchor_file.text())
            )

    def _verified(self, report: ChainReport) -> None:
        if report.intact:
            self.chain_result.setProperty("intact", True)
            self.chain_result.setText(
                self.tr("The chain is intact: %1 entries checked.").replace("%1", str(report.checked))
            )
        else:
            self.chain_result.setProperty("intact", False)
            self.chain_result.setText(
                self.tr("The chain is NOT intact from entry %1: %2")
                .replace("%1", str(report.first_bad_seq))
                .replace("%2", report.reason)
            )
        self.chain_result.style().unpolish(self.chain_result)
        self.chain_result.style().polish(self.chain_result)
