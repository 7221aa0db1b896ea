"""Autosave timing: save a moment after the typing pauses, and never later than a maximum wait after the first
unsaved change, so that continuous typing is saved too (a plain restart-on-every-key timer never fires while
the coach keeps typing, and a killed process would lose it all).

With the defaults a change is handed to the save at most `MAX_WAIT_MS` after it was typed; the save itself (one
small SQLite transaction on the task runner) takes milliseconds, so it is in the database well within 2 s.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

QUIET_MS = 700  # a pause in typing this long saves
MAX_WAIT_MS = 1200  # ... and no change waits longer than this for its save


class Debounce(QObject):
    """Calls `action` `quiet_ms` after the last `changed()`, or `max_wait_ms` after the first one since the
    last call, whichever comes first."""

    def __init__(
        self,
        action: Callable[[], None],
        parent: QObject | None = None,
        quiet_ms: int = QUIET_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._action = action
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(quiet_ms)
        self._quiet.timeout.connect(self.fire)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(max_wait_ms)
        self._deadline.timeout.connect(self.fire)

    def changed(self) -> None:
        self._quiet.start()  # restarts: waits for a pause ...
        if not self._deadline.isActive():  # ... but the deadline runs from the first unsaved change
            self._deadline.start()

    def pending(self) -> bool:
        return self._quiet.isActive() or self._deadline.isActive()

    def stop(self) -> None:
        self._quiet.stop()
        self._deadline.stop()

    def fire(self) -> None:
        self.stop()
        self._action()
