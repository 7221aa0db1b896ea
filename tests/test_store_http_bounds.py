"""The HTTP adapter's bounds against a hostile portal (issue 14, finding 8): a page limit and a repeated
cursor end a listing, one deadline covers retries, Retry-After and slow bodies, downloads are capped by the
metadata and a hard cap (measured with tracemalloc), and the portal's text is never shown raw (no token, no
long digit runs). Every misbehaviour comes from the real test portal in tests/store_server.py."""

from __future__ import annotations

import dataclasses
import io
import logging
import signal
import time
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from nunrec_desktop.adapters.store.base import StoreError
from nunrec_desktop.adapters.store.folder import FolderStore
from nunrec_desktop.adapters.store.http import HttpStore, PortalLimit, sanitise_portal_text
from nunrec_desktop.app import build_store
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import WorkspaceError
from nunrec_desktop.settings import Settings, load_workspace, render_toml, settings_from_mapping
from tests.conftest import TEST_PASSWORD, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.store_server import Behaviour, serve_store

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
WINDOW = (T0 - timedelta(days=40), T0 + timedelta(days=1))
MIB = 1024 * 1024
TEST_TIME_LIMIT_S = 20


class TookTooLong(BaseException):
    """Not an OSError (httpcore would turn a TimeoutError into a retried ReadError) nor an Exception."""


@pytest.fixture(autouse=True)
def _time_limit() -> Iterator[None]:
    """Each test here must end quickly: a client without bounds is interrupted instead of hanging the run."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise TookTooLong(f"test took longer than {TEST_TIME_LIMIT_S} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, TEST_TIME_LIMIT_S, 1.0)  # and again every second, should it be caught
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def store_root(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    for index in range(5):
        add_recording(root, f"rec-{index:03d}", T0 - timedelta(days=index, minutes=index))
    return root


class FakeTime:
    """A monotonic clock that only moves when the adapter sleeps: deadlines tested without waiting."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def _http(url: str, token: str = "test-token", **bounds: Any) -> HttpStore:
    bounds.setdefault("sleep", lambda seconds: None)
    return HttpStore(url, lambda: token, **bounds)


def _walk(store: HttpStore, safety: int = 1000) -> tuple[int, int]:
    """Page through the window like the services do; returns (pages, items). `safety` only keeps a broken
    adapter from running this test for ever."""
    cursor, pages, items = None, 0, 0
    while pages < safety:
        page = store.list_recordings(*WINDOW, cursor=cursor)
        pages += 1
        items += len(page.items)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    return pages, items


# -- listing ----------------------------------------------------------------------------------------


def test_an_endless_cursor_stops_at_the_page_limit(store_root: Path) -> None:
    with serve_store(store_root, Behaviour(page_size_cap=2, endless_pages=400)) as (url, behaviour):
        store = _http(url, max_pages=10)
        with pytest.raises(PortalLimit, match="meer dan 10 pagina's"):
            _walk(store)
        store.close()
    assert len(behaviour.requests) == 10


def test_a_normal_listing_within_the_limit_still_pages_through(store_root: Path) -> None:
    with serve_store(store_root, Behaviour(page_size_cap=2)) as (url, _):
        store = _http(url, max_pages=3)
        assert _walk(store) == (3, 5)
        assert _walk(store) == (3, 5)  # a second listing starts its own count
        store.close()


def test_a_repeated_cursor_ends_the_listing(store_root: Path) -> None:
    with serve_store(store_root, Behaviour(page_size_cap=2, repeat_cursor="again")) as (url, behaviour):
        store = _http(url)
        with pytest.raises(PortalLimit, match="dezelfde vervolgpagina"):
            _walk(store)
        store.close()
    assert len(behaviour.requests) == 2


def test_an_endless_listing_reaches_the_coach_as_one_dutch_sentence(
    workspace_dir: Path, coach: Any, keyring_backend: MemoryKeyring
) -> None:
    with serve_store(workspace_dir / "recordings", Behaviour(endless_pages=3000)) as (url, behaviour):
        code, out, err = _cli_against(url, workspace_dir, keyring_backend, "test-token")
    assert code == 1 and out == ""
    assert err.startswith("nunrec: Het TSV-portaal") and err.count("\n") == 1 and "Traceback" not in err
    assert len(behaviour.requests) <= 1001  # the default page limit, not 3,000 requests


