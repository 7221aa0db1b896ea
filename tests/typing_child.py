"""A child process for the SIGKILL typing test: the real application (offscreen Qt) on a prepared workspace,
signed in as the coach, typing `text` into one real widget with real Qt key events at `interval` seconds a
key, printing "key <index> <monotonic time>" after each, until the parent kills it.

    python tests/typing_child.py WORKSPACE NOW_ISO TARGET TEXT INTERVAL

TARGET is "form" (the 5A notes beside the player), "live-notes" (the side-by-side free notes) or
"observation" (the note of a side-by-side observation, opened with the key 2).
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from nunrec_desktop.adapters.audio.playback import ClockOutput
from nunrec_desktop.gui import gui_controller
from nunrec_desktop.ui.live_session_page import LiveSessionPage
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.recordings_page import RecordingsPage
from tests.conftest import TEST_PASSWORD, MemoryKeyring


def wait_for(app: QApplication, condition: object, seconds: float = 20.0) -> None:
    assert callable(condition)
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out while preparing: {getattr(condition, '__code__', condition)}")
        app.processEvents()
        time.sleep(0.01)


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def main() -> None:
    root, now_iso, target, text, interval = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
    now = datetime.fromisoformat(now_iso)
    app = QApplication(sys.argv[:1])
    keyring = MemoryKeyring()
    controller = gui_controller(
        root, keyring_factory=lambda: keyring, clock=lambda: now, output_factory=lambda: ClockOutput(lambda: now)
    )
    controller.start()
    wait_for(app, controller.login.button.isEnabled)
    QTest.keyClicks(controller.login.username, "marieke")
    QTest.keyClicks(controller.login.password, TEST_PASSWORD)
    click(controller.login.button)
    wait_for(app, lambda: controller.main_window is not None)
    window = controller.main_window
    assert window is not None
    window.resize(1500, 900)
    window.activateWindow()
    if target == "form":
        recordings = window.pages.widget(MainWindow.RECORDINGS)
        assert isinstance(recordings, RecordingsPage)
        wait_for(app, lambda: recordings.model.rowCount() == 1)
        recordings.table.setFocus()
        recordings.table.selectRow(0)
        QTest.keyClick(recordings.table, Qt.Key.Key_Return)  # opens the call in the player, with its form
        form = controller.form
        assert form is not None
        wait_for(app, lambda: form.evaluation is not None and form.isEnabled())
        widget: QWidget = form.notes
    else:
        window.show_area(MainWindow.SIDE_BY_SIDE)
        page = window.pages.widget(MainWindow.SIDE_BY_SIDE)
        assert isinstance(page, LiveSessionPage)
        [request] = [b for b in page.reasons.buttons() if b.property("reason") == "employee_request"]
        wait_for(app, lambda: request.isVisible() and page.employee.count() > 0)
        request.setFocus()
        QTest.keyClick(request, Qt.Key.Key_Space)  # choose the reason with the keyboard
        wait_for(app, request.isChecked)
        click(page.start_button)
        wait_for(app, lambda: page.stages.currentIndex() == LiveSessionPage.RUNNING)
        if target == "observation":
            wait_for(app, window.isActiveWindow)  # the keys 1-5 are shortcuts of the active window
            QTest.keyClick(page.running_page, Qt.Key.Key_2)
            wait_for(app, lambda: page.observation_note.isEnabled() and page.observation_list.count() == 1)
            widget = page.observation_note
        else:
            widget = page.notes
    widget.setFocus()
    print("ready", flush=True)
    position = 0

    def type_next() -> None:
        nonlocal position
        if position >= len(text):
            return
        QTest.keyClicks(widget, text[position])  # a real key press and release, through Qt's event system
        print(f"key {position} {time.monotonic():.6f}", flush=True)
        position += 1

    typing = QTimer()
    typing.setInterval(int(float(interval) * 1000))
    typing.timeout.connect(type_next)
    typing.start()
    app.exec()


if __name__ == "__main__":
    main()
