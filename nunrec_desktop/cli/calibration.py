"""`nunrec calibration ...` (issue 26): calibration between coaches, signed in as a coach.

`share --evaluation ID` shares the call of one of your submitted evaluations (purpose "kalibratie", audited);
`list` the calibrations you take part in; `score --calibration ID --answer KEY=ANTWOORD ...` your blind
answers; `show --calibration ID [--json]` the answers side by side once all have submitted; `agree` the agreed
result (the spread is kept); `stats [--json]` agreement per criterion and Krippendorff's alpha over all
calibrations pooled. The employee is never named; a manager or IT colleague is refused (exit 1, Dutch).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from nunrec_desktop.cli.common import Io, duration, signed_in
from nunrec_desktop.domain import InvalidInput

if TYPE_CHECKING:
    from nunrec_desktop.cli.common import Subcommands
    from nunrec_desktop.services.calibrations import CalibrationView


def add_calibration(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    calibration = sub.add_parser("calibration", parents=[common], help="kalibratie tussen coaches")
    actions = calibration.add_subparsers(dest="calibration_command", metavar="ACTIE", required=True)

    def action(name: str, text: str) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, parents=[common], help=text)
        parser.add_argument("--user", required=True, help="je gebruikersnaam (coach)")
        parser.add_argument("--password-stdin", action="store_true")
        return parser

    action("share", "een beoordeeld gesprek delen voor kalibratie").add_argument(
        "--evaluation", type=int, required=True, metavar="ID"
    )
    action("list", "de kalibraties waaraan je meedoet")
    for name, text in (("score", "je eigen (blinde) antwoorden"), ("agree", "het afgesproken resultaat")):
        parser = action(name, text)
        parser.add_argument("--calibration", type=int, required=True, metavar="ID")
        parser.add_argument("--answer", action="append", default=[], metavar="CRITERIUM=ANTWOORD")
        if name == "agree":
            parser.add_argument("--note", default="", metavar="TEKST", help="toelichting (geen gegevens van bellers)")
    show = action("show", "de antwoorden naast elkaar (als iedereen heeft ingevuld)")
    show.add_argument("--calibration", type=int, required=True, metavar="ID")
    show.add_argument("--json", action="store_true")
    action("stats", "overeenstemming per criterium en Krippendorffs alfa").add_argument("--json", action="store_true")


def _answers(pairs: list[str]) -> dict[str, str]:
    answers: dict[str, str] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not key.strip() or not value.strip() or len(pair) > 200:
            raise InvalidInput("Schrijf een antwoord als --answer CRITERIUM=ANTWOORD, bijvoorbeeld doorvragen=goed.")
        answers[key.strip()] = value.strip()
    return answers


def _view_json(view: CalibrationView) -> dict[str, object]:
    return {
        "id": view.id,
        "state": view.state,
        "call_start": view.call_start.isoformat().replace("+00:00", "Z") if view.call_start else None,
        "call_duration_s": view.call_duration_s,
        "shared_by": view.shared_by,
        "participants": view.participants,
        "submitted": view.submitted,
        "criteria": [{"key": r.key, "answers": r.answers, "agreed": r.agreed, "same": r.same} for r in view.rows],
    }


def cmd_calibration(args: argparse.Namespace, io: Io) -> int:
    from nunrec_desktop.services.calibration_desk import CalibrationDesk  # on use: the CLI starts fast

    command = args.calibration_command
    with signed_in(args, io) as desk:
        if not isinstance(desk, CalibrationDesk):
            raise InvalidInput("Alleen een coach doet mee aan kalibratie.")
        if command == "share":
            number = desk.share_for_calibration(args.evaluation)
            print(f"Gedeeld voor kalibratie: kalibratie {number}. De andere coaches vullen blind in.", file=io.stdout)
        elif command == "list":
            for view in desk.calibrations():
                moment = f"{view.call_start.astimezone():%d-%m-%Y om %H:%M}" if view.call_start else "-"
                state = {"scoring": "invullen", "revealed": "te bespreken", "agreed": "afgesproken"}[view.state]
                mine = "ingevuld" if view.mine_submitted else "nog invullen"
                print(f"{view.id:>5}  gesprek van {moment}  {state}  ({mine})", file=io.stdout)
        elif command == "score":
            desk.score_calibration(args.calibration, _answers(args.answer))
            print(f"Ingevuld: kalibratie {args.calibration}.", file=io.stdout)
        elif command == "agree":
            view = desk.agree_calibration(args.calibration, _answers(args.answer), args.note)
            print(f"Afgesproken: kalibratie {view.id}.", file=io.stdout)
        elif command == "show":
            view = desk.calibration(args.calibration)
            if args.json:
                print(json.dumps(_view_json(view), ensure_ascii=False), file=io.stdout)
                return 0
            length = duration(view.call_duration_s) if view.call_duration_s is not None else "-"
            moment = f"{view.call_start.astimezone():%d-%m-%Y om %H:%M}" if view.call_start else "-"
            print(f"Kalibratie {view.id}: gesprek van {moment}, duur {length}", file=io.stdout)
            if not view.revealed:
                print(
                    f"Ingevuld door {len(view.submitted)} van {len(view.participants)} coaches; de antwoorden "
                    "verschijnen als iedereen heeft ingevuld.",
                    file=io.stdout,
                )
                return 0
            for row in view.rows:
                given = ", ".join(f"{name}: {answer}" for name, answer in row.answers.items())
                agreed = f"  -> {row.agreed}" if row.agreed else ""
                print(f"{'=' if row.same else '!'} {row.text[:60]:<60}  {given}{agreed}", file=io.stdout)
        else:  # stats
            stats = desk.calibration_stats()
            if args.json:
                record = {
                    "calibrations": stats.calibrations,
                    "alpha": stats.alpha,
                    "enough_for_alpha": stats.enough,
                    "criteria": [
                        {"key": c.key, "calibrations": c.calibrations, "all_same": c.all_same} for c in stats.criteria
                    ],
                }
                print(json.dumps(record, ensure_ascii=False), file=io.stdout)
                return 0
            print(f"Kalibraties samen: {stats.calibrations}", file=io.stdout)
            for c in stats.criteria:
                print(f"{round(100 * c.share):>4} %  eensgezind  {c.text[:70]}", file=io.stdout)
            if stats.alpha is None:
                print("Krippendorffs alfa: niet te berekenen (te weinig verschil in de antwoorden).", file=io.stdout)
            elif not stats.enough:
                print(
                    f"Krippendorffs alfa (ordinaal): {stats.alpha:.2f}, maar op minder dan 10 kalibraties: nog niet "
                    "betrouwbaar; kijk naar de eensgezindheid per criterium.",
                    file=io.stdout,
                )
            else:
                print(f"Krippendorffs alfa (ordinaal): {stats.alpha:.2f}", file=io.stdout)
    return 0
