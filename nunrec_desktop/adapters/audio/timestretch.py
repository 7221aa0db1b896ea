"""Streaming WSOLA time-scaling: play speech slower or faster while its pitch stays natural.

Waveform-similarity overlap-add (Verhelst & Roelands, 1993): output frames are laid down every `hop`
samples with a Hann window; each next input frame is taken near its ideal position (advanced by
`hop * speed`), shifted by up to `tolerance` samples to where it best continues the previous frame. The
alignment is searched on the mono mix of the channels and applied to every channel, so lanes stay in sync.
The source stays int16; only the few frames in use are converted, so no second copy of a long call exists.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Float = npt.NDArray[np.float32]
Int16 = npt.NDArray[np.int16]
SCALE = 1.0 / 32768.0


class Wsola:
    """Renders output from a source at a given speed, block by block, keeping its state between blocks."""

    def __init__(self, sample_rate: int, channels: int) -> None:
        self.frame = max(64, int(0.032 * sample_rate) // 2 * 2)  # ~32 ms
        self.hop = self.frame // 2
        self.tolerance = max(8, int(0.008 * sample_rate))  # ~8 ms: more than half a low voice's period
        self.window = np.hanning(self.frame + 1)[:-1].astype(np.float32)  # periodic: sums to 1 at 50 % overlap
        self.channels = channels
        self.reset(0.0)

    def reset(self, position: float) -> None:
        """Start afresh at `position` (in source frames), e.g. after a seek or a speed change."""
        self.position = float(position)  # ideal input position of the next frame
        self._previous: int | None = None  # input start of the frame laid down last
        self._tail = np.zeros((self.hop, self.channels), dtype=np.float32)  # overlap still to be added
        self._ready = np.zeros((0, self.channels), dtype=np.float32)

    def render(self, source: Int16, speed: float, count: int) -> Float:
        """`count` output frames (float32, -1..1) from `source` (frames x channels, int16); zeros past the end."""
        total = len(source)
        while len(self._ready) < count:
            if self.position >= total:
                pad = np.zeros((count - len(self._ready), self.channels), dtype=np.float32)
                self._ready = np.concatenate([self._ready, pad])
                break
            start = self._best_start(source, int(self.position), total)
            segment = np.zeros((self.frame, self.channels), dtype=np.float32)
            available = source[start : start + self.frame]
            segment[: len(available)] = available
            segment *= self.window[:, None] * np.float32(SCALE)
            out = segment[: self.hop] + self._tail
            self._tail = segment[self.hop :].copy()
            self._ready = np.concatenate([self._ready, out])
            self._previous = start
            self.position += self.hop * speed
        result, self._ready = self._ready[:count], self._ready[count:]
        return result

    def _best_start(self, source: Int16, ideal: int, total: int) -> int:
        if self._previous is None:
            return ideal
        natural = self._previous + self.hop  # where the previous frame would naturally continue
        low = max(0, ideal - self.tolerance)
        high = min(total - self.frame, ideal + self.tolerance)
        if high <= low or natural + self.frame > total:
            return min(max(ideal, 0), max(total - 1, 0))
        template = source[natural : natural + self.frame].sum(axis=1, dtype=np.float32)
        region = source[low : high + self.frame].sum(axis=1, dtype=np.float32)
        if not template.any() or not region.any():
            return ideal
        scores = np.correlate(region, template, mode="valid")
        return low + int(np.argmax(scores))


def stretch(samples: Int16, sample_rate: int, speed: float) -> Float:
    """The whole signal at `speed` (offline; the player renders block by block with `Wsola`)."""
    engine = Wsola(sample_rate, samples.shape[1])
    out = [engine.render(samples, speed, 4096) for _ in range(int(len(samples) / speed) // 4096 + 1)]
    return np.concatenate(out)[: int(len(samples) / speed)]
