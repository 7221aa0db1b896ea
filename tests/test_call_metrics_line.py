"""Speech detection on a real telephone line (issue 23): line noise from -65 to -45 dBFS with 50 Hz hum and
clicks, and hold music (sox) or a looped "een moment geduld" announcement (espeak-ng) on the employee's lane
during a hold. The hold is found whole, in stereo and in mono, and what plays in it is not speech. The audio
is generated here and goes through the player's own decoder (A-law and PCM16 WAV); nothing is written."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from nunrec_desktop.adapters.audio.decode import decode
from nunrec_desktop.services.call_metrics import CallMetrics, channels_of, measure
from tests.call_signals import HOLD, RATE, stereo_call, wav_bytes
from tests.line_conditions import announcement_loop, hold_music, on_the_line, speak

BOUNDARY_S = 0.3
# A short conversation spoken by espeak-ng with an 8-s hold: the employee says "een ogenblik", puts the caller
# on hold (hold audio on the employee's lane from 0.6 s after that to 0.6 s before coming back).
SCRIPT = (
    (0, "Goedemorgen, gemeente Nunspeet, waarmee kan ik u helpen?", 0.5),
    (1, "Ik heb een vraag over mijn afvalpas.", 0.6),
    (0, "Een ogenblik alstublieft.", 0.5),
    (0, "Bedankt voor het wachten. De pas werkt morgen weer.", 8.0),
    (1, "Fijn, dank u wel.", 0.5),
)
VOICES = (("nl+f3", 150), ("nl+m3", 165))
GAP_S = 0.6


def measured(samples: npt.NDArray[np.float64], subtype: str) -> CallMetrics:
    audio = decode(wav_bytes(samples, subtype), f"line.{subtype.lower()}")
    return measure(channels_of(audio.samples, audio.channels), audio.sample_rate)


def holds_near(metrics: CallMetrics, expected: tuple[float, float]) -> bool:
    return any(abs(a - expected[0]) <= BOUNDARY_S and abs(b - expected[1]) <= BOUNDARY_S for a, b in metrics.silences)


@pytest.mark.parametrize("noise_dbfs", [-65.0, -55.0, -45.0])
@pytest.mark.parametrize("subtype", ["ALAW", "PCM_16"])
def test_a_hold_on_a_noisy_line_is_found_whole(noise_dbfs: float, subtype: str) -> None:
    line = on_the_line(stereo_call(noise=0.0), noise_dbfs)
    stereo = measured(line, subtype)
    assert holds_near(stereo, HOLD), stereo.silences
    mono = measured(line.sum(axis=1, keepdims=True) / 2, subtype)
    assert holds_near(mono, HOLD), mono.silences


def conversation(work: Path, kind: str) -> tuple[npt.NDArray[np.float64], tuple[float, float]]:
    """The call on the line (noise -60 dBFS, hum, clicks) with hold audio, and the hold."""
    spoken = [(side, speak(text, work, *VOICES[side]), pause) for side, text, pause in SCRIPT]
    t, starts = 0.0, []
    for _side, samples, pause in spoken:
        starts.append(t + pause)
        t = starts[-1] + len(samples) / RATE
    lanes = np.zeros((int((t + 1.0) * RATE), 2))
    for (side, samples, _), start in zip(spoken, starts, strict=True):
        lanes[int(start * RATE) : int(start * RATE) + len(samples), side] += samples
    hold = (starts[2] + len(spoken[2][1]) / RATE, starts[3])
    seconds = hold[1] - hold[0] - 2 * GAP_S
    audio = hold_music(seconds, work) if kind == "music" else announcement_loop(seconds, work)
    first = int((hold[0] + GAP_S) * RATE)
    lanes[first : first + len(audio), 0] += audio
    return on_the_line(lanes, -60.0), hold


@pytest.mark.parametrize("kind", ["music", "announcement"])
def test_hold_audio_is_a_hold_not_speech(kind: str, tmp_path: Path) -> None:
    line, hold = conversation(tmp_path, kind)
    for samples in (line, line.sum(axis=1, keepdims=True) / 2):  # stereo, then mono
        metrics = measured(samples, "PCM_16")
        assert holds_near(metrics, hold), (metrics.silences, hold)
        lane = "employee" if samples.shape[1] == 2 else "mix"
        assert not [s for s in metrics.speech[lane] if s[1] > hold[0] + 0.5 and s[0] < hold[1] - 0.5]
        assert metrics.speech[lane][-1][1] > hold[1] + 1.0  # the speech after the hold is kept
