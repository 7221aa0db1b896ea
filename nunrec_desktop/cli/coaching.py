"""Coaching commands (issue 13): `evaluations` (the history of one employee) and `conversation add` (the
feedback conversation of the employee's latest cycle). Signed in as the coach, under the same policy as the
screens: another coach's employee and the IT role are refused (exit 1, Dutch). The history gives ids, dates,
statuses, cycles and counts per A: never caller data, never note text."""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from typing import TYPE_CHECKING

from nunrec_desktop.cli.common import Io, signed_in
from nunrec_desktop.domain import InvalidInput

if TYPE_CHECKING:
    from nunrec_desktop.cli.common import Subcommands


def add_evaluations(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    history = sub.add_parser(
        "evaluations", parents=[common], help="de beoordelingen van een medewerker (geschiedenis, per cyclus)"
    )
    history.add_argument("--user", required=True, help="je gebruikersnaam (coach)")
    history.add_argument("--password-stdin", action="store_true")
    history.add_argument("--employee", required=True, metavar="ID")
    history.add_argument("--json", action="store_true", help="één JSON-object per regel")


def add_conversation(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    conversation = sub.add_parser("conversation", parents=[common], help="het feedbackgesprek met een medewerker")
    actions = conversation.add_subparsers(dest="conversation_command", metavar="ACTIE", required=True)
    add = actions.add_parser("add", parents=[common], help="een gesprek vastleggen voor de laatste cyclus")
    add.add_argument("--user", required=True, help="je gebruikersnaam (coach)")
    add.add_argument("--password-stdin", action="store_true")
    add.add_argument("--employee", required=True, metavar="ID")
    add.add_argument("--date", dest="held_on", type=date.fromisoformat, required=True, metavar="JJJJ-MM-DD")
    add.add_argument("--agreement", action="append", default=[], metavar="TEKST", help="een afspraak (herhaalbaar)")
    add.add_argument("--reaction", default="", metavar="TEKST", help="de reactie van de medewerker")
    add.add_argument("--agrees", choices=("yes", "no"), default=None, help="eens met de terugkoppeling")
    add.add_argument("--disagreement", default="", metavar="TEKST", help="waarover niet (bij --agrees no)")


def _utc(moment: datetime | None) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def cmd_evaluations(args: argparse.Namespace, io: Io) -> int:
    with signed_in(args, io) as desk:
        history = desk.history(args.employee)
    for entry in history.entries:
        evaluation = entry.evaluation
        record = {
            "id": evaluation.id,
            "source": evaluation.source,
            "call_start": _utc(evaluation.call_start),
            "status": entry.status,
            "version": evaluation.revision,
            "cycle_id": entry.cycle.id if entry.cycle else None,
            "cycle_start": _utc(entry.cycle.started_at) if entry.cycle else None,
            "drawn": evaluation.drawn,
            "submitted_at": _utc(evaluation.submitted_at),
            "in_feedback": entry.in_feedback,
            "recording": entry.recording_state,
            "answers": {key: counts for key, counts in entry.answers.items() if counts},
        }
        if args.json:
            print(json.dumps(record, ensure_ascii=False, allow_nan=False), file=io.stdout)
    if not args.json:
        print(f"{'id':>6}  {'gesprek':<16}  {'bron':<12} {'status':<22} {'cyclus':<11} terugkoppeling", file=io.stdout)
        for entry in history.entries:
            evaluation = entry.evaluation
            status = {"draft": "concept", "submitted": "ingediend", "corrected": "gecorrigeerd"}[entry.status]
            cycle = f"{entry.cycle.started_at.astimezone():%d-%m-%Y}" if entry.cycle else "geen"
            status += f", versie {evaluation.revision}"
            print(
                f"{evaluation.id:>6}  {entry.moment.astimezone():%d-%m-%Y %H:%M}  "
                f"{'side-by-side' if evaluation.live else 'opname':<12} {status:<22} "
                f"{cycle:<11} {'ja' if entry.in_feedback else 'nee'}",
                file=io.stdout,
            )
        print(f"Beoordelingen: {len(history.entries)}", file=io.stdout)
    return 0


def cmd_conversation(args: argparse.Namespace, io: Io) -> int:
    agrees = None if args.agrees is None else args.agrees == "yes"
    if args.disagreement and agrees is not False:
        raise InvalidInput("--disagreement hoort bij --agrees no.")
    with signed_in(args, io) as desk:
        recorded = desk.record_conversation(
            args.employee, args.held_on, list(args.agreement), args.reaction, agrees, args.disagreement
        )
    print(
        f"Vastgelegd: het gesprek van {recorded.held_on:%d-%m-%Y} (cyclus {recorded.cycle_id}), "
        f"afspraken: {len(recorded.agreements)}.",
        file=io.stdout,
    )
    return 0
