"""Issue 14, findings 3 and 4 (first bullet): ids are validated where they enter, every audit field is
checked, and employee and assignment changes (which decide access) go through the policy and the audit log.
"""

from __future__ import annotations

import ast
import hashlib
import io
import random
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from nunrec_desktop.adapters.db.models import AuditEntryRow, EmployeeRow
from nunrec_desktop.app import Services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import AccessDenied, AuditResult, InvalidInput, NunrecError, Role, User
from nunrec_desktop.services.audit import AuditFieldRefused
from nunrec_desktop.services.identifiers import employee_id_problem, phone_in_id
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring

NUMBER = "+31612345678"


class Run:
    def __init__(self, workspace: Path, clock: FakeClock, keyring: MemoryKeyring) -> None:
        self.workspace, self.clock, self.keyring = workspace, clock, keyring

    def __call__(self, *args: str, stdin: str = "") -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(
            [*args, "--workspace", str(self.workspace)],
            Io(
                stdin=io.StringIO(stdin), stdout=out, stderr=err, keyring_factory=lambda: self.keyring, clock=self.clock
            ),
        )
        return code, out.getvalue(), err.getvalue()


@pytest.fixture
def run(workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring) -> Run:
    return Run(workspace_dir, clock, keyring_backend)


def stored_text(services: Services) -> str:
    """Everything in the audit log and the employee table, as one text (for looking for a number)."""
    with services.sessions() as session:
        rows = [*session.execute(select(AuditEntryRow)).scalars(), *session.execute(select(EmployeeRow)).scalars()]
        return "\n".join(repr({col.key: getattr(r, col.key, None) for col in r.__table__.columns}) for r in rows)


@pytest.mark.parametrize(
    ("employee_id", "name"),
    [
        (NUMBER, "Anouk de Vries"),
        ("0612345678", "Anouk de Vries"),
        ("06-12345678", "Anouk de Vries"),
        ("E612345678901", "Anouk de Vries"),
        ("../../etc", "Anouk de Vries"),
        ("E1/2", "Anouk de Vries"),
        ("E 1", "Anouk de Vries"),
        ("_E1", "Anouk de Vries"),
        (".E1", "Anouk de Vries"),
        ("E" * 33, "Anouk de Vries"),
        ("E1", "A" * 5000),
        ("E1", "A" * 101),
        ("E1", "Anouk\nde Vries"),
        ("E1", "Anouk 0612345678"),
    ],
)
def test_bad_employee_ids_and_names_are_refused_in_dutch(
    run: Run, workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring, employee_id: str, name: str
) -> None:
    code, out, err = run("employees", "add", employee_id, name)
    assert code == 1, out
    assert err.startswith("nunrec: ") and "Traceback" not in err
    assert any(word in err for word in ("medewerker-id", "naam", "Naam")), err
    assert "612345678" not in err  # the refused text is not repeated back
    from nunrec_desktop.app import open_services

    services = open_services(workspace_dir, clock=clock, keyring_factory=lambda: keyring_backend)
    try:
        assert services.people.employees() == []
        assert "612345678" not in stored_text(services)
    finally:
        services.close()


def test_good_ids_pass(run: Run) -> None:
    for employee_id in ("E1", "kcc-017", "a.b_c-9", "7", "E" * 32, "E-12345678"):
        assert employee_id_problem(employee_id) is None, employee_id
    assert run("employees", "add", "kcc-017", "A" * 100)[0] == 0


def test_recordings_with_a_phone_number_as_employee_is_refused_and_never_stored(
    run: Run, workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring
) -> None:
    assert run("users", "add", "marieke", "--role", "coach", "--password-stdin", stdin=TEST_PASSWORD + "\n")[0] == 0
    for employee in (NUMBER, "0612345678", "0031612345678"):
        code, _, err = run(
            "recordings", "--user", "marieke", "--password-stdin", "--employee", employee, stdin=TEST_PASSWORD + "\n"
        )
        assert code == 1 and "medewerker-id" in err and "Traceback" not in err
    from nunrec_desktop.app import open_services

    services = open_services(workspace_dir, clock=clock, keyring_factory=lambda: keyring_backend)
    try:
        text = stored_text(services)
        assert "612345678" not in text
        assert "auth.sign_in" in text  # the sign-ins were audited; the number was not
    finally:
        services.close()


@pytest.mark.parametrize("field", ["actor", "role", "action", "object_type"])
@pytest.mark.parametrize("value", [NUMBER, "0612345678", "call-0341-259911", "beller@example.nl"])
def test_the_audit_log_refuses_caller_data_in_who_did_what(services: Services, field: str, value: str) -> None:
    fields = {"actor": "a", "role": "coach", "action": "x", "object_type": "recording", "object_id": "r1"}
    fields[field] = value
    with pytest.raises(AuditFieldRefused) as refused:
        services.audit.record(result=AuditResult.ALLOWED, **fields)
    assert isinstance(refused.value, NunrecError) and isinstance(refused.value, ValueError)
    assert field in str(refused.value) and "612345678" not in str(refused.value)
    assert services.audit.verify().checked == 0


@pytest.mark.parametrize("field", ["object_id", "purpose", "detail"])
@pytest.mark.parametrize("value", [NUMBER, "0612345678", "call-0341-259911", "beller@example.nl"])
def test_the_audit_log_records_the_action_without_caller_data_in_free_fields(
    services: Services, field: str, value: str
) -> None:
    """Issue 20: the free fields are cleaned, not refused: the action itself is still recorded."""
    fields = {"actor": "a", "role": "coach", "action": "x", "object_type": "recording", "object_id": "r1"}
    fields[field] = value
    services.audit.record(result=AuditResult.ALLOWED, **fields)
    [entry] = services.audit.entries()
    assert entry.action == "x" and services.audit.verify().checked == 1
    assert "612345678" not in stored_text(services) and "beller@" not in stored_text(services)
    kept = getattr(entry, field)
    assert kept == "(geweigerd id)" if field == "object_id" else ("[telefoonnummer]" in kept or "[e-mailadres]" in kept)


