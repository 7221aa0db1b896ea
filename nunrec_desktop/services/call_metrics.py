"""Manner-of-conversation measures from the two lanes of a call (P6: the manner, never the content).

Input is one 1-D int16 array per channel and the sample rate, so the measures do not depend on how the
decoder lays out its samples. Per lane, speech is found by energy alone on 20 ms frames (`speech_activity`:
no speech recognition and nothing about what is said), and hold audio is taken out of it (`hold_audio`:
hold music or a looped announcement, looked for where the other side is quiet for a few seconds;
everywhere on a mono recording).

From the two lanes (employee, caller): speech segments per lane, talk share (fractions of all speech time),
silences where both are quiet for at least 2 s (holds), overlaps where both speak for at least 0.5 s,
the longest monologue per side (one side holding the floor, pauses under 2 s), and the number of turns:
how often the floor is taken, where taking it means speaking alone for at least 0.5 s (a short "ja" or
"hm" does not take it). A mono recording gives silences only; the two-sided measures need two lanes.
The two lanes are worked on side by side, on two threads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from nunrec_desktop.domain import InvalidInput
from nunrec_desktop.services.frame_runs import FRAME_S, Mask, frame_count, keep_runs, run_edges
from nunrec_desktop.services.hold_audio import WAITING_S, without_hold_audio
from nunrec_desktop.services.speech_activity import Lane, LaneSound

HOLD_S = 2.0
MIN_OVERLAP_S = 0.5
MIN_TURN_S = 0.5

EMPLOYEE, CALLER, MIX = "employee", "caller", "mix"
MONO_NOTE = (
    "Dit is een mono-opname: alleen de stiltes zijn te meten. Voor spreektijd, door elkaar praten, "
    "monologen en beurten is een stereo-opname nodig (medewerker en beller elk op een eigen kanaal)."
)

Span = tuple[float, float]
_In = TypeVar("_In")
_Out = TypeVar("_Out")


@dataclass(frozen=True)
class CallMetrics:
    """What the measures say about one call; times in seconds from the start of the recording.

    `speech` has the keys "employee" and "caller", or only "mix" for a mono recording; then `talk_share`,
    `overlaps`, `longest_monologue_s` and `turns` are None. `talk_share` is None too when nobody speaks.
    """

    duration_s: float
    speech: Mapping[str, tuple[Span, ...]]
    talk_share: Mapping[str, float] | None
    silences: tuple[Span, ...]
    overlaps: tuple[Span, ...] | None
    longest_monologue_s: Mapping[str, float] | None
    turns: int | None

    @property
    def two_sided(self) -> bool:
        return EMPLOYEE in self.speech

    def to_json(self) -> dict[str, Any]:
        """The `nunrec call-metrics` object: seconds rounded to 2 decimals, shares to 3."""

        def spans(items: tuple[Span, ...]) -> list[list[float]]:
            return [[round(a, 2), round(b, 2)] for a, b in items]

        return {
            "duration_s": round(self.duration_s, 2),
            "speech": {lane: spans(items) for lane, items in self.speech.items()},
            "talk_share": None
            if self.talk_share is None
            else {side: round(value, 3) for side, value in self.talk_share.items()},
            "silences": spans(self.silences),
            "overlaps": None if self.overlaps is None else spans(self.overlaps),
            "longest_monologue_s": None
            if self.longest_monologue_s is None
            else {side: round(value, 2) for side, value in self.longest_monologue_s.items()},
            "turns": self.turns,
            **({} if self.two_sided else {"note": MONO_NOTE}),
        }

    def figures(self) -> CallFigures:
        """Only the numbers (no times, no audio, no content): kept with an evaluation for the trend."""
        holds = [b - a for a, b in self.silences]
        overlaps = [b - a for a, b in self.overlaps or ()]
        share = self.talk_share
        monologue = self.longest_monologue_s
        return CallFigures(
            duration_s=round(self.duration_s, 2),
            two_sided=self.two_sided,
            talk_share_employee=None if share is None else round(share[EMPLOYEE], 3),
            holds=len(holds),
            hold_total_s=round(sum(holds), 2),
            longest_hold_s=round(max(holds, default=0.0), 2),
            overlaps=None if self.overlaps is None else len(overlaps),
            overlap_total_s=None if self.overlaps is None else round(sum(overlaps), 2),
            longest_monologue_employee_s=None if monologue is None else round(monologue[EMPLOYEE], 2),
            longest_monologue_caller_s=None if monologue is None else round(monologue[CALLER], 2),
            turns=self.turns,
        )


@dataclass(frozen=True)
class CallFigures:
    """The measures of one call as plain numbers, stored with the coach's evaluation of it (no audio,
    no content, no caller data), so the employee's own trend survives the recording's 30 days."""

    duration_s: float
    two_sided: bool
    talk_share_employee: float | None
    holds: int
    hold_total_s: float
    longest_hold_s: float
    overlaps: int | None
    overlap_total_s: float | None
    longest_monologue_employee_s: float | None
    longest_monologue_caller_s: float | None
    turns: int | None

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> CallFigures:
        """Read back what `dataclasses.asdict` stored; refuses anything that is not a finite number."""

        def number(name: str, optional: bool = True) -> float | None:
            value = data.get(name)
            if value is None and optional:
                return None
            if isinstance(value, bool) or not isinstance(value, int | float) or not np.isfinite(value):
                raise InvalidInput(f"De gespreksmaten van deze beoordeling zijn onleesbaar ({name}).")
            return float(value)

        def count(name: str) -> int | None:
            value = number(name)
            return None if value is None else int(value)

        return CallFigures(
            duration_s=number("duration_s", False) or 0.0,
            two_sided=bool(data.get("two_sided")),
            talk_share_employee=number("talk_share_employee"),
            holds=count("holds") or 0,
            hold_total_s=number("hold_total_s", False) or 0.0,
            longest_hold_s=number("longest_hold_s", False) or 0.0,
            overlaps=count("overlaps"),
            overlap_total_s=number("overlap_total_s"),
            longest_monologue_employee_s=number("longest_monologue_employee_s"),
            longest_monologue_caller_s=number("longest_monologue_caller_s"),
            turns=count("turns"),
        )


def counting_only(metrics: CallMetrics, parts: Sequence[Span]) -> CallMetrics:
    """The measures with silences counted only inside `parts` (seconds): of a transferred call, the part
    answered by another employee is silenced for this coach, and that is not a hold of this conversation."""
    kept: list[Span] = []
    for start, end in metrics.silences:
        for first, last in sorted(parts):
            a, b = max(start, first), min(end, last)
            if b - a >= HOLD_S - 1e-9:
                kept.append((a, b))
    return dataclasses.replace(metrics, silences=tuple(kept))


def channels_of(samples: npt.NDArray[np.int16], channels: int) -> list[Lane]:
    """One 1-D view per channel, from frames-first (frames, channels) or channels-first (channels, frames)."""
    if samples.ndim == 1:
        return [samples]
    if samples.shape[0] == channels and samples.shape[1] != channels:
        return [samples[c] for c in range(channels)]
    return [samples[:, c] for c in range(samples.shape[1])]


def measure(lanes: Sequence[Lane], sample_rate: int, channel_map: tuple[int, int] | None = (0, 1)) -> CallMetrics:
    """The measures of a call. `channel_map` is (employee channel, caller channel); with one lane, or with
    None (the recording does not say which channel is whom), every lane is taken together: silences only."""
    if not lanes or sample_rate <= 0:
        raise InvalidInput("Er is geen geluid om te meten.")
    frames = min(len(lane) for lane in lanes)
    duration = frames / sample_rate
    step = max(1, round(FRAME_S * sample_rate))

    def lane_of(channel: int) -> LaneSound:
        return LaneSound.of(lanes[channel][:frames], sample_rate)

    if channel_map is None or len(lanes) == 1:
        active = np.zeros(frames // step, dtype=np.bool_)
        for sound in _side_by_side(lambda channel: _speech(lane_of(channel)), range(len(lanes))):
            active |= sound  # hold audio on any lane is not speech
        return CallMetrics(
            duration_s=duration,
            speech=MappingProxyType({MIX: _spans(active, duration)}),
            talk_share=None,
            silences=_spans(keep_runs(~active, frame_count(HOLD_S)), duration),
            overlaps=None,
            longest_monologue_s=None,
            turns=None,
        )
    employee_channel, caller_channel = channel_map
    if not (0 <= employee_channel < len(lanes) and 0 <= caller_channel < len(lanes)) or (
        employee_channel == caller_channel
    ):
        raise InvalidInput(
            f"De kanaalindeling past niet bij de opname ({len(lanes)} kanalen): kies twee verschillende kanalen."
        )
    employee_energy, caller_energy = _side_by_side(lane_of, (employee_channel, caller_channel))
    # Hold audio (music, a looped announcement) plays while the other side waits (is quiet for a few
    # seconds at least): looked for only there.
    employee, caller = _side_by_side(
        lambda pair: _speech(pair[0], waiting=keep_runs(~pair[1].active, frame_count(WAITING_S))),
        ((employee_energy, caller_energy), (caller_energy, employee_energy)),
    )
    employee_time, caller_time = float(employee.sum()), float(caller.sum())
    total = employee_time + caller_time
    share = None if total == 0 else MappingProxyType({EMPLOYEE: employee_time / total, CALLER: caller_time / total})
    floor_e = keep_runs(employee & ~caller, frame_count(MIN_TURN_S))
    floor_c = keep_runs(caller & ~employee, frame_count(MIN_TURN_S))
    return CallMetrics(
        duration_s=duration,
        speech=MappingProxyType({EMPLOYEE: _spans(employee, duration), CALLER: _spans(caller, duration)}),
        talk_share=share,
        silences=_spans(keep_runs(~(employee | caller), frame_count(HOLD_S)), duration),
        overlaps=_spans(keep_runs(employee & caller, frame_count(MIN_OVERLAP_S)), duration),
        longest_monologue_s=MappingProxyType(
            {
                EMPLOYEE: _longest_monologue(employee, floor_c) * FRAME_S,
                CALLER: _longest_monologue(caller, floor_e) * FRAME_S,
            }
        ),
        turns=_turns(floor_e, floor_c),
    )


def _side_by_side(work: Callable[[_In], _Out], items: Iterable[_In]) -> list[_Out]:
    """`work` done for every item, two at a time on threads of their own: numpy lets go of the interpreter
    lock in its loops, so on two free cores two lanes take little more than the time of one."""
    todo = list(items)
    if len(todo) < 2:
        return [work(item) for item in todo]
    from concurrent.futures import ThreadPoolExecutor  # only here: importing this module stays cheap

    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="call-measures") as pool:
        return list(pool.map(work, todo))


def detect_speech(lane: Lane, sample_rate: int) -> Mask:
    """Per 20 ms frame: does this lane carry speech? (energy, noise floor, hysteresis, bridge, hangover; a
    stretch that repeats itself, such as hold music or a looped announcement, is not speech)"""
    return _speech(LaneSound.of(lane, sample_rate))


def _speech(sound: LaneSound, waiting: Mask | None = None) -> Mask:
    """The sound of a lane without its hold audio, looked for where `waiting` (everywhere with None)."""
    return without_hold_audio(sound.energy, sound.active, waiting)


# -- the measures from the speech masks (all vectorised) -----------------------------------------


def _spans(mask: Mask, duration: float) -> tuple[Span, ...]:
    starts, ends = run_edges(mask)
    return tuple((float(a) * FRAME_S, min(float(b) * FRAME_S, duration)) for a, b in zip(starts, ends, strict=True))


def _longest_monologue(side: Mask, other_floor: Mask) -> int:
    """Frames from the first to the last speech of one side while the other does not take the floor and no
    pause reaches a hold."""
    starts, ends = run_edges(side)
    if len(starts) == 0:
        return 0
    taken = np.concatenate([[0], np.cumsum(other_floor, dtype=np.int64)])
    # Join run i and i+1 when the pause is shorter than a hold and the other side does not take the floor.
    joined = ((starts[1:] - ends[:-1]) < frame_count(HOLD_S)) & (taken[starts[1:]] == taken[ends[:-1]])
    group = np.concatenate([[0], np.cumsum(~joined)])
    first = np.full(group[-1] + 1, -1, dtype=np.int64)
    first[group[::-1]] = starts[::-1]  # the first start of each group
    last = np.zeros(group[-1] + 1, dtype=np.int64)
    np.maximum.at(last, group, ends)
    return int((last - first).max())


def _turns(floor_employee: Mask, floor_caller: Mask) -> int:
    """How often the floor is taken: runs of the same side in the order its solo stretches start."""
    e_starts, _ = run_edges(floor_employee)
    c_starts, _ = run_edges(floor_caller)
    sides = np.concatenate([np.zeros(len(e_starts), np.int8), np.ones(len(c_starts), np.int8)])
    order = np.argsort(np.concatenate([e_starts, c_starts]), kind="stable")
    sequence = sides[order]
    if len(sequence) == 0:
        return 0
    return int(1 + np.count_nonzero(np.diff(sequence)))
