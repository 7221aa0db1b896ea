"""The folder recording store: the embedded default, and what IT points at for a vendor export folder.

Layout (schema `nunrec-folder-store/1`):

    <root>/recstore.json            {"schema": "nunrec-folder-store/1"}
    <root>/YYYY/MM/DD/<id>.json     metadata sidecar, written last: its presence means "complete"
    <root>/YYYY/MM/DD/<id>.<ext>    audio

Day folders are by the call's UTC start. Broken entries (sidecar without audio, audio without sidecar,
malformed sidecar) are skipped and reported, never fatal. No phone number appears in any file name.

The folder is hostile input (issue 14): every path stays inside the root; symbolic links (files and
folders, also Windows junctions), FIFOs and devices are never opened; a sidecar's `id` must equal its file
name and `audio.file` must be `<id>.<ext>` beside it; an id found in two sidecars is neither listed, opened
nor deleted; sidecars over 64 KiB are refused unread. A deletion re-checks, at the moment of deletion,
that the files are still the ones that were checked.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import secrets
import stat
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from nunrec_desktop.adapters.audio.decode import AudioLimits, Bytes, OpenFile, read_file
from nunrec_desktop.adapters.store.base import (
    RECORDING_ID,
    MalformedMetadata,
    Page,
    RecordingGone,
    RecordingMeta,
    SkippedEntry,
    StoreError,
    metadata_to_json,
    parse_metadata,
    strict_json_loads,
    verify_audio_digest,
)

log = logging.getLogger(__name__)

SCHEMA = "nunrec-folder-store/1"
MARKER = "recstore.json"
MAX_SIDECAR_BYTES = 64 * 1024
_MAX_MARKER_BYTES = 4096
LISTING_SNAPSHOT_SECONDS = 300.0  # a listing's pages come from one scan for at most this long
_SAFE_ID = RECORDING_ID
_WINDOWS_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))]
)
_NO_AUDIO_EXTENSIONS = frozenset(["json", "part"])
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in after the check must not block the open
    | getattr(os, "O_CLOEXEC", 0)
)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_PINNED_UNLINK = os.unlink in os.supports_dir_fd and os.stat in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")
# Opening relative to a folder's descriptor with no link followed (POSIX); elsewhere (Windows) the opened file's
# identity is compared with what was checked instead.
PINNED_OPEN = (
    os.open in os.supports_dir_fd
    and os.stat in os.supports_dir_fd
    and hasattr(os, "O_DIRECTORY")
    and hasattr(os, "O_NOFOLLOW")
)

Identity = tuple[int, int, int, int]


class _Refused(Exception):
    """One entry breaks a rule of the store; `reason` is short English for the log (never caller data)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class _Entry:
    """A checked recording: its metadata and the identity of each file as it was when checked."""

    meta: RecordingMeta
    day: str
    rel: str  # "YYYY/MM/DD" under the root
    day_identity: Identity
    sidecar: str
    sidecar_identity: Identity
    audio_identity: Identity | None  # None: no audio file (only a deletion accepts that)


def _is_link(st: os.stat_result) -> bool:
    return stat.S_ISLNK(st.st_mode) or bool(getattr(st, "st_reparse_tag", 0))  # reparse: Windows junctions


def _identity(st: os.stat_result) -> Identity:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)[:200]


def is_plain_audio_name(meta: RecordingMeta) -> bool:
    """`audio.file` is `<id>.<ext>`: a plain file name beside the sidecar, never a path, a drive, a stream
    (`name:stream`), a Windows device name or another sidecar."""
    stem, dot, ext = meta.audio.file.rpartition(".")
    return (
        bool(dot)
        and stem == meta.id
        and 1 <= len(ext) <= 8
        and ext.isascii()
        and ext.isalnum()
        and ext.lower() not in _NO_AUDIO_EXTENSIONS
        and stem.split(".", 1)[0].upper() not in _WINDOWS_DEVICES
    )