def test_the_policy_refuses_and_masks_a_phone_number_as_target(services: Services, coach: User) -> None:
    from nunrec_desktop.domain import Action
    from nunrec_desktop.services.access import Target

    with pytest.raises(AccessDenied, match="telefoonnummer"):
        services.policy.require(coach, Action.PLAY_RECORDING, Target("recording", "0612345678", ("E1",)))
    with pytest.raises(AccessDenied, match="medewerker-id"):
        services.policy.require(coach, Action.EXPORT_FEEDBACK, Target("employee", "E1", (NUMBER,)))
    entry = services.audit.entries()[1]
    assert entry.result == "denied" and entry.object_id == "(geweigerd id)"
    assert "612345678" not in stored_text(services)


def test_generated_ids_are_not_mistaken_for_phone_numbers() -> None:
    rng = random.Random(14)
    ids = [
        *("rec-" + hashlib.sha256(f"{s}:{i}".encode()).hexdigest()[:16] for s in range(20) for i in range(500)),
        *(str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(10_000)),
        *(f"rec-{i:016x}" for i in range(0, 10**12, 10**8)),
        "20261120T093012-4411",
        "426614174000",
    ]
    assert [i for i in ids if phone_in_id(i)] == []


def test_a_coach_cannot_change_who_coaches_whom(services: Services, admin: User, coach: User) -> None:
    with pytest.raises(AccessDenied, match="medewerkers of coachkoppelingen beheren"):
        services.staff.add_employee(coach, "E1", "Anouk de Vries")
    services.staff.add_employee(admin, "E1", "Anouk de Vries")
    with pytest.raises(AccessDenied):
        services.staff.assign(coach, "E1", "marieke", date(2026, 1, 1))
    assert services.people.assignments(coach.id) == []
    denied = [e for e in services.audit.entries(action="employees") if e.result == "denied"]
    assert [(e.actor, e.object_id) for e in denied] == [("marieke", "E1"), ("marieke", "E1")]


def test_it_changes_are_in_the_audit_chain(services: Services, admin: User, coach: User) -> None:
    services.staff.add_employee(admin, "E1", "Anouk de Vries")
    services.staff.assign(admin, "E1", "marieke", date(2026, 1, 1), date(2026, 6, 30))
    entries = [(e.action, e.result, e.object_id, e.detail) for e in services.audit.entries(action="employees")]
    assert entries == [
        ("employees.assigned", "allowed", "E1", f"assign from 2026-01-01 to 2026-06-30; coach {coach.id}"),
        ("employees.administer", "allowed", "E1", f"assign from 2026-01-01 to 2026-06-30; coach {coach.id}"),
        ("employees.added", "allowed", "E1", "name set"),
        ("employees.administer", "allowed", "E1", "add"),
    ]
    assert not any("Anouk" in repr(e) for e in services.audit.entries())  # ids only, not the name
    assert services.audit.verify().intact


def test_cli_employee_changes_are_audited_under_the_os_account(
    run: Run, workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring
) -> None:
    run("users", "add", "marieke", "--role", "coach", "--password-stdin", stdin=TEST_PASSWORD + "\n")
    assert run("employees", "add", "E1", "Anouk de Vries")[0] == 0
    assert run("employees", "assign", "E1", "--coach", "marieke", "--from", "2026-01-01")[0] == 0
    from nunrec_desktop.app import open_services

    services = open_services(workspace_dir, clock=clock, keyring_factory=lambda: keyring_backend)
    try:
        actions = [(e.action, e.actor.startswith("os:")) for e in services.audit.entries(action="employees")]
        assert actions == [
            ("employees.assigned", True),
            ("employees.administer", True),
            ("employees.added", True),
            ("employees.administer", True),
        ]
    finally:
        services.close()


def test_store_credentials_are_decided_by_the_service(
    services: Services, coach: User, admin: User, keyring_backend: MemoryKeyring
) -> None:
    credentials = services.credential_administration()
    with pytest.raises(AccessDenied, match="opnameopslag instellen"):
        credentials.set_token(coach, "secret-token-1")
    with pytest.raises(AccessDenied):
        credentials.clear(coach)
    assert keyring_backend.secrets == {}
    credentials.set_token(admin, "secret-token-1")
    assert list(keyring_backend.secrets.values()) == ["secret-token-1"]
    entries = [(e.actor, e.action, e.result, e.detail) for e in services.audit.entries(action="store")]
    assert entries == [
        ("os:tester", "store.settings", "allowed", "set-credentials"),
        ("marieke", "store.settings", "denied", "clear-credentials"),
        ("marieke", "store.settings", "denied", "set-credentials"),
    ]
    assert "secret-token" not in stored_text(services)


def test_no_module_writes_people_around_the_policy() -> None:
    """Only the staffing service (and the demo generator) write employees and assignments."""
    root = Path(__file__).resolve().parents[1] / "nunrec_desktop"
    allowed = {"services/people.py", "services/staffing.py", "demo/workspace.py"}
    offenders = []
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr in ("people", "_people")
                and node.func.attr in ("add_employee", "assign")
                and relative not in allowed
            ):
                offenders.append(f"{relative}:{node.lineno}")
    assert offenders == []


def test_user_names_that_hold_a_number_are_refused(services: Services, admin: User) -> None:
    for name in ("j0612345678", "jan612345678", "0612345678a"):
        with pytest.raises(InvalidInput):
            services.accounts.add(admin, name, Role.COACH, "Jan", TEST_PASSWORD)
