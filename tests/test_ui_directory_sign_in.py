"""The sign-in window with the municipality's directory (issue 24), against the real slapd and KDC: a coach with
a Kerberos ticket is signed in without typing; without one, the directory password typed into the window signs
in; a refusal shows the Dutch reason in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from nunrec_desktop.gui import gui_controller
from nunrec_desktop.settings import Settings, create_workspace
from nunrec_desktop.ui.application import AppController
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import FakeClock, MemoryKeyring
from tests.directory_server import PASSWORD, Directory


@pytest.fixture
def dutch(qapp: QApplication) -> object:
    translators = install_translators(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def directory_workspace(tmp_path: Path, directory: Directory, database_url: str) -> Path:
    root = tmp_path / "workspace"
    create_workspace(root, Settings(database_url=database_url, **directory.settings()))
    return root


def _start(qtbot: QtBot, root: Path, clock: FakeClock, keyring: MemoryKeyring) -> AppController:
    controller = gui_controller(root, keyring_factory=lambda: keyring, clock=clock)
    qtbot.addWidget(controller.login)
    controller.start()
    return controller


def test_with_a_ticket_the_coach_is_signed_in_without_typing(
    qtbot: QtBot,
    dutch: object,
    directory: Directory,
    no_ticket: Path,
    directory_workspace: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    directory.kinit("alice", no_ticket)
    controller = _start(qtbot, directory_workspace, clock, keyring_backend)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=20_000)
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible() and not controller.login.isVisible()
    assert controller.login.username.text() == "" and controller.login.password.text() == ""
    assert "Aangemeld als Alice de Coach (coach)" in {label.text() for label in window.findChildren(QLabel)}
    controller.shutdown()


def test_without_a_ticket_the_directory_password_signs_in(
    qtbot: QtBot,
    dutch: object,
    directory: Directory,
    no_ticket: Path,
    directory_workspace: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    controller = _start(qtbot, directory_workspace, clock, keyring_backend)
    login = controller.login
    qtbot.waitUntil(login.button.isEnabled, timeout=20_000)
    assert controller.main_window is None and login.button.text() == "Aanmelden"
    qtbot.keyClicks(login.username, "bob")  # in both groups: refused, in Dutch, in the window
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.mouseClick(login.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "zowel in de groep van de coaches als in die van IT" in login.message.text())
    assert controller.main_window is None and login.password.text() == ""
    login.username.clear()
    qtbot.keyClicks(login.username, "carol")
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.mouseClick(login.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=20_000)
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window)
    areas = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert areas[:3] == ["Beheer", "Auditlog", "Verwijderverzoeken"]  # IT's areas (issue 25)
    controller.shutdown()


def test_a_refused_ticket_leaves_the_password_window_with_the_reason(
    qtbot: QtBot,
    dutch: object,
    directory: Directory,
    no_ticket: Path,
    directory_workspace: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    directory.kinit("dora", no_ticket)  # locked in the directory
    controller = _start(qtbot, directory_workspace, clock, keyring_backend)
    login = controller.login
    qtbot.waitUntil(lambda: "uitgeschakeld of verlopen" in login.message.text(), timeout=20_000)
    assert login.button.isEnabled() and controller.main_window is None
    controller.shutdown()


def test_unlock_asks_the_directory_again_with_the_ticket(
    qtbot: QtBot,
    dutch: object,
    directory: Directory,
    no_ticket: Path,
    directory_workspace: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    directory.kinit("gina", no_ticket)
    controller = gui_controller(directory_workspace, keyring_factory=lambda: keyring_backend, clock=clock,
                                idle_minutes=0.004)  # fmt: skip
    qtbot.addWidget(controller.login)
    controller.start()
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=20_000)
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(window.is_locked, timeout=10_000)
    qtbot.mouseClick(window.lock_screen.button, Qt.MouseButton.LeftButton)  # no password typed: the ticket
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=10_000)
    from tests.directory_server import COACH_GROUP, PEOPLE

    try:
        directory.set_members(COACH_GROUP, remove=f"uid=gina,{PEOPLE}")
        qtbot.waitUntil(window.is_locked, timeout=10_000)
        qtbot.mouseClick(window.lock_screen.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "niet in de groep" in window.lock_screen.message.text(), timeout=10_000)
        assert window.is_locked()
    finally:
        directory.set_members(COACH_GROUP, add=f"uid=gina,{PEOPLE}")
    controller.shutdown()
