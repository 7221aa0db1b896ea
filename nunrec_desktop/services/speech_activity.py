"""Speech activity on one lane of a call, by energy alone on 20 ms frames: no speech recognition and
nothing about what is said.

The energy of a frame (dBFS) is estimated from every fourth sample at 8 kHz (40 per frame; more are
skipped at higher rates), in chunks, so the cost hardly depends on the decoder's layout. It is compared with
an adaptive noise floor (a low percentile of each half second: its 2nd quietest of 25 frames, not the
quietest, which sits 6-10 dB under ordinary line noise; of those the minimum over the 5 s before and over
the 5 s after, the higher of the two, so a line that gets noisier is followed at once), with a higher
threshold to start speech and a lower one to carry it on (hysteresis). Pauses shorter than 0.3 s are
bridged and every stretch of speech keeps a hangover of 60 ms after its last loud frame; sounds shorter
than 60 ms (clicks) are dropped before the pauses are bridged, and bursts shorter than 80 ms after.

What energy finds is sound: hold music and a looped announcement are loud too (`hold_audio` takes them
out).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from nunrec_desktop.services.frame_runs import FRAME_S, Mask, frame_count, from_runs, run_edges

ENERGY_SAMPLES = 40  # samples per frame used for the energy estimate (every fourth one at 8 kHz)
CHUNK_FRAMES = 8192  # frames per conversion chunk: keeps the float copy in the cache
FLOOR_BLOCK_S = 0.5
FLOOR_RANK = 1  # of the 25 frames of a block, the 2nd quietest (about the 5th percentile) is the floor
FLOOR_REACH_S = 5.0  # seconds before and after a frame that the noise floor looks at
START_MARGIN_DB = 12.0  # above the noise floor: speech starts
KEEP_MARGIN_DB = 7.0  # above the noise floor: speech that has started carries on
ABSOLUTE_MIN_DBFS = -62.0  # never speech below this, however quiet the line
QUIETEST_DBFS = -100.0  # digital silence is counted as this
BRIDGE_S = 0.3
HANGOVER_S = 0.06
MIN_SPEECH_S = 0.08
MIN_SOUND_S = 0.06  # a run of speech holds at least one stretch of sound this long; a click fills 1-2 frames

Lane = npt.NDArray[np.int16]


def frame_energy_db(lane: Lane, sample_rate: int) -> npt.NDArray[np.float32]:
    """Mean square per 20 ms frame in dBFS, estimated from about 40 evenly spaced samples of each frame."""
    step = max(1, round(FRAME_S * sample_rate))
    count = len(lane) // step
    stride = max(1, step // ENERGY_SAMPLES)
    if step % stride:
        stride = 1
    per_frame = step // stride
    power = np.empty(count, dtype=np.float32)
    ones = np.ones(per_frame, dtype=np.float32)
    for first in range(0, count, CHUNK_FRAMES):
        last = min(count, first + CHUNK_FRAMES)
        block = lane[first * step : last * step : stride].astype(np.float32).reshape(last - first, per_frame)
        block *= block
        np.dot(block, ones, out=power[first:last])  # a matrix-vector product: far quicker than a sum per row
    power *= np.float32(1.0 / (per_frame * 32768.0**2))
    np.maximum(power, np.float32(10 ** (QUIETEST_DBFS / 10)), out=power)
    energy: npt.NDArray[np.float32] = (np.log10(power) * np.float32(10.0)).astype(np.float32)
    return energy


def noise_floor_db(energy: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Per frame, the level of the line without speech (minimum statistics): a low percentile of each half
    second (its 2nd quietest frame), then the minimum of those over the 5 s before and, separately, the 5 s
    after; the higher of the two, so that the floor follows the line at once when it gets noisier or
    quieter."""
    block = frame_count(FLOOR_BLOCK_S)
    count = len(energy)
    if count == 0:
        return energy.copy()
    blocks = -(-count // block)
    padded = np.full(blocks * block, np.float32(np.inf), dtype=np.float32)
    padded[:count] = energy
    # A low percentile (the 2nd quietest of 25 frames, about the 5th), not the minimum: the quietest frame
    # sits 6-10 dB under ordinary line noise, so the noise's own peaks would cross the start threshold.
    rank = min(block - 1, FLOOR_RANK)
    quietest = np.partition(padded.reshape(blocks, block), rank, axis=1)[:, rank]
    if count % block:  # the last, partial block: its padding must not be picked
        tail = energy[(blocks - 1) * block :]
        quietest[-1] = np.partition(tail, min(len(tail) - 1, rank))[min(len(tail) - 1, rank)]
    reach = max(1, round(FLOOR_REACH_S / FLOOR_BLOCK_S))
    edge = np.full(reach, np.float32(np.inf), dtype=np.float32)
    before = np.lib.stride_tricks.sliding_window_view(np.concatenate([edge, quietest]), reach + 1).min(axis=1)
    after = np.lib.stride_tricks.sliding_window_view(np.concatenate([quietest, edge]), reach + 1).min(axis=1)
    floor = np.maximum(before, after)
    result: npt.NDArray[np.float32] = np.repeat(floor, block)[:count]
    return result


@dataclass(frozen=True)
class LaneSound:
    """One lane's frame energy and its sound (speech or hold audio) found by energy alone."""

    energy: npt.NDArray[np.float32]
    floor: npt.NDArray[np.float32]
    active: Mask

    @staticmethod
    def of(lane: Lane, sample_rate: int) -> LaneSound:
        """Energy, noise floor, hysteresis; clicks dropped, pauses bridged, short bursts dropped, hangover."""
        energy = frame_energy_db(lane, sample_rate)
        if len(energy) == 0:
            return LaneSound(energy, energy, np.zeros(0, dtype=np.bool_))
        floor = noise_floor_db(energy)
        loud = energy > np.maximum(floor + START_MARGIN_DB, ABSOLUTE_MIN_DBFS)
        carried = energy > np.maximum(floor + KEEP_MARGIN_DB, ABSOLUTE_MIN_DBFS)
        # Hysteresis: a run above the lower threshold is sound when it reaches the higher one somewhere.
        starts, ends = run_edges(carried)
        seen = np.concatenate([[0], np.cumsum(loud, dtype=np.int64)])
        touching = seen[ends] > seen[starts]
        # Clicks: a click fills one or two frames. Bridged, two clicks a few frames apart would pass for a
        # burst of speech, and a click just after speech would carry it on by up to a bridge. So runs shorter
        # than MIN_SOUND_S (every syllable lasts longer) are dropped before the pauses are bridged.
        sustained = touching & ((ends - starts) >= frame_count(MIN_SOUND_S))
        starts, ends = _bridge_runs(starts[sustained], ends[sustained], frame_count(BRIDGE_S))
        long_enough = (ends - starts) >= frame_count(MIN_SPEECH_S)
        starts, ends = starts[long_enough], ends[long_enough]
        limits = np.concatenate([starts[1:], [len(energy)]])  # the hangover reaches up to the next run, not into it
        return LaneSound(
            energy, floor, from_runs(len(energy), starts, np.minimum(ends + frame_count(HANGOVER_S), limits))
        )


def _bridge_runs(
    starts: npt.NDArray[np.intp], ends: npt.NDArray[np.intp], gap: int
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Join runs whose pause is shorter than `gap` frames (ends are not moved)."""
    if len(starts) < 2:
        return starts, ends
    joined = (starts[1:] - ends[:-1]) < gap
    return starts[np.concatenate([[True], ~joined])], ends[np.concatenate([~joined, [True]])]
