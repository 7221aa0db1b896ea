"""Masks over the 20 ms frames of a lane and their runs (the first and the end frame of each stretch of
True), all vectorised: the common ground of speech activity, the hold-audio loop check and the measures."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FRAME_S = 0.02

Mask = npt.NDArray[np.bool_]


def frame_count(seconds: float) -> int:
    """Whole frames in `seconds`, at least one."""
    return max(1, round(seconds / FRAME_S))


def run_edges(mask: Mask) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Start and end (exclusive) frame of each run of True."""
    padded = np.zeros(len(mask) + 2, dtype=np.bool_)
    padded[1:-1] = mask
    change = np.flatnonzero(padded[1:] != padded[:-1])
    return change[0::2], change[1::2]


def keep_runs(mask: Mask, minimum: int) -> Mask:
    """The mask with only its runs of at least `minimum` frames."""
    starts, ends = run_edges(mask)
    keep = (ends - starts) >= minimum
    return from_runs(len(mask), starts[keep], ends[keep])


def from_runs(length: int, starts: npt.NDArray[np.intp], ends: npt.NDArray[np.intp]) -> Mask:
    """A mask from sorted runs that do not overlap (one np.repeat: far cheaper than a cumulative sum)."""
    edges = np.empty(2 * len(starts) + 2, dtype=np.intp)
    edges[0], edges[-1] = 0, length
    edges[1:-1:2], edges[2:-1:2] = starts, ends
    values = np.zeros(len(edges) - 1, dtype=np.bool_)
    values[1::2] = True
    result: Mask = np.repeat(values, np.diff(edges))
    return result
