"""Accuracy and cost of the call measures on two-party calls spoken by espeak-ng, on a real telephone line.

A Dutch conversation is synthesised utterance by utterance with espeak-ng, resampled to 8 kHz with sox and
placed on two lanes at known times: a hold of 8 s, an overlap where the caller starts before the employee
ends, short pauses and a little crosstalk. Then the line conditions of `tests/line_conditions.py` are added,
one case each: line noise from -65 to -45 dBFS with 50 Hz hum and clicks; hold music (sox, looped) or a
recorded "een moment geduld" announcement (espeak-ng, looped) on the employee's lane during the hold; and
mono recordings (both lanes mixed) of the noisy and the hold-audio cases. Nothing generated is kept.

Every case is written as G.711 A-law and mu-law WAV, PCM16 WAV and MP3, decoded with the player's own
decoder and measured. The truth per lane is each utterance from its first to its last audible sample; the
hold is the time between "Een ogenblik alstublieft." and "Bedankt voor het wachten." whatever plays in it.
Printed per case and format: frame-level F1 of speech per lane (mono: of the mixed lane), and how far the
hold's and the overlap's boundaries are from the truth. Goal: F1 >= 0.9 per lane and boundaries <= 0.3 s.

Then the cost: for a 60-minute stereo A-law call (the same conversation repeated), the player's open work
(decode and summaries) next to the measures on the decoded lanes, as a ratio (goal: at most 20 % extra).
Each goal is printed with whether it is met.

    .venv/bin/python benchmarks/call_metrics_accuracy.py [--quick]
Needs espeak-ng and sox on the PATH (Debian: apt-get install espeak-ng sox).
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import soundfile as sf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the line conditions live with the tests

from nunrec_desktop.adapters.audio.decode import WaveformSummary, decode
from nunrec_desktop.services.call_metrics import CallMetrics, channels_of, measure
from nunrec_desktop.services.frame_runs import FRAME_S
from tests.line_conditions import announcement_loop, hold_music, on_the_line, speak

RATE = 8000
EMPLOYEE, CALLER = 0, 1
# (side, text, pause before it starts, counted from the end of the previous utterance; negative = overlap)
SCRIPT: list[tuple[int, str, float]] = [
    (EMPLOYEE, "Goedemorgen, u spreekt met de gemeente Nunspeet, met Anouk. Waarmee kan ik u helpen?", 0.8),
    (CALLER, "Goedemorgen. Ik heb een vraag over mijn afvalpas, die doet het niet meer bij de container.", 0.6),
    (EMPLOYEE, "Dat is vervelend. Weet u sinds wanneer de pas niet meer werkt?", 0.5),
    (CALLER, "Sinds vorige week, denk ik.", 0.4),
    (EMPLOYEE, "Ik kijk het even voor u na. Een ogenblik alstublieft.", 0.7),
    (EMPLOYEE, "Bedankt voor het wachten. Ik zie dat de pas is geblokkeerd na een storing.", 8.0),  # the hold
    (CALLER, "O, en wat moet ik nu doen? Moet ik een nieuwe aanvragen?", -1.2),  # the overlap
    (EMPLOYEE, "Nee, dat hoeft niet. Ik heb de blokkade opgeheven, morgen werkt de pas weer.", 0.5),
    (CALLER, "Fijn, dank u wel.", 0.4),
    (EMPLOYEE, "Graag gedaan. Kan ik u verder nog ergens mee helpen?", 0.3),
    (CALLER, "Nee, dat was het. Fijne dag nog.", 0.5),
    (EMPLOYEE, "U ook een fijne dag. Tot ziens.", 0.4),
]
VOICES = {EMPLOYEE: ("nl+f3", 150), CALLER: ("nl+m3", 165)}  # voice, words per minute


def build_call(work: Path) -> tuple[npt.NDArray[np.float64], list[list[tuple[float, float]]], tuple[float, float]]:
    """The call (frames, 2), the true utterances per lane, and the overlap."""
    pieces = [(side, speak(text, work, *VOICES[side]), pause) for side, text, pause in SCRIPT]
    truth: list[list[tuple[float, float]]] = [[], []]
    t = 0.0
    overlap = (0.0, 0.0)
    for side, samples, pause in pieces:
        start = max(0.0, t + pause)
        end = start + len(samples) / RATE
        if pause < 0:
            overlap = (start, t)
        truth[side].append((start, end))
        t = max(t, end)
    seconds = t + 1.5
    lanes = np.zeros((int(seconds * RATE) + 1, 2))
    cursor = [0, 0]
    for side, samples, _ in pieces:
        start, _ = truth[side][cursor[side]]
        cursor[side] += 1
        first = int(start * RATE)
        lanes[first : first + len(samples), side] += samples
    crosstalk = lanes[:, ::-1] * 0.01  # a little crosstalk (-40 dB)
    return lanes + crosstalk, truth, overlap


def frames_of(spans: list[tuple[float, float]] | tuple[tuple[float, float], ...], count: int) -> npt.NDArray[np.bool_]:
    mask = np.zeros(count, dtype=np.bool_)
    for start, end in spans:
        mask[round(start / FRAME_S) : round(end / FRAME_S)] = True
    return mask


def f1(found: npt.NDArray[np.bool_], truth: npt.NDArray[np.bool_]) -> float:
    hits = np.count_nonzero(found & truth)
    precision = hits / max(1, np.count_nonzero(found))
    recall = hits / max(1, np.count_nonzero(truth))
    return 2 * precision * recall / max(1e-9, precision + recall)


def encode(call: npt.NDArray[np.float64], kind: str) -> bytes:
    buffer = io.BytesIO()
    if kind == "MP3":
        sf.write(buffer, np.clip(call, -1, 1), RATE, format="MP3", subtype="MPEG_LAYER_III")
    else:
        sf.write(buffer, np.clip(call, -1, 1), RATE, format="WAV", subtype=kind)
    return buffer.getvalue()


def boundary_error(found: tuple[tuple[float, float], ...], expected: tuple[float, float]) -> float:
    if not found:
        return float("inf")
    nearest = min(found, key=lambda s: abs(s[0] - expected[0]) + abs(s[1] - expected[1]))
    return max(abs(nearest[0] - expected[0]), abs(nearest[1] - expected[1]))


@dataclass(frozen=True)
class Case:
    name: str
    noise_dbfs: float
    hold_audio: str | None = None  # "music" or "announcement" on the employee's lane during the hold
    mono: bool = False


CASES = (
    Case("noise -65 dB, hum, clicks", -65.0),
    Case("noise -60 dB, hum, clicks", -60.0),
    Case("noise -55 dB, hum, clicks", -55.0),
    Case("noise -45 dB, hum, clicks", -45.0),
    Case("hold music, noise -60 dB", -60.0, "music"),
    Case("hold music, noise -45 dB", -45.0, "music"),
    Case("'een moment geduld' loop, -60 dB", -60.0, "announcement"),
    Case("mono, noise -60 dB", -60.0, None, True),
    Case("mono, noise -45 dB", -45.0, None, True),
    Case("mono, hold music", -60.0, "music", True),
    Case("mono, 'een moment geduld' loop", -60.0, "announcement", True),
)
QUICK = (CASES[1], CASES[4], CASES[6], CASES[9])
FORMATS = ("ALAW", "ULAW", "PCM_16", "MP3")
HOLD_AUDIO_GAP_S = 0.6  # the hold audio starts this long after the employee's last word and stops before the next


def with_line(
    call: npt.NDArray[np.float64], hold: tuple[float, float], case: Case, work: Path
) -> npt.NDArray[np.float64]:
    lanes = call.copy()
    if case.hold_audio is not None:
        first, last = int((hold[0] + HOLD_AUDIO_GAP_S) * RATE), int((hold[1] - HOLD_AUDIO_GAP_S) * RATE)
        seconds = (last - first) / RATE
        audio = hold_music(seconds, work) if case.hold_audio == "music" else announcement_loop(seconds, work)
        lanes[first : first + len(audio), EMPLOYEE] += audio
    if case.mono:
        lanes = lanes.sum(axis=1, keepdims=True) / 2
    return on_the_line(lanes, case.noise_dbfs)


def accuracy(
    call: npt.NDArray[np.float64],
    truth: list[list[tuple[float, float]]],
    overlap: tuple[float, float],
    cases: tuple[Case, ...],
    work: Path,
) -> bool:
    hold = (truth[EMPLOYEE][2][1], truth[EMPLOYEE][3][0])  # "Een ogenblik alstublieft." ... "Bedankt voor het wachten."
    print(
        f"call of {len(call) / RATE:.1f} s; hold {hold[0]:.2f}-{hold[1]:.2f} s; "
        f"overlap {overlap[0]:.2f}-{overlap[1]:.2f} s"
    )
    print(f"{'case':<36} {'format':<7} {'F1 empl.':>8} {'F1 caller':>9} {'hold err s':>10} {'overlap err s':>13}")
    ok = True
    for case in cases:
        line = with_line(call, hold, case, work)
        for kind in FORMATS:
            audio = decode(encode(line, kind), f"benchmark.{kind.lower()}")
            metrics: CallMetrics = measure(channels_of(audio.samples, audio.channels), audio.sample_rate)
            count = int(metrics.duration_s / FRAME_S)
            if case.mono:
                both = frames_of(truth[EMPLOYEE], count) | frames_of(truth[CALLER], count)
                scores = [f1(frames_of(metrics.speech["mix"], count), both)]
                overlap_error = 0.0
                cells = f"{scores[0]:>8.3f} {'(mono)':>9}"
            else:
                scores = [
                    f1(frames_of(metrics.speech[name], count), frames_of(truth[side], count))
                    for side, name in ((EMPLOYEE, "employee"), (CALLER, "caller"))
                ]
                overlap_error = boundary_error(metrics.overlaps or (), overlap)
                cells = f"{scores[0]:>8.3f} {scores[1]:>9.3f}"
            hold_error = boundary_error(metrics.silences, hold)
            good = min(scores) >= 0.9 and hold_error <= 0.3 and overlap_error <= 0.3
            overlap_cell = "-" if case.mono else f"{overlap_error:.2f}"
            print(
                f"{case.name:<36} {kind:<7} {cells} {hold_error:>10.2f} {overlap_cell:>13}{'' if good else '   MISSED'}"
            )
            ok &= good
    return ok


def cost(call: npt.NDArray[np.float64], rounds: int = 9, minutes: int = 60) -> bool:
    """Open work and measures, interleaved, 9 times; CPU time of this process (the machine is shared), and the
    wall clock for reference. The ratio uses the fastest run of each."""
    repeats = int(np.ceil(minutes * 60 * RATE / len(call)))
    hour = np.tile(call, (repeats, 1))[: minutes * 60 * RATE]
    data = encode(hour, "ALAW")
    opens, metrics_times, opens_wall, metrics_wall = [], [], [], []
    for _ in range(rounds):
        cpu, wall = time.process_time(), time.perf_counter()
        audio = decode(data, "hour")
        WaveformSummary.build(audio.samples)
        cpu_opened, wall_opened = time.process_time(), time.perf_counter()
        measure(channels_of(audio.samples, audio.channels), audio.sample_rate)
        opens.append(cpu_opened - cpu)
        metrics_times.append(time.process_time() - cpu_opened)
        opens_wall.append(wall_opened - wall)
        metrics_wall.append(time.perf_counter() - wall_opened)
    ratio = min(metrics_times) / min(opens)
    print(
        f"{minutes}-minute stereo A-law, CPU time (min of {rounds}): "
        f"open (decode + summaries) {min(opens) * 1000:.0f} ms, "
        f"measures {min(metrics_times) * 1000:.0f} ms: +{ratio:.0%} (goal <= 20 %); wall clock min "
        f"{min(opens_wall) * 1000:.0f} / {min(metrics_wall) * 1000:.0f} ms, median "
        f"{statistics.median(opens_wall) * 1000:.0f} / {statistics.median(metrics_wall) * 1000:.0f} ms"
    )
    return ratio <= 0.2


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="four cases and no cost run (CI)")
    args = parser.parse_args()
    missing = [tool for tool in ("espeak-ng", "sox") if shutil.which(tool) is None]
    if missing:
        print(f"needs {', '.join(missing)} on the PATH (apt-get install espeak-ng sox)")
        return 2
    with tempfile.TemporaryDirectory() as folder:
        call, truth, overlap = build_call(Path(folder))
        accurate = accuracy(call, truth, overlap, QUICK if args.quick else CASES, Path(folder))
    cheap = True if args.quick else cost(on_the_line(call, -60.0))
    print(f"accuracy (F1 >= 0.9 per lane, boundaries <= 0.3 s on every case): {'met' if accurate else 'NOT met'}")
    if not args.quick:
        print(f"cost (measures <= 20 % of the open): {'met' if cheap else 'NOT met'}")
    print("goals met" if accurate and cheap else "GOALS NOT MET")
    if args.quick:
        print("(--quick: one round; the goals are judged by a full run)")
        return 0
    return 0 if accurate and cheap else 1


if __name__ == "__main__":
    sys.exit(main())
