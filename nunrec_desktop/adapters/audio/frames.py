"""The loudness of 20 ms frames of one channel: what the call measures detect speech on.

Kept apart (numpy only) so that the decoder can fill it chunk by chunk while the decoded samples are still
in the cache, and the measures can compute it themselves for audio decoded elsewhere; both give the same
numbers. Per frame: the sum of squares of about 40 evenly spaced samples (every fourth at 8 kHz).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FRAME_S = 0.02
ENERGY_SAMPLES = 40  # samples per frame used for the energy estimate (every fourth one at 8 kHz)
CHUNK_FRAMES = 8192  # frames per conversion chunk: keeps the float copy in the cache

Sums = npt.NDArray[np.float32]


def frame_step(sample_rate: int) -> int:
    """Samples per 20 ms frame."""
    return max(1, round(FRAME_S * sample_rate))


def frame_stride(sample_rate: int) -> int:
    """Every how many samples of a frame go into its energy estimate."""
    step = frame_step(sample_rate)
    stride = max(1, step // ENERGY_SAMPLES)
    return 1 if step % stride else stride


def frame_sums(samples: npt.NDArray[np.int16], sample_rate: int, out: Sums | None = None) -> Sums:
    """Per whole frame of `samples` (one channel, any stride), the sum of squares of its sampled values."""
    step, stride = frame_step(sample_rate), frame_stride(sample_rate)
    count = len(samples) // step
    per_frame = step // stride
    sums = np.empty(count, dtype=np.float32) if out is None else out[:count]
    ones = np.ones(per_frame, dtype=np.float32)
    for first in range(0, count, CHUNK_FRAMES):
        last = min(count, first + CHUNK_FRAMES)
        block = samples[first * step : last * step : stride].astype(np.float32).reshape(last - first, per_frame)
        block *= block
        np.dot(block, ones, out=sums[first:last])  # a matrix-vector product: far quicker than a sum per row
    return sums
