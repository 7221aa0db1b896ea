"""Erasure at a caller's request (P2): through both stores (the HTTP one against the local server), the
tombstone wins over a store that keeps listing the recording, and no caller number reaches the audit log."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from nunrec_desktop.app import Services, build_services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import AccessDenied, InvalidInput, User
from nunrec_desktop.settings import load_workspace
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.store_server import Behaviour, serve_store

CALLER = "+31612345678"
SPELLINGS = ("+31612345678", "0612345678", "06-12345678", "06 12345678", "612345678", "31612345678")


@pytest.fixture
def scene(services: Services, coach: User, clock: FakeClock) -> User:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    root = services.workspace.store_path
    add_recording(root, "rec-target", clock.now - timedelta(days=2), caller=CALLER)
    add_recording(root, "rec-other-caller", clock.now - timedelta(days=2, minutes=3), caller="+31687654321")
    add_recording(root, "rec-same-caller-later", clock.now - timedelta(days=1, hours=1), caller="0612345678")
    return coach


def test_find_and_erase_in_the_folder_store(services: Services, scene: User, it_user: User, clock: FakeClock) -> None:
    around = clock.now - timedelta(days=2, minutes=10)
    [candidate] = services.erasure.find(it_user, "06-12 34 56 78", around, window_minutes=30)
    assert candidate.recording_id == "rec-target" and candidate.employee_names == "Anouk de Vries"
    assert "+316" not in repr(candidate)
    services.erasure.erase(it_user, "rec-target", "VZ-2026-017")
    assert not list(services.workspace.store_path.rglob("rec-target.*"))
    assert "rec-target" not in [r.id for r in services.catalog.visible_for(scene).items]
    assert services.erasure.find(it_user, CALLER, around) == []


def test_the_tombstone_wins_over_a_store_that_still_lists_it(
    services: Services, scene: User, it_user: User, clock: FakeClock
) -> None:
    store_root = services.workspace.store_path
    sidecar = next(store_root.rglob("rec-target.json"))
    audio = next(p for p in store_root.rglob("rec-target.*") if p.suffix != ".json")
    keep_sidecar, keep_audio = sidecar.read_bytes(), audio.read_bytes()
    services.erasure.erase(it_user, "rec-target", "VZ-2026-018")
    sidecar.write_bytes(keep_sidecar)  # a store that "forgets" to delete, or a restored backup
    audio.write_bytes(keep_audio)
    assert "rec-target" not in [r.id for r in services.catalog.visible_for(scene).items]
    assert services.catalog.visible_for(scene).counts.erased == 1
    with pytest.raises(AccessDenied, match="op verzoek van de beller verwijderd"):
        services.listening.open(scene, "rec-target")


def test_erasure_through_the_http_store(
    services: Services,
    scene: User,
    it_user: User,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
    workspace_dir: Path,
) -> None:
    with serve_store(services.workspace.store_path, Behaviour()) as (url, behaviour):
        workspace = dataclasses.replace(
            load_workspace(workspace_dir),
            settings=dataclasses.replace(services.workspace.settings, store_kind="http", store_location=url),
        )
        over_http = build_services(workspace, clock=clock, keyring_factory=lambda: keyring_backend)
        over_http.store_credentials().set_token("test-token")
        try:
            [candidate] = over_http.erasure.find(it_user, CALLER, clock.now - timedelta(days=2))
            over_http.erasure.erase(it_user, candidate.recording_id, "VZ-2026-019")
        finally:
            over_http.close()
    assert behaviour.deleted == [("rec-target", {"reason": "erasure-request", "reference": "VZ-2026-019"})]
    assert "rec-target" in services.erasure.erased_ids()


def test_no_caller_number_in_the_audit_log_in_any_spelling(
    services: Services, scene: User, it_user: User, clock: FakeClock
) -> None:
    services.erasure.find(it_user, "06-12345678", clock.now - timedelta(days=2))
    services.erasure.erase(it_user, "rec-target", "VZ-2026-020")
    everything = json.dumps([dataclasses.astuple(e) for e in services.audit.entries()])
    for spelling in SPELLINGS:
        assert spelling not in everything
    erased = services.audit.entries(action="recordings.erased")[0]
    assert (erased.object_id, erased.purpose) == ("rec-target", "VZ-2026-020")


def test_bad_requests_are_refused(services: Services, scene: User, it_user: User, clock: FakeClock) -> None:
    with pytest.raises(InvalidInput, match="volledige telefoonnummer"):
        services.erasure.find(it_user, "0612", clock.now)
    with pytest.raises(InvalidInput, match="zonder telefoonnummer"):
        services.erasure.erase(it_user, "rec-target", "beller 0612345678")
    assert list(services.workspace.store_path.rglob("rec-target.*"))


def test_cli_lists_then_erases_exactly_one(
    services: Services,
    scene: User,
    it_user: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    around = (clock.now - timedelta(days=2)).astimezone().strftime("%Y-%m-%d %H:%M")

    def run(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(
            ["erase", "--workspace", str(workspace_dir), "--user", "dennis", "--password-stdin", *args],
            Io(
                stdin=io.StringIO(TEST_PASSWORD + "\n"),
                stdout=out,
                stderr=err,
                clock=clock,
                keyring_factory=lambda: keyring_backend,
            ),
        )
        return code, out.getvalue(), err.getvalue()

    code, out, _ = run("--caller", "06-12345678", "--around", around)
    assert code == 0 and "rec-target" in out and "Anouk de Vries" in out and "612345678" not in out
    code, _, err = run(
        "--caller", "06-12345678", "--around", around, "--window-minutes", "1440", "--yes", "--reference", "VZ-1"
    )
    assert code == 1 and "2 opnames gevonden" in err
    code, out, _ = run("--caller", "06-12345678", "--around", around, "--yes", "--reference", "VZ-2026-021")
    assert code == 0 and "is verwijderd" in out
    code, _, err = run("--caller", "06-12345678", "--around", "gisteren")
    assert code == 1 and "JJJJ-MM-DD UU:MM" in err