# -- one deadline per operation -----------------------------------------------------------------------


def test_retry_after_as_a_date_beyond_the_deadline_ends_at_once(store_root: Path) -> None:
    clock = FakeTime()
    with serve_store(store_root, Behaviour(fail_next=[(429, timedelta(seconds=90))])) as (url, behaviour):
        store = _http(url, sleep=clock.sleep, clock=clock.monotonic)  # the default deadline: 60 s
        with pytest.raises(StoreError, match=r"over (89|90) seconden.*langer dan") as caught:
            store.get("rec-000")
        store.close()
    assert clock.sleeps == [] and len(behaviour.requests) == 1
    assert isinstance(caught.value, PortalLimit)


def test_retry_after_in_seconds_beyond_the_deadline_ends_at_once(store_root: Path) -> None:
    clock = FakeTime()
    with serve_store(store_root, Behaviour(fail_next=[(429, "3"), (429, "3")])) as (url, _):
        store = _http(url, sleep=clock.sleep, clock=clock.monotonic, deadline_s=5)
        with pytest.raises(PortalLimit, match="over 3 seconden"):
            store.get("rec-000")
        store.close()
    assert clock.sleeps == [3.0]  # the first wait fits in the 5 s, the second does not


def test_retry_after_as_a_date_within_the_deadline_is_honoured(store_root: Path) -> None:
    clock = FakeTime()
    with serve_store(store_root, Behaviour(fail_next=[(429, timedelta(seconds=10))])) as (url, _):
        store = _http(url, sleep=clock.sleep, clock=clock.monotonic)
        assert store.get("rec-000").id == "rec-000"
        store.close()
    assert len(clock.sleeps) == 1 and 8 <= clock.sleeps[0] <= 10


def test_backoff_counts_against_the_deadline(store_root: Path) -> None:
    clock = FakeTime()
    with serve_store(store_root, Behaviour(fail_next=[(503, None)] * 3)) as (url, _):
        store = _http(url, sleep=clock.sleep, clock=clock.monotonic, deadline_s=1)
        with pytest.raises(PortalLimit, match="binnen 1 seconde"):
            store.list_recordings(*WINDOW)
        store.close()
    assert clock.sleeps == [0.5]  # 0.5 fits, the next 1.0 would not


def _hung_up_on(behaviour: Behaviour, bodies: int) -> list[tuple[int, int]]:
    """The drips of the first `bodies` bodies, once the server has noticed how each ended (it notices a client
    that hung up at its next write; `within_s` only keeps a broken adapter from hanging the test)."""
    within_s = 30.0
    deadline = time.monotonic() + within_s
    while len(behaviour.drips) < bodies and time.monotonic() < deadline:
        time.sleep(0.01)
    return behaviour.drips[:bodies]


@pytest.mark.parametrize("what", ["metadata", "audio"])
def test_a_slow_drip_body_is_bounded_by_the_deadline(store_root: Path, what: str) -> None:
    # Small pieces at short intervals: every single read is quick, only the whole takes too long (~4 s).
    behaviour = Behaviour(drip_interval_s=0.02, drip_bytes=1 if what == "metadata" else 200)
    with serve_store(store_root, behaviour) as (url, _):
        store = _http(url, deadline_s=1)
        with pytest.raises(PortalLimit, match="niet binnen 1 seconde"):
            store.get("rec-000") if what == "metadata" else store.read_audio("rec-000")
        store.close()
        # The adapter hung up in the middle of the (last) body: the deadline, not the end of the body, stopped it.
        drips = _hung_up_on(behaviour, len(behaviour.requests))
    assert drips and drips[-1][0] < drips[-1][1]


