"""Picking calls (P7): reproducible with a seed, fair (minimum duration, no evaluated calls, spread over
days and times of day), replacements recorded, draws audited with their parameters, and the sample CLI."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from nunrec_desktop.adapters.db.models import DrawRow
from nunrec_desktop.app import Services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import InvalidInput, Role, User
from nunrec_desktop.services.draws import ReplaceReason, part_of_day
from nunrec_desktop.services.evaluations import Answer, EvaluationContent
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording, tone_audio

AGAIN = ReplaceReason("unfit")  # drawing again while picks are open needs a reason (issue 20)


@pytest.fixture
def calls(services: Services, coach: User, clock: FakeClock) -> User:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    audio = tone_audio(1.0)
    for day in range(1, 11):
        for hour, duration in ((9, 120.0), (14, 45.0), (16, 300.0)):  # the 14:00 calls are too short
            start = (clock.now - timedelta(days=day)).replace(hour=hour, minute=day)
            add_recording(services.workspace.store_path, f"rec-{day:02d}-{hour}", start, duration=duration, audio=audio)
    return coach


def test_same_seed_same_picks_and_no_short_or_evaluated_calls(services: Services, calls: User) -> None:
    first = services.draws.draw(calls, "E1", 6, seed=42)
    again = services.draws.draw(calls, "E1", 6, seed=42, reason=AGAIN)
    other = services.draws.draw(calls, "E1", 6, seed=43, reason=AGAIN)
    assert [r.id for r in first.picks] == [r.id for r in again.picks] and len(first.picks) == 6
    assert [r.id for r in other.picks] != [r.id for r in first.picks]
    assert all(r.duration_s >= 60 for r in first.picks) and first.candidates == 20
    guideline = services.guideline()
    evaluated = first.picks[0]
    draft = services.evaluations.for_recording(calls, guideline, "E1", evaluated.id, evaluated.start, 120)
    services.evaluations.save_draft(
        calls,
        draft.id,
        EvaluationContent(answers={c.key: Answer(c.scale.options[0]) for s in guideline.sections for c in s.criteria}),
    )
    services.evaluations.submit(calls, draft.id, guideline, services.guard())
    later = services.draws.draw(calls, "E1", 19, seed=42, reason=AGAIN)
    assert evaluated.id not in [r.id for r in later.picks] and len(later.picks) == 19


def test_picks_are_spread_over_days_and_parts_of_the_day(services: Services, calls: User) -> None:
    for seed in range(20):
        picks = services.draws.draw(calls, "E1", 6, seed=seed, reason=AGAIN).picks
        days = {r.start.astimezone().date() for r in picks}
        parts = {part_of_day(r.start) for r in picks}
        assert len(days) >= 4 and len(parts) == 2, seed


def test_replacing_a_pick_is_recorded(services: Services, calls: User) -> None:
    draw = services.draws.draw(calls, "E1", 3, seed=7)
    replaced = draw.picks[1].id
    after = services.draws.replace(calls, draw.id, replaced, AGAIN)
    assert replaced not in [r.id for r in after.picks] and len(after.picks) == 3
    assert after.replacements[0]["old"] == replaced and after.replacements[0]["new"] in [r.id for r in after.picks]
    again = services.draws.replace(calls, draw.id, after.picks[0].id, AGAIN)
    assert len(again.replacements) == 2
    with services.sessions() as session:
        row = session.get(DrawRow, draw.id)
        assert row is not None and row.seed == 7 and len(json.loads(row.replacements)) == 2
    with pytest.raises(InvalidInput, match="hoort niet bij de trekking"):
        services.draws.replace(calls, draw.id, "rec-unknown", AGAIN)
    entries = services.audit.entries(action="draws.")
    assert entries[0].action == "draws.replaced" and entries[-1].detail.startswith(f"draw {draw.id}; seed 7; count 3")


def test_the_latest_draw_is_the_cycle_to_work_through(services: Services, calls: User, admin: User) -> None:
    assert services.draws.latest(calls, "E1") is None
    services.draws.draw(calls, "E1", 2, seed=1)
    second = services.draws.draw(calls, "E1", 3, seed=2, reason=AGAIN)
    after = services.draws.replace(calls, second.id, second.picks[0].id, AGAIN)
    latest = services.draws.latest(calls, "E1")
    assert latest is not None and latest.id == second.id and latest.seed == 2
    assert [r.id for r in latest.picks] == [r.id for r in after.picks] and len(latest.replacements) == 1
    assert latest.candidates == second.candidates and latest.created_at is not None
    other = services.accounts.add(admin, "coach2", Role.COACH, "Petra Smit", TEST_PASSWORD)
    services.people.assign(other.id, "E1", date(2026, 1, 1))
    assert services.draws.latest(other, "E1") is None  # a coach's draws are their own


def test_sample_cli(
    services: Services, calls: User, workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring
) -> None:
    def run(seed: str, *reason: str) -> list[dict[str, object]]:
        out = io.StringIO()
        code = main(
            [
                "sample",
                "--workspace",
                str(workspace_dir),
                "--user",
                "marieke",
                "--password-stdin",
                "--employee",
                "E1",
                "--count",
                "4",
                "--seed",
                seed,
                *reason,
            ],
            Io(
                stdin=io.StringIO(TEST_PASSWORD + "\n"),
                stdout=out,
                clock=clock,
                keyring_factory=lambda: keyring_backend,
            ),
        )
        assert code == 0
        return [json.loads(line) for line in out.getvalue().splitlines()]

    first, second = run("11"), run("11", "--reason", "other", "--reason-text", "opnieuw voor de test")
    assert [r["id"] for r in first] == [r["id"] for r in second] and len(first) == 4
    assert {r["seed"] for r in first} == {11}


def test_random_seeds_always_fit_the_audit_log(services: Services, calls: User) -> None:
    for _ in range(30):  # random seeds: every draw must be auditable (no phone-number-like digit runs)
        assert 0 <= services.draws.draw(calls, "E1", 1, reason=AGAIN).seed <= 99_999_999
    with pytest.raises(InvalidInput, match="0 tot en met 99999999"):
        services.draws.draw(calls, "E1", 1, seed=1_234_567_890)
