"""Hold audio on one lane of a call: sound that repeats itself (hold music, a recorded "een moment
geduld" in a loop) is not speech and is taken out of what `speech_activity` found.

It is looked for where the other side is quiet for a few seconds (everywhere on a mono recording). A loop
is found in two looks: its 200 ms envelope matching itself over a long row of 100 ms steps at a lag of
1-6 s in whole steps (give or take two frames), then, at the 20 ms frame lag that fits best, its 80 ms
envelope (the syllables, which speech does not repeat) matching strictly. What sounds between two
stretches of hold audio while the other side waits is hold audio too (a loop heard fewer than two times:
the end of its first turn is never heard again).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from nunrec_desktop.services.frame_runs import Mask, from_runs, run_edges

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


def without_hold_audio(energy: npt.NDArray[np.float32], active: Mask, waiting: Mask | None = None) -> Mask:
    """The sound of a lane (`active`, per frame, with its `energy`) that is speech: runs mostly inside a
    stretch that repeats itself are hold audio. Only looked for where `waiting` (the other side is quiet;
    everywhere on a mono recording)."""
    repeated = _repeated(energy, active, waiting)
    if not repeated.any():
        return active
    starts, ends = run_edges(active)
    counted = np.concatenate([[0], np.cumsum(repeated, dtype=np.int64)])
    hold_audio = (counted[ends] - counted[starts]) >= HOLD_AUDIO_SHARE * (ends - starts)
    hold_audio |= _between_hold_audio(starts, ends, hold_audio, waiting)
    return from_runs(len(active), starts[~hold_audio], ends[~hold_audio])


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
    first, last = run_edges(linked)  # pairs first..last are one row
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
        result.reshape(-1)[ok[from_runs(len(pair), first, last + 1)]] = True
