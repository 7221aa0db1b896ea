"""`nunrec users ...`, `nunrec employees ...`, `nunrec store set-credentials` and `nunrec init`: exit codes,
Dutch messages, and what they leave behind (in-process through `cli.main`, and once as a real process).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from nunrec_desktop.cli import Io, main
from nunrec_desktop.settings import load_workspace
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring


class Run:
    def __init__(self, workspace: Path, clock: FakeClock, keyring: MemoryKeyring) -> None:
        self.workspace, self.clock, self.keyring = workspace, clock, keyring

    def __call__(self, *args: str, stdin: str = "") -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(
            [*args, "--workspace", str(self.workspace)],
            Io(
                stdin=io.StringIO(stdin),
                stdout=out,
                stderr=err,
                keyring_factory=lambda: self.keyring,
                clock=self.clock,
            ),
        )
        return code, out.getvalue(), err.getvalue()


@pytest.fixture
def run(workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring) -> Run:
    return Run(workspace_dir, clock, keyring_backend)


def test_add_list_disable_enable_passwd(run: Run) -> None:
    assert (
        run(
            "users",
            "add",
            "marieke",
            "--role",
            "coach",
            "--name",
            "Marieke Kok",
            "--password-stdin",
            stdin=TEST_PASSWORD + "\n",
        )[0]
        == 0
    )
    assert run("users", "add", "dennis", "--role", "it", "--password-stdin", stdin=TEST_PASSWORD + "\n")[0] == 0
    code, out, _ = run("users", "list", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [(r["username"], r["role"]) for r in rows] == [
        ("dennis", "it"),
        ("marieke", "coach"),
    ]
    assert run("users", "disable", "marieke")[0] == 0
    code, out, _ = run("users", "list")
    assert "uitgeschakeld" in out and "Marieke Kok" in out
    assert run("users", "enable", "marieke")[0] == 0
    assert run("users", "passwd", "marieke", "--password-stdin", stdin="another-long-password\n")[0] == 0
    _, out, _ = run("users", "list", "--json")
    assert all(not json.loads(line)["disabled"] for line in out.splitlines())


@pytest.mark.parametrize("role", ["manager", "leidinggevende", "Teamleider"])
def test_manager_roles_are_refused_citing_the_protocol(run: Run, role: str) -> None:
    code, _, err = run("users", "add", "henk", "--role", role, "--password-stdin", stdin=TEST_PASSWORD + "\n")
    assert code == 1 and "P5" in err and "leidinggevende" in err


@pytest.mark.parametrize("name", ["admin", "kcc", "team", "beheer", "kcc2"])
def test_generic_account_names_are_refused(run: Run, name: str) -> None:
    code, _, err = run("users", "add", name, "--role", "coach", "--password-stdin", stdin=TEST_PASSWORD + "\n")
    assert code == 1 and "gedeelde of algemene naam" in err


def test_bad_input_is_refused_in_dutch(run: Run) -> None:
    code, _, err = run("users", "add", "marieke", "--role", "coach", "--password-stdin", stdin="short\n")
    assert code == 1 and "minstens 12 tekens" in err
    code, _, err = run("users", "add", "marieke", "--role", "boss", "--password-stdin", stdin=TEST_PASSWORD + "\n")
    assert code == 1 and "Onbekende rol" in err
    code, _, err = run("users", "add", "marieke", "--role", "coach", "--password-stdin", stdin="")
    assert code == 1 and "geen wachtwoord" in err
    run("users", "add", "marieke", "--role", "coach", "--password-stdin", stdin=TEST_PASSWORD + "\n")
    code, _, err = run("users", "add", "marieke", "--role", "coach", "--password-stdin", stdin=TEST_PASSWORD + "\n")
    assert code == 1 and "bestaat al" in err
    code, _, err = run("users", "disable", "nobody")
    assert code == 1 and "geen gebruiker" in err


def test_passwd_lifts_a_lock_out(run: Run) -> None:
    from nunrec_desktop.app import open_services
    from nunrec_desktop.domain import AccountLocked, AuthenticationFailed

    run("users", "add", "marieke", "--role", "coach", "--password-stdin", stdin=TEST_PASSWORD + "\n")
    services = open_services(run.workspace, clock=run.clock, keyring_factory=lambda: run.keyring)
    try:
        for _ in range(5):
            with pytest.raises((AuthenticationFailed, AccountLocked)):
                services.auth.sign_in("marieke", "wrong-wrong-wrong")
        _, out, _ = run("users", "list")
        assert "vergrendeld tot" in out
        assert run("users", "passwd", "marieke", "--password-stdin", stdin="a-brand-new-password\n")[0] == 0
        assert services.auth.sign_in("marieke", "a-brand-new-password").username == "marieke"
    finally:
        services.close()


def test_user_admin_is_audited_under_the_os_account(run: Run) -> None:
    run("users", "add", "marieke", "--role", "coach", "--password-stdin", stdin=TEST_PASSWORD + "\n")
    from nunrec_desktop.app import open_services

    services = open_services(run.workspace, clock=run.clock, keyring_factory=lambda: run.keyring)
    try:
        change, entry = services.audit.entries()[:2]  # newest first: the change after the decision (issue 25)
    finally:
        services.close()
    assert entry.actor.startswith("os:") and entry.action == "users.administer" and entry.detail == "add"
    assert entry.object_id == "marieke"
    assert (change.actor, change.action, change.object_id) == (entry.actor, "users.added", "marieke")
    assert change.detail == "before none, after role coach, active"


def test_employees_and_assignments(run: Run) -> None:
    run("users", "add", "marieke", "--role", "coach", "--password-stdin", stdin=TEST_PASSWORD + "\n")
    run("users", "add", "dennis", "--role", "it", "--password-stdin", stdin=TEST_PASSWORD + "\n")
    assert run("employees", "add", "E1", "Anouk de Vries")[0] == 0
    assert run("employees", "assign", "E1", "--coach", "marieke", "--from", "2026-01-01")[0] == 0
    code, _, err = run("employees", "assign", "E1", "--coach", "dennis", "--from", "2026-01-01")
    assert code == 1 and "alleen aan een coach" in err
    code, out, _ = run("employees", "list", "--json")
    assert json.loads(out) == {"id": "E1", "name": "Anouk de Vries"}


def test_store_credentials_live_only_in_the_keyring(run: Run) -> None:
    token = "tsv-token-0123456789abcdef"
    code, out, _ = run("store", "set-credentials", "--password-stdin", stdin=token + "\n")
    assert code == 0 and "sleutelhanger" in out
    service = load_workspace(run.workspace).keyring_service
    assert run.keyring.secrets == {(service, "recording-store"): token}
    for path in run.workspace.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path
    assert run("store", "clear-credentials")[0] == 0
    assert run.keyring.secrets == {}


def test_missing_workspace_gives_a_clear_message(tmp_path: Path, clock: FakeClock) -> None:
    err = io.StringIO()
    code = main(["users", "list", "--workspace", str(tmp_path / "nowhere")], Io(stderr=err, clock=clock))
    assert code == 1 and "Geen nunrec-werkmap gevonden" in err.getvalue()


def test_broken_settings_give_a_clear_message(workspace_dir: Path, clock: FakeClock) -> None:
    (workspace_dir / "nunrec.toml").write_text("[retention]\nrecording_days = 45\n", encoding="utf-8")
    err = io.StringIO()
    code = main(["audit", "verify", "--workspace", str(workspace_dir)], Io(stderr=err, clock=clock))
    assert code == 1 and "tussen 1 en 30" in err.getvalue()


def test_init_creates_a_usable_workspace(tmp_path: Path, clock: FakeClock, database_url: str) -> None:
    out = io.StringIO()
    args = ["init", "--workspace", str(tmp_path / "new")]
    if database_url:
        args += ["--database-url", database_url]
    assert main(args, Io(stdout=out, clock=clock)) == 0
    assert (tmp_path / "new" / "nunrec.toml").is_file()
    assert load_workspace(tmp_path / "new").settings.database_url == database_url


@pytest.mark.smoke  # end to end: also in the PostgreSQL pass whatever fixtures it uses
def test_console_script_runs_as_a_real_process(workspace_dir: Path) -> None:
    nunrec = Path(sys.executable).with_name("nunrec")
    command = [str(nunrec)] if nunrec.exists() else [sys.executable, "-m", "nunrec_desktop"]
    added = subprocess.run(
        [
            *command,
            "users",
            "add",
            "marieke",
            "--role",
            "coach",
            "--password-stdin",
            "--workspace",
            str(workspace_dir),
        ],
        input=TEST_PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert added.returncode == 0, added.stderr
    refused = subprocess.run(
        [
            *command,
            "users",
            "add",
            "baas",
            "--role",
            "manager",
            "--password-stdin",
            "--workspace",
            str(workspace_dir),
        ],
        input=TEST_PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert refused.returncode == 1 and "P5" in refused.stderr
    usage = subprocess.run([*command, "users"], capture_output=True, text=True, timeout=300)
    assert usage.returncode == 2
