"""The sign-in window, the main window and the idle lock, driven offscreen with pytest-qt."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.gui import gui_controller
from nunrec_desktop.ui.application import AppController
from nunrec_desktop.ui.idle_lock import IdleWatcher
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring


@pytest.fixture
def dutch(qapp: QApplication) -> None:
    translators = install_translators(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def _controller(
    qtbot: QtBot,
    workspace_dir: Path,
    clock: FakeClock,
    keyring: MemoryKeyring,
    idle_minutes: float | None = None,
) -> AppController:
    controller = gui_controller(workspace_dir, keyring_factory=lambda: keyring, clock=clock, idle_minutes=idle_minutes)
    qtbot.addWidget(controller.login)
    controller.start()
    qtbot.waitUntil(controller.login.button.isEnabled, timeout=10_000)
    return controller


def _sign_in(qtbot: QtBot, controller: AppController, name: str, password: str) -> None:
    login = controller.login
    login.username.clear()
    qtbot.keyClicks(login.username, name)
    qtbot.keyClicks(login.password, password)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)


def test_sign_in_window_is_dutch(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    coach: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    controller = _controller(qtbot, workspace_dir, clock, keyring_backend)
    texts = {label.text() for label in controller.login.findChildren(QLabel)}
    assert "Gebruikersnaam" in texts and "Wachtwoord" in texts
    assert controller.login.button.text() == "Aanmelden"
    assert controller.login.windowTitle() == "nunrec - Aanmelden"
    controller.shutdown()


def test_wrong_password_then_right_opens_main_window(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    coach: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    controller = _controller(qtbot, workspace_dir, clock, keyring_backend)
    _sign_in(qtbot, controller, "marieke", "not-the-password")
    assert controller.login.message.text() == "Onjuiste gebruikersnaam of wachtwoord."
    assert controller.login.password.text() == ""
    assert controller.main_window is None
    _sign_in(qtbot, controller, "marieke", TEST_PASSWORD)
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible() and not controller.login.isVisible()
    areas = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert areas == [
        "Opnames", "Speler", "Beoordeling", "Coachingscycli", "Side-by-side", "Verwijderverzoeken", "Kalibratie"
    ]  # fmt: skip
    assert "Aangemeld als Marieke Kok (coach)" in {lbl.text() for lbl in window.findChildren(QLabel)}
    controller.shutdown()


def test_it_role_sees_support_areas_only(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    it_user: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    controller = _controller(qtbot, workspace_dir, clock, keyring_backend)
    _sign_in(qtbot, controller, "dennis", TEST_PASSWORD)
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window)
    areas = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert areas == [
        "Beheer",
        "Auditlog",
        "Verwijderverzoeken",
        "Medewerkers",
        "Coaching",
        "Accounts",
        "Opnameopslag",
        "Toegangsreview",
    ]
    controller.shutdown()


def test_lock_out_message_after_five_failures(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    coach: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    controller = _controller(qtbot, workspace_dir, clock, keyring_backend)
    for _ in range(5):
        _sign_in(qtbot, controller, "marieke", "wrong-password-x")
    assert "vergrendeld na 5 mislukte pogingen" in controller.login.message.text()
    _sign_in(qtbot, controller, "marieke", TEST_PASSWORD)
    assert controller.main_window is None
    controller.shutdown()


def test_idle_lock_hides_everything_until_the_password(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    coach: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    controller = _controller(qtbot, workspace_dir, clock, keyring_backend, idle_minutes=0.004)
    _sign_in(qtbot, controller, "marieke", TEST_PASSWORD)
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.locked, timeout=5_000):
        pass
    assert window.is_locked() and not window.work.isVisible()
    assert "auth.idle_lock" in [e.action for e in services.audit.entries(action="auth.")]
    qtbot.keyClicks(window.lock_screen.password, "wrong-password-x")
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    assert "zonder activiteit" in window.lock_screen.explanation.text()  # it locked itself, and says so
    assert window.is_locked() and window.lock_screen.message.text() == "Onjuist wachtwoord."  # no user name here
    qtbot.keyClicks(window.lock_screen.password, TEST_PASSWORD)
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    assert not window.is_locked() and window.work.isVisible()
    [lock_button] = [b for b in window.findChildren(QPushButton) if b.objectName() == "lockButton"]
    qtbot.mouseClick(lock_button, Qt.MouseButton.LeftButton)  # locked by hand: it says so (issue 22)
    assert window.is_locked() and "Je hebt nunrec vergrendeld" in window.lock_screen.explanation.text()
    qtbot.keyClicks(window.lock_screen.password, TEST_PASSWORD)
    qtbot.keyClick(window.lock_screen.password, Qt.Key.Key_Return)
    assert not window.is_locked()
    controller.shutdown()


def test_sign_out_returns_to_the_sign_in_window(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    coach: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    controller = _controller(qtbot, workspace_dir, clock, keyring_backend)
    _sign_in(qtbot, controller, "marieke", TEST_PASSWORD)
    window = controller.main_window
    assert window is not None
    qtbot.waitUntil(lambda: controller.tasks.pending == 0, timeout=10_000)  # the recordings list has loaded
    window.sign_out_requested.emit()
    assert controller.main_window is None and controller.login.isVisible()
    qtbot.waitUntil(lambda: not Shiboken.isValid(window))  # the window is gone, inside this test (deleteLater)
    assert services.audit.entries()[0].action == "auth.sign_out"
    controller.shutdown()


def test_signing_out_while_the_list_loads_is_harmless(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    coach: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    controller = _controller(qtbot, workspace_dir, clock, keyring_backend)
    _sign_in(qtbot, controller, "marieke", TEST_PASSWORD)
    window = controller.main_window
    assert window is not None
    window.sign_out_requested.emit()  # the recordings page is deleted while its load may still run
    qtbot.waitUntil(lambda: controller.tasks.pending == 0, timeout=10_000)  # the load's answer delivered (or dropped)
    qtbot.waitUntil(lambda: controller.main_window is None and controller.login.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: not Shiboken.isValid(window))  # the window is gone, inside this test (deleteLater)
    controller.shutdown()


def test_input_restarts_the_idle_count(qtbot: QtBot, qapp: QApplication) -> None:
    """A mouse move anywhere in the application (sent to a window, as a person's hand would) restarts the count."""
    window = QLabel("werk")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    watcher = IdleWatcher(minutes=1)
    qapp.installEventFilter(watcher)  # as the application does after sign-in
    try:
        watcher.start()
        qtbot.waitUntil(lambda: watcher._timer.remainingTime() < 59_800)  # the count has run down a little
        before = watcher._timer.remainingTime()
        qtbot.mouseMove(window, QPoint(5, 5))
        qtbot.mouseMove(window, QPoint(10, 8))
        assert watcher._timer.remainingTime() > before
        watcher.stop()  # a watcher that does not count ignores input: nothing starts it again
        qtbot.mouseMove(window, QPoint(12, 9))
        assert not watcher.is_counting()
    finally:
        qapp.removeEventFilter(watcher)
        watcher.stop()


def test_missing_workspace_is_explained_in_the_sign_in_window(
    qtbot: QtBot, dutch: None, tmp_path: Path, clock: FakeClock, keyring_backend: MemoryKeyring
) -> None:
    controller = gui_controller(tmp_path / "none", keyring_factory=lambda: keyring_backend, clock=clock)
    qtbot.addWidget(controller.login)
    controller.start()
    qtbot.waitUntil(lambda: "Geen nunrec-werkmap" in controller.login.message.text(), timeout=5_000)
    assert not controller.login.button.isEnabled()
    controller.shutdown()
