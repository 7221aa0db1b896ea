"""A real HTTP server on 127.0.0.1 that serves a folder store through the portal contract
(docs/recording-store-api.md), with switches to make it misbehave the way a real portal can.

Every misbehaviour is finite (an endless cursor stops after `endless_pages`, a drip after its body), so a
client without bounds makes a test fail instead of hanging it.
"""

from __future__ import annotations

import email.utils
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from nunrec_desktop.adapters.store.base import RecordingGone, metadata_to_json
from nunrec_desktop.adapters.store.folder import FolderStore

CONTENT_TYPES = {"wav": "audio/wav", "mp3": "audio/mpeg", "flac": "audio/flac", "ogg": "audio/ogg"}


@dataclass
class Behaviour:
    token: str = "test-token"
    page_size_cap: int = 1000
    # Answer the next N requests (any path) with this status first, e.g. [(429, "2"), (503, None)]; a
    # timedelta as Retry-After is sent as an HTTP date that far from now.
    fail_next: list[tuple[int, str | timedelta | None]] = field(default_factory=list)
    failure_title: str = "injected failure"
    # Listing: after the real pages, keep answering empty pages with a new cursor (this many at most) ...
    endless_pages: int = 0
    # ... or always hand out this same cursor.
    repeat_cursor: str | None = None
    # Send every body in pieces of `drip_bytes` with `drip_interval_s` between them.
    drip_interval_s: float | None = None
    drip_bytes: int = 1
    # Audio: pad the real file with zeros to this many bytes; without Content-Length (chunked) if asked.
    audio_body_bytes: int | None = None
    audio_content_length: bool = True
    # Answer every request with this status, echoing the Authorization header in the reason phrase, the
    # problem's title and detail and a response header (a portal that reflects what it is sent).
    reflect_authorization: int | None = None
    # Close the connection after this many audio bytes, this many times.
    drop_audio_after: int | None = None
    drops_left: int = 0
    honour_range: bool = True
    expire_after_days: int | None = None  # like the vendor: 410 for older recordings
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    # Every dripped body as (bytes written before the client hung up or the body ended, the body's size).
    drips: list[tuple[int, int]] = field(default_factory=list)
    deleted: list[tuple[str, Any]] = field(default_factory=list)


def _parts(path: str) -> list[str]:
    parts = [unquote(p) for p in urlsplit(path).path.split("/") if p]
    return parts[2:] if parts[:2] == ["api", "v1"] else ["not-found"]


