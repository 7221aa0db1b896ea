"""Where each coach left the windows: window geometry, splitter positions and the form's place (beside or
under the player), in `layout.ini` inside the workspace (QSettings, INI format), one group per user name.
Only sizes and choices are kept there, never content or caller data."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

LAYOUT_FILE = "layout.ini"


class LayoutMemory:
    def __init__(self, workspace_root: Path, user_name: str) -> None:
        self._settings = QSettings(str(workspace_root / LAYOUT_FILE), QSettings.Format.IniFormat)
        self._group = "user-" + re.sub(r"[^A-Za-z0-9_.-]", "_", user_name)

    def _key(self, name: str) -> str:
        return f"{self._group}/{name}"

    def bytes_value(self, name: str) -> QByteArray | None:
        value = self._settings.value(self._key(name))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, name: str, value: QByteArray) -> None:
        self._settings.setValue(self._key(name), value)

    def flag(self, name: str) -> bool | None:
        value = self._settings.value(self._key(name))
        if value is None:
            return None
        return str(value).lower() in ("true", "1")

    def set_flag(self, name: str, value: bool) -> None:
        self._settings.setValue(self._key(name), "true" if value else "false")

    def sync(self) -> None:
        self._settings.sync()


def show_remembered(window: QWidget, memory: LayoutMemory | None) -> None:
    """Show the window where this coach left it; the first time, as large as fits the screen (maximised on
    a laptop screen such as 1366x768), never larger than the screen."""
    geometry = memory.bytes_value("window") if memory is not None else None
    if geometry is not None and window.restoreGeometry(geometry):
        screen = window.screen().availableGeometry()
        normal = window.normalGeometry()
        if not window.isMaximized() and not screen.contains(normal):  # left on a larger screen: fit this one
            window.resize(min(normal.width(), screen.width() - 80), min(normal.height(), screen.height() - 80))
            window.move(screen.center() - window.rect().center())
        window.show()
        return
    screen = window.screen().availableGeometry()
    # The size it gets when the coach un-maximises it: within the screen, never Qt's default (which can be
    # larger than a laptop screen); a window title bar still needs its room above it.
    window.resize(min(1600, screen.width() - 80), min(1000, screen.height() - 80))
    window.move(screen.center() - window.rect().center())
    if screen.width() < 1500 or screen.height() < 900:
        window.showMaximized()
        return
    window.show()
