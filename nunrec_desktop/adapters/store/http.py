"""The TSV portal adapter: the REST contract of docs/recording-store-api.md over HTTPS.

Bearer token from the keyring, TLS verification on, timeouts, retries with backoff for idempotent calls
only, resumable audio downloads (HTTP Range) kept in memory, and a clear Dutch message for every way the
portal can fail. The portal is hostile input: every operation has one deadline (retries, backoff,
Retry-After and slow bodies included), a listing has a page limit and refuses a repeated cursor, a download
is capped by what the metadata implies and by a hard cap, and the portal's own text is shown only as its
status plus a sanitised title (`sanitise_portal_text`), never with the token. Before that, the title passes
the caller-data guard that the composition root hands in (`scrub`: services/privacy.py masks phone numbers,
e-mail addresses, postcodes, IBANs, BSNs, dates of birth and names); without one, a cruder built-in mask
for e-mail addresses and postcodes stands in (this layer may not import the services).
"""

from __future__ import annotations

import contextlib
import email.utils
import json as jsonlib
import logging
import math
import re
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

import httpx

from nunrec_desktop.adapters.audio.decode import AudioLimits
from nunrec_desktop.adapters.store.base import (
    MalformedMetadata,
    Page,
    RecordingGone,
    RecordingMeta,
    SkippedEntry,
    StoreError,
    parse_metadata,
    verify_audio_digest,
)

log = logging.getLogger(__name__)

TokenSource = Callable[[], str | None]
Sleep = Callable[[float], None]
Clock = Callable[[], float]
T = TypeVar("T")

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
BACKOFF_S = (0.5, 1.0, 2.0)
MAX_RETRY_AFTER_S = 30.0  # a portal asking for a longer pause is not waited for
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})

DEFAULT_DEADLINE_S = 60.0
DEFAULT_MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024
MAX_PAGES = 1000  # at 500 recordings a page: half a million recordings in one listing
MAX_CURSOR_CHARS = 4096
MAX_JSON_BYTES = 16 * 1024 * 1024  # a page of 1,000 recordings is well under 1 MB
MAX_PROBLEM_BYTES = 64 * 1024
MAX_TITLE_CHARS = 80
# What the metadata implies for a download: duration x rate x channels x bytes per sample, 25 % more, plus
# 1 MiB for headers and tags. Compressed or unknown codecs: at most 4 bytes a sample, at least 64 kB/s.
DOWNLOAD_MARGIN = 1.25
DOWNLOAD_SLACK_BYTES = 1024 * 1024
COMPRESSED_MIN_BYTES_PER_S = 64_000
BYTES_PER_SAMPLE = {
    **dict.fromkeys(("alaw", "ulaw", "mulaw", "g711", "g711a", "g711u", "pcma", "pcmu", "pcm8", "u8", "s8"), 1),
    **dict.fromkeys(("pcm16", "s16", "s16le", "l16", "int16", "pcms16"), 2),
    **dict.fromkeys(("pcm24", "s24", "s24le", "int24"), 3),
    **dict.fromkeys(("pcm32", "s32", "s32le", "int32", "float", "float32", "f32"), 4),
    **dict.fromkeys(("float64", "f64", "double"), 8),
}


class StoreAuthError(StoreError):
    """The portal refused the credentials (401) or the access (403)."""


class PortalLimit(StoreError):
    """A bound of the adapter ended the operation: deadline, page limit, repeated cursor, size cap."""


def _check_base_url(base_url: str) -> str:
    parts = urlsplit(base_url)
    if parts.scheme == "https" and parts.hostname:
        return base_url.rstrip("/")
    if parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS:
        return base_url.rstrip("/")
    raise StoreError(
        f"Het adres van het TSV-portaal moet met https:// beginnen (ingesteld: '{base_url}'). "
        "Opnames gaan nooit onversleuteld over het netwerk."
    )


