"""Audio as hostile input (issue 14, finding 9) and the numpy decoding path (issue 16): regular files only,
a size cap and a duration cap judged from the header before decoding, unsupported formats named, a data
chunk shorter than its header claims reported incomplete, and output bit-identical to libsndfile's."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from nunrec_desktop.adapters.audio.decode import (
    AudioDecodeError,
    AudioLimits,
    WaveformSummary,
    alaw_table,
    decode,
    load,
    ulaw_table,
)
from nunrec_desktop.cli import Io, main
from nunrec_desktop.settings import Settings, create_workspace


def wav(subtype: str, seconds: float = 3.0, channels: int = 2, rate: int = 8000, frames: int | None = None) -> bytes:
    count = frames if frames is not None else int(seconds * rate)
    rng = np.random.default_rng(count + channels)
    t = np.arange(count) / rate
    lanes = [0.5 * np.sin(2 * np.pi * (200 + 70 * c) * t) + 0.3 * rng.uniform(-1, 1, count) for c in range(channels)]
    buffer = io.BytesIO()
    sf.write(buffer, np.clip(np.stack(lanes, axis=1), -1, 1), rate, format="WAV", subtype=subtype)
    return buffer.getvalue()


def check_audio(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check-audio", *args], Io(stdout=out, stderr=err))
    return code, out.getvalue(), err.getvalue()


def run_cli(*args: str, timeout: float = 300.0) -> subprocess.CompletedProcess[str]:
    """As IT would run it: a real process, which must end by itself (the timeout only ends a hang)."""
    return subprocess.run(
        [sys.executable, "-m", "nunrec_desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


# -- regular files only ------------------------------------------------------------------------------------


def test_check_audio_refuses_dev_zero_at_once(tmp_path: Path) -> None:
    # Refused by what it is, before a byte is read (an endless read would run into run_cli's timeout).
    result = run_cli("check-audio", "/dev/zero", "--workspace", str(tmp_path))
    assert result.returncode == 1
    assert "geen gewoon bestand" in result.stderr and "Traceback" not in result.stderr


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "call.wav"
    os.mkfifo(fifo)
    result = run_cli("check-audio", str(fifo), "--workspace", str(tmp_path))  # a blocking open would hang here
    assert result.returncode == 1 and "geen gewoon bestand" in result.stderr


def test_a_symbolic_link_and_a_folder_are_refused(tmp_path: Path) -> None:
    real = tmp_path / "real.wav"
    real.write_bytes(wav("ALAW", 1.0))
    link = tmp_path / "link.wav"
    link.symlink_to(real)
    code, _, err = check_audio(str(link), "--workspace", str(tmp_path))
    assert code == 1 and "symbolische koppeling" in err
    code, _, err = check_audio(str(tmp_path), "--workspace", str(tmp_path))
    assert code == 1 and "geen gewoon bestand" in err
    code, out, _ = check_audio(str(real), "--workspace", str(tmp_path))
    assert code == 0 and json.loads(out)["subtype"] == "ALAW"


# -- size and duration caps, before decoding ---------------------------------------------------------------


def sparse_wav(path: Path, hours: float, channels: int = 2, rate: int = 8000, tag: int = 6) -> int:
    """A real WAV of `hours` of A-law as the header and the file's size say it; sparse on disk (zeros)."""
    data_bytes = int(hours * 3600 * rate) * channels
    header = b"RIFF" + struct.pack("<I", 36 + data_bytes) + b"WAVE"
    header += b"fmt " + struct.pack("<IHHIIHH", 16, tag, channels, rate, rate * channels, channels, 8)
    header += b"data" + struct.pack("<I", data_bytes)
    with path.open("wb") as handle:
        handle.write(header)
        handle.truncate(len(header) + data_bytes)
    return len(header) + data_bytes


def test_a_ten_hour_call_is_refused_from_its_header_without_allocating(tmp_path: Path) -> None:
    path = tmp_path / "ten-hours.wav"
    size = sparse_wav(path, 10.0)
    assert size > 500 * 1024**2
    limits = AudioLimits(max_bytes=2 * 1024**3)  # the size cap would let it through: the duration cap must not
    tracemalloc.start()
    with pytest.raises(AudioDecodeError, match=r"10 uur 00 min.*4 uur 00 min.*audio\.max_duration_minutes"):
        load(path, "rec-long", limits)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 1024**2  # not 1.8 GB: nothing but the header was read