def test_a_listing_shares_one_deadline_over_its_pages(store_root: Path) -> None:
    behaviour = Behaviour(page_size_cap=1, drip_interval_s=0.005, drip_bytes=8)  # each page ~0.3 s, 5 pages
    with serve_store(store_root, behaviour) as (url, _):
        store = _http(url, deadline_s=1)
        with pytest.raises(PortalLimit, match="niet binnen 1 seconde"):
            _walk(store)
        store.close()
        requested = len(behaviour.requests)
        drips = _hung_up_on(behaviour, requested)
    # One deadline over all pages: it ran out before the five pages were delivered (a deadline per page would
    # have walked all five).
    assert len(drips) == requested
    assert sum(sent == size for sent, size in drips) < 5


# -- downloads ----------------------------------------------------------------------------------------


def test_a_huge_body_without_content_length_is_aborted_at_the_cap(store_root: Path) -> None:
    # Metadata says 2 s; a 2-hour duration would allow ~230 MB, so only the hard cap of 5 MiB bounds it.
    add_recording(store_root, "rec-long", T0, duration=2.0)
    _claim_duration(store_root, "rec-long", 7200.0)
    behaviour = Behaviour(audio_body_bytes=20 * MIB, audio_content_length=False)
    with serve_store(store_root, behaviour) as (url, _):
        store = _http(url, max_download_bytes=5 * MIB)
        store.get("rec-long")  # as the application does before it opens the audio
        tracemalloc.start()
        try:
            with pytest.raises(PortalLimit, match=r"groter dan 5 MiB") as caught:
                store.read_audio("rec-long")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        store.close()
    assert "rec-long" in str(caught.value)
    assert peak < 7 * MIB, f"peak {peak / MIB:.1f} MiB"


def test_a_body_larger_than_the_metadata_implies_is_aborted(store_root: Path) -> None:
    # 2 s of 8 kHz stereo A-law is 32 kB; 20 MB is not that recording, with or without Content-Length.
    for with_length in (True, False):
        behaviour = Behaviour(audio_body_bytes=20 * MIB, audio_content_length=with_length)
        with serve_store(store_root, behaviour) as (url, _):
            store = _http(url)
            tracemalloc.start()
            try:
                with pytest.raises(PortalLimit, match="dan past bij een gesprek van 2 seconden"):
                    store.read_audio("rec-001")
                _, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
            store.close()
        assert peak < 3 * MIB, f"peak {peak / MIB:.1f} MiB (Content-Length {with_length})"


def test_a_large_real_download_takes_one_buffer(store_root: Path) -> None:
    add_recording(store_root, "rec-big", T0, duration=300.0)  # 300 s of 8 kHz stereo A-law: 4.8 MB
    expected = FolderStore(store_root).read_audio("rec-big")
    with serve_store(store_root, Behaviour(drop_audio_after=2 * MIB)) as (url, behaviour):
        store = _http(url)
        assert store.read_audio("rec-big") == expected  # the portal has read the file: not measured below
        behaviour.drops_left = 1
        behaviour.requests.clear()
        tracemalloc.start()
        try:
            data = store.read_audio("rec-big")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        store.close()
    assert data == expected
    assert [h.get("Range") for _, p, h in behaviour.requests if p.endswith("/audio")] == [None, f"bytes={2 * MIB}-"]
    # The buffer plus the bytes handed over; chunk lists or a doubling copy would show more.
    assert peak < 2.3 * len(expected), f"peak {peak / MIB:.1f} MiB for {len(expected) / MIB:.1f} MiB"


def _claim_duration(root: Path, rec_id: str, seconds: float) -> None:
    import json

    sidecar = next(root.rglob(f"{rec_id}.json"))
    data = json.loads(sidecar.read_text())
    data["duration_s"] = seconds
    sidecar.write_text(json.dumps(data))


# -- the portal's text ----------------------------------------------------------------------------------

TOKEN = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2VuLWZvci10ZXN0cw.q1w2e3r4"