def _handler(store: FolderStore, behaviour: Behaviour, lock: threading.Lock) -> type[BaseHTTPRequestHandler]:
    audio_cache: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out at once: no 40 ms delayed-ACK stall a request

        def log_message(self, *args: Any) -> None:  # keep test output clean
            return

        def _send_body(self, body: bytes | memoryview) -> None:
            if behaviour.drip_interval_s is None:
                self.wfile.write(body)
                return
            sent = 0
            try:
                for first in range(0, len(body), behaviour.drip_bytes):
                    self.wfile.write(body[first : first + behaviour.drip_bytes])
                    self.wfile.flush()
                    sent = min(len(body), first + behaviour.drip_bytes)
                    time.sleep(behaviour.drip_interval_s)
            except OSError:  # the client gave up
                self.close_connection = True
            finally:
                behaviour.drips.append((sent, len(body)))

        def _problem(
            self,
            status: int,
            title: str,
            extra: dict[str, str] | None = None,
            detail: str | None = None,
            reason: str | None = None,
        ) -> None:
            problem: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
            if detail is not None:
                problem["detail"] = detail
            body = json.dumps(problem).encode()
            self.send_response(status, reason)
            self.send_header("Content-Type", "application/problem+json")
            self.send_header("Content-Length", str(len(body)))
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self._send_body(body)

        def _json(self, data: Any) -> None:
            body = json.dumps(data).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self._send_body(body)

        def _gate(self) -> bool:
            with lock:
                behaviour.requests.append((self.command, self.path, dict(self.headers)))
                failure = behaviour.fail_next.pop(0) if behaviour.fail_next else None
            if failure or self.headers.get("Authorization") != f"Bearer {behaviour.token}":
                self.rfile.read(int(self.headers.get("Content-Length") or 0))  # keep the connection in step
            if failure:
                status, retry_after = failure
                if isinstance(retry_after, timedelta):
                    retry_after = email.utils.format_datetime(datetime.now(UTC) + retry_after, usegmt=True)
                extra = {"Retry-After": retry_after} if retry_after else None
                self._problem(status, behaviour.failure_title, extra)
                return False
            if behaviour.reflect_authorization is not None:
                echo = self.headers.get("Authorization", "")
                self._problem(
                    behaviour.reflect_authorization,
                    f"Denied for {echo}",
                    {"X-Echo": echo, "WWW-Authenticate": f'Bearer error="invalid_token", token="{echo}"'},
                    detail=f"you sent Authorization: {echo}",
                    reason=f"Bad {echo}",
                )
                return False
            if self.headers.get("Authorization") != f"Bearer {behaviour.token}":
                self._problem(401, "Unauthorized")
                return False
            return True

        def _gone(self, recording_id: str) -> bool:
            try:
                meta = store.get(recording_id)
            except RecordingGone:
                self._problem(410, "Recording expired or erased")
                return True
            if behaviour.expire_after_days is not None and meta.start < behaviour.now - timedelta(
                days=behaviour.expire_after_days
            ):
                self._problem(410, "Recording expired")
                return True
            return False

        def do_GET(self) -> None:
            if not self._gate():
                return
            url = urlsplit(self.path)
            parts = _parts(self.path)
            if parts == ["recordings"]:
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                start = datetime.fromisoformat(query["from"].replace("Z", "+00:00"))
                end = datetime.fromisoformat(query["to"].replace("Z", "+00:00"))
                limit = min(int(query.get("limit", "500")), behaviour.page_size_cap)
                self._listing(store, start, end, query.get("cursor"), limit)
            elif len(parts) == 2 and parts[0] == "recordings":
                if not self._gone(parts[1]):
                    self._json(metadata_to_json(store.get(parts[1])))
            elif len(parts) == 3 and parts[0] == "recordings" and parts[2] == "audio":
                if not self._gone(parts[1]):
                    self._audio(parts[1])
            else:
                self._problem(404, "Not found")

        def _listing(self, store: FolderStore, start: datetime, end: datetime, cursor: str | None, limit: int) -> None:
            if cursor is not None and cursor.startswith("endless-"):
                number = int(cursor.removeprefix("endless-"))
                following = f"endless-{number + 1}" if number + 1 < behaviour.endless_pages else None
                self._json({"items": [], "next_cursor": following})
                return
            if cursor == behaviour.repeat_cursor:
                cursor = None
            page = store.list_recordings(start, end, cursor, limit)
            next_cursor = page.next_cursor
            if next_cursor is None and behaviour.endless_pages:
                next_cursor = "endless-0"
            if behaviour.repeat_cursor is not None:
                next_cursor = behaviour.repeat_cursor
            self._json({"items": [metadata_to_json(m) for m in page.items], "next_cursor": next_cursor})

        def _audio(self, recording_id: str) -> None:
            with lock:  # read each file once: a test measuring the client's memory must not count this side
                data = audio_cache.get(recording_id)
            if data is None:
                data = store.read_audio(recording_id)
                with lock:
                    audio_cache[recording_id] = data
            if behaviour.audio_body_bytes is not None or not behaviour.audio_content_length:
                self._padded(data, max(len(data), behaviour.audio_body_bytes or 0))
                return
            meta = store.get(recording_id)
            first = 0
            ranged = self.headers.get("Range", "")
            if ranged.startswith("bytes=") and behaviour.honour_range:
                first = int(ranged[6:].split("-")[0])
            body = memoryview(data)[first:]
            self.send_response(206 if first else 200)
            self.send_header(
                "Content-Type", CONTENT_TYPES.get(meta.audio.file.rsplit(".", 1)[-1], "application/octet-stream")
            )
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("Content-Length", str(len(body)))
            if first:
                self.send_header("Content-Range", f"bytes {first}-{len(data) - 1}/{len(data)}")
            self.end_headers()
            with lock:
                drop = behaviour.drop_audio_after if behaviour.drops_left > 0 else None
                if drop is not None:
                    behaviour.drops_left -= 1
            if drop is not None and drop < len(body):
                self.wfile.write(body[:drop])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)
                return
            self._send_body(body)

        def _padded(self, data: bytes, total: int) -> None:
            """The file followed by zeros up to `total` bytes, made piece by piece (so that a test measuring
            the client's memory does not count a big body here), chunked when there is no Content-Length."""
            chunked = not behaviour.audio_content_length
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            if chunked:
                self.send_header("Transfer-Encoding", "chunked")
            else:
                self.send_header("Content-Length", str(total))
            self.end_headers()
            zeros = bytes(65_536)
            try:
                for first in range(0, total, 65_536):
                    piece = data[first : first + 65_536] if first < len(data) else b""
                    piece += zeros[: min(65_536, total - first) - len(piece)]
                    self.wfile.write(b"%x\r\n%b\r\n" % (len(piece), piece) if chunked else piece)
                if chunked:
                    self.wfile.write(b"0\r\n\r\n")
            except OSError:  # the client gave up: that is what the test wants to see
                self.close_connection = True

        def do_DELETE(self) -> None:
            if not self._gate():
                return
            parts = _parts(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"null")
            if len(parts) != 2 or parts[0] != "recordings":
                self._problem(404, "Not found")
                return
            if self._gone(parts[1]):
                return
            store.delete(parts[1], "erasure")
            with lock:
                behaviour.deleted.append((parts[1], body))
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handler


@contextmanager
def serve_store(root: Path, behaviour: Behaviour | None = None) -> Iterator[tuple[str, Behaviour]]:
    """Serve the folder store at `root`; yields the base URL and the behaviour switches."""
    behaviour = behaviour or Behaviour()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(FolderStore(root), behaviour, threading.Lock()))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v1", behaviour
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
