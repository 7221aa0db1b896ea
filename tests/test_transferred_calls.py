"""Issue 14, "one rule book": of a transferred call, the parts answered by an employee the coach does not
coach are not played. The service says which parts are playable, the engine outputs silence elsewhere,
and the player greys those parts and does not seek into them (a real mouse click on the waveform)."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from datetime import date, timedelta

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nunrec_desktop.adapters.audio.decode import decode
from nunrec_desktop.adapters.audio.playback import ClockOutput, PlaybackEngine, complement, nearest_playable
from nunrec_desktop.adapters.store.base import AudioInfo, RecordingMeta, Segment
from nunrec_desktop.adapters.store.folder import write_recording
from nunrec_desktop.app import Services, players
from nunrec_desktop.domain import User
from nunrec_desktop.services.recordings import playable_ranges
from nunrec_desktop.ui.player_page import PlayerPage
from nunrec_desktop.ui.tasks import TaskRunner
from nunrec_desktop.ui.translations import install_translators
from nunrec_desktop.ui.waveform_view import LABEL_WIDTH
from tests.call_signals import stereo_call, wav_bytes
from tests.conftest import FakeClock
from tests.recordings_factory import add_recording

RATE = 8000
SECONDS = 20.0


def loud_stereo_wav(seconds: float = SECONDS) -> bytes:
    """A real stereo PCM WAV with sound in every frame on both channels (no silent stretch anywhere)."""
    t = np.arange(int(seconds * RATE)) / RATE
    data = np.stack([0.5 * np.sin(2 * np.pi * 220 * t) + 0.2, 0.5 * np.sin(2 * np.pi * 330 * t) - 0.2], axis=1)
    buffer = io.BytesIO()
    sf.write(buffer, data, RATE, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


@pytest.fixture
def transfer(services: Services, coach: User, clock: FakeClock) -> Services:
    """E9 (not this coach's) answered the first 8 seconds, then transferred to E1 (this coach's)."""
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.add_employee("E9", "Bram Jansen")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    add_recording(
        services.workspace.store_path,
        "rec-moved",
        clock.now - timedelta(days=1),
        duration=SECONDS,
        audio=loud_stereo_wav(),
        employee="E9",
        segments=(Segment("E9", 0, 8), Segment("E1", 8, SECONDS)),
    )
    return services


def test_the_service_says_which_parts_play_and_silences_the_rest(transfer: Services, coach: User) -> None:
    opened = transfer.listening.open(coach, "rec-moved")
    assert opened.playable == ((8.0, SECONDS),)
    assert opened.blocked() == ((0.0, 8.0),)
    samples = opened.audio.samples
    assert samples.shape == (int(SECONDS * RATE), 2)
    assert not samples[: 8 * RATE].any()  # the other employee's part is zeros before it leaves the service
    assert np.abs(samples[8 * RATE :]).min() > 0
    # The engine outputs zeros there and sound after the transfer.
    engine = PlaybackEngine(opened.audio, ClockOutput(transfer.clock), opened.playable)
    engine.play()
    engine.seek(2.0)
    assert not engine.render(4000).any()
    engine.seek(10.0)
    assert np.abs(engine.render(4000)[:, 0]).min() > 0


@pytest.mark.parametrize("speed", [1.0, 0.75, 1.5])
def test_the_engine_outputs_silence_outside_the_playable_parts_of_unsilenced_audio(
    speed: float, clock: FakeClock
) -> None:
    """The engine's own wall: even given audio with sound everywhere, it plays only the playable ranges."""
    audio = decode(loud_stereo_wav(), "test")
    assert np.abs(audio.samples).min() > 0
    engine = PlaybackEngine(audio, ClockOutput(clock), ((8.0, SECONDS),))
    engine.set_speed(speed)
    engine.play()
    engine.seek(1.0)
    assert not engine.render(RATE).any()
    engine.seek(7.5)
    across = engine.render(int(RATE / speed))  # half a second before the transfer, half after
    quiet, loud = across[: int(0.45 * RATE / speed)], across[int(0.6 * RATE / speed) :]
    assert not quiet.any()
    assert np.abs(loud[:, 0]).min() > 0
    # Without ranges (a recording of one employee) every frame sounds.
    whole = PlaybackEngine(audio, ClockOutput(clock))
    whole.play()
    whole.seek(1.0)
    assert np.abs(whole.render(RATE)[:, 0]).min() > 0


