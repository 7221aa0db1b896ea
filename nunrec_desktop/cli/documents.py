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


def cmd_export(args: argparse.Namespace, io: Io) -> int:
    kind = "feedback" if args.command == "export-feedback" else "dialog"
    with signed_in(args, io) as desk:
        written = desk.export_document(kind, args.employee, args.out, args.first, args.last)
    print(f"Geschreven: {written}", file=io.stdout)
    return 0
