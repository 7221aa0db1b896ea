"""Issue 14, finding 10 (unknown role): a user row whose role was set by hand to something the application
does not know (a `manager`, say) refuses sign-in in Dutch, audited, and shows as invalid in `users list`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from nunrec_desktop.app import Services, open_services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import AuthenticationFailed, User
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring


def set_role_by_hand(services: Services, username: str, role: str) -> None:
    with services.engine.begin() as connection:
        connection.execute(
            text("UPDATE users SET role = :role WHERE username = :name"), {"role": role, "name": username}
        )


@pytest.mark.parametrize("role", ["manager", "", "COACH", "+31612345678"])
def test_sign_in_with_an_unknown_role_is_refused_in_dutch_and_audited(
    services: Services, coach: User, role: str
) -> None:
    set_role_by_hand(services, "marieke", role)
    with pytest.raises(AuthenticationFailed, match="rol die deze applicatie niet kent") as refused:
        services.auth.sign_in("marieke", TEST_PASSWORD)
    assert "IT" in str(refused.value)
    entry = services.audit.entries()[0]
    assert (entry.action, entry.actor, entry.result, entry.role) == ("auth.sign_in", "marieke", "denied", "")
    assert entry.detail.startswith("unknown role")
    assert "612345678" not in repr(services.audit.entries()) and "612345678" not in str(refused.value)
    assert services.audit.verify().intact


def test_a_wrong_password_on_such_an_account_says_only_wrong_credentials(services: Services, coach: User) -> None:
    set_role_by_hand(services, "marieke", "manager")
    with pytest.raises(AuthenticationFailed, match="Onjuiste gebruikersnaam of wachtwoord"):
        services.auth.sign_in("marieke", "wrong-password-123")


def test_unlock_of_a_session_whose_role_was_changed_is_refused(services: Services, coach: User) -> None:
    set_role_by_hand(services, "marieke", "manager")
    with pytest.raises(AuthenticationFailed, match="niet kent"):
        services.auth.unlock(coach, TEST_PASSWORD)


def test_users_list_marks_the_row_invalid(
    services: Services,
    coach: User,
    it_user: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    set_role_by_hand(services, "marieke", "manager")

    def run(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(
            [*args, "--workspace", str(workspace_dir)],
            Io(stdout=out, stderr=err, keyring_factory=lambda: keyring_backend, clock=clock),
        )
        return code, out.getvalue(), err.getvalue()

    code, out, err = run("users", "list", "--json")
    assert code == 0, err
    rows = {r["username"]: r for r in map(json.loads, out.splitlines())}
    assert rows["marieke"]["valid"] is False and rows["marieke"]["role"] == "manager"
    assert rows["dennis"]["valid"] is True and rows["dennis"]["role"] == "it"
    code, table, err = run("users", "list")
    assert code == 0, err
    line = next(line for line in table.splitlines() if line.startswith("marieke"))
    assert "ONGELDIG" in line and "manager" in line
    # Assigning employees to it is refused in Dutch, not with a traceback.
    code, _, err = run("employees", "add", "E1", "Anouk de Vries")
    code, _, err = run("employees", "assign", "E1", "--coach", "marieke", "--from", "2026-01-01")
    assert code == 1 and "onbekende rol" in err
    # IT repairs the row by hand; then it works again.
    set_role_by_hand(services, "marieke", "coach")
    again = open_services(workspace_dir, clock=clock, keyring_factory=lambda: keyring_backend)
    try:
        assert again.auth.sign_in("marieke", TEST_PASSWORD).username == "marieke"
    finally:
        again.close()
