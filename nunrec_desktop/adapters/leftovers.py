"""Crash leftovers (issue 14, finding 11): no half-made demo workspace looks valid, no stale `.part` lingers.

Two mechanisms, both chosen so that nothing but the application's own leftovers can ever be deleted:

* An unfinished demo: `nunrec demo` writes `DEMO_UNFINISHED` into the (empty) folder before anything else
  and removes it last. A workspace with that marker is refused by every command and by the application
  (`refuse_unfinished_demo`); `nunrec demo` rebuilds it.
* Stale export parts: documents are written to a `.nunrec-*.part` file beside the target and renamed over
  it (`adapters/atomic_file.py`). Before rendering, the temporary path is recorded in a marker file in
  `<workspace>/pending-exports/`; the marker goes when the export ends either way. At start, markers whose
  process is gone (or that are older than `STALE_AFTER`) are swept: the recorded path is deleted only when
  its name still has the application's `.nunrec-...part` form and it is a regular file (not a symlink).
  Nothing else in the export folder is looked at, so a user's own files, even other `.part` files, are safe.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import stat
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from nunrec_desktop.adapters.atomic_file import PART_PREFIX, PART_SUFFIX
from nunrec_desktop.domain import WorkspaceError

log = logging.getLogger(__name__)

DEMO_UNFINISHED = "demo-unfinished.marker"
PENDING_FOLDER = "pending-exports"
STALE_AFTER = 10 * 60.0  # seconds: no export takes this long; covers a process id that was reused


def mark_demo_unfinished(root: Path) -> None:
    """Create the folder and the marker (the first thing a demo writes), durably."""
    root.mkdir(parents=True, exist_ok=True)
    marker = root / DEMO_UNFINISHED
    with marker.open("w", encoding="utf-8") as handle:
        handle.write("nunrec demo: aanmaken is begonnen en nog niet klaar.\n")
        handle.flush()
        os.fsync(handle.fileno())


def mark_demo_finished(root: Path) -> None:
    (root / DEMO_UNFINISHED).unlink(missing_ok=True)


def demo_unfinished(root: Path) -> bool:
    return (root / DEMO_UNFINISHED).exists()


def refuse_unfinished_demo(root: Path) -> None:
    if demo_unfinished(root):
        raise WorkspaceError(
            f"De demowerkmap in {root} is niet afgemaakt (het aanmaken is onderbroken). "
            f"Maak hem opnieuw met 'nunrec demo --workspace {root}'."
        )


class PendingParts:
    """Remembers the temporary files of exports in progress, so that a killed export's part is found."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder

    @contextlib.contextmanager
    def tracking(self) -> Iterator[Callable[[Path], Path]]:
        """Yields `register(path) -> path`; every marker made through it is removed when the block ends."""
        markers: list[Path] = []

        def register(path: Path) -> Path:
            self._folder.mkdir(parents=True, exist_ok=True)
            marker = self._folder / f"{uuid.uuid4().hex}.json"
            record = {"path": str(path), "pid": os.getpid(), "host": socket.gethostname()}
            with marker.open("w", encoding="utf-8") as handle:
                json.dump(record, handle)
                handle.flush()
                os.fsync(handle.fileno())
            markers.append(marker)
            return path

        try:
            yield register
        finally:
            for marker in markers:
                with contextlib.suppress(OSError):
                    marker.unlink()

    def sweep(self) -> int:
        """Delete the parts of exports whose process ended without finishing; returns how many were removed."""
        if not self._folder.is_dir():
            return 0
        removed = 0
        for marker in sorted(self._folder.glob("*.json")):
            try:
                record = json.loads(marker.read_text(encoding="utf-8"))
                age = time.time() - marker.stat().st_mtime
            except (OSError, ValueError):
                log.warning("pending export marker %s is unreadable; left alone", marker.name)
                continue
            if not isinstance(record, dict) or not isinstance(record.get("path"), str):
                log.warning("pending export marker %s is not a marker; left alone", marker.name)
                continue
            if not _stale(record, age):
                continue
            if _remove_part(Path(record["path"])):
                removed += 1
            with contextlib.suppress(OSError):
                marker.unlink()
        if removed:
            log.info("removed %d stale export part file(s) left by an interrupted export", removed)
        return removed


def _stale(record: dict[str, object], age: float) -> bool:
    if age > STALE_AFTER:
        return True
    pid = record.get("pid")
    if record.get("host") != socket.gethostname() or not isinstance(pid, int) or sys.platform == "win32":
        return False  # another machine's (or, on Windows, a maybe-live) export: wait for the age rule
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # exists, belongs to someone else
    return False


def _remove_part(path: Path) -> bool:
    if not (path.name.startswith(PART_PREFIX) and path.name.endswith(PART_SUFFIX)):
        log.warning("pending export marker names a file that is not an export part; left alone")
        return False
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    try:
        path.unlink()
    except OSError:
        log.warning("stale export part could not be removed", exc_info=True)
        return False
    return True