@pytest.mark.parametrize("status", [400, 500, 401, 403])
def test_a_portal_that_reflects_the_token_never_shows_it(
    store_root: Path, status: int, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    with serve_store(store_root, Behaviour(reflect_authorization=status)) as (url, _):
        store = _http(url, token=TOKEN)
        with pytest.raises(StoreError) as caught:
            store.get("rec-000")
        store.close()
    error = caught.value
    shown = " ".join([str(error), repr(error), repr(error.__cause__), repr(error.__context__)])
    assert str(status) in str(error)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    captured = capsys.readouterr()
    for where in (shown, logged, captured.out, captured.err):
        assert TOKEN not in where
        assert "c2VjcmV0LXRva2VuLWZvci10ZXN0cw" not in where  # not even a piece of it


def test_the_cli_shows_status_and_a_clean_title_without_the_token(
    workspace_dir: Path, coach: Any, keyring_backend: MemoryKeyring
) -> None:
    with serve_store(workspace_dir / "recordings", Behaviour(reflect_authorization=400)) as (url, _):
        code, _, err = _cli_against(url, workspace_dir, keyring_backend, TOKEN)
    assert code == 1 and TOKEN not in err and "c2VjcmV0" not in err
    assert "(400: Denied for" in err and err.count("\n") == 1


def test_a_problem_title_is_cleaned_before_it_is_shown(store_root: Path) -> None:
    title = (
        "Fout\x1b[31m bij\u202e beller 06-12345678, BSN 123456782, sessie 9f8e7d6c5b4a39281706f5e4d3c2b1a0 " + "x" * 300
    )
    with serve_store(store_root, Behaviour(fail_next=[(400, None)], failure_title=title)) as (url, _):
        store = _http(url)
        with pytest.raises(StoreError) as caught:
            store.get("rec-000")
        store.close()
    message = str(caught.value)
    assert message.startswith("Het TSV-portaal meldt een storing (400: Fout bij beller")
    for secret in ("12345678", "123456782", "9f8e7d6c", "\x1b", "\u202e", "x" * 100):
        assert secret not in message
    assert len(message) < 200


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Recording expired", "Recording expired"),
        ("token test-token invalid", "token [weggelaten] invalid"),
        ("call +31 6 1234 5678 failed", "call [weggelaten] failed"),
        ("postcode 8071 CH ok", "postcode 8071 CH ok"),
        ("id 0123456789abcdef0123 gone", "id [weggelaten] gone"),
        ("a\tb\nc\x00d\u200b", "a b c d"),
        ("Authorization: Bearer abc", "Authorization: Bearer [weggelaten]"),
        ("Access token expired", "Access token expired"),
        ("api_key=abc123 refused", "api_key=[weggelaten] refused"),
    ],
)
def test_sanitise_portal_text(raw: str, clean: str) -> None:
    assert sanitise_portal_text(raw, secrets=("test-token",)) == clean


def test_sanitise_cuts_long_text() -> None:
    assert len(sanitise_portal_text("woord " * 100)) <= 81


# -- settings -------------------------------------------------------------------------------------------


def test_bounds_are_settings_with_safe_defaults() -> None:
    defaults = Settings()
    assert (defaults.store_deadline_seconds, defaults.store_max_download_mib) == (60, 512)
    chosen = settings_from_mapping({"store": {"deadline_seconds": 5, "max_download_mib": 64}})
    assert (chosen.store_deadline_seconds, chosen.store_max_download_mib) == (5, 64)
    for bad in ({"deadline_seconds": 0}, {"deadline_seconds": 100_000}, {"max_download_mib": 0}):
        with pytest.raises(WorkspaceError, match="store\\."):
            settings_from_mapping({"store": bad})


def test_the_workspace_settings_reach_the_adapter(store_root: Path, tmp_path: Path) -> None:
    with serve_store(store_root, Behaviour(drip_interval_s=0.02, drip_bytes=1)) as (url, _):
        settings = Settings(store_kind="http", store_location=url, store_deadline_seconds=1)
        root = tmp_path / "ws"
        root.mkdir()
        (root / "nunrec.toml").write_text(render_toml(settings))
        store = build_store(load_workspace(root), lambda: _Credentials())
        assert isinstance(store, HttpStore)
        with pytest.raises(PortalLimit, match="niet binnen 1 seconde"):  # the setting's 1 s, not the default 60 s
            store.get("rec-000")
        store.close()


class _Credentials:
    def token(self) -> str:
        return "test-token"


