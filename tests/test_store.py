"""Both store implementations: the folder store's layout and its tolerance of broken entries, and the HTTP
adapter against a real server on 127.0.0.1 (paging, Range, 401, 410, 429, 5xx, dropped connections)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from nunrec_desktop.adapters.store.base import RecordingGone, Segment, StoreError
from nunrec_desktop.adapters.store.folder import FolderStore
from nunrec_desktop.adapters.store.http import HttpStore, StoreAuthError
from tests.recordings_factory import add_recording, tone_audio
from tests.store_server import Behaviour, serve_store

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
WINDOW = (T0 - timedelta(days=40), T0 + timedelta(days=1))


@pytest.fixture
def store_root(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    for index in range(7):
        add_recording(root, f"rec-{index:03d}", T0 - timedelta(days=index, minutes=index))
    add_recording(root, "rec-transfer", T0 - timedelta(hours=3), segments=(Segment("E1", 0, 1), Segment("E2", 1, 2)))
    return root


def _no_sleep(seconds: float) -> None:
    _no_sleep.calls.append(seconds)  # type: ignore[attr-defined]


_no_sleep.calls = []  # type: ignore[attr-defined]


# -- folder store -----------------------------------------------------------------------------------


def test_layout_and_listing(store_root: Path) -> None:
    assert json.loads((store_root / "recstore.json").read_text()) == {"schema": "nunrec-folder-store/1"}
    assert (store_root / "2026" / "11" / "20" / "rec-000.json").is_file()
    page = FolderStore(store_root).list_recordings(*WINDOW)
    assert [m.id for m in page.items][:2] == ["rec-006", "rec-005"]  # oldest first
    assert len(page.items) == 8 and page.next_cursor is None and page.skipped == []
    transfer = FolderStore(store_root).get("rec-transfer")
    assert transfer.employee_ids() == ("E1", "E2")
    assert "+316" not in repr(transfer)  # the caller's number stays out of repr


def test_paging(store_root: Path) -> None:
    store = FolderStore(store_root)
    seen, cursor = [], None
    while True:
        page = store.list_recordings(*WINDOW, cursor=cursor, limit=3)
        seen += [m.id for m in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert len(seen) == 8 == len(set(seen))


def test_broken_entries_are_skipped_and_reported(store_root: Path) -> None:
    day = store_root / "2026" / "11" / "20"
    (day / "orphan.wav").write_bytes(tone_audio())
    (day / "no-audio.json").write_text(
        json.dumps(
            {
                **json.loads((day / "rec-000.json").read_text()),
                "id": "no-audio",
                "audio": {
                    "file": "no-audio.wav",
                    "format": "wav",
                    "sample_rate": 8000,
                    "channels": 2,
                    "channel_map": [],
                },
            }
        )
    )
    (day / "bad.json").write_text("{not json")
    broken = json.loads((day / "rec-000.json").read_text())
    del broken["direction"]
    broken["id"] = "missing-field"
    (day / "missing-field.json").write_text(json.dumps(broken))
    extra = json.loads((day / "rec-000.json").read_text())
    extra["vendor_extension"] = {"anything": 1}
    (day / "rec-000.json").write_text(json.dumps(extra))
    page = FolderStore(store_root).list_recordings(*WINDOW)
    assert len(page.items) == 8  # the unknown field did not hurt rec-000
    reasons = {s.where.rsplit("/", 1)[-1]: s.reason for s in page.skipped}
    assert reasons == {
        "bad.json": "unreadable JSON",
        "missing-field.json": "field 'direction' is missing",
        "no-audio.json": "audio file missing",
        "orphan.wav": "no metadata sidecar",
    }


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="niet gevonden"):
        FolderStore(tmp_path / "nothing").list_recordings(*WINDOW)


def test_read_and_delete(store_root: Path) -> None:
    store = FolderStore(store_root)
    assert store.read_audio("rec-001")[:4] == b"RIFF"
    store.delete("rec-001", "ref-1")
    with pytest.raises(RecordingGone):
        store.get("rec-001")
    assert not list(store_root.rglob("rec-001.*"))
    with pytest.raises(RecordingGone):
        store.read_audio("../../etc/passwd")


# -- HTTP adapter -----------------------------------------------------------------------------------


def _http(url: str, token: str | None = "test-token") -> HttpStore:
    _no_sleep.calls.clear()  # type: ignore[attr-defined]
    return HttpStore(url, lambda: token, sleep=_no_sleep)


def test_http_listing_pages_through_everything(store_root: Path) -> None:
    with serve_store(store_root, Behaviour(page_size_cap=3)) as (url, behaviour):
        store = _http(url)
        ids, cursor, pages = [], None, 0
        while True:
            page = store.list_recordings(*WINDOW, cursor=cursor)
            ids += [m.id for m in page.items]
            pages += 1
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        store.close()
    assert pages == 3 and len(ids) == 8 == len(set(ids))
    assert all(headers.get("Authorization") == "Bearer test-token" for _, _, headers in behaviour.requests)


def test_http_metadata_and_audio_match_the_folder(store_root: Path) -> None:
    with serve_store(store_root) as (url, _):
        store = _http(url)
        assert store.get("rec-transfer") == FolderStore(store_root).get("rec-transfer")
        assert store.read_audio("rec-002") == FolderStore(store_root).read_audio("rec-002")
        store.close()


def test_http_resumes_a_dropped_download_with_range(store_root: Path) -> None:
    behaviour = Behaviour(drop_audio_after=5000, drops_left=2)
    with serve_store(store_root, behaviour) as (url, _):
        store = _http(url)
        data = store.read_audio("rec-003")
        store.close()
    assert data == FolderStore(store_root).read_audio("rec-003")
    ranges = [h.get("Range") for method, path, h in behaviour.requests if path.endswith("/audio")]
    assert ranges == [None, "bytes=5000-", "bytes=10000-"]


def test_http_restarts_when_the_portal_ignores_range(store_root: Path) -> None:
    behaviour = Behaviour(drop_audio_after=3000, drops_left=1, honour_range=False)
    with serve_store(store_root, behaviour) as (url, _):
        store = _http(url)
        assert store.read_audio("rec-003") == FolderStore(store_root).read_audio("rec-003")
        store.close()


def test_http_gives_up_on_a_connection_that_keeps_dropping(store_root: Path) -> None:
    with serve_store(store_root, Behaviour(drop_audio_after=100, drops_left=99)) as (url, _):
        store = _http(url)
        with pytest.raises(StoreError, match="niet bereikbaar"):
            store.read_audio("rec-003")
        store.close()


def test_http_401_asks_for_new_credentials(store_root: Path) -> None:
    with serve_store(store_root) as (url, _):
        store = _http(url, token="wrong")
        with pytest.raises(StoreAuthError, match=r"401.*nunrec store set-credentials"):
            store.list_recordings(*WINDOW)
        store.close()
        with pytest.raises(StoreAuthError, match="geen inloggegevens"):
            _http(url, token=None).get("rec-000")


def test_http_410_means_gone(store_root: Path) -> None:
    behaviour = Behaviour(expire_after_days=30, now=T0)
    add_recording(store_root, "rec-old", T0 - timedelta(days=31))
    with serve_store(store_root, behaviour) as (url, _):
        store = _http(url)
        with pytest.raises(RecordingGone, match="niet \\(meer\\) beschikbaar"):
            store.get("rec-old")
        with pytest.raises(RecordingGone):
            store.read_audio("rec-old")
        with pytest.raises(RecordingGone):
            store.get("never-existed")
        store.close()


def test_http_429_waits_as_told_then_succeeds(store_root: Path) -> None:
    with serve_store(store_root, Behaviour(fail_next=[(429, "2"), (429, "7")])) as (url, _):
        store = _http(url)
        assert store.get("rec-000").id == "rec-000"
        assert _no_sleep.calls == [2.0, 7.0]  # type: ignore[attr-defined]
        store.close()


def test_http_5xx_is_retried_with_backoff_then_reported(store_root: Path) -> None:
    with serve_store(store_root, Behaviour(fail_next=[(503, None)] * 2)) as (url, _):
        store = _http(url)
        assert len(store.list_recordings(*WINDOW).items) == 8
        assert _no_sleep.calls == [0.5, 1.0]  # type: ignore[attr-defined]
    with serve_store(store_root, Behaviour(fail_next=[(500, None)] * 4)) as (url, _):
        store = _http(url)
        with pytest.raises(StoreError, match="storing \\(500: injected failure\\)"):
            store.get("rec-000")
        store.close()


def test_http_delete_is_not_retried_after_a_server_error(store_root: Path) -> None:
    with serve_store(store_root, Behaviour(fail_next=[(503, None)])) as (url, behaviour):
        store = _http(url)
        with pytest.raises(StoreError, match="503"):
            store.delete("rec-004", "VZ-2026-017")
        assert behaviour.deleted == []
        store.delete("rec-004", "VZ-2026-017")
        assert behaviour.deleted == [("rec-004", {"reason": "erasure-request", "reference": "VZ-2026-017"})]
        store.delete("rec-004", "VZ-2026-017")  # already gone (410): done, not an error
        store.close()
    assert not list(store_root.rglob("rec-004.*"))


def test_http_unreachable_portal(tmp_path: Path) -> None:
    store = _http("http://127.0.0.1:9/api/v1")  # the discard port: nothing listens
    with pytest.raises(StoreError, match="niet bereikbaar"):
        store.list_recordings(*WINDOW)
    assert _no_sleep.calls == [0.5, 1.0, 2.0]  # type: ignore[attr-defined]


@pytest.mark.parametrize("url", ["http://portal.example/api", "ftp://x", "portal.example"])
def test_http_refuses_unencrypted_remote_urls(url: str) -> None:
    with pytest.raises(StoreError, match="https://"):
        HttpStore(url, lambda: "t")
