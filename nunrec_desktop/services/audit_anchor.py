"""Anchors: the audit chain's head, written down outside the database so that a rewrite can be detected.

The hash chain alone proves internal consistency only: whoever can write to the database can delete or edit
entries and compute fresh hashes for everything after them. An anchor is one line with the head's sequence
number and hash, the UTC time and the workspace, kept where that person cannot rewrite it: a file on a share
or a WORM folder (`nunrec audit anchor`), and the system log (syslog, or the Windows event log), written at
every start and sign-out of the application. `verify_with_anchors` then refuses a chain in which an anchored
entry has a different hash (rewritten) or no longer exists (truncated or wiped). An anchor of sequence 0
(the empty chain) proves nothing: a file with only such anchors is not accepted as proof. A line that a
crash cut short mid-write is reported and skipped, not a permanent refusal. The anchor file belongs on
append-only storage (a WORM share, a file with the append-only attribute): whoever can rewrite it can
rewrite the proof as well.

The line format is stable; one JSON object per line, keys in this order, no spaces:

    {"seq":123,"hash":"<64 hex>","utc":"2026-11-20T09:30:00Z","workspace":"/path/to/workspace"}

`workspace` is the workspace folder's resolved path (forward slashes), so several workspaces may share one
anchor file; verification reads only its own lines. Anchor files are only ever appended to (O_APPEND, then
fsync), never rewritten.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import logging
import logging.handlers
import os
import re
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import InvalidInput
from nunrec_desktop.services.audit import GENESIS_HASH, AuditLog, ChainReport

log = logging.getLogger(__name__)

MAX_ANCHOR_FILE_BYTES = 64 * 1024 * 1024  # ~400,000 lines: decades of daily anchors
SYSLOG_SOCKET = "/dev/log"
SYSLOG_IDENT = "nunrec-anchor: "
_HASH = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True, slots=True)
class Anchor:
    seq: int
    hash: str
    utc: str
    workspace: str

    def line(self) -> str:
        """The anchor as one line of text (without the newline)."""
        record = {"seq": self.seq, "hash": self.hash, "utc": self.utc, "workspace": self.workspace}
        return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def workspace_label(root: Path) -> str:
    """How anchors name a workspace: its resolved folder, with forward slashes on every platform."""
    return root.resolve().as_posix()


def current_anchor(audit: AuditLog, workspace: str, clock: Clock) -> Anchor:
    seq, head_hash = audit.head()
    utc = clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Anchor(seq, head_hash, utc, workspace)


def append_anchor(out: Path, anchor: Anchor) -> None:
    """Append the anchor's line to `out` (created if missing) and fsync; the file is never rewritten."""
    try:
        existing = os.lstat(out)
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise InvalidInput(f"Het ankerbestand {out} is niet bereikbaar: {error.strerror or error}.") from error
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise InvalidInput(f"{out} is geen gewoon bestand; kies een bestand op een share of WORM-map.")
    if existing is None and not out.parent.is_dir():
        raise InvalidInput(f"De map {out.parent} bestaat niet.")
    data = anchor.line().encode("utf-8") + b"\n"
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        if existing is not None and existing.st_size > 0 and not _ends_with_newline(out):
            data = b"\n" + data  # an earlier write was cut short: never glue a new anchor onto a torn line
        handle = os.open(out, flags, 0o644)
        try:
            written = 0
            while written < len(data):
                written += os.write(handle, data[written:])
            os.fsync(handle)
        finally:
            os.close(handle)
    except OSError as error:
        raise InvalidInput(f"Het anker kon niet aan {out} worden toegevoegd: {error.strerror or error}.") from error


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


@dataclass(frozen=True, slots=True)
class AnchorFile:
    """What an anchor file holds for one workspace: its anchors, oldest first, and the numbers of the lines
    that a crash cut short mid-write (torn: the start of an anchor line without its end), which are skipped."""

    anchors: list[Anchor]
    torn_lines: tuple[int, ...] = ()


def read_anchors(path: Path, workspace: str) -> list[Anchor]:
    """This workspace's anchors in `path`, oldest first. A line that is not an anchor is a Dutch error; a
    torn line (a crash mid-write) is skipped (`read_anchor_file` also says which)."""
    return read_anchor_file(path, workspace).anchors