def _retry_after(response: httpx.Response) -> float | None:
    """Retry-After in seconds: the delta-seconds form or an HTTP date (a past date is 0); None if unusable."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():
        return float(value[:12])  # 12 digits are 30,000 years: enough to say "too long"
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())


# -- the portal's own text ---------------------------------------------------------------------------------

REDACTED = "[weggelaten]"
_CREDENTIALS = (
    re.compile(r"(?i)\b(bearer|basic)(\s+)(?!\[weggelaten\])\S+"),
    re.compile(r"(?i)\b(token|access_token|api[_-]?key|password|secret)(\s*[:=]\s*)(?!\[weggelaten\])\S+"),
)
_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")  # terminal escape sequences
_RUN = re.compile(r"[A-Za-z0-9+/=_~.-]{16,}")
_DIGITS = re.compile(r"\+?\d(?:[\s().\-/]{0,2}\d){4,}")


def _is_token_like(run: str) -> bool:
    """Long runs of base64/hex-like characters: with digits and letters from 16 characters, any from 32."""
    if len(run) >= 32:
        return True
    return any(c.isdigit() for c in run) and any(c.isalpha() for c in run)


def sanitise_portal_text(text: str, secrets: Iterable[str] = (), limit: int = MAX_TITLE_CHARS) -> str:
    """The portal's text made fit to show: no control or invisible characters, no secret (the bearer token
    if echoed), nothing token-like (long base64/hex runs), no long digit runs (phone numbers, BSN), cut to
    `limit` characters."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    text = _ESCAPE.sub(" ", text)
    text = "".join(" " if unicodedata.category(c).startswith(("C", "Z")) else c for c in text)
    for credential in _CREDENTIALS:
        text = credential.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    text = _RUN.sub(lambda m: REDACTED if _is_token_like(m.group(0)) else m.group(0), text)
    text = _DIGITS.sub(REDACTED, text)
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


Scrub = Callable[[str], str]
_EMAIL_LIKE = re.compile(r"[^\s@]*@[^\s@]+|[^\s]+\s*[(\[{<]\s*at\s*[)\]}>]\s*\S+", re.IGNORECASE)
_POSTCODE_LIKE = re.compile(r"\b[1-9]\d{3}\s?[A-Za-z]{2}\b")


def crude_scrub(text: str) -> str:
    """The stand-in when no caller-data guard is handed in: e-mail- and postcode-shaped text masked."""
    text = _EMAIL_LIKE.sub("[e-mailadres]", text)
    return _POSTCODE_LIKE.sub("[adres]", text)


def _problem_title(body: bytes, secrets: Iterable[str], scrub: Scrub = crude_scrub) -> str:
    """A problem document's title (or detail), through the caller-data guard (`scrub`) and then sanitised;
    empty when there is none."""
    try:
        data = jsonlib.loads(body)
    except (ValueError, RecursionError):
        return ""
    if not isinstance(data, dict):
        return ""
    for key in ("title", "detail"):
        if isinstance(data.get(key), str) and data[key].strip():
            raw = str(data[key])[: MAX_TITLE_CHARS * 4]
            for secret in secrets:  # the token never reaches the guard (nor its log) either
                if secret:
                    raw = raw.replace(secret, REDACTED)
            return sanitise_portal_text(scrub(raw), secrets)
    return ""


def _quiet_transport_trace() -> None:
    """httpcore's DEBUG trace prints every response header and reason phrase: a portal that reflects the
    Authorization header would put the token into a log. Unless someone chose a level for it on purpose,
    that trace stays off (INFO), whatever the root logger's level."""
    trace = logging.getLogger("httpcore")
    if trace.level == logging.NOTSET:
        trace.setLevel(logging.INFO)


class _StandardReasons(httpx.BaseTransport):
    """Replaces the portal's reason phrase by the standard one before httpx logs or shows it: a portal
    that reflects what it is sent must not put the token into a log line."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self._inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        response.extensions = {k: v for k, v in response.extensions.items() if k != "reason_phrase"}
        return response

    def close(self) -> None:
        self._inner.close()


# -- bounds ------------------------------------------------------------------------------------------------


class _Deadline:
    """The one deadline of one operation."""

    def __init__(self, clock: Clock, seconds: float, host: str) -> None:
        self._clock = clock
        self.seconds = seconds
        self.end = clock() + seconds
        self._host = host

    def remaining(self) -> float:
        return self.end - self._clock()

    def expired(self, slack: float = 0.0) -> bool:
        return self.remaining() <= slack

    def check(self) -> None:
        if self.expired():
            raise self.error()

    def error(self) -> PortalLimit:
        return PortalLimit(
            f"Het TSV-portaal ({self._host}) heeft niet binnen {_seconds(self.seconds)} geantwoord; "
            "probeer het later opnieuw."
        )

    def timeout(self, base: httpx.Timeout) -> httpx.Timeout:
        """Every single wait (connect, read, write, pool) ends by the deadline at the latest."""
        left = max(0.01, self.remaining())

        def bound(value: float | None) -> float:
            return left if value is None else min(value, left)

        return httpx.Timeout(
            connect=bound(base.connect), read=bound(base.read), write=bound(base.write), pool=bound(base.pool)
        )


def _seconds(value: float) -> str:
    shown = f"{value:g}"
    return f"{shown} seconde" if shown == "1" else f"{shown} seconden"


@dataclass
class _Listing:
    """One listing walked page by page: its deadline, pages so far and the cursors already handed out."""

    deadline: _Deadline
    pages: int = 0
    cursors: set[str] = field(default_factory=set)


def implied_audio_bytes(meta: RecordingMeta) -> int | None:
    """The most bytes this recording's audio can take by its metadata, with a margin; None if unusable."""
    duration, rate, channels = meta.duration_s, meta.audio.sample_rate, meta.audio.channels
    if not (math.isfinite(duration) and 0 <= duration <= 7 * 24 * 3600):
        return None
    if not (1 <= rate <= 384_000 and 1 <= channels <= 64):
        return None
    tokens = re.split(r"[/;,\s]+", meta.audio.format.lower().replace("_", "").replace("-", ""))
    width = next((BYTES_PER_SAMPLE[t] for t in tokens if t in BYTES_PER_SAMPLE), None)
    per_second = rate * channels * width if width else max(rate * channels * 4, COMPRESSED_MIN_BYTES_PER_S)
    return int(duration * per_second * DOWNLOAD_MARGIN) + DOWNLOAD_SLACK_BYTES


