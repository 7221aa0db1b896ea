"""The audit log's hash chain: intact chains verify, and every kind of tampering is found at the right entry."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from nunrec_desktop.adapters.db.models import AuditEntryRow, AuditHeadRow
from nunrec_desktop.app import Services
from nunrec_desktop.domain import AuditResult
from nunrec_desktop.services.audit import chain_hash


def _fill(services: Services, count: int = 8) -> None:
    for index in range(count):
        services.audit.record(
            actor=f"user{index % 3}",
            role="coach",
            action="recordings.play",
            result=AuditResult.ALLOWED,
            object_type="recording",
            object_id=f"rec-{index:04d}",
            purpose="coaching",
        )


def test_entries_chain_and_verify(services: Services) -> None:
    _fill(services)
    report = services.audit.verify()
    assert report.intact and report.checked == 8 and report.first_bad_seq is None
    entries = services.audit.entries()
    assert [e.seq for e in entries] == list(range(8, 0, -1))
    assert entries[-1].prev_hash == "0" * 64
    assert all(newer.prev_hash == older.hash for newer, older in itertools.pairwise(entries))
    assert entries[0].origin and entries[0].occurred_at.endswith("+00:00")
    assert report.head_hash == entries[0].hash


def test_empty_log_is_intact(services: Services) -> None:
    report = services.audit.verify()
    assert report.intact and report.checked == 0


def test_edited_entry_is_named(services: Services) -> None:
    _fill(services)
    with services.sessions.begin() as session:
        session.execute(update(AuditEntryRow).where(AuditEntryRow.seq == 4).values(actor="someone-else"))
    report = services.audit.verify()
    assert not report.intact and report.first_bad_seq == 4 and "gewijzigd" in report.reason


def test_edit_with_recomputed_hash_breaks_the_next_link(services: Services) -> None:
    _fill(services)
    with services.sessions.begin() as session:
        row = session.get(AuditEntryRow, 4)
        assert row is not None
        row.result = "denied"
        row.hash = chain_hash(row.prev_hash, row)
    report = services.audit.verify()
    assert not report.intact and report.first_bad_seq == 5


def test_deleted_entry_is_named(services: Services) -> None:
    _fill(services)
    with services.sessions.begin() as session:
        session.execute(delete(AuditEntryRow).where(AuditEntryRow.seq == 3))
    report = services.audit.verify()
    assert not report.intact and report.first_bad_seq == 3 and "ontbreekt" in report.reason


def test_deleted_tail_is_detected(services: Services) -> None:
    _fill(services)
    with services.sessions.begin() as session:
        session.execute(delete(AuditEntryRow).where(AuditEntryRow.seq >= 7))
    report = services.audit.verify()
    assert not report.intact and report.first_bad_seq == 7


def test_inserted_entry_is_named(services: Services) -> None:
    _fill(services)
    with services.sessions.begin() as session:
        # Make room after entry 5 and insert a forged entry with a self-consistent hash.
        rows = session.execute(select(AuditEntryRow).where(AuditEntryRow.seq > 5).order_by(AuditEntryRow.seq.desc()))
        for row in rows.scalars():
            row.seq += 1
            session.flush()
        previous = session.get(AuditEntryRow, 5)
        assert previous is not None
        forged = AuditEntryRow(
            seq=6,
            occurred_at=previous.occurred_at,
            actor="intruder",
            role="coach",
            action="recordings.play",
            object_type="recording",
            object_id="rec-x",
            result="allowed",
            origin="elsewhere",
            purpose="",
            detail="",
            prev_hash=previous.hash,
            hash="",
        )
        forged.hash = chain_hash(previous.hash, forged)
        session.add(forged)
        head = session.get(AuditHeadRow, 1)
        assert head is not None
        head.seq += 1
    report = services.audit.verify()
    assert not report.intact and report.first_bad_seq == 7  # the entry after the forgery no longer links


def test_inserted_at_end_is_detected(services: Services) -> None:
    _fill(services)
    with services.sessions.begin() as session:
        last = session.get(AuditEntryRow, 8)
        assert last is not None
        forged = AuditEntryRow(
            seq=9,
            occurred_at=last.occurred_at,
            actor="intruder",
            role="coach",
            action="x",
            object_type="",
            object_id="",
            result="allowed",
            origin="",
            purpose="",
            detail="",
            prev_hash=last.hash,
            hash="",
        )
        forged.hash = chain_hash(last.hash, forged)
        session.add(forged)
    report = services.audit.verify()
    assert not report.intact and report.first_bad_seq == 9


def test_swapped_entries_are_named(services: Services) -> None:
    _fill(services)
    with services.sessions.begin() as session:
        a, b = session.get(AuditEntryRow, 3), session.get(AuditEntryRow, 6)
        assert a is not None and b is not None
        fields = ("occurred_at", "actor", "object_id", "prev_hash", "hash")
        values_a = {f: getattr(a, f) for f in fields}
        for f in fields:
            setattr(a, f, getattr(b, f))
            setattr(b, f, values_a[f])
    report = services.audit.verify()
    assert not report.intact and report.first_bad_seq == 3


def test_phone_numbers_are_masked_in_free_text(services: Services) -> None:
    """Issue 20: the action is still recorded; the number never is (it used to refuse the whole entry)."""
    for text in ("caller +31612345678", "06 12 34 56 78", "0341-259911"):
        services.audit.record(actor="a", role="coach", action="x", result=AuditResult.ALLOWED, detail=text)
    details = [entry.detail for entry in services.audit.entries()]
    assert details == ["[telefoonnummer]", "[telefoonnummer]", "caller [telefoonnummer]"]
    assert services.audit.verify().checked == 3


def test_cli_verify_exit_codes(services: Services, workspace_dir: Path) -> None:
    _fill(services)
    nunrec = [sys.executable, "-m", "nunrec_desktop"]
    ok = subprocess.run(
        [*nunrec, "audit", "verify", "--workspace", str(workspace_dir)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ok.returncode == 0, ok.stderr
    assert "intact: 8 regels" in ok.stdout
    with services.sessions.begin() as session:
        session.execute(update(AuditEntryRow).where(AuditEntryRow.seq == 2).values(purpose="changed"))
    bad = subprocess.run(
        [*nunrec, "audit", "verify", "--workspace", str(workspace_dir)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert bad.returncode == 1
    assert "vanaf regel 2" in bad.stdout


def test_a_deleted_head_stops_all_recording(services: Services) -> None:
    from nunrec_desktop.services.audit import AuditLogDamaged

    _fill(services, 2)
    with services.sessions.begin() as session:
        session.execute(delete(AuditHeadRow))
    with pytest.raises(AuditLogDamaged, match="beschadigd"):
        services.audit.record(actor="a", role="coach", action="x", result=AuditResult.ALLOWED)
    report = services.audit.verify()
    assert not report.intact


def test_ids_and_counts_with_zeros_are_fine(services: Services) -> None:
    for text in ("draw 13; seed 74200747; count 1", "evaluations 100,200,3007", "shown 1005; filtered 2001"):
        services.audit.record(actor="a", role="coach", action="x", result=AuditResult.ALLOWED, detail=text)
    services.audit.record(actor="a", role="coach", action="x", result=AuditResult.ALLOWED, detail="0031612345678")
    assert [entry.detail for entry in services.audit.entries()][:1] == ["[telefoonnummer]"]
