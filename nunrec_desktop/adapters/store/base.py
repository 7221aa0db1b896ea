"""The recording store interface and the metadata it returns (protocol P1, P10, P11).

A store lists recordings in a time window page by page, returns one recording's metadata, reads its
audio into memory (never onto the workstation's disk) and deletes a recording for an erasure request.
The caller's number is part of the metadata only so an erasure request can be matched; it is kept out of
`repr` and must never be shown, logged or exported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from nunrec_desktop.domain import NunrecError

DIRECTIONS = ("inbound", "outbound", "internal")


class StoreError(NunrecError):
    """The store cannot be used right now (unreachable, refused, misconfigured)."""


class RecordingGone(StoreError):
    """The recording is no longer available (expired after 30 days, or erased)."""


class MalformedMetadata(ValueError):
    """A metadata record does not follow the schema; the message names the field."""


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


class RecordingStore(Protocol):
    def list_recordings(self, start: datetime, end: datetime, cursor: str | None = None, limit: int = 500) -> Page: ...

    def get(self, recording_id: str) -> RecordingMeta: ...

    def read_audio(self, recording_id: str) -> bytes: ...

    def delete(self, recording_id: str, reason: str) -> None: ...


def parse_metadata(data: Any) -> RecordingMeta:
    """Validate one metadata object (sidecar or portal JSON); unknown extra fields are ignored."""
    if not isinstance(data, dict):
        raise MalformedMetadata("metadata is not a JSON object")

    def need(obj: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str = "") -> Any:
        if key not in obj:
            raise MalformedMetadata(f"field '{where}{key}' is missing")
        value = obj[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            raise MalformedMetadata(f"field '{where}{key}' has the wrong type")
        return value

    start_text = need(data, "start", str)
    try:
        start = datetime.fromisoformat(start_text.replace("Z", "+00:00"))
    except ValueError:
        raise MalformedMetadata("field 'start' is not an ISO-8601 time") from None
    if start.tzinfo is None:
        raise MalformedMetadata("field 'start' has no UTC offset")
    direction = need(data, "direction", str)
    if direction not in DIRECTIONS:
        raise MalformedMetadata("field 'direction' is not inbound, outbound or internal")
    duration = float(need(data, "duration_s", (int, float)))
    if duration < 0:
        raise MalformedMetadata("field 'duration_s' is negative")
    caller = data.get("caller_number")
    if caller is not None and not isinstance(caller, str):
        raise MalformedMetadata("field 'caller_number' has the wrong type")
    audio = need(data, "audio", dict)
    channel_map = need(audio, "channel_map", list, "audio.")
    if not all(isinstance(c, str) for c in channel_map):
        raise MalformedMetadata("field 'audio.channel_map' must list strings")
    segments = []
    for index, seg in enumerate(data.get("segments") or []):
        if not isinstance(seg, dict):
            raise MalformedMetadata(f"field 'segments[{index}]' is not an object")
        segments.append(
            Segment(
                need(seg, "employee_id", str, f"segments[{index}]."),
                float(need(seg, "start_s", (int, float), f"segments[{index}].")),
                float(need(seg, "end_s", (int, float), f"segments[{index}].")),
            )
        )
    return RecordingMeta(
        id=need(data, "id", str),
        start=start.astimezone(UTC),
        duration_s=duration,
        direction=direction,
        called_number=need(data, "called_number", str),
        employee_id=need(data, "employee_id", str),
        audio=AudioInfo(
            file=str(audio.get("file") or ""),
            format=need(audio, "format", str, "audio."),
            sample_rate=int(need(audio, "sample_rate", int, "audio.")),
            channels=int(need(audio, "channels", int, "audio.")),
            channel_map=tuple(channel_map),
        ),
        segments=tuple(segments),
        caller_number=caller,
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
    if meta.segments:
        data["segments"] = [
            {"employee_id": s.employee_id, "start_s": s.start_s, "end_s": s.end_s} for s in meta.segments
        ]
    return data
