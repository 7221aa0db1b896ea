"""Commands on the recordings a coach may see: `recordings`, `sample` (P7), `erase` (P2) and
`subject-access` (AVG art. 15)."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from nunrec_desktop.cli.common import Io, duration, number_in_range, signed_in
from nunrec_desktop.domain import InvalidInput

if TYPE_CHECKING:
    from nunrec_desktop.cli.common import Subcommands


def add_recordings(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    recs = sub.add_parser("recordings", parents=[common], help="de opnames die een coach mag zien")
    recs.add_argument("--user", required=True, help="uw gebruikersnaam")
    recs.add_argument("--password-stdin", action="store_true")
    recs.add_argument("--employee", default=None, metavar="ID", help="alleen gesprekken van deze medewerker")
    recs.add_argument("--json", action="store_true", help="één JSON-object per regel")


def add_sample(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    sample = sub.add_parser("sample", parents=[common], help="gesprekken kiezen voor een coachingscyclus (P7)")
    sample.add_argument("--user", required=True)
    sample.add_argument("--password-stdin", action="store_true")
    sample.add_argument("--employee", required=True, metavar="ID")
    sample.add_argument("--count", type=int, required=True)
    sample.add_argument("--seed", type=int, default=None, help="zelfde seed, zelfde keuze (standaard: willekeurig)")
    sample.add_argument("--min-duration", type=float, default=60.0, metavar="SECONDS")
    sample.add_argument(
        "--reason",
        choices=("technical", "unfit", "not_customer", "other"),  # services.draws.REPLACE_REASONS, not imported here
        default=None,
        help="waarom opnieuw gekozen wordt terwijl de lopende cyclus nog niet beoordeelde gesprekken heeft",
    )
    sample.add_argument("--reason-text", default="", metavar="TEKST", help="bij --reason other: kort waarom")


def add_subject_access(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    access = sub.add_parser(
        "subject-access",
        parents=[common],
        help="inzage (AVG art. 15): alles wat over een medewerker is vastgelegd, als PDF",
    )
    access.add_argument("--user", required=True)
    access.add_argument("--password-stdin", action="store_true")
    access.add_argument("--employee", required=True, metavar="ID")
    access.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")


def add_erase(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    erase = sub.add_parser("erase", parents=[common], help="een opname verwijderen op verzoek van de beller (P2)")
    erase.add_argument("--user", required=True)
    erase.add_argument("--password-stdin", action="store_true")
    erase.add_argument("--caller", required=True, metavar="NUMMER", help="het nummer dat de beller opgeeft")
    erase.add_argument(
        "--around", required=True, metavar='"JJJJ-MM-DD UU:MM"', help="ongeveer het tijdstip van het gesprek"
    )
    erase.add_argument("--window-minutes", type=int, default=30)
    erase.add_argument("--yes", action="store_true", help="verwijderen als er precies één opname gevonden is")
    erase.add_argument("--reference", default="", help="kenmerk van het verzoek (bijvoorbeeld VZ-2026-017)")


def cmd_recordings(args: argparse.Namespace, io: Io) -> int:
    with signed_in(args, io) as desk:
        listing = desk.recordings(args.employee)
    for item in listing.items:
        if args.json:
            record = {
                "id": item.id,
                "start": item.start.isoformat().replace("+00:00", "Z"),
                "duration_s": item.duration_s,
                "employee_id": item.employee_ids[0],
                "employee_ids": list(item.employee_ids),
                "employee": item.employee_names,
                "expires_in_days": item.expires_in_days,
                "evaluated": item.evaluated,
                "transferred": item.transferred,
            }
            print(json.dumps(record, ensure_ascii=False, allow_nan=False), file=io.stdout)
    if not args.json:
        print(
            f"{'datum en tijd':<17} {'duur':>6}  {'medewerker':<28} {'verdwijnt over':<15} beoordeeld", file=io.stdout
        )
        for item in listing.items:
            days = "vandaag" if item.expires_in_days == 0 else f"{item.expires_in_days} dagen"
            print(
                f"{item.start.astimezone().strftime('%d-%m-%Y %H:%M'):<17} {duration(item.duration_s):>6}  "
                f"{item.employee_names[:28]:<28} {days:<15} {'ja' if item.evaluated else 'nee'}",
                file=io.stdout,
            )
        print(f"{len(listing.items)} opnames", file=io.stdout)
    if listing.skipped:
        print(
            f"Let op: {len(listing.skipped)} onderdelen in de opnameopslag zijn overgeslagen omdat ze onvolledig "
            "of onleesbaar zijn (details in logs/nunrec.log van de werkmap).",
            file=io.stderr,
        )
    return 0


def cmd_sample(args: argparse.Namespace, io: Io) -> int:
    from nunrec_desktop.services.draws import MAX_SEED

    number_in_range(args.count, "--count", 1, 50)
    number_in_range(args.seed, "--seed", 0, MAX_SEED)
    number_in_range(args.min_duration, "--min-duration", 0, 4 * 3600, "seconden")
    with signed_in(args, io) as desk:
        from nunrec_desktop.services.draws import ReplaceReason

        reason = ReplaceReason(args.reason, args.reason_text) if args.reason else None
        draw = desk.draw(args.employee, args.count, args.seed, args.min_duration, reason)
    for recording in draw.picks:
        print(
            json.dumps(
                {
                    "id": recording.id,
                    "start": recording.start.isoformat().replace("+00:00", "Z"),
                    "duration_s": recording.duration_s,
                    "seed": draw.seed,
                    "draw": draw.id,
                }
            ),
            file=io.stdout,
        )
    if len(draw.picks) < args.count:
        print(f"Let op: er waren maar {len(draw.picks)} geschikte gesprekken.", file=io.stderr)
    return 0


def cmd_subject_access(args: argparse.Namespace, io: Io) -> int:
    with signed_in(args, io) as desk:
        written = desk.export_subject_access(args.employee, args.out)
    print(f"Geschreven: {written}", file=io.stdout)
    return 0


def cmd_erase(args: argparse.Namespace, io: Io) -> int:
    number_in_range(args.window_minutes, "--window-minutes", 1, 24 * 60, "minuten")
    try:
        around = datetime.strptime(args.around, "%Y-%m-%d %H:%M").astimezone()
    except ValueError:
        raise InvalidInput('Geef het tijdstip als "JJJJ-MM-DD UU:MM", bijvoorbeeld "2026-11-24 10:50".') from None
    except (OverflowError, OSError):
        raise InvalidInput(f"Het tijdstip {args.around} ligt buiten het bereik van de klok.") from None
    try:
        _ = around - timedelta(minutes=args.window_minutes), around + timedelta(minutes=args.window_minutes)
    except OverflowError:
        raise InvalidInput(f"Het tijdstip {args.around} ligt buiten het bereik van de klok.") from None
    if args.yes and not args.reference.strip():
        raise InvalidInput("Geef met --reference het kenmerk van het verzoek; dat komt in het auditlog.")
    with signed_in(args, io) as desk:
        search = desk.search_for_erasure(args.caller, around, args.window_minutes)
        candidates = search.candidates
        if search.skipped:
            print(
                f"Let op: {search.skipped} onderdelen in de opnameopslag rond dit tijdstip zijn ongeldig of dubbel en "
                "zijn overgeslagen; de opname van de beller kan daarbij zitten. Laat IT ze nakijken (details in "
                "logs/nunrec.log van de werkmap).",
                file=io.stderr,
            )
        for candidate in candidates:
            print(
                f"{candidate.recording_id}  {candidate.start.astimezone().strftime('%d-%m-%Y %H:%M')}  "
                f"{duration(candidate.duration_s):>6}  {candidate.employee_names}",
                file=io.stdout,
            )
        if not candidates and args.yes and search.skipped:
            raise InvalidInput(
                "Er is geen geldige opname gevonden en er is niets verwijderd; kijk eerst de ongeldige onderdelen na."
            )
        if not candidates:
            print("Geen opname gevonden bij dit nummer rond dit tijdstip.", file=io.stdout)
            return 1 if args.yes else 0
        if not args.yes:
            return 0
        if len(candidates) != 1:
            raise InvalidInput(f"Er zijn {len(candidates)} opnames gevonden; maak het zoekvenster kleiner.")
        desk.erase(candidates[0], args.reference)  # refused when the recording changed since it was listed
    print(f"Opname {candidates[0].recording_id} is verwijderd en wordt nooit meer getoond.", file=io.stdout)
    return 0
