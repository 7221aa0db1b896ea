"""Decoding from memory: every telephony format soundfile reads, clear Dutch errors for the rest,
incomplete files noticed, header mutations never crash, and summaries equal a brute-force min/max."""

from __future__ import annotations

import io
import itertools

import numpy as np
import pytest
import soundfile as sf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nunrec_desktop.adapters.audio.decode import SMALLEST_BLOCK, AudioDecodeError, WaveformSummary, decode, is_complete


def speechy(seconds: float, rate: int, channels: int) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    lanes = [
        0.4 * np.sin(2 * np.pi * (220 + 90 * c) * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 3 * t)) for c in range(channels)
    ]
    return np.stack(lanes, axis=1)


def encoded(fmt: str, subtype: str, rate: int = 8000, channels: int = 2, seconds: float = 3.0) -> bytes:
    buffer = io.BytesIO()
    sf.write(buffer, speechy(seconds, rate, channels), rate, format=fmt, subtype=subtype)
    return buffer.getvalue()


FORMATS = [
    ("WAV", "PCM_16", 8000, 2),
    ("WAV", "ALAW", 8000, 2),
    ("WAV", "ULAW", 8000, 2),
    ("WAV", "GSM610", 8000, 1),
    ("FLAC", "PCM_16", 8000, 2),
    ("OGG", "VORBIS", 8000, 2),
    ("OGG", "OPUS", 8000, 2),
    ("MP3", "MPEG_LAYER_III", 8000, 2),
]


@pytest.mark.parametrize(("fmt", "subtype", "rate", "channels"), FORMATS)
def test_every_telephony_format_decodes_from_memory(fmt: str, subtype: str, rate: int, channels: int) -> None:
    audio = decode(encoded(fmt, subtype, rate, channels), "rec-1")
    assert audio.samples.dtype == np.int16 and audio.channels == channels and audio.sample_rate == rate
    assert (audio.format, audio.subtype) == (fmt, subtype)
    assert abs(audio.duration_s - 3.0) < 0.15  # codecs pad a little
    assert int(np.abs(audio.samples).max()) > 5000  # real signal, not silence


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xf1\x50\x80\x02\x1f\xfc" + bytes(400),  # an AAC (ADTS) frame header
        bytes(np.random.default_rng(1).integers(0, 256, 8000, dtype=np.uint8)),  # raw G.711 / G.722 without header
        b"RIFF\x24\x00\x00\x00WAVEfmt ",  # a header that stops
        b"this is not audio at all" * 40,
    ],
    ids=["empty", "aac", "raw-g711", "cut-header", "garbage"],
)
def test_unreadable_audio_gets_a_dutch_message_naming_the_recording(data: bytes) -> None:
    with pytest.raises(AudioDecodeError, match="rec-42"):
        decode(data, "rec-42")


def test_a_truncated_file_decodes_shorter_and_is_reported_incomplete() -> None:
    whole = encoded("WAV", "ALAW", seconds=10.0)
    cut = decode(whole[: len(whole) // 2], "rec-1")
    assert 4.5 < cut.duration_s < 5.5
    assert not is_complete(cut.duration_s, 10.0)
    assert is_complete(decode(whole, "rec-1").duration_s, 10.0)
    assert is_complete(9.5, 10.0) and not is_complete(8.5, 10.0) and is_complete(3.0, None)


WAV = encoded("WAV", "ALAW", seconds=0.5)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 59), st.integers(0, 255)), min_size=1, max_size=6))
def test_mutated_wav_headers_never_crash(mutations: list[tuple[int, int]]) -> None:
    data = bytearray(WAV)
    for position, value in mutations:
        data[position] = value
    try:
        audio = decode(bytes(data), "rec-x")
    except AudioDecodeError as error:
        assert "rec-x" in str(error)
    else:
        assert audio.frames > 0 and audio.samples.ndim == 2


def brute(values: np.ndarray, start: int, stop: int) -> tuple[int, int]:
    chunk = values[start:stop]
    return int(chunk.min()), int(chunk.max())


def test_summary_levels_equal_brute_force() -> None:
    rng = np.random.default_rng(3)
    samples = rng.integers(-32768, 32767, size=(100_003, 2), dtype=np.int16)
    summary = WaveformSummary.build(samples)
    assert summary.frames == 100_003
    for level, (mins, maxs) in enumerate(summary.levels):
        block = SMALLEST_BLOCK << level
        for channel in (0, 1):
            for index in {0, min(1, len(mins) - 1), len(mins) // 2, len(mins) - 1}:
                assert (mins[index, channel], maxs[index, channel]) == brute(
                    samples[:, channel], index * block, (index + 1) * block
                )
    assert len(summary.levels[-1][0]) >= 1


@pytest.mark.parametrize(
    ("first", "last", "width"),
    [
        (0, 100_003, 1920),
        (0, 100_003, 300),
        (5_000, 7_000, 1920),
        (12_345, 12_400, 800),
        (0, 100_003, 7),
        (99_000, 100_003, 640),
    ],
)
def test_columns_equal_brute_force_over_their_frames(first: int, last: int, width: int) -> None:
    rng = np.random.default_rng(4)
    samples = rng.integers(-32768, 32767, size=(100_003, 2), dtype=np.int16)
    summary = WaveformSummary.build(samples)
    edges, level, _summarised = summary.column_edges(first, last, width)
    assert len(edges) == width + 1 and edges[0] <= first + (SMALLEST_BLOCK << max(level, 0)) and edges[-1] == last
    assert all(b >= a for a, b in itertools.pairwise(edges))
    for channel in (0, 1):
        mins, maxs = summary.columns(samples, channel, first, last, width)
        assert len(mins) == width
        for column in range(width):
            start, stop = edges[column], max(edges[column + 1], edges[column] + 1)
            assert (mins[column], maxs[column]) == brute(samples[:, channel], start, stop), (column, level)


def test_a_whole_call_view_uses_the_summary_not_the_raw_samples() -> None:
    samples = np.zeros((8000 * 600 + 123, 2), dtype=np.int16)  # ten minutes and a ragged tail
    summary = WaveformSummary.build(samples)
    _, level, summarised = summary.column_edges(0, len(samples), 1920)
    assert level >= 2 and summarised >= 1918
