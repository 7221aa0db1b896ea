"""The player's marks: M drops one at the playhead and puts the focus in its note (Enter keeps it, Esc leaves it
bare); the list shows time and note; Enter or a double click edits a note, F2 too, Delete removes a mark, a
right click offers the same. A submitted evaluation is read only: its marks stay as they are and M says why.
The panel owns the marks and speaks through signals: `marks_changed` (the form saves them), `seek_requested`
(the player moves the playhead), `shown` (the waveform draws them) and `refused` (why M did nothing).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import Mark
from nunrec_desktop.ui.flow_layout import wrapping_row
from nunrec_desktop.ui.waveform_view import format_time


class MarksPanel(QWidget):
    marks_changed = Signal()  # added, removed, or a note changed
    seek_requested = Signal(float)  # go to this mark
    shown = Signal(object)  # list[tuple[float, str]]: the marks as the waveform draws them
    note_done = Signal()  # a note was kept with Enter: the keys of the player work again
    refused = Signal(str)  # why no mark was dropped (a submitted evaluation is read only)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marks: list[Mark] = []
        self._editing: int | None = None  # the index of the mark whose note is being typed
        self._note_before = ""
        self._editable = True
        self._loaded = False
        self._locked_reason = ""
        self.list = QListWidget(self)
        self.list.setObjectName("markList")
        self.list.setAccessibleName(self.tr("Marks"))
        self.list.setMinimumHeight(64)
        self.list.setMaximumHeight(120)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu_at)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._chosen)
        for key, action, description in (
            (Qt.Key.Key_Delete, self.delete_selected, self.tr("Remove the chosen mark")),
            (Qt.Key.Key_F2, self.edit_selected, self.tr("Edit the note of the chosen mark")),
        ):
            shortcut = QShortcut(QKeySequence(key), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setWhatsThis(description)
            shortcut.activated.connect(action)
        self.note_label = QLabel(self.tr("Note"), self)
        self.note = QLineEdit(self)
        self.note.setObjectName("markNote")
        self.note.setAccessibleName(self.tr("Note with the mark"))
        self.note_label.setBuddy(self.note)
        self.note.returnPressed.connect(self._keep_note)
        self.note.editingFinished.connect(self._keep_note)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.note)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.setWhatsThis(self.tr("Leave the note as it was"))
        escape.activated.connect(self._leave_note)
        self.mark_button = QPushButton(self.tr("Mark (M)"), self)
        self.delete_button = QPushButton(self.tr("Delete mark"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.notice = QLabel(self)  # why no mark was dropped (a submitted evaluation is read only)
        self.notice.setObjectName("noticeBanner")
        self.notice.setWordWrap(True)
        self.notice.hide()
        hint = QLabel(
            self.tr("M: mark at the playhead  ·  , and .: previous and next mark  ·  Delete: remove the chosen mark"),
            self,
        )
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        title = QLabel(self.tr("Marks"), self)
        title.setObjectName("sectionTitle")
        title.setBuddy(self.list)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        layout.addLayout(note_row)
        layout.addWidget(wrapping_row(self, self.mark_button, self.delete_button))
        layout.addWidget(self.notice)
        self.set_loaded(False)

    # -- what the player tells the panel -----------------------------------------------------------

    def set_loaded(self, loaded: bool) -> None:
        """A call is open (marks can be dropped) or not."""
        self._loaded = loaded
        self.note.setEnabled(loaded and self._editing is not None)
        self._update_buttons()

    def add_mark(self, at_s: float) -> None:
        """A mark at `at_s`; the focus goes to its note (Enter keeps the note, Esc leaves it bare)."""
        if not self._loaded:
            return
        if not self._editable:
            self.notice.setText(self._locked_reason)
            self.notice.show()
            self.refused.emit(self._locked_reason)
            return
        self._keep_note()
        mark = Mark(round(at_s, 2), "")
        self.marks = sorted([*self.marks, mark], key=lambda m: m.at_s)
        index = next(i for i, m in enumerate(self.marks) if m is mark)
        self._refresh()
        self.marks_changed.emit()
        self._begin_note(index, "")

    def set_marks(self, marks: list[Mark]) -> None:
        """Marks kept with the evaluation of this call (restored when a draft is reopened)."""
        if self._editing is not None and len(marks) != len(self.marks):
            self._end_note()
        self.marks = sorted(marks, key=lambda m: m.at_s)
        self._refresh()

    def set_editable(self, editable: bool, reason: str = "") -> None:
        """A submitted (read-only) evaluation takes no new marks and keeps its marks as they are; `reason`
        is said when the coach presses M anyway."""
        self._editable = editable
        self._locked_reason = reason or self.tr(
            "This evaluation is submitted and can only be read, so it takes no new marks. Choose "
            "\u201cNew version (correct)\u201d in the form to change it."
        )
        if not editable:
            self._end_note()
        else:
            self.notice.hide()
        self._update_buttons()

    def editable(self) -> bool:
        return self._editable

    def editing(self) -> int | None:
        """The index of the mark whose note is being typed, if any."""
        return self._editing

    def jump(self, position_s: float, direction: int) -> None:
        """To the next (+1) or previous (-1) mark from `position_s`."""
        if direction > 0:
            later = [i for i, m in enumerate(self.marks) if m.at_s > position_s + 0.05]
            index = later[0] if later else None
        else:
            earlier = [i for i, m in enumerate(self.marks) if m.at_s < position_s - 0.05]
            index = earlier[-1] if earlier else None
        if index is None:
            return
        self.list.setCurrentRow(index)
        self.seek_requested.emit(self.marks[index].at_s)

    # -- editing -----------------------------------------------------------------------------------

    def edit_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.marks) and self._editable:
            self._begin_note(row, self.marks[row].note)

    def delete_selected(self) -> None:
        row = self.list.currentRow()
        if not (0 <= row < len(self.marks)) or not self._editable:
            return
        self._end_note()
        self.marks = [m for i, m in enumerate(self.marks) if i != row]
        self._refresh()
        if self.marks:
            self.list.setCurrentRow(min(row, len(self.marks) - 1))
        self.marks_changed.emit()

    def _begin_note(self, index: int, note: str) -> None:
        self._editing, self._note_before = index, note
        self.list.setCurrentRow(index)
        self.note_label.setText(self.tr("Note at %1").replace("%1", format_time(self.marks[index].at_s, precise=True)))
        self.note.setEnabled(True)
        self.note.setText(note)
        self.note.setFocus()
        self.note.selectAll()

    def _keep_note(self) -> None:
        """Enter (or leaving the field): the typed note is the mark's note."""
        index = self._editing
        if index is None or not (0 <= index < len(self.marks)):
            return
        note = self.note.text().strip()
        changed = note != self.marks[index].note
        self.marks[index] = replace(self.marks[index], note=note)
        self._end_note(back=self.note.hasFocus())
        self._refresh()
        self.list.setCurrentRow(index)
        if changed:
            self.marks_changed.emit()

    def _leave_note(self) -> None:
        """Esc: the mark keeps the note it had (a new mark stays bare)."""
        if self._editing is None:
            return
        self.note.setText(self._note_before)
        self._keep_note()

    def _end_note(self, back: bool = False) -> None:
        self._editing = None
        self.note.blockSignals(True)
        self.note.clear()
        self.note.blockSignals(False)
        self.note.textChanged.emit("")  # the caller-data guard forgets what was being typed
        self.note.setEnabled(False)
        self.note_label.setText(self.tr("Note"))
        if back:
            self.note_done.emit()
        self._update_buttons()

    def _refresh(self) -> None:
        current = self.list.currentRow()
        self.list.clear()
        for index, mark in enumerate(self.marks):
            text = format_time(mark.at_s, precise=True) + (f"  -  {mark.note}" if mark.note else "")
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, mark.at_s)
            item.setToolTip(self.tr("Mark %1").replace("%1", str(index + 1)))
        if 0 <= current < len(self.marks):
            self.list.setCurrentRow(current)
        self.shown.emit([(m.at_s, m.note) for m in self.marks])
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.mark_button.setEnabled(self._loaded)
        self.delete_button.setEnabled(self._loaded and self._editable and bool(self.marks))

    def _chosen(self, item: QListWidgetItem) -> None:
        self.seek_requested.emit(float(item.data(Qt.ItemDataRole.UserRole)))

    def _activated(self, item: QListWidgetItem) -> None:
        """Enter or a double click on a mark: go there and edit its note."""
        self._chosen(item)
        self.edit_selected()

    def _menu_at(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None:
            return
        self.list.setCurrentItem(item)
        menu = QMenu(self.list)
        go = menu.addAction(self.tr("Go to this mark"))
        edit = menu.addAction(self.tr("Edit note"))
        delete = menu.addAction(self.tr("Delete mark"))
        edit.setEnabled(self._editable)
        delete.setEnabled(self._editable)
        go.triggered.connect(lambda: self._chosen(item))
        edit.triggered.connect(self.edit_selected)
        delete.triggered.connect(self.delete_selected)
        menu.popup(self.list.viewport().mapToGlobal(point))
        self._menu = menu  # kept while open (tests find it via QApplication.activePopupWidget())
