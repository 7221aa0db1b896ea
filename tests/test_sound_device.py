"""The real sound path: `SoundDeviceOutput` (PortAudio) plays into a PulseAudio null sink, whose monitor
records what reached it. CI has no sound card; tools/sound-test-server.sh starts a user daemon with a null
sink, and ALSA's default device follows it.

The null sink here does not keep real time, so every assertion is about the frames the device consumed,
never about the wall clock. The scenarios run in a child process (tests/sound_scenarios.py) so that
PortAudio starts with the sound server in its environment and no other test shares the device."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCK = 1024  # more than one PortAudio/ALSA period at 8 kHz: "within one buffer"


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    if shutil.which("pulseaudio") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs pulseaudio for the sound tests (tools/system-packages.sh test)")
        pytest.skip("pulseaudio is not installed here (tools/system-packages.sh test installs it)")
    # A daemon of this run's own: another test run on the machine playing into a shared null sink at the same
    # time was recorded too (a muted caller lane at 0.7 % of the employee's energy on a busy machine).
    folder = tmp_path_factory.mktemp("pulse")
    server = subprocess.run(
        ["bash", str(ROOT / "tools" / "sound-test-server.sh"), str(folder)], capture_output=True, text=True, timeout=300
    )
    assert server.returncode == 0, server.stderr
    env = {**os.environ, "PULSE_SERVER": server.stdout.strip()}
    try:
        child = subprocess.run(
            [sys.executable, str(ROOT / "tests" / "sound_scenarios.py")],
            capture_output=True,
            text=True,
            timeout=900,  # a safety net: the scenarios assert frames and energy, never time
            env=env,
            cwd=ROOT,
        )
        assert child.returncode == 0, child.stderr
        result: dict[str, Any] = json.loads(child.stdout)
        assert result["available"], "PortAudio found no output device behind the null sink"
        yield result
    finally:
        subprocess.run(["pactl", "exit"], env=env, capture_output=True, timeout=300)  # the daemon ends


@pytest.mark.parametrize("speed", [1.0, 0.5, 2.0])
def test_the_position_follows_the_frames_the_device_consumed(measured: dict[str, Any], speed: float) -> None:
    (run,) = [r for r in measured["speeds"] if r["speed"] == speed]
    assert run["frames"] >= 8000
    assert abs(run["position_frames"] - speed * run["frames"]) <= BLOCK * speed


@pytest.mark.parametrize("speed", [1.0, 0.5, 2.0])
def test_no_underrun_at_any_speed(measured: dict[str, Any], speed: float) -> None:
    """Rendered ahead (time-stretch included): neither the device nor the callback ran dry, also with both
    cores busy (run it beside `stress-ng --cpu 2`)."""
    (run,) = [r for r in measured["speeds"] if r["speed"] == speed]
    assert run["underruns"] == 0 and run["starved"] == 0


def test_pause_stops_consumption_and_position(measured: dict[str, Any]) -> None:
    assert measured["pause"] == {"frames_after": 0, "moved_s": 0.0}


def test_a_seek_while_playing_moves_the_position(measured: dict[str, Any]) -> None:
    assert 20.0 <= measured["seek"]["position_s"] < 21.0


def test_a_muted_lane_does_not_reach_the_device(measured: dict[str, Any]) -> None:
    both, muted = measured["mute"]["both"], measured["mute"]["caller_muted"]
    assert both["caller"] > 0.3 * both["employee"]  # both lanes were heard
    assert muted["caller"] < 0.001 * muted["employee"]  # the muted caller lane was not (leakage of the window only)


def test_playing_to_the_end_stops_and_closes_the_stream(measured: dict[str, Any]) -> None:
    end = measured["end"]
    assert end["playing"] is False and end["position_s"] == end["duration_s"]
    assert end["frames_after_end"] == 0  # the device stream was closed, not left rendering silence


def test_closing_mid_stream_leaves_nothing_running(measured: dict[str, Any]) -> None:
    assert measured["close"] == {"frames_after_close": 0, "python_threads_left": 0}
