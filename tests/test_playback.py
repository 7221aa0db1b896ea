"""Playback: speed keeps pitch and duration within 2 %, seeking lands within 10 ms, lanes mix and mute,
every open and start is checked and audited, and there is no sound device on CI (the app says so)."""

from __future__ import annotations

import io
from datetime import date, timedelta

import numpy as np
import pytest
import soundfile as sf

from nunrec_desktop.adapters.audio.decode import AudioDecodeError, DecodedAudio
from nunrec_desktop.adapters.audio.playback import NO_SOUND, ClockOutput, PlaybackEngine, SoundDeviceOutput
from nunrec_desktop.adapters.audio.timestretch import stretch
from nunrec_desktop.app import Services
from nunrec_desktop.domain import AccessDenied, User
from tests.conftest import FakeClock
from tests.recordings_factory import add_recording

RATE = 8000


def tone(freq: float, seconds: float, channels: int = 1, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    lane = (amplitude * 32767 * np.sin(2 * np.pi * freq * t)).astype(np.int16)
    return np.repeat(lane[:, None], channels, axis=1)


def pitch(signal: np.ndarray) -> float:
    middle = signal[len(signal) // 8 : -len(signal) // 8]
    spectrum = np.abs(np.fft.rfft(middle * np.hanning(len(middle)), n=len(middle) * 8))
    return float(np.argmax(spectrum) * RATE / (len(middle) * 8))


@pytest.mark.parametrize("speed", [0.5, 0.75, 1.25, 1.5, 2.0])
@pytest.mark.parametrize("freq", [150.0, 440.0])
def test_speed_keeps_pitch_and_scales_duration(speed: float, freq: float) -> None:
    source = tone(freq, 4.0)
    out = stretch(source, RATE, speed)
    assert abs(len(out) / (len(source) / speed) - 1) < 0.02
    assert abs(pitch(out[:, 0]) / freq - 1) < 0.02
    assert float(np.abs(out).max()) > 0.3  # not muffled into silence


def engine_with(samples: np.ndarray, clock: FakeClock) -> tuple[PlaybackEngine, ClockOutput]:
    output = ClockOutput(clock)
    return PlaybackEngine(DecodedAudio(samples, RATE, "WAV", "PCM_16"), output), output


def test_playing_follows_the_clock_at_any_speed(clock: FakeClock) -> None:
    engine, output = engine_with(tone(300, 20.0, 2), clock)
    engine.play()
    clock.advance(seconds=2)
    output.pump()
    assert engine.position_s == pytest.approx(2.0, abs=0.01)
    engine.set_speed(2.0)
    clock.advance(seconds=2)
    output.pump()
    assert engine.position_s == pytest.approx(6.0, abs=0.05)
    engine.set_speed(0.5)
    clock.advance(seconds=2)
    output.pump()
    assert engine.position_s == pytest.approx(7.0, abs=0.05)
    engine.pause()
    clock.advance(seconds=5)
    output.pump()
    assert engine.position_s == pytest.approx(7.0, abs=0.05) and not engine.playing


@pytest.mark.parametrize("target", [0.0, 0.123, 3.5, 9.999, 19.9])
def test_seeking_lands_within_10_ms(clock: FakeClock, target: float) -> None:
    engine, output = engine_with(tone(300, 20.0, 2), clock)
    engine.seek(target)
    assert abs(engine.position_s - target) < 0.010
    engine.play()
    clock.advance(milliseconds=50)
    output.pump()
    assert abs(engine.position_s - min(target + 0.05, 20.0)) < 0.010


def test_skip_and_bounds(clock: FakeClock) -> None:
    engine, _ = engine_with(tone(300, 10.0, 2), clock)
    engine.skip(5)
    engine.skip(5)
    engine.skip(5)
    assert engine.position_s == pytest.approx(10.0)
    engine.skip(-30)
    assert engine.position_s == 0.0
    engine.set_speed(9)
    assert engine.speed == 2.0
    engine.set_speed(0.1)
    assert engine.speed == 0.5


def test_lanes_mix_and_mute(clock: FakeClock) -> None:
    employee, caller = tone(300, 2.0), tone(700, 2.0)
    engine, _ = engine_with(np.concatenate([employee, caller], axis=1), clock)
    engine.play()
    both = engine.render(8000)
    assert pitch(both[:, 0]) in (pytest.approx(300, rel=0.02), pytest.approx(700, rel=0.02))
    engine.seek(0)
    engine.set_muted(1, True)  # listen to the employee only
    only_employee = engine.render(8000)
    assert pitch(only_employee[:, 0]) == pytest.approx(300, rel=0.02)
    assert np.allclose(only_employee[:, 0], only_employee[:, 1])
    engine.seek(0)
    engine.set_muted(1, False)
    engine.set_volume(0, 0.0)
    assert pitch(engine.render(8000)[:, 0]) == pytest.approx(700, rel=0.02)


class AheadOutput:
    """An output that lets the engine render ahead on its worker thread (as the sound card does); the test
    plays the device callback by calling `render`."""

    available = True
    reason = ""
    renders_ahead = True

    def start(self, render: object, sample_rate: int) -> None:
        return None

    def stop(self) -> None:
        return None


def test_a_muted_lane_contributes_exactly_nothing_from_the_next_buffer_on() -> None:
    """Rendered ahead with both lanes, yet the buffer after the mute holds the employee's lane alone, sample for
    sample: the lanes are mixed as the callback copies them."""
    employee, caller = tone(300, 4.0), tone(700, 4.0)
    engine = PlaybackEngine(
        DecodedAudio(np.concatenate([employee, caller], axis=1), RATE, "WAV", "PCM_16"), AheadOutput()
    )
    engine.play()
    try:
        first = engine.render(800)
        expected_both = (employee[:800, 0].astype(np.float32) + caller[:800, 0]) / np.float32(32768)
        assert np.allclose(first[:, 0], np.clip(expected_both, -1, 1), atol=1e-6)
        engine.set_muted(1, True)
        muted = engine.render(800)
        assert np.array_equal(muted[:, 0], employee[800:1600, 0].astype(np.float32) * np.float32(1 / 32768))
        assert engine.position_s == pytest.approx(0.2) and engine.starved == 0
    finally:
        engine.pause()


def test_a_seek_while_rendering_ahead_is_heard_at_the_next_buffer() -> None:
    """What was rendered ahead is thrown away on a seek: the next buffer starts at the new position."""
    samples = np.arange(RATE * 4, dtype=np.int16)[:, None] % 1000  # the sample value tells where it came from
    engine = PlaybackEngine(DecodedAudio(samples.astype(np.int16), RATE, "WAV", "PCM_16"), AheadOutput())
    engine.play()
    try:
        engine.render(400)
        engine.seek(2.0)
        after = engine.render(100)
        assert np.array_equal(np.rint(after[:, 0] * 32768), samples[2 * RATE : 2 * RATE + 100, 0])
        assert engine.position_s == pytest.approx(2.0 + 100 / RATE)
    finally:
        engine.pause()


def test_playing_to_the_end_stops_and_play_restarts(clock: FakeClock) -> None:
    engine, output = engine_with(tone(300, 1.0, 2), clock)
    engine.play()
    clock.advance(seconds=3)
    output.pump()
    assert not engine.playing and engine.position_s == pytest.approx(1.0)
    engine.play()
    assert engine.playing and engine.position_s == 0.0


def test_a_refused_start_does_not_play(clock: FakeClock) -> None:
    engine, _ = engine_with(tone(300, 1.0, 2), clock)

    def refuse() -> None:
        raise AccessDenied("verlopen")

    engine.on_start = refuse
    with pytest.raises(AccessDenied):
        engine.play()
    assert not engine.playing


def test_without_a_sound_device_it_is_said_plainly() -> None:
    output = SoundDeviceOutput()  # CI has PortAudio but no sound card
    assert output.available or output.reason == NO_SOUND
    assert "geen geluidsapparaat" in NO_SOUND


# -- opening through the service --------------------------------------------------------------------


@pytest.fixture
def coached(services: Services, coach: User, clock: FakeClock) -> User:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.add_employee("E2", "Bram Jansen")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    return coach


def test_open_decodes_in_memory_and_audits(services: Services, coached: User, clock: FakeClock) -> None:
    add_recording(services.workspace.store_path, "rec-1", clock.now - timedelta(days=1), duration=2.0)
    opened = services.listening.open(coached, "rec-1")
    assert opened.audio.channels == 2 and opened.complete and opened.lanes == ("employee", "caller")
    assert [opened.lane_label(c) for c in (0, 1)] == ["Medewerker", "Beller"]
    services.listening.before_playback(coached, opened)
    start, open_entry = services.audit.entries()[:2]
    assert (open_entry.action, open_entry.detail, open_entry.object_id, open_entry.purpose) == (
        "recordings.play",
        "open; employees=E1",
        "rec-1",
        "coaching",
    )
    assert (start.action, start.detail, start.result) == ("recordings.play", "start; employees=E1", "allowed")


def test_open_refuses_another_coachs_call(services: Services, coached: User, clock: FakeClock) -> None:
    add_recording(services.workspace.store_path, "rec-2", clock.now - timedelta(days=1), employee="E2")
    with pytest.raises(AccessDenied):
        services.listening.open(coached, "rec-2")


def test_a_recording_that_expires_while_open_cannot_start(services: Services, coached: User, clock: FakeClock) -> None:
    add_recording(services.workspace.store_path, "rec-3", clock.now - timedelta(days=29, hours=23))
    opened = services.listening.open(coached, "rec-3")
    clock.advance(hours=2)
    with pytest.raises(AccessDenied, match="bewaartermijn"):
        services.listening.before_playback(coached, opened)


def test_incomplete_and_corrupt_audio(services: Services, coached: User, clock: FakeClock) -> None:
    buffer = io.BytesIO()
    sf.write(buffer, np.zeros((8000 * 10, 2)), RATE, format="WAV", subtype="ALAW")
    whole = buffer.getvalue()
    add_recording(
        services.workspace.store_path,
        "rec-cut",
        clock.now - timedelta(days=1),
        duration=10.0,
        audio=whole[: len(whole) // 3],
    )
    assert services.listening.open(coached, "rec-cut").complete is False
    add_recording(services.workspace.store_path, "rec-bad", clock.now - timedelta(days=1), audio=b"garbage" * 99)
    with pytest.raises(AudioDecodeError, match="rec-bad"):
        services.listening.open(coached, "rec-bad")


def test_what_the_player_holds_has_no_caller_number(services: Services, coached: User, clock: FakeClock) -> None:
    add_recording(services.workspace.store_path, "rec-1", clock.now - timedelta(days=1), caller="+31612345678")
    opened = services.listening.open(coached, "rec-1")
    assert all("612345678" not in str(value) for value in vars(opened).values() if not hasattr(value, "samples"))
    assert opened._meta.caller_number is None


def counting(frames: int) -> np.ndarray:
    """A mono lane whose every sample is its own frame number: the output says which frames were played."""
    return np.arange(frames, dtype=np.int16)[:, None]


def played(engine: PlaybackEngine, frames: int, block: int = 1000) -> np.ndarray:
    out = np.concatenate([engine.render(block) for _ in range(-(-frames // block))])
    return np.rint(out[:frames, 0] * 32768).astype(np.int64)


def test_holds_are_skipped_to_the_frame_while_playing(clock: FakeClock) -> None:
    engine, _output = engine_with(counting(3 * RATE), clock)
    engine.set_skipped([(1.0, 2.0)])  # frames 8000..15999
    engine.play()
    heard = played(engine, 2 * RATE)
    expected = np.concatenate([np.arange(0, RATE), np.arange(2 * RATE, 3 * RATE)])
    assert np.array_equal(heard, expected)
    assert not engine.playing  # played to the end: exactly 2 s of the 3 were heard


def test_nothing_is_skipped_without_ranges_and_a_seek_into_a_hold_plays_it(clock: FakeClock) -> None:
    engine, _output = engine_with(counting(3 * RATE), clock)
    engine.play()
    assert np.array_equal(played(engine, 3 * RATE), np.arange(3 * RATE))  # before the measures: all of it
    engine.set_skipped([(1.0, 2.0)])
    engine.seek(1.5)  # by hand into the hold: the coach asked for it
    engine.play()
    assert np.array_equal(played(engine, RATE + RATE // 2), np.arange(RATE + RATE // 2, 3 * RATE))
    engine.seek(0.5)  # reached by playing: skipped again
    engine.play()
    expected = np.concatenate([np.arange(RATE // 2, RATE), np.arange(2 * RATE, 3 * RATE)])
    assert np.array_equal(played(engine, len(expected)), expected)


def test_holds_are_skipped_at_other_speeds(clock: FakeClock) -> None:
    engine, output = engine_with(tone(300, 6.0), clock)
    engine.set_skipped([(2.0, 4.0)])
    engine.set_speed(1.5)
    engine.play()
    clock.advance(seconds=2)  # 3 s of source at 1.5x, 2 s of them before the hold
    output.pump()
    assert engine.position_s == pytest.approx(5.0, abs=0.1)
