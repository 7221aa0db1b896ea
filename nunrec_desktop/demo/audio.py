"""Deterministic, speech-like two-party telephone audio for the demo workspace and the tests.

Each party speaks in turns of syllables: a glottal pulse train (harmonics of a drifting pitch) shaped by
vowel formants, with short fricative bursts, word gaps, pauses between turns and now and then an overlap.
It is not speech, but on a waveform and through a speaker it has the rhythm of a conversation, and it
is made with numpy alone so no external tool is needed at run time.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import soundfile as sf

VOWELS = (
    (800.0, 1200.0, 2500.0),  # a
    (500.0, 1900.0, 2500.0),  # e
    (300.0, 2200.0, 3000.0),  # i
    (500.0, 900.0, 2400.0),  # o
    (350.0, 800.0, 2300.0),  # u
)
BANDWIDTHS = (90.0, 110.0, 170.0)
TABLE_SIZE = 2048
MAX_HARMONICS = 48


@dataclass(frozen=True, slots=True)
class Voice:
    f0: float  # typical pitch in Hz
    level: float  # linear peak level of this voice, 0..1


@dataclass(frozen=True, slots=True)
class Turn:
    speaker: int  # 0 or 1: index into the voices
    start_s: float
    end_s: float


def plan_turns(rng: np.random.Generator, duration_s: float, first_speaker: int = 0) -> list[Turn]:
    """Alternating turns with pauses and an occasional overlap, filling `duration_s`."""
    turns: list[Turn] = []
    t = float(rng.uniform(0.3, 0.8))
    speaker = first_speaker
    while t < duration_s - 1.0:
        length = float(min(rng.gamma(2.0, 2.4) + 0.8, 14.0))
        end = min(t + length, duration_s - 0.3)
        turns.append(Turn(speaker, t, end))
        overlap = rng.random() < 0.1  # now and then the other party starts before this one ends
        t = end - float(rng.uniform(0.3, 0.9)) if overlap else end + float(rng.uniform(0.15, 1.2))
        speaker = 1 - speaker
    return turns


@functools.cache
def _sine_basis() -> npt.NDArray[np.float64]:
    """Row k is one period of the (k+1)-th harmonic, sampled TABLE_SIZE times (computed once, on first use)."""
    grid = np.linspace(0.0, 2.0 * np.pi, TABLE_SIZE, endpoint=False)
    basis: npt.NDArray[np.float64] = np.sin(np.outer(np.arange(1, MAX_HARMONICS + 1), grid))
    return basis


def _syllable(rng: np.random.Generator, voice: Voice, n: int, sample_rate: int) -> npt.NDArray[np.float32]:
    f_start = voice.f0 * float(rng.uniform(0.85, 1.2))
    f_end = f_start * float(rng.uniform(0.85, 1.1))
    f0 = np.linspace(f_start, f_end, n)
    phase = 2.0 * np.pi * np.cumsum(f0) / sample_rate
    harmonics = np.arange(1, min(MAX_HARMONICS, int(3400.0 / max(f_start, f_end))) + 1)
    formants = VOWELS[int(rng.integers(len(VOWELS)))]
    freqs = harmonics * (f_start + f_end) / 2.0
    weights = np.zeros(len(harmonics))
    for formant, bandwidth in zip(formants, BANDWIDTHS, strict=True):
        weights += 1.0 / (1.0 + ((freqs - formant) / bandwidth) ** 2)
    weights /= harmonics**0.6
    # One pitch period as a wavetable, then read it at the drifting phase: O(n) instead of O(n * harmonics).
    table = weights @ _sine_basis()[: len(harmonics)]
    index = (phase * (TABLE_SIZE / (2.0 * np.pi))).astype(np.int64) % TABLE_SIZE
    wave = table[index]
    envelope = np.ones(n)
    ramp = max(1, min(n // 3, int(0.03 * sample_rate)))
    shape = 0.5 - 0.5 * np.cos(np.linspace(0.0, np.pi, ramp))
    envelope[:ramp] = shape
    envelope[-ramp:] = shape[::-1]
    wave *= envelope
    if rng.random() < 0.35:  # a fricative onset: a burst of high-passed noise
        burst = min(n, int(rng.uniform(0.03, 0.08) * sample_rate))
        noise = rng.standard_normal(burst)
        noise = np.diff(noise, prepend=0.0) * np.hanning(burst)
        wave[:burst] += noise * 0.25 * float(np.abs(wave).max() or 1.0)
    peak = float(np.abs(wave).max()) or 1.0
    return (wave / peak * float(rng.uniform(0.55, 1.0))).astype(np.float32)


def synthesize_turns(
    rng: np.random.Generator,
    turns: list[Turn],
    voices: tuple[Voice, Voice],
    duration_s: float,
    sample_rate: int,
) -> npt.NDArray[np.float32]:
    """Two channels (one per voice), float32 in -1..1, with a faint line noise floor."""
    total = int(duration_s * sample_rate)
    out = np.zeros((total, 2), dtype=np.float32)
    for turn in turns:
        voice = voices[turn.speaker]
        t = turn.start_s
        syllables_in_word = int(rng.integers(1, 5))
        while t < turn.end_s:
            length = float(rng.uniform(0.11, 0.27))
            start = int(t * sample_rate)
            n = min(int(length * sample_rate), total - start)
            if n <= 16:
                break
            out[start : start + n, turn.speaker] += voice.level * _syllable(rng, voice, n, sample_rate)
            t += length + float(rng.uniform(0.015, 0.06))
            syllables_in_word -= 1
            if syllables_in_word == 0:
                t += float(rng.uniform(0.08, 0.3))
                syllables_in_word = int(rng.integers(1, 5))
    out += rng.standard_normal(out.shape).astype(np.float32) * 0.0015
    np.clip(out, -1.0, 1.0, out=out)
    return out


def synthesize_call(
    seed: int,
    duration_s: float,
    sample_rate: int = 8000,
    employee_f0: float = 200.0,
    caller_f0: float = 120.0,
) -> tuple[npt.NDArray[np.float32], list[Turn]]:
    """A whole call: channel 0 the employee (speaks first), channel 1 the caller. Same seed, same audio."""
    rng = np.random.default_rng(seed)
    turns = plan_turns(rng, duration_s)
    voices = (Voice(employee_f0, 0.5), Voice(caller_f0, 0.45))
    return synthesize_turns(rng, turns, voices, duration_s, sample_rate), turns


def encode(samples: npt.NDArray[np.float32], sample_rate: int, fmt: str, subtype: str) -> bytes:
    """Encode into an in-memory file (`fmt` like "WAV"/"MP3"/"FLAC", `subtype` like "ALAW")."""
    buffer = io.BytesIO()
    sf.write(buffer, samples, sample_rate, format=fmt, subtype=subtype)
    return buffer.getvalue()


def can_write_mp3() -> bool:
    return "MP3" in sf.available_formats() and "MPEG_LAYER_III" in sf.available_subtypes("MP3")
