"""Decoding recordings in memory, and the min/max summaries a waveform view draws from.

Audio is hostile input. It is read from a regular file only (no device, pipe or symbolic link) or from the
bytes the store delivers, within a size cap and, judged from the header before anything is decoded, a
duration cap. The first bytes name the format: AAC, AMR and WMA are called unsupported, bytes without a
known header are called that. A WAV whose data chunk is shorter than its header claims is reported as
incomplete. Nothing is ever written to disk.

WAV with A-law, u-law, 8-, 16- or 24-bit PCM (the telephony formats) is decoded here with numpy, chunk by
chunk into channels-first int16 (`samples` is its (frames, channels) view, so every channel is contiguous),
with the first summary level computed from each chunk while it is in the cache; the output is bit-identical
to libsndfile's. PCM16 stereo is split by casting its 32-bit frames (two contiguous passes, no strided copy).
Everything else goes through soundfile as int16. MP3 is read in one call (block-wise reads make libmpg123
resync), after a first read of the first minute for the first view (`RestOfDecode`).
"""

from __future__ import annotations

import errno
import functools
import io
import os
import stat
import struct
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import numpy as np
import numpy.typing as npt
import soundfile as sf

from nunrec_desktop.domain import NunrecError

Samples = npt.NDArray[np.int16]
Bytes = npt.NDArray[np.uint8]
Buffer = bytes | bytearray | memoryview | Bytes
MAX_DECODED_BYTES = 2 * 1024**3  # 2 GiB of int16: a hard ceiling whatever the settings say
SMALLEST_BLOCK = 256  # frames per summary value at the finest level (32 ms at 8 kHz); finer views use raw samples
LARGEST_BLOCK = 65_536
CHUNK_FRAMES = 4 * LARGEST_BLOCK  # frames decoded per step of the numpy path (fits the cache, few Python steps)
HEAD_BYTES = 65_536  # what is read first to recognise the format and parse a WAV header
FIRST_VIEW_S = 60.0  # MP3: seconds decoded for the first view before the whole file is decoded in one call
DEFAULT_MAX_BYTES = 512 * 1024**2
DEFAULT_MAX_DURATION_S = 4 * 3600.0

_WAV_TAGS = {1: "PCM", 3: "FLOAT", 6: "ALAW", 7: "ULAW"}
_UNSUPPORTED_WAV_TAGS = {
    0x0065: "G.722",
    0x028F: "G.722",
    0x0083: "G.729",
    0x0133: "G.729",
    0x00FF: "AAC",
    0x1610: "AAC",
    0x1600: "AAC",
    0x706D: "AAC",
    0x0160: "WMA",
    0x0161: "WMA",
    0x0162: "WMA",
    0x0163: "WMA",
}
_KNOWN_MAGIC = (b"fLaC", b"OggS", b"ID3", b"FORM", b".snd", b"caff", b"RIFF", b"RIFX", b"RF64", b"riff")


class AudioDecodeError(NunrecError):
    """The recording's audio cannot be read or decoded; the message names the recording."""


