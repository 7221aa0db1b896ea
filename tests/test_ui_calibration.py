"""Calibration on the screen (issue 26): Henk, the second coach, opens the Kalibratie area, fills in the shared
call blind with the keyboard, sees the others' answers only once Marieke has submitted too, then side by side,
and records the agreed result; the employee is named nowhere on the page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from nunrec_desktop.adapters.store.base import Segment
from nunrec_desktop.app import Services
from nunrec_desktop.domain import Role, User
from nunrec_desktop.ui.application import AppController
from nunrec_desktop.ui.calibration_page import CalibrationPage
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.recordings_page import RecordingsPage
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.test_history import evaluate
from tests.ui_session import sign_in_app


@pytest.fixture
def henk_signed_in(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    coach: User,
    admin: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> Iterator[tuple[AppController, MainWindow, int]]:
    translators = install_translators(qapp)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    services.cycle_book.start(coach, "E1")
    calibration_id = services.calibrations.share(coach, evaluate(services, coach, "rec-cal", 2, clock))
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend, username="henk")
    window.resize(1366, 738)
    yield controller, window, calibration_id
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def _choices(page: CalibrationPage) -> list[QComboBox]:
    column = page.table.columnCount() - 1
    found = [page.table.cellWidget(r, column) for r in range(page.table.rowCount())]
    return [c for c in found if isinstance(c, QComboBox)]


def test_the_second_coach_calibrates_blind_then_side_by_side(
    qtbot: QtBot,
    henk_signed_in: tuple[AppController, MainWindow, int],
    services: Services,
    coach: User,
) -> None:
    _controller, window, calibration_id = henk_signed_in
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_End)  # the last area: Kalibratie
    page = window.pages.currentWidget()
    assert isinstance(page, CalibrationPage)
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=5_000)
    assert page.list.item(0).text().startswith("Gesprek van ") and "nog invullen" in page.list.item(0).text()
    assert "Gedeeld door Marieke Kok" in page.state.text()
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)  # nothing chosen yet: refused, Dutch
    assert "Beantwoord alle" in page.message.text()
    for choice in _choices(page):
        choice.setFocus()
        qtbot.keyClick(choice, Qt.Key.Key_Down)  # the first answer of the scale ("goed" / "ja")
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() == "Je antwoorden zijn ingediend.", timeout=5_000)
    assert "Ingevuld door 1 van 2 coaches." in page.state.text() and page.table.columnCount() == 2  # blind

    guideline = services.guideline()
    answers = {
        c.key: ("verbeterpunt" if c.key == "doorvragen" else c.scale.options[0])
        for s in guideline.sections
        for c in s.criteria
    }
    services.calibrations.score(coach, calibration_id, answers)  # Marieke submits at her own workstation
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.columnCount() == 4, timeout=5_000)
    headers = [page.table.horizontalHeaderItem(c).text() for c in range(4)]
    assert (
        headers[0] == "Criterium" and set(headers[1:3]) == {"Marieke Kok", "Henk Smit"} and headers[3] == "Afgesproken"
    )
    differing = [r for r in range(page.table.rowCount()) if page.table.item(r, 0).text().startswith("\u2260 ")]
    assert len(differing) == 1
    choice = _choices(page)[differing[0]]
    assert choice.currentText() == ""  # where the coaches differ, the result is for them to agree
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Down)
    page.note.setFocus()
    qtbot.keyClicks(page.note, "Doorvragen was net genoeg")
    qtbot.mouseClick(page.agree_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "afgesproken resultaat is vastgelegd" in page.message.text(), timeout=5_000)
    assert "Over één kalibratie:" in page.stats.text() and "eensgezind" in page.stats.text()
    shown = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "Anouk" not in shown and "E1" not in shown
    assert services.calibrations.show(coach, calibration_id).state == "agreed"


def _every_text_on(page: QWidget) -> str:
    """What a person could read or hear on the page: labels, buttons, headers, cells, tooltips, accessible names."""
    texts = []
    for widget in [page, *page.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                texts.append(header.text() if header else "")
            texts += [
                item.text() + item.toolTip()
                for r in range(widget.rowCount())
                for c in range(widget.columnCount())
                if (item := widget.item(r, c)) is not None
            ]
    return " ".join(texts)


def test_the_second_coach_listens_to_the_shared_call_in_the_player(
    qtbot: QtBot,
    henk_signed_in: tuple[AppController, MainWindow, int],
    services: Services,
    coach: User,
    clock: FakeClock,
) -> None:
    """Henk opens the shared call from the Kalibratie area into the real player (waveform, play, seek, speed), for
    this calibration only: every open and start audited as a listen for calibration; Anouk is named nowhere on
    the page; the call is not in his recordings; once the result is agreed the player is gone and a start refused."""
    _controller, window, calibration_id = henk_signed_in
    add_recording(services.workspace.store_path, "rec-cal", clock.now - timedelta(days=2), duration=20.0)
    recordings = window.pages.widget(MainWindow.RECORDINGS)
    assert isinstance(recordings, RecordingsPage)
    qtbot.mouseClick(recordings.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not recordings.loading, timeout=10_000)
    assert recordings.model.total() == 0  # Henk coaches nobody: the shared call is not among his recordings

    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_End)  # Kalibratie
    page = window.pages.currentWidget()
    assert isinstance(page, CalibrationPage) and page.player is not None
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=5_000)
    assert not page.player.isVisible() and page.listen_button.isEnabled()
    assert page.listen_button.text() == "Gesprek beluisteren"
    qtbot.mouseClick(page.listen_button, Qt.MouseButton.LeftButton)
    player = page.player
    qtbot.waitUntil(lambda: player.engine is not None and not player.loading, timeout=10_000)
    assert player.isVisible() and player.title.text() == "Gedeeld gesprek"
    assert player.info.text().startswith("medewerker niet genoemd - gesprek van ")
    assert player.waveform.grab().width() == player.waveform.width()  # the waveform paints

    qtbot.waitUntil(lambda: not player.measuring, timeout=10_000)
    if player.skip_holds.isChecked():  # a steady test tone measures as one long hold: hear it anyway
        qtbot.mouseClick(player.skip_holds, Qt.MouseButton.LeftButton)
    player.waveform.setFocus()
    qtbot.keyClick(player.waveform, Qt.Key.Key_Space)  # play
    assert player.engine is not None and player.engine.playing and player.play_button.text() == "Pauze"
    clock.advance(seconds=2)
    qtbot.waitUntil(lambda: player.time_label.text().startswith("0:02"), timeout=5_000)
    qtbot.keyClick(player.waveform, Qt.Key.Key_Right)  # seek 5 s on
    assert player.engine.position_s == pytest.approx(7.0, abs=0.05)
    player.speed.setFocus()
    qtbot.keyClick(player.speed, Qt.Key.Key_Down)  # 1,25x
    assert player.speed.currentText() == "1,25×"  # noqa: RUF001 - the multiplication sign
    qtbot.mouseClick(player.play_button, Qt.MouseButton.LeftButton)  # pause
    assert not player.engine.playing

    listens = services.audit.entries(action="recordings.play_for_calibration")
    assert {(e.actor, e.result, e.purpose, e.object_id) for e in listens} == {
        ("henk", "allowed", "kalibratie", "rec-cal")
    }
    assert [e.detail.split(";")[0] for e in listens] == ["start", "open"]
    ordinary = [e for e in services.audit.entries(action="recordings.play") if e.action == "recordings.play"]
    assert not ordinary  # not through the ordinary listen
    shown = _every_text_on(page)
    assert "Anouk" not in shown and "Vries" not in shown and "E1" not in shown and "rec-cal" not in shown

    # The calibration is agreed (both coaches, at their own desks): the player goes and a start is refused.
    answers = {c.key: c.scale.options[0] for s in services.guideline().sections for c in s.criteria}
    henk = services.auth.sign_in("henk", TEST_PASSWORD)
    services.calibrations.score(coach, calibration_id, answers)
    services.calibrations.score(henk, calibration_id, answers)
    services.calibrations.agree(coach, calibration_id, answers)
    qtbot.mouseClick(player.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: player.error_banner.isVisible(), timeout=5_000)
    assert "afgerond" in player.error_banner.text() and not player.engine.playing
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not player.isVisible(), timeout=5_000)
    assert not page.listen_button.isEnabled()
    assert services.audit.entries(action="recordings.play_for_calibration")[0].result == "denied"


def test_a_transferred_shared_call_plays_only_the_calibrated_employees_part_unnamed(
    qtbot: QtBot,
    henk_signed_in: tuple[AppController, MainWindow, int],
    services: Services,
    clock: FakeClock,
) -> None:
    """The shared call was transferred from Anouk to Bram: Henk hears Anouk's part only (Bram's is silence and
    cannot be sought), her lane reads "medewerker niet genoemd", Bram's "Andere medewerker"; no name, no id."""
    _controller, window, _calibration_id = henk_signed_in
    services.people.add_employee("E2", "Bram Jansen")
    segments = (Segment("E1", 0.0, 10.0), Segment("E2", 10.0, 20.0))
    add_recording(
        services.workspace.store_path, "rec-cal", clock.now - timedelta(days=2), duration=20.0, segments=segments
    )
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_End)
    page = window.pages.currentWidget()
    assert isinstance(page, CalibrationPage) and page.player is not None
    player = page.player
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=5_000)
    qtbot.mouseClick(page.listen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: player.engine is not None and not player.loading, timeout=10_000)
    assert player.recording is not None and player.recording.playable == ((0.0, 10.0),)
    assert sorted(player.waveform._lane_names.values()) == sorted(
        ["Medewerker", "Beller", "Gesprek", "medewerker niet genoemd", "Andere medewerker"]
    )
    player.waveform.setFocus()
    for _ in range(3):
        qtbot.keyClick(player.waveform, Qt.Key.Key_Right)  # 15 s: into Bram's part
    assert player.engine.position_s < 10.0 and player.blocked_notice.isVisible()
    assert player.blocked_notice.text().startswith("Dit deel van het gesprek nam een andere medewerker aan")
    shown = _every_text_on(page)
    assert not any(word in shown for word in ("Anouk", "Bram", "Jansen", "E1", "E2", "rec-cal"))