def read_anchor_file(path: Path, workspace: str) -> AnchorFile:
    """`read_anchors`, with the torn lines reported. A torn line is the beginning of an anchor line and no
    more (a crash or a full disk while writing it): `append_anchor` starts the next anchor on a new line, so
    it may be the last line or sit between two anchors. Anything else that is not an anchor refuses the file:
    that is damage or tampering, not a crash."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInput(f"{path} is geen gewoon bestand.")
        if info.st_size > MAX_ANCHOR_FILE_BYTES:
            raise InvalidInput(f"Het ankerbestand {path} is groter dan 64 MB; dat is geen ankerbestand.")
        data = path.read_bytes()
    except OSError as error:
        raise InvalidInput(f"Het ankerbestand {path} is niet leesbaar: {error.strerror or error}.") from error
    anchors: list[Anchor] = []
    torn: list[int] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        raw = raw.removesuffix(b"\r")
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            if _torn(raw):  # cut in the middle of a character of the workspace's path
                torn.append(number)
                continue
            raise InvalidInput(f"Het ankerbestand {path} is geen tekst (UTF-8).") from None
        anchor = _parse(line)
        if anchor is None:
            if _torn(raw):
                torn.append(number)
                continue
            raise InvalidInput(f"Regel {number} van het ankerbestand {path} is geen anker; het bestand is beschadigd.")
        if anchor.workspace == workspace:
            anchors.append(anchor)
    return AnchorFile(anchors, tuple(torn))


def _torn(raw: bytes) -> bool:
    """Whether a line is an anchor line cut short: it starts as the stable format starts and has no end."""
    return raw.startswith(b'{"seq":') and not raw.rstrip().endswith(b"}")


def _parse(line: str) -> Anchor | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    seq, head_hash, utc, workspace = (record.get(k) for k in ("seq", "hash", "utc", "workspace"))
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        return None
    if not isinstance(head_hash, str) or not _HASH.match(head_hash):
        return None
    if not isinstance(utc, str) or not isinstance(workspace, str):
        return None
    try:
        datetime.strptime(utc, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return None
    return Anchor(seq, head_hash, utc, workspace)


def verify_with_anchors(audit: AuditLog, anchors: list[Anchor] | None, anchor_file: str = "") -> ChainReport:
    """The chain's own verification, then every anchor: it must name an entry that still has that hash."""
    report = audit.verify()
    if not report.intact or anchors is None:
        return report
    if not anchors:
        return ChainReport(
            False,
            report.checked,
            None,
            f"het ankerbestand {anchor_file} bevat geen anker van deze werkmap; zo is niets te bewijzen",
            report.head_hash,
            by_anchor=True,
        )
    if all(anchor.seq == 0 for anchor in anchors):
        return ChainReport(
            False,
            report.checked,
            None,
            f"het ankerbestand {anchor_file} bevat alleen ankers van een lege keten (regel 0); zo is niets te "
            "bewijzen. Schrijf een anker met 'nunrec audit anchor' nu de keten regels heeft",
            report.head_hash,
            by_anchor=True,
        )
    head_seq = report.checked
    stored = audit.hashes({a.seq for a in anchors if 0 < a.seq <= head_seq})
    for anchor in anchors:
        if anchor.seq > head_seq:
            return ChainReport(
                False,
                report.checked,
                head_seq + 1,
                f"het anker van {anchor.utc} noemt regel {anchor.seq}, maar de keten eindigt bij regel {head_seq} "
                "(regels zijn verwijderd of het log is gewist)",
                report.head_hash,
                by_anchor=True,
            )
        expected = GENESIS_HASH if anchor.seq == 0 else stored.get(anchor.seq)
        if expected != anchor.hash:
            return ChainReport(
                False,
                report.checked,
                anchor.seq,
                f"regel {anchor.seq} komt niet overeen met het anker van {anchor.utc} (het log is herschreven)",
                report.head_hash,
                by_anchor=True,
            )
    return report


# --- the system log -----------------------------------------------------------------------------------------

HandlerFactory = Callable[[], logging.Handler | None]


class _StrictSysLogHandler(logging.handlers.SysLogHandler):
    """A SysLogHandler that lets a failed send be seen by the caller instead of printing to stderr."""

    def handleError(self, record: logging.LogRecord) -> None:
        raise


def syslog_handler(address: str = SYSLOG_SOCKET) -> logging.Handler | None:
    """A handler on the local syslog socket, or None where there is none."""
    if not os.path.exists(address):
        return None
    try:
        handler = _StrictSysLogHandler(address=address, facility=logging.handlers.SysLogHandler.LOG_AUTH)
    except OSError:
        return None
    handler.ident = SYSLOG_IDENT
    return handler


def event_log_handler() -> logging.Handler | None:
    """The Windows event log, when pywin32 is installed; None elsewhere."""
    if sys.platform != "win32":
        return None
    if importlib.util.find_spec("win32evtlogutil") is None:
        return None
    return logging.handlers.NTEventLogHandler("nunrec")


def default_system_log() -> logging.Handler | None:
    return event_log_handler() if sys.platform == "win32" else syslog_handler()


def anchor_to_system_log(
    audit: AuditLog, workspace: str, clock: Clock, event: str, system_log: HandlerFactory = default_system_log
) -> Anchor | None:
    """Write the current head's anchor line to the system log; returns it, or None when it was not written.

    Called at every start and sign-out. Never raises: an application that cannot reach a system log still
    works, and says so in the workspace log.
    """
    try:
        anchor = current_anchor(audit, workspace, clock)
    except Exception:
        log.warning("audit anchor at %s: the chain's head could not be read", event, exc_info=True)
        return None
    handler = None
    try:
        handler = system_log()
        if handler is None:
            log.info("audit anchor at %s: no system log on this machine; anchor %s not sent", event, anchor.line())
            return None
        record = logging.LogRecord(__name__, logging.INFO, __file__, 0, anchor.line(), None, None)
        handler.emit(record)
    except Exception:
        log.warning("audit anchor at %s: the system log refused it", event, exc_info=True)
        return None
    finally:
        if handler is not None:
            with contextlib.suppress(Exception):
                handler.close()
    log.info("audit anchor at %s written to the system log: %s", event, anchor.line())
    return anchor
