"""A real HTTP server on 127.0.0.1 that serves a folder store through the portal contract
(docs/recording-store-api.md), with switches to make it misbehave the way a real portal can."""

from __future__ import annotations

import json
import threading
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
    # Answer the next N requests (any path) with this status first, e.g. [(429, "2"), (503, None)].
    fail_next: list[tuple[int, str | None]] = field(default_factory=list)
    # Close the connection after this many audio bytes, this many times.
    drop_audio_after: int | None = None
    drops_left: int = 0
    honour_range: bool = True
    expire_after_days: int | None = None  # like the vendor: 410 for older recordings
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    deleted: list[tuple[str, Any]] = field(default_factory=list)


def _parts(path: str) -> list[str]:
    parts = [unquote(p) for p in urlsplit(path).path.split("/") if p]
    return parts[2:] if parts[:2] == ["api", "v1"] else ["not-found"]


def _handler(store: FolderStore, behaviour: Behaviour, lock: threading.Lock) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:  # keep test output clean
            return

        def _problem(self, status: int, title: str, extra: dict[str, str] | None = None) -> None:
            body = json.dumps({"type": "about:blank", "title": title, "status": status}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/problem+json")
            self.send_header("Content-Length", str(len(body)))
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def _json(self, data: Any) -> None:
            body = json.dumps(data).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _gate(self) -> bool:
            with lock:
                behaviour.requests.append((self.command, self.path, dict(self.headers)))
                failure = behaviour.fail_next.pop(0) if behaviour.fail_next else None
            if failure or self.headers.get("Authorization") != f"Bearer {behaviour.token}":
                self.rfile.read(int(self.headers.get("Content-Length") or 0))  # keep the connection in step
            if failure:
                status, retry_after = failure
                self._problem(status, "injected failure", {"Retry-After": retry_after} if retry_after else None)
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
                page = store.list_recordings(start, end, query.get("cursor"), limit)
                self._json({"items": [metadata_to_json(m) for m in page.items], "next_cursor": page.next_cursor})
            elif len(parts) == 2 and parts[0] == "recordings":
                if not self._gone(parts[1]):
                    self._json(metadata_to_json(store.get(parts[1])))
            elif len(parts) == 3 and parts[0] == "recordings" and parts[2] == "audio":
                if not self._gone(parts[1]):
                    self._audio(parts[1])
            else:
                self._problem(404, "Not found")

        def _audio(self, recording_id: str) -> None:
            data = store.read_audio(recording_id)
            meta = store.get(recording_id)
            first = 0
            ranged = self.headers.get("Range", "")
            if ranged.startswith("bytes=") and behaviour.honour_range:
                first = int(ranged[6:].split("-")[0])
            body = data[first:]
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
            self.wfile.write(body)

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
