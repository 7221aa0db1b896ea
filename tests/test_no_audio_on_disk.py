"""No recording audio ever reaches the workstation's disk (P10): not in the workspace (outside the folder
store itself, which stands in for the vendor's data centre), not in the temp or cache folders; not while
playing, not after, and not after the process is killed in the middle of playing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from nunrec_desktop.adapters.audio.playback import ClockOutput, PlaybackEngine
from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from tests.conftest import FakeClock
from tests.recordings_factory import add_recording, tone_audio

MAGIC = (b"RIFF", b"ID3", b"fLaC", b"OggS")


def audio_files(*folders: Path, skip: Path | None = None) -> list[str]:
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if not path.is_file() or (skip is not None and skip in path.parents):
                continue
            content = path.read_bytes()
            found += [f"{path}: {magic!r}" for magic in MAGIC if magic in content]
    return found


PLAYER = """
import sys, time
from datetime import UTC, datetime
from pathlib import Path
from nunrec_desktop.app import open_services
from nunrec_desktop.adapters.audio.playback import ClockOutput, PlaybackEngine
from nunrec_desktop.clock import system_clock
services = open_services(Path(sys.argv[1]), clock=lambda: datetime.fromisoformat(sys.argv[3]),
                         keyring_factory=lambda: None)
coach = services.accounts.find("marieke")
opened = services.listening.open(coach, sys.argv[2])
engine = PlaybackEngine(opened.audio, ClockOutput(system_clock))
engine.on_start = lambda: services.listening.before_playback(coach, opened)
engine.play()
print("playing", flush=True)
while True:
    engine.output.pump()
    time.sleep(0.02)
"""


def test_no_audio_on_disk_while_playing_and_after_a_kill(
    services: Services, coach: User, clock: FakeClock, workspace_dir: Path, tmp_path: Path
) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    store = services.workspace.store_path
    add_recording(store, "rec-wav", clock.now - timedelta(days=1), duration=30.0, audio=tone_audio(30.0))
    assert audio_files(store), "the scanner must find the store's own audio, or it proves nothing"
    temp, cache = tmp_path / "tmp", tmp_path / "cache"
    temp.mkdir()
    cache.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "XDG_CACHE_HOME": str(cache), "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-c", PLAYER, str(workspace_dir), "rec-wav", clock.now.isoformat()],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "playing", process.stderr.read() if process.stderr else ""
        assert audio_files(workspace_dir, temp, cache, skip=store) == []  # during playback
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert audio_files(workspace_dir, temp, cache, skip=store) == []  # after the kill
    assert any(e.detail == "start; employees=E1" for e in services.audit.entries(action="recordings.play"))


def test_no_audio_on_disk_after_playing_in_process(
    services: Services, coach: User, clock: FakeClock, workspace_dir: Path
) -> None:
    import tempfile

    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    store = services.workspace.store_path
    add_recording(store, "rec-wav", clock.now - timedelta(days=1), duration=5.0, audio=tone_audio(5.0))
    before = set(Path(tempfile.gettempdir()).iterdir())
    opened = services.listening.open(coach, "rec-wav")
    engine = PlaybackEngine(opened.audio, ClockOutput(clock))
    engine.play()
    clock.advance(seconds=6)
    engine.output.pump()  # type: ignore[attr-defined]
    assert not engine.playing
    new_in_temp = [p for p in set(Path(tempfile.gettempdir()).iterdir()) - before if p.is_file()]
    assert audio_files(workspace_dir, skip=store) == []
    assert [p for p in new_in_temp if any(m in p.read_bytes()[:64] for m in MAGIC)] == []
