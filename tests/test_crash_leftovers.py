"""Finding 11 of issue 14: a demo or an export killed part-way (SIGKILL, a real process) leaves nothing that
looks valid: the unfinished demo is refused and rebuilt, the export's part is removed at the next start, and
nothing else is ever deleted."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from nunrec_desktop.adapters.leftovers import DEMO_UNFINISHED, PENDING_FOLDER, PendingParts
from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring

NUNREC = [sys.executable, "-m", "nunrec_desktop"]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def _wait_for(condition, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_a_killed_demo_is_refused_then_rebuilt(
    tmp_path: Path, qtbot: QtBot, clock: FakeClock, keyring_backend: MemoryKeyring
) -> None:
    root = tmp_path / "demo"
    child = subprocess.Popen(
        [*NUNREC, "demo", "--workspace", str(root), "--password-stdin", "--seed", "3"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert child.stdin is not None
    child.stdin.write(b"demo-wachtwoord-1\n")
    child.stdin.close()
    store = root / "recordings"
    # The full demo (about 70 calls) killed after a few: still writing calls when it dies.
    _wait_for(lambda: store.is_dir() and len(list(store.rglob("*.json"))) >= 5, 600, "the demo to write calls")
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert (root / "nunrec.toml").exists() and (root / DEMO_UNFINISHED).exists()  # looks like a workspace ...

    refused = subprocess.run(
        [*NUNREC, "users", "list", "--workspace", str(root)], capture_output=True, text=True, timeout=300
    )
    assert refused.returncode == 1 and "niet afgemaakt" in refused.stderr and "Traceback" not in refused.stderr

    from nunrec_desktop.gui import gui_controller

    controller = gui_controller(root, keyring_factory=lambda: keyring_backend, clock=clock)  # the GUI refuses it too
    qtbot.addWidget(controller.login)
    controller.start()
    qtbot.waitUntil(lambda: "niet afgemaakt" in controller.login.message.text(), timeout=10_000)
    assert not controller.login.button.isEnabled()
    controller.shutdown()

    rebuilt = subprocess.run(  # rebuilt as a small demo (issue 21: the full one only in the bundle's smoke test)
        [*NUNREC, "demo", "--workspace", str(root), "--password-stdin", "--seed", "3", "--calls", "8"],
        input="demo-wachtwoord-1\n",
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "niet afgemaakt" in rebuilt.stderr and "Demowerkmap aangemaakt" in rebuilt.stdout
    assert not (root / DEMO_UNFINISHED).exists()
    verified = subprocess.run(
        [*NUNREC, "audit", "verify", "--workspace", str(root)], capture_output=True, text=True, timeout=300
    )
    assert verified.returncode == 0, verified.stdout
    listed = subprocess.run(
        [*NUNREC, "users", "list", "--workspace", str(root), "--json"], capture_output=True, text=True, timeout=300
    )
    assert {json.loads(line)["username"] for line in listed.stdout.splitlines()} == {"coach", "coach2", "it"}


_SLOW_EXPORT = """
import sys, time
import nunrec_desktop.documents.pdf as documents
from nunrec_desktop.cli import main

real = documents.render_subject_access

def render_then_hang(data, path, fonts, check):
    real(data, path, fonts, check)  # the real document, in the real part file beside the target
    print("RENDERED", flush=True)
    time.sleep(120)  # the process is killed here, before the rename

documents.render_subject_access = render_then_hang
sys.exit(main(sys.argv[1:]))
"""


def test_a_killed_export_leaves_no_part_after_the_next_start(
    services: Services, it_user: User, workspace_dir: Path, tmp_path: Path
) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    exports = tmp_path / "exports"
    exports.mkdir()
    theirs = [exports / "notities.part", exports / ".nunrec-eigen.part", exports / "inzage.pdf.part"]
    for path in theirs:
        path.write_text("van de gebruiker")
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_EXPORT, "subject-access", "--workspace", str(workspace_dir), "--user", "dennis",
         "--password-stdin", "--employee", "E1", "--out", str(exports / "inzage.pdf")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(TEST_PASSWORD.encode() + b"\n")
    child.stdin.close()
    assert child.stdout.readline().strip() == b"RENDERED", child.stderr.read() if child.stderr else ""
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    ours = [p for p in exports.glob(".nunrec-*.part") if p not in theirs]
    assert len(ours) == 1 and ours[0].stat().st_size > 0  # what a killed export leaves behind
    assert len(list((workspace_dir / PENDING_FOLDER).glob("*.json"))) == 1
    assert not (exports / "inzage.pdf").exists()

    started = subprocess.run(
        [*NUNREC, "audit", "verify", "--workspace", str(workspace_dir)], capture_output=True, text=True, timeout=300
    )
    assert started.returncode == 0, started.stdout
    assert not ours[0].exists()
    assert all(path.read_text() == "van de gebruiker" for path in theirs)  # never anyone else's file
    assert list((workspace_dir / PENDING_FOLDER).glob("*.json")) == []
    assert "removed 1 stale export part" in (workspace_dir / "logs" / "nunrec.log").read_text(encoding="utf-8")


def test_a_running_export_and_foreign_paths_are_left_alone(tmp_path: Path) -> None:
    pending = PendingParts(tmp_path / PENDING_FOLDER)
    part = tmp_path / ".nunrec-abc123.part"
    part.write_text("half")
    with pending.tracking() as track:
        track(part)
        assert pending.sweep() == 0 and part.exists()  # this very process is still writing it
    # A stale marker that names a user's document (not our pattern) or a symlink: never deleted.
    document = tmp_path / "rapport.pdf"
    document.write_text("van de gebruiker")
    link = tmp_path / ".nunrec-link.part"
    link.symlink_to(document)
    (tmp_path / PENDING_FOLDER).mkdir(exist_ok=True)
    for index, path in enumerate((document, link)):
        marker = tmp_path / PENDING_FOLDER / f"m{index}.json"
        marker.write_text(json.dumps({"path": str(path), "pid": 999_999_999, "host": "elders"}))
        os.utime(marker, (time.time() - 3600, time.time() - 3600))
    assert pending.sweep() == 0
    assert document.read_text() == "van de gebruiker" and link.is_symlink()
