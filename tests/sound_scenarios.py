"""Child process of tests/test_sound_device.py: plays a generated call through the real PortAudio output
(`SoundDeviceOutput`) into the PulseAudio null sink named by PULSE_SERVER, records the sink's monitor, and
prints one JSON object with what it measured. A separate process, so that PortAudio starts with the
sound server in its environment and no other test shares its device."""

from __future__ import annotations

import io
import json
import sys
import threading
import time
from typing import Any

import numpy as np
import soundfile as sf

from nunrec_desktop.adapters.audio.decode import decode
from nunrec_desktop.adapters.audio.playback import PlaybackEngine, SoundDeviceOutput

RATE = 8000
EMPLOYEE_HZ, CALLER_HZ = 440.0, 1250.0


def generated_call(seconds: float) -> bytes:
    t = np.arange(int(seconds * RATE)) / RATE
    lanes = np.stack([0.5 * np.sin(2 * np.pi * EMPLOYEE_HZ * t), 0.5 * np.sin(2 * np.pi * CALLER_HZ * t)], axis=1)
    buffer = io.BytesIO()
    sf.write(buffer, lanes, RATE, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


def tone_energy(recording: np.ndarray, hz: float) -> float:
    spectrum = np.abs(np.fft.rfft(recording * np.hanning(len(recording))))
    freqs = np.fft.rfftfreq(len(recording), 1 / RATE)
    band = (freqs > hz - 40) & (freqs < hz + 40)
    return float(spectrum[band].sum())


def wait_for_frames(output: SoundDeviceOutput, count: int, limit_s: float = 60.0) -> None:
    start, deadline = output.frames_played, time.monotonic() + limit_s
    while output.frames_played - start < count and time.monotonic() < deadline:
        time.sleep(0.01)


def main() -> int:
    import sounddevice as sd

    threads_before = {t.ident for t in threading.enumerate()}
    output = SoundDeviceOutput()
    result: dict[str, Any] = {"available": output.available, "device": str(sd.query_devices(kind="output")["name"])}
    if not output.available:
        print(json.dumps(result))
        return 0
    engine = PlaybackEngine(decode(generated_call(40.0), "gesprek.wav"), output)

    # -- speeds: the position follows the frames the device took, scaled by the speed ------------------
    speeds = []
    for speed in (1.0, 0.5, 2.0):
        engine.set_speed(speed)
        engine.seek(1.0)
        engine.play()
        wait_for_frames(output, 2000)  # past the stream's start
        frames0, position0 = output.frames_played, engine.position_s
        underruns0, starved0 = output.underruns, engine.starved
        wait_for_frames(output, RATE)
        frames1, position1 = output.frames_played, engine.position_s
        engine.pause()
        speeds.append(
            {
                "speed": speed,
                "frames": frames1 - frames0,
                "position_frames": (position1 - position0) * RATE,
                "underruns": output.underruns - underruns0,  # the device ran dry before the callback came
                "starved": engine.starved - starved0,  # the callback found too little rendered ahead
            }
        )
    result["speeds"] = speeds
    engine.set_speed(1.0)

    # -- pause: nothing is consumed and the position stands still ---------------------------------------
    engine.seek(2.0)
    engine.play()
    wait_for_frames(output, 2000)
    engine.pause()
    paused_frames, paused_position = output.frames_played, engine.position_s
    time.sleep(0.5)
    result["pause"] = {
        "frames_after": output.frames_played - paused_frames,
        "moved_s": engine.position_s - paused_position,
    }

    # -- seek while playing ----------------------------------------------------------------------------
    engine.play()
    wait_for_frames(output, 1000)
    engine.seek(20.0)
    wait_for_frames(output, 2000)
    result["seek"] = {"position_s": engine.position_s}
    engine.pause()

    # -- mute a lane: record what reached the sink --------------------------------------------------------
    def record(muted_caller: bool) -> dict[str, float]:
        engine.set_muted(1, muted_caller)
        engine.seek(5.0)
        captured: list[np.ndarray] = []

        def keep(data: np.ndarray, *_: Any) -> None:
            captured.append(data.copy())

        with sd.InputStream(samplerate=RATE, channels=1, dtype="float32", callback=keep):
            engine.play()
            wait_for_frames(output, 2 * RATE)
            engine.pause()
        recording = np.concatenate(captured)[:, 0] if captured else np.zeros(RATE)
        recording = recording[len(recording) // 4 :]
        return {"employee": tone_energy(recording, EMPLOYEE_HZ), "caller": tone_energy(recording, CALLER_HZ)}

    result["mute"] = {"both": record(False), "caller_muted": record(True)}
    engine.set_muted(1, False)

    # -- play to the end: playing stops, the position is the end, the device stream is closed -------------
    engine.seek(engine.duration_s - 0.5)
    engine.play()
    deadline = time.monotonic() + 60  # a safety net: the half second left plays in about that
    while engine.playing and time.monotonic() < deadline:
        time.sleep(0.02)
    engine.pause()  # what the player's timer does when playing has stopped
    ended_frames = output.frames_played
    time.sleep(0.3)
    result["end"] = {
        "playing": engine.playing,
        "position_s": engine.position_s,
        "duration_s": engine.duration_s,
        "frames_after_end": output.frames_played - ended_frames,
    }

    # -- close mid-stream: the stream goes, and so does every thread it started ----------------------------
    engine.seek(3.0)
    engine.play()
    wait_for_frames(output, 2000)
    engine.pause()  # the player's stop(), on close, lock and sign-out
    closed_frames = output.frames_played
    time.sleep(0.3)
    result["close"] = {
        "frames_after_close": output.frames_played - closed_frames,
        "python_threads_left": len({t.ident for t in threading.enumerate()} - threads_before),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
