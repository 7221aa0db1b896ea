"""Document commands: `export-feedback` and `export-dialog` (PDFs for the employee and the Dialog talk)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from nunrec_desktop.cli.common import Io, signed_in

if TYPE_CHECKING:
    from nunrec_desktop.cli.common import Subcommands


def add_exports(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    for name, text in (
        ("export-feedback", "terugkoppeling voor de medewerker als PDF"),
        ("export-dialog", "voorbereiding van het Dialog-gesprek als PDF"),
    ):
        export = sub.add_parser(name, parents=[common], help=text)
        export.add_argument("--user", required=True)
        export.add_argument("--password-stdin", action="store_true")
        export.add_argument("--employee", required=True, metavar="ID")
        export.add_argument("--from", dest="first", type=date.fromisoformat, default=None, metavar="JJJJ-MM-DD")
        export.add_argument("--to", dest="last", type=date.fromisoformat, default=None, metavar="JJJJ-MM-DD")
        export.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
        if name == "export-feedback":
            export.add_argument(
                "--evaluations",
                type=_ids,
                default=None,
                metavar="ID[,ID...]",
                help="alleen deze beoordelingen (ids uit 'nunrec evaluations')",
            )


def _ids(text: str) -> list[int]:
    try:
        ids = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("geef ids als getallen, gescheiden door komma's (bijv. 12,15)") from None
    if not ids or len(ids) > 500:
        raise argparse.ArgumentTypeError("geef 1 tot 500 ids, gescheiden door komma's")
    if any(not 1 <= value <= 2**63 - 1 for value in ids):  # a database id: positive, 64 bits
        raise argparse.ArgumentTypeError("een id is een positief geheel getal (bijv. 12)")
    return ids


def cmd_export(args: argparse.Namespace, io: Io) -> int:
    kind = "feedback" if args.command == "export-feedback" else "dialog"
    with signed_in(args, io) as desk:
        written = desk.export_document(
            kind, args.employee, args.out, args.first, args.last, getattr(args, "evaluations", None)
        )
    print(f"Geschreven: {written}", file=io.stdout)
    return 0
