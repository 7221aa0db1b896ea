"""Speech-like two-lane test calls made with numpy: bursts of band-limited, syllable-modulated sound with
known on and off times over line noise, so the call measures can be checked against the truth."""

from __future__ import annotations

import io
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import soundfile as sf

RATE = 8000
Spans = Sequence[tuple[float, float]]

# A call of 40 s: the employee opens, the caller answers, a hold of 6 s, one overlap of 1.5 s, a short "ja".
EMPLOYEE_SPEECH: Spans = ((0.5, 5.0), (9.0, 12.0), (18.0, 24.0), (30.0, 36.0))
CALLER_SPEECH: Spans = ((5.6, 8.6), (12.4, 12.7), (22.5, 27.0), (36.5, 39.0))  # 12.4-12.7: a short "ja"
HOLD = (27.0, 30.0)  # (and 12.7 .. 18.0 is a silence of 5.3 s: the employee looks something up)
OVERLAP = (22.5, 24.0)


def speech_lane(
    spans: Spans, seconds: float, seed: int, level: float = 0.25, noise: float = 0.002, pitch: float = 140.0
) -> npt.NDArray[np.float64]:
    rng = np.random.default_rng(seed)
    n = int(seconds * RATE)
    lane = rng.standard_normal(n) * noise  # line noise
    for start, end in spans:
        first, last = int(start * RATE), min(n, int(end * RATE))
        if last <= first:
            continue
        count = last - first
        # Like speech, not like a loop: the syllable rate (3-6 Hz), the loudness and the pitch wander at random,
        # so the sound never repeats itself (a repeating sound is hold audio to the measures).
        knots = max(2, count // 2000 + 2)
        where = np.linspace(0, count, knots)
        along = np.arange(count)
        rate = np.interp(along, where, rng.uniform(3.0, 6.0, knots))
        loudness = np.interp(along, where, rng.uniform(0.3, 1.0, knots))
        syllables = loudness * np.abs(np.sin(np.pi * np.cumsum(rate) / RATE)) ** 1.5  # dipping in between
        gate = np.ones(count)  # words: short pauses (0.15-0.27 s, bridged) every 0.4-1.2 s
        at = int(rng.uniform(0.4, 1.2) * RATE)
        while at < count - int(0.4 * RATE):
            gap = int(rng.uniform(0.15, 0.27) * RATE)
            gate[at : at + gap] = 0.0
            at += gap + int(rng.uniform(0.4, 1.2) * RATE)
        syllables *= gate
        phase = 2 * np.pi * np.cumsum(pitch * (1 + 0.15 * np.interp(along, where, rng.uniform(-1, 1, knots)))) / RATE
        voiced = sum(np.sin(k * phase) / k for k in range(1, 12))
        hiss = np.convolve(rng.standard_normal(last - first), np.ones(4) / 4, mode="same")  # band-limited noise
        lane[first:last] += level * syllables * (0.7 * voiced + 0.5 * hiss)
    return np.clip(lane, -1.0, 1.0)


def stereo_call(
    employee: Spans = EMPLOYEE_SPEECH, caller: Spans = CALLER_SPEECH, seconds: float = 40.0, noise: float = 0.002
) -> npt.NDArray[np.float64]:
    """Frames-first (frames, 2): the employee on channel 0, the caller on channel 1."""
    return np.stack(
        [speech_lane(employee, seconds, 1, noise=noise), speech_lane(caller, seconds, 2, noise=noise, pitch=210)],
        axis=1,
    )


def wav_bytes(samples: npt.NDArray[np.float64], subtype: str = "ALAW") -> bytes:
    buffer = io.BytesIO()
    sf.write(buffer, samples, RATE, format="WAV", subtype=subtype)
    return buffer.getvalue()


def as_int16(samples: npt.NDArray[np.float64]) -> npt.NDArray[np.int16]:
    return np.round(samples * 32767).astype(np.int16)
