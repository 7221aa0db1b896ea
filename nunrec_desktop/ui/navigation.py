"""The side menu: a list of the work areas that reacts to the arrow keys and Enter only.

A QListWidget jumps to the first item that starts with a typed letter ("type-ahead"). Text that the coach
meant for a field, typed after Tab had moved into the menu, then switched the area (to "Verwijderverzoeken")
and the text was lost. Here typed text does nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QWidget


class NavigationList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Main menu"))

    def keyboardSearch(self, search: str) -> None:
        """No type-ahead: letters typed here are not a way to choose an area."""
