"""Finding 10 of issue 14 (the command line): every path ends in one Dutch sentence and exit 1, never a
traceback; unexpected errors are logged with their traceback in the workspace log."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from nunrec_desktop.app import Services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import User
from nunrec_desktop.settings import Settings, create_workspace
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring


def nunrec(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nunrec_desktop", *args], input=stdin, capture_output=True, text=True, timeout=120
    )


def assert_one_dutch_sentence(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("nunrec: "), result.stderr
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture
def employee(services: Services, it_user: User) -> str:
    services.people.add_employee("E1", "Anouk de Vries")
    return "E1"


def test_erase_at_the_end_of_time(services: Services, it_user: User, workspace_dir: Path) -> None:
    result = nunrec(
        "erase", "--workspace", str(workspace_dir), "--user", "dennis", "--password-stdin",
        "--caller", "0612345678", "--around", "9999-12-31 23:59", stdin=TEST_PASSWORD + "\n",
    )  # fmt: skip
    assert_one_dutch_sentence(result, "buiten het bereik")


def test_erase_at_the_end_of_time_in_process(
    services: Services, it_user: User, workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring
) -> None:
    err = io.StringIO()
    code = main(
        ["erase", "--workspace", str(workspace_dir), "--user", "dennis", "--password-stdin",
         "--caller", "0612345678", "--around", "9999-12-31 23:59", "--window-minutes", "1440"],
        Io(stdin=io.StringIO(TEST_PASSWORD + "\n"), stdout=io.StringIO(), stderr=err, clock=clock,
           keyring_factory=lambda: keyring_backend),
    )  # fmt: skip
    assert code == 1 and "buiten het bereik" in err.getvalue()


def _subject_access(workspace_dir: Path, out: str) -> subprocess.CompletedProcess[str]:
    return nunrec(
        "subject-access", "--workspace", str(workspace_dir), "--user", "dennis", "--password-stdin",
        "--employee", "E1", "--out", out, stdin=TEST_PASSWORD + "\n",
    )  # fmt: skip


def test_out_into_proc_a_missing_or_unwritable_folder(
    services: Services, employee: str, workspace_dir: Path, tmp_path: Path
) -> None:
    assert_one_dutch_sentence(_subject_access(workspace_dir, "/proc/version"))
    assert_one_dutch_sentence(_subject_access(workspace_dir, "/proc/nunrec-inzage.pdf"), "kan niet worden geschreven")
    assert_one_dutch_sentence(_subject_access(workspace_dir, str(tmp_path / "nope" / "x.pdf")), "bestaat niet")
    assert_one_dutch_sentence(_subject_access(workspace_dir, str(tmp_path)), "is een map")


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, tiny file system, filled to the last byte (needs root for the mount)."""
    mount = tmp_path / "full"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        with (mount / "filler").open("wb", buffering=0) as handle:
            try:
                while True:
                    handle.write(b"x" * 512)
            except OSError:
                pass
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk(services: Services, employee: str, workspace_dir: Path, full_disk: Path) -> None:
    result = _subject_access(workspace_dir, str(full_disk / "inzage.pdf"))
    assert_one_dutch_sentence(result, "schijf is vol")
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]  # no part left behind
    anchored = nunrec("audit", "anchor", "--workspace", str(workspace_dir), "--out", str(full_disk / "anchors.jsonl"))
    assert anchored.returncode == 1 and "Traceback" not in anchored.stderr and "nunrec: " in anchored.stderr


def test_an_unexpected_error_is_one_sentence_and_a_logged_traceback(tmp_path: Path) -> None:
    workspace_dir = tmp_path / "own-sqlite"  # its own SQLite file in either pass, so that it can be spoiled
    create_workspace(workspace_dir, Settings())
    (workspace_dir / "nunrec.sqlite3").write_bytes(b"this is not a database, it was overwritten" * 100)
    result = nunrec("users", "list", "--workspace", str(workspace_dir))
    assert_one_dutch_sentence(result, "onverwachts", "logs")
    logged = (workspace_dir / "logs" / "nunrec.log").read_text(encoding="utf-8")
    assert "nunrec users failed unexpectedly" in logged and "Traceback" in logged and "DatabaseError" in logged
