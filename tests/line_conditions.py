"""What a real telephone line adds to a call, generated at run time (never committed): line noise at a
given level, 50 Hz mains hum, clicks, and what the employee's lane carries during a hold: hold music (a
plucked melody made with sox, looped) or a recorded "een moment geduld" announcement (espeak-ng, looped).
Shared by the call-measures tests and `benchmarks/call_metrics_accuracy.py`."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import numpy.typing as npt
import soundfile as sf

RATE = 8000
Audio = npt.NDArray[np.float64]
MELODY_HZ = (392.0, 494.0, 587.0, 494.0, 440.0, 523.0, 659.0, 523.0)  # eight notes, 0.3 s each: a 2.4-s loop
NOTE_S = 0.3
ANNOUNCEMENT = "Een moment geduld alstublieft. U wordt zo geholpen."


def line_noise(frames: int, dbfs: float, rng: np.random.Generator) -> Audio:
    """White noise whose RMS is `dbfs` relative to full scale."""
    noise: Audio = rng.standard_normal(frames) * 10 ** (dbfs / 20)
    return noise


def hum(frames: int, dbfs: float = -58.0) -> Audio:
    """50 Hz mains hum with its third harmonic, RMS about `dbfs`."""
    t = np.arange(frames) / RATE
    wave: Audio = np.sin(2 * np.pi * 50 * t) + 0.4 * np.sin(2 * np.pi * 150 * t)
    return wave * (10 ** (dbfs / 20) / np.sqrt(np.mean(wave**2)))


def clicks(frames: int, rng: np.random.Generator, every_s: float = 2.5, level: float = 0.3) -> Audio:
    """Short clicks (1 ms, alternating sign) at random moments, about one per `every_s` seconds."""
    out = np.zeros(frames)
    for at in rng.integers(0, max(1, frames - 8), size=max(1, int(frames / RATE / every_s))):
        out[at : at + 8] += level * np.array([1, -1, 1, -1, 0.5, -0.5, 0.25, -0.25])
    return out


def sox_note(hz: float, seconds: float, work: Path) -> Audio:
    path = work / "note.wav"
    subprocess.run(
        ["sox", "-R", "-n", "-r", str(RATE), "-c", "1", "-b", "16", str(path), "synth", f"{seconds}", "pluck", f"{hz}"],
        check=True,
        capture_output=True,
    )
    samples, _ = sf.read(path, dtype="float64")
    return np.asarray(samples, dtype=np.float64)


def hold_music(seconds: float, work: Path, level: float = 0.25) -> Audio:
    """A plucked melody with a fifth below each note, looped for `seconds` (tonal and periodic)."""
    loop = np.concatenate([sox_note(hz, NOTE_S, work) + 0.6 * sox_note(hz * 2 / 3, NOTE_S, work) for hz in MELODY_HZ])
    loop = level * loop / np.abs(loop).max()
    return np.tile(loop, int(np.ceil(seconds * RATE / len(loop))))[: int(seconds * RATE)]


def speak(text: str, work: Path, voice: str = "nl+f3", speed: int = 150) -> Audio:
    """Dutch speech by espeak-ng, resampled to 8 kHz by sox, trimmed to what is audible, peak 0.5."""
    raw, resampled = work / "raw.wav", work / "8k.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text], check=True)
    subprocess.run(["sox", "-R", str(raw), "-r", str(RATE), "-c", "1", str(resampled)], check=True)
    samples, _ = sf.read(resampled, dtype="float64")
    audible = np.flatnonzero(np.abs(samples) > 0.01 * np.abs(samples).max())
    trimmed: Audio = samples[audible[0] : audible[-1] + 1]
    return 0.5 * trimmed / np.abs(trimmed).max()


def announcement_loop(seconds: float, work: Path, level: float = 0.3) -> Audio:
    """The recorded "een moment geduld" announcement with a pause after it, looped for `seconds`."""
    once = np.concatenate([speak(ANNOUNCEMENT, work, "nl+f2", 160), np.zeros(int(0.6 * RATE))])
    once = level * once / np.abs(once).max()
    return np.tile(once, int(np.ceil(seconds * RATE / len(once))))[: int(seconds * RATE)]


def on_the_line(lanes: Audio, noise_dbfs: float, seed: int = 11) -> Audio:
    """Line noise, hum and clicks added to every lane of (frames, channels) audio, clipped to full scale."""
    rng = np.random.default_rng(seed)
    out = lanes.copy()
    frames = len(lanes)
    for channel in range(lanes.shape[1]):
        out[:, channel] += line_noise(frames, noise_dbfs, rng) + hum(frames) + clicks(frames, rng)
    return np.clip(out, -1.0, 1.0)
