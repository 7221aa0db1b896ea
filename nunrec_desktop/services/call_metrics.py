"""Manner-of-conversation measures from the two lanes of a call (P6: the manner, never the content).

Input is one 1-D int16 array per channel and the sample rate, so the measures do not depend on how the
decoder lays out its samples. Speech is found by energy alone on 20 ms frames: no speech recognition and
nothing about what is said. Per lane the frame energy (dBFS) is compared with an adaptive noise floor (a
low percentile of each half second: its 2nd quietest of 25 frames, not the quietest, which sits 6-10 dB
under ordinary line noise; of those the minimum over the 5 s before and over the 5 s after, the higher of
the two, so a line that gets noisier is followed at once), with a higher threshold to start speech and a
lower one to carry it on (hysteresis). Pauses shorter than 0.3 s are bridged and every stretch of speech
keeps a hangover of 60 ms after its last loud frame; sounds shorter than 60 ms (clicks) are dropped
before the pauses are bridged, and bursts shorter than 80 ms after. Hold audio is not speech: sound that
repeats itself (hold music, a recorded "een moment geduld" in a loop) is taken out, looked for where the
other side is quiet for a few seconds (everywhere on a mono recording). A loop is found in two looks: its
200 ms envelope matching itself over a long row of 100 ms steps at a lag of 1-6 s in whole steps (give or
take two frames), then, at the 20 ms frame lag that fits best, its 80 ms envelope (the syllables, which
speech does not repeat) matching strictly. What sounds between two stretches of hold audio while the other
side waits is hold audio too (a loop heard fewer than two times: the end of its first turn is never heard
again).

From the two lanes (employee, caller): speech segments per lane, talk share (fractions of all speech time),
silences where both are quiet for at least 2 s (holds), overlaps where both speak for at least 0.5 s,
the longest monologue per side (one side holding the floor, pauses under 2 s), and the number of turns:
how often the floor is taken, where taking it means speaking alone for at least 0.5 s (a short "ja" or
"hm" does not take it). A mono recording gives silences only; the two-sided measures need two lanes.
The energy of a frame is estimated from every fourth sample at 8 kHz (40 per frame; more are skipped at
higher rates), in chunks, so the cost hardly depends on the decoder's layout. The two lanes are worked on
side by side, on two threads.
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

FRAME_S = 0.02
ENERGY_SAMPLES = 40  # samples per frame used for the energy estimate (every fourth one at 8 kHz)
CHUNK_FRAMES = 8192  # frames per conversion chunk: keeps the float copy in the cache
FLOOR_BLOCK_S = 0.5
FLOOR_RANK = 1  # of the 25 frames of a block, the 2nd quietest (about the 5th percentile) is the floor
FLOOR_REACH_S = 5.0  # seconds before and after a frame that the noise floor looks at
START_MARGIN_DB = 12.0  # above the noise floor: speech starts
KEEP_MARGIN_DB = 7.0  # above the noise floor: speech that has started carries on
ABSOLUTE_MIN_DBFS = -62.0  # never speech below this, however quiet the line
QUIETEST_DBFS = -100.0  # digital silence is counted as this
BRIDGE_S = 0.3
HANGOVER_S = 0.06
MIN_SPEECH_S = 0.08
MIN_SOUND_S = 0.06  # a run of speech holds at least one stretch of sound this long; a click fills 1-2 frames
HOLD_S = 2.0
MIN_OVERLAP_S = 0.5
MIN_TURN_S = 0.5
# Hold audio: a sound that repeats itself (see `_repeated`), on a 10 Hz envelope (5 frames a step)
REPEAT_STEP = 5
REPEAT_SHARP = 4  # frames of power around each frame (80 ms): its syllables, at a frame lag
REPEAT_SMOOTH = 10  # frames of power around each step (200 ms): a loop need not be a whole number of steps
REPEAT_MIN_LAG, REPEAT_MAX_LAG = 10, 60  # steps: loops of 1 to 6 s
REPEAT_PAIRS = 16  # sounding pairs in a row that must match
WAITING_S = 3.0  # the other side quiet this long at least: hold audio is looked for there
REPEAT_EXTEND = 3  # pairs: a row this long at a loop's lag, touching the loop, is part of it
REPEAT_GAP = 6  # steps: a longer gap between sounding pairs ends a row of matches
REPEAT_PAIRS_MONO = 16  # mono (both sides on one lane, looked at everywhere): as many, on the sharp envelope
REPEAT_TOLERANCE_DB = 3.0  # the candidates: the near end within this of the far end's +-2-frame range
CLICK_DB = 10.0  # a frame this much louder than both its neighbours is a click
REPEAT_FINE_DB = 2.0  # strictly, at a frame lag: the sharp envelope within this of the far end's +-1 frame
REPEAT_CLOSE_DB = 1.0  # between lags that hold as many pairs, the one where most pairs are this close wins
REPEAT_MEND = 6  # pairs: two rows at least this long with REPEAT_MEND_OUT pairs or fewer out between them
REPEAT_MEND_OUT = 2  # are one row (a click in one turn; the energy of a syllable's edge, from every 4th sample)
REPEAT_SLACK = 2  # frames: a loop's length is found to the 20 ms frame, around a lag of whole steps
HOLD_AUDIO_SHARE = 0.5  # a run of sound mostly repeated is hold audio, not speech

EMPLOYEE, CALLER, MIX = "employee", "caller", "mix"
MONO_NOTE = (
    "Dit is een mono-opname: alleen de stiltes zijn te meten. Voor spreektijd, door elkaar praten, "
    "monologen en beurten is een stereo-opname nodig (medewerker en beller elk op een eigen kanaal)."
)

Span = tuple[float, float]
_In = TypeVar("_In")
_Out = TypeVar("_Out")
Lane = npt.NDArray[np.int16]
Mask = npt.NDArray[np.bool_]


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

    def lane_of(channel: int) -> _Lane:
        return _Lane.of(lanes[channel][:frames], sample_rate)

    if channel_map is None or len(lanes) == 1:
        active = np.zeros(frames // step, dtype=np.bool_)
        for sound in _side_by_side(lambda channel: lane_of(channel).speech(), range(len(lanes))):
            active |= sound  # hold audio on any lane is not speech
        return CallMetrics(
            duration_s=duration,
            speech=MappingProxyType({MIX: _spans(active, duration)}),
            talk_share=None,
            silences=_spans(_keep_runs(~active, _frames(HOLD_S)), duration),
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
        lambda pair: pair[0].speech(waiting=_keep_runs(~pair[1].active, _frames(WAITING_S))),
        ((employee_energy, caller_energy), (caller_energy, employee_energy)),
    )
    employee_time, caller_time = float(employee.sum()), float(caller.sum())
    total = employee_time + caller_time
    share = None if total == 0 else MappingProxyType({EMPLOYEE: employee_time / total, CALLER: caller_time / total})
    floor_e = _keep_runs(employee & ~caller, _frames(MIN_TURN_S))
    floor_c = _keep_runs(caller & ~employee, _frames(MIN_TURN_S))
    return CallMetrics(
        duration_s=duration,
        speech=MappingProxyType({EMPLOYEE: _spans(employee, duration), CALLER: _spans(caller, duration)}),
        talk_share=share,
        silences=_spans(_keep_runs(~(employee | caller), _frames(HOLD_S)), duration),
        overlaps=_spans(_keep_runs(employee & caller, _frames(MIN_OVERLAP_S)), duration),
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


# -- speech detection on one lane -----------------------------------------------------------------


def frame_energy_db(lane: Lane, sample_rate: int) -> npt.NDArray[np.float32]:
    """Mean square per 20 ms frame in dBFS, estimated from about 40 evenly spaced samples of each frame."""
    step = max(1, round(FRAME_S * sample_rate))
    count = len(lane) // step
    stride = max(1, step // ENERGY_SAMPLES)
    if step % stride:
        stride = 1
    per_frame = step // stride
    power = np.empty(count, dtype=np.float32)
    ones = np.ones(per_frame, dtype=np.float32)
    for first in range(0, count, CHUNK_FRAMES):
        last = min(count, first + CHUNK_FRAMES)
        block = lane[first * step : last * step : stride].astype(np.float32).reshape(last - first, per_frame)
        block *= block
        np.dot(block, ones, out=power[first:last])  # a matrix-vector product: far quicker than a sum per row
    power *= np.float32(1.0 / (per_frame * 32768.0**2))
    np.maximum(power, np.float32(10 ** (QUIETEST_DBFS / 10)), out=power)
    energy: npt.NDArray[np.float32] = (np.log10(power) * np.float32(10.0)).astype(np.float32)
    return energy


def noise_floor_db(energy: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Per frame, the level of the line without speech (minimum statistics): a low percentile of each half
    second (its 2nd quietest frame), then the minimum of those over the 5 s before and, separately, the 5 s
    after; the higher of the two, so that the floor follows the line at once when it gets noisier or
    quieter."""
    block = _frames(FLOOR_BLOCK_S)
    count = len(energy)
    if count == 0:
        return energy.copy()
    blocks = -(-count // block)
    padded = np.full(blocks * block, np.float32(np.inf), dtype=np.float32)
    padded[:count] = energy
    # A low percentile (the 2nd quietest of 25 frames, about the 5th), not the minimum: the quietest frame
    # sits 6-10 dB under ordinary line noise, so the noise's own peaks would cross the start threshold.
    rank = min(block - 1, FLOOR_RANK)
    quietest = np.partition(padded.reshape(blocks, block), rank, axis=1)[:, rank]
    if count % block:  # the last, partial block: its padding must not be picked
        tail = energy[(blocks - 1) * block :]
        quietest[-1] = np.partition(tail, min(len(tail) - 1, rank))[min(len(tail) - 1, rank)]
    reach = max(1, round(FLOOR_REACH_S / FLOOR_BLOCK_S))
    edge = np.full(reach, np.float32(np.inf), dtype=np.float32)
    before = np.lib.stride_tricks.sliding_window_view(np.concatenate([edge, quietest]), reach + 1).min(axis=1)
    after = np.lib.stride_tricks.sliding_window_view(np.concatenate([quietest, edge]), reach + 1).min(axis=1)
    floor = np.maximum(before, after)
    result: npt.NDArray[np.float32] = np.repeat(floor, block)[:count]
    return result


def detect_speech(lane: Lane, sample_rate: int) -> Mask:
    """Per 20 ms frame: does this lane carry speech? (energy, noise floor, hysteresis, bridge, hangover; a
    stretch that repeats itself, such as hold music or a looped announcement, is not speech)"""
    return _Lane.of(lane, sample_rate).speech()


@dataclass(frozen=True)
class _Lane:
    """One lane's frame energy and its sound (speech or hold audio) found by energy alone."""

    energy: npt.NDArray[np.float32]
    floor: npt.NDArray[np.float32]
    active: Mask

    @staticmethod
    def of(lane: Lane, sample_rate: int) -> _Lane:
        energy = frame_energy_db(lane, sample_rate)
        if len(energy) == 0:
            return _Lane(energy, energy, np.zeros(0, dtype=np.bool_))
        floor = noise_floor_db(energy)
        loud = energy > np.maximum(floor + START_MARGIN_DB, ABSOLUTE_MIN_DBFS)
        carried = energy > np.maximum(floor + KEEP_MARGIN_DB, ABSOLUTE_MIN_DBFS)
        # Hysteresis: a run above the lower threshold is sound when it reaches the higher one somewhere.
        starts, ends = _run_edges(carried)
        seen = np.concatenate([[0], np.cumsum(loud, dtype=np.int64)])
        touching = seen[ends] > seen[starts]
        # Clicks: a click fills one or two frames. Bridged, two clicks a few frames apart would pass for a
        # burst of speech, and a click just after speech would carry it on by up to a bridge. So runs shorter
        # than MIN_SOUND_S (every syllable lasts longer) are dropped before the pauses are bridged.
        sustained = touching & ((ends - starts) >= _frames(MIN_SOUND_S))
        starts, ends = _bridge_runs(starts[sustained], ends[sustained], _frames(BRIDGE_S))
        long_enough = (ends - starts) >= _frames(MIN_SPEECH_S)
        starts, ends = starts[long_enough], ends[long_enough]
        limits = np.concatenate([starts[1:], [len(energy)]])  # the hangover reaches up to the next run, not into it
        return _Lane(energy, floor, _from_runs(len(energy), starts, np.minimum(ends + _frames(HANGOVER_S), limits)))

    def speech(self, waiting: Mask | None = None) -> Mask:
        """The sound that is speech: runs mostly inside a stretch that repeats itself are hold audio. Only
        looked for where `waiting` (the other side is quiet; everywhere on a mono recording)."""
        repeated = _repeated(self.energy, self.active, waiting)
        if not repeated.any():
            return self.active
        starts, ends = _run_edges(self.active)
        counted = np.concatenate([[0], np.cumsum(repeated, dtype=np.int64)])
        hold_audio = (counted[ends] - counted[starts]) >= HOLD_AUDIO_SHARE * (ends - starts)
        hold_audio |= _between_hold_audio(starts, ends, hold_audio, waiting)
        return _from_runs(len(self.active), starts[~hold_audio], ends[~hold_audio])


def _between_hold_audio(
    starts: npt.NDArray[np.intp], ends: npt.NDArray[np.intp], hold_audio: Mask, waiting: Mask | None
) -> Mask:
    """Per run: does it lie between two runs of hold audio at most one loop apart (REPEAT_MAX_LAG steps
    from the end of the one to the start of the other), with the other side quiet (`waiting`)?

    A loop heard fewer than two times repeats only its first part: the end of its first turn is never heard
    again, so it is not found as repeated. Hold audio goes on until the employee comes back, so what
    sounds between two stretches of it, while the caller waits, is hold audio too."""
    count = len(starts)
    index = np.arange(count)
    before = np.maximum.accumulate(np.where(hold_audio, index, -1))
    after = np.minimum.accumulate(np.where(hold_audio, index, count)[::-1])[::-1]
    inside = ~hold_audio & (before >= 0) & (after < count)
    if not inside.any():
        return inside
    span = starts[np.minimum(after, count - 1)] - ends[np.maximum(before, 0)]
    inside &= span <= REPEAT_MAX_LAG * REPEAT_STEP
    if waiting is not None:
        waited = np.concatenate([[0], np.cumsum(waiting, dtype=np.int64)])
        inside &= (waited[ends] - waited[starts]) >= 0.5 * (ends - starts)
    return inside


def _repeated(energy: npt.NDArray[np.float32], active: Mask, waiting: Mask | None) -> Mask:
    """Per frame: is the sound here a repetition of the sound some 1-6 s earlier or later (a loop)?

    The sound at each sounding step (with `waiting`: where the other side is quiet too) is compared with the
    sound a lag later; where a long row of such pairs match within a few dB, both ends of the pairs are
    repeated. Speech does not repeat itself like that; hold music and recorded announcements loop.

    A loop need not last a whole number of steps: a loop of 3.88 s compared at 3.9 s is 20 ms off, enough
    to break a row at every onset. So first every lag of whole steps is tried on the smooth 200 ms envelope
    with a far end that may be up to two frames early or late: the candidates. Each is then settled at the
    20 ms frame lag around it where its pairs match best, and there the sharp 80 ms envelope (syllables;
    two sentences of one voice at one level look alike at 200 ms) must make a row within a tighter
    tolerance. Neighbouring candidates settle on one loop: the one with the most pairs in rows stays."""
    step = REPEAT_STEP
    count = len(energy) // step
    if count < 2 * REPEAT_PAIRS:
        return np.zeros(len(energy), dtype=np.bool_)
    # The envelope at every frame: the power of REPEAT_SMOOTH frames around it, in dB (smooth, for the
    # candidates), and of REPEAT_SHARP frames (its syllables, for the strict look at a frame lag).
    frames = len(energy)
    # A click (one frame far louder than both its neighbours) lands in one turn of a loop and not in the
    # next; it would break the row there. Such a frame counts as loud as the louder of its neighbours.
    neighbours = np.maximum(np.concatenate([energy[:1], energy[:-1]]), np.concatenate([energy[1:], energy[-1:]]))
    declicked = np.where(energy > neighbours + np.float32(CLICK_DB), neighbours, energy)
    power = np.power(np.float32(10.0), declicked / np.float32(10.0))
    summed = np.concatenate([[0.0], np.cumsum(power, dtype=np.float64)])
    # Per step: any frame sounding, and (with `waiting`) at least half of its frames waiting. Column by column:
    # numpy reduces a short inner axis slowly.
    frames_of_step = active[: count * step].reshape(count, step)
    sounding: Mask = frames_of_step[:, 0].copy()
    for column in range(1, step):
        sounding |= frames_of_step[:, column]
    if waiting is not None:
        waiting_of_step = waiting[: count * step].view(np.uint8).reshape(count, step)
        waited = waiting_of_step[:, 0].copy()
        for column in range(1, step):
            waited += waiting_of_step[:, column]
        sounding &= 2 * waited.astype(np.int16) >= step  # a mean of at least 0.5
    places = np.flatnonzero(sounding).astype(np.int32)
    if len(places) < 2 * REPEAT_PAIRS:
        return np.zeros(len(energy), dtype=np.bool_)
    # Padded past the end by the longest lag, so that a pair's far end needs no bounds check.
    reach = (REPEAT_MAX_LAG + 1) * step + REPEAT_SLACK + 1
    sounding = np.concatenate([sounding, np.zeros(reach // step + 1, dtype=np.bool_)])
    near = places * step + step // 2  # the frame at the centre of each sounding step

    def envelope(width: int, slack: int) -> tuple[npt.NDArray[np.float32], ...]:
        """The envelope, padded, and its lowest and highest value within +-slack frames."""
        # The mean power of `width` frames around each frame (near the ends: of those there are).
        edged_power = np.concatenate([np.zeros(width // 2 + 1), summed, np.full((width + 1) // 2, summed[-1])])
        total = edged_power[width:] - edged_power[:-width]
        level = np.empty(frames + reach, dtype=np.float32)
        level[frames:] = 0.0
        np.maximum(total[1 : frames + 1] / width, 1e-12, out=total[1 : frames + 1])
        level[:frames] = np.log10(total[1 : frames + 1])
        level[:frames] *= np.float32(10.0)
        edged = np.concatenate([np.full(slack, level[0]), level, np.full(slack, level[-1])])
        lowest, highest = level.copy(), level.copy()
        for k in range(2 * slack + 1):
            if k != slack:
                np.minimum(lowest, edged[k : k + len(level)], out=lowest)
                np.maximum(highest, edged[k : k + len(level)], out=highest)
        return level, lowest, highest

    smooth, lowest, highest = envelope(REPEAT_SMOOTH, REPEAT_SLACK)
    sharp, low_sharp, high_sharp = envelope(REPEAT_SHARP, 1)  # at a frame lag: within half a frame
    near_smooth, near_sharp = smooth[near], sharp[near]
    # Mono: both sides on one lane, looked at everywhere (REPEAT_PAIRS_MONO pairs in a row).
    needed = REPEAT_PAIRS if waiting is not None else REPEAT_PAIRS_MONO
    # Each lag of whole steps, with the far end anywhere within +-REPEAT_SLACK frames: the candidates, with
    # the pairs in their rows (all lags in one pass).
    whole_steps = np.arange(REPEAT_MIN_LAG, min(REPEAT_MAX_LAG, count - 1) + 1, dtype=np.int32)
    rows_per_lag = _rows(
        near, near_smooth, sounding, lowest, highest, whole_steps * step, needed, REPEAT_TOLERANCE_DB, forgive=True
    )
    held_by_lag = rows_per_lag.any(axis=1)
    if not held_by_lag.any():
        return np.zeros(len(energy), dtype=np.bool_)
    candidate_lags, candidate_rows = whole_steps[held_by_lag], rows_per_lag[held_by_lag]
    # Each candidate settled at the frame lag around it where most pairs of its rows match closely: the
    # loop's length (or a multiple of it), if they make a row there, strictly. Neighbouring candidates
    # settle on the same loop, give or take a frame or two: the one with the most pairs in rows stays.
    union = np.flatnonzero(candidate_rows.any(axis=0))
    some_near, some_level = near[union], near_sharp[union]
    bests = _settle(near, near_sharp, sharp, low_sharp, high_sharp, candidate_lags * step, candidate_rows)
    tried = np.unique(bests)
    held_there = _rows(
        some_near, some_level, sounding, low_sharp, high_sharp, tried, needed, REPEAT_FINE_DB, mend=REPEAT_MEND
    ).sum(axis=1)
    settled = {int(lag): int(held) for lag, held in zip(tried, held_there, strict=True)}
    loops = sorted(
        lag
        for lag, held in settled.items()
        if held
        and not any(
            abs(other - lag) <= 2 * REPEAT_SLACK and (rival, -other) > (held, -lag) for other, rival in settled.items()
        )
    )
    found = np.zeros(count, dtype=np.bool_)
    if loops:
        lags = np.array(loops, dtype=np.int32)
        in_rows = _rows(
            near, near_sharp, sounding, low_sharp, high_sharp, lags, needed, REPEAT_FINE_DB, mend=REPEAT_MEND
        )
        for lag, rows in zip(loops, in_rows, strict=True):
            _mark(found, near, lag, rows)
        # The ends of a loop (its first or last, partial, turn) repeat only a short row: at the loop's lags, a
        # shorter row that touches what was found, or lies just beside it (not what this step adds: no
        # creeping on), is taken along.
        base = np.convolve(found, np.ones(2 * REPEAT_GAP + 1, dtype=np.int8), mode="same") > 0
        ends = _rows(
            near, near_sharp, sounding, low_sharp, high_sharp, lags, REPEAT_EXTEND, REPEAT_FINE_DB, touching=base
        )
        for lag, rows in zip(loops, ends, strict=True):
            _mark(found, near, lag, rows)
    result: Mask = np.repeat(found, step)
    return np.concatenate([result, np.zeros(len(energy) - len(result), dtype=np.bool_)])


def _settle(
    near: npt.NDArray[np.int32],
    near_level: npt.NDArray[np.float32],
    fine: npt.NDArray[np.float32],
    low_fine: npt.NDArray[np.float32],
    high_fine: npt.NDArray[np.float32],
    lags: npt.NDArray[np.int32],
    rows: Mask,
) -> npt.NDArray[np.int32]:
    """Per candidate (a lag in frames and the pairs in its rows): the frame lag within +-REPEAT_SLACK of it
    where its pairs match best. Best is where most match within REPEAT_FINE_DB (of the far end's range), and
    between lags with as many, where most lie within REPEAT_CLOSE_DB of the far end itself; the first such."""
    sizes = np.count_nonzero(rows, axis=1).astype(np.int64)
    which = np.repeat(np.arange(len(lags)), sizes)  # 2-D np.nonzero is several times slower
    pick = np.flatnonzero(rows) - which * rows.shape[1]
    level, base = near_level[pick], near[pick] + lags[which]
    tolerance, close = np.float32(REPEAT_FINE_DB), np.float32(REPEAT_CLOSE_DB)
    scores = np.empty((2 * REPEAT_SLACK + 1, len(lags)), dtype=np.int64)
    for k, offset in enumerate(range(-REPEAT_SLACK, REPEAT_SLACK + 1)):
        far = base + offset
        matching = (level >= low_fine[far] - tolerance) & (level <= high_fine[far] + tolerance)
        closest = np.abs(level - fine[far]) <= close
        scores[k] = np.bincount(which[matching], minlength=len(lags)) * (sizes + 1)
        scores[k] += np.bincount(which[closest], minlength=len(lags))
    best: npt.NDArray[np.int32] = (lags + np.argmax(scores, axis=0) - REPEAT_SLACK).astype(np.int32)
    return best


def _mark(found: Mask, near: npt.NDArray[np.int32], lag: int, rows: Mask) -> None:
    """Both ends of the pairs in `rows` (at this lag in frames) are repeated."""
    found[near[rows] // REPEAT_STEP] = True
    found[(near[rows] + lag) // REPEAT_STEP] = True


ROWS_BATCH = 1 << 18  # pairs looked at in one pass over several lags (bounds the temporary arrays: ~2 MB each)


def _rows(
    near: npt.NDArray[np.integer[Any]],
    near_level: npt.NDArray[np.float32],
    sounding: Mask,
    lowest: npt.NDArray[np.float32],
    highest: npt.NDArray[np.float32],
    lags: npt.NDArray[np.integer[Any]],
    needed: int,
    tolerance_db: float,
    *,
    forgive: bool = False,
    mend: int = 0,
    touching: Mask | None = None,
) -> Mask:
    """Per lag (in frames) and pair (a sounding step, given by the frame `near` at its centre, and the step
    that lag later): is it in a row of at least `needed` consecutive matching pairs (both ends sounding, no
    gap over REPEAT_GAP steps inside a row)? A pair matches when its near level lies within `tolerance_db`
    of the far end's range `lowest`..`highest`. With `forgive`, one pair out of a row is taken along; with
    `mend`, two rows of at least that many pairs with one or two pairs out between them are one row; with
    `touching`, only the rows with an end in it count. Shape (lags, pairs); the lags are looked at together,
    as one sequence of pairs broken between lags, a few at a time."""
    result = np.zeros((len(lags), len(near)), dtype=np.bool_)
    tolerance = np.float32(tolerance_db)
    lowest, highest = lowest - tolerance, highest + tolerance  # the same float32 sums as per pair, once
    frame_sounding = np.repeat(sounding, REPEAT_STEP)  # per frame: no division per pair
    near, lags = near.astype(np.intp), np.asarray(lags, dtype=np.intp)
    places = near // REPEAT_STEP
    per_pass = max(1, ROWS_BATCH // max(1, len(near)))
    for first_lag in range(0, len(lags), per_pass):
        some = lags[first_lag : first_lag + per_pass]
        _rows_of(
            result[first_lag : first_lag + len(some)],
            near,
            places,
            near_level,
            frame_sounding,
            lowest,
            highest,
            some,
            needed,
            forgive,
            mend,
            touching,
        )
    return result


def _rows_of(
    result: Mask,
    near: npt.NDArray[np.integer[Any]],
    places: npt.NDArray[np.integer[Any]],
    near_level: npt.NDArray[np.float32],
    sounding: Mask,
    lowest: npt.NDArray[np.float32],
    highest: npt.NDArray[np.float32],
    lags: npt.NDArray[np.integer[Any]],
    needed: int,
    forgive: bool,
    mend: int,
    touching: Mask | None,
) -> None:
    """`_rows` for a few lags, into `result` (lags, pairs); `sounding` per frame, the tolerance already in
    `lowest` and `highest`; `places` the step of each pair's near end; indices as `np.intp` (none converted)."""
    far_sounding = sounding[near[np.newaxis, :] + lags[:, np.newaxis]]  # per frame, padded: none past the end
    ok = np.flatnonzero(far_sounding)
    if len(ok) < needed:
        return
    which = np.repeat(np.arange(len(lags)), np.count_nonzero(far_sounding, axis=1))  # no division per pair
    index = ok - which * len(near)
    pair, far_frame, level = places[index], near[index] + lags[which], near_level[index]
    match = level >= lowest[far_frame]
    match &= level <= highest[far_frame]
    same_lag = which[1:] == which[:-1]  # the pairs of one lag form one sequence; never linked across lags
    if forgive:  # one pair out of a long row (a click, a syllable's edge) does not break it
        match[1:-1] |= match[:-2] & match[2:] & same_lag[:-1] & same_lag[1:]
    close = (np.diff(pair) <= REPEAT_GAP) & same_lag
    linked = match[:-1] & match[1:] & close
    first, last = _run_edges(linked)  # pairs first..last are one row
    if mend and len(first) > 1:
        # Two rows of at least `mend` pairs each with one or two pairs out between them are one row: a click
        # in one turn, or the edge of a syllable, where the energy (estimated from every fourth sample)
        # depends on where the frames fall.
        size = last - first + 1
        within = np.concatenate([[0], np.cumsum(~close)])  # a gap over REPEAT_GAP steps is never bridged
        bridged = (first[1:] - last[:-1] <= REPEAT_MEND_OUT + 1) & (within[first[1:]] == within[last[:-1]])
        bridged &= (size[:-1] >= mend) & (size[1:] >= mend)
        first, last = first[np.concatenate([[True], ~bridged])], last[np.concatenate([~bridged, [True]])]
    keep = (last - first + 1) >= needed
    first, last = first[keep], last[keep]
    if touching is not None and len(first):
        near_it = touching[pair] | touching[far_frame // REPEAT_STEP]
        seen = np.concatenate([[0], np.cumsum(near_it)])
        keep = seen[last + 1] > seen[first]
        first, last = first[keep], last[keep]
    if len(first):
        assert result.flags.c_contiguous  # whole rows of a C-ordered array: reshaped as a view, not a copy
        result.reshape(-1)[ok[_from_runs(len(pair), first, last + 1)]] = True


# -- frame helpers (all vectorised) ----------------------------------------------------------------


def _frames(seconds: float) -> int:
    return max(1, round(seconds / FRAME_S))


def _run_edges(mask: Mask) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Start and end (exclusive) frame of each run of True."""
    padded = np.zeros(len(mask) + 2, dtype=np.bool_)
    padded[1:-1] = mask
    change = np.flatnonzero(padded[1:] != padded[:-1])
    return change[0::2], change[1::2]


def _keep_runs(mask: Mask, minimum: int) -> Mask:
    starts, ends = _run_edges(mask)
    keep = (ends - starts) >= minimum
    return _from_runs(len(mask), starts[keep], ends[keep])


def _from_runs(length: int, starts: npt.NDArray[np.intp], ends: npt.NDArray[np.intp]) -> Mask:
    """A mask from sorted runs that do not overlap (one np.repeat: far cheaper than a cumulative sum)."""
    edges = np.empty(2 * len(starts) + 2, dtype=np.intp)
    edges[0], edges[-1] = 0, length
    edges[1:-1:2], edges[2:-1:2] = starts, ends
    values = np.zeros(len(edges) - 1, dtype=np.bool_)
    values[1::2] = True
    result: Mask = np.repeat(values, np.diff(edges))
    return result


def _bridge_runs(
    starts: npt.NDArray[np.intp], ends: npt.NDArray[np.intp], gap: int
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Join runs whose pause is shorter than `gap` frames (ends are not moved)."""
    if len(starts) < 2:
        return starts, ends
    joined = (starts[1:] - ends[:-1]) < gap
    return starts[np.concatenate([[True], ~joined])], ends[np.concatenate([~joined, [True]])]


def _spans(mask: Mask, duration: float) -> tuple[Span, ...]:
    starts, ends = _run_edges(mask)
    return tuple((float(a) * FRAME_S, min(float(b) * FRAME_S, duration)) for a, b in zip(starts, ends, strict=True))


def _longest_monologue(side: Mask, other_floor: Mask) -> int:
    """Frames from the first to the last speech of one side while the other does not take the floor and no
    pause reaches a hold."""
    starts, ends = _run_edges(side)
    if len(starts) == 0:
        return 0
    taken = np.concatenate([[0], np.cumsum(other_floor, dtype=np.int64)])
    # Join run i and i+1 when the pause is shorter than a hold and the other side does not take the floor.
    joined = ((starts[1:] - ends[:-1]) < _frames(HOLD_S)) & (taken[starts[1:]] == taken[ends[:-1]])
    group = np.concatenate([[0], np.cumsum(~joined)])
    first = np.full(group[-1] + 1, -1, dtype=np.int64)
    first[group[::-1]] = starts[::-1]  # the first start of each group
    last = np.zeros(group[-1] + 1, dtype=np.int64)
    np.maximum.at(last, group, ends)
    return int((last - first).max())


def _turns(floor_employee: Mask, floor_caller: Mask) -> int:
    """How often the floor is taken: runs of the same side in the order its solo stretches start."""
    e_starts, _ = _run_edges(floor_employee)
    c_starts, _ = _run_edges(floor_caller)
    sides = np.concatenate([np.zeros(len(e_starts), np.int8), np.ones(len(c_starts), np.int8)])
    order = np.argsort(np.concatenate([e_starts, c_starts]), kind="stable")
    sequence = sides[order]
    if len(sequence) == 0:
        return 0
    return int(1 + np.count_nonzero(np.diff(sequence)))
