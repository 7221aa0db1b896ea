"""The recording store interface and the metadata it returns (protocol P1, P10, P11).

A store lists recordings in a time window page by page, returns one recording's metadata, reads its
audio into memory (never onto the workstation's disk) and deletes a recording for an erasure request.
`audio_source` is how the player gets at the audio, the same for every store: the source is opened
before the access policy is asked (the folder store pins the very file and the metadata beside it), and
`read` hands the decoder what it needs, checked against the metadata's SHA-256 where there is one.
The caller's number is part of the metadata only so an erasure request can be matched; it is kept out of
`repr` and must never be shown, logged or exported.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from nunrec_desktop.domain import NunrecError

if TYPE_CHECKING:
    from types import TracebackType

    from nunrec_desktop.adapters.audio.decode import AudioLimits, Bytes, OpenFile

DIRECTIONS = ("inbound", "outbound", "internal")


class StoreError(NunrecError):
    """The store cannot be used right now (unreachable, refused, misconfigured)."""


class RecordingGone(StoreError):
    """The recording is no longer available (expired after 30 days, or erased)."""


class MalformedMetadata(ValueError):
    """A metadata record does not follow the schema; the message names the field."""


class AudioMismatch(StoreError):
    """The audio is not the file the metadata describes (its SHA-256 differs from the sidecar's)."""


@dataclass(frozen=True, slots=True)
class Segment:
    employee_id: str
    start_s: float
    end_s: float


@dataclass(frozen=True, slots=True)
class AudioInfo:
    file: str
    format: str
    sample_rate: int
    channels: int
    channel_map: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RecordingMeta:
    id: str
    start: datetime
    duration_s: float
    direction: str
    called_number: str
    employee_id: str
    audio: AudioInfo
    segments: tuple[Segment, ...] = ()
    caller_number: str | None = field(default=None, repr=False, compare=False)
    sha256: str | None = None  # lowercase hex SHA-256 of the audio file as stored, when the store gives one

    def employee_ids(self) -> tuple[str, ...]:
        """Everyone who answered part of this call: the main employee and every segment's employee."""
        ids = [self.employee_id, *(s.employee_id for s in self.segments)]
        return tuple(dict.fromkeys(i for i in ids if i))


@dataclass(frozen=True, slots=True)
class SkippedEntry:
    """A store entry that could not be used; `where` is a path or id, never a phone number."""

    where: str
    reason: str


@dataclass(frozen=True, slots=True)
class Page:
    items: list[RecordingMeta]
    next_cursor: str | None
    skipped: list[SkippedEntry] = field(default_factory=list)


class AudioSource(Protocol):
    """One recording's audio as its store hands it to the decoder: opened, not yet read; close it (or use it
    as a context manager) when done.

    `meta` is the metadata the store vouches for together with this very audio (the folder store: the
    sidecar read again beside the file it opened), or None when the store's metadata is asked separately
    (the portal). `read` returns what the decoder reads (`adapters.audio.decode.load`): an opened file, or
    the bytes in memory, within `limits`; where `meta` carries a SHA-256 the bytes must have it
    (`AudioMismatch` otherwise)."""

    @property
    def meta(self) -> RecordingMeta | None: ...

    def read(self, meta: RecordingMeta, limits: AudioLimits) -> OpenFile | Bytes | bytes: ...

    def close(self) -> None: ...

    def __enter__(self) -> AudioSource: ...

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None: ...


class RecordingStore(Protocol):
    def list_recordings(self, start: datetime, end: datetime, cursor: str | None = None, limit: int = 500) -> Page: ...

    def get(self, recording_id: str) -> RecordingMeta: ...

    def read_audio(self, recording_id: str) -> bytes: ...

    def audio_source(self, recording_id: str) -> AudioSource: ...

    def delete(self, recording_id: str, reason: str) -> None: ...


# Bounds of the schema: a store is hostile input (issue 14). Anything outside is refused, never clamped.
MAX_DURATION_S = 24 * 3600.0
EARLIEST_START = datetime(2000, 1, 1, tzinfo=UTC)
LATEST_START = datetime(2100, 1, 1, tzinfo=UTC)
MAX_CHANNELS = 8
SAMPLE_RATES = (1000, 384_000)
MAX_SEGMENTS = 100
SEGMENT_SLACK_S = 1.0
RECORDING_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
SHA256_HEX = re.compile(r"^[0-9a-fA-F]{64}$")


def strict_json_loads(text: str) -> Any:
    """`json.loads` that refuses NaN, Infinity and duplicate keys; any failure (also RecursionError from
    deep nesting) becomes a ValueError."""

    def no_constant(name: str) -> Any:
        raise ValueError(f"{name} is not a JSON number")

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            raise ValueError("duplicate key")
        return result

    try:
        return json.loads(text, parse_constant=no_constant, object_pairs_hook=no_duplicates)
    except (RecursionError, OverflowError, TypeError) as error:
        raise ValueError("nested too deeply" if isinstance(error, RecursionError) else type(error).__name__) from None


def _need(obj: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str = "") -> Any:
    if key not in obj:
        raise MalformedMetadata(f"field '{where}{key}' is missing")
    value = obj[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise MalformedMetadata(f"field '{where}{key}' has the wrong type")
    return value


def _text(obj: dict[str, Any], key: str, max_len: int, where: str = "") -> str:
    value: str = _need(obj, key, str, where)
    if len(value) > max_len or not value.isprintable():
        raise MalformedMetadata(f"field '{where}{key}' is too long or holds control characters")
    return value


def _number(obj: dict[str, Any], key: str, low: float, high: float, where: str = "") -> float:
    value = _need(obj, key, (int, float), where)
    number = float(value) if isinstance(value, float) or abs(value) <= 10**15 else math.inf
    if not math.isfinite(number) or not low <= number <= high:
        raise MalformedMetadata(f"field '{where}{key}' is not a number between {low:g} and {high:g}")
    return number


def _integer(obj: dict[str, Any], key: str, low: int, high: int, where: str = "") -> int:
    value: int = _need(obj, key, int, where)
    if not low <= value <= high:
        raise MalformedMetadata(f"field '{where}{key}' is not between {low} and {high}")
    return value


def parse_metadata(data: Any) -> RecordingMeta:
    """Validate one metadata object (sidecar or portal JSON); unknown extra fields are ignored.

    The one place both stores validate metadata: it raises only `MalformedMetadata`, naming the field, and
    refuses NaN, infinities, negative and absurd numbers, start times outside 2000-2099, control characters
    and overlong strings.
    """
    try:
        return _parse_metadata(data)
    except MalformedMetadata:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError) as error:
        raise MalformedMetadata(f"metadata is not valid ({type(error).__name__})") from None


def _parse_metadata(data: Any) -> RecordingMeta:
    if not isinstance(data, dict):
        raise MalformedMetadata("metadata is not a JSON object")
    start_text = _text(data, "start", 64)
    try:
        start = datetime.fromisoformat(start_text.replace("Z", "+00:00"))
    except ValueError:
        raise MalformedMetadata("field 'start' is not an ISO-8601 time") from None
    if start.tzinfo is None:
        raise MalformedMetadata("field 'start' has no UTC offset")
    try:
        start = start.astimezone(UTC)
    except OverflowError:
        raise MalformedMetadata("field 'start' is out of range") from None
    if not EARLIEST_START <= start < LATEST_START:
        raise MalformedMetadata("field 'start' is not between 2000 and 2099")
    direction = _need(data, "direction", str)
    if direction not in DIRECTIONS:
        raise MalformedMetadata("field 'direction' is not inbound, outbound or internal")
    duration = _number(data, "duration_s", 0.0, MAX_DURATION_S)
    caller = data.get("caller_number")
    if caller is not None:
        caller = _text(data, "caller_number", 32)
    audio = _need(data, "audio", dict)
    channels = _integer(audio, "channels", 1, MAX_CHANNELS, "audio.")
    channel_map = _need(audio, "channel_map", list, "audio.")
    if len(channel_map) > MAX_CHANNELS or not all(isinstance(c, str) and len(c) <= 32 for c in channel_map):
        raise MalformedMetadata("field 'audio.channel_map' must list at most 8 short strings")
    file = audio.get("file")
    if file is not None and (not isinstance(file, str) or len(file) > 255):
        raise MalformedMetadata("field 'audio.file' is not a file name")
    raw_segments = data.get("segments")
    if raw_segments is None:
        raw_segments = []
    if not isinstance(raw_segments, list) or len(raw_segments) > MAX_SEGMENTS:
        raise MalformedMetadata(f"field 'segments' is not a list of at most {MAX_SEGMENTS} objects")
    segments = []
    for index, seg in enumerate(raw_segments):
        where = f"segments[{index}]."
        if not isinstance(seg, dict):
            raise MalformedMetadata(f"field 'segments[{index}]' is not an object")
        seg_start = _number(seg, "start_s", 0.0, duration + SEGMENT_SLACK_S, where)
        seg_end = _number(seg, "end_s", seg_start, duration + SEGMENT_SLACK_S, where)
        segments.append(Segment(_text(seg, "employee_id", 64, where), seg_start, seg_end))
    digest = data.get("sha256")
    if digest is not None and (not isinstance(digest, str) or not SHA256_HEX.match(digest)):
        raise MalformedMetadata("field 'sha256' is not 64 hexadecimal digits")
    rec_id = _text(data, "id", 128)
    if not RECORDING_ID.match(rec_id):
        raise MalformedMetadata("field 'id' holds other characters than letters, digits, '-', '_' and '.'")
    return RecordingMeta(
        id=rec_id,
        start=start,
        duration_s=duration,
        direction=direction,
        called_number=_text(data, "called_number", 32),
        employee_id=_text(data, "employee_id", 64),
        audio=AudioInfo(
            file=file or "",
            format=_text(audio, "format", 32, "audio."),
            sample_rate=_integer(audio, "sample_rate", *SAMPLE_RATES, "audio."),
            channels=channels,
            channel_map=tuple(channel_map),
        ),
        segments=tuple(segments),
        caller_number=caller,
        sha256=digest.lower() if digest is not None else None,
    )


def verify_audio_digest(meta: RecordingMeta, data: bytes | bytearray | memoryview) -> None:
    """Where the metadata carries a SHA-256 of the audio, the bytes must have it; raises AudioMismatch."""
    if meta.sha256 is None:
        return
    if hashlib.sha256(data).hexdigest() != meta.sha256:
        raise AudioMismatch(
            f"Het geluid van opname {meta.id} is niet het bestand dat de opnameopslag beschrijft (de "
            "controlewaarde SHA-256 klopt niet); het wordt niet geopend. Laat IT de opnamemap nakijken."
        )


def metadata_to_json(meta: RecordingMeta) -> dict[str, Any]:
    """The schema's JSON form of a recording (the inverse of `parse_metadata`)."""
    data: dict[str, Any] = {
        "id": meta.id,
        "start": meta.start.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "duration_s": round(meta.duration_s, 3),
        "direction": meta.direction,
        "called_number": meta.called_number,
        "caller_number": meta.caller_number,
        "employee_id": meta.employee_id,
        "audio": {
            "file": meta.audio.file,
            "format": meta.audio.format,
            "sample_rate": meta.audio.sample_rate,
            "channels": meta.audio.channels,
            "channel_map": list(meta.audio.channel_map),
        },
    }
    if meta.sha256 is not None:
        data["sha256"] = meta.sha256
    if meta.segments:
        data["segments"] = [
            {"employee_id": s.employee_id, "start_s": s.start_s, "end_s": s.end_s} for s in meta.segments
        ]
    return data
