"""Benchmark: opening a stereo 8 kHz call in the player as the coach gets it, measures included, against
anchors measured in the same run and interleaved with it (issues 16 and 23). Each goal is printed with whether
the paired median meets it, and a summary of the goals not met ends the run.

Generates, in a temporary folder that is removed afterwards, a speech-like stereo call (4 generated minutes
repeated) as A-law, u-law and PCM16 WAV of 4, 15, 60 and 240 minutes, and a 60-minute MP3. Every figure is
min / median of several runs; each run of ours is paired with a run of its anchor right before it (the
machine is shared, so only ratios within a pair mean something), and the ratio is shown both as min/min
and as the median of the paired ratios:

- open as the coach gets it: `open_recording` (read, decode, summaries, the first paint of a 1920x300 view,
  then the call measures computed and drawn) against soundfile's bare decode of the same file to int16
  [first paint and measures shown <= 1.5x]; the measures' own share of it [<= 20 %];
- repaint of the 1920-px view with the measures shown (the static picture drawn again, as after a zoom) at
  every zoom from the whole call down to 2 s, against an empty repaint of a view of the same size
  [<= 8 ms at every zoom];
- MP3: the first view (first minute decoded, painted) and the whole decode after it, against soundfile's
  one-call decode [whole <= 1.1x];
- peak memory while opening (tracemalloc) against the int16 size [<= 1.5x];
- cost per minute over the lengths (linear: the per-minute figure stays flat).

    .venv/bin/python benchmarks/waveform.py [--runs 5] [--minutes 4,15,60,240] [--mp3-minutes 60]
    .venv/bin/python benchmarks/waveform.py --quick      # a small round for CI: 4 minutes, 2-minute MP3
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import soundfile as sf
from PySide6.QtWidgets import QApplication

from nunrec_desktop.adapters.audio.decode import FIRST_VIEW_S, Loaded, load
from nunrec_desktop.demo.audio import can_write_mp3, synthesize_call
from nunrec_desktop.services.listening import OpenedRecording, call_metrics
from nunrec_desktop.ui.waveform_view import WaveformView

RATE = 8000
LANES = ("employee", "caller")


GOALS: list[tuple[str, bool]] = []  # every goal judged in this run: (what, met)


def judged(what: str, value: float, limit: float, shown: str) -> str:
    """`[<= limit]` with whether the figure (a median) meets it; remembered for the summary at the end."""
    met = value <= limit
    GOALS.append((what, met))
    return f"[{shown}: {'met' if met else 'NOT met'}]"


@dataclass
class Pairs:
    """Interleaved timings (ms) of an anchor and of ours."""

    anchor: list[float]
    ours: list[float]

    def ratio(self) -> float:
        return statistics.median(o / a for a, o in zip(self.anchor, self.ours, strict=True))

    def line(self, name: str, limit: float | None = None, what: str = "") -> str:
        goal = "" if limit is None else "   " + judged(f"{what}: {name}", self.ratio(), limit, f"<= {limit:g}x")
        return (
            f"  {name:<40}{fmt(self.ours)}   {min(self.ours) / min(self.anchor):5.2f}x min/min, "
            f"{self.ratio():5.2f}x paired median{goal}"
        )


def timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def interleaved(anchor: Callable[[], Any], ours: Callable[[], Any], count: int) -> Pairs:
    pairs = Pairs([], [])
    for _ in range(count):
        pairs.anchor.append(timed(anchor))
        pairs.ours.append(timed(ours))
    return pairs


def fmt(times: list[float]) -> str:
    return f"{min(times):8.1f} / {statistics.median(times):8.1f} ms"


def opened(loaded: Loaded, name: str) -> OpenedRecording:
    return OpenedRecording(
        name,
        datetime.now(UTC),
        loaded.audio.duration_s,
        "E1",
        (),
        LANES,
        loaded.audio,
        loaded.summary,
        True,
        "benchmark",
        None,  # type: ignore[arg-type]
        ((0.0, loaded.audio.duration_s),),
    )


@dataclass
class CoachOpen:
    """Milestones (ms from the start) of one open as the coach gets it."""

    painted: float = 0.0
    measured: float = 0.0
    shown: float = 0.0


def open_recording(path: Path, view: WaveformView, first_view_s: float | None = FIRST_VIEW_S) -> CoachOpen:
    """What the player does: decode, paint the waveform, then compute the measures and show them."""
    started = time.perf_counter()
    marks = CoachOpen()
    loaded = load(path, path.stem, first_view_s=first_view_s)
    recording = opened(loaded, path.stem)
    view.set_recording(recording)
    view.grab()
    marks.painted = (time.perf_counter() - started) * 1000
    if loaded.audio.rest is not None:
        loaded = loaded.audio.rest.run()
        recording = replace(recording, audio=loaded.audio, summary=loaded.summary)
    metrics = call_metrics(loaded.audio, LANES)
    marks.measured = (time.perf_counter() - started) * 1000
    view.replace_recording(replace(recording, metrics=metrics))
    view.grab()
    marks.shown = (time.perf_counter() - started) * 1000
    return marks


def peak_ratio(path: Path, first_view_s: float | None = None) -> float:
    tracemalloc.start()
    loaded = load(path, path.stem, first_view_s=first_view_s)
    if loaded.audio.rest is not None:
        loaded = loaded.audio.rest.run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / loaded.audio.samples.nbytes


def soundfile_decode(path: Path) -> None:
    with sf.SoundFile(path) as sound:
        sound.read(dtype="int16", always_2d=True)


def zooms(frames: int) -> list[float]:
    """Fractions of the call on screen: the whole call, then a quarter at a time down to 2 s."""
    fractions, fraction = [], 1.0
    while fraction * frames / RATE > 2.0:
        fractions.append(fraction)
        fraction /= 4
    return [*fractions, 2.0 * RATE / frames]


def repaint_series(view: WaveformView, empty: WaveformView, frames: int, count: int) -> tuple[float, float, str]:
    """Worst min and worst median over the zooms of a full repaint with the measures, and the worst zoom."""
    worst = (0.0, 0.0, "")

    def repaint() -> None:
        view._invalidate()
        view.grab()

    def empty_repaint() -> None:
        empty._invalidate()
        empty.grab()

    for fraction in zooms(frames):
        span = max(int(fraction * frames), 2 * RATE)
        first = (frames - span) // 2
        view._set_view(first, first + span)
        view.grab()
        pairs = interleaved(empty_repaint, repaint, count)
        low, middle = min(pairs.ours), statistics.median(pairs.ours)
        if middle > worst[1]:
            worst = (low, middle, f"{span / RATE:.0f} s on screen")
    view.show_all()
    return worst


def wav_series(folder: Path, call: np.ndarray, minutes: list[float], count: int, view: WaveformView) -> None:
    per_minute: dict[str, list[tuple[float, float]]] = {}
    empty = WaveformView()
    empty.resize(view.size())
    for subtype in ("ALAW", "ULAW", "PCM_16"):
        for length in minutes:
            frames = int(length * 60 * RATE)
            path = folder / f"call-{subtype}-{length:g}.wav"
            reps = -(-frames // len(call))
            sf.write(path, np.tile(call, (reps, 1))[:frames], RATE, subtype=subtype)
            open_recording(path, view)  # warm: tables, fonts, the page cache
            anchor: list[float] = []
            marks: list[CoachOpen] = []
            for _ in range(count):
                anchor.append(timed(lambda p=path: soundfile_decode(p)))
                marks.append(open_recording(path, view))
            painted = Pairs(anchor, [m.painted for m in marks])
            shown = Pairs(anchor, [m.shown for m in marks])
            share = [(m.measured - m.painted) / m.painted for m in marks]
            per_minute.setdefault(subtype, []).append((length, min(shown.ours) / length))
            size = path.stat().st_size / 1e6
            print(f"\n{subtype} WAV, {length:g} min stereo, {size:.0f} MB (min / median of {count}, interleaved)")
            print(f"  {'soundfile decode to int16 (anchor)':<40}{fmt(anchor)}")
            what = f"{subtype} {length:g} min"
            print(painted.line("open to painted waveform", 1.5, what))
            print(shown.line("open to measures shown", 1.5, what))
            middle_share = statistics.median(share)
            print(
                f"  {'measures computed, share of the open':<40}{min(share):8.0%} / {middle_share:8.0%}      "
                + judged(f"{what}: measures' share of the open", middle_share, 0.20, "<= 20 %")
            )
            low, middle, where = repaint_series(view, empty, frames, max(10, count * 2))
            print(
                f"  {'repaint 1920 px with measures, worst zoom':<40}{low:8.1f} / {middle:8.1f} ms   "
                f"({where})   " + judged(f"{what}: repaint with measures", middle, 8.0, "<= 8 ms")
            )
            empty_times = [timed(lambda: (empty._invalidate(), empty.grab())) for _ in range(10)]
            print(f"  {'empty repaint (anchor)':<40}{fmt(empty_times)}")
            if length == 60 or len(minutes) == 1:
                peak = peak_ratio(path)
                print(
                    f"  {'peak memory / int16 size':<40}{peak:8.2f}x        "
                    + judged(f"{what}: peak memory", peak, 1.5, "<= 1.5")
                )
            path.unlink()
    print("\nlinear cost: open to measures shown per minute of call (min of runs)")
    for subtype, points in per_minute.items():
        cells = "  ".join(f"{length:g} min: {ms:6.2f} ms/min" for length, ms in points)
        print(f"  {subtype:<7} {cells}")


def mp3_case(folder: Path, call: np.ndarray, length: float, count: int, view: WaveformView) -> None:
    if not can_write_mp3():
        print("\nMP3: this libsndfile cannot write MP3; skipped")
        return
    frames = int(length * 60 * RATE)
    path = folder / f"call-{length:g}.mp3"
    print(f"\nMP3 {length:g} min stereo 32 kbps: encoding (once, takes a while) ...", flush=True)
    reps = -(-frames // len(call))
    sf.write(path, np.tile(call, (reps, 1))[:frames], RATE, format="MP3", subtype="MPEG_LAYER_III")

    def whole_after_first() -> None:
        loaded = load(path, path.stem, first_view_s=FIRST_VIEW_S)
        if loaded.audio.rest is not None:
            loaded.audio.rest.run()

    mp3_runs = max(3, min(count, 5))
    anchor: list[float] = []
    marks: list[CoachOpen] = []
    whole: list[float] = []
    for _ in range(mp3_runs):
        anchor.append(timed(lambda: soundfile_decode(path)))
        whole.append(timed(whole_after_first))
        marks.append(open_recording(path, view))
    print(f"  {'soundfile one-call decode (anchor)':<40}{fmt(anchor)}")
    first_view = [m.painted for m in marks]
    what = f"MP3 {length:g} min"
    print(
        f"  {'first view (first minute, painted)':<40}{fmt(first_view)}   "
        + judged(f"{what}: first view", statistics.median(first_view), 150.0, "<= 150 ms")
    )
    print(Pairs(anchor, whole).line("first view + whole decode", 1.1, what))
    print(Pairs(anchor, [m.shown for m in marks]).line("open to measures shown"))
    peak = peak_ratio(path, FIRST_VIEW_S)
    print(
        f"  {'peak memory / int16 size':<40}{peak:8.2f}x        " + judged(f"{what}: peak memory", peak, 1.5, "<= 1.5")
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--minutes", default="4,15,60,240")
    parser.add_argument("--mp3-minutes", type=float, default=60.0)
    parser.add_argument("--quick", action="store_true", help="a small round (CI): 4 minutes, a 2-minute MP3")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.minutes, args.mp3_minutes = 3, "4", 2.0
    minutes = [float(m) for m in args.minutes.split(",")]
    load_average = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} cores, load average {load_average:.2f} at the start")
    app = QApplication([])
    view = WaveformView()
    view.resize(1920 + 118, 300)  # a 1920-px wave area beside the lane labels
    call, _ = synthesize_call(1, 240.0, RATE)  # four minutes, repeated: the cost does not depend on the content
    with tempfile.TemporaryDirectory(prefix="nunrec-bench-") as name:
        folder = Path(name)
        wav_series(folder, call, minutes, args.runs, view)
        if args.mp3_minutes > 0:
            mp3_case(folder, call, args.mp3_minutes, args.runs, view)
    if hasattr(os, "getloadavg"):
        print(f"\nload average {os.getloadavg()[0]:.2f} at the end")
    missed = [what for what, met in GOALS if not met]
    print(f"\ngoals (paired medians): {len(GOALS) - len(missed)} of {len(GOALS)} met")
    for what in missed:
        print(f"  NOT met: {what}")
    del view, app


if __name__ == "__main__":
    main()
