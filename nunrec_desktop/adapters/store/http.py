"""The TSV portal adapter: the REST contract of docs/recording-store-api.md over HTTPS.

Bearer token from the keyring, TLS verification on, timeouts, retries with backoff for idempotent calls
only, resumable audio downloads (HTTP Range) kept in memory, and a clear Dutch message for every way the
portal can fail.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from nunrec_desktop.adapters.store.base import (
    MalformedMetadata,
    Page,
    RecordingGone,
    RecordingMeta,
    SkippedEntry,
    StoreError,
    parse_metadata,
)

TokenSource = Callable[[], str | None]
Sleep = Callable[[float], None]

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
BACKOFF_S = (0.5, 1.0, 2.0)
MAX_RETRY_AFTER_S = 30.0
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class StoreAuthError(StoreError):
    """The portal refused the credentials (401) or the access (403)."""


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
    value = response.headers.get("Retry-After")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())


def _problem_title(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return response.reason_phrase
    if isinstance(data, dict):
        return str(data.get("title") or data.get("detail") or response.reason_phrase)
    return response.reason_phrase


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
    ) -> None:
        self._base = _check_base_url(base_url)
        self._host = urlsplit(self._base).hostname or self._base
        self._token = token
        self._sleep = sleep
        self._client = httpx.Client(
            base_url=self._base,
            timeout=timeout or httpx.Timeout(20.0, connect=5.0),
            verify=verify,
            transport=transport,
            headers={"Accept": "application/json", "User-Agent": "nunrec-desktop"},
            follow_redirects=False,
        )

    def close(self) -> None:
        self._client.close()

    # -- the RecordingStore interface -------------------------------------------------------------

    def list_recordings(self, start: datetime, end: datetime, cursor: str | None = None, limit: int = 500) -> Page:
        params: dict[str, str | int] = {"from": _iso(start), "to": _iso(end), "limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = self._request("GET", "/recordings", params=params)
        data = self._json(response)
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
        return Page(items, next_cursor if isinstance(next_cursor, str) and next_cursor else None, skipped)

    def get(self, recording_id: str) -> RecordingMeta:
        response = self._request("GET", f"/recordings/{quote(recording_id, safe='')}", recording_id=recording_id)
        try:
            return parse_metadata(self._json(response))
        except MalformedMetadata as error:
            raise StoreError(f"De gegevens van opname {recording_id} zijn onleesbaar ({error}).") from error

    def read_audio(self, recording_id: str) -> bytes:
        """Download into memory; a dropped connection resumes with a Range request where the portal allows."""
        path = f"/recordings/{quote(recording_id, safe='')}/audio"
        received = bytearray()
        total: int | None = None
        attempts = 0
        while True:
            headers = {"Accept": "*/*"}
            if received:
                headers["Range"] = f"bytes={len(received)}-"
            try:
                with self._stream("GET", path, headers, recording_id) as response:
                    if received and response.status_code == 200:
                        received.clear()  # the portal ignored the Range: start over
                    elif received and response.status_code == 206:
                        first = _range_start(response.headers.get("Content-Range", ""))
                        if first != len(received):
                            raise StoreError(f"Het TSV-portaal leverde opname {recording_id} niet aaneengesloten.")
                    if total is None:
                        total = _total_length(response)
                    for chunk in response.iter_bytes():
                        received.extend(chunk)
                if total is not None and len(received) != total:
                    raise httpx.RemoteProtocolError("incomplete body")
                return bytes(received)
            except (httpx.TransportError, httpx.StreamError) as error:
                if attempts >= len(BACKOFF_S):
                    raise self._unreachable(error) from error
                self._sleep(BACKOFF_S[attempts])
                attempts += 1

    def delete(self, recording_id: str, reason: str) -> None:
        try:
            self._request(
                "DELETE",
                f"/recordings/{quote(recording_id, safe='')}",
                json={"reason": "erasure-request", "reference": reason},
                recording_id=recording_id,
                idempotent=False,
            )
        except RecordingGone:
            return  # already gone: the erasure is done

    # -- plumbing ---------------------------------------------------------------------------------

    def _auth(self) -> dict[str, str]:
        token = self._token()
        if not token:
            raise StoreAuthError(
                "Er zijn geen inloggegevens voor het TSV-portaal ingesteld. "
                "Vraag IT om ze in te stellen met 'nunrec store set-credentials'."
            )
        return {"Authorization": f"Bearer {token}"}

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        recording_id: str = "",
        idempotent: bool = True,
    ) -> httpx.Response:
        attempt = 0
        while True:
            try:
                response = self._client.request(method, path, params=params, json=json, headers=self._auth())
            except httpx.TransportError as error:
                if not idempotent or attempt >= len(BACKOFF_S):
                    raise self._unreachable(error) from error
                self._sleep(BACKOFF_S[attempt])
                attempt += 1
                continue
            retryable = response.status_code == 429 or (idempotent and response.status_code in RETRY_STATUSES)
            if retryable and attempt < len(BACKOFF_S):
                wait = _retry_after(response) if response.status_code == 429 else None
                self._sleep(min(MAX_RETRY_AFTER_S, wait if wait is not None else BACKOFF_S[attempt]))
                attempt += 1
                continue
            self._raise_for(response, recording_id)
            return response

    @contextmanager
    def _stream(self, method: str, path: str, headers: dict[str, str], recording_id: str) -> Iterator[httpx.Response]:
        attempt = 0
        while True:
            with self._client.stream(method, path, headers={**headers, **self._auth()}) as response:
                if response.status_code in RETRY_STATUSES and attempt < len(BACKOFF_S):
                    response.read()
                    wait = _retry_after(response) if response.status_code == 429 else None
                    self._sleep(min(MAX_RETRY_AFTER_S, wait if wait is not None else BACKOFF_S[attempt]))
                    attempt += 1
                    continue
                if response.status_code >= 400:
                    response.read()
                    self._raise_for(response, recording_id)
                yield response
                return

    def _raise_for(self, response: httpx.Response, recording_id: str) -> None:
        status = response.status_code
        if status < 400:
            return
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
        raise StoreError(f"Het TSV-portaal meldt een storing ({status}: {_problem_title(response)}).")

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

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError as error:
            raise StoreError("Het TSV-portaal gaf een antwoord dat geen JSON is.") from error


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