def _cli_against(url: str, workspace_dir: Path, keyring_backend: MemoryKeyring, token: str) -> tuple[int, str, str]:
    """Point the workspace at the portal, store the token in the keyring, list recordings as the coach."""
    add_recording(workspace_dir / "recordings", "rec-ws", T0)
    from nunrec_desktop.adapters.credentials import StoreCredentials

    workspace = load_workspace(workspace_dir)
    settings = dataclasses.replace(workspace.settings, store_kind="http", store_location=url)
    (workspace_dir / "nunrec.toml").write_text(render_toml(settings))
    StoreCredentials(keyring_backend, workspace.keyring_service).set_token(token)
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["recordings", "--user", "marieke", "--password-stdin", "--workspace", str(workspace_dir)],
        Io(stdin=io.StringIO(TEST_PASSWORD + "\n"), stdout=out, stderr=err, keyring_factory=lambda: keyring_backend),
    )
    return code, out.getvalue(), err.getvalue()


PORTAL_CALLER_DATA = "Fout: j.jansen@example.nl NL91ABNA0417164300 8071 AB 12"
PORTAL_SECRETS = ("jansen", "example", "0417164300", "8071")
# one kind each (a title is cut at MAX_TITLE_CHARS): what the whole guard finds and the stand-in need not
PORTAL_TITLES = [
    ("Fout: j.jansen@example.nl", "jansen"),
    ("Fout: NL91ABNA0417164300", "0417164300"),
    ("Fout: adres 8071 AB 12", "8071"),
    ("Fout: jan (at) example (dot) com", "example"),
    ("Fout: geboren 12-03-1985", "1985"),
    ("Fout: geboren op twaalf maart negentienzeventig", "twaalf maart"),
    ("Fout: mevrouw De Vries belde", "De Vries"),
    ("Fout: BSN 111222334", "111222334"),
    ("Fout: Dorpsstraat 12", "Dorpsstraat"),
]


def test_a_portal_error_title_with_caller_data_is_masked_by_the_whole_guard_in_the_cli(
    workspace_dir: Path, coach: Any, keyring_backend: MemoryKeyring
) -> None:
    """Issue 20, finding 5: a real portal on 127.0.0.1 answers with an error title holding an e-mail address,
    an IBAN and a postcode; the coach's CLI shows the status and the title with every finding masked, and the
    workspace log holds none of it."""
    behaviour = Behaviour(fail_next=[(400, None)] * 10, failure_title=PORTAL_CALLER_DATA)
    with serve_store(workspace_dir / "recordings", behaviour) as (url, _):
        code, out, err = _cli_against(url, workspace_dir, keyring_backend, TOKEN)
    assert code == 1 and "(400: Fout: [e-mailadres] [rekeningnummer] [adres])" in err, err
    for secret in PORTAL_SECRETS:
        assert secret not in err and secret not in out
    log = workspace_dir / "logs" / "nunrec.log"
    if log.exists():
        text = log.read_text(encoding="utf-8")
        assert not any(secret in text for secret in PORTAL_SECRETS)


@pytest.mark.parametrize(("title", "secret"), PORTAL_TITLES)
def test_a_portal_error_title_passes_the_whole_guard_handed_in(store_root: Path, title: str, secret: str) -> None:
    from nunrec_desktop.app import portal_text_scrub

    with serve_store(store_root, Behaviour(fail_next=[(400, None)], failure_title=title)) as (url, _):
        store = _http(url, scrub=portal_text_scrub)
        with pytest.raises(StoreError) as caught:
            store.get("rec-000")
        store.close()
    message = str(caught.value)
    assert message.startswith("Het TSV-portaal meldt een storing (400: Fout") and secret not in message, message


def test_without_a_guard_handed_in_the_stand_in_masks_e_mail_and_postcodes(store_root: Path) -> None:
    with serve_store(store_root, Behaviour(fail_next=[(400, None)], failure_title=PORTAL_CALLER_DATA)) as (url, _):
        store = _http(url)
        with pytest.raises(StoreError) as caught:
            store.get("rec-000")
        store.close()
    assert not any(secret in str(caught.value) for secret in PORTAL_SECRETS), str(caught.value)