@dataclass(frozen=True, slots=True)
class AudioLimits:
    """What the player and `check-audio` accept: the file's size and the duration its header claims."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_duration_s: float = DEFAULT_MAX_DURATION_S

    @staticmethod
    def from_settings(max_file_mb: int, max_duration_minutes: int) -> AudioLimits:
        return AudioLimits(max_file_mb * 1024**2, max_duration_minutes * 60.0)


@dataclass(frozen=True, slots=True)
class DecodedAudio:
    samples: Samples  # shape (frames, channels), int16; channels-first in memory on the numpy path
    sample_rate: int
    format: str  # soundfile's major format, e.g. "WAV", "MP3", "FLAC", "OGG"
    subtype: str  # e.g. "ALAW", "ULAW", "PCM_16", "GSM610", "MPEG_LAYER_III", "VORBIS", "OPUS"
    claimed_duration_s: float | None = None  # what a WAV header claims, when its data chunk is shorter
    rest: RestOfDecode | None = None  # MP3: only the first minute is decoded yet

    @property
    def frames(self) -> int:
        return int(self.samples.shape[0])

    @property
    def channels(self) -> int:
        return int(self.samples.shape[1])

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate

    @property
    def truncated(self) -> bool:
        """The header claims more audio than the file holds (a file cut short)."""
        return self.claimed_duration_s is not None and self.claimed_duration_s > self.duration_s


@dataclass(frozen=True, slots=True)
class Loaded:
    audio: DecodedAudio
    summary: WaveformSummary


class RestOfDecode:
    """The whole of an MP3 still to be decoded (the first view holds only its first minute).

    `run()` (off the GUI thread) decodes the file again from the start in one call into the same array, so
    the first minute is overwritten with the same values and nothing is copied. `hold` runs first (tests
    use it to keep the decode waiting, deterministically).
    """

    def __init__(self, data: bytes, decoded: DecodedAudio, ready_frames: int, label: str) -> None:
        self._data = data
        self._decoded = decoded
        self.ready_frames = ready_frames
        self.label = label
        self.hold: Callable[[], object] = lambda: None

    def run(self) -> Loaded:
        self.hold()
        samples = self._decoded.samples
        try:
            with sf.SoundFile(io.BytesIO(self._data)) as sound:
                got = sound.read(samples.shape[0], dtype="int16", always_2d=True, out=samples)
        except (sf.LibsndfileError, RuntimeError, ValueError, TypeError, MemoryError) as error:
            raise _broken(self.label) from error
        if len(got) == 0:
            raise AudioDecodeError(f"Opname {self.label} bevat geen geluid.")
        full = samples[: len(got)]
        audio = DecodedAudio(full, self._decoded.sample_rate, self._decoded.format, self._decoded.subtype)
        return Loaded(audio, WaveformSummary.build(full))


# -- reading -------------------------------------------------------------------------------------------


def read_file(path: Path | OpenFile, limits: AudioLimits | None = None) -> Bytes:
    """The whole of a regular file (or an opened one) as a numpy buffer, within the size cap (devices, pipes
    and symbolic links are refused before anything is read). OSError (e.g. FileNotFoundError) is left to the
    caller."""
    with _open_regular(path, limits or AudioLimits()) as (handle, size):
        buffer = np.empty(size, dtype=np.uint8)
        got = _read_into(handle, buffer)
        if handle.read(1):
            raise AudioDecodeError(f"Het bestand {path.name} groeit terwijl het gelezen wordt; probeer het later.")
    return buffer[:got]


@dataclass(frozen=True, slots=True)
class OpenFile:
    """An audio file its store already opened and checked: decoding reads from this descriptor (from its
    start), never from a path again. The descriptor stays open; whoever opened it closes it."""

    descriptor: int
    name: str


class _OpenRegular:
    def __init__(self, path: Path | OpenFile, limits: AudioLimits) -> None:
        self.path, self.limits = path, limits
        self.handle: BinaryIO | None = None

    def __enter__(self) -> tuple[BinaryIO, int]:
        if isinstance(self.path, OpenFile):
            return self._enter_descriptor(self.path)
        path = self.path
        if path.is_symlink():
            raise AudioDecodeError(
                f"{path.name} is een symbolische koppeling en wordt niet gelezen; geef het bestand zelf op."
            )
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            descriptor = os.open(path, flags)
        except OSError as error:
            if error.errno == errno.ELOOP:  # it became a link after the check above
                raise AudioDecodeError(f"{path.name} is een symbolische koppeling en wordt niet gelezen.") from None
            raise
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            os.close(descriptor)
            raise AudioDecodeError(
                f"{path.name} is geen gewoon bestand (maar bijvoorbeeld een apparaat, een pijp of een map) "
                "en wordt niet gelezen."
            )
        if info.st_size > self.limits.max_bytes:
            os.close(descriptor)
            raise AudioDecodeError(_too_big(path.name, info.st_size, self.limits))
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        self.handle = os.fdopen(descriptor, "rb", buffering=0)
        return self.handle, int(info.st_size)

    def _enter_descriptor(self, opened: OpenFile) -> tuple[BinaryIO, int]:
        info = os.fstat(opened.descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise AudioDecodeError(f"{opened.name} is geen gewoon bestand en wordt niet gelezen.")
        if info.st_size > self.limits.max_bytes:
            raise AudioDecodeError(_too_big(opened.name, info.st_size, self.limits))
        self.handle = os.fdopen(opened.descriptor, "rb", buffering=0, closefd=False)
        self.handle.seek(0)
        return self.handle, int(info.st_size)

    def __exit__(self, *_exc: object) -> None:
        if self.handle is not None:
            self.handle.close()


def _open_regular(path: Path | OpenFile, limits: AudioLimits) -> _OpenRegular:
    return _OpenRegular(path, limits)


def _read_into(handle: BinaryIO, buffer: Bytes) -> int:
    view = memoryview(buffer)  # type: ignore[arg-type]
    done = 0
    while done < len(view):
        got = handle.readinto(view[done:])  # type: ignore[attr-defined]
        if not got:
            break
        done += got
    return done


class _Source:
    """Consecutive pieces of the audio: views into a buffer, or a file read into a reused scratch buffer."""

    def __init__(self, buffer: Bytes | None = None, handle: BinaryIO | None = None) -> None:
        self._buffer, self._handle, self._position = buffer, handle, 0
        self._scratch = np.empty(0, dtype=np.uint8)

    def seek(self, offset: int) -> None:
        self._position = offset
        if self._handle is not None:
            self._handle.seek(offset)

    def read(self, count: int) -> Bytes:
        if self._buffer is not None:
            piece = self._buffer[self._position : self._position + count]
            self._position += len(piece)
            return piece
        assert self._handle is not None
        if len(self._scratch) < count:
            self._scratch = np.empty(count, dtype=np.uint8)
        got = _read_into(self._handle, self._scratch[:count])
        self._position += got
        return self._scratch[:got]


# -- recognising the format --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WavHeader:
    format_tag: int
    subtype: str  # ALAW, ULAW, PCM_U8, PCM_16, PCM_24, PCM_32, FLOAT, or "" (left to soundfile)
    channels: int
    sample_rate: int
    block_align: int
    data_offset: int
    claimed_bytes: int | None  # None: the writer left the size open (streaming)
    available_bytes: int

    @property
    def truncated(self) -> bool:
        return self.claimed_bytes is not None and self.available_bytes < self.claimed_bytes


def sniff(head: bytes, label: str) -> str:
    """The kind of file: "wav" for RIFF/WAVE, "other" for the rest soundfile reads; raises otherwise."""
    if head[4:8] == b"ftyp" or head[:4] == b"ADIF" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0):
        raise AudioDecodeError(_unsupported(label, "AAC"))
    if head.startswith(b"#!AMR"):
        raise AudioDecodeError(_unsupported(label, "AMR"))
    if head.startswith(bytes.fromhex("3026b2758e66cf11")):
        raise AudioDecodeError(_unsupported(label, "WMA"))
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(_KNOWN_MAGIC) or _mpeg_sync(head):
        return "other"
    raise AudioDecodeError(
        f"Opname {label} kan niet worden afgespeeld: onbekend formaat of geen koptekst (bijvoorbeeld kale "
        "u-law, A-law of G.722 zonder WAV-koptekst). Vraag IT om WAV (A-law of PCM) of MP3 aan te leveren."
    )


def _mpeg_sync(head: bytes) -> bool:
    """An MPEG audio frame header (layer I-III): 11 sync bits, a valid version and a layer."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    return head[1] & 0x06 != 0 and head[2] & 0xF0 != 0xF0