def test_a_coach_of_both_employees_hears_everything(transfer: Services, coach: User) -> None:
    transfer.people.assign(coach.id, "E9", date(2026, 1, 1))
    opened = transfer.listening.open(coach, "rec-moved")
    assert opened.playable == ((0.0, SECONDS),) and opened.blocked() == ()
    assert np.abs(opened.audio.samples).min() > 0


def test_listening_together_with_one_employee_plays_only_their_part(transfer: Services, coach: User) -> None:
    transfer.people.assign(coach.id, "E9", date(2026, 1, 1))
    opened = transfer.listening.open(coach, "rec-moved", only_employee="E1")
    assert opened.playable == ((8.0, SECONDS),)
    assert not opened.audio.samples[: 8 * RATE].any()


def meta(employee: str, *segments: Segment) -> RecordingMeta:
    from datetime import UTC, datetime

    audio = AudioInfo("x.wav", "wav", RATE, 2, ("employee", "caller"))
    return RecordingMeta(
        "r", datetime(2026, 11, 1, tzinfo=UTC), 30.0, "inbound", "+31341259911", employee, audio, segments
    )


def test_playable_ranges_rules() -> None:
    mine = {"E1"}.__contains__
    # Time no segment covers belongs to the recording's employee.
    assert playable_ranges(meta("E1", Segment("E9", 10, 20)), 30.0, mine) == ((0.0, 10.0), (20.0, 30.0))
    # No one answered that part: not playable (fail closed).
    assert playable_ranges(meta("", Segment("E1", 10, 20)), 30.0, mine) == ((10.0, 20.0),)
    assert playable_ranges(meta(" "), 30.0, mine) == ()
    # Two employees on the line at once (an attended transfer): only when both may be heard.
    assert playable_ranges(meta("E1", Segment("E1", 0, 15), Segment("E9", 12, 30)), 30.0, mine) == ((0.0, 12.0),)
    # Segments beyond the audio are clipped; adjacent parts merge.
    assert playable_ranges(meta("E9", Segment("E1", 0, 10), Segment("E1", 10, 99)), 30.0, mine) == ((0.0, 30.0),)
    assert complement(((8.0, 20.0),), 20.0) == ((0.0, 8.0),)
    assert nearest_playable(3.0, ((8.0, 20.0),), 20.0) == 8.0
    assert nearest_playable(20.0, ((8.0, 20.0),), 20.0) == 20.0
    assert nearest_playable(19.0, ((0.0, 8.0),), 20.0) == pytest.approx(8.0, abs=0.01)
    assert nearest_playable(1.0, (), 20.0) is None


@pytest.fixture
def page(qtbot: QtBot, qapp: QApplication, transfer: Services, coach: User, clock: FakeClock) -> Iterator[PlayerPage]:
    translators = install_translators(qapp)
    tasks = TaskRunner()
    player = PlayerPage(transfer.desk_for(coach), players(lambda: ClockOutput(clock)), tasks)
    qtbot.addWidget(player)
    player.resize(1200, 700)
    player.show()
    [recording] = [r for r in transfer.catalog.visible_for(coach).items if r.id == "rec-moved"]
    player.open_recording(recording)
    qtbot.waitUntil(lambda: not player.loading, timeout=10_000)
    yield player
    tasks.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def x_for(player: PlayerPage, seconds: float) -> int:
    width = player.waveform.width() - LABEL_WIDTH
    return int(LABEL_WIDTH + seconds / SECONDS * width)


def test_the_player_greys_the_other_part_and_a_click_there_does_not_seek_into_it(
    qtbot: QtBot, page: PlayerPage
) -> None:
    assert page.engine is not None
    assert page.engine.position_s == pytest.approx(8.0)  # opened at the first part this coach may hear
    image = page.waveform.grab().toImage()
    y = page.waveform.height() // 4 + 20  # inside the first lane, off the centre line
    grey, clear = QColor(image.pixel(x_for(page, 4.0), y)), QColor(image.pixel(x_for(page, 14.0), y))
    assert grey != clear
    assert max(grey.red(), grey.green(), grey.blue()) - min(grey.red(), grey.green(), grey.blue()) < 30
    assert grey.lightness() < clear.lightness()

    qtbot.mouseClick(page.waveform, Qt.MouseButton.LeftButton, pos=QPoint(x_for(page, 14.0), y))
    assert page.engine.position_s == pytest.approx(14.0, abs=0.1)
    assert page.blocked_notice.isHidden()

    qtbot.mouseClick(page.waveform, Qt.MouseButton.LeftButton, pos=QPoint(x_for(page, 3.0), y))
    assert page.engine.position_s == pytest.approx(8.0, abs=0.01)  # the nearest playable moment
    assert page.blocked_notice.isVisible()
    assert "niet afgespeeld" in page.blocked_notice.text() and "niet coacht" in page.blocked_notice.text()

    # Skipping back from the start of the coach's part does not enter the other part either.
    page.waveform.setFocus()
    qtbot.keyClick(page.waveform, Qt.Key.Key_Left)
    assert page.engine.position_s == pytest.approx(8.0, abs=0.01)
    # And what plays from there is the coach's employee, not silence.
    page.engine.play()
    assert np.abs(page.engine.render(RATE)[:, 0]).min() > 0


