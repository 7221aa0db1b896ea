"""Playback of one decoded recording: position, speed with pitch kept, per-lane volume and mute, and the
audio output behind a small interface.

Of a transferred call, only the parts this user may hear are played: the engine is given those ranges and
outputs silence everywhere else (also at other speeds), and `nearest_playable` tells the player where a
seek into a silent part should land instead.

Holds can be skipped while playing (`set_skipped`): when playback reaches the start of a skipped range it
continues at that range's end, exactly to the frame at normal speed. A seek by hand INTO a skipped range plays
it from there: the coach asked for that part.

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
    """An output without sound that consumes audio at the pace of a clock (`pump()` to advance). It pulls in
    the caller's thread, so the engine renders on demand for it (deterministic in tests)."""

    available = True
    renders_ahead = False
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
    """PortAudio through sounddevice; decides at construction whether playback is possible here.

    The engine renders ahead for it (`renders_ahead`): the callback only copies frames already rendered.
    """

    renders_ahead = True
    LATENCY_S = 0.1  # the device's own buffer: a busy computer may be late by this much without a gap

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
                samplerate=sample_rate,
                channels=OUTPUT_CHANNELS,
                dtype="float32",
                callback=callback,
                latency=self.LATENCY_S,
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


class _Ring:
    """Rendered output waiting for the device: the lanes unmixed (float32, frames x lanes) with, per frame, the
    source position after it. One writer (the renderer), one reader (the device callback); `lock` guards it."""

    def __init__(self, capacity: int, lanes: int) -> None:
        self.frames = np.zeros((capacity, lanes), dtype=np.float32)
        self.after = np.zeros(capacity, dtype=np.float64)
        self.capacity = capacity
        self.read = 0  # index of the next frame to play
        self.size = 0  # frames waiting

    @property
    def free(self) -> int:
        return self.capacity - self.size

    def clear(self) -> None:
        self.read = self.size = 0

    def put(self, frames: npt.NDArray[np.float32], after: npt.NDArray[np.float64]) -> None:
        count = len(frames)
        first = (self.read + self.size) % self.capacity
        head = min(count, self.capacity - first)
        self.frames[first : first + head] = frames[:head]
        self.after[first : first + head] = after[:head]
        self.frames[: count - head] = frames[head:]
        self.after[: count - head] = after[head:]
        self.size += count

    def take(self, count: int) -> tuple[npt.NDArray[np.float32], float | None]:
        """Up to `count` frames (a copy) and the source position after the last of them (None: none)."""
        count = min(count, self.size)
        if count == 0:
            return np.zeros((0, self.frames.shape[1]), dtype=np.float32), None
        head = min(count, self.capacity - self.read)
        taken = np.concatenate([self.frames[self.read : self.read + head], self.frames[: count - head]])
        last = (self.read + count - 1) % self.capacity
        self.read = (self.read + count) % self.capacity
        self.size -= count
        return taken, float(self.after[last])