def _read_regular(
    path: str, limit: int | None, too_large: str = "file too large", dir_fd: int | None = None
) -> tuple[bytes, os.stat_result]:
    """Read a regular file that is not a link; with `limit`, refuse it unread when larger and never read more
    than `limit + 1` bytes. With `dir_fd`, `path` is a plain name in that (pinned) folder. FileNotFoundError
    passes through."""
    before = os.stat(path, dir_fd=dir_fd, follow_symlinks=False)
    if _is_link(before):
        raise _Refused("symbolic link refused")
    if not stat.S_ISREG(before.st_mode):
        raise _Refused("not a regular file")
    if limit is not None and before.st_size > limit:
        raise _Refused(too_large)
    try:
        fd = os.open(path, _OPEN_FLAGS, dir_fd=dir_fd)
    except OSError as error:
        try:
            os.stat(path, dir_fd=dir_fd, follow_symlinks=False)
        except FileNotFoundError:
            raise error from None
        except OSError:
            pass
        raise _Refused("the file could not be opened safely") from error
    with os.fdopen(fd, "rb") as handle:
        opened = os.fstat(handle.fileno())
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (before.st_dev, before.st_ino):
            raise _Refused("the file changed while it was opened")
        data = handle.read() if limit is None else handle.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise _Refused(too_large)
    return data, opened


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
    if not is_plain_audio_name(meta):
        raise ValueError(f"audio file of {meta.id} must be named {meta.id}.<ext>, not {meta.audio.file!r}")
    folder = _day_dir(root, meta.start.astimezone(UTC).date())
    folder.mkdir(parents=True, exist_ok=True)
    audio_path = folder / meta.audio.file
    audio_path.write_bytes(audio)
    sidecar = folder / f"{meta.id}.json"
    tmp = sidecar.with_suffix(".json.part")
    tmp.write_text(json.dumps(metadata_to_json(meta), ensure_ascii=False, indent=1, allow_nan=False), encoding="utf-8")
    os.replace(tmp, sidecar)
    return sidecar


@dataclass(frozen=True, slots=True)
class _Listing:
    """One scan of the store for a window: the pages of that listing are cut from it."""

    token: str
    window: tuple[datetime, datetime]
    items: tuple[RecordingMeta, ...]
    skipped: tuple[SkippedEntry, ...]
    made: float  # time.monotonic()


