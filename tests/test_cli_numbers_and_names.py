"""Issue 20, finding 9 (CLI part): every numeric flag is a finite number in its range, and display names are
bounded and guarded like employee names. Through the real CLI entry point; Dutch messages, exit code 1."""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from sqlalchemy import select

from nunrec_desktop.adapters.db.models import AuditEntryRow, UserRow
from nunrec_desktop.cli import Io, main
from nunrec_desktop.settings import load_workspace
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring


def run(workspace: Path, clock: FakeClock, keyring: MemoryKeyring, *args: str, stdin: str = "") -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [*args, "--workspace", str(workspace)],
        Io(stdin=io.StringIO(stdin), stdout=out, stderr=err, clock=clock, keyring_factory=lambda: keyring),
    )
    return code, err.getvalue()


@pytest.fixture
def wav(tmp_path: Path) -> Path:
    path = tmp_path / "kort.wav"
    t = np.arange(8000) / 8000
    sf.write(path, (0.3 * np.sin(2 * math.pi * 440 * t) * 32767).astype(np.int16), 8000, subtype="PCM_16")
    return path


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0", "1e12"])
def test_check_audio_refuses_an_expected_duration_that_is_no_duration(
    workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring, wav: Path, value: str
) -> None:
    code, err = run(workspace_dir, clock, keyring_backend, "check-audio", str(wav), f"--expected-duration={value}")
    assert code == 1 and err.startswith("nunrec: --expected-duration moet een getal tussen") and "Traceback" not in err
    code, err = run(workspace_dir, clock, keyring_backend, "check-audio", str(wav), "--expected-duration", "1")
    assert code == 0, err


@pytest.mark.parametrize(
    ("flag", "value"),
    [
        ("--min-duration", "inf"),
        ("--min-duration", "nan"),
        ("--min-duration", "-5"),
        ("--count", "0"),
        ("--count", "51"),
        ("--count", "-1"),
        ("--seed", "-1"),
        ("--seed", "1000000000"),
    ],
)
def test_sample_refuses_numbers_out_of_range(
    workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring, flag: str, value: str
) -> None:
    args = {"--count": "4", "--min-duration": "60", "--seed": "1"}
    args[flag] = value
    flat = [f"{key}={given}" for key, given in args.items()]
    code, err = run(
        workspace_dir, clock, keyring_backend,
        "sample", "--user", "marieke", "--password-stdin", "--employee", "E1", *flat, stdin=TEST_PASSWORD + "\n",
    )  # fmt: skip
    assert code == 1 and err.startswith(f"nunrec: {flag} moet een getal tussen"), err


@pytest.mark.parametrize("value", ["0", "-30", "100000"])
def test_erase_refuses_a_window_out_of_range(
    workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring, value: str
) -> None:
    code, err = run(
        workspace_dir, clock, keyring_backend,
        "erase", "--user", "dennis", "--password-stdin", "--caller", "0612345678", "--around", "2026-11-20 09:00",
        f"--window-minutes={value}", stdin=TEST_PASSWORD + "\n",
    )  # fmt: skip
    assert code == 1 and "--window-minutes moet een getal tussen 1 en 1440 minuten" in err, err


def test_demo_refuses_a_negative_seed(tmp_path: Path, clock: FakeClock, keyring_backend: MemoryKeyring) -> None:
    code, err = run(tmp_path / "demo", clock, keyring_backend, "demo", "--seed=-1", "--password-stdin")
    assert code == 1 and "--seed moet een getal tussen" in err and "Traceback" not in err
    assert not (tmp_path / "demo").exists()


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("A" * 5000, "A" * 101),
        ("A" * 101, "A" * 101),
        ("Marieke 0612345678", "0612345678"),
        ("Marieke 06--12345678", "12345678"),
        ("Marieke \uff10\uff16\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18", "\uff11\uff12\uff13"),
        ("Marieke BSN 111222334", "111222334"),
        ("Marieke m.kok@example.nl", "example"),
        ("Marieke NL91ABNA0417164300", "0417164300"),
        ("Marieke 12-03-1985", "1985"),
        ("Marieke\nKok", "Marieke\nKok"),
    ],
)
def test_users_add_refuses_a_display_name_that_is_too_long_or_caller_data(
    workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring, name: str, secret: str
) -> None:
    code, err = run(
        workspace_dir, clock, keyring_backend,
        "users", "add", "marieke", "--role", "coach", "--name", name, "--password-stdin", stdin=TEST_PASSWORD + "\n",
    )  # fmt: skip
    assert code == 1 and err.startswith("nunrec: ") and "naam" in err.lower() and "Traceback" not in err, err
    assert secret not in err
    from nunrec_desktop.app import build_services

    services = build_services(load_workspace(workspace_dir), clock=clock, keyring_factory=lambda: keyring_backend)
    try:
        with services.sessions() as session:
            assert session.execute(select(UserRow)).scalars().all() == []
            texts = [repr(row.__dict__) for row in session.execute(select(AuditEntryRow)).scalars()]
        assert not any(secret in text for text in texts)
    finally:
        services.close()


def test_an_ordinary_display_name_of_100_characters_is_fine(
    workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring
) -> None:
    name = ("Marieke van den Berg-Kok " * 5)[:100].strip()
    code, err = run(
        workspace_dir, clock, keyring_backend,
        "users", "add", "marieke", "--role", "coach", "--name", name, "--password-stdin", stdin=TEST_PASSWORD + "\n",
    )  # fmt: skip
    assert code == 0, err


@pytest.mark.parametrize("username", ["bsn12345678", "kok.8071ab12", "sofi-111222334"])
def test_users_add_refuses_a_username_with_caller_data(
    workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring, username: str
) -> None:
    code, err = run(
        workspace_dir, clock, keyring_backend,
        "users", "add", username, "--role", "coach", "--password-stdin", stdin=TEST_PASSWORD + "\n",
    )  # fmt: skip
    assert code == 1 and "gebruikersnaam" in err.lower() and username not in err, err


@pytest.mark.parametrize("ids", ["-5", "0", "99999999999999999999999", "1,2,-3"])
def test_export_feedback_refuses_ids_that_are_no_database_ids(
    workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring, tmp_path: Path, ids: str
) -> None:
    with pytest.raises(SystemExit) as stopped:  # argparse: exit code 2, the message names the flag
        run(
            workspace_dir, clock, keyring_backend,
            "export-feedback", "--user", "marieke", "--password-stdin", "--employee", "E1",
            "--out", str(tmp_path / "x.pdf"), f"--evaluations={ids}", stdin=TEST_PASSWORD + "\n",
        )  # fmt: skip
    assert stopped.value.code == 2
