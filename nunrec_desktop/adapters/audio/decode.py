"""Decoding recordings in memory, and the min/max summaries a waveform view draws from.

Audio arrives as bytes from the store and is decoded from memory with soundfile as int16 (several times
faster than float, see design.md); nothing is ever written to disk. MP3 is read in one call, because
block-wise reads make libmpg123 resync. Anything soundfile cannot read gets a Dutch message that names the
recording. A file that decodes shorter than the store's metadata says is reported as incomplete.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import soundfile as sf

from nunrec_desktop.domain import NunrecError

Samples = npt.NDArray[np.int16]
MAX_DECODED_BYTES = 2 * 1024**3  # 2 GiB of int16: far beyond any telephone call
SMALLEST_BLOCK = 256  # frames per summary value at the finest level (32 ms at 8 kHz); finer views use raw samples
LARGEST_BLOCK = 65_536


class AudioDecodeError(NunrecError):
    """The recording's audio cannot be decoded; the message names the recording."""


@dataclass(frozen=True, slots=True)
class DecodedAudio:
    samples: Samples  # shape (frames, channels), int16
    sample_rate: int
    format: str  # soundfile's major format, e.g. "WAV", "MP3", "FLAC", "OGG"
    subtype: str  # e.g. "ALAW", "ULAW", "PCM_16", "GSM610", "MPEG_LAYER_III", "VORBIS", "OPUS"

    @property
    def frames(self) -> int:
        return int(self.samples.shape[0])

    @property
    def channels(self) -> int:
        return int(self.samples.shape[1])

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate


def decode(data: bytes, label: str) -> DecodedAudio:
    """Decode a whole file from memory as int16; `label` names the recording in error messages."""
    if not data:
        raise AudioDecodeError(f"Opname {label} bevat geen geluid (het bestand is leeg).")
    try:
        with sf.SoundFile(io.BytesIO(data)) as sound:
            rate, channels = int(sound.samplerate), int(sound.channels)
            if not (1_000 <= rate <= 192_000) or not (1 <= channels <= 8):
                raise AudioDecodeError(
                    f"Opname {label} heeft een onbruikbaar geluidsformaat ({rate} Hz, {channels} kanalen)."
                )
            if sound.frames * channels * 2 > MAX_DECODED_BYTES and sound.frames > 0:
                raise AudioDecodeError(f"Opname {label} is te groot om af te spelen.")
            if sound.seekable():
                samples = sound.read(dtype="int16", always_2d=True)  # one call: MP3 must not be read in blocks
            else:  # e.g. GSM 6.10: libsndfile cannot tell the length up front
                parts = []
                while len(chunk := sound.read(65_536, dtype="int16", always_2d=True)):
                    parts.append(chunk)
                samples = np.concatenate(parts) if parts else np.zeros((0, channels), dtype=np.int16)
            fmt, subtype = str(sound.format), str(sound.subtype)
    except AudioDecodeError:
        raise
    except (sf.LibsndfileError, RuntimeError, ValueError, TypeError, OverflowError, MemoryError) as error:
        raise AudioDecodeError(
            f"Opname {label} kan niet worden afgespeeld: het geluidsformaat wordt niet herkend of het "
            "bestand is beschadigd. IT kan het bestand controleren met 'nunrec check-audio'."
        ) from error
    if samples.shape[0] == 0:
        raise AudioDecodeError(f"Opname {label} bevat geen geluid.")
    return DecodedAudio(np.ascontiguousarray(samples), rate, fmt, subtype)


def is_complete(decoded_s: float, expected_s: float | None) -> bool:
    """False when the audio is clearly shorter than the metadata says (a file cut short reads without error)."""
    if expected_s is None or expected_s <= 0:
        return True
    return decoded_s >= expected_s - max(1.0, 0.02 * expected_s)


