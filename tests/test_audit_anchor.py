"""Finding 6 of issue 14: a wiped, truncated, rewritten or back-dated audit log no longer verifies, and
anchors kept outside the database (a file, the system log) hold the chain to account."""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import delete, select, update

from nunrec_desktop.adapters.db.models import AuditEntryRow, AuditHeadRow
from nunrec_desktop.app import Services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import AuditResult, User
from nunrec_desktop.services.audit import GENESIS_HASH, chain_hash
from nunrec_desktop.services.audit_anchor import (
    anchor_to_system_log,
    append_anchor,
    current_anchor,
    read_anchors,
    syslog_handler,
    verify_with_anchors,
    workspace_label,
)
from tests.conftest import FakeClock, MemoryKeyring


def _fill(services: Services, count: int = 8) -> None:
    for index in range(count):
        services.audit.record(
            actor="marieke",
            role="coach",
            action="recordings.play",
            result=AuditResult.ALLOWED,
            object_type="recording",
            object_id=f"rec-{index:04d}",
            purpose="coaching",
        )


def _rehash_from(services: Services, first: int) -> None:
    """What someone with write access to the database does after an edit: fresh hashes from `first` on."""
    with services.sessions.begin() as session:
        rows = session.execute(select(AuditEntryRow).order_by(AuditEntryRow.seq)).scalars().all()
        prev = GENESIS_HASH
        for row in rows:
            if row.seq >= first:
                row.prev_hash = prev
                row.hash = chain_hash(prev, row)
            prev = row.hash
        head = session.get(AuditHeadRow, 1)
        assert head is not None
        head.seq, head.hash = (rows[-1].seq, rows[-1].hash) if rows else (0, GENESIS_HASH)


def _anchor(services: Services, path: Path, clock: FakeClock) -> None:
    append_anchor(path, current_anchor(services.audit, workspace_label(services.workspace.root), clock))


def _anchors(services: Services, path: Path) -> list:
    return read_anchors(path, workspace_label(services.workspace.root))


# --- what the chain alone now refuses -----------------------------------------------------------------------


def test_a_wiped_log_with_a_reset_head_is_not_intact(services: Services, coach: User) -> None:
    _fill(services)
    with services.sessions.begin() as session:
        session.execute(delete(AuditEntryRow))
        session.execute(update(AuditHeadRow).values(seq=0, hash=GENESIS_HASH))
    report = services.audit.verify()
    assert not report.intact and "leeg" in report.reason and "1 accounts" in report.reason


def test_a_wiped_log_with_a_deleted_head_is_not_intact(services: Services, coach: User) -> None:
    _fill(services)
    with services.sessions.begin() as session:
        session.execute(delete(AuditEntryRow))
        session.execute(delete(AuditHeadRow))
    report = services.audit.verify()
    assert not report.intact and "kop" in report.reason


def test_an_empty_workspace_is_still_intact(services: Services) -> None:
    assert services.audit.verify().intact


def test_back_dated_times_are_found(services: Services, clock: FakeClock) -> None:
    _fill(services, 4)
    with services.sessions.begin() as session:
        row = session.get(AuditEntryRow, 3)
        assert row is not None
        row.occurred_at = (datetime.fromisoformat(row.occurred_at) - timedelta(hours=2)).isoformat(
            timespec="microseconds"
        )
    _rehash_from(services, 3)
    report = services.audit.verify()
    assert not report.intact and report.first_bad_seq == 3 and "120 minuten ouder" in report.reason


def test_small_clock_differences_between_workstations_are_fine(services: Services, clock: FakeClock) -> None:
    _fill(services, 2)
    clock.advance(minutes=-4)  # another workstation, four minutes behind
    _fill(services, 2)
    assert services.audit.verify().intact


# --- what only anchors can show -----------------------------------------------------------------------------


