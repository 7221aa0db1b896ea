"""Benchmark: opening a stereo 8 kHz call in the player, against anchors measured in the same run (issue 16).

Generates, in a temporary folder that is removed afterwards, a speech-like stereo call (4 generated minutes
repeated) as A-law, u-law and PCM16 WAV of 4, 15, 60 and 240 minutes, and a 60-minute MP3. Measures, as
min/median of several runs:

- open to painted waveform: `load(path)` (read, decode, summaries) plus the first paint of a 1920x300 view,
  against soundfile's bare decode of the same file to int16 (the anchor) [<= 1.5x and <= 150 ms at 60 min];
- MP3: the first view (first minute decoded, summarised, painted) [<= 150 ms], the whole decode against
  soundfile's one-call decode [<= 1.1x], and the alternative "decode all, then show" to a usable player;
- peak memory while opening (tracemalloc) against the int16 size [<= 1.5x];
- repaint of a 1920-px view (playhead moved, pixmap blitted) [<= 8 ms];
- cost per minute over 4, 15, 60 and 240 minutes (linear: the per-minute figure stays flat).
ffmpeg and audiowaveform are printed as extra anchors when installed; they are never dependencies.

    .venv/bin/python benchmarks/waveform.py [--runs 5] [--minutes 4,15,60,240] [--mp3-minutes 60]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import soundfile as sf
from PySide6.QtWidgets import QApplication

from nunrec_desktop.adapters.audio.decode import FIRST_VIEW_S, Loaded, load
from nunrec_desktop.demo.audio import can_write_mp3, synthesize_call
from nunrec_desktop.services.listening import OpenedRecording
from nunrec_desktop.ui.waveform_view import WaveformView

RATE = 8000


def runs(action: Callable[[], Any], count: int) -> tuple[float, float]:
    """(min, median) in milliseconds."""
    times = []
    for _ in range(count):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return min(times), statistics.median(times)


def fmt(pair: tuple[float, float]) -> str:
    return f"{pair[0]:8.1f} / {pair[1]:8.1f} ms"


def opened(loaded: Loaded, name: str) -> OpenedRecording:
    return OpenedRecording(
        name,
        datetime.now(UTC),
        loaded.audio.duration_s,
        "E1",
        (),
        ("employee", "caller"),
        loaded.audio,
        loaded.summary,
        True,
        "benchmark",
        None,
        ((0.0, loaded.audio.duration_s),),
    )  # type: ignore[arg-type]


def open_and_paint(path: Path, view: WaveformView, first_view_s: float | None = None) -> Loaded:
    loaded = load(path, path.stem, first_view_s=first_view_s)
    view.set_recording(opened(loaded, path.stem))
    view.grab()
    return loaded


def peak_ratio(path: Path, first_view_s: float | None = None) -> float:
    tracemalloc.start()
    loaded = load(path, path.stem, first_view_s=first_view_s)
    if loaded.audio.rest is not None:
        loaded = loaded.audio.rest.run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / loaded.audio.samples.nbytes


def tool(command: list[str], count: int) -> tuple[float, float] | None:
    if shutil.which(command[0]) is None:
        return None
    return runs(lambda: subprocess.run(command, check=True, capture_output=True), count)


def anchors(path: Path, count: int) -> None:
    ffmpeg = tool(["ffmpeg", "-v", "quiet", "-i", str(path), "-f", "s16le", "-y", "/dev/null"], count)
    waveform = tool(["audiowaveform", "-i", str(path), "-o", "/dev/null", "-z", "256", "--output-format", "dat"], count)
    for name, result in (("ffmpeg decode", ffmpeg), ("audiowaveform -z 256", waveform)):
        print(f"  {name + ' (anchor)':<34}{fmt(result) if result else '   not installed here'}")


def repaint_ms(view: WaveformView, count: int) -> tuple[float, float]:
    playhead = [0.0]

    def repaint() -> None:
        playhead[0] += 0.5
        view.set_playhead(playhead[0])
        view.grab()

    view.grab()
    return runs(repaint, count)


def full_repaint_ms(view: WaveformView, count: int) -> tuple[float, float]:
    """The static picture drawn again (after a zoom or a resize): lanes from the summaries, ruler."""

    def repaint() -> None:
        view._invalidate()
        view.grab()

    return runs(repaint, count)


def wav_series(folder: Path, call: np.ndarray, minutes: list[float], count: int, view: WaveformView) -> None:
    per_minute: dict[str, list[tuple[float, float]]] = {}
    for subtype in ("ALAW", "ULAW", "PCM_16"):
        for length in minutes:
            frames = int(length * 60 * RATE)
            path = folder / f"call-{subtype}-{length:g}.wav"
            reps = -(-frames // len(call))
            sf.write(path, np.tile(call, (reps, 1))[:frames], RATE, subtype=subtype)
            open_and_paint(path, view)  # warm: tables, fonts, the page cache
            anchor = runs(lambda p=path: sf.read(p, dtype="int16", always_2d=True), count)
            ours = runs(lambda p=path: open_and_paint(p, view), count)
            ratio = ours[0] / anchor[0]
            per_minute.setdefault(subtype, []).append((length, ours[0] / length))
            if length == 60 or len(minutes) == 1:
                size = path.stat().st_size / 1e6
                print(f"\n{subtype} WAV, {length:g} min stereo, {size:.0f} MB (min / median of {count})")
                print(f"  {'soundfile decode to int16 (anchor)':<34}{fmt(anchor)}")
                target = "   [<= 1.5x and <= 150 ms]" if length == 60 else ""
                print(f"  {'open to painted waveform':<34}{fmt(ours)}   {ratio:.2f}x anchor{target}")
                print(f"  {'peak memory / int16 size':<34}{peak_ratio(path):8.2f}x        [<= 1.5]")
                print(f"  {'repaint 1920 px, full picture':<34}{fmt(full_repaint_ms(view, 20))}   [<= 8 ms]")
                print(f"  {'repaint 1920 px, playhead moved':<34}{fmt(repaint_ms(view, 20))}")
                anchors(path, min(count, 3))
            path.unlink()
    print("\nlinear cost: open to painted waveform per minute of call (min of runs)")
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

    def soundfile_decode() -> None:
        with sf.SoundFile(path) as sound:
            sound.read(dtype="int16", always_2d=True)

    mp3_runs = max(2, min(count, 3))
    anchor = runs(soundfile_decode, mp3_runs)
    first = runs(lambda: open_and_paint(path, view, FIRST_VIEW_S), count)

    def whole_after_first() -> None:
        loaded = load(path, path.stem, first_view_s=FIRST_VIEW_S)
        assert loaded.audio.rest is not None
        loaded.audio.rest.run()

    whole = runs(whole_after_first, mp3_runs)
    at_once = runs(lambda: open_and_paint(path, view), mp3_runs)
    print(f"  {'soundfile one-call decode (anchor)':<34}{fmt(anchor)}")
    print(f"  {'first view (first minute, painted)':<34}{fmt(first)}   [<= 150 ms]")
    print(f"  {'first view + whole decode':<34}{fmt(whole)}   {whole[0] / anchor[0]:.2f}x anchor   [<= 1.1x]")
    print(f"  {'alternative: decode all, then show':<34}{fmt(at_once)}   (time to a usable player)")
    print(f"  {'peak memory / int16 size':<34}{peak_ratio(path, FIRST_VIEW_S):8.2f}x        [<= 1.5]")
    anchors(path, 2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--minutes", default="4,15,60,240")
    parser.add_argument("--mp3-minutes", type=float, default=60.0)
    parser.add_argument("--quick", action="store_true", help="one run of a 4-minute WAV and a short MP3 (CI)")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.minutes, args.mp3_minutes = 1, "4", 2 * FIRST_VIEW_S / 60
    minutes = [float(m) for m in args.minutes.split(",")]
    app = QApplication([])
    view = WaveformView()
    view.resize(1920 + 118, 300)  # a 1920-px wave area beside the lane labels
    call, _ = synthesize_call(1, 240.0, RATE)  # four minutes, repeated: the cost does not depend on the content
    with tempfile.TemporaryDirectory(prefix="nunrec-bench-") as name:
        folder = Path(name)
        wav_series(folder, call, minutes, args.runs, view)
        if args.mp3_minutes > 0:
            mp3_case(folder, call, args.mp3_minutes, args.runs, view)
    del view, app


if __name__ == "__main__":
    main()