def test_the_other_employees_part_is_not_counted_as_a_silence(
    transfer: Services, coach: User, clock: FakeClock
) -> None:
    """Issue 22/23: the silenced seconds of E9's part are no hold of this conversation; a real pause in the
    coach's part still is."""
    talk = stereo_call(employee=((0.5, 7.5), (8.5, 12.0), (17.0, 19.5)), caller=((12.3, 14.0),), seconds=SECONDS)
    add_recording(
        transfer.workspace.store_path,
        "rec-talk",
        clock.now - timedelta(days=1),
        duration=SECONDS,
        audio=wav_bytes(talk),
        employee="E9",
        segments=(Segment("E9", 0, 8), Segment("E1", 8, SECONDS)),
    )
    opened = transfer.listening.open(coach, "rec-talk").measured()
    assert opened.metrics is not None
    [(start, end)] = opened.metrics.silences  # only the pause of 14.0-17.0, not 0-8.5
    assert start == pytest.approx(14.0, abs=0.2) and end == pytest.approx(17.0, abs=0.2)
    assert opened.metrics.figures().holds == 1


def test_a_transferred_call_with_the_caller_on_the_first_channel_shows_the_employee_on_top(
    qtbot: QtBot, qapp: QApplication, transfer: Services, coach: User, clock: FakeClock
) -> None:
    """The recorder put the caller on channel 0: the lanes still read Medewerker above Beller, and the
    employee's (quiet) channel is drawn in the top lane."""
    t = np.arange(int(SECONDS * RATE)) / RATE
    caller_loud = np.stack([0.001 * np.sin(2 * np.pi * 220 * t), 0.8 * np.sin(2 * np.pi * 330 * t)], axis=1)
    buffer = io.BytesIO()
    sf.write(buffer, caller_loud[:, ::-1], RATE, format="WAV", subtype="PCM_16")  # the caller on channel 0
    meta = add_recording(
        transfer.workspace.store_path,
        "rec-swapped",
        clock.now - timedelta(days=1),
        duration=SECONDS,
        audio=buffer.getvalue(),
        employee="E1",
        segments=(Segment("E1", 0, 12), Segment("E9", 12, SECONDS)),
    )
    swapped = dataclasses.replace(meta, audio=dataclasses.replace(meta.audio, channel_map=("caller", "employee")))
    write_recording(transfer.workspace.store_path, swapped, buffer.getvalue())
    tasks = TaskRunner()
    player = PlayerPage(transfer.desk_for(coach), players(lambda: ClockOutput(clock)), tasks)
    qtbot.addWidget(player)
    player.resize(1200, 700)
    player.show()
    [recording] = [r for r in transfer.catalog.visible_for(coach).items if r.id == "rec-swapped"]
    player.open_recording(recording)
    qtbot.waitUntil(lambda: not player.loading, timeout=10_000)
    try:
        assert player.recording is not None and player.recording.lanes == ("caller", "employee")
        image = player.waveform.grab().toImage()
        wave = player.waveform
        lane = (wave.height() - 24) / 2
        x = x_for(player, 6.0)
        inked_rows = [
            y for y in range(int(lane)) if QColor(image.pixel(x, y)).lightness() < 200 and abs(y - lane / 2) > 3
        ]
        assert not inked_rows  # the top lane is the quiet employee, not the loud caller
        assert any(
            QColor(image.pixel(x, y)).lightness() < 200 for y in range(int(lane) + 8, int(lane + lane / 2) - 8)
        )  # the caller's loud channel is drawn in the lane below
    finally:
        tasks.shutdown()