def parse_wav(head: bytes, total_size: int, label: str) -> WavHeader | None:
    """The fmt and data chunks of a RIFF/WAVE file from its first bytes; None when they are not there."""
    position = 12
    fmt: tuple[int, int, int, int, int, int] | None = None
    while position + 8 <= len(head):
        chunk_id = head[position : position + 4]
        (size,) = struct.unpack_from("<I", head, position + 4)
        body = position + 8
        if chunk_id == b"fmt " and size >= 16 and body + 16 <= len(head):
            tag, channels, rate, _byte_rate, align, bits = struct.unpack_from("<HHIIHH", head, body)
            if tag == 0xFFFE and size >= 40 and body + 40 <= len(head):
                (tag,) = struct.unpack_from("<H", head, body + 24)  # the sub-format GUID starts with the tag
            fmt = (tag, channels, rate, align, bits, size)
        elif chunk_id == b"data":
            if fmt is None:
                return None
            tag, channels, rate, align, bits, _ = fmt
            if tag in _UNSUPPORTED_WAV_TAGS:
                raise AudioDecodeError(_unsupported(label, _UNSUPPORTED_WAV_TAGS[tag]))
            open_size = size in (0, 0xFFFFFFFF)
            available = max(0, total_size - body)
            claimed = None if open_size else size
            return WavHeader(
                tag,
                _subtype(tag, bits, channels, align),
                channels,
                rate,
                align,
                body,
                claimed,
                available if claimed is None else min(claimed, available),
            )
        position = body + size + (size & 1)
    if fmt is not None and fmt[0] in _UNSUPPORTED_WAV_TAGS:
        raise AudioDecodeError(_unsupported(label, _UNSUPPORTED_WAV_TAGS[fmt[0]]))
    return None