class OpenedAudio:
    """A recording's audio file opened by the store after its checks, and the metadata read beside it: the
    folder store's `AudioSource` (adapters/store/base.py).

    The player decodes from `descriptor` (never from a path again); whoever holds this closes it."""

    def __init__(self, meta: RecordingMeta, descriptor: int, size: int) -> None:
        self.meta = meta
        self.descriptor = descriptor
        self.size = size
        self._closed = False

    def read(self, meta: RecordingMeta, limits: AudioLimits) -> OpenFile | Bytes:
        """What the decoder reads: the opened file itself; where the sidecar carries a SHA-256, its bytes read
        from this descriptor (within `limits`) and checked first."""
        source = OpenFile(self.descriptor, meta.id)
        if meta.sha256 is None:
            return source
        buffer = read_file(source, limits)
        verify_audio_digest(meta, buffer.data)
        return buffer

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            os.close(self.descriptor)

    def __enter__(self) -> OpenedAudio:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class FolderStore:
    """Reads a folder store. Listing is sorted by (start, id); the cursor is the position in that order."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._lock = threading.Lock()
        self._listing: _Listing | None = None  # the snapshot the pages of the latest listing are cut from

    def _check_root(self) -> Path:
        """The store root, resolved once (IT may point at a link or a mapped share); all else stays inside."""
        root = Path(os.path.realpath(self._root))
        try:
            raw, _ = _read_regular(str(root / MARKER), _MAX_MARKER_BYTES, "marker too large")
            schema = strict_json_loads(raw.decode("utf-8")).get("schema")
        except (FileNotFoundError, NotADirectoryError):
            raise StoreError(
                f"De opnamemap {self._root} is niet gevonden of is geen nunrec-opnamemap ({MARKER} ontbreekt)."
            ) from None
        except _Refused as refused:
            raise StoreError(f"De opnamemap {self._root} is niet leesbaar: {MARKER} ({refused.reason}).") from None
        except (OSError, ValueError, AttributeError) as error:
            raise StoreError(f"De opnamemap {self._root} is niet leesbaar: {error}") from error
        if schema != SCHEMA:
            raise StoreError(f"De opnamemap {self._root} heeft een onbekend formaat ({schema!r}).")
        return root

    # -- walking the folders -------------------------------------------------------------------------

    def _folders(
        self, root: str, skipped: list[SkippedEntry], window: tuple[date, date] | None
    ) -> Iterator[tuple[date, str, str, Identity]]:
        """Every day folder YYYY/MM/DD as (date, path, relative path, identity). Each level is checked to be a
        real folder (not a link) under the resolved root, so every path stays inside the root by construction.
        Links and files in their place are reported (in the window only) and never entered."""
        low = (window[0].year, window[0].month, window[0].day) if window else None
        high = (window[1].year, window[1].month, window[1].day) if window else None

        def children(
            folder: str, rel: str, parts: tuple[int, ...], width: int
        ) -> Iterator[tuple[str, str, tuple[int, ...], Identity]]:
            try:
                with os.scandir(folder) as found:
                    names = sorted(entry.name for entry in found)
            except OSError:
                return
            for name in names:
                if len(name) != width or not name.isascii() or not name.isdigit():
                    continue
                key = (*parts, int(name))
                path, where = os.path.join(folder, name), f"{rel}/{name}" if rel else name
                try:
                    st = os.lstat(path)
                except OSError:
                    continue
                if _is_link(st) or not stat.S_ISDIR(st.st_mode):
                    if low is not None and high is not None and low[: len(key)] <= key <= high[: len(key)]:
                        skipped.append(SkippedEntry(where, "folder is a link or not a folder"))
                    continue
                yield path, where, key, _identity(st)

        for year, yrel, ykey, _ in children(root, "", (), 4):
            for month, mrel, mkey, _ in children(year, yrel, ykey, 2):
                for day, drel, dkey, identity in children(month, mrel, mkey, 2):
                    try:
                        when = date(*dkey)
                    except ValueError:
                        continue
                    yield when, day, drel, identity

    def _load(
        self,
        day: str,
        day_identity: Identity,
        name: str,
        copies: int,
        require_audio: bool,
        rel: str = "",
        dir_fd: int | None = None,
    ) -> _Entry:
        """Check one sidecar and its audio file; raises _Refused with the reason. With `dir_fd` both are read
        relative to that pinned day folder, never through `day` as a path."""
        sidecar_path = name if dir_fd is not None else os.path.join(day, name)
        data, sidecar_stat = _read_regular(sidecar_path, MAX_SIDECAR_BYTES, "sidecar is larger than 64 KiB", dir_fd)
        try:
            raw = strict_json_loads(data.decode("utf-8"))
        except UnicodeDecodeError:
            raise _Refused("unreadable JSON (not UTF-8)") from None
        except json.JSONDecodeError:
            raise _Refused("unreadable JSON") from None
        except ValueError as error:  # our own short reasons: NaN, duplicate key, nesting
            raise _Refused(f"unreadable JSON ({error})") from None
        try:
            meta = parse_metadata(raw)
        except MalformedMetadata as error:
            raise _Refused(str(error)) from None
        if meta.id != name.removesuffix(".json"):
            raise _Refused("id does not match the file name")
        if copies > 1:
            raise _Refused("id appears in more than one sidecar")
        if not is_plain_audio_name(meta):
            raise _Refused("audio.file is not the plain name <id>.<ext> beside the sidecar")
        audio_identity: Identity | None = None
        try:
            audio_path = meta.audio.file if dir_fd is not None else os.path.join(day, meta.audio.file)
            audio = os.stat(audio_path, dir_fd=dir_fd, follow_symlinks=False)
        except FileNotFoundError:
            if require_audio:
                raise _Refused("audio file missing") from None
        else:
            if _is_link(audio) or not stat.S_ISREG(audio.st_mode) or audio.st_nlink > 1:
                raise _Refused("audio file is a link or not a regular file")
            audio_identity = _identity(audio)
        return _Entry(meta, day, rel, day_identity, name, _identity(sidecar_stat), audio_identity)

    # -- listing ---------------------------------------------------------------------------------------

    def scan_window(self, start: datetime, end: datetime) -> tuple[list[RecordingMeta], list[SkippedEntry]]:
        """Every valid recording with start in [start, end), sorted, plus what had to be skipped."""
        root = str(self._check_root())
        items: list[RecordingMeta] = []
        skipped: list[SkippedEntry] = []
        first, last = start.astimezone(UTC).date(), end.astimezone(UTC).date()
        listings: list[tuple[str, str, Identity, set[str]]] = []
        copies: Counter[str] = Counter()  # sidecar names over the whole store: an id in two places is refused
        for when, day, rel, identity in self._folders(root, skipped, (first, last)):
            try:
                with os.scandir(day) as found:
                    names = {entry.name for entry in found}
            except OSError:
                skipped.append(SkippedEntry(rel, "folder not readable"))
                continue
            copies.update(name for name in names if name.endswith(".json"))
            if first <= when <= last:
                listings.append((day, rel, identity, names))
        for day, rel, identity, names in listings:
            claimed: set[str] = set()
            for name in sorted(n for n in names if n.endswith(".json")):
                try:
                    meta = self._load(day, identity, name, copies[name], require_audio=True).meta
                except _Refused as refused:
                    skipped.append(SkippedEntry(_printable(f"{rel}/{name}"), refused.reason))
                    continue
                except FileNotFoundError:
                    continue  # removed while listing
                except Exception as error:  # one bad entry never breaks the list
                    skipped.append(SkippedEntry(_printable(f"{rel}/{name}"), f"unreadable ({type(error).__name__})"))
                    continue
                claimed.add(meta.audio.file)
                if start <= meta.start < end:
                    items.append(meta)
            for name in sorted(names):
                if name.endswith((".json", ".part")) or name in claimed:
                    continue
                if f"{name.rsplit('.', 1)[0]}.json" not in names:
                    skipped.append(SkippedEntry(_printable(f"{rel}/{name}"), "no metadata sidecar"))
        items.sort(key=lambda m: (m.start, m.id))
        return items, skipped

    def list_recordings(self, start: datetime, end: datetime, cursor: str | None = None, limit: int = 500) -> Page:
        """One page of a listing. The first page (no cursor) scans the store once and keeps that snapshot; the
        following pages are cut from it, so a listing reads each sidecar once however many pages it has. The
        cursor is `<listing>.<offset>`; a cursor of an older listing, of another window or older than
        `LISTING_SNAPSHOT_SECONDS`, scans afresh (as a plain offset). A deletion drops the snapshot."""
        listing, offset = self._listing_for(start, end, cursor)
        limit = max(1, limit)
        chunk = list(listing.items[offset : offset + limit])
        next_cursor = f"{listing.token}.{offset + limit}" if offset + limit < len(listing.items) else None
        return Page(chunk, next_cursor, list(listing.skipped) if offset == 0 else [])

    def _listing_for(self, start: datetime, end: datetime, cursor: str | None) -> tuple[_Listing, int]:
        token, _, position = (cursor or "").rpartition(".")
        offset = int(position) if position.isascii() and position.isdigit() and len(position) < 10 else 0
        with self._lock:
            kept = self._listing
            if (
                cursor is not None
                and kept is not None
                and kept.token == token
                and kept.window == (start, end)
                and time.monotonic() - kept.made < LISTING_SNAPSHOT_SECONDS
            ):
                return kept, offset
        items, skipped = self.scan_window(start, end)
        listing = _Listing(secrets.token_hex(8), (start, end), tuple(items), tuple(skipped), time.monotonic())
        with self._lock:
            self._listing = listing
        return listing, offset

    # -- one recording -----------------------------------------------------------------------------

    def _locate(self, recording_id: str, *, require_audio: bool = True) -> _Entry:
        if not _SAFE_ID.match(recording_id):
            raise RecordingGone(f"Opname {recording_id} bestaat niet.")
        root = str(self._check_root())
        name = f"{recording_id}.json"
        hits: list[tuple[str, str, Identity]] = []
        for _when, day, rel, identity in self._folders(root, [], None):
            if os.path.lexists(os.path.join(day, name)):
                hits.append((day, rel, identity))
        if not hits:
            raise RecordingGone(f"Opname {recording_id} is niet (meer) beschikbaar.")
        if len(hits) > 1:
            log.warning("store entry refused: %s in %d folders (id appears in more than one sidecar)", name, len(hits))
            raise StoreError(
                f"Opname {recording_id} staat meer dan eens in de opnameopslag en wordt daarom niet geopend of "
                "verwijderd. Laat IT de opnamemap nakijken."
            )
        day, rel, identity = hits[0]
        try:
            return self._load(day, identity, name, 1, require_audio, rel)
        except FileNotFoundError:
            raise RecordingGone(f"Opname {recording_id} is niet (meer) beschikbaar.") from None
        except _Refused as refused:
            if refused.reason == "audio file missing":
                raise RecordingGone(f"Het geluid van opname {recording_id} ontbreekt in de opnameopslag.") from None
            log.warning("store entry refused: %s (%s)", _printable(f"{rel}/{name}"), refused.reason)
            raise StoreError(
                f"Opname {recording_id} is ongeldig in de opnameopslag en wordt niet geopend of verwijderd. "
                "Laat IT de opnamemap nakijken (details in logs/nunrec.log)."
            ) from None
        except OSError as error:
            raise StoreError(f"De gegevens van opname {recording_id} zijn onleesbaar.") from error

    def get(self, recording_id: str) -> RecordingMeta:
        return self._locate(recording_id, require_audio=False).meta

    def open_audio(self, recording_id: str) -> OpenedAudio:
        """Open the checked recording's audio for the player, so that it reads exactly the file that was checked.

        POSIX: every folder from the store root down to the day folder is opened relative to its parent's
        descriptor with O_NOFOLLOW | O_DIRECTORY (no link is followed at any level), each must be the folder
        that was checked (device and inode), the sidecar is read again from the pinned day folder and the
        audio opened relative to it. Elsewhere (Windows, no `dir_fd`) the file is opened by path and its
        `fstat` identity, and the day folder's, must equal what was checked. The metadata returned is the one
        read beside the opened file, so the audit names the employee of the file actually opened. The caller
        owns the descriptor (`OpenedAudio.close`, or use it as a context manager)."""
        entry = self._locate(recording_id)
        try:
            if PINNED_OPEN:
                return self._open_pinned(entry)
            return self._open_compared(entry)
        except FileNotFoundError:
            raise RecordingGone(f"Het geluid van opname {recording_id} ontbreekt in de opnamemap.") from None
        except (_Refused, NotADirectoryError):
            log.warning("store entry changed between check and open: %s", _printable(f"{entry.rel}/{entry.sidecar}"))
            raise StoreError(self._changed(recording_id)) from None
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.EMLINK, errno.ENOTDIR):  # a link swapped in on the way
                log.warning("store entry swapped for a link: %s", _printable(f"{entry.rel}/{entry.sidecar}"))
                raise StoreError(self._changed(recording_id)) from None
            reason = error.strerror or error
            raise StoreError(f"Het geluid van opname {recording_id} is niet leesbaar: {reason}") from error

    def _open_pinned(self, entry: _Entry) -> OpenedAudio:
        root = str(self._check_root())
        folder = os.open(root, _DIR_FLAGS)
        try:
            for part in entry.rel.split("/"):
                inner = os.open(part, _DIR_FLAGS, dir_fd=folder)
                os.close(folder)
                folder = inner
            if (os.fstat(folder).st_dev, os.fstat(folder).st_ino) != entry.day_identity[:2]:
                raise _Refused("the day folder is not the one that was checked")
            again = self._load(entry.day, entry.day_identity, entry.sidecar, 1, True, entry.rel, dir_fd=folder)
            self._same_entry(entry, again)
            audio = os.open(again.meta.audio.file, _OPEN_FLAGS, dir_fd=folder)
        finally:
            os.close(folder)
        return self._checked_descriptor(audio, again)

    def _open_compared(self, entry: _Entry) -> OpenedAudio:
        audio = os.open(os.path.join(entry.day, entry.meta.audio.file), _OPEN_FLAGS)
        try:
            day = os.lstat(entry.day)
            if _is_link(day) or (day.st_dev, day.st_ino) != entry.day_identity[:2]:
                raise _Refused("the day folder is not the one that was checked")
            again = self._load(entry.day, entry.day_identity, entry.sidecar, 1, True, entry.rel)
            self._same_entry(entry, again)
        except BaseException:
            os.close(audio)
            raise
        return self._checked_descriptor(audio, again)

    @staticmethod
    def _same_entry(entry: _Entry, again: _Entry) -> None:
        if again.meta != entry.meta or again.sidecar_identity != entry.sidecar_identity:
            raise _Refused("the sidecar changed since it was checked")
        if again.audio_identity is None or again.audio_identity[:2] != (entry.audio_identity or (0, 0, 0, 0))[:2]:
            raise _Refused("the audio file changed since it was checked")

    @staticmethod
    def _checked_descriptor(audio: int, entry: _Entry) -> OpenedAudio:
        """The opened audio must be the regular, singly linked file that was checked; else it is closed."""
        try:
            opened = os.fstat(audio)
            if (
                not stat.S_ISREG(opened.st_mode)
                or opened.st_nlink > 1
                or (opened.st_dev, opened.st_ino) != (entry.audio_identity or (0, 0, 0, 0))[:2]
            ):
                raise _Refused("the audio file is not the one that was checked")
            if hasattr(os, "set_blocking"):
                os.set_blocking(audio, True)
        except BaseException:
            os.close(audio)
            raise
        return OpenedAudio(entry.meta, audio, int(opened.st_size))

    def audio_source(self, recording_id: str) -> OpenedAudio:
        """The player's way in (`RecordingStore.audio_source`): the file opened and pinned by `open_audio`."""
        return self.open_audio(recording_id)

    def read_audio(self, recording_id: str) -> bytes:
        """The checked audio's bytes, read from the descriptor `open_audio` pinned (the player verifies the
        sidecar's SHA-256, for every store alike)."""
        with self.open_audio(recording_id) as opened:
            try:
                with os.fdopen(opened.descriptor, "rb", closefd=False) as handle:
                    data = handle.read()
            except OSError as error:
                raise StoreError(f"Het geluid van opname {recording_id} is niet leesbaar: {error}") from error
        return data

    def delete(self, recording_id: str, reason: str) -> None:
        """Remove exactly this recording's sidecar (first: it disappears at once), then its audio, after
        checking again, at the moment of deletion, that both are still the files that were checked."""
        entry = self._locate(recording_id, require_audio=False)
        with self._lock:
            self._listing = None  # the next page scans afresh: the deleted recording is never listed again
        try:
            again = self._load(entry.day, entry.day_identity, entry.sidecar, 1, require_audio=False)
        except (_Refused, OSError):
            raise StoreError(self._changed(recording_id)) from None
        if (
            again.meta != entry.meta
            or again.meta.caller_number != entry.meta.caller_number
            or again.sidecar_identity != entry.sidecar_identity
            or again.audio_identity != entry.audio_identity
        ):
            raise StoreError(self._changed(recording_id))
        self._unlink(entry, entry.sidecar, entry.sidecar_identity)
        if entry.audio_identity is not None:
            self._unlink(entry, entry.meta.audio.file, entry.audio_identity)

    def _unlink(self, entry: _Entry, name: str, expected: Identity) -> None:
        """Unlink `name` in the checked day folder if it is still the checked regular file. Where the system
        allows it the folder is pinned by a descriptor, so no link swapped in on the way is followed."""
        recording_id = entry.meta.id
        if _PINNED_UNLINK:
            try:
                folder = os.open(entry.day, _DIR_FLAGS)
            except OSError:
                raise StoreError(self._changed(recording_id)) from None
            try:
                pinned = os.fstat(folder)
                current = os.stat(name, dir_fd=folder, follow_symlinks=False)
                if (pinned.st_dev, pinned.st_ino) != entry.day_identity[:2] or not self._same(current, expected):
                    raise StoreError(self._changed(recording_id))
                os.unlink(name, dir_fd=folder)
            except FileNotFoundError:
                raise StoreError(self._changed(recording_id)) from None
            finally:
                os.close(folder)
            return
        path = os.path.join(entry.day, name)
        try:
            current = os.lstat(path)
        except FileNotFoundError:
            raise StoreError(self._changed(recording_id)) from None
        if not self._same(current, expected):
            raise StoreError(self._changed(recording_id))
        os.unlink(path)

    @staticmethod
    def _same(current: os.stat_result, expected: Identity) -> bool:
        return not _is_link(current) and stat.S_ISREG(current.st_mode) and _identity(current) == expected

    @staticmethod
    def _changed(recording_id: str) -> str:
        return (
            f"Opname {recording_id} is in de opnameopslag veranderd sinds hij werd gecontroleerd; er is niets "
            "verwijderd of geopend. Laat IT de opnamemap nakijken."
        )
