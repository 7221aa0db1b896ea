"""Benchmark: opening a 60-minute stereo call in the player (issue targets in brackets).

Generates, in a temporary folder that is removed afterwards, a 60-minute stereo 8 kHz A-law WAV and the
same call as MP3, then measures: bytes read from disk, decode, summaries, first full paint of a 1920x300
waveform (offscreen), a repaint with the playhead, and the memory held by the open call. Anchors, in the
same run: plain reading of the file's bytes and, where installed, ffmpeg decoding the same file to null.

    .venv/bin/python benchmarks/waveform.py [--minutes 60]

Targets: WAV open-to-waveform <= 150 ms; MP3 decode <= 1.0x ffmpeg; repaint <= 8 ms; playhead frame <= 1 ms;
memory for the open call <= 2.5x its int16 size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from nunrec_desktop.services.audio import WaveformSummary, decode
from nunrec_desktop.services.demo_audio import encode, synthesize_call
from nunrec_desktop.services.listening import OpenedRecording
from nunrec_desktop.ui.waveform_view import WaveformView


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return (time.perf_counter() - started) * 1000, result


def best(action: Callable[[], Any], repeat: int = 5) -> float:
    return min(timed(action)[0] for _ in range(repeat))


def ffmpeg_ms(path: Path) -> float | None:
    if shutil.which("ffmpeg") is None:
        return None
    command = ["ffmpeg", "-v", "quiet", "-i", str(path), "-f", "s16le", "-y", "/dev/null"]
    return min(timed(lambda: subprocess.run(command, check=True))[0] for _ in range(3))


def measure(path: Path, app: QApplication) -> dict[str, float | None]:
    read_ms = best(lambda: path.read_bytes(), 3)
    data = path.read_bytes()
    decode_ms = best(lambda: decode(data, path.name), 3)
    audio = decode(data, path.name)
    summary_ms = best(lambda: WaveformSummary.build(audio.samples), 3)
    tracemalloc.start()
    opened_audio = decode(data, path.name)
    summary = WaveformSummary.build(opened_audio.samples)
    held, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    opened = OpenedRecording(
        path.stem,
        datetime.now(UTC),
        audio.duration_s,
        "E1",
        (),
        ("employee", "caller"),
        opened_audio,
        summary,
        True,
        "benchmark",
        None,
        ((0.0, audio.duration_s),),
    )  # type: ignore[arg-type]
    view = WaveformView()
    view.resize(1920, 300)
    view.set_recording(opened)

    def first_paint() -> None:
        view._invalidate()
        view.grab()

    paint_ms = best(first_paint)
    view.grab()
    playhead = [0.0]

    def repaint() -> None:
        playhead[0] += 0.5
        view.set_playhead(playhead[0])
        view.grab()

    repaint_ms = best(repaint, 20)
    cached = view._cache
    assert cached is not None

    def playhead_frame() -> None:  # what one playhead frame costs: blit the cached pixmap, draw the overlay
        from PySide6.QtGui import QImage, QPainter

        image = QImage(1920, 300, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        painter.drawPixmap(0, 0, cached)
        view._paint_dynamic(painter)
        painter.end()

    frame_ms = best(playhead_frame, 20)
    int16_bytes = opened_audio.samples.nbytes
    return {
        "bytes": float(len(data)),
        "read": read_ms,
        "decode": decode_ms,
        "summaries": summary_ms,
        "open_to_waveform": read_ms + decode_ms + summary_ms + paint_ms,
        "first_paint": paint_ms,
        "repaint": repaint_ms,
        "playhead_frame": frame_ms,
        "memory_ratio": held / int16_bytes,
        "ffmpeg": ffmpeg_ms(path),
        "seconds": audio.duration_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=60.0)
    minutes = parser.parse_args().minutes
    app = QApplication([])
    with tempfile.TemporaryDirectory(prefix="nunrec-bench-") as folder:
        samples, _ = synthesize_call(1, minutes * 60, 8000)
        wav, mp3 = Path(folder) / "call.wav", Path(folder) / "call.mp3"
        wav.write_bytes(encode(samples, 8000, "WAV", "ALAW"))
        mp3.write_bytes(encode(samples, 8000, "MP3", "MPEG_LAYER_III"))
        del samples
        for path in (wav, mp3):
            r = measure(path, app)
            print(f"\n{path.name}: {r['seconds'] / 60:.0f} min stereo, {r['bytes'] / 1e6:.1f} MB on disk")
            print(f"  read bytes (anchor)      {r['read']:8.1f} ms")
            ratio = r["decode"] / r["read"] if r["read"] else float("nan")  # type: ignore[operator]
            print(f"  decode (int16)           {r['decode']:8.1f} ms   {ratio:6.1f}x read")
            if r["ffmpeg"] is not None:
                print(
                    f"  ffmpeg decode (anchor)   {r['ffmpeg']:8.1f} ms   ours/ffmpeg {r['decode'] / r['ffmpeg']:.2f}"
                    "   [MP3 target <= 1.0]"
                )  # type: ignore[operator]
            else:
                print("  ffmpeg decode (anchor)   not installed here")
            print(f"  summaries                {r['summaries']:8.1f} ms")
            print(f"  first paint 1920x300     {r['first_paint']:8.1f} ms")
            target = "   [WAV target <= 150]" if path.suffix == ".wav" else ""
            print(f"  open to waveform         {r['open_to_waveform']:8.1f} ms{target}")
            print(f"  repaint with playhead    {r['repaint']:8.2f} ms   [target <= 8]")
            print(f"  playhead frame (blit)    {r['playhead_frame']:8.3f} ms   [target <= 1]")
            print(f"  memory held / int16 size {r['memory_ratio']:8.2f}      [target <= 2.5]")
    del app


if __name__ == "__main__":
    main()
