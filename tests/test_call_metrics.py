"""Manner-of-conversation measures on generated calls with known speech: the service and `nunrec call-metrics`
(stereo, mono, the channel map, unreadable files, strict JSON)."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import InvalidInput
from nunrec_desktop.services.call_metrics import CallFigures, channels_of, detect_speech, measure
from tests.call_signals import (
    CALLER_SPEECH,
    EMPLOYEE_SPEECH,
    HOLD,
    OVERLAP,
    RATE,
    as_int16,
    speech_lane,
    stereo_call,
    wav_bytes,
)

TOLERANCE_S = 0.15


def close(
    found: list[list[float]] | tuple[tuple[float, float], ...], expected: tuple[tuple[float, float], ...]
) -> bool:
    return len(found) == len(expected) and all(
        abs(a - x) <= TOLERANCE_S and abs(b - y) <= TOLERANCE_S for (a, b), (x, y) in zip(found, expected, strict=True)
    )


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["call-metrics", *args], Io(stdout=out, stderr=err))
    return code, out.getvalue(), err.getvalue()


def strict_json(text: str) -> dict[str, Any]:
    def refuse(name: str) -> None:
        raise AssertionError(f"not strict JSON: {name}")

    data: dict[str, Any] = json.loads(text, parse_constant=refuse)
    return data


def test_stereo_call_measures_match_the_known_speech() -> None:
    samples = as_int16(stereo_call())
    metrics = measure([samples[:, 0], samples[:, 1]], RATE)

    assert close(metrics.speech["employee"], tuple(EMPLOYEE_SPEECH))
    assert close(metrics.speech["caller"], tuple(CALLER_SPEECH))
    assert close(metrics.silences, ((12.7, 18.0), HOLD))  # both quiet for 2 s or more; 8.6..9.0 is not
    assert close(metrics.overlaps or (), (OVERLAP,))  # the short "ja" at 12.4 is not a talking-over
    employee_time = sum(b - a for a, b in EMPLOYEE_SPEECH)
    caller_time = sum(b - a for a, b in CALLER_SPEECH)
    assert metrics.talk_share is not None
    assert metrics.talk_share["employee"] == pytest.approx(employee_time / (employee_time + caller_time), abs=0.02)
    assert metrics.talk_share["employee"] + metrics.talk_share["caller"] == pytest.approx(1.0)
    assert metrics.longest_monologue_s == {
        "employee": pytest.approx(6.0, abs=0.15),
        "caller": pytest.approx(4.5, abs=0.15),
    }
    assert metrics.turns == 6  # E C E C E C: the "ja" does not take the floor, the same side after a silence is no turn


def test_layout_does_not_matter_frames_first_or_channels_first() -> None:
    samples = as_int16(stereo_call())
    frames_first = measure(channels_of(samples, 2), RATE)
    channels_first = measure(channels_of(np.ascontiguousarray(samples.T), 2), RATE)
    assert frames_first == channels_first
    assert len(channels_of(samples[:, 0], 1)) == 1


def test_the_noise_floor_follows_the_line() -> None:
    # Line noise jumps from -54 dBFS to -34 dBFS halfway; speech stays well above both.
    lane = speech_lane(((2.0, 6.0), (24.0, 28.0)), 40.0, seed=3, noise=0.002)
    lane[20 * RATE :] += np.random.default_rng(9).standard_normal(20 * RATE) * 0.02
    speech = detect_speech(as_int16(lane), RATE)
    seconds = np.flatnonzero(speech) * 0.02
    assert speech.sum() * 0.02 == pytest.approx(8.0, abs=0.4)  # the louder noise is not taken for speech
    assert seconds.min() == pytest.approx(2.0, abs=0.1) and seconds.max() == pytest.approx(28.0, abs=0.15)


def test_digital_silence_and_a_silent_side() -> None:
    silent = np.zeros(10 * RATE, dtype=np.int16)
    nobody = measure([silent, silent], RATE)
    assert nobody.speech == {"employee": (), "caller": ()}
    assert nobody.talk_share is None and nobody.turns == 0
    assert nobody.silences == ((0.0, 10.0),)
    json.dumps(nobody.to_json(), allow_nan=False)
    one_side = measure([as_int16(speech_lane(((1.0, 4.0),), 10.0, seed=4)), silent], RATE)
    assert one_side.talk_share == {"employee": 1.0, "caller": 0.0}
    assert one_side.longest_monologue_s is not None and one_side.longest_monologue_s["caller"] == 0.0


def test_a_channel_map_must_name_two_channels_of_the_recording() -> None:
    samples = as_int16(stereo_call(seconds=10.0))
    with pytest.raises(InvalidInput, match="kanaalindeling"):
        measure([samples[:, 0], samples[:, 1]], RATE, (0, 2))
    with pytest.raises(InvalidInput):
        measure([samples[:, 0], samples[:, 1]], RATE, (1, 1))


def test_figures_keep_numbers_only_and_refuse_what_is_not_a_number() -> None:
    samples = as_int16(stereo_call())
    figures = measure([samples[:, 0], samples[:, 1]], RATE).figures()
    assert figures.holds == 2 and figures.overlaps == 1 and figures.turns == 6
    assert figures.hold_total_s == pytest.approx(5.3 + 3.0, abs=0.3)
    assert figures.longest_hold_s == pytest.approx(5.3, abs=0.15)
    from dataclasses import asdict

    stored = json.loads(json.dumps(asdict(figures)))
    assert CallFigures.from_dict(stored) == figures
    for bad in (math.nan, "12", True):
        with pytest.raises(InvalidInput):
            CallFigures.from_dict({**stored, "hold_total_s": bad})


# -- the command ----------------------------------------------------------------------------------


def test_call_metrics_prints_one_strict_json_object(tmp_path: Path) -> None:
    path = tmp_path / "gesprek.wav"
    path.write_bytes(wav_bytes(stereo_call()))  # G.711 A-law, as the store delivers it
    code, out, err = run_cli(str(path))
    assert code == 0 and err == ""
    assert out.count("\n") == 1
    data = strict_json(out)
    assert list(data) == [
        "duration_s",
        "speech",
        "talk_share",
        "silences",
        "overlaps",
        "longest_monologue_s",
        "turns",
    ]
    assert data["duration_s"] == 40.0
    assert close(data["speech"]["employee"], tuple(EMPLOYEE_SPEECH))
    assert close(data["speech"]["caller"], tuple(CALLER_SPEECH))
    assert close(data["silences"], ((12.7, 18.0), HOLD))
    assert close(data["overlaps"], (OVERLAP,))
    assert data["talk_share"]["employee"] > 0.6 and data["turns"] == 6
    for start, end in data["speech"]["employee"]:
        assert round(start, 2) == start and round(end, 2) == end  # rounded seconds


def test_the_channel_map_swaps_the_sides(tmp_path: Path) -> None:
    path = tmp_path / "omgekeerd.wav"
    path.write_bytes(wav_bytes(stereo_call()[:, ::-1]))  # the caller on channel 0
    default = strict_json(run_cli(str(path))[1])
    code, out, _ = run_cli(str(path), "--channel-map", "caller,employee")
    swapped = strict_json(out)
    assert code == 0
    assert close(swapped["speech"]["employee"], tuple(EMPLOYEE_SPEECH))
    assert swapped["speech"]["employee"] == default["speech"]["caller"]
    assert swapped["talk_share"] == {
        "employee": default["talk_share"]["caller"],
        "caller": default["talk_share"]["employee"],
    }
    assert swapped["longest_monologue_s"]["employee"] == default["longest_monologue_s"]["caller"]


def test_a_mono_file_gives_silences_only(tmp_path: Path) -> None:
    path = tmp_path / "mono.wav"
    path.write_bytes(wav_bytes(stereo_call().sum(axis=1) / 2, subtype="PCM_16"))
    code, out, _ = run_cli(str(path))
    data = strict_json(out)
    assert code == 0
    assert list(data["speech"]) == ["mix"]
    assert data["talk_share"] is None and data["overlaps"] is None
    assert data["longest_monologue_s"] is None and data["turns"] is None
    assert close(data["silences"], ((12.7, 18.0), HOLD))
    assert "stereo-opname nodig" in data["note"]


@pytest.mark.parametrize("content", [b"", b"dit is geen geluid" * 40])
def test_an_unreadable_file_is_a_dutch_message_and_exit_1(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kapot.wav"
    path.write_bytes(content)
    code, out, err = run_cli(str(path))
    assert code == 1 and out == ""
    assert err.startswith("nunrec: Opname kapot.wav")
    assert any(reason in err for reason in ("geen geluid", "beschadigd", "onbekend formaat"))


def test_a_missing_file_and_a_wrong_channel_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(str(tmp_path / "weg.wav"))
    assert code == 1 and out == "" and "niet leesbaar" in err
    path = tmp_path / "gesprek.wav"
    path.write_bytes(wav_bytes(stereo_call(seconds=5.0)))
    with pytest.raises(SystemExit) as exit_info:
        run_cli(str(path), "--channel-map", "employee,employee")
    assert exit_info.value.code == 2
    assert "employee,caller of caller,employee" in capsys.readouterr().err


@pytest.mark.parametrize(
    "options", [{"forgive": True}, {"mend": 6}, {"touching": "random"}], ids=["forgive", "mend", "touching"]
)
def test_the_loop_check_over_many_lags_at_once_equals_one_lag_at_a_time(
    options: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows of matching pairs are found for all lags in one pass, the pairs of every lag one sequence
    broken between lags (and a few lags per pass): the same rows as each lag looked at alone. Levels that
    take few values make long rows; the sounding steps come in bursts with gaps, as speech does."""
    from nunrec_desktop.services import hold_audio

    rng = np.random.default_rng(23)
    count = 3_000
    sounding = np.repeat(rng.random(count // 20) < 0.6, 20) & (rng.random(count) < 0.9)
    sounding = np.concatenate([sounding, np.zeros(80, dtype=np.bool_)])  # padded past the longest lag
    frames = len(sounding) * hold_audio.REPEAT_STEP
    level = rng.integers(0, 3, frames).astype(np.float32)
    lowest, highest = level - rng.random(frames).astype(np.float32), level + rng.random(frames).astype(np.float32)
    places = np.flatnonzero(sounding[:count]).astype(np.int32)
    near = places * hold_audio.REPEAT_STEP + hold_audio.REPEAT_STEP // 2
    lags = np.arange(50, 301, 7, dtype=np.int32)
    if options.get("touching") == "random":
        options = {"touching": rng.random(len(sounding)) < 0.05}

    def rows(some: npt.NDArray[np.int32]) -> npt.NDArray[np.bool_]:
        return hold_audio._rows(near, level[near], sounding, lowest, highest, some, 5, 0.5, **options)

    together = rows(lags)
    assert together.any() and not together.all()
    alone = np.stack([rows(lags[k : k + 1])[0] for k in range(len(lags))])
    assert np.array_equal(together, alone)
    monkeypatch.setattr(hold_audio, "ROWS_BATCH", 3 * len(near))  # three lags per pass
    assert np.array_equal(rows(lags), alone)