def test_the_duration_cap_is_a_workspace_setting_and_applies_to_every_format(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    create_workspace(root, Settings(audio_max_duration_minutes=1))
    long = tmp_path / "long.wav"
    long.write_bytes(wav("ULAW", 70.0, channels=1))
    code, _, err = check_audio(str(long), "--workspace", str(root))
    assert code == 1 and "1 min" in err and "audio.max_duration_minutes" in err
    flac = io.BytesIO()
    sf.write(flac, np.zeros((8000 * 5, 1)), 8000, format="FLAC")
    with pytest.raises(AudioDecodeError, match="duurt volgens de koptekst"):  # soundfile's header, also before reading
        decode(flac.getvalue(), "rec-flac", AudioLimits(max_duration_s=2.0))


def test_the_size_cap_refuses_a_file_before_reading_it(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    create_workspace(root, Settings(audio_max_file_mb=1))
    big = tmp_path / "big.wav"
    big.write_bytes(wav("PCM_16", 40.0))  # 1.28 MB
    code, _, err = check_audio(str(big), "--workspace", str(root))
    assert code == 1 and "te groot" in err and "audio.max_file_mb" in err
    tracemalloc.start()
    with pytest.raises(AudioDecodeError, match="te groot"):
        load(big, "rec-big", AudioLimits(max_bytes=1024**2))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 256 * 1024
    with pytest.raises(AudioDecodeError, match="te groot"):  # the store's bytes, likewise
        decode(big.read_bytes(), "rec-big", AudioLimits(max_bytes=1024**2))


def test_settings_refuse_nonsense_caps(tmp_path: Path) -> None:
    from nunrec_desktop.domain import WorkspaceError
    from nunrec_desktop.settings import settings_from_mapping

    with pytest.raises(WorkspaceError, match=r"audio\.max_file_mb"):
        settings_from_mapping({"audio": {"max_file_mb": 0}})
    with pytest.raises(WorkspaceError, match=r"audio\.max_duration_minutes"):
        settings_from_mapping({"audio": {"max_duration_minutes": 100_000}})
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "`audio.max_file_mb`" in readme and "`audio.max_duration_minutes`" in readme


# -- unsupported formats are named -------------------------------------------------------------------------


def m4a_bytes() -> bytes:
    """The start of an MPEG-4 audio file (.m4a): an ftyp box, then an mdat box."""
    ftyp = b"ftypM4A " + struct.pack(">I", 0) + b"M4A mp42isom"
    return struct.pack(">I", 8 + len(ftyp)) + ftyp + struct.pack(">I", 4008) + b"mdat" + bytes(4000)


def wav_with_tag(tag: int) -> bytes:
    body = bytes(range(256)) * 40
    fmt = struct.pack("<HHIIHH", tag, 1, 16000, 8000, 1, 4)
    return (
        b"RIFF"
        + struct.pack("<I", 36 + len(body))
        + b"WAVEfmt "
        + struct.pack("<I", 16)
        + fmt
        + b"data"
        + (struct.pack("<I", len(body)) + body)
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (m4a_bytes(), "AAC wordt niet ondersteund"),
        (b"\xff\xf1\x50\x80\x02\x1f\xfc" + bytes(400), "AAC wordt niet ondersteund"),  # ADTS
        (wav_with_tag(0x0065), "G.722 wordt niet ondersteund"),  # G.722 in a WAV
        (b"#!AMR\n" + bytes(300), "AMR wordt niet ondersteund"),
        (bytes(range(256)) * 40, "onbekend formaat of geen koptekst"),
        (bytes(np.random.default_rng(7).integers(0, 256, 8000, dtype=np.uint8)), "onbekend formaat of geen koptekst"),
    ],
    ids=["m4a", "adts", "g722-wav", "amr", "raw-ulaw", "raw-g722"],
)
def test_unsupported_formats_are_named_as_unsupported(data: bytes, message: str, tmp_path: Path) -> None:
    with pytest.raises(AudioDecodeError, match=message) as caught:
        decode(data, "rec-9")
    assert "niet herkend of beschadigd" not in str(caught.value) and "rec-9" in str(caught.value)
    path = tmp_path / "call.bin"
    path.write_bytes(data)
    code, _, err = check_audio(str(path), "--workspace", str(tmp_path))
    assert code == 1 and message in err


def test_a_real_m4a_from_ffmpeg_is_named_when_ffmpeg_is_there(tmp_path: Path) -> None:
    import shutil

    if shutil.which("ffmpeg") is None:
        pytest.skip("ffmpeg is not installed here (the ftyp-header case above covers the format)")
    source, target = tmp_path / "in.wav", tmp_path / "out.m4a"
    source.write_bytes(wav("PCM_16", 1.0))
    subprocess.run(["ffmpeg", "-v", "quiet", "-i", str(source), "-c:a", "aac", str(target)], check=True)
    with pytest.raises(AudioDecodeError, match="AAC wordt niet ondersteund"):
        load(target, "rec-m4a")


# -- a data chunk shorter than its header claims ------------------------------------------------------------


@pytest.mark.parametrize("subtype", ["ALAW", "PCM_16", "GSM610"])
def test_a_cut_file_is_incomplete_without_an_expected_duration(subtype: str, tmp_path: Path) -> None:
    whole = wav(subtype, 10.0, channels=1 if subtype == "GSM610" else 2)
    cut = tmp_path / "cut.wav"
    cut.write_bytes(whole[: len(whole) * 6 // 10])
    audio = load(cut, "rec-cut").audio
    assert audio.truncated and audio.claimed_duration_s == pytest.approx(10.0, abs=0.2)
    assert 5.0 < audio.duration_s < 6.5
    code, out, _ = check_audio(str(cut), "--workspace", str(tmp_path))
    report = json.loads(out)
    assert code == 0 and report["complete"] is False and report["claimed_duration_s"] == pytest.approx(10.0, abs=0.2)
    assert set(report) >= {"format", "subtype", "sample_rate", "channels", "duration_s", "complete"}
    full = tmp_path / "full.wav"
    full.write_bytes(whole)
    code, out, _ = check_audio(str(full), "--workspace", str(tmp_path))
    assert json.loads(out)["complete"] is True and json.loads(out)["claimed_duration_s"] is None


# -- the numpy path equals libsndfile ------------------------------------------------------------------------


@pytest.mark.parametrize("subtype", ["ALAW", "ULAW", "PCM_16", "PCM_U8", "PCM_24"])
@pytest.mark.parametrize("channels", [1, 2])
@pytest.mark.parametrize("frames", [1, 255, 257, 262_145, 300_001])
def test_numpy_decoding_is_bit_identical_to_soundfile(subtype: str, channels: int, frames: int, tmp_path: Path) -> None:
    data = wav(subtype, channels=channels, frames=frames)
    expected, rate = sf.read(io.BytesIO(data), dtype="int16", always_2d=True)
    path = tmp_path / "call.wav"
    path.write_bytes(data)
    for source in (data, path):
        loaded = load(source, "rec-1")
        audio = loaded.audio
        assert (audio.format, audio.subtype, audio.sample_rate) == ("WAV", subtype, rate)
        assert audio.samples.dtype == np.int16 and audio.samples.shape == expected.shape
        assert np.array_equal(audio.samples, expected)
        assert all(audio.samples[:, c].flags.c_contiguous for c in range(channels))  # channels-first
        reference = WaveformSummary.build(np.ascontiguousarray(expected))
        assert len(loaded.summary.levels) == len(reference.levels)
        for (mins, maxs), (ref_mins, ref_maxs) in zip(loaded.summary.levels, reference.levels, strict=True):
            assert np.array_equal(mins, ref_mins) and np.array_equal(maxs, ref_maxs)


def test_the_g711_tables_equal_libsndfile_for_every_byte() -> None:
    for subtype, table in (("ALAW", alaw_table()), ("ULAW", ulaw_table())):
        data = bytearray(wav(subtype, channels=1, frames=256))
        data[-256:] = bytes(range(256))
        expected, _ = sf.read(io.BytesIO(bytes(data)), dtype="int16")
        assert np.array_equal(table, expected), subtype


def test_a_wav_with_extra_chunks_and_an_odd_chunk_decodes(tmp_path: Path) -> None:
    data = wav("ALAW", 1.0)
    fmt_end = data.index(b"fact") if b"fact" in data else data.index(b"data")
    extra = b"LIST" + struct.pack("<I", 5) + b"abcde" + b"\x00"  # odd size, padded
    patched = data[:fmt_end] + extra + data[fmt_end:]
    patched = patched[:4] + struct.pack("<I", len(patched) - 8) + patched[8:]
    expected, _ = sf.read(io.BytesIO(patched), dtype="int16", always_2d=True)
    assert np.array_equal(decode(patched, "rec-1").samples, expected)