@dataclass(frozen=True)
class WaveformSummary:
    """Per channel, min/max of each block of 256, 512, 1024 ... frames (levels[k] has block 256 * 2**k)."""

    frames: int
    levels: list[tuple[Samples, Samples]] = field(repr=False)  # per level: (mins, maxs), shape (blocks, channels)

    @staticmethod
    def build(samples: Samples) -> WaveformSummary:
        frames, channels = samples.shape
        usable = frames - frames % SMALLEST_BLOCK
        levels: list[tuple[Samples, Samples]] = []
        if usable:
            mins = np.empty((usable // SMALLEST_BLOCK, channels), dtype=np.int16)
            maxs = np.empty_like(mins)
            for channel in range(channels):  # a strided view per channel, not a reduction over the middle axis
                blocks = samples[:usable, channel].reshape(-1, SMALLEST_BLOCK)
                blocks.min(axis=1, out=mins[:, channel])
                blocks.max(axis=1, out=maxs[:, channel])
            levels.append((mins, maxs))
            block = SMALLEST_BLOCK
            while block < LARGEST_BLOCK and levels[-1][0].shape[0] >= 2:
                lower_mins, lower_maxs = levels[-1]
                even = lower_mins.shape[0] - lower_mins.shape[0] % 2
                levels.append(
                    (
                        np.minimum(lower_mins[:even:2], lower_mins[1:even:2]),
                        np.maximum(lower_maxs[:even:2], lower_maxs[1:even:2]),
                    )
                )
                block *= 2
        return WaveformSummary(frames, levels)

    def level_for(self, frames_per_column: float) -> tuple[int, int]:
        """The coarsest level whose block fits in a column, and its block size; (-1, 1) means raw samples."""
        level, block = -1, 1
        while level + 1 < len(self.levels) and SMALLEST_BLOCK << (level + 1) <= frames_per_column:
            level += 1
            block = SMALLEST_BLOCK << level
        return level, block

    def columns(
        self, samples: Samples, channel: int, first: int, last: int, width: int
    ) -> tuple[npt.NDArray[np.int16], npt.NDArray[np.int16]]:
        """Min and max of frames [first, last) split into `width` columns (see `column_edges`)."""
        edges, level, summarised = self.column_edges(first, last, width)
        if last <= first or self.frames == 0:
            empty = np.zeros(max(1, width), dtype=np.int16)
            return empty, empty
        values = samples[:, channel]
        if level < 0 or summarised == 0:
            return _reduce(values[: edges[-1]], edges)
        block = SMALLEST_BLOCK << level
        mins_level, maxs_level = self.levels[level]
        block_edges = edges[: summarised + 1] // block
        stop = int(block_edges[-1])
        mins, maxs = _reduce_pair(mins_level[:stop, channel], maxs_level[:stop, channel], block_edges)
        if summarised < len(edges) - 1:  # the last columns reach past what the level covers: raw samples there
            tail_mins, tail_maxs = _reduce(values[: edges[-1]], edges[summarised:])
            mins, maxs = np.concatenate([mins, tail_mins]), np.concatenate([maxs, tail_maxs])
        return mins, maxs

    def column_edges(self, first: int, last: int, width: int) -> tuple[npt.NDArray[np.int64], int, int]:
        """The frame edges of the columns, the summary level used (-1: raw samples), and how many leading
        columns that level answers. Columns answered by a level start and end on its block boundaries;
        the rest (zoomed in further than the finest level, or the tail no whole block covers) use raw samples.
        """
        first, last = max(0, first), min(self.frames, last)
        width = max(1, width)
        edges = np.linspace(first, last, width + 1).astype(np.int64)
        level, block = self.level_for((last - first) / width)
        if level < 0:
            return edges, -1, 0
        covered = self.levels[level][0].shape[0] * block
        aligned = (edges // block) * block
        # Columns are at least one block wide, so aligned edges strictly increase within `covered`.
        summarised = int(np.searchsorted(aligned[1:], covered, side="right"))
        if summarised == width and aligned[-1] != last:
            summarised -= 1  # the last column must end exactly at `last`: it takes its tail from raw samples
        edges = np.concatenate([aligned[: summarised + 1], edges[summarised + 1 :]])
        return edges, level, summarised


def _reduce(values: npt.NDArray[np.int16], edges: npt.NDArray[np.int64]) -> tuple[Samples, Samples]:
    starts = np.minimum(edges[:-1], len(values) - 1)
    mins = np.minimum.reduceat(values, starts)
    maxs = np.maximum.reduceat(values, starts)
    empty = edges[1:] <= edges[:-1]
    mins[empty] = values[starts[empty]]
    maxs[empty] = values[starts[empty]]
    return mins.astype(np.int16), maxs.astype(np.int16)


def _reduce_pair(
    mins: npt.NDArray[np.int16], maxs: npt.NDArray[np.int16], edges: npt.NDArray[np.int64]
) -> tuple[Samples, Samples]:
    starts = np.minimum(edges[:-1], len(mins) - 1)
    return (
        np.minimum.reduceat(mins, starts).astype(np.int16),
        np.maximum.reduceat(maxs, starts).astype(np.int16),
    )
