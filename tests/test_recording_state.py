"""The one rule for what became of an evaluation's recording (domain.recording_state, issue 27)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from nunrec_desktop.domain import RecordingState, recording_state

NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Call:
    recording_id: str | None
    call_start: datetime | None
    live: bool = False


def test_a_recent_call_is_available() -> None:
    assert recording_state(Call("r1", NOW - timedelta(days=29, hours=23)), set(), NOW, 30) == RecordingState.AVAILABLE


def test_a_call_exactly_as_old_as_the_retention_period_has_expired() -> None:
    assert recording_state(Call("r1", NOW - timedelta(days=30)), set(), NOW, 30) == RecordingState.EXPIRED
    assert recording_state(Call("r1", NOW - timedelta(days=7)), set(), NOW, 7) == RecordingState.EXPIRED


def test_erased_wins_over_expired_and_live_over_everything() -> None:
    old = NOW - timedelta(days=40)
    assert recording_state(Call("r1", old), {"r1"}, NOW, 30) == RecordingState.ERASED
    assert recording_state(Call("r1", NOW), frozenset({"r1"}), NOW, 30) == RecordingState.ERASED
    assert recording_state(Call(None, old, live=True), {"r1"}, NOW, 30) == RecordingState.LIVE


def test_a_call_without_a_start_is_judged_by_erasure_only() -> None:
    assert recording_state(Call("r1", None), set(), NOW, 30) == RecordingState.AVAILABLE
    assert recording_state(Call("r1", None), {"r1"}, NOW, 30) == RecordingState.ERASED


def test_the_states_are_the_words_of_the_json_contract() -> None:
    """`nunrec evaluations --json` prints `recording` as available/expired/erased/live (README)."""
    assert [str(s) for s in RecordingState] == ["available", "erased", "expired", "live"]
