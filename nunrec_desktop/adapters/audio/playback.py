"""Playback of one decoded recording: position, speed with pitch kept, per-lane volume and mute, and the
audio output behind a small interface.

Of a transferred call, only the parts this user may hear are played: the engine is given those ranges and
outputs silence everywhere else (also at other speeds), and `nearest_playable` tells the player where a
seek into a silent part should land instead.

`SoundDeviceOutput` plays through PortAudio (sounddevice, imported only when needed); without PortAudio or
without an output device the application still works and says that playback is unavailable. `ClockOutput`
plays nothing and pulls audio as a clock advances, for tests and machines without sound.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from nunrec_desktop.adapters.audio.decode import DecodedAudio
from nunrec_desktop.adapters.audio.timestretch import Wsola
from nunrec_desktop.clock import Clock

Render = Callable[[int], npt.NDArray[np.float32]]
MIN_SPEED, MAX_SPEED = 0.5, 2.0
OUTPUT_CHANNELS = 2
NO_SOUND = (
    "Afspelen is op deze computer niet mogelijk: er is geen geluidsapparaat gevonden. "
    "De golfvorm en de markeringen werken wel."
)


TimeRange = tuple[float, float]


def complement(ranges: Sequence[TimeRange], duration_s: float) -> tuple[TimeRange, ...]:
    """The parts of [0, duration_s) that `ranges` (sorted, not overlapping) leave out."""
    gaps: list[TimeRange] = []
    position = 0.0
    for start, end in ranges:
        if start > position:
            gaps.append((position, min(start, duration_s)))
        position = max(position, end)
    if position < duration_s:
        gaps.append((position, duration_s))
    return tuple((a, b) for a, b in gaps if b > a)


def nearest_playable(seconds: float, ranges: Sequence[TimeRange], duration_s: float) -> float | None:
    """`seconds` when it may be played, else the nearest moment that may (None when nothing may)."""
    best: float | None = None
    for start, end in ranges:
        end = min(end, duration_s)
        if end <= start:
            continue
        if start <= seconds < end or (seconds == end == duration_s):
            return seconds
        candidate = start if seconds < start else end - 1e-3  # just inside the range's end
        if best is None or abs(candidate - seconds) < abs(best - seconds):
            best = candidate
    return best


def _playable_mask(frames: npt.NDArray[np.float64], bounds: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
    """For each source frame position: inside one of the ranges (bounds = start0, end0, start1, ...)?"""
    return np.asarray(np.searchsorted(bounds, frames, side="right") % 2 == 1, dtype=np.bool_)


def _bounds(ranges: Sequence[TimeRange], sample_rate: int) -> npt.NDArray[np.float64]:
    return np.array([round(t * sample_rate) for r in sorted(ranges) for t in r], dtype=np.float64)


def silence_outside(audio: DecodedAudio, ranges: Sequence[TimeRange]) -> DecodedAudio:
    """The same audio with every frame outside `ranges` set to zero (a copy; unchanged when nothing is)."""
    rate = audio.sample_rate
    gaps = [(round(a * rate), round(b * rate)) for a, b in complement(sorted(ranges), audio.duration_s)]
    gaps = [(a, min(b, audio.frames)) for a, b in gaps if min(b, audio.frames) > a]
    if not gaps:
        return audio
    samples = np.array(audio.samples, dtype=np.int16, copy=True)
    for first, last in gaps:
        samples[first:last] = 0
    return dataclasses.replace(audio, samples=samples)


class AudioOutput(Protocol):
    available: bool
    reason: str

    def start(self, render: Render, sample_rate: int) -> None: ...

    def stop(self) -> None: ...


class ClockOutput:
    """An output without sound that consumes audio at the pace of a clock (`pump()` to advance)."""

    available = True
    reason = ""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._render: Render | None = None
        self._rate = 8000
        self._last = clock()
        self.frames_played = 0

    def start(self, render: Render, sample_rate: int) -> None:
        self._render, self._rate, self._last = render, sample_rate, self._clock()

    def stop(self) -> None:
        self.pump()
        self._render = None

    def pump(self) -> None:
        now = self._clock()
        if self._render is not None:
            count = round((now - self._last).total_seconds() * self._rate)
            if count > 0:
                self._render(count)
                self.frames_played += count
        self._last = now


class SoundDeviceOutput:
    """PortAudio through sounddevice; decides at construction whether playback is possible here."""

    def __init__(self) -> None:
        self._stream: Any = None
        self._sd: Any = None
        self.available, self.reason = False, NO_SOUND
        self.frames_played = 0  # frames the device has taken from us: what the position follows
        self.underruns = 0  # callbacks in which the device ran dry before we delivered
        try:
            import sounddevice  # raises OSError when the PortAudio library is missing
        except (OSError, ImportError):
            return
        self._sd = sounddevice
        try:
            default = sounddevice.query_devices(kind="output")
        except (sounddevice.PortAudioError, ValueError, RuntimeError):  # no output device
            return
        self.available = bool(default) and int(default.get("max_output_channels", 0)) > 0

    def start(self, render: Render, sample_rate: int) -> None:
        if not self.available or self._sd is None:
            return
        self.stop()

        def callback(outdata: Any, frames: int, _time: Any, status: Any) -> None:
            outdata[:] = render(frames)
            self.frames_played += frames
            if status.output_underflow:
                self.underruns += 1

        try:
            self._stream = self._sd.OutputStream(
                samplerate=sample_rate, channels=OUTPUT_CHANNELS, dtype="float32", callback=callback, latency="low"
            )
            self._stream.start()
        except (self._sd.PortAudioError, OSError, ValueError, RuntimeError):
            self._stream = None
            self.available = False

    def stop(self) -> None:
        if self._stream is not None:
            self._stream.stop()
            self._stream.close()
            self._stream = None


class PlaybackEngine:
    """Plays a `DecodedAudio` through an output. Called from the GUI thread and the audio thread alike."""

    def __init__(self, audio: DecodedAudio, output: AudioOutput, playable: Sequence[TimeRange] | None = None) -> None:
        """`playable`: the only parts that sound (seconds); None plays everything."""
        self.audio = audio
        self.output = output
        self.playable: tuple[TimeRange, ...] = (
            ((0.0, audio.duration_s),) if playable is None else tuple(sorted(playable))
        )
        self._bounds = _bounds(self.playable, audio.sample_rate)
        self._lock = threading.Lock()
        self._wsola = Wsola(audio.sample_rate, audio.channels)
        self._speed = 1.0
        self._position = 0.0  # in source frames
        self._playing = False
        self._gains = np.ones(audio.channels, dtype=np.float32)
        self._volumes = [1.0] * audio.channels
        self._muted = [False] * audio.channels
        self.on_start: Callable[[], None] = lambda: None

    # -- state, safe from any thread ---------------------------------------------------------------

    @property
    def duration_s(self) -> float:
        return self.audio.duration_s

    @property
    def position_s(self) -> float:
        with self._lock:
            return self._position / self.audio.sample_rate

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def speed(self) -> float:
        return self._speed

    # -- control, from the GUI thread --------------------------------------------------------------

    def replace_audio(self, audio: DecodedAudio) -> None:
        """The whole file once it is decoded (same rate and channels); position and settings are kept."""
        with self._lock:
            self.audio = audio
            self._position = min(self._position, float(audio.frames))

    def play(self) -> None:
        if self._playing:
            return
        if self._position >= self.audio.frames:
            self.seek(0.0)
        self.on_start()  # the access check and audit entry of every start of playback
        self._playing = True
        self.output.start(self.render, self.audio.sample_rate)

    def pause(self) -> None:
        # Also after playing to the end (render already cleared `_playing`): the device stream must close.
        self._playing = False
        self.output.stop()

    def toggle(self) -> None:
        self.pause() if self._playing else self.play()

    def seek(self, seconds: float) -> None:
        frames = min(max(0.0, seconds), self.duration_s) * self.audio.sample_rate
        with self._lock:
            self._position = float(round(frames))
            self._wsola.reset(self._position)

    def skip(self, delta_s: float) -> None:
        self.seek(self.position_s + delta_s)

    def set_speed(self, speed: float) -> None:
        with self._lock:
            self._speed = min(MAX_SPEED, max(MIN_SPEED, speed))
            self._wsola.reset(self._position)

    def set_volume(self, channel: int, volume: float) -> None:
        self._volumes[channel] = min(1.0, max(0.0, volume))
        self._update_gains()

    def set_muted(self, channel: int, muted: bool) -> None:
        self._muted[channel] = muted
        self._update_gains()

    def _update_gains(self) -> None:
        self._gains = np.array(
            [0.0 if m else v for v, m in zip(self._volumes, self._muted, strict=True)], dtype=np.float32
        )

    # -- the audio thread --------------------------------------------------------------------------

    def render(self, count: int) -> npt.NDArray[np.float32]:
        """`count` frames of output (both output channels carry the mix of the lanes, by their gains)."""
        out = np.zeros((count, OUTPUT_CHANNELS), dtype=np.float32)
        if not self._playing:
            return out
        with self._lock:
            samples = self.audio.samples
            before = self._position
            if self._speed == 1.0:
                start = int(self._position)
                chunk = samples[start : start + count].astype(np.float32) * np.float32(1.0 / 32768.0)
                self._position = float(min(start + count, self.audio.frames))
                self._wsola.reset(self._position)
            else:
                chunk = self._wsola.render(samples, self._speed, count)
                self._position = min(self._wsola.position, float(self.audio.frames))
            finished = self._position >= self.audio.frames
            after = self._position
        mix = chunk @ self._gains if chunk.size else np.zeros(0, dtype=np.float32)
        if len(mix):
            # The source frame each output frame came from (exact at speed 1, interpolated otherwise).
            step = (after - before) / len(mix) if self._speed != 1.0 else 1.0
            sources = np.floor(before + step * np.arange(len(mix), dtype=np.float64))
            mix = np.where(_playable_mask(sources, self._bounds), mix, np.float32(0.0)).astype(np.float32)
        out[: len(mix)] = np.clip(mix, -1.0, 1.0)[:, None]
        if finished:
            self._playing = False
        return out
