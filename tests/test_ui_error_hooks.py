"""Finding 10 of issue 14 (the GUI): an unexpected error in a slot, a timer or a thread is logged with its
traceback, the screen shows one Dutch sentence, and a hard crash leaves its trace in logs/crash.log."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from nunrec_desktop.app import configure_logging
from nunrec_desktop.settings import load_workspace
from nunrec_desktop.ui.error_hooks import ErrorHooks, install_error_hooks
from nunrec_desktop.ui.translations import install_translators


@pytest.fixture
def hooks(qapp: QApplication, workspace_dir: Path) -> Iterator[ErrorHooks]:
    translators = install_translators(qapp)
    configure_logging(load_workspace(workspace_dir))
    installed = install_error_hooks(workspace_dir / "logs")
    yield installed
    installed.uninstall()
    if installed.message_box is not None:
        installed.message_box.close()
    for translator in translators:
        qapp.removeTranslator(translator)
    logger = logging.getLogger("nunrec_desktop")
    for handler in [h for h in logger.handlers if getattr(h, "nunrec_workspace_log", False)]:
        logger.removeHandler(handler)
        handler.close()


def _log(workspace_dir: Path) -> str:
    return (workspace_dir / "logs" / "nunrec.log").read_text(encoding="utf-8")


def test_an_error_in_a_clicked_slot_is_logged_and_told_in_dutch(
    qtbot: QtBot, hooks: ErrorHooks, workspace_dir: Path
) -> None:
    button = QPushButton("Doe iets")
    qtbot.addWidget(button)
    button.show()

    def broken_slot() -> None:
        raise ValueError("slot-went-wrong")

    button.clicked.connect(broken_slot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hooks.message_box is not None and hooks.message_box.isVisible(), timeout=5_000)
    assert hooks.message_box is not None
    assert hooks.message_box.text().startswith("Er ging iets onverwachts mis.")
    assert "ValueError" not in hooks.message_box.text()
    logged = _log(workspace_dir)
    assert "unexpected error on the GUI thread" in logged and "Traceback" in logged
    assert "ValueError: slot-went-wrong" in logged


def test_an_error_in_a_thread_is_logged(qtbot: QtBot, hooks: ErrorHooks, workspace_dir: Path) -> None:
    def broken() -> None:
        raise KeyError("thread-went-wrong")

    thread = threading.Thread(target=broken, name="nunrec-test-thread")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: hooks.message_box is not None and hooks.message_box.isVisible(), timeout=5_000)
    assert "unexpected error in thread nunrec-test-thread" in _log(workspace_dir)
    assert "KeyError: 'thread-went-wrong'" in _log(workspace_dir)


def test_importing_the_gui_installs_nothing() -> None:
    probe = (
        "import sys, threading, faulthandler\n"
        "import nunrec_desktop.ui.application, nunrec_desktop.ui.error_hooks, nunrec_desktop.cli\n"
        "assert sys.excepthook is sys.__excepthook__, sys.excepthook\n"
        "assert threading.excepthook is threading.__excepthook__\n"
        "assert not faulthandler.is_enabled()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def test_the_entry_point_logs_an_error_from_a_timer(workspace_dir: Path) -> None:
    """The real entry point (`run_gui` -> `run_application`): a timer's exception lands in the workspace log,
    not on stderr."""
    script = f"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from nunrec_desktop.clock import system_clock
from nunrec_desktop.gui import run_gui

app = QApplication(sys.argv[:1])

state = dict(raised=False, polls=0)

def poll():  # raise once the sign-in window can be used (the workspace is open), then wait for the box
    state["polls"] += 1
    login = [w for w in app.topLevelWidgets() if type(w).__name__ == "LoginWindow"]
    if not state["raised"] and login and login[0].button.isEnabled():
        state["raised"] = True
        raise RuntimeError("timer-went-wrong")
    boxes = [w for w in app.topLevelWidgets() if w.isVisible() and w.windowTitle() == "Onverwachte fout"]
    if boxes or state["polls"] > 600:
        print("BOX:" + (boxes[0].text() if boxes else "none"))
        app.quit()

timer = QTimer()
timer.timeout.connect(poll)
timer.start(100)
sys.exit(run_gui(Path({str(workspace_dir)!r}), keyring_factory=lambda: None, clock=system_clock))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "BOX:Er ging iets onverwachts mis." in done.stdout
    logged = _log(workspace_dir)
    assert "RuntimeError: timer-went-wrong" in logged and "Traceback" in logged
    assert (workspace_dir / "logs" / "crash.log").exists()


def test_a_hard_crash_is_written_to_the_crash_log(tmp_path: Path) -> None:
    script = f"""
import faulthandler
from pathlib import Path
from PySide6.QtWidgets import QApplication
from nunrec_desktop.ui.error_hooks import install_error_hooks

app = QApplication([])
install_error_hooks(Path({str(tmp_path / "logs")!r}))
faulthandler._sigsegv()
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    crash = (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "Segmentation fault" in crash and "File " in crash
