"""Python's cyclic garbage collector runs in the GUI thread only.

Qt objects must be destroyed in the thread that owns them. CPython's collector runs in whichever thread
happens to allocate when a threshold is crossed, so a background task (opening the workspace, reading the
store, decoding a call) could collect a widget's wrapper on its own thread and crash the process: seen as
a segmentation fault "Garbage-collecting" on the task runner's thread. `GuiThreadCollector` turns the
automatic collector off and collects from a timer in the GUI thread instead, by the collector's own
generation thresholds, so nothing is kept longer than it would be otherwise.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 300


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        gc.disable()
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the oldest generation whose threshold is passed (as the automatic collector would)."""
        thresholds, counts = gc.get_threshold(), gc.get_count()
        due = [generation for generation in range(3) if counts[generation] > thresholds[generation]]
        return gc.collect(max(due)) if due else 0

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
