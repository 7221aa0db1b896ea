"""Done-when of issue 26 for calibration, through the GUI: two coaches at two desks (two signed-in applications,
each with its own connection) on one database — PostgreSQL in the PostgreSQL pass. Marieke shares a call from
her history (asked first, audited "kalibratie"); Henk hears it in the player and fills in blind; Marieke fills in
blind too; once both submitted the answers stand side by side at both desks; Henk records the agreed result and
the spread is kept; agreement and Krippendorff's alpha are shown to the coaches, never in IT's window nor in the
employee's feedback document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QListWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from nunrec_desktop.adapters.db.models import CalibrationRow
from nunrec_desktop.app import Services
from nunrec_desktop.domain import Role, User
from nunrec_desktop.ui.application import AppController
from nunrec_desktop.ui.calibration_page import CalibrationPage
from nunrec_desktop.ui.evaluations_page import EvaluationsPage
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.test_history import evaluate
from tests.ui_dialogs import click_in_next_dialog
from tests.ui_session import sign_in_app


def go_to(qtbot: QtBot, window: MainWindow, row: int) -> None:
    """Click the area in the navigation column, as a person does."""
    navigation: QListWidget = window.navigation
    rect = navigation.visualItemRect(navigation.item(row))
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.pages.currentIndex() == row, timeout=5_000)


def choices(page: CalibrationPage) -> list[QComboBox]:
    column = page.table.columnCount() - 1
    found = [page.table.cellWidget(r, column) for r in range(page.table.rowCount())]
    return [c for c in found if isinstance(c, QComboBox)]


def answer_with_keys(qtbot: QtBot, page: CalibrationPage, differ_on: str | None = None) -> None:
    """The first answer of each scale with the arrow key; on the criterion whose text starts with `differ_on`,
    the second (e.g. "voldoende" instead of "goed")."""
    for row, choice in enumerate(choices(page)):
        choice.setFocus()
        qtbot.keyClick(choice, Qt.Key.Key_Down)
        if differ_on is not None and page.table.item(row, 0).text().startswith(differ_on):
            qtbot.keyClick(choice, Qt.Key.Key_Down)


@pytest.fixture
def two_desks(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    coach: User,
    admin: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> Iterator[tuple[AppController, MainWindow, AppController, MainWindow]]:
    translators = install_translators(qapp)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    services.accounts.add(admin, "dennis", Role.IT, "Dennis Schouten", TEST_PASSWORD)
    add_recording(services.workspace.store_path, "rec-cal", clock.now - timedelta(days=2), duration=20.0)
    services.cycle_book.start(coach, "E1")
    evaluate(services, coach, "rec-cal", 2, clock)
    marieke_app, marieke, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend, username="marieke")
    henk_app, henk, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend, username="henk")
    for window in (marieke, henk):
        window.resize(1366, 738)
    yield marieke_app, marieke, henk_app, henk
    for controller in (marieke_app, henk_app):
        controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def test_two_coaches_calibrate_one_call_at_two_desks(
    qtbot: QtBot,
    two_desks: tuple[AppController, MainWindow, AppController, MainWindow],
    services: Services,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
    tmp_path: Path,
) -> None:
    marieke_app, marieke, henk_app, henk = two_desks
    assert marieke_app.services is not henk_app.services  # two desks, each with its own database connection

    # Marieke shares the call from the history of Anouk, after saying yes to the question.
    go_to(qtbot, marieke, MainWindow.EVALUATION)
    overview = marieke.pages.widget(MainWindow.EVALUATION)
    assert isinstance(overview, EvaluationsPage)
    history = overview.history
    qtbot.waitUntil(lambda: history.table.rowCount() == 1, timeout=5_000)
    rect = history.table.visualItemRect(history.table.item(0, 0))
    qtbot.mouseClick(history.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    asked = click_in_next_dialog("Delen")
    qtbot.mouseClick(history.share_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: history.message.text().startswith("Gedeeld voor kalibratie"), timeout=5_000)
    assert any("zonder de naam van de medewerker" in text for text in asked)
    [shared] = services.audit.entries(action="calibrations.share")
    assert (shared.actor, shared.purpose, shared.result) == ("marieke", "kalibratie", "allowed")

    # Henk, at his own desk: the call appears; he hears it in the player, then fills in blind.
    go_to(qtbot, henk, MainWindow.CALIBRATION)
    henk_page = henk.pages.widget(MainWindow.CALIBRATION)
    assert isinstance(henk_page, CalibrationPage) and henk_page.player is not None
    qtbot.waitUntil(lambda: henk_page.list.count() == 1, timeout=5_000)
    qtbot.mouseClick(henk_page.listen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: henk_page.player is not None and henk_page.player.engine is not None, timeout=10_000)
    assert henk_page.player.info.text().startswith("medewerker niet genoemd")
    answer_with_keys(qtbot, henk_page)
    qtbot.mouseClick(henk_page.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: henk_page.message.text() == "Je antwoorden zijn ingediend.", timeout=5_000)
    assert "Ingevuld door 1 van 2 coaches." in henk_page.state.text() and henk_page.table.columnCount() == 2

    # Marieke sees nothing of Henk's answers until she submitted hers (blind), then both side by side.
    go_to(qtbot, marieke, MainWindow.CALIBRATION)
    marieke_page = marieke.pages.widget(MainWindow.CALIBRATION)
    assert isinstance(marieke_page, CalibrationPage)
    qtbot.waitUntil(lambda: marieke_page.list.count() == 1, timeout=5_000)
    assert marieke_page.table.columnCount() == 2 and "Ingevuld door 1 van 2" in marieke_page.state.text()
    answer_with_keys(qtbot, marieke_page, differ_on="Vraagt door")
    qtbot.mouseClick(marieke_page.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: marieke_page.table.columnCount() == 4, timeout=5_000)
    qtbot.mouseClick(henk_page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: henk_page.table.columnCount() == 4, timeout=5_000)
    headers = [henk_page.table.horizontalHeaderItem(c).text() for c in range(4)]
    assert set(headers[1:3]) == {"Marieke Kok", "Henk Smit"} and headers[3] == "Afgesproken"
    differing = [
        r for r in range(henk_page.table.rowCount()) if henk_page.table.item(r, 0).text().startswith("\u2260 ")
    ]
    assert len(differing) == 1

    # Henk records the agreed result; the spread of the answers is kept; the player goes with the open calibration.
    choice = choices(henk_page)[differing[0]]
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Down)
    henk_page.note.setFocus()
    qtbot.keyClicks(henk_page.note, "Doorvragen was net genoeg")
    qtbot.mouseClick(henk_page.agree_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "afgesproken resultaat is vastgelegd" in henk_page.message.text(), timeout=5_000)
    assert not henk_page.player.isVisible() and not henk_page.listen_button.isEnabled()
    with services.sessions() as session:
        row = session.scalars(select(CalibrationRow)).one()
        spread, agreed = json.loads(row.spread or "{}"), json.loads(row.agreed_answers or "{}")
    assert spread["doorvragen"] == ["goed", "voldoende"] and agreed["doorvragen"] == "goed"
    assert row.agreed_note == "Doorvragen was net genoeg"

    # Agreement and alpha for the coaches (both desks); not in IT's window, not in the employee's feedback.
    qtbot.mouseClick(marieke_page.refresh_button, Qt.MouseButton.LeftButton)
    for page in (henk_page, marieke_page):
        qtbot.waitUntil(lambda page=page: "Over één kalibratie:" in page.stats.text(), timeout=5_000)
        assert "Krippendorffs alfa" in page.stats.text() and "eensgezind" in page.stats.text()
    henk_app.shutdown()
    it_app, it_window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend, username="dennis")
    areas = [it_window.navigation.item(r).text() for r in range(it_window.navigation.count())]
    assert "Kalibratie" not in areas and not it_window.findChildren(CalibrationPage)
    it_app.shutdown()
    coach = services.auth.sign_in("marieke", TEST_PASSWORD)
    out = services.exports.document(coach, "feedback", "E1", tmp_path / "feedback.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(out).pages).lower()
    assert "kalibratie" not in text and "alfa" not in text and "henk" not in text