def test_truncation_with_a_moved_head_passes_alone_and_fails_against_an_anchor(
    services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    anchors = tmp_path / "share" / "anchors.jsonl"
    anchors.parent.mkdir()
    _fill(services)
    _anchor(services, anchors, clock)
    with services.sessions.begin() as session:
        session.execute(delete(AuditEntryRow).where(AuditEntryRow.seq >= 5))
        four = session.get(AuditEntryRow, 4)
        assert four is not None
        session.execute(update(AuditHeadRow).values(seq=4, hash=four.hash))
    assert services.audit.verify().intact  # internally consistent: this is what anchors are for
    report = verify_with_anchors(services.audit, _anchors(services, anchors))
    assert not report.intact and "regel 8" in report.reason and "eindigt bij regel 4" in report.reason


def test_a_rewrite_with_fresh_hashes_passes_alone_and_fails_against_an_anchor(
    services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    anchors = tmp_path / "anchors.jsonl"
    _fill(services, 6)
    _anchor(services, anchors, clock)
    clock.advance(minutes=1)
    _fill(services, 2)
    _anchor(services, anchors, clock)
    assert verify_with_anchors(services.audit, _anchors(services, anchors)).intact
    with services.sessions.begin() as session:
        session.execute(update(AuditEntryRow).where(AuditEntryRow.seq == 3).values(result="denied"))
    _rehash_from(services, 3)
    assert services.audit.verify().intact
    report = verify_with_anchors(services.audit, _anchors(services, anchors))
    assert not report.intact and report.first_bad_seq == 6 and "herschreven" in report.reason


def test_a_wipe_fails_against_an_anchor_even_in_an_empty_workspace(
    services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    anchors = tmp_path / "anchors.jsonl"
    _fill(services, 3)
    _anchor(services, anchors, clock)
    with services.sessions.begin() as session:
        session.execute(delete(AuditEntryRow))
        session.execute(update(AuditHeadRow).values(seq=0, hash=GENESIS_HASH))
    assert services.audit.verify().intact  # no accounts, no evaluations: nothing says it was ever used
    assert not verify_with_anchors(services.audit, _anchors(services, anchors)).intact


def test_the_anchor_file_is_only_appended_to(services: Services, clock: FakeClock, tmp_path: Path) -> None:
    anchors = tmp_path / "anchors.jsonl"
    anchors.write_bytes(b'{"seq":0,"hash":"' + b"0" * 64 + b'","utc":"2026-01-01T00:00:00Z","workspace":"/other"}')
    before = anchors.read_bytes()  # an earlier line without its newline (a torn write)
    _fill(services, 2)
    _anchor(services, anchors, clock)
    after = anchors.read_bytes()
    assert after.startswith(before) and after.endswith(b"\n")
    lines = after.decode().splitlines()
    assert len(lines) == 2
    record = json.loads(lines[1])
    assert list(record) == ["seq", "hash", "utc", "workspace"]
    assert record["seq"] == 2 and record["utc"] == "2026-11-20T09:30:00Z"
    assert record["workspace"] == services.workspace.root.resolve().as_posix()
    assert record["hash"] == services.audit.head()[1]
    assert [a.seq for a in _anchors(services, anchors)] == [2]  # the other workspace's line is not ours


# --- the command line ---------------------------------------------------------------------------------------


def _run(args: list[str], keyring: MemoryKeyring, clock: FakeClock) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, Io(stdin=io.StringIO(""), stdout=out, stderr=err, clock=clock, keyring_factory=lambda: keyring))
    return code, out.getvalue(), err.getvalue()


def test_cli_anchor_and_verify(
    services: Services,
    coach: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
    tmp_path: Path,
) -> None:
    anchors = tmp_path / "anchors.jsonl"
    ws = ["--workspace", str(workspace_dir)]
    _fill(services)
    code, out, _ = _run(["audit", "anchor", *ws, "--out", str(anchors)], keyring_backend, clock)
    assert code == 0 and "regel 10" in out  # 8 plays after adding the coach (its decision and the change)
    code, out, err = _run(["audit", "verify", *ws, "--anchors", str(anchors)], keyring_backend, clock)
    assert code == 0 and "intact: 10 regels en 1 ankers kloppen" in out, err

    with services.sessions.begin() as session:
        session.execute(delete(AuditEntryRow))
        session.execute(update(AuditHeadRow).values(seq=0, hash=GENESIS_HASH))
    code, out, _ = _run(["audit", "verify", *ws], keyring_backend, clock)
    assert code == 1 and "NIET intact" in out and "gewist" in out
    code, out, _ = _run(["audit", "verify", *ws, "--anchors", str(anchors)], keyring_backend, clock)
    assert code == 1 and "NIET intact" in out
    code, out, _ = _run(["audit", "anchor", *ws, "--out", str(anchors)], keyring_backend, clock)
    assert code == 1 and "geen anker geschreven" in out
    assert len(anchors.read_text().splitlines()) == 1  # a broken chain is never anchored


def test_cli_verify_refuses_a_damaged_or_foreign_anchor_file(
    services: Services, workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring, tmp_path: Path
) -> None:
    ws = ["--workspace", str(workspace_dir)]
    _fill(services, 2)
    foreign = tmp_path / "foreign.jsonl"
    foreign.write_text('{"seq":1,"hash":"' + "a" * 64 + '","utc":"2026-01-01T00:00:00Z","workspace":"/elders"}\n')
    code, out, _ = _run(["audit", "verify", *ws, "--anchors", str(foreign)], keyring_backend, clock)
    assert code == 1 and "geen anker van deze werkmap" in out
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text("niet-json\n")
    code, _, err = _run(["audit", "verify", *ws, "--anchors", str(damaged)], keyring_backend, clock)
    assert code == 1 and "Regel 1 van het ankerbestand" in err and "Traceback" not in err
    code, _, err = _run(["audit", "verify", *ws, "--anchors", str(tmp_path / "missing.jsonl")], keyring_backend, clock)
    assert code == 1 and "niet leesbaar" in err
    code, _, err = _run(["audit", "anchor", *ws, "--out", str(tmp_path / "no" / "dir.jsonl")], keyring_backend, clock)
    assert code == 1 and "bestaat niet" in err


def test_cli_verify_as_a_process(services: Services, workspace_dir: Path, tmp_path: Path) -> None:
    anchors = tmp_path / "anchors.jsonl"
    _fill(services, 3)
    nunrec = [sys.executable, "-m", "nunrec_desktop", "audit"]
    first = subprocess.run(
        [*nunrec, "anchor", "--workspace", str(workspace_dir), "--out", str(anchors)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert first.returncode == 0, first.stderr
    with services.sessions.begin() as session:
        session.execute(delete(AuditEntryRow).where(AuditEntryRow.seq == 3))
        two = session.get(AuditEntryRow, 2)
        assert two is not None
        session.execute(update(AuditHeadRow).values(seq=2, hash=two.hash))
    bad = subprocess.run(
        [*nunrec, "verify", "--workspace", str(workspace_dir), "--anchors", str(anchors)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert bad.returncode == 1 and "regel 3" in bad.stdout and bad.stderr == ""


# --- the system log -----------------------------------------------------------------------------------------


@pytest.fixture
def syslog_socket(tmp_path: Path):
    address = str(tmp_path / "log.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(address)
    server.settimeout(120)
    yield address, server
    server.close()


def test_the_anchor_goes_to_syslog(services: Services, clock: FakeClock, syslog_socket) -> None:
    address, server = syslog_socket
    _fill(services, 2)
    anchor = anchor_to_system_log(
        services.audit, workspace_label(services.workspace.root), clock, "start", lambda: syslog_handler(address)
    )
    assert anchor is not None
    message = server.recv(4096).decode()
    assert message.startswith("<38>nunrec-anchor: ")  # facility auth (4) * 8 + info (6)
    assert message.rstrip("\x00").endswith(anchor.line())


def test_no_system_log_is_noted_in_the_workspace_log(
    services: Services, clock: FakeClock, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    assert syslog_handler(str(tmp_path / "no-such-socket")) is None
    with caplog.at_level("INFO", logger="nunrec_desktop"):
        written = anchor_to_system_log(
            services.audit, "ws", clock, "start", lambda: syslog_handler(str(tmp_path / "no-such-socket"))
        )
    assert written is None and "no system log" in caplog.text and '"seq":0' in caplog.text


def test_the_application_anchors_at_start_and_sign_out(
    qtbot: QtBot,
    services: Services,
    coach: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
    syslog_socket,
) -> None:
    from PySide6.QtCore import Qt

    from nunrec_desktop.adapters.audio.playback import ClockOutput
    from nunrec_desktop.gui import gui_controller
    from tests.conftest import TEST_PASSWORD

    address, server = syslog_socket
    controller = gui_controller(
        workspace_dir,
        keyring_factory=lambda: keyring_backend,
        clock=clock,
        output_factory=lambda: ClockOutput(clock),
        system_log=lambda: syslog_handler(address),
    )
    qtbot.addWidget(controller.login)
    controller.start()
    qtbot.waitUntil(controller.login.button.isEnabled, timeout=10_000)
    at_start = json.loads(server.recv(4096).decode().rstrip("\x00").split(": ", 1)[1])
    assert at_start["seq"] == services.audit.head()[0]
    qtbot.keyClicks(controller.login.username, "marieke")
    qtbot.keyClicks(controller.login.password, TEST_PASSWORD)
    qtbot.mouseClick(controller.login.button, Qt.MouseButton.LeftButton)
    window = controller.main_window
    assert window is not None
    qtbot.addWidget(window)
    from PySide6.QtWidgets import QPushButton

    button = window.findChild(QPushButton, "signOutButton")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    at_sign_out = json.loads(server.recv(4096).decode().rstrip("\x00").split(": ", 1)[1])
    assert at_sign_out["seq"] > at_start["seq"] and at_sign_out["hash"] == services.audit.head()[1]
    controller.shutdown()


# --- issue 20, finding 6: a torn last line, and anchors of the empty chain -------------------------------


def test_a_torn_last_line_is_reported_and_skipped_not_a_permanent_refusal(
    services: Services, workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring, tmp_path: Path
) -> None:
    anchors = tmp_path / "anchors.jsonl"
    ws = ["--workspace", str(workspace_dir)]
    _fill(services, 3)
    _anchor(services, anchors, clock)
    whole = anchors.read_bytes()
    with anchors.open("ab") as handle:  # a crash mid-write: the start of the next line, no end, no newline
        handle.write(whole[: len(whole) // 2])
    code, out, err = _run(["audit", "verify", *ws, "--anchors", str(anchors)], keyring_backend, clock)
    assert code == 0 and "intact: 3 regels en 1 ankers kloppen" in out, (out, err)
    assert "regel 2 van het ankerbestand" in err and "afgebroken" in err and "overgeslagen" in err
    # the next anchor starts on a new line; the torn line, now in the middle, is still skipped
    _fill(services, 2)
    code, out, _ = _run(["audit", "anchor", *ws, "--out", str(anchors)], keyring_backend, clock)
    assert code == 0
    code, out, err = _run(["audit", "verify", *ws, "--anchors", str(anchors)], keyring_backend, clock)
    assert code == 0 and "intact: 5 regels en 2 ankers kloppen" in out, (out, err)
    assert "regel 2 van het ankerbestand" in err
    # a torn line cut inside a multi-byte character of the workspace's path is torn too, not "no text"
    with anchors.open("ab") as handle:
        handle.write(b'{"seq":5,"hash":"' + b"a" * 64 + b'","utc":"2026-11-20T09:30:00Z","workspace":"/\xc3')
    code, out, err = _run(["audit", "verify", *ws, "--anchors", str(anchors)], keyring_backend, clock)
    assert code == 0 and "regel 2, 4 van het ankerbestand" in err, (out, err)


def test_a_tampered_line_still_refuses_the_file(
    services: Services, workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring, tmp_path: Path
) -> None:
    anchors = tmp_path / "anchors.jsonl"
    _fill(services, 2)
    _anchor(services, anchors, clock)
    for line in ('{"seq":2,"hash":"zz","utc":"x","workspace":"/w"}', "geknoeid", '{"seq":"2"}', "{}"):
        damaged = tmp_path / "damaged.jsonl"
        damaged.write_text(anchors.read_text() + line + "\n")
        code, _, err = _run(
            ["audit", "verify", "--workspace", str(workspace_dir), "--anchors", str(damaged)], keyring_backend, clock
        )
        assert code == 1 and "Regel 2 van het ankerbestand" in err and "beschadigd" in err, (line, err)


def test_anchors_of_the_empty_chain_prove_nothing(
    services: Services, workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring, tmp_path: Path
) -> None:
    anchors = tmp_path / "anchors.jsonl"
    _anchor(services, anchors, clock)  # sequence 0: the empty chain
    _anchor(services, anchors, clock)
    assert [a.seq for a in _anchors(services, anchors)] == [0, 0]
    _fill(services, 3)
    code, out, _ = _run(
        ["audit", "verify", "--workspace", str(workspace_dir), "--anchors", str(anchors)], keyring_backend, clock
    )
    assert code == 1 and "ankers kloppen" not in out and "niets te bewijzen" in out and "regel 0" in out
    report = verify_with_anchors(services.audit, _anchors(services, anchors), str(anchors))
    assert not report.intact and report.by_anchor
    _anchor(services, anchors, clock)  # a real anchor next to them: now there is something to prove
    code, out, _ = _run(
        ["audit", "verify", "--workspace", str(workspace_dir), "--anchors", str(anchors)], keyring_backend, clock
    )
    assert code == 0 and "intact: 3 regels en 1 ankers kloppen" in out
