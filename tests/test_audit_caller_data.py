"""Issue 20, finding 2: the hash-chained audit log never holds caller data, however it is spelled.

Ids are checked before anything is recorded (IT's `nunrec subject-access --employee X` used to record X as
object id before X was checked), and `AuditLog.record` puts every free field (object id, origin, purpose,
detail) through the whole caller-data guard after NFKC normalisation: a refused id becomes "(geweigerd id)",
caller data in free text is masked, and the action itself is still recorded. The attacks run through the
real CLI entry point."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from nunrec_desktop.adapters.db.models import AuditEntryRow
from nunrec_desktop.app import Services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import AuditResult, User
from nunrec_desktop.services.audit import REFUSED_ID, AuditLog
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring


def _wide(text: str) -> str:
    """Fullwidth digits (U+FF10..): what NFKC turns back into ASCII digits."""
    return "".join(chr(ord(ch) + 0xFEE0) if ch.isdigit() else ch for ch in text)


# (what is typed, the digits or letters that must never be stored)
ATTACKS = [
    ("111222333", "111222333"),
    ("111.222.333", "222"),
    ("NL91ABNA0417164300", "0417164300"),
    ("12-03-1985", "1985"),
    ("8071AB12", "8071"),
    ("Dorpsstraat 12", "Dorpsstraat"),
    ("06--12345678", "12345678"),
    (_wide("111222333"), _wide("222")),
    (_wide("0612345678"), _wide("12345678")),
    ("111222334", "111222334"),  # wrong check digit: still nobody's employee id
]


def stored(services: Services) -> list[AuditEntryRow]:
    with services.sessions() as session:
        return list(session.execute(select(AuditEntryRow).order_by(AuditEntryRow.seq)).scalars())


def stored_text(services: Services) -> str:
    return "\n".join(
        repr({col.key: getattr(row, col.key) for col in row.__table__.columns}) for row in stored(services)
    )


def _digits(text: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", text))


def _free_fields(rows: list[AuditEntryRow]) -> list[str]:
    """The fields a caller's data could have reached: each on its own (a hash holds digits by chance)."""
    return [value for row in rows for value in (row.object_id, row.origin, row.purpose, row.detail, row.actor)]


def run_cli(workspace: Path, clock: FakeClock, keyring: MemoryKeyring, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [*args, "--workspace", str(workspace)],
        Io(
            stdin=io.StringIO(TEST_PASSWORD + "\n"),
            stdout=out,
            stderr=err,
            clock=clock,
            keyring_factory=lambda: keyring,
        ),
    )
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("employee", "secret"), ATTACKS)
def test_subject_access_records_a_refused_employee_id_never_the_id(
    services: Services,
    it_user: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
    tmp_path: Path,
    employee: str,
    secret: str,
) -> None:
    code, _, err = run_cli(
        workspace_dir, clock, keyring_backend,
        "subject-access", "--user", "dennis", "--password-stdin", "--employee", employee, "--out",
        str(tmp_path / "inzage.pdf"),
    )  # fmt: skip
    assert code in (1, 2) and err.startswith("nunrec: ") and "Traceback" not in err, err
    assert secret not in err
    assert not (tmp_path / "inzage.pdf").exists()
    rows = stored(services)
    assert secret not in stored_text(services)
    assert not any(_digits(secret) and _digits(secret) in _digits(field) for field in _free_fields(rows))
    subject = [row for row in rows if row.action == "subject_access"]
    if subject:  # the refusal is recorded, with the id refused
        assert [(row.result, row.object_id) for row in subject] == [("denied", REFUSED_ID)]
    assert services.audit.verify().intact


@pytest.mark.parametrize(("value", "secret"), ATTACKS)
def test_every_free_field_goes_through_the_whole_guard(services: Services, value: str, secret: str) -> None:
    seq = services.audit.record(
        actor="dennis",
        role="it",
        action="test.attack",
        result=AuditResult.ALLOWED,
        object_type="recording",
        object_id=value,
        purpose=f"verzoek van de beller, {value}",
        detail=f"genoemd: {value}; klaar",
    )
    [entry] = [row for row in stored(services) if row.seq == seq]
    assert entry.action == "test.attack" and entry.result == "allowed"  # the action itself is recorded
    assert entry.object_id == REFUSED_ID
    for text in (entry.purpose, entry.detail):
        assert (secret not in text and "[" in text) or text == "(geweigerde tekst)", text
    assert secret not in stored_text(services)
    assert services.audit.verify().intact


def test_the_workstation_name_never_reaches_origin_with_caller_data(services: Services, clock: Clock) -> None:
    for origin in ("111222333", _wide("0612345678"), "pc-06--12345678", "jan@example.nl"):
        audit = AuditLog(services.database, origin, clock)
        seq = audit.record(actor="dennis", role="it", action="test.origin", result=AuditResult.ALLOWED)
        [entry] = [row for row in stored(services) if row.seq == seq]
        assert entry.origin == REFUSED_ID
    audit = AuditLog(services.database, "KCC-PC-07", clock)
    seq = audit.record(actor="dennis", role="it", action="test.origin", result=AuditResult.ALLOWED)
    assert [row.origin for row in stored(services) if row.seq == seq] == ["KCC-PC-07"]


def test_ordinary_ids_and_details_are_kept(services: Services, clock: FakeClock) -> None:
    now = clock()
    assert isinstance(now, datetime)
    seq = services.audit.record(
        actor="marieke",
        role="coach",
        action="evaluation.submit",
        result=AuditResult.ALLOWED,
        object_type="recording",
        object_id="rec-3f9a1c0d2b7e4411",
        detail="draw 12; seed 48213377; count 4; min 60s; held 2026-11-19",
        purpose="coaching",
    )
    [entry] = [row for row in stored(services) if row.seq == seq]
    assert entry.object_id == "rec-3f9a1c0d2b7e4411"
    assert entry.detail == "draw 12; seed 48213377; count 4; min 60s; held 2026-11-19"


COMMANDS_WITH_AN_EMPLOYEE = [
    ("recordings",),
    ("evaluations",),
    ("sample", "--count", "2"),
    ("export-feedback", "--out", "OUT"),
    ("export-dialog", "--out", "OUT"),
    ("conversation", "add", "--date", "2026-11-19", "--agreement", "samenvatten"),
]


@pytest.mark.parametrize("command", COMMANDS_WITH_AN_EMPLOYEE, ids=lambda c: c[0])
@pytest.mark.parametrize(("employee", "secret"), [ATTACKS[0], ATTACKS[3], ATTACKS[4], ATTACKS[7]])
def test_every_command_that_takes_an_employee_checks_it_before_recording(
    services: Services,
    coach: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
    tmp_path: Path,
    command: tuple[str, ...],
    employee: str,
    secret: str,
) -> None:
    """Every path by which an employee id reaches the audit log, through the real CLI as the coach."""
    out_file = str(tmp_path / "uit.pdf")
    args = [part if part != "OUT" else out_file for part in command]
    code, out, err = run_cli(
        workspace_dir, clock, keyring_backend,
        *args[:2] if args[0] == "conversation" else args[:1], "--user", "marieke", "--password-stdin",
        "--employee", employee, *(args[2:] if args[0] == "conversation" else args[1:]),
    )  # fmt: skip
    assert code in (1, 2) and "Traceback" not in err, (out, err)
    assert secret not in err and secret not in out
    text = stored_text(services)
    assert secret not in text
    assert not any(_digits(secret) and _digits(secret) in _digits(field) for field in _free_fields(stored(services)))
    assert services.audit.verify().intact
