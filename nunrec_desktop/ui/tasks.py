"""Runs service calls off the GUI thread, one at a time, and hands results back on the GUI thread.

After Anki's task manager: a single worker thread (database and store work is serialised anyway), and
callbacks that always run on the thread that owns the runner, so widgets are only touched there.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from shiboken6 import Shiboken

from nunrec_desktop.domain import NunrecError
from nunrec_desktop.ui.messages import for_reader

T = TypeVar("T")
log = logging.getLogger(__name__)


class UnexpectedTaskError(NunrecError):
    """What a screen receives instead of an unexpected exception: one Dutch sentence; the cause is logged."""


class TaskRunner(QObject):
    _done = Signal(object, object)  # ((owner, callback), argument), delivered on the runner's thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nunrec-task")
        self._connected = False
        self._lock = threading.Lock()
        self._unfinished: set[Future[Any]] = set()
        self._closed = False
        self.pending = 0

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None],
        on_error: Callable[[Exception], None],
        owner: QObject | None = None,
    ) -> None:
        """Run `work` in the background; the callbacks run here later, unless `owner` was deleted by then.
        After `shutdown` nothing runs any more: a screen that asks (a late callback reloading a list) is ignored."""
        if self._closed:
            log.info("background work asked for after shutdown was not started")
            return
        if not self._connected:  # on first use, not when built: see `first Qt use` in ui/application.py
            from PySide6.QtCore import Qt

            # Always queued: even a task that finished before its callback was attached reports later, never
            # re-entrantly inside run().
            self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
            self._connected = True
        self.pending += 1

        def finished(future: Future[T]) -> None:
            with self._lock:
                self._unfinished.discard(future)
            if future.cancelled():  # dropped at shutdown (`cancel_futures`)
                self._done.emit((None, _ignore), None)
                return
            error = future.exception()
            if error is None:
                self._done.emit((owner, on_success), future.result())
            elif isinstance(error, NunrecError):
                self._done.emit((owner, on_error), error)
            elif isinstance(error, Exception):
                log.error("unexpected error in a background task", exc_info=error)
                self._done.emit((owner, on_error), self._unexpected(error))

        future = self._executor.submit(work)
        with self._lock:
            self._unfinished.add(future)
        future.add_done_callback(finished)

    def settle(self, timeout: float = 75.0) -> bool:
        """Wait until the work asked for so far has run, so that nothing a session asked for happens after it
        ended (sign-out is then the session's last entry in the audit trail). Nothing is dropped: a queued
        erasure or the end of a side-by-side session still happens. Their callbacks come later (owners deleted
        by then are skipped). The default timeout outlasts the store's own 60 s deadline. False if it timed out.
        """
        with self._lock:
            unfinished = set(self._unfinished)
        _, still_running = wait(unfinished, timeout=timeout)
        if still_running:
            log.warning("%d background task(s) still running %s s after sign-out", len(still_running), timeout)
        return not still_running

    def _unexpected(self, error: Exception) -> UnexpectedTaskError:
        wrapped = UnexpectedTaskError(for_reader(error))  # the one plain sentence for anything unexpected
        wrapped.__cause__ = error
        return wrapped

    def _deliver(self, target: tuple[QObject | None, Callable[[Any], None]], argument: Any) -> None:
        self.pending -= 1
        owner, callback = target
        if owner is not None and not Shiboken.isValid(owner):
            return  # e.g. the coach signed out while the list was loading
        callback(argument)

    def shutdown(self) -> None:
        self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)


def _ignore(_: object) -> None:
    """The callback of work that was dropped before it started."""