class _Download:
    """The audio as it arrives, in one buffer: preallocated when the size is known, else growing; refuses
    to pass `cap` bytes."""

    def __init__(self, cap: int, too_large: Callable[[], PortalLimit]) -> None:
        self.cap = cap
        self._too_large = too_large
        self.buffer = bytearray()
        self.size = 0
        self.total: int | None = None

    def expect(self, total: int) -> None:
        if total > self.cap:
            raise self._too_large()
        if self.total is None and self.size == 0:
            self.buffer = bytearray(total)  # one allocation, filled in place
        self.total = total

    def restart(self) -> None:
        self.size = 0

    def append(self, chunk: bytes) -> None:
        end = self.size + len(chunk)
        if end > self.cap:
            raise self._too_large()
        if end <= len(self.buffer):
            self.buffer[self.size : end] = chunk  # same length: in place, no reallocation
        else:
            del self.buffer[self.size :]
            self.buffer += chunk
        self.size = end

    def result(self) -> bytes:
        if self.size != len(self.buffer):
            del self.buffer[self.size :]
        data = bytes(self.buffer)
        self.buffer = bytearray()
        return data


class PortalAudio:
    """The portal's `AudioSource` (adapters/store/base.py): nothing is fetched until `read`, which runs after
    the access policy said yes; the download (capped by `read_audio`) is checked against the metadata's
    SHA-256. The portal vouches for no metadata of its own here (`meta` is None): the catalog's stands."""

    meta: RecordingMeta | None = None

    def __init__(self, store: HttpStore, recording_id: str) -> None:
        self._store = store
        self._recording_id = recording_id

    def read(self, meta: RecordingMeta, limits: AudioLimits) -> bytes:
        data = self._store.read_audio(self._recording_id)
        verify_audio_digest(meta, data)
        return data  # the decoder checks `limits` (audio.max_file_mb) before it reads

    def close(self) -> None:
        pass

    def __enter__(self) -> PortalAudio:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class HttpStore:
    """A `RecordingStore` backed by the TSV portal."""

    def __init__(
        self,
        base_url: str,
        token: TokenSource,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Sleep = time.sleep,
        timeout: httpx.Timeout | None = None,
        verify: bool | str = True,
        deadline_s: float = DEFAULT_DEADLINE_S,
        max_download_bytes: int = DEFAULT_MAX_DOWNLOAD_BYTES,
        max_pages: int = MAX_PAGES,
        clock: Clock = time.monotonic,
        scrub: Scrub | None = None,
    ) -> None:
        self._base = _check_base_url(base_url)
        self._scrub = scrub or crude_scrub
        self._host = urlsplit(self._base).hostname or self._base
        self._token = token
        self._sleep = sleep
        self._clock = clock
        self._deadline_s = float(deadline_s)
        self._max_download = int(max_download_bytes)
        self._max_pages = int(max_pages)
        self._timeout = timeout or httpx.Timeout(20.0, connect=5.0)
        self._lock = threading.Lock()
        self._listings: OrderedDict[tuple[str, str, int, str], _Listing] = OrderedDict()
        self._metas: OrderedDict[str, RecordingMeta] = OrderedDict()
        _quiet_transport_trace()
        self._client = httpx.Client(
            base_url=self._base,
            timeout=self._timeout,
            transport=_StandardReasons(transport or httpx.HTTPTransport(verify=verify)),
            # identity: no compressed body can expand past a bound between two checks
            headers={"Accept": "application/json", "Accept-Encoding": "identity", "User-Agent": "nunrec-desktop"},
            follow_redirects=False,
        )

    def close(self) -> None:
        self._client.close()

    # -- the RecordingStore interface -------------------------------------------------------------

    def list_recordings(self, start: datetime, end: datetime, cursor: str | None = None, limit: int = 500) -> Page:
        """One page. Pages of one listing (from the first page on, through the cursors handed out here)
        share one deadline, count against the page limit, and a cursor handed out twice ends the listing."""
        params: dict[str, str | int] = {"from": _iso(start), "to": _iso(end), "limit": limit}
        if cursor:
            params["cursor"] = cursor
        listing = self._listing(str(params["from"]), str(params["to"]), limit, cursor)
        listing.pages += 1
        data = self._exchange(listing.deadline, "GET", "/recordings", self._read_json, params=params)
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            raise StoreError("Het TSV-portaal gaf een onverwacht antwoord op de lijst met opnames.")
        items: list[RecordingMeta] = []
        skipped: list[SkippedEntry] = []
        for index, raw in enumerate(data["items"]):
            try:
                items.append(parse_metadata(raw))
            except MalformedMetadata as error:
                where = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else f"#{index}"
                skipped.append(SkippedEntry(str(where), str(error)))
        next_cursor = data.get("next_cursor")
        following = next_cursor if isinstance(next_cursor, str) and next_cursor else None
        if following is not None:
            self._continue(listing, str(params["from"]), str(params["to"]), limit, following)
        return Page(items, following, skipped)

    def get(self, recording_id: str) -> RecordingMeta:
        return self._get(self._deadline(), recording_id)

    def audio_source(self, recording_id: str) -> PortalAudio:
        """The player's way in (`RecordingStore.audio_source`); the download waits for `PortalAudio.read`."""
        return PortalAudio(self, recording_id)

    def read_audio(self, recording_id: str) -> bytes:
        """Download into one buffer in memory, capped by what the metadata implies and by the hard cap; a
        dropped connection resumes with a Range request where the portal allows."""
        deadline = self._deadline()
        with self._lock:
            meta = self._metas.get(recording_id)
        if meta is None:
            meta = self._get(deadline, recording_id)
        implied = implied_audio_bytes(meta)
        cap = self._max_download if implied is None else min(implied, self._max_download)
        download = _Download(cap, lambda: self._too_large(recording_id, meta, cap, implied))
        path = f"/recordings/{quote(recording_id, safe='')}/audio"

        def headers() -> dict[str, str]:
            ask = {"Accept": "*/*"}
            if download.size:
                ask["Range"] = f"bytes={download.size}-"
            return ask

        def receive(response: httpx.Response, deadline: _Deadline) -> bytes:
            if download.size and response.status_code == 200:
                download.restart()  # the portal ignored the Range: start over
            elif download.size and response.status_code == 206:
                first = _range_start(response.headers.get("Content-Range", ""))
                if first != download.size:
                    raise StoreError(f"Het TSV-portaal leverde opname {recording_id} niet aaneengesloten.")
            total = _total_length(response)
            if total is not None:
                if download.total is not None and total != download.total:
                    raise StoreError(f"Het TSV-portaal leverde opname {recording_id} niet aaneengesloten.")
                download.expect(total)
            for chunk in _raw_chunks(response):
                download.append(chunk)
                deadline.check()
            if download.total is not None and download.size != download.total:
                raise httpx.RemoteProtocolError("incomplete body")
            return download.result()

        return self._exchange(deadline, "GET", path, receive, headers=headers, recording_id=recording_id)

    def delete(self, recording_id: str, reason: str) -> None:
        with contextlib.suppress(RecordingGone):  # already gone: the erasure is done
            self._exchange(
                self._deadline(),
                "DELETE",
                f"/recordings/{quote(recording_id, safe='')}",
                lambda response, deadline: None,
                json={"reason": "erasure-request", "reference": reason},
                recording_id=recording_id,
                idempotent=False,
            )
        with self._lock:
            self._metas.pop(recording_id, None)

    # -- bounds -----------------------------------------------------------------------------------

    def _deadline(self) -> _Deadline:
        return _Deadline(self._clock, self._deadline_s, self._host)

    def _listing(self, start: str, end: str, limit: int, cursor: str | None) -> _Listing:
        with self._lock:
            listing = self._listings.pop((start, end, limit, cursor), None) if cursor else None
        if listing is None:  # a first page, or a cursor this adapter did not hand out
            listing = _Listing(self._deadline())
            if cursor:
                listing.cursors.add(cursor)
        return listing

    def _continue(self, listing: _Listing, start: str, end: str, limit: int, cursor: str) -> None:
        if cursor in listing.cursors:
            log.warning("portal listing stopped: a cursor came back after %d pages", listing.pages)
            raise PortalLimit(
                "Het TSV-portaal stuurt dezelfde vervolgpagina nogmaals; nunrec stopt met lezen, "
                "anders zou de lijst nooit af zijn."
            )
        if listing.pages >= self._max_pages:
            log.warning("portal listing stopped at the page limit (%d pages)", listing.pages)
            raise PortalLimit(
                f"Het TSV-portaal levert meer dan {self._max_pages} pagina's met opnames; "
                "nunrec stopt met lezen, neem contact op met IT."
            )
        if len(cursor) > MAX_CURSOR_CHARS:
            raise PortalLimit("Het TSV-portaal gaf een onbruikbare vervolgpagina (te lang); neem contact op met IT.")
        listing.cursors.add(cursor)
        with self._lock:
            self._listings[(start, end, limit, cursor)] = listing
            while len(self._listings) > 64:  # listings abandoned half-way are forgotten
                self._listings.popitem(last=False)

    def _too_large(self, recording_id: str, meta: RecordingMeta, cap: int, implied: int | None) -> PortalLimit:
        log.warning("download of %s stopped at %d bytes", recording_id, cap)
        if implied is not None and implied <= self._max_download:
            return PortalLimit(
                f"Het TSV-portaal levert voor opname {recording_id} meer gegevens dan past bij een gesprek van "
                f"{_seconds(round(meta.duration_s))}; de download is afgebroken."
            )
        return PortalLimit(
            f"Opname {recording_id} is groter dan {cap // (1024 * 1024)} MiB, de grens voor een download; "
            "de download is afgebroken."
        )

    # -- plumbing ---------------------------------------------------------------------------------

    def _get(self, deadline: _Deadline, recording_id: str) -> RecordingMeta:
        data = self._exchange(
            deadline, "GET", f"/recordings/{quote(recording_id, safe='')}", self._read_json, recording_id=recording_id
        )
        try:
            meta = parse_metadata(data)
        except MalformedMetadata as error:
            raise StoreError(f"De gegevens van opname {recording_id} zijn onleesbaar ({error}).") from error
        with self._lock:
            self._metas[recording_id] = meta
            self._metas.move_to_end(recording_id)
            while len(self._metas) > 256:
                self._metas.popitem(last=False)
        return meta

    def _auth(self) -> dict[str, str]:
        token = self._token()
        if not token:
            raise StoreAuthError(
                "Er zijn geen inloggegevens voor het TSV-portaal ingesteld. "
                "Vraag IT om ze in te stellen met 'nunrec store set-credentials'."
            )
        return {"Authorization": f"Bearer {token}"}

    def _exchange(
        self,
        deadline: _Deadline,
        method: str,
        path: str,
        consume: Callable[[httpx.Response, _Deadline], T],
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        headers: Callable[[], dict[str, str]] | None = None,
        recording_id: str = "",
        idempotent: bool = True,
    ) -> T:
        """One operation: the request, its retries and the reading of the body, all within `deadline`."""
        attempt = 0
        while True:
            deadline.check()
            auth = self._auth()
            try:
                with self._client.stream(
                    method,
                    path,
                    params=params,
                    json=json,
                    headers={**(headers() if headers else {}), **auth},
                    timeout=deadline.timeout(self._timeout),
                ) as response:
                    status = response.status_code
                    if status >= 400:
                        body = _read_limited(response, deadline, MAX_PROBLEM_BYTES)
                        retryable = status == 429 or (idempotent and status in RETRY_STATUSES)
                        if retryable and attempt < len(BACKOFF_S):
                            told = _retry_after(response) if status == 429 else None
                            self._pause(deadline, BACKOFF_S[attempt] if told is None else told, told is not None)
                            attempt += 1
                            continue
                        self._raise_for(status, body, recording_id, auth)
                    return consume(response, deadline)
            except (httpx.TransportError, httpx.StreamError) as error:
                if deadline.expired(slack=0.05):
                    raise deadline.error() from None
                if not idempotent or attempt >= len(BACKOFF_S):
                    raise self._unreachable(error) from error
                self._pause(deadline, BACKOFF_S[attempt], False)
                attempt += 1

    def _pause(self, deadline: _Deadline, seconds: float, told: bool) -> None:
        """Wait before a retry, unless the wait does not fit in what is left of the deadline."""
        if told and seconds > min(MAX_RETRY_AFTER_S, deadline.remaining()):
            raise PortalLimit(
                f"Het TSV-portaal vraagt om het over {_seconds(round(seconds))} opnieuw te proberen; dat is "
                "langer dan nunrec wacht, probeer het later opnieuw."
            )
        if seconds >= deadline.remaining():
            raise deadline.error()
        self._sleep(seconds)

    def _read_json(self, response: httpx.Response, deadline: _Deadline) -> Any:
        body = _read_limited(response, deadline, MAX_JSON_BYTES, refuse=True)
        try:
            return jsonlib.loads(body)
        except (ValueError, RecursionError) as error:
            raise StoreError("Het TSV-portaal gaf een antwoord dat geen JSON is.") from error

    def _raise_for(self, status: int, body: bytes, recording_id: str, auth: dict[str, str]) -> None:
        if status == 401:
            raise StoreAuthError(
                "Het TSV-portaal weigert de inloggegevens (401). "
                "Vraag IT om het token te vernieuwen met 'nunrec store set-credentials'."
            )
        if status == 403:
            raise StoreAuthError("Het TSV-portaal geeft met deze inloggegevens geen toegang (403).")
        if status in (404, 410):
            what = f"Opname {recording_id}" if recording_id else "Deze opname"
            raise RecordingGone(f"{what} is niet (meer) beschikbaar: na 30 dagen of op verzoek verwijderd.")
        if status == 429:
            raise StoreError("Het TSV-portaal is tijdelijk overbelast. Probeer het over een minuut opnieuw.")
        token = auth["Authorization"].removeprefix("Bearer ")
        title = _problem_title(body, (auth["Authorization"], token), self._scrub)
        shown = f"{status}: {title}" if title else str(status)
        raise StoreError(f"Het TSV-portaal meldt een storing ({shown}).")

    def _unreachable(self, error: Exception) -> StoreError:
        if isinstance(error, httpx.ConnectError) and "CERTIFICATE" in str(error).upper():
            return StoreError(
                f"De beveiligde verbinding met het TSV-portaal ({self._host}) kon niet worden gecontroleerd: "
                "het certificaat is ongeldig. Neem contact op met IT."
            )
        return StoreError(
            f"Het TSV-opnameportaal ({self._host}) is niet bereikbaar. "
            "Controleer de netwerkverbinding of probeer het later opnieuw."
        )


