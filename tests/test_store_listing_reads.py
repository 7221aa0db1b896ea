"""Issue 20 item 9: the folder store reads each sidecar once per listing, however many pages it has.

A listing of 1,250 recordings in pages of 500 used to scan the whole store for every page (three times here,
twenty times for 10,000 sidecars). The pages now come from one snapshot; a new listing, a deletion or an
expired snapshot scans afresh. The time it takes is in benchmarks/folder_listing.py, not here.
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from nunrec_desktop.adapters.store import folder as folder_module
from nunrec_desktop.adapters.store.base import AudioInfo, RecordingMeta
from nunrec_desktop.adapters.store.folder import MARKER, FolderStore, init_folder_store, write_recording

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
WINDOW = (T0 - timedelta(days=40), T0 + timedelta(days=1))
COUNT = 1_250


@pytest.fixture(scope="module")
def store_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("many") / "store"
    init_folder_store(root)
    for number in range(COUNT):
        meta = RecordingMeta(
            id=f"rec-{number:05d}",
            start=T0 - timedelta(minutes=37 * number),
            duration_s=60.0,
            direction="inbound",
            called_number="+31341259911",
            employee_id=f"E{number % 7}",
            audio=AudioInfo(f"rec-{number:05d}.wav", "wav/alaw", 8000, 2, ("employee", "caller")),
        )
        write_recording(root, meta, b"RIFF")  # listing never reads the audio itself
    return root


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each sidecar is read (the store's one reading function), the marker left out."""
    counted: Counter[str] = Counter()
    real = folder_module._read_regular

    def counting(path: str, *args: object, **kwargs: object) -> object:
        name = os.path.basename(path)
        if name.endswith(".json") and name != MARKER:
            counted[name] += 1
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(folder_module, "_read_regular", counting)
    return counted


def _whole_listing(store: FolderStore) -> tuple[list[str], int]:
    ids: list[str] = []
    cursor, pages = None, 0
    while True:
        page = store.list_recordings(*WINDOW, cursor=cursor, limit=500)
        ids += [m.id for m in page.items]
        pages += 1
        if page.next_cursor is None:
            return ids, pages
        cursor = page.next_cursor


def test_a_listing_of_three_pages_reads_each_sidecar_once(store_root: Path, reads: Counter[str]) -> None:
    store = FolderStore(store_root)
    ids, pages = _whole_listing(store)
    assert pages == 3 and len(ids) == COUNT and len(set(ids)) == COUNT
    assert ids == sorted(ids, reverse=True)  # oldest first: the highest number is the oldest call
    assert len(reads) == COUNT and set(reads.values()) == {1}
    # A new listing is a new look at the store: each sidecar once more, not once per page.
    _whole_listing(store)
    assert set(reads.values()) == {2}


def test_a_deletion_or_an_old_snapshot_makes_the_next_page_scan_afresh(
    store_root: Path, reads: Counter[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    store = FolderStore(store_root)
    first = store.list_recordings(*WINDOW, limit=500)
    assert first.next_cursor is not None and set(reads.values()) == {1}
    monkeypatch.setattr(folder_module, "LISTING_SNAPSHOT_SECONDS", 0.0)  # the snapshot is too old now
    second = store.list_recordings(*WINDOW, cursor=first.next_cursor, limit=500)
    assert set(reads.values()) == {2}
    assert second.items[0].id != first.items[-1].id and len(second.items) == 500
    # A cursor from another store or a forged one is an offset into a fresh scan, never an error.
    assert len(store.list_recordings(*WINDOW, cursor="nonsense.1000", limit=500).items) == COUNT - 1000
    assert store.list_recordings(*WINDOW, cursor="x" * 5000, limit=500).items[0].id == first.items[0].id


def test_a_deleted_recording_is_not_on_the_next_page(tmp_path: Path) -> None:
    root = tmp_path / "store"
    init_folder_store(root)
    for number in range(6):
        meta = RecordingMeta(
            id=f"r{number}",
            start=T0 - timedelta(hours=number),
            duration_s=60.0,
            direction="inbound",
            called_number="+31341259911",
            employee_id="E1",
            audio=AudioInfo(f"r{number}.wav", "wav/alaw", 8000, 2, ("employee", "caller")),
        )
        write_recording(root, meta, b"RIFF")
    store = FolderStore(root)
    first = store.list_recordings(*WINDOW, limit=3)
    assert [m.id for m in first.items] == ["r5", "r4", "r3"]
    store.delete("r1", "ref")
    rest = store.list_recordings(*WINDOW, cursor=first.next_cursor, limit=3)
    assert [m.id for m in rest.items] == ["r2", "r0"]
