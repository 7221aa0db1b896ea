"""The application's last line of defence: an unexpected error is logged with its traceback and the person
at the screen sees one Dutch sentence, never a traceback or a silent failure.

Installed by the GUI entry point (`run_application`), never at import time: `sys.excepthook` (errors in
slots, timers and event handlers on the GUI thread), `threading.excepthook` (errors in other threads) and
`faulthandler` (hard crashes: a segfault in a C library, an abort) into `<workspace>/logs/crash.log`.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from nunrec_desktop.settings import SETTINGS_FILE

log = logging.getLogger("nunrec_desktop.ui.errors")

CRASH_LOG = "crash.log"


class ErrorHooks(QObject):
    """Owns the installed hooks; `uninstall` puts the previous ones back (tests, and at exit)."""

    _report = Signal(str)  # an error's class name, delivered on the GUI thread

    def __init__(self, log_folder: Path | None) -> None:
        super().__init__()
        self.message_box: QMessageBox | None = None
        self._log_folder = log_folder
        self._crash_file: IO[str] | None = None
        self._previous_excepthook = sys.excepthook
        self._previous_threading_hook = threading.excepthook
        # From another thread this arrives queued; from the GUI thread `_report_later` defers it, so the
        # message never opens inside the failing handler. No Qt.ConnectionType here: see _show.
        self._report.connect(self._report_later)

    def install(self) -> ErrorHooks:
        sys.excepthook = self._excepthook
        threading.excepthook = self._threading_hook
        if self._log_folder is not None:
            try:
                self._log_folder.mkdir(parents=True, exist_ok=True)
                self._crash_file = (self._log_folder / CRASH_LOG).open("a", encoding="utf-8")
                faulthandler.enable(self._crash_file, all_threads=True)
            except OSError:
                log.warning("crash log could not be opened; hard crashes are not recorded", exc_info=True)
        return self

    def uninstall(self) -> None:
        sys.excepthook = self._previous_excepthook
        threading.excepthook = self._previous_threading_hook
        if self._crash_file is not None:
            faulthandler.disable()
            self._crash_file.close()
            self._crash_file = None

    def _excepthook(self, kind: type[BaseException], error: BaseException, traceback: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("unexpected error on the GUI thread", exc_info=(kind, error, traceback))
        self._report.emit(kind.__name__)

    def _threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        log.error("unexpected error in thread %s", name, exc_info=args.exc_value)  # its traceback is attached
        self._report.emit(args.exc_type.__name__)

    def _report_later(self, kind: str) -> None:
        QTimer.singleShot(0, lambda: self._show(kind))

    def _show(self, _kind: str) -> None:
        from PySide6.QtCore import Qt  # not at import: see `first Qt use` in ui/application.py

        text = self.tr(
            "Something unexpected went wrong. Try again; if it keeps happening, give IT the log file "
            "(logs/nunrec.log in the workspace)."
        )
        if self.message_box is not None and self.message_box.isVisible():
            return  # one message at a time, not a cascade
        parent = QApplication.activeWindow()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Unexpected error"), text, QMessageBox.StandardButton.Ok)
        if isinstance(parent, QWidget):
            box.setParent(parent, box.windowFlags())
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        box.show()
        self.message_box = box


def install_error_hooks(log_folder: Path | None) -> ErrorHooks:
    return ErrorHooks(log_folder).install()


def log_folder_of(root: Path) -> Path | None:
    """The workspace's log folder when `root` is a workspace (a crash log may go there), else None."""
    with contextlib.suppress(OSError):
        if (root / SETTINGS_FILE).is_file():
            return root / "logs"
    return None
