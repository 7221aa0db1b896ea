"""The erasure page as the operator uses it with a caller on the phone: the time typed naturally, the number
visible while it is dictated, a hint when nothing is found, a confirmation whose Enter does not delete, and an
empty form after a deletion. Driven with key presses and clicks on the real widgets and the real dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.ui.application import AppController
from nunrec_desktop.ui.erasure_page import ErasurePage, parse_moment
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.ui_session import sign_in_app


@pytest.fixture
def erasure(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    it_user: User,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> Iterator[tuple[ErasurePage, datetime, Services, AppController]]:
    translators = install_translators(qapp)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    call = clock.now - timedelta(days=2)
    add_recording(services.workspace.store_path, "rec-target", call, caller="+31612345678")
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend, username="dennis")
    page = window.pages.widget(MainWindow.IT_ERASURE)
    assert isinstance(page, ErasurePage)
    window.show_area(MainWindow.IT_ERASURE)
    yield page, call, services, controller
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def _type_moment(qtbot: QtBot, page: ErasurePage, text: str) -> None:
    page.around.setFocus()
    qtbot.keyClick(page.around, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.around, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.around, text)


def test_parse_moment_reads_what_people_type() -> None:
    today = date(2026, 11, 20)
    assert parse_moment("25-11-2026 09:50", today) == datetime(2026, 11, 25, 9, 50)
    assert parse_moment("25/11/26 9.50", today) == datetime(2026, 11, 25, 9, 50)
    assert parse_moment("3-2 14:05", today) == datetime(2026, 2, 3, 14, 5)
    for wrong in ("31-11-2026 09:50", "25-11-2026", "25-13-2026 09:50", "25-11-2026 24:00", "gisteren", ""):
        assert parse_moment(wrong, today) is None


def test_the_time_is_typed_without_being_clamped_and_the_number_is_visible(
    qtbot: QtBot, erasure: tuple[ErasurePage, datetime, Services, AppController]
) -> None:
    page, _call, _services, _controller = erasure
    _type_moment(qtbot, page, "25-11-2026 09:50")
    assert page.around.text() == "25-11-2026 09:50"  # a QDateTimeEdit made this 02-11-2026 09:50
    assert page.moment() == datetime(2026, 11, 25, 9, 50)
    assert page.moment_hint.text() == "woensdag 25 november 2026, 09:50"
    _type_moment(qtbot, page, "31-11")
    assert "dag-maand-jaar" in page.moment_hint.text()
    qtbot.keyClicks(page.number, "06 12 34 56 78")
    assert page.number.echoMode() == QLineEdit.EchoMode.Normal and page.number.displayText() == "06 12 34 56 78"
    qtbot.mouseClick(page.hide_number, Qt.MouseButton.LeftButton)
    assert page.number.echoMode() == QLineEdit.EchoMode.Password and "06" not in page.number.displayText()
    qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    assert "25-11-2026 09:50" in page.message.text() and page.message.property("tone") == "error"


def test_nothing_found_says_what_to_check(
    qtbot: QtBot, erasure: tuple[ErasurePage, datetime, Services, AppController]
) -> None:
    page, call, _services, _controller = erasure
    _type_moment(qtbot, page, f"{(call + timedelta(hours=5)).astimezone():%d-%m-%Y %H:%M}")
    qtbot.keyClicks(page.number, "06 12 34 56 78")
    qtbot.keyClick(page.number, Qt.Key.Key_Return)  # Enter in the number field searches
    qtbot.waitUntil(lambda: "gevonden" in page.message.text(), timeout=10_000)
    assert page.table.rowCount() == 0
    assert page.message.text().startswith("Geen opname gevonden")
    assert "nummer" in page.message.text() and "zoekvenster" in page.message.text()


def _press_in_dialog(qtbot: QtBot, key: Qt.Key, seen: dict[str, object]) -> None:
    """Once the confirmation is open: note its buttons, then press `key` on it as a person would."""

    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        seen["buttons"] = sorted(b.text() for b in box.findChildren(QPushButton))
        default = box.defaultButton()
        seen["default"] = default.text() if default is not None else None
        qtbot.keyClick(box, key)

    QTimer.singleShot(0, act)


def test_enter_in_the_confirmation_does_not_delete_and_a_deletion_clears_the_form(
    qtbot: QtBot, erasure: tuple[ErasurePage, datetime, Services, AppController], clock: FakeClock
) -> None:
    page, call, services, _controller = erasure
    _type_moment(qtbot, page, f"{(call + timedelta(minutes=10)).astimezone():%d-%m-%Y %H:%M}")
    qtbot.keyClicks(page.number, "06 12 34 56 78")
    qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
    assert page.message.text().startswith("1 opname gevonden")
    qtbot.keyClicks(page.reference, "VZ-2026-030")
    assert page.erase_button.text() == "Verwijderen"

    seen: dict[str, object] = {}
    _press_in_dialog(qtbot, Qt.Key.Key_Return, seen)
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    assert seen == {"buttons": ["Annuleren", "Verwijderen"], "default": "Annuleren"}
    assert "rec-target" not in services.erasure.erased_ids()
    assert page.message.text() == "Er is niets verwijderd."

    _press_in_dialog(qtbot, Qt.Key.Key_Escape, seen)
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    assert "rec-target" not in services.erasure.erased_ids()

    def choose_delete() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, choose_delete)
            return
        delete = next(b for b in box.findChildren(QPushButton) if b.text() == "Verwijderen")
        qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, choose_delete)
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is verwijderd" in page.message.text(), timeout=10_000)
    assert "rec-target" in services.erasure.erased_ids()
    assert page.message.property("tone") == "success"
    assert page.number.text() == "" and page.reference.text() == "" and page.table.rowCount() == 0
    assert page.candidates == [] and page.around.text() == f"{clock.now.astimezone():%d-%m-%Y %H:%M}"
