"""Audio file commands for IT: `check-audio` and `call-metrics` (the player's decoding, no database)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from nunrec_desktop.cli.common import Io, number_in_range, workspace_root
from nunrec_desktop.domain import InvalidInput
from nunrec_desktop.settings import SETTINGS_FILE, load_workspace

if TYPE_CHECKING:
    from nunrec_desktop.adapters.audio.decode import DecodedAudio
    from nunrec_desktop.cli.common import Subcommands


def add_check_audio(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    check = sub.add_parser(
        "check-audio",
        parents=[common],
        help="een geluidsbestand controleren met dezelfde decodering als de speler (IT)",
    )
    check.add_argument("file", type=Path)
    check.add_argument(
        "--expected-duration",
        type=float,
        default=None,
        metavar="SECONDS",
        help="de duur volgens de gegevens van de opname; korter = onvolledig",
    )


def add_call_metrics(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    metrics = sub.add_parser(
        "call-metrics",
        parents=[common],
        help="gespreksmaten van een geluidsbestand als JSON: spreektijd, stiltes, door elkaar praten, beurten",
    )
    metrics.add_argument("file", type=Path)
    metrics.add_argument(
        "--channel-map",
        type=_channel_map,
        default=("employee", "caller"),
        metavar="employee,caller",
        help="wie op welk kanaal zit, vanaf kanaal 0 (standaard employee,caller)",
    )


def _channel_map(text: str) -> tuple[str, ...]:
    lanes = tuple(part.strip() for part in text.split(","))
    if sorted(lanes) != ["caller", "employee"]:
        raise argparse.ArgumentTypeError("geef employee,caller of caller,employee")
    return lanes


def _read_audio_file(args: argparse.Namespace) -> DecodedAudio:
    """A file named on the command line, read as the player reads it: a regular file within the caps."""
    from nunrec_desktop.adapters.audio.decode import AudioLimits, load

    limits = AudioLimits()
    root = workspace_root(args)
    if (root / SETTINGS_FILE).is_file():  # the workspace's caps, when there is one
        settings = load_workspace(root).settings
        limits = AudioLimits.from_settings(settings.audio_max_file_mb, settings.audio_max_duration_minutes)
    try:
        return load(args.file, args.file.name, limits, summarise=False).audio
    except OSError as error:
        raise InvalidInput(f"Het bestand {args.file} is niet leesbaar: {error.strerror or error}.") from error


def cmd_check_audio(args: argparse.Namespace, io: Io) -> int:
    from nunrec_desktop.adapters.audio.decode import is_complete

    number_in_range(args.expected_duration, "--expected-duration", 0.001, 24 * 3600, "seconden")
    audio = _read_audio_file(args)
    report = {
        "format": audio.format,
        "subtype": audio.subtype,
        "sample_rate": audio.sample_rate,
        "channels": audio.channels,
        "duration_s": round(audio.duration_s, 3),
        "complete": is_complete(audio.duration_s, args.expected_duration) and not audio.truncated,
        "claimed_duration_s": None if audio.claimed_duration_s is None else round(audio.claimed_duration_s, 3),
    }
    print(json.dumps(report), file=io.stdout)
    return 0


def cmd_call_metrics(args: argparse.Namespace, io: Io) -> int:
    from nunrec_desktop.services.call_metrics import channels_of, measure

    audio = _read_audio_file(args)
    lanes = channels_of(audio.samples, audio.channels)
    channel_map = (args.channel_map.index("employee"), args.channel_map.index("caller"))
    metrics = measure(lanes, audio.sample_rate, channel_map if len(lanes) > 1 else None)
    print(json.dumps(metrics.to_json(), allow_nan=False), file=io.stdout)
    return 0
