"""`nunrec demo`: a complete, believable, deterministic demo workspace, made in well under a minute."""

from __future__ import annotations

import io
import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import soundfile as sf
from sqlalchemy import select

from nunrec_desktop.adapters.db.models import EvaluationRow
from nunrec_desktop.adapters.store.folder import FolderStore
from nunrec_desktop.app import open_services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.demo.audio import synthesize_call
from nunrec_desktop.demo.workspace import _plan_calls
from nunrec_desktop.domain import Role
from tests.conftest import FakeClock, MemoryKeyring

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
SMALL_DEMO_CALLS = 24


def test_demo_workspace(tmp_path: Path, database_url: str, keyring_backend: MemoryKeyring) -> None:
    root = tmp_path / "demo"
    clock = FakeClock(NOW)
    out, err = io.StringIO(), io.StringIO()
    # The small demo (issue 21): every kind of call, fewer of them; the full plan is checked below without
    # rendering its audio, and the full demo is built by the bundle's smoke test (installer/smoke-test.sh).
    args = ["demo", "--workspace", str(root), "--seed", "3", "--password-stdin", "--calls", str(SMALL_DEMO_CALLS)]
    if database_url:
        args += ["--database-url", database_url]
    code = main(
        args,
        Io(
            stdin=io.StringIO("demo-wachtwoord-1\n"),
            stdout=out,
            stderr=err,
            clock=clock,
            keyring_factory=lambda: keyring_backend,
        ),
    )
    assert code == 0, err.getvalue()
    assert "wachtwoord" not in out.getvalue()  # a given password is not echoed

    services = open_services(root, clock=clock, keyring_factory=lambda: keyring_backend)
    try:
        coach = services.auth.sign_in("coach", "demo-wachtwoord-1")
        coach2 = services.auth.sign_in("coach2", "demo-wachtwoord-1")
        it = services.auth.sign_in("it", "demo-wachtwoord-1")
        assert (coach.role, coach2.role, it.role) == (Role.COACH, Role.COACH, Role.IT)
        employees = services.people.employees()
        assert len(employees) == 8
        today = NOW.date()
        assert len(services.people.coached_employees(coach2.id, today)) == 2
        assert len(services.people.coached_employees(coach.id, today)) == 6
        assert services.audit.verify().intact
        with services.sessions() as session:
            rows = session.execute(select(EvaluationRow)).scalars().all()
        assert len(rows) >= 8 * 2 * 2 and {r.status for r in rows} == {"submitted"}
        per_employee = Counter((r.employee_id, r.submitted_at) for r in rows)
        cycles = Counter(employee for employee, _ in per_employee)
        assert set(cycles) == {e.id for e in employees} and all(2 <= n <= 3 for n in cycles.values())
        first_cycle = NOW - timedelta(days=70)
        last_cycle = NOW - timedelta(days=14)

        def share_good(moment: datetime) -> float:
            answers = [
                a["answer"] for r in rows if r.submitted_at == moment for a in json.loads(r.content)["answers"].values()
            ]
            return answers.count("goed") / len(answers)

        assert share_good(last_cycle) > share_good(first_cycle)  # development over time
        assert services.evaluations.evaluated_recordings(coach), "recent demo calls show as evaluated"
        # Cycles are explicit (issue 13): every evaluation counts for a cycle; older cycles were discussed with
        # agreements, the newest is still to be discussed; the newest cycle's real calls were drawn.
        assert all(r.cycle_id is not None for r in rows)
        overview = {r.employee_id: r for r in services.cycles.rows(coach)}
        assert overview.pop("E106").conversation == "-"  # moved to this coach 12 days ago: no cycle with her yet
        assert {r.conversation for r in overview.values()} == {"nog te bespreken"}
        history = services.history.history(coach, "E101")
        discussed = [c for c in history.cycles if c.discussed_on is not None]
        assert discussed and all(history.conversations[c.id].agreements for c in discussed)
        assert any(e.evaluation.drawn for e in history.entries)
        # Henk shared one of his calls for calibration and scored it: the demo's coach finds it to score blind.
        [calibration] = services.calibrations.list(coach)
        assert (calibration.shared_by, calibration.submitted, calibration.state) == (
            "Henk Smit",
            ["Henk Smit"],
            "scoring",
        )
        assert not calibration.mine_submitted and all(not row.answers for row in calibration.rows)
    finally:
        services.close()

    store_root = root / "recordings"
    assert json.loads((store_root / "recstore.json").read_text()) == {"schema": "nunrec-folder-store/1"}
    items, skipped = FolderStore(store_root).scan_window(NOW - timedelta(days=40), NOW + timedelta(days=1))
    assert skipped == []
    kinds = Counter(
        "old"
        if m.start < NOW - timedelta(days=30)
        else m.direction
        if m.direction != "inbound"
        else "other-number"
        if m.called_number != "+31341259911"
        else "inbound"
        for m in items
    )
    # The store holds exactly the small demo's plan, kind for kind ...
    small = _plan_calls(np.random.default_rng(3), NOW, calls=SMALL_DEMO_CALLS)
    assert len(items) == len(small) == SMALL_DEMO_CALLS
    assert kinds == Counter("old" if c.start < NOW - timedelta(days=30) else c.kind for c in small)
    assert sum(bool(m.segments) for m in items) == sum(c.transfer_to is not None for c in small) >= 1
    assert {m.audio.format for m in items} >= {"wav/alaw"}
    assert kinds["outbound"] + kinds["internal"] + kinds["other-number"] >= 1 and kinds["old"] >= 1
    # ... and the full demo's plan (what `nunrec demo` writes without --calls) has its size and variety.
    full = _plan_calls(np.random.default_rng(3), NOW)
    full_kinds = Counter("old" if c.start < NOW - timedelta(days=30) else c.kind for c in full)
    assert 40 <= len(full) <= 120
    assert full_kinds["inbound"] >= 30
    assert full_kinds["outbound"] + full_kinds["internal"] + full_kinds["other-number"] >= 3
    assert full_kinds["old"] >= 2
    assert any(c.transfer_to is not None for c in full), "a transferred call"
    total = sum(p.stat().st_size for p in store_root.rglob("*") if p.is_file())
    assert total / len(items) * len(full) < 150e6  # the full demo's size, from the small one's per call
    file_names = " ".join(p.name for p in store_root.rglob("*"))
    for meta in items:
        if meta.caller_number:
            assert meta.caller_number.lstrip("+") not in file_names
        assert 30 <= meta.duration_s <= 360
        assert meta.start.astimezone().weekday() < 5
    sample = items[len(items) // 2]
    data, rate = sf.read(io.BytesIO(FolderStore(store_root).read_audio(sample.id)), dtype="int16")
    assert rate == 8000 and data.shape[1] == sample.audio.channels
    assert abs(len(data) / rate - sample.duration_s) < 0.5


def test_demo_refuses_a_used_folder(tmp_path: Path, clock: FakeClock) -> None:
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "something.txt").write_text("x")
    err = io.StringIO()
    assert main(["demo", "--workspace", str(tmp_path / "busy")], Io(stderr=err, clock=clock)) == 1
    assert "niet leeg" in err.getvalue()


def test_same_seed_same_plan_and_audio() -> None:
    plan_a = _plan_calls(np.random.default_rng(5), NOW)
    plan_b = _plan_calls(np.random.default_rng(5), NOW)
    assert plan_a == plan_b
    assert _plan_calls(np.random.default_rng(6), NOW) != plan_a
    audio_a, turns_a = synthesize_call(11, 20.0)
    audio_b, turns_b = synthesize_call(11, 20.0)
    assert turns_a == turns_b and np.array_equal(audio_a, audio_b)


def test_generated_calls_take_turns_on_separate_channels() -> None:
    audio, turns = synthesize_call(4, 60.0)
    assert audio.shape == (480_000, 2) and audio.dtype == np.float32
    for turn in turns:
        window = slice(int(turn.start_s * 8000), int(turn.end_s * 8000))
        speaking = np.abs(audio[window, turn.speaker]).mean()
        listening = np.abs(audio[window, 1 - turn.speaker]).mean()
        assert speaking > 0.01 and speaking > 2 * listening
    assert {t.speaker for t in turns} == {0, 1}
    assert float(np.abs(audio).max()) <= 1.0
