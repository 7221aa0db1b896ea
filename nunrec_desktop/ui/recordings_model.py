"""The recordings list as a Qt table model, with sorting and filtering done in the model itself.

A QSortFilterProxyModel over 100,000 Python rows calls back into Python for every comparison (seconds per
sort, see design.md). Here the sort keys and the search text (employee and id) are computed once per load;
sorting is a stable `list.sort` of row indices (so sorting by one column and then another sorts by both),
and filtering walks that order once. The view is told with a model reset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from nunrec_desktop.domain import call_time
from nunrec_desktop.services.recordings import VisibleRecording

Index = QModelIndex | QPersistentModelIndex
EXPIRY_WARNING_DAYS = 7
COLUMNS = ("start", "duration", "employee", "expires", "evaluated")


@dataclass(frozen=True)
class RecordingFilter:
    employee_id: str | None = None
    first_day: date | None = None
    last_day: date | None = None
    min_duration_s: float = 0.0
    only_not_evaluated: bool = False
    text: str = ""


def _local_midnight(day: date) -> datetime:
    """The start of `day` on this workstation's clock, as an aware datetime."""
    return datetime.combine(day, time.min).astimezone()


def format_duration(seconds: float) -> str:
    return call_time(seconds)


class RecordingsTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[VisibleRecording] = []
        self._starts: list[datetime] = []
        self._members: dict[str, set[int]] = {}
        self._search: list[str] = []
        self._keys: dict[int, list[Any]] = {}
        self._order: list[int] = []
        self._view: list[int] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None  # re-applied to every new load
        self._filter = RecordingFilter()
        self._headers = (
            self.tr("Date and time"),
            self.tr("Duration"),
            self.tr("Employee"),
            self.tr("Disappears in"),
            self.tr("Evaluated"),
        )
        self._yes, self._no, self._today = self.tr("yes"), self.tr("no"), self.tr("today")
        self._days = self.tr("%1 days")
        self._one_day = self.tr("1 day")
        self._warn_background = QBrush(QColor("#fdecea"))
        self._warn_foreground = QBrush(QColor("#8a1c1c"))

    # -- loading, sorting, filtering --------------------------------------------------------------

    def set_recordings(self, rows: list[VisibleRecording]) -> None:
        """Replace all rows (newest first), keeping the current filter; sort and search keys made once here.

        Only cheap per-row work happens here (no time-zone conversion, no formatting): display strings are
        made in `data()` for the few rows on screen.
        """
        self.beginResetModel()
        self._rows = rows
        starts = [r.start for r in rows]
        names = [r.employee_names for r in rows]
        rank = {name: position for position, name in enumerate(sorted(set(names), key=str.lower))}
        self._starts = starts
        self._search = [f"{r.employee_names} {r.id}".lower() for r in rows]
        self._members = {}
        for position, r in enumerate(rows):
            for employee_id in r.employee_ids:
                self._members.setdefault(employee_id, set()).add(position)
        self._keys = {
            0: starts,
            1: [r.duration_s for r in rows],
            2: [rank[name] for name in names],
            3: starts,  # disappears sooner = started earlier
            4: [r.evaluated for r in rows],
        }
        self._order = list(range(len(rows)))
        if self._sorted_by is not None:  # the header's sort arrow keeps telling the truth after a reload
            column, order = self._sorted_by
            self._order.sort(key=self._keys[column].__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self._view = self._filtered()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in range(len(COLUMNS)):
            return
        self._sorted_by = (column, order)
        keys = self._keys.get(column)
        if keys is None:
            return  # nothing loaded yet: the order is applied when the rows arrive
        self.layoutAboutToBeChanged.emit()
        self._order.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self._view = self._filtered()
        self.layoutChanged.emit()

    def set_filter(self, new: RecordingFilter) -> None:
        if new == self._filter:
            return
        self.beginResetModel()
        self._filter = new
        self._view = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[int]:
        f = self._filter
        order = self._order
        if f.employee_id:
            members = self._members.get(f.employee_id, set())
            order = [i for i in order if i in members]
        if f.first_day or f.last_day:
            starts = self._starts
            low = _local_midnight(f.first_day) if f.first_day else None
            high = _local_midnight(f.last_day + timedelta(days=1)) if f.last_day else None
            if low is not None:
                order = [i for i in order if starts[i] >= low]
            if high is not None:
                order = [i for i in order if starts[i] < high]
        if f.min_duration_s > 0:
            durations = self._keys[1]
            order = [i for i in order if durations[i] >= f.min_duration_s]
        if f.only_not_evaluated:
            evaluated = self._keys[4]
            order = [i for i in order if not evaluated[i]]
        needle = f.text.strip().lower()
        if needle:
            search = self._search
            order = [i for i in order if needle in search[i]]
        return order

    # -- what the view asks -----------------------------------------------------------------------

    def recording(self, row: int) -> VisibleRecording:
        return self._rows[self._view[row]]

    def total(self) -> int:
        return len(self._rows)

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._view)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        position = self._view[index.row()]
        rec = self._rows[position]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                d = rec.start.astimezone()
                return f"{d.day:02d}-{d.month:02d}-{d.year} {d.hour:02d}:{d.minute:02d}"
            if column == 1:
                return format_duration(rec.duration_s)
            if column == 2:
                return rec.employee_names + (" ↪" if rec.transferred else "")
            if column == 3:
                days = rec.expires_in_days
                return self._today if days == 0 else self._one_day if days == 1 else self._days.replace("%1", str(days))
            return self._yes if rec.evaluated else self._no
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if rec.expires_in_days < EXPIRY_WARNING_DAYS and column == 3:
            if role == Qt.ItemDataRole.BackgroundRole:
                return self._warn_background
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._warn_foreground
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and rec.transferred:
            return self.tr("Transferred call: only the part of your own employee is shown.")
        if role == Qt.ItemDataRole.UserRole:
            return rec
        return None
