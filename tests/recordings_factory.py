"""Builds small folder stores with real (short, generated) audio for tests."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import numpy as np
import soundfile as sf

from nunrec_desktop.adapters.store.base import AudioInfo, RecordingMeta, Segment
from nunrec_desktop.adapters.store.folder import init_folder_store, write_recording

GENERAL = "+31341259911"


def tone_audio(
    seconds: float = 2.0, channels: int = 2, rate: int = 8000, fmt: str = "WAV", subtype: str = "ALAW"
) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    data = np.stack([0.3 * np.sin(2 * np.pi * (300 + 150 * c) * t) for c in range(channels)], axis=1)
    buffer = io.BytesIO()
    sf.write(buffer, data, rate, format=fmt, subtype=subtype)
    return buffer.getvalue()


def add_recording(
    root: Path,
    rec_id: str,
    start: datetime,
    *,
    employee: str = "E1",
    direction: str = "inbound",
    called: str = GENERAL,
    caller: str | None = "+31612345678",
    duration: float = 2.0,
    segments: tuple[Segment, ...] = (),
    audio: bytes | None = None,
    ext: str = "wav",
) -> RecordingMeta:
    init_folder_store(root)
    meta = RecordingMeta(
        id=rec_id,
        start=start,
        duration_s=duration,
        direction=direction,
        called_number=called,
        employee_id=employee,
        audio=AudioInfo(f"{rec_id}.{ext}", "wav/alaw", 8000, 2, ("employee", "caller")),
        segments=segments,
        caller_number=caller,
    )
    write_recording(root, meta, audio if audio is not None else tone_audio(duration))
    return meta