def _read_limited(response: httpx.Response, deadline: _Deadline, limit: int, refuse: bool = False) -> bytes:
    """A body of at most `limit` bytes, read within the deadline; beyond it refused or (problem text) cut."""
    length = response.headers.get("Content-Length", "")
    if refuse and length.isdigit() and int(length) > limit:
        raise PortalLimit("Het TSV-portaal gaf een veel te groot antwoord; neem contact op met IT.")
    body = bytearray()
    for chunk in _raw_chunks(response):
        body += chunk
        if len(body) > limit:
            if refuse:
                raise PortalLimit("Het TSV-portaal gaf een veel te groot antwoord; neem contact op met IT.")
            del body[limit:]
            break
        deadline.check()
    return bytes(body)


def _raw_chunks(response: httpx.Response) -> Iterator[bytes]:
    """The body as sent; an encoding that was not asked for (gzip ...) is refused, not expanded."""
    if response.headers.get("Content-Encoding", "identity").strip().lower() not in ("", "identity"):
        raise StoreError(
            "Het TSV-portaal stuurde een gecomprimeerd antwoord dat nunrec niet vroeg; neem contact op met IT."
        )
    return response.iter_raw()


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _range_start(content_range: str) -> int:
    try:
        return int(content_range.split(" ", 1)[1].split("-", 1)[0])
    except (IndexError, ValueError):
        return -1


def _total_length(response: httpx.Response) -> int | None:
    content_range = response.headers.get("Content-Range", "")
    if "/" in content_range and content_range.rsplit("/", 1)[1].isdigit():
        return int(content_range.rsplit("/", 1)[1])
    length = response.headers.get("Content-Length")
    return int(length) if length and length.isdigit() else None
