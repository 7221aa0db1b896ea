"""The folder recording store: the embedded default, and what IT points at for a vendor export folder.

Layout (schema `nunrec-folder-store/1`):

    <root>/recstore.json            {"schema": "nunrec-folder-store/1"}
    <root>/YYYY/MM/DD/<id>.json     metadata sidecar, written last: its presence means "complete"
    <root>/YYYY/MM/DD/<id>.<ext>    audio

Day folders are by the call's UTC start. Broken entries (sidecar without audio, audio without sidecar,
malformed sidecar) are skipped and reported, never fatal. No phone number appears in any file name.
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from nunrec_desktop.services.store.base import (
    MalformedMetadata,
    Page,
    RecordingGone,
    RecordingMeta,
    SkippedEntry,
    StoreError,
    metadata_to_json,
    parse_metadata,
)

SCHEMA = "nunrec-folder-store/1"
MARKER = "recstore.json"
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")


def init_folder_store(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    marker = root / MARKER
    if not marker.exists():
        marker.write_text(json.dumps({"schema": SCHEMA}) + "\n", encoding="utf-8")


def _day_dir(root: Path, day: date) -> Path:
    return root / f"{day.year:04d}" / f"{day.month:02d}" / f"{day.day:02d}"


def write_recording(root: Path, meta: RecordingMeta, audio: bytes) -> Path:
    """Add a recording: audio first, then the sidecar atomically, so a reader never sees half of it."""
    if not _SAFE_ID.match(meta.id):
        raise ValueError(f"unsafe recording id {meta.id!r}")
    folder = _day_dir(root, meta.start.astimezone(UTC).date())
    folder.mkdir(parents=True, exist_ok=True)
    audio_path = folder / meta.audio.file
    audio_path.write_bytes(audio)
    sidecar = folder / f"{meta.id}.json"
    tmp = sidecar.with_suffix(".json.part")
    tmp.write_text(json.dumps(metadata_to_json(meta), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, sidecar)
    return sidecar


class FolderStore:
    """Reads a folder store. Listing is sorted by (start, id); the cursor is the position in that order."""

    def __init__(self, root: Path) -> None:
        self._root = root

    def _check_root(self) -> None:
        marker = self._root / MARKER
        try:
            schema = json.loads(marker.read_text(encoding="utf-8")).get("schema")
        except FileNotFoundError:
            raise StoreError(
                f"De opnamemap {self._root} is niet gevonden of is geen nunrec-opnamemap ({MARKER} ontbreekt)."
            ) from None
        except (OSError, ValueError, AttributeError) as error:
            raise StoreError(f"De opnamemap {self._root} is niet leesbaar: {error}") from error
        if schema != SCHEMA:
            raise StoreError(f"De opnamemap {self._root} heeft een onbekend formaat ({schema!r}).")

    def scan_window(self, start: datetime, end: datetime) -> tuple[list[RecordingMeta], list[SkippedEntry]]:
        """Every complete recording with start in [start, end), sorted, plus what had to be skipped."""
        self._check_root()
        items: list[RecordingMeta] = []
        skipped: list[SkippedEntry] = []
        day = start.astimezone(UTC).date()
        last = end.astimezone(UTC).date()
        while day <= last:
            folder = _day_dir(self._root, day)
            day += timedelta(days=1)
            if not folder.is_dir():
                continue
            names = {p.name for p in folder.iterdir() if p.is_file()}
            audio_claimed: set[str] = set()
            for name in sorted(n for n in names if n.endswith(".json")):
                path = folder / name
                try:
                    meta = parse_metadata(json.loads(path.read_text(encoding="utf-8")))
                except (OSError, UnicodeDecodeError, ValueError) as error:
                    reason = str(error) if isinstance(error, MalformedMetadata) else "unreadable JSON"
                    skipped.append(SkippedEntry(str(path.relative_to(self._root)), reason))
                    continue
                if meta.audio.file not in names or "/" in meta.audio.file or "\\" in meta.audio.file:
                    skipped.append(SkippedEntry(str(path.relative_to(self._root)), "audio file missing"))
                    continue
                audio_claimed.add(meta.audio.file)
                if start <= meta.start < end:
                    items.append(meta)
            for name in sorted(names):
                if name.endswith((".json", ".part")) or name in audio_claimed:
                    continue
                stem = name.rsplit(".", 1)[0]
                if f"{stem}.json" not in names:
                    skipped.append(SkippedEntry(str((folder / name).relative_to(self._root)), "no metadata sidecar"))
        items.sort(key=lambda m: (m.start, m.id))
        return items, skipped

    def list_recordings(self, start: datetime, end: datetime, cursor: str | None = None, limit: int = 500) -> Page:
        items, skipped = self.scan_window(start, end)
        offset = int(cursor) if cursor and cursor.isdigit() else 0
        chunk = items[offset : offset + limit]
        next_cursor = str(offset + limit) if offset + limit < len(items) else None
        return Page(chunk, next_cursor, skipped if offset == 0 else [])

    def _locate(self, recording_id: str) -> tuple[Path, RecordingMeta]:
        if not _SAFE_ID.match(recording_id):
            raise RecordingGone(f"Opname {recording_id} bestaat niet.")
        self._check_root()
        for sidecar in self._root.glob(f"[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/{recording_id}.json"):
            try:
                return sidecar, parse_metadata(json.loads(sidecar.read_text(encoding="utf-8")))
            except (OSError, ValueError) as error:
                raise StoreError(f"De gegevens van opname {recording_id} zijn onleesbaar.") from error
        raise RecordingGone(f"Opname {recording_id} is niet (meer) beschikbaar.")

    def get(self, recording_id: str) -> RecordingMeta:
        return self._locate(recording_id)[1]

    def audio_path(self, recording_id: str) -> Path:
        """Where the recording's audio lies: a plain name beside its sidecar (the player reads it itself)."""
        sidecar, meta = self._locate(recording_id)
        name = meta.audio.file
        if name in ("", ".", "..") or Path(name).name != name or "\\" in name:
            raise StoreError(f"De gegevens van opname {recording_id} wijzen naar geluid buiten de opnamemap.")
        return sidecar.parent / meta.audio.file

    def read_audio(self, recording_id: str) -> bytes:
        sidecar, meta = self._locate(recording_id)
        try:
            return (sidecar.parent / meta.audio.file).read_bytes()
        except FileNotFoundError:
            raise RecordingGone(f"Het geluid van opname {recording_id} ontbreekt in de opnamemap.") from None
        except OSError as error:
            raise StoreError(f"Het geluid van opname {recording_id} is niet leesbaar: {error}") from error

    def delete(self, recording_id: str, reason: str) -> None:
        """Remove the sidecar first (the recording disappears at once), then the audio."""
        sidecar, meta = self._locate(recording_id)
        sidecar.unlink()
        (sidecar.parent / meta.audio.file).unlink(missing_ok=True)
