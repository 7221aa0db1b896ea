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
SMALLEST_BLOCK = 16  # frames per summary value at the finest level
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
    """Per channel, min/max of each block of 16, 32, 64 ... frames (levels[k] has block 16 * 2**k)."""

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
            for channel in range(channels):  # a strided view per channel is far faster than axis reductions
                blocks = np.ascontiguousarray(samples[:usable, channel]).reshape(-1, SMALLEST_BLOCK)
                mins[:, channel] = blocks.min(axis=1)
                maxs[:, channel] = blocks.max(axis=1)
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
        """Min and max of frames [first, last) split into `width` equal columns.

        Uses the coarsest summary level whose blocks still fit in a column, and the raw samples when zoomed
        in further than the finest level (or for the tail that no whole block covers).
        """
        first, last = max(0, first), min(self.frames, last)
        width = max(1, width)
        if last <= first:
            empty = np.zeros(width, dtype=np.int16)
            return empty, empty
        edges = np.linspace(first, last, width + 1).astype(np.int64)
        level, block = self.level_for((last - first) / width)
        if level < 0:
            return _reduce(samples[: edges[-1], channel], edges)
        mins_level, maxs_level = self.levels[level]
        covered = mins_level.shape[0] * block
        if edges[-1] > covered:  # the tail is not in the summary: use raw samples for exactness
            return _reduce(samples[: edges[-1], channel], edges)
        # Columns are at least one block wide, so these edges strictly increase: no empty column.
        block_edges = edges // block
        stop = block_edges[-1]
        return _reduce_pair(mins_level[:stop, channel], maxs_level[:stop, channel], block_edges)


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
