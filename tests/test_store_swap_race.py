"""Issue 20 item 3: nothing in the folder store can be swapped under the player.

Whoever can rename folders in the store can swap a day (or month) folder for a symbolic link to a folder
outside the store between the store's check and the player's open. The player opens relative to the store
root's descriptor with no link followed at any level, reads the sidecar again beside the opened file (the
audit names that file's employee) and decodes from the descriptor. A real rename race proves it; a sidecar's
SHA-256 of its audio is verified on open, for the folder store and over HTTP.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
import threading
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from nunrec_desktop.adapters.audio.decode import decode
from nunrec_desktop.adapters.store import folder as folder_module
from nunrec_desktop.adapters.store.base import (
    AudioMismatch,
    MalformedMetadata,
    RecordingGone,
    StoreError,
    parse_metadata,
)
from nunrec_desktop.adapters.store.folder import FolderStore
from nunrec_desktop.app import Services, build_services
from nunrec_desktop.domain import NunrecError, User
from nunrec_desktop.settings import load_workspace
from tests.conftest import FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording, tone_audio
from tests.store_server import serve_store

POSIX = os.name == "posix"
pytestmark = pytest.mark.skipif(not POSIX, reason="symbolic links and dir_fd need POSIX here")


def _other_audio(seconds: float = 2.0) -> bytes:
    """Audio that cannot be mistaken for tone_audio: white noise."""
    import io

    import soundfile as sf

    rng = np.random.default_rng(7)
    buffer = io.BytesIO()
    sf.write(buffer, rng.uniform(-0.5, 0.5, (int(seconds * 8000), 2)), 8000, format="WAV", subtype="ALAW")
    return buffer.getvalue()


def _scene(services: Services, coach: User, clock: FakeClock, tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    """rec-1 (E1) in the store; outside the store a day folder and a month folder holding a rec-1 of E3 (also
    this coach's employee, so the policy would let it through) with other audio. Returns the store's day and
    month folders and the outside ones."""
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.add_employee("E3", "Chris Bakker")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    services.people.assign(coach.id, "E3", date(2026, 1, 1))
    root = services.workspace.store_path
    start = clock.now - timedelta(days=1)
    add_recording(root, "rec-1", start, employee="E1")
    day = root / f"{start.year:04d}" / f"{start.month:02d}" / f"{start.day:02d}"
    outside_store = tmp_path / "outside"
    add_recording(outside_store, "rec-1", start, employee="E3", audio=_other_audio())
    outside_day = outside_store / day.relative_to(root)
    return day, day.parent, outside_day, outside_day.parent


class _Swapper(threading.Thread):
    """Swaps a folder for a symbolic link to an outside folder and back, in a loop, until stopped."""

    def __init__(self, pairs: list[tuple[Path, Path]]) -> None:
        super().__init__(daemon=True)
        self.pairs = pairs
        self.stop = threading.Event()
        self.swaps = 0
        self.random = np.random.default_rng(20)

    def run(self) -> None:
        while not self.stop.is_set():
            for inside, outside in self.pairs:
                aside = inside.with_name(inside.name + ".real")
                os.rename(inside, aside)
                os.symlink(outside, inside)
                self.swaps += 1
                self.stop.wait(float(self.random.uniform(0, 0.0003)))
                os.unlink(inside)
                os.rename(aside, inside)
                # The genuine state lasts longer, so that many opens pass the store's check and the next swap
                # lands between the check and the open.
                self.stop.wait(float(self.random.uniform(0, 0.002)))


def test_a_rename_race_never_lets_the_player_decode_a_file_from_outside_the_store(
    services: Services, coach: User, clock: FakeClock, tmp_path: Path
) -> None:
    day, month, outside_day, outside_month = _scene(services, coach, clock, tmp_path)
    genuine = decode(tone_audio(), "rec-1").samples
    outside = decode(_other_audio(), "rec-1").samples
    assert not np.array_equal(genuine, outside)
    store = FolderStore(services.workspace.store_path)

    swapper = _Swapper([(day, outside_day), (month, outside_month)])
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # threads change hands often: a swap lands between any two steps of an open
    swapper.start()
    outcomes = {"opened": 0, "refused": 0, "gone": 0}
    try:
        # Many opens of the store's own path (the descriptor the player decodes from) ...
        for _ in range(1500):
            try:
                with store.open_audio("rec-1") as opened:
                    with os.fdopen(opened.descriptor, "rb", closefd=False) as handle:
                        data = handle.read()
                    assert opened.meta.employee_id == "E1"
            except RecordingGone:
                outcomes["gone"] += 1
                continue
            except StoreError:
                outcomes["refused"] += 1
                continue
            assert np.array_equal(decode(data, "rec-1").samples, genuine)
            outcomes["opened"] += 1
        # ... and the whole player path (access, audit, decoding) until it opened 10 times.
        attempts = 0
        while outcomes.get("player opened", 0) < 10 and attempts < 2000:
            attempts += 1
            try:
                opened_recording = services.listening.open(coach, "rec-1")
            except NunrecError:
                outcomes["player refused"] = outcomes.get("player refused", 0) + 1
                continue
            outcomes["player opened"] = outcomes.get("player opened", 0) + 1
            assert opened_recording.employee_id == "E1"
            assert np.array_equal(opened_recording.audio.samples, genuine)
    finally:
        swapper.stop.set()
        swapper.join(timeout=120)
        sys.setswitchinterval(interval)
    assert not swapper.is_alive()
    assert swapper.swaps > 0 and outcomes["opened"] > 0 and outcomes.get("player opened", 0) > 0, outcomes
    plays = [e for e in services.audit.entries(action="recordings.play") if e.result == "allowed"]
    assert plays and all(e.detail.endswith("employees=E1") for e in plays)  # never the outside file's E3
    # After the race the recording opens as ever.
    assert np.array_equal(services.listening.open(coach, "rec-1").audio.samples, genuine)


@pytest.mark.parametrize("pinned", [True, False], ids=["posix-dir-fd", "windows-fstat-identity"])
@pytest.mark.parametrize("level", ["day", "month"])
def test_a_folder_swapped_between_check_and_open_is_refused_on_both_paths(
    services: Services,
    coach: User,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    pinned: bool,
    level: str,
) -> None:
    """Deterministic: the swap happens right after the store's check, before its open. The POSIX path never
    follows the link; the Windows path (no dir_fd) opens it and refuses on the fstat identity."""
    day, month, outside_day, outside_month = _scene(services, coach, clock, tmp_path)
    inside, outside = (day, outside_day) if level == "day" else (month, outside_month)
    monkeypatch.setattr(folder_module, "PINNED_OPEN", pinned)
    store = FolderStore(services.workspace.store_path)
    checked = store._locate

    def check_then_swap(recording_id: str, *, require_audio: bool = True) -> object:
        entry = checked(recording_id, require_audio=require_audio)
        os.rename(inside, inside.with_name(inside.name + ".real"))
        os.symlink(outside, inside)
        return entry

    monkeypatch.setattr(store, "_locate", check_then_swap)
    with pytest.raises(StoreError, match="veranderd sinds hij werd gecontroleerd"):
        store.open_audio("rec-1")
    monkeypatch.setattr(store, "_locate", checked)
    os.unlink(inside)
    os.rename(inside.with_name(inside.name + ".real"), inside)
    with store.open_audio("rec-1") as opened:
        assert opened.meta.employee_id == "E1"


def _set_digest(root: Path, rec_id: str, digest: str) -> None:
    [sidecar] = root.rglob(f"{rec_id}.json")
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    data["sha256"] = digest
    sidecar.write_text(json.dumps(data), encoding="utf-8")


def test_the_sidecars_sha256_is_verified_on_open(services: Services, coach: User, clock: FakeClock) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    root = services.workspace.store_path
    audio = tone_audio()
    add_recording(root, "rec-ok", clock.now - timedelta(hours=2), audio=audio)
    add_recording(root, "rec-bad", clock.now - timedelta(hours=3), audio=audio)
    _set_digest(root, "rec-ok", hashlib.sha256(audio).hexdigest().upper())  # case is ignored
    _set_digest(root, "rec-bad", hashlib.sha256(audio + b"x").hexdigest())
    assert services.listening.open(coach, "rec-ok").audio.frames > 0
    with pytest.raises(AudioMismatch, match="controlewaarde SHA-256 klopt niet"):
        services.listening.open(coach, "rec-bad")


def test_a_malformed_sha256_makes_the_record_malformed() -> None:
    record = {
        "id": "r1",
        "start": "2026-11-20T09:00:00Z",
        "duration_s": 2,
        "direction": "inbound",
        "called_number": "+31341259911",
        "employee_id": "E1",
        "audio": {"file": "r1.wav", "format": "wav/alaw", "sample_rate": 8000, "channels": 2, "channel_map": []},
    }
    assert parse_metadata({**record, "sha256": "AB" * 32}).sha256 == "ab" * 32
    for wrong in ("ab" * 31, "zz" * 32, 5, ["ab" * 32]):
        with pytest.raises(MalformedMetadata, match="sha256"):
            parse_metadata({**record, "sha256": wrong})


def test_over_http_the_audio_still_opens_and_a_wrong_sha256_is_refused(
    services: Services, coach: User, clock: FakeClock, keyring_backend: MemoryKeyring, workspace_dir: Path
) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    root = services.workspace.store_path
    audio = tone_audio()
    add_recording(root, "rec-ok", clock.now - timedelta(hours=2), audio=audio)
    add_recording(root, "rec-plain", clock.now - timedelta(hours=4), audio=audio)
    add_recording(root, "rec-bad", clock.now - timedelta(hours=3), audio=audio)
    _set_digest(root, "rec-ok", hashlib.sha256(audio).hexdigest())
    _set_digest(root, "rec-bad", "0" * 64)
    with serve_store(root) as (url, _):
        workspace = dataclasses.replace(
            load_workspace(workspace_dir),
            settings=dataclasses.replace(services.workspace.settings, store_kind="http", store_location=url),
        )
        over_http = build_services(workspace, clock=clock, keyring_factory=lambda: keyring_backend)
        over_http.store_credentials().set_token("test-token")
        try:
            genuine = decode(audio, "x").samples
            assert np.array_equal(over_http.listening.open(coach, "rec-ok").audio.samples, genuine)
            assert np.array_equal(over_http.listening.open(coach, "rec-plain").audio.samples, genuine)
            with pytest.raises(AudioMismatch):
                over_http.listening.open(coach, "rec-bad")
        finally:
            over_http.close()
