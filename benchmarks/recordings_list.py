"""Benchmark: the recordings list model with 100,000 rows (issue: load <= 400 ms, sort/filter <= 100 ms).

Anchors, measured in the same run: a plain sqlite3 fetch of the same 100,000 rows, and a plain list.sort
of the same keys. Prints ms and the ratio to the anchor. Run: .venv/bin/python benchmarks/recordings_list.py
[--quick] (--quick: 2,000 rows, one round: CI runs it so the benchmark cannot rot).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nunrec_desktop.adapters.store.base import AudioInfo
from nunrec_desktop.services.recordings import VisibleRecording
from nunrec_desktop.ui.recordings_model import RecordingFilter, RecordingsTableModel

ROWS = 100_000
REPEAT = 5
NAMES = [
    f"{first} {last}"
    for first in ("Anouk", "Bram", "Fatima", "Gerrit", "Ilse", "Joost", "Lotte", "Sanne")
    for last in ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Mulder")
]


def make_rows() -> list[VisibleRecording]:
    rng = random.Random(1)
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    audio = AudioInfo("x.wav", "wav/alaw", 8000, 2, ("employee", "caller"))
    rows = []
    for i in range(ROWS):
        employee = rng.randrange(len(NAMES))
        start = now - timedelta(seconds=rng.randrange(30 * 86_400))
        rows.append(
            VisibleRecording(
                id=f"rec-{i:08x}",
                start=start,
                duration_s=rng.uniform(30, 360),
                employee_ids=(f"E{employee}",),
                employee_names=NAMES[employee],
                expires_in_days=30 - (now - start).days,
                evaluated=rng.random() < 0.1,
                transferred=False,
                segments=(),
                audio=audio,
            )
        )
    rows.sort(key=lambda r: r.start, reverse=True)
    return rows


def best_of(action: Callable[[], object], repeat: int | None = None) -> float:
    times = []
    for _ in range(REPEAT if repeat is None else repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def sqlite_anchor(rows: list[VisibleRecording]) -> float:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE r (id TEXT, start TEXT, duration REAL, employee TEXT, names TEXT, expires INT, ev INT)")
    db.executemany(
        "INSERT INTO r VALUES (?,?,?,?,?,?,?)",
        [
            (
                r.id,
                r.start.isoformat(),
                r.duration_s,
                r.employee_ids[0],
                r.employee_names,
                r.expires_in_days,
                r.evaluated,
            )
            for r in rows
        ],
    )
    return best_of(lambda: db.execute("SELECT * FROM r").fetchall())


def main() -> None:
    global ROWS, REPEAT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 rows, one round (CI)")
    if parser.parse_args().quick:
        ROWS, REPEAT = 2_000, 1
    app = QApplication([])
    rows = make_rows()
    model = RecordingsTableModel()
    anchor_fetch = sqlite_anchor(rows)
    keys = [(r.employee_names.lower(), r.duration_s) for r in rows]
    anchor_sort = best_of(lambda: sorted(keys))

    load = best_of(lambda: model.set_recordings(rows))

    sort_duration = best_of(lambda: model.sort(1, Qt.SortOrder.DescendingOrder))
    sort_employee = best_of(lambda: model.sort(2, Qt.SortOrder.AscendingOrder))  # stable: then by duration
    by_employee = best_of(
        lambda: (model.set_filter(RecordingFilter()), model.set_filter(RecordingFilter(employee_id="E7")))
    )
    by_text = best_of(lambda: (model.set_filter(RecordingFilter()), model.set_filter(RecordingFilter(text="lotte sm"))))
    shown = model.rowCount()
    print(f"rows: {ROWS:,}   (python {'.'.join(map(str, __import__('sys').version_info[:3]))}, {os.cpu_count()} cpus)")
    print(f"{'action':<34}{'ms':>9}{'anchor ms':>11}{'ratio':>8}{'target ms':>11}")
    for name, ms, anchor, target in (
        ("load into model", load, anchor_fetch, 400),
        ("sort by duration", sort_duration, anchor_sort, 100),
        ("then by employee (two columns)", sort_employee, anchor_sort, 100),
        ("filter by employee (incl. reset)", by_employee, anchor_sort, 100),
        ("filter by text (incl. reset)", by_text, anchor_sort, 100),
    ):
        print(f"{name:<34}{ms:>9.1f}{anchor:>11.1f}{ms / anchor:>8.2f}{target:>11}  {'ok' if ms <= target else 'OVER'}")
    print("anchors: sqlite3 fetch of the same rows; list.sort of (employee, duration) keys")
    print(f"the text filter kept {shown} rows")
    del app


if __name__ == "__main__":
    main()
