"""Every store hands the player its audio the same way (`RecordingStore.audio_source`, issue 27): the
listening service asks no store for its type. The folder store's source is the pinned file with the sidecar
read beside it; the portal's fetches nothing before the access policy said yes."""

from __future__ import annotations

import ast
import dataclasses
import hashlib
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from nunrec_desktop.adapters.audio.decode import AudioLimits, OpenFile, decode
from nunrec_desktop.adapters.store.base import AudioMismatch, RecordingStore
from nunrec_desktop.adapters.store.folder import FolderStore
from nunrec_desktop.adapters.store.http import HttpStore
from nunrec_desktop.app import Services, build_services
from nunrec_desktop.domain import AccessDenied, User
from nunrec_desktop.settings import load_workspace
from tests.conftest import FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording, tone_audio
from tests.store_server import serve_store

SERVICES = Path(__file__).resolve().parent.parent / "nunrec_desktop" / "services"


def test_no_service_asks_a_store_for_its_kind() -> None:
    """No `isinstance(..., FolderStore | HttpStore)` and no import of a concrete store in services/."""
    offenders = []
    for path in sorted(SERVICES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in (
                "nunrec_desktop.adapters.store.folder",
                "nunrec_desktop.adapters.store.http",
            ):
                offenders.append(f"{path.name}: imports {node.module}")
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "isinstance":
                text = ast.unparse(node)
                if "FolderStore" in text or "HttpStore" in text:
                    offenders.append(f"{path.name}: {text}")
    assert offenders == []


def test_both_stores_are_recording_stores_with_an_audio_source(tmp_path: Path) -> None:
    stores: list[RecordingStore] = [FolderStore(tmp_path), HttpStore("https://portal.example/api", lambda: None)]
    assert all(callable(getattr(store, "audio_source", None)) for store in stores)
    stores[1].close()  # type: ignore[attr-defined]


def test_the_folder_source_is_the_pinned_file_and_checks_the_digest(
    services: Services, coach: User, clock: FakeClock
) -> None:
    root = services.workspace.store_path
    audio = tone_audio()
    add_recording(root, "rec-plain", clock.now - timedelta(hours=2), audio=audio)
    store = FolderStore(root)
    with store.audio_source("rec-plain") as source:
        assert source.meta is not None and source.meta.id == "rec-plain"
        read = source.read(source.meta, AudioLimits())
        assert isinstance(read, OpenFile)  # no digest: the decoder reads the opened file itself
    with_digest = dataclasses.replace(source.meta, sha256=hashlib.sha256(audio).hexdigest())
    with store.audio_source("rec-plain") as source:
        read = source.read(with_digest, AudioLimits())
        assert isinstance(read, np.ndarray) and read.tobytes() == audio  # read and checked in memory
        with pytest.raises(AudioMismatch):
            source.read(dataclasses.replace(with_digest, sha256="0" * 64), AudioLimits())


def test_over_http_nothing_is_downloaded_before_the_policy_said_yes(
    services: Services, coach: User, clock: FakeClock, keyring_backend: MemoryKeyring, workspace_dir: Path
) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.add_employee("E9", "Someone Else")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))  # E9 is not this coach's employee
    root = services.workspace.store_path
    audio = tone_audio()
    add_recording(root, "rec-mine", clock.now - timedelta(hours=2), audio=audio, employee="E1")
    add_recording(root, "rec-other", clock.now - timedelta(hours=3), audio=audio, employee="E9")
    with serve_store(root) as (url, behaviour):
        workspace = dataclasses.replace(
            load_workspace(workspace_dir),
            settings=dataclasses.replace(services.workspace.settings, store_kind="http", store_location=url),
        )
        over_http = build_services(workspace, clock=clock, keyring_factory=lambda: keyring_backend)
        over_http.store_credentials().set_token("test-token")
        try:
            with pytest.raises(AccessDenied):
                over_http.listening.open(coach, "rec-other")
            assert not [path for _, path, _ in behaviour.requests if path.endswith("/audio")]
            opened = over_http.listening.open(coach, "rec-mine")
            assert np.array_equal(opened.audio.samples, decode(audio, "x").samples)
            assert [path for _, path, _ in behaviour.requests if path.endswith("/audio")] == [
                "/api/v1/recordings/rec-mine/audio"
            ]
        finally:
            over_http.close()
