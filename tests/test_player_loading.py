"""An MP3 opens at the speed of its first minute (issue 16): the first view is on screen while the whole file
is still being decoded, and the player is usable meanwhile (a real click seeks, play, marks). The decode
is held by a hook the test releases, so nothing here depends on timing."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from datetime import date, timedelta

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nunrec_desktop.adapters.audio.decode import load
from nunrec_desktop.adapters.audio.playback import ClockOutput
from nunrec_desktop.app import Services, players
from nunrec_desktop.demo.audio import can_write_mp3
from nunrec_desktop.domain import User
from nunrec_desktop.services.listening import ListeningService, OpenedRecording
from nunrec_desktop.ui.player_page import PlayerPage
from nunrec_desktop.ui.tasks import TaskRunner
from nunrec_desktop.ui.translations import install_translators
from nunrec_desktop.ui.waveform_view import LABEL_WIDTH
from tests.conftest import FakeClock
from tests.recordings_factory import add_recording

pytestmark = pytest.mark.skipif(not can_write_mp3(), reason="this libsndfile cannot write MP3")
SECONDS = 8.0
FIRST_VIEW_S = 2.0


def mp3_call(seconds: float) -> bytes:
    t = np.arange(int(seconds * 8000)) / 8000
    data = np.stack([0.5 * np.sin(2 * np.pi * 220 * t), 0.5 * np.sin(2 * np.pi * 330 * t) * (t % 2 >= 1)], axis=1)
    buffer = io.BytesIO()
    sf.write(buffer, data, 8000, format="MP3", subtype="MPEG_LAYER_III")
    return buffer.getvalue()


def test_an_mp3_first_view_holds_the_first_part_and_the_rest_equals_one_call() -> None:
    data = mp3_call(SECONDS)
    with sf.SoundFile(io.BytesIO(data)) as sound:
        expected = sound.read(dtype="int16", always_2d=True)
    loaded = load(data, "rec-mp3", first_view_s=FIRST_VIEW_S)
    first = int(FIRST_VIEW_S * 8000)
    assert loaded.audio.rest is not None and loaded.audio.frames == len(expected)  # the full length, from the header
    assert loaded.summary.ready_frames == first
    assert np.array_equal(loaded.audio.samples[:first], expected[:first])
    whole = loaded.audio.rest.run()
    assert whole.audio.rest is None and np.array_equal(whole.audio.samples, expected)
    assert whole.audio.samples.base is loaded.audio.samples or whole.audio.samples is loaded.audio.samples  # no copy
    assert whole.summary.ready_frames == whole.summary.frames == len(expected)
    assert load(data, "rec-mp3").audio.rest is None  # without a first view: one call, as before


@pytest.fixture
def held_player(
    qtbot: QtBot, qapp: QApplication, services: Services, coach: User, clock: FakeClock
) -> Iterator[tuple[PlayerPage, threading.Event, list[OpenedRecording]]]:
    translators = install_translators(qapp)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    add_recording(
        services.workspace.store_path,
        "rec-mp3",
        clock.now - timedelta(days=1),
        duration=SECONDS,
        audio=mp3_call(SECONDS),
        ext="mp3",
    )
    listening = ListeningService(services.catalog, services.store, first_view_s=FIRST_VIEW_S)
    release = threading.Event()
    opened: list[OpenedRecording] = []

    def opener(recording_id: str) -> OpenedRecording:
        recording = listening.open(coach, recording_id)
        assert recording.audio.rest is not None
        recording.audio.rest.hold = lambda: release.wait(30)  # a slow decoder, released by the test
        opened.append(recording)
        return recording

    tasks = TaskRunner()

    class SlowDecoderDesk:  # the player's desk, opening through this test's listening service
        def open_recording(self, recording_id: str) -> OpenedRecording:
            return opener(recording_id)

        def before_playback(self, opened: OpenedRecording) -> None:
            listening.before_playback(coach, opened)

    page = PlayerPage(SlowDecoderDesk(), players(lambda: ClockOutput(clock)), tasks)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    coach_user = services.accounts.find("marieke")
    assert coach_user is not None
    [visible] = [r for r in services.catalog.visible_for(coach_user).items if r.id == "rec-mp3"]
    page.open_recording(visible)
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    yield page, release, opened
    release.set()
    tasks.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def test_the_player_is_usable_before_the_whole_mp3_is_decoded(
    qtbot: QtBot, held_player: tuple[PlayerPage, threading.Event, list[OpenedRecording]], clock: FakeClock
) -> None:
    page, release, opened = held_player
    assert page.decoding and page.recording is opened[0] and page.engine is not None
    assert page.engine.duration_s == pytest.approx(SECONDS, abs=0.1)  # the whole call on the time line already
    assert page.recording.summary.ready_frames == int(FIRST_VIEW_S * 8000)
    assert "rest van het gesprek wordt geladen" in page.info.text()
    wave = page.waveform
    width = wave.width() - LABEL_WIDTH
    image = wave.grab().toImage()
    veiled = image.pixelColor(LABEL_WIDTH + int(width * 0.9), 20)
    assert (veiled.red(), veiled.green(), veiled.blue()) != (255, 255, 255)  # the undecoded part is veiled

    qtbot.mouseClick(wave, Qt.MouseButton.LeftButton, pos=QPoint(LABEL_WIDTH + int(width * 0.75), 50))
    assert page.engine.position_s == pytest.approx(6.0, abs=SECONDS / width + 0.01)  # past the decoded part
    wave.setFocus()
    qtbot.keyClick(wave, Qt.Key.Key_Space)
    assert page.engine.playing
    clock.advance(seconds=0.5)
    qtbot.waitUntil(lambda: page.engine is not None and page.engine.position_s == pytest.approx(6.5, abs=0.05))
    qtbot.keyClick(wave, Qt.Key.Key_M)
    assert [round(m.at_s, 1) for m in page.marks] == [6.5]
    assert page.decoding  # all of that while the decoder was still held

    release.set()
    qtbot.waitUntil(lambda: not page.decoding, timeout=20_000)
    full = page.recording
    assert full is not None and full.audio.rest is None and full.summary.ready_frames == full.audio.frames
    assert page.engine.audio is full.audio and page.engine.playing
    assert page.engine.position_s >= 6.5 - 0.01 and [round(m.at_s, 1) for m in page.marks] == [6.5]
    assert page.info.text() == page._info_base
    after = wave.grab().toImage().pixelColor(LABEL_WIDTH + int(width * 0.9), 20)
    assert (after.red(), after.green(), after.blue()) == (255, 255, 255)  # veil gone: lane background again
