"""Benchmark: listing a folder store of 10,000 sidecars in pages of 500 (issue 20 item 9).

Anchor, measured in the same run: reading the same 10,000 sidecar files bare (open, read, json.loads), once.
Measured: the whole listing through `FolderStore.list_recordings` page by page as the catalog does (one scan,
pages cut from its snapshot), and, for comparison, the former way (a full scan for every page: 20 scans).
Prints seconds and the ratio to the anchor; the target is about one anchor's worth of reading plus the
validation, i.e. the listing costs no more per page than per listing.
Run: .venv/bin/python benchmarks/folder_listing.py [COUNT]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from nunrec_desktop.adapters.store.base import AudioInfo, RecordingMeta
from nunrec_desktop.adapters.store.folder import FolderStore, init_folder_store, write_recording

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
WINDOW = (T0 - timedelta(days=60), T0 + timedelta(days=1))
PAGE = 500


def build(root: Path, count: int) -> list[Path]:
    init_folder_store(root)
    sidecars = []
    for number in range(count):
        meta = RecordingMeta(
            id=f"rec-{number:06d}",
            start=T0 - timedelta(seconds=int(50 * 86_400 * number / count)),
            duration_s=120.0,
            direction="inbound",
            called_number="+31341259911",
            employee_id=f"E{number % 17}",
            audio=AudioInfo(f"rec-{number:06d}.wav", "wav/alaw", 8000, 2, ("employee", "caller")),
            caller_number="+31612345678",
        )
        sidecars.append(write_recording(root, meta, b"RIFF"))
    return sidecars


def bare_read(sidecars: list[Path]) -> float:
    started = time.perf_counter()
    for path in sidecars:
        with open(path, "rb") as handle:
            json.loads(handle.read())
    return time.perf_counter() - started


def listing(store: FolderStore) -> tuple[float, int, int]:
    started = time.perf_counter()
    cursor, pages, items = None, 0, 0
    while True:
        page = store.list_recordings(*WINDOW, cursor=cursor, limit=PAGE)
        pages, items = pages + 1, items + len(page.items)
        if page.next_cursor is None:
            return time.perf_counter() - started, pages, items
        cursor = page.next_cursor


def rescan_per_page(store: FolderStore, pages: int) -> float:
    started = time.perf_counter()
    for _ in range(pages):
        store.scan_window(*WINDOW)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description="folder store listing against reading the sidecars bare")
    parser.add_argument("count", nargs="?", type=int, default=10_000, help="sidecars in the store (default 10,000)")
    parser.add_argument("--quick", action="store_true", help="one small round (CI: the code still runs)")
    args = parser.parse_args()
    count = 1_200 if args.quick else args.count
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "store"
        sidecars = build(root, count)
        os.sync()
        store = FolderStore(root)
        listing(store)  # warm the page cache for every variant alike
        anchor = min(bare_read(sidecars) for _ in range(3))
        whole, pages, items = min(listing(store) for _ in range(3))
        before = rescan_per_page(store, pages)
    print(f"{count} sidecars, {pages} pages of {PAGE}, {items} listed")
    print(f"anchor: bare read of every sidecar once   {anchor:8.3f} s")
    print(f"listing (one scan, snapshot pages)       {whole:8.3f} s   {whole / anchor:6.1f}x anchor")
    print(f"former: a full scan for every page       {before:8.3f} s   {before / anchor:6.1f}x anchor")
    print(f"speed-up                                  {before / whole:8.1f}x")


if __name__ == "__main__":
    main()