def _subtype(tag: int, bits: int, channels: int, align: int) -> str:
    width = {6: 1, 7: 1}.get(tag, bits // 8 if tag == 1 and bits % 8 == 0 else 0)
    if channels < 1 or width == 0 or align != channels * width:
        return ""
    if tag == 1:
        return {1: "PCM_U8", 2: "PCM_16", 3: "PCM_24"}.get(width, "")
    return _WAV_TAGS[tag]


# -- decoding ---------------------------------------------------------------------------------------------


def decode(data: Buffer, label: str, limits: AudioLimits | None = None) -> DecodedAudio:
    """Decode a whole file from memory as int16; `label` names the recording in error messages."""
    return load(data, label, limits, summarise=False).audio


def load(
    source: Path | OpenFile | Buffer,
    label: str,
    limits: AudioLimits | None = None,
    *,
    summarise: bool = True,
    first_view_s: float | None = None,
) -> Loaded:
    """Read (a path: a regular file within the caps) and decode, with the waveform summary.

    With `first_view_s`, an MP3 longer than that is decoded only that far: `audio.rest` decodes the whole.
    """
    limits = limits or AudioLimits()
    if isinstance(source, Path | OpenFile):
        with _open_regular(source, limits) as (handle, size):
            head = handle.read(HEAD_BYTES) or b""

            def whole() -> bytes:
                handle.seek(0)
                buffer = np.empty(size, dtype=np.uint8)
                return buffer[: _read_into(handle, buffer)].tobytes()

            return _load(_Source(handle=handle), head, size, label, limits, summarise, first_view_s, whole)
    buffer = np.frombuffer(source, dtype=np.uint8) if not isinstance(source, np.ndarray) else source
    if len(buffer) > limits.max_bytes:
        raise AudioDecodeError(_too_big(label, len(buffer), limits))
    head = buffer[:HEAD_BYTES].tobytes()
    data = source

    def in_memory() -> bytes:
        return data if isinstance(data, bytes) else buffer.tobytes()

    return _load(_Source(buffer=buffer), head, len(buffer), label, limits, summarise, first_view_s, in_memory)


def _load(
    source: _Source,
    head: bytes,
    size: int,
    label: str,
    limits: AudioLimits,
    summarise: bool,
    first_view_s: float | None,
    whole: Callable[[], bytes],
) -> Loaded:
    if size == 0 or not head:
        raise AudioDecodeError(f"Opname {label} bevat geen geluid (het bestand is leeg).")
    kind = sniff(head, label)
    header = parse_wav(head, size, label) if kind == "wav" else None
    claimed_s: float | None = None
    if header is not None:
        if not (1_000 <= header.sample_rate <= 192_000) or not (1 <= header.channels <= 8):
            raise AudioDecodeError(_unusable(label, header.sample_rate, header.channels))
        if header.subtype and header.block_align:
            frames = header.available_bytes // header.block_align
            _check_length(label, frames, header.channels, header.sample_rate, limits)
            if header.truncated and header.claimed_bytes is not None:
                claimed_s = header.claimed_bytes // header.block_align / header.sample_rate
            if frames == 0:
                raise AudioDecodeError(f"Opname {label} bevat geen geluid.")
            source.seek(header.data_offset)
            samples, summary = _decode_wav(source, header, frames, summarise)
            audio = DecodedAudio(samples, header.sample_rate, "WAV", header.subtype, claimed_s)
            return Loaded(audio, summary if summary is not None else WaveformSummary.empty())
    data = whole()  # soundfile decodes from memory: the compressed file is small next to its int16
    audio = _decode_soundfile(data, label, limits, first_view_s)
    if header is not None and header.truncated and header.claimed_bytes:
        audio = DecodedAudio(
            audio.samples,
            audio.sample_rate,
            audio.format,
            audio.subtype,
            audio.duration_s * header.claimed_bytes / max(1, header.available_bytes),
        )
    ready = audio.rest.ready_frames if audio.rest is not None else None
    summary = WaveformSummary.build(audio.samples, ready) if summarise else WaveformSummary.empty()
    return Loaded(audio, summary)


def _decode_wav(
    source: _Source, header: WavHeader, frames: int, summarise: bool
) -> tuple[Samples, WaveformSummary | None]:
    """The numpy path: chunks of the data chunk decoded per channel into channels-first int16."""
    channels, width = header.channels, header.block_align
    out = np.empty((channels, frames), dtype=np.int16)
    blocks = frames // SMALLEST_BLOCK
    mins = np.zeros((blocks, channels), dtype=np.int16)
    maxs = np.zeros_like(mins)
    starts = np.arange(0, CHUNK_FRAMES, SMALLEST_BLOCK)
    table = _TABLES.get(header.subtype)
    # PCM16 stereo: each frame is one little-endian 32-bit word, the left sample its low half. Casting the words
    # to int16 keeps the low half, shifting first the high one: two contiguous passes instead of strided copies.
    paired = header.subtype == "PCM_16" and channels == 2 and sys.byteorder == "little"
    shifted = np.empty(CHUNK_FRAMES if paired else 0, dtype=np.int32)
    position = 0
    while position < frames:
        raw = source.read(min(CHUNK_FRAMES, frames - position) * width)
        got = len(raw) // width
        if got == 0:
            break
        raw = raw[: got * width]
        interleaved = raw.reshape(got, channels, width // channels)
        pcm16 = raw.view("<i2").reshape(got, channels) if header.subtype == "PCM_16" else None
        destination = out[:, position : position + got]
        for channel in range(channels):
            if table is not None:
                np.take(table(), interleaved[:, channel, 0], out=destination[channel], mode="clip")
            elif paired:
                words = raw.view(np.int32)
                if channel:
                    words = np.right_shift(words, 16, out=shifted[:got])
                np.copyto(destination[channel], words, casting="unsafe")
            elif pcm16 is not None:  # viewed, not decoded: one strided copy into the channel's row
                np.copyto(destination[channel], pcm16[:, channel], casting="same_kind")
            else:  # PCM_24: the two high bytes, as libsndfile does
                high = interleaved[:, channel, 2].astype(np.uint16)
                high <<= 8
                high |= interleaved[:, channel, 1]
                destination[channel] = high.view(np.int16)
            whole = got // SMALLEST_BLOCK
            if summarise and whole:
                first = position // SMALLEST_BLOCK
                values = destination[channel, : whole * SMALLEST_BLOCK]
                np.minimum.reduceat(values, starts[:whole], out=mins[first : first + whole, channel])
                np.maximum.reduceat(values, starts[:whole], out=maxs[first : first + whole, channel])
        position += got
    if position < frames:  # the file shrank while it was read
        samples = out[:, :position].T
        return samples, WaveformSummary.build(samples) if summarise else None
    samples = out.T
    return samples, WaveformSummary.from_first_level(frames, mins, maxs) if summarise else None


def _decode_soundfile(data: bytes, label: str, limits: AudioLimits, first_view_s: float | None) -> DecodedAudio:
    try:
        with sf.SoundFile(io.BytesIO(data)) as sound:
            rate, channels = int(sound.samplerate), int(sound.channels)
            if not (1_000 <= rate <= 192_000) or not (1 <= channels <= 8):
                raise AudioDecodeError(_unusable(label, rate, channels))
            fmt, subtype = str(sound.format), str(sound.subtype)
            if sound.seekable():
                frames = int(sound.frames)
                _check_length(label, frames, channels, rate, limits)
                first = int(first_view_s * rate) if first_view_s is not None else frames
                if fmt == "MP3" and first < frames:
                    samples = np.zeros((frames, channels), dtype=np.int16)
                    sound.read(first, dtype="int16", always_2d=True, out=samples[:first])
                    partial = DecodedAudio(samples, rate, fmt, subtype)
                    rest = RestOfDecode(data, partial, first, label)
                    return DecodedAudio(samples, rate, fmt, subtype, rest=rest)
                samples = sound.read(dtype="int16", always_2d=True)  # one call: MP3 must not be read in blocks
            else:  # e.g. GSM 6.10: libsndfile cannot tell the length up front; the caps apply as it goes
                parts = []
                total = 0
                while len(chunk := sound.read(65_536, dtype="int16", always_2d=True)):
                    parts.append(chunk)
                    total += len(chunk)
                    _check_length(label, total, channels, rate, limits)
                samples = np.concatenate(parts) if parts else np.zeros((0, channels), dtype=np.int16)
    except AudioDecodeError:
        raise
    except (sf.LibsndfileError, RuntimeError, ValueError, TypeError, OverflowError, MemoryError) as error:
        raise _broken(label) from error
    if samples.shape[0] == 0:
        raise AudioDecodeError(f"Opname {label} bevat geen geluid.")
    return DecodedAudio(samples, rate, fmt, subtype)


def _check_length(label: str, frames: int, channels: int, rate: int, limits: AudioLimits) -> None:
    seconds = frames / rate
    if seconds > limits.max_duration_s:
        raise AudioDecodeError(
            f"Opname {label} duurt volgens de koptekst {_hours(seconds)}; de speler opent opnames tot "
            f"{_hours(limits.max_duration_s)} (instelling audio.max_duration_minutes)."
        )
    if frames * channels * 2 > MAX_DECODED_BYTES:
        raise AudioDecodeError(f"Opname {label} is te groot om af te spelen.")


def _hours(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes // 60} uur {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def _too_big(label: str, size: int, limits: AudioLimits) -> str:
    return (
        f"Opname {label} is te groot: {size / 1024**2:.0f} MB, de speler leest bestanden tot "
        f"{limits.max_bytes / 1024**2:.0f} MB (instelling audio.max_file_mb)."
    )


def _unusable(label: str, rate: int, channels: int) -> str:
    return f"Opname {label} heeft een onbruikbaar geluidsformaat ({rate} Hz, {channels} kanalen)."


def _unsupported(label: str, name: str) -> str:
    return (
        f"Opname {label} kan niet worden afgespeeld: {name} wordt niet ondersteund. Vraag IT om de opnamen "
        "als WAV (A-law of PCM) of MP3 aan te leveren."
    )


def _broken(label: str) -> AudioDecodeError:
    return AudioDecodeError(
        f"Opname {label} kan niet worden afgespeeld: het geluidsformaat wordt niet herkend of het "
        "bestand is beschadigd. IT kan het bestand controleren met 'nunrec check-audio'."
    )


# -- G.711 and 8-bit PCM as 256-entry tables (ITU-T G.711, as Sun's g711.c and libsndfile decode them) ---


@functools.cache
def alaw_table() -> Samples:
    a = np.arange(256, dtype=np.int32) ^ 0x55
    mantissa = (a & 0x0F) << 4
    segment = (a & 0x70) >> 4
    value = np.where(segment == 0, mantissa + 8, (mantissa + 0x108) << np.maximum(segment - 1, 0))
    return np.where(a & 0x80, value, -value).astype(np.int16)


@functools.cache
def ulaw_table() -> Samples:
    u = ~np.arange(256, dtype=np.int32) & 0xFF
    value = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4)
    return np.where(u & 0x80, 0x84 - value, value - 0x84).astype(np.int16)


@functools.cache
def pcm_u8_table() -> Samples:
    return ((np.arange(256, dtype=np.int32) - 128) << 8).astype(np.int16)


_TABLES: dict[str, Callable[[], Samples]] = {"ALAW": alaw_table, "ULAW": ulaw_table, "PCM_U8": pcm_u8_table}


def is_complete(decoded_s: float, expected_s: float | None) -> bool:
    """False when the audio is clearly shorter than the metadata says (a file cut short reads without error)."""
    if expected_s is None or expected_s <= 0:
        return True
    return decoded_s >= expected_s - max(1.0, 0.02 * expected_s)


# -- summaries ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WaveformSummary:
    """Per channel, min/max of each block of 256, 512, 1024 ... frames (levels[k] has block 256 * 2**k).

    `ready` is how many frames the levels cover yet (less than `frames` while an MP3 is still decoding).
    """

    frames: int
    levels: list[tuple[Samples, Samples]] = field(repr=False)  # per level: (mins, maxs), shape (blocks, channels)
    ready: int = -1

    @property
    def ready_frames(self) -> int:
        return self.frames if self.ready < 0 else self.ready

    @staticmethod
    def empty() -> WaveformSummary:
        return WaveformSummary(0, [])

    @staticmethod
    def build(samples: Samples, ready: int | None = None) -> WaveformSummary:
        """From (frames, channels) samples in any memory layout; with `ready`, only frames [0, ready)."""
        frames, channels = samples.shape
        blocks = frames // SMALLEST_BLOCK
        mins = np.zeros((blocks, channels), dtype=np.int16)
        maxs = np.zeros_like(mins)
        done = min(blocks, (frames if ready is None else ready) // SMALLEST_BLOCK)
        if done:
            starts = np.arange(0, done * SMALLEST_BLOCK, SMALLEST_BLOCK)
            for channel in range(channels):  # one channel at a time (contiguous when channels-first)
                values = samples[: done * SMALLEST_BLOCK, channel]
                np.minimum.reduceat(values, starts, out=mins[:done, channel])
                np.maximum.reduceat(values, starts, out=maxs[:done, channel])
        return WaveformSummary.from_first_level(frames, mins, maxs, -1 if ready is None else min(ready, frames))

    @staticmethod
    def from_first_level(frames: int, mins: Samples, maxs: Samples, ready: int = -1) -> WaveformSummary:
        levels: list[tuple[Samples, Samples]] = []
        if len(mins):
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
        return WaveformSummary(frames, levels, ready)

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