class PlaybackEngine:
    """Plays a `DecodedAudio` through an output. Called from the GUI thread and the audio thread alike.

    Audio is rendered AHEAD of the device: a worker thread renders the lanes (time-stretched at other speeds,
    silent outside the playable ranges) into a ring buffer holding about `AHEAD_S` seconds of output, and the
    device callback (`render`) only copies from it, mixing the lanes by their gains as it copies. So a busy
    computer delays the worker, not the device; and a lane muted (or a volume changed) is heard from the
    device's next buffer on. A seek or a speed change throws away what was rendered ahead and renders the first
    block at once, so the change is heard at the next buffer too.

    Outputs that pull audio on a clock of their own (`ClockOutput`, `renders_ahead` False) get the same ring
    filled on demand in the calling thread, so tests are deterministic.

    Positions: `position_s` is the source position after the last frame the output took, i.e. what was heard,
    not what was rendered ahead. `seek` is the one way to jump (thread-safe; the ahead-renderer honours it at
    once), and `_next_source_position` is where the renderer asks, before each block, whether to continue from
    somewhere else (skipping parts while playing belongs there).
    """

    AHEAD_S = 1.0  # output seconds rendered ahead: 2x speed on two busy cores keeps up with this headroom
    BLOCK_S = 0.064  # output seconds per rendered block
    PREFILL_BLOCKS = 4  # rendered at once on play, seek and speed change: the device's first buffers

    def __init__(self, audio: DecodedAudio, output: AudioOutput, playable: Sequence[TimeRange] | None = None) -> None:
        """`playable`: the only parts that sound (seconds); None plays everything."""
        self.audio = audio
        self.output = output
        self.playable: tuple[TimeRange, ...] = (
            ((0.0, audio.duration_s),) if playable is None else tuple(sorted(playable))
        )
        self._bounds = _bounds(self.playable, audio.sample_rate)
        self._block = max(256, int(self.BLOCK_S * audio.sample_rate))
        # The renderer's state: source position, time-stretch, speed (held while a block is rendered).
        self._render_lock = threading.Lock()
        self._wsola = Wsola(audio.sample_rate, audio.channels)
        self._speed = 1.0
        self._source = 0.0  # in source frames: where the next rendered block starts
        self._rendered_to_end = False
        # The ring and what was heard (held briefly by the device callback).
        self._ring_lock = threading.Lock()
        self._ring_changed = threading.Condition(self._ring_lock)
        self._ring = _Ring(max(4 * self._block, int(self.AHEAD_S * audio.sample_rate)), audio.channels)
        self._position = 0.0  # in source frames: after the last frame the output took
        self._playing = False
        self._gains = np.ones(audio.channels, dtype=np.float32)
        self._volumes = [1.0] * audio.channels
        self._muted = [False] * audio.channels
        self._worker: threading.Thread | None = None
        self._stop_worker = threading.Event()
        # Ranges skipped while playing (source frames, sorted), and the one the last seek landed in (played).
        self._skipped: tuple[tuple[float, float], ...] = ()
        self._landed: tuple[float, float] | None = None
        self.starved = 0  # device buffers the ring could not fill while playing (the renderer fell behind)
        self.on_start: Callable[[], None] = lambda: None

    # -- state, safe from any thread ---------------------------------------------------------------

    @property
    def duration_s(self) -> float:
        return self.audio.duration_s

    @property
    def position_s(self) -> float:
        with self._ring_lock:
            return self._position / self.audio.sample_rate

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def speed(self) -> float:
        return self._speed

    def nearest_playable(self, seconds: float) -> float | None:
        """`seconds` when it may be played, else the nearest moment of this recording that may (None: none)."""
        return nearest_playable(seconds, self.playable, self.duration_s)

    def advance(self) -> None:
        """Hand an output without a device clock of its own (`ClockOutput`) what its clock says was played;
        a sound card pulls by itself. The player calls this on every frame of its timer."""
        if isinstance(self.output, ClockOutput):
            self.output.pump()

    @property
    def _renders_ahead(self) -> bool:
        return bool(getattr(self.output, "renders_ahead", False))

    # -- control, from the GUI thread --------------------------------------------------------------

    def replace_audio(self, audio: DecodedAudio) -> None:
        """The whole file once it is decoded (same rate and channels); position and settings are kept."""
        with self._render_lock, self._ring_lock:
            self.audio = audio
            self._position = min(self._position, float(audio.frames))
            self._source = min(self._source, float(audio.frames))
            self._rendered_to_end = self._source >= audio.frames

    def play(self) -> None:
        if self._playing:
            return
        if self.position_s * self.audio.sample_rate >= self.audio.frames:
            self.seek(0.0)
        self.on_start()  # the access check and audit entry of every start of playback
        self._restart_from_heard(prefill=True)
        self._playing = True
        if self._renders_ahead:
            self._start_worker()
        self.output.start(self.render, self.audio.sample_rate)

    def pause(self) -> None:
        # Also after playing to the end (render already cleared `_playing`): the device stream must close.
        self._playing = False
        self.output.stop()
        self._stop_worker_thread()
        self._restart_from_heard(prefill=False)  # what was rendered ahead but not heard is rendered again

    def toggle(self) -> None:
        self.pause() if self._playing else self.play()

    def seek(self, seconds: float) -> None:
        """Jump to `seconds`: from the output's next buffer on, audio from there (thread-safe)."""
        frames = float(round(min(max(0.0, seconds), self.duration_s) * self.audio.sample_rate))
        with self._render_lock:
            with self._ring_lock:
                self._position = frames
                self._ring.clear()
                self._ring_changed.notify_all()
            self._source = frames
            self._landed = next((r for r in self._skipped if r[0] <= frames < r[1]), None)  # played, not skipped
            self._rendered_to_end = frames >= self.audio.frames
            self._wsola.reset(frames)
            if self._playing:
                self._prefill()  # heard at the next buffer, not after the worker's turn

    def skip(self, delta_s: float) -> None:
        self.seek(self.position_s + delta_s)

    def set_speed(self, speed: float) -> None:
        with self._render_lock:
            self._speed = min(MAX_SPEED, max(MIN_SPEED, speed))
        self._restart_from_heard(prefill=self._playing)

    def set_skipped(self, ranges: Sequence[TimeRange]) -> None:
        """Ranges (seconds) that playing jumps over when it reaches their start; () skips nothing. Takes effect
        from the next rendered block (what was rendered ahead is rendered again)."""
        rate = self.audio.sample_rate
        skipped = tuple(
            sorted(
                (float(round(start * rate)), float(round(end * rate)))
                for start, end in ranges
                if np.isfinite(start) and np.isfinite(end) and end > start
            )
        )
        with self._render_lock:
            self._skipped = skipped
        self._restart_from_heard(prefill=self._playing)

    def set_volume(self, channel: int, volume: float) -> None:
        self._volumes[channel] = min(1.0, max(0.0, volume))
        self._update_gains()

    def set_muted(self, channel: int, muted: bool) -> None:
        self._muted[channel] = muted
        self._update_gains()

    def _update_gains(self) -> None:
        # Applied as the device copies from the ring: the next buffer has the new gains.
        self._gains = np.array(
            [0.0 if m else v for v, m in zip(self._volumes, self._muted, strict=True)], dtype=np.float32
        )

    def _restart_from_heard(self, prefill: bool) -> None:
        """Throw away what was rendered ahead and render again from what was heard (the speed may be new)."""
        with self._render_lock:
            with self._ring_lock:
                heard = self._position
                self._ring.clear()
                self._ring_changed.notify_all()
            self._source = heard
            self._rendered_to_end = heard >= self.audio.frames
            self._wsola.reset(heard)
            if prefill:
                self._prefill()

    def _prefill(self) -> None:
        for _ in range(self.PREFILL_BLOCKS):
            if not self._render_block():
                break

    # -- the renderer (a worker thread, or the caller when the output pulls on its own clock) ----------

    def _next_source_position(self, position: float) -> float:
        """Where the next block starts, asked before each one: `position` (where the last one ended) unless a
        jump is due: the end of a skipped range playing has reached (not the one the last seek landed in)."""
        for skipped in self._skipped:
            start, end = skipped
            if start > position:
                break
            if position < end and skipped != self._landed:
                return end
        return position

    def _skip_room(self, position: float) -> float | None:
        """Source frames from `position` to the next skipped range's start (a block stops there), or None."""
        for start, _end in self._skipped:
            if start > position:
                return start - position
        return None

    def _render_block(self) -> bool:
        """Render one block into the ring (the render lock is held). False when there is nothing to render:
        the end was rendered, or the ring has no room."""
        audio = self.audio
        if self._rendered_to_end:
            return False
        with self._ring_lock:
            room = self._ring.free
        count = min(self._block, room)
        if count <= 0:
            return False
        jumped = self._next_source_position(self._source)
        if jumped != self._source:
            self._source = float(min(max(0.0, jumped), audio.frames))
            self._wsola.reset(self._source)
            if self._source >= audio.frames:
                self._rendered_to_end = True
                return False
        room_to_skip = self._skip_room(self._source)
        if room_to_skip is not None:  # the block ends where the next skipped range starts (exact at speed 1)
            count = max(1, min(count, int(np.ceil(room_to_skip / self._speed))))
        before = self._source
        if self._speed == 1.0:
            start = int(before)
            chunk = audio.samples[start : start + count].astype(np.float32) * np.float32(1.0 / 32768.0)
            self._source = float(min(start + len(chunk), audio.frames))
            self._wsola.reset(self._source)
        else:
            chunk = self._wsola.render(audio.samples, self._speed, count)
            self._source = min(self._wsola.position, float(audio.frames))
        after = self._source
        self._rendered_to_end = after >= audio.frames
        if len(chunk):
            # The source frame each output frame came from (exact at speed 1, interpolated otherwise).
            step = (after - before) / len(chunk) if self._speed != 1.0 else 1.0
            sources = np.floor(before + step * np.arange(len(chunk), dtype=np.float64))
            chunk = np.where(_playable_mask(sources, self._bounds)[:, None], chunk, np.float32(0.0)).astype(np.float32)
            positions = np.minimum(before + step * np.arange(1, len(chunk) + 1, dtype=np.float64), after)
            positions[-1] = after
            with self._ring_lock:
                self._ring.put(chunk, positions)
        return True

    def _start_worker(self) -> None:
        self._stop_worker.clear()
        self._worker = threading.Thread(target=self._work, name="nunrec-audio-ahead", daemon=True)
        self._worker.start()

    def _stop_worker_thread(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            self._stop_worker.set()
            with self._ring_lock:
                self._ring_changed.notify_all()
            worker.join()

    def _work(self) -> None:
        """Keep the ring full while playing: render a block whenever there is room for one."""
        while not self._stop_worker.is_set():
            with self._render_lock:
                rendered = self._render_block()
            if not rendered:
                with self._ring_lock:
                    if not self._stop_worker.is_set():
                        self._ring_changed.wait(0.05)  # woken when the device took frames or on a seek

    # -- the device callback: copies only ---------------------------------------------------------

    def render(self, count: int) -> npt.NDArray[np.float32]:
        """`count` frames of output (both output channels carry the mix of the lanes, by their gains)."""
        out = np.zeros((count, OUTPUT_CHANNELS), dtype=np.float32)
        if not self._playing:
            return out
        ahead, done, finished = self._renders_ahead, 0, False
        while done < count:
            if not ahead:  # an output on its own clock: fill the ring now, in this thread
                with self._render_lock:
                    while self._ring.size < count - done and self._render_block():
                        pass
            with self._ring_lock:
                lanes, after = self._ring.take(count - done)
                if after is not None:
                    self._position = after
                finished = self._ring.size == 0 and self._rendered_to_end
                self._ring_changed.notify_all()
            if len(lanes):
                out[done : done + len(lanes)] = np.clip(lanes @ self._gains, -1.0, 1.0)[:, None]
                done += len(lanes)
            if ahead or finished or not len(lanes):
                break
        if finished:
            self._playing = False
        elif done < count:
            self.starved += 1
        return out
