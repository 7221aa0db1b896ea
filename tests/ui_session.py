"""Signing a coach into the real application offscreen, for the GUI tests that need the whole window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from nunrec_desktop.adapters.audio.playback import ClockOutput
from nunrec_desktop.gui import gui_controller
from nunrec_desktop.ui.application import AppController
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.recordings_page import RecordingsPage
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring


def sign_in_app(
    qtbot: QtBot, workspace_dir: Path, clock: FakeClock, keyring: MemoryKeyring, username: str = "marieke"
) -> tuple[AppController, MainWindow, RecordingsPage | None]:
    """Start the app on a clock output (no sound card needed), sign in; the recordings page for a coach."""
    controller = gui_controller(
        workspace_dir, keyring_factory=lambda: keyring, clock=clock, output_factory=lambda: ClockOutput(clock)
    )
    qtbot.addWidget(controller.login)
    controller.start()
    qtbot.waitUntil(controller.login.button.isEnabled, timeout=10_000)
    controller.login.username.setText(username)
    controller.login.password.setText(TEST_PASSWORD)
    controller.login.button.click()
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window)
    recordings = window.pages.widget(MainWindow.RECORDINGS)
    return controller, window, recordings if isinstance(recordings, RecordingsPage) else None
