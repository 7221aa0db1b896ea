"""The call measures in the player, driven like a coach would: a generated stereo call with known speech, its
lanes shaded where each side speaks, holds and overlaps marked under the lanes (a real click on a marker
seeks there), the compact Dutch line of measures, and a mono call that says what needs stereo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from nunrec_desktop.adapters.audio.playback import ClockOutput
from nunrec_desktop.app import Services, players
from nunrec_desktop.domain import User
from nunrec_desktop.ui.layout_memory import LayoutMemory
from nunrec_desktop.ui.player_page import PlayerPage
from nunrec_desktop.ui.tasks import TaskRunner
from nunrec_desktop.ui.translations import install_translators
from nunrec_desktop.ui.waveform_view import LABEL_WIDTH, MEASURES_STRIP, RULER_HEIGHT
from tests.call_signals import HOLD, OVERLAP, stereo_call, wav_bytes
from tests.conftest import FakeClock
from tests.recordings_factory import add_recording
from tests.test_ui_player import open_in


@pytest.fixture
def page(qtbot: QtBot, qapp: QApplication, services: Services, coach: User, clock: FakeClock) -> Iterator[PlayerPage]:
    translators = install_translators(qapp)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    root = services.workspace.store_path
    add_recording(root, "rec-stereo", clock.now - timedelta(days=1), duration=40.0, audio=wav_bytes(stereo_call()))
    add_recording(
        root,
        "rec-mono",
        clock.now - timedelta(days=1),
        duration=40.0,
        audio=wav_bytes(stereo_call().sum(axis=1) / 2),  # the metadata's stereo map does not fit: "mixed"
    )
    tasks = TaskRunner()
    player = PlayerPage(services.desk_for(coach), players(lambda: ClockOutput(clock)), tasks)
    qtbot.addWidget(player)
    player.resize(1240, 700)
    player.show()
    yield player
    tasks.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def x_of(page: PlayerPage, seconds: float, duration: float = 40.0) -> int:
    width = page.waveform.width() - LABEL_WIDTH
    return round(LABEL_WIDTH + seconds / duration * width)


def pixel(image: QImage, x: int, y: int) -> QColor:
    return image.pixelColor(x, y)


def test_speech_is_shaded_in_each_lane(qtbot: QtBot, page: PlayerPage, services: Services) -> None:
    open_in(qtbot, page, services, "marieke", "rec-stereo")
    wave = page.waveform
    image = wave.grab().toImage()
    lane = (wave.height() - RULER_HEIGHT) / 2
    near_top = {"employee": int(lane * 0.12), "caller": int(lane + lane * 0.12)}  # above the waveform ink
    # At 2 s only the employee speaks, at 7 s only the caller.
    employee_lane = [pixel(image, x_of(page, s), near_top["employee"]) for s in (2, 7)]
    caller_lane = [pixel(image, x_of(page, s), near_top["caller"]) for s in (2, 7)]
    assert employee_lane[1] == QColor("#ffffff") and employee_lane[0] != employee_lane[1]  # shaded where it speaks
    assert caller_lane[0] == QColor("#fbfcfd") and caller_lane[1] != caller_lane[0]
    assert employee_lane[0].red() < 255 and caller_lane[1].blue() < 0xFD  # tinted with the lane colour


def test_clicking_a_hold_or_an_overlap_marker_seeks_to_its_start(
    qtbot: QtBot, page: PlayerPage, services: Services
) -> None:
    open_in(qtbot, page, services, "marieke", "rec-stereo")
    wave = page.waveform
    wave.grab()  # painted once, as on screen
    strip_y = wave.height() - RULER_HEIGHT - MEASURES_STRIP // 2
    assert page.engine is not None
    qtbot.mouseClick(wave, Qt.MouseButton.LeftButton, pos=QPoint(x_of(page, (HOLD[0] + HOLD[1]) / 2), strip_y))
    assert page.engine.position_s == pytest.approx(HOLD[0], abs=0.15)
    qtbot.mouseClick(wave, Qt.MouseButton.LeftButton, pos=QPoint(x_of(page, OVERLAP[0] + 0.7), strip_y))
    assert page.engine.position_s == pytest.approx(OVERLAP[0], abs=0.15)
    # Elsewhere in the lanes a click still seeks to the clicked moment.
    qtbot.mouseClick(wave, Qt.MouseButton.LeftButton, pos=QPoint(x_of(page, 20.0), 40))
    assert page.engine.position_s == pytest.approx(20.0, abs=0.1)


def test_the_line_of_measures_is_dutch_context(qtbot: QtBot, page: PlayerPage, services: Services) -> None:
    open_in(qtbot, page, services, "marieke", "rec-stereo")
    text = page.measures_line.text()
    assert page.measures_line.isVisible()
    assert text == (
        "Spreektijd medewerker 65 % - beller 35 % \u00b7 2 stiltes, samen 0:08 (langste 0:05) \u00b7 1 keer door elkaar"
    )
    assert "geen score" in page.measures_line.toolTip()


def test_a_mono_call_gives_silences_and_says_stereo_is_needed(
    qtbot: QtBot, page: PlayerPage, services: Services
) -> None:
    open_in(qtbot, page, services, "marieke", "rec-mono")
    assert page.recording is not None and page.recording.metrics is not None
    assert list(page.recording.metrics.speech) == ["mix"]
    assert page.measures_line.text() == (
        "2 stiltes, samen 0:08 (langste 0:05) \u00b7 spreektijd en door elkaar praten zijn alleen te meten bij een "
        "stereo-opname"
    )
    wave = page.waveform
    wave.grab()
    strip_y = wave.height() - RULER_HEIGHT - MEASURES_STRIP // 2
    qtbot.mouseClick(wave, Qt.MouseButton.LeftButton, pos=QPoint(x_of(page, (HOLD[0] + HOLD[1]) / 2), strip_y))
    assert page.engine is not None and page.engine.position_s == pytest.approx(HOLD[0], abs=0.15)


def test_hovering_a_marker_explains_it(qtbot: QtBot, page: PlayerPage, services: Services) -> None:
    """The tooltip the system asks for when the pointer rests on a hold marker (it used to raise instead)."""
    open_in(qtbot, page, services, "marieke", "rec-stereo")
    wave = page.waveform
    wave.grab()
    strip_y = wave.height() - RULER_HEIGHT - MEASURES_STRIP // 2
    at = QPoint(x_of(page, (HOLD[0] + HOLD[1]) / 2), strip_y)
    QApplication.sendEvent(wave, QHelpEvent(QEvent.Type.ToolTip, at, wave.mapToGlobal(at)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2_000)
    assert "klik om erheen te gaan" in QToolTip.text()
    QToolTip.hideText()


def test_the_waveform_comes_first_and_the_measures_follow(qtbot: QtBot, page: PlayerPage, services: Services) -> None:
    """Issue 23: the player paints the waveform as soon as the call is decoded; the measures are computed
    after that and shown when ready (the line of measures appears, the lanes get their shading)."""
    events: list[tuple[str, bool]] = []
    page.opened.connect(lambda opened, _visible: events.append(("opened", opened.metrics is not None)))
    page.measured.connect(lambda opened: events.append(("measured", opened.metrics is not None)))
    coach = services.accounts.find("marieke")
    assert coach is not None
    [recording] = [r for r in services.catalog.visible_for(coach).items if r.id == "rec-stereo"]
    page.open_recording(recording)
    qtbot.waitUntil(lambda: page.measures_line.isVisible(), timeout=10_000)
    assert events == [("opened", False), ("measured", True)]
    assert page.recording is not None and page.recording.metrics is not None
    assert not page.measuring


def test_playing_skips_the_holds_unless_the_coach_turns_it_off_and_the_choice_is_remembered(
    qtbot: QtBot, page: PlayerPage, services: Services, coach: User, clock: FakeClock, tmp_path: Path
) -> None:
    memory = LayoutMemory(tmp_path, "marieke")
    tasks = TaskRunner()
    player = PlayerPage(services.desk_for(coach), players(lambda: ClockOutput(clock)), tasks, memory=memory)
    qtbot.addWidget(player)
    player.resize(1240, 700)
    player.show()
    assert player.skip_holds.isChecked() and player.skip_holds.text() == "Stiltes overslaan"  # on by default
    open_in(qtbot, player, services, "marieke", "rec-stereo")
    wave = player.waveform
    wave.grab()

    def play_two_seconds_from(seconds: float) -> float:
        qtbot.mouseClick(wave, Qt.MouseButton.LeftButton, pos=QPoint(x_of(player, seconds), 40))
        start = player.engine.position_s if player.engine is not None else 0.0
        qtbot.mouseClick(player.play_button, Qt.MouseButton.LeftButton)
        clock.advance(seconds=2)
        qtbot.waitUntil(lambda: player.engine is not None and player.engine.position_s > start + 1.5, timeout=5_000)
        qtbot.mouseClick(player.play_button, Qt.MouseButton.LeftButton)  # pause
        assert player.engine is not None
        return player.engine.position_s - start

    # From 1 s before the hold: 1 s before it, then on from its end.
    moved = play_two_seconds_from(HOLD[0] - 1.0)
    assert player.engine is not None and player.engine.position_s == pytest.approx(HOLD[1] + 1.0, abs=0.15)
    assert player.recording is not None and player.recording.metrics is not None
    [(start, end)] = [s for s in player.recording.metrics.silences if s[0] < HOLD[1] and s[1] > HOLD[0]]
    assert moved == pytest.approx(2.0 + end - start, abs=0.01)  # exactly the measured hold skipped
    # The waveform still shows the hold: its marker is there to click, and a click into the hold plays it.
    strip_y = wave.height() - RULER_HEIGHT - MEASURES_STRIP // 2
    qtbot.mouseClick(wave, Qt.MouseButton.LeftButton, pos=QPoint(x_of(player, (HOLD[0] + HOLD[1]) / 2), strip_y))
    assert player.engine.position_s == pytest.approx(HOLD[0], abs=0.15)
    qtbot.mouseClick(player.play_button, Qt.MouseButton.LeftButton)
    clock.advance(seconds=1)
    qtbot.waitUntil(lambda: player.engine is not None and player.engine.position_s > HOLD[0] + 0.9, timeout=5_000)
    qtbot.mouseClick(player.play_button, Qt.MouseButton.LeftButton)
    assert player.engine.position_s == pytest.approx(HOLD[0] + 1.0, abs=0.15)  # inside the hold

    qtbot.mouseClick(player.skip_holds, Qt.MouseButton.LeftButton)
    assert not player.skip_holds.isChecked()
    assert play_two_seconds_from(HOLD[0] - 1.0) == pytest.approx(2.0, abs=0.05)  # through the hold
    assert player.engine.position_s == pytest.approx(HOLD[0] + 1.0, abs=0.15)
    tasks.shutdown()

    # A restart: the coach's choice is read back from the workspace.
    memory.sync()
    again = PlayerPage(
        services.desk_for(coach), players(ClockOutput), TaskRunner(), memory=LayoutMemory(tmp_path, "marieke")
    )
    qtbot.addWidget(again)
    assert not again.skip_holds.isChecked()
    other = PlayerPage(
        services.desk_for(coach), players(ClockOutput), TaskRunner(), memory=LayoutMemory(tmp_path, "sanne")
    )
    qtbot.addWidget(other)
    assert other.skip_holds.isChecked()  # per coach
