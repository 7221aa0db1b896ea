"""Coaching commands (issue 13): `evaluations` (the history of one employee) and `conversation add` (the
feedback conversation of the employee's latest cycle); issue 26: `conversation add --action` (an agreement with
an optional date) and `--confirmed`, `conversation actions` (every agreed action, open or closed, with when)
and `conversation close` (done, or dropped with a reason). Signed in as the coach, under the same policy as the
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
    from nunrec_desktop.services.conversations import ActionInput

STATE_WORDS = {"open": "open", "done": "gedaan", "dropped": "vervallen"}  # services.conversations.STATE_WORDS


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
    add.add_argument(
        "--action",
        action="append",
        default=[],
        metavar="TEKST[|JJJJ-MM-DD]",
        help="een afspraak als actie, met een datum na | (herhaalbaar)",
    )
    add.add_argument("--confirmed", action="store_true", help="de afspraken zijn met de medewerker bevestigd")
    listing = actions.add_parser("actions", parents=[common], help="de afgesproken acties met een medewerker")
    listing.add_argument("--user", required=True, help="je gebruikersnaam (coach)")
    listing.add_argument("--password-stdin", action="store_true")
    listing.add_argument("--employee", required=True, metavar="ID")
    listing.add_argument("--open", dest="only_open", action="store_true", help="alleen de open acties")
    listing.add_argument("--json", action="store_true", help="één JSON-object per regel")
    close = actions.add_parser("close", parents=[common], help="een afgesproken actie afronden of laten vervallen")
    close.add_argument("--user", required=True, help="je gebruikersnaam (coach)")
    close.add_argument("--password-stdin", action="store_true")
    close.add_argument("--action", dest="action_id", type=int, required=True, metavar="ID")
    close.add_argument("--state", choices=("done", "dropped", "open"), required=True)
    close.add_argument("--reason", default="", metavar="TEKST", help="waarom de actie vervalt (bij --state dropped)")


def _utc(moment: datetime | None) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def cmd_evaluations(args: argparse.Namespace, io: Io) -> int:
    with signed_in(args, io) as desk:
        history = desk.history(args.employee)
        own = desk.self_evaluations_of(args.employee)  # issue 26: the employee's own answers ("self")
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
    for mine, counts in own if args.json else []:  # the employee's own answers: their record, not a coach's score
        record = {
            "id": mine.id,
            "source": "self",
            "call_start": _utc(mine.call_start),
            "status": "submitted",
            "submitted_at": _utc(mine.created_at),
            "answers": counts,
            "criteria": mine.answers,
        }
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


def parse_action(value: str) -> ActionInput:
    """ "TEKST" or "TEKST|JJJJ-MM-DD"."""
    from nunrec_desktop.services.conversations import ActionInput  # not at import: the CLI starts fast

    what, bar, when = value.rpartition("|")
    if not bar:
        return ActionInput(value)
    try:
        return ActionInput(what, date.fromisoformat(when.strip()))
    except ValueError:
        raise InvalidInput("Een datum bij --action schrijf je als TEKST|JJJJ-MM-DD.") from None


def cmd_conversation(args: argparse.Namespace, io: Io) -> int:
    if args.conversation_command == "actions":
        return _list_actions(args, io)
    if args.conversation_command == "close":
        with signed_in(args, io) as desk:
            action = desk.close_action(args.action_id, args.state, args.reason)
        print(f"Afspraak {action.id}: {STATE_WORDS[action.state]}.", file=io.stdout)
        return 0
    agrees = None if args.agrees is None else args.agrees == "yes"
    if args.disagreement and agrees is not False:
        raise InvalidInput("--disagreement hoort bij --agrees no.")
    with signed_in(args, io) as desk:
        recorded = desk.record_conversation(
            args.employee,
            args.held_on,
            list(args.agreement),
            args.reaction,
            agrees,
            args.disagreement,
            actions=[parse_action(a) for a in args.action],
            confirmed=args.confirmed,
        )
    print(
        f"Vastgelegd: het gesprek van {recorded.held_on:%d-%m-%Y} (cyclus {recorded.cycle_id}), "
        f"afspraken: {len(recorded.agreements)}.",
        file=io.stdout,
    )
    return 0


def _list_actions(args: argparse.Namespace, io: Io) -> int:
    with signed_in(args, io) as desk:
        actions = desk.agreed_actions(args.employee)
    if args.only_open:
        actions = [a for a in actions if a.open]
    for action in actions:
        if args.json:
            record = {
                "id": action.id,
                "cycle_id": action.cycle_id,
                "agreed_on": action.agreed_on.isoformat(),
                "what": action.what,
                "due_on": action.due_on.isoformat() if action.due_on else None,
                "state": action.state,
                "reason": action.reason,
                "confirmed": action.confirmed,
                "closed_at": _utc(action.closed_at),
                "closed_in_cycle_id": action.closed_in_cycle_id,
            }
            print(json.dumps(record, ensure_ascii=False), file=io.stdout)
        else:
            due = f" (vóór {action.due_on:%d-%m-%Y})" if action.due_on else ""
            closed = f", afgesloten op {action.closed_at.astimezone():%d-%m-%Y}" if action.closed_at else ""
            why = f": {action.reason}" if action.reason else ""
            print(
                f"{action.id:>5}  {action.agreed_on:%d-%m-%Y}  {STATE_WORDS[action.state]}{closed}{why}  "
                f"{action.what}{due}",
                file=io.stdout,
            )
    if not args.json:
        print(f"Afspraken: {len(actions)}, open: {sum(a.open for a in actions)}", file=io.stdout)
    return 0
