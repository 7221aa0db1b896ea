"""The keys of the current screen, read from the screen itself (F1), and Ctrl+Enter to submit a form.

F1 lists every enabled `QShortcut` of the page on screen (its key as Qt writes it, its `whatsThis` as the
description) plus the keys that a widget handles itself and declares in its `keyHelp` property ("key\tdescription"
lines). Nothing is kept in a separate list, so the overview cannot go stale when a page gets a new key.
The same dialog has the "Over nunrec" part: the version and the status of the conversation guideline, which do
not belong on the coach's working screens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from nunrec_desktop.ui.main_window import MainWindow

KEY_HELP_PROPERTY = "keyHelp"


def declare_keys(widget: QWidget, keys: list[tuple[str, str]]) -> None:
    """For a widget that handles keys in its own keyPressEvent: list them for the F1 overview."""
    widget.setProperty(KEY_HELP_PROPERTY, [f"{key}\t{description}" for key, description in keys])


def key_name(sequence: QKeySequence) -> str:
    """A key as the coach's keyboard names it, in Dutch (Qt's own translation: "Spatiebalk", "Pijl links"),
    and "Enter" for the Return key too: "Ctrl+Enter", never "Ctrl+Return"."""
    return "+".join(
        "Enter" if part == "Return" else part
        for part in sequence.toString(QKeySequence.SequenceFormat.NativeText).split("+")
    )


def keys_of(page: QWidget) -> list[tuple[str, str]]:
    """(key, what it does) for every key that works on `page` now: its shortcuts and declared keys."""
    rows: list[tuple[str, str]] = []
    for shortcut in page.findChildren(QShortcut):
        if not shortcut.isEnabled():
            continue
        key = key_name(shortcut.key())
        if key:
            rows.append((key, shortcut.whatsThis()))
    for widget in [page, *page.findChildren(QWidget)]:
        declared = widget.property(KEY_HELP_PROPERTY)
        if isinstance(declared, list):
            for line in declared:
                key, _, description = str(line).partition("\t")
                rows.append((key, description))
    merged: dict[str, list[str]] = {}  # one row per description: "Pijl links / ,"
    for key, description in rows:
        keys = merged.setdefault(description or f"\0{key}", [])  # an undescribed key keeps its own row
        if key not in keys:
            keys.append(key)
    return [(" / ".join(keys), "" if text.startswith("\0") else text) for text, keys in merged.items()]


def add_shortcut(parent: QWidget, keys: str | QKeySequence | Qt.Key, description: str, slot: object) -> QShortcut:
    """A shortcut that works while the focus is anywhere in `parent`, with its description for F1."""
    shortcut = QShortcut(QKeySequence(keys), parent)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.setWhatsThis(description)
    shortcut.activated.connect(slot)
    return shortcut


class SubmitKeys(QObject):
    """Ctrl+Enter (both Enter keys) presses the form's own submit button, when it is there to press."""

    def __init__(self, form: QWidget, button: QPushButton) -> None:
        super().__init__(form)
        self._button = button
        description = self.tr("Submit the evaluation")
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            add_shortcut(form, keys, description, self._submit)

    def _submit(self) -> None:
        if not (self._button.isVisible() and self._button.isEnabled()):
            return
        self._button.click()
        form = self.parent()
        if QApplication.focusWidget() is None and isinstance(form, QWidget):  # the typed-in field became read-only
            landing = next((b for b in form.findChildren(QPushButton) if b.isVisible() and b.isEnabled()), None)
            (landing or form).setFocus()


class KeyHelpDialog(QDialog):
    """The keys of one screen, and what the coach may want to know about the application."""

    def __init__(
        self, screen_name: str, keys: list[tuple[str, str]], about: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keyHelpDialog")
        self.setWindowTitle(self.tr("Keys and information"))
        heading = QLabel(self.tr("Keys on this screen: %1").replace("%1", screen_name), self)
        heading.setObjectName("sectionTitle")
        self.table = QTableWidget(len(keys), 2, self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap); arrows move in it
        self.table.setObjectName("keyTable")
        self.table.setAccessibleName(self.tr("Keys on this screen"))
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("What it does")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (key, description) in enumerate(keys):
            self.table.setItem(row, 0, QTableWidgetItem(key))
            self.table.setItem(row, 1, QTableWidgetItem(description))
        self.table.resizeColumnToContents(0)
        general = QLabel(
            self.tr(
                "Everywhere: Tab and Shift+Tab move between fields, Space chooses, F1 shows this overview. "
                "The menu on the left: arrow keys, then Enter."
            ),
            self,
        )
        general.setWordWrap(True)
        about_title = QLabel(self.tr("About nunrec"), self)
        about_title.setObjectName("sectionTitle")
        self.about = QLabel(about, self)
        self.about.setObjectName("aboutText")
        self.about.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(self.tr("Close"))
            close.setIcon(QIcon())  # the style's icon covered the first letter, and at 150 % cut the word
            close.setMinimumWidth(close.fontMetrics().horizontalAdvance(close.text()) + 40)
            close.setDefault(True)
        layout = QVBoxLayout(self)
        for widget in (heading, self.table, general, about_title, self.about, buttons):
            layout.addWidget(widget)
        self.resize(620, 520)


class KeyHelp(QObject):
    """F1 in the main window: the keys of the area on screen (read from it), and "Over nunrec"."""

    def __init__(self, window: MainWindow, about: str) -> None:
        super().__init__(window)  # the window owns this helper; no Python reference back to it (no cycle)
        self._about = about
        self.dialog: KeyHelpDialog | None = None
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F1), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.show_help)

    def show_help(self) -> None:
        window = cast("MainWindow", self.parent())
        page = window.pages.currentWidget()
        if page is None or window.is_locked():  # the lock screen shows nothing of the work
            return
        item = window.navigation.currentItem()
        self.dialog = KeyHelpDialog(item.text() if item is not None else "", keys_of(page), self._about, window)
        self.dialog.exec()
        self.dialog = None
