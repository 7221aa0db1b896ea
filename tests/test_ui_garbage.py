"""The cyclic garbage collector runs in the GUI thread only (ui/garbage.py): a Qt object must never be
destroyed on a worker thread."""

from __future__ import annotations

import gc
import threading
import weakref

from pytestqt.qtbot import QtBot

from nunrec_desktop.ui.garbage import GuiThreadCollector


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def test_the_collector_runs_on_a_gui_timer_and_not_in_other_threads(qtbot: QtBot) -> None:
    enabled_before = gc.isenabled()
    gc.enable()
    collector = GuiThreadCollector(interval_ms=20)
    try:
        assert not gc.isenabled()  # no automatic collection in whichever thread allocates
        collected_in: list[str] = []

        class Watched(Node):
            def __del__(self) -> None:
                collected_in.append(threading.current_thread().name)

        first, second = Watched(), Node()
        first.other, second.other = second, first  # a cycle: only the cyclic collector frees it
        alive = weakref.ref(first)
        del first, second

        kept: list[Node] = []

        def allocate_in_a_worker() -> None:  # enough new objects to pass the first threshold, off the GUI thread
            kept.extend(Node() for _ in range(3 * gc.get_threshold()[0]))

        worker = threading.Thread(target=allocate_in_a_worker, name="worker")
        worker.start()
        worker.join()
        assert alive() is not None  # the worker's allocations collected nothing
        qtbot.waitUntil(lambda: alive() is None, timeout=3000)
        assert collected_in == [threading.main_thread().name]
    finally:
        collector.stop()
        assert gc.isenabled()  # as it was when the collector started
        if not enabled_before:
            gc.disable()
