"""`access-review`: the periodic review of who has which access (BIO2, issue 25), as a PDF, and its sign-off.

`nunrec access-review --out FILE.pdf` writes the review; with `--sign-off` (and `--remark`, `--date`,
`--scope`) IT signs it off as well. The same service behind the screen "Toegangsreview" does both, under the
same policy, audited.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from nunrec_desktop.cli.common import Io, local_admin, open_workspace

if TYPE_CHECKING:
    from nunrec_desktop.cli.common import Subcommands


def add_access_review(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    review = sub.add_parser(
        "access-review", parents=[common], help="toegangsreview als PDF (wie heeft welke toegang), en aftekenen"
    )
    review.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    review.add_argument("--sign-off", action="store_true", help="de review ook aftekenen")
    review.add_argument("--date", dest="signed_on", type=date.fromisoformat, default=None, metavar="JJJJ-MM-DD")
    review.add_argument("--remark", default="", metavar="TEKST", help="korte opmerking (geen gegevens van bellers)")
    review.add_argument("--scope", choices=("full", "admin"), default="full", help="volledig of alleen beheerrechten")


def cmd_access_review(args: argparse.Namespace, io: Io) -> int:
    from nunrec_desktop.documents.layout import PdfLayout  # on use, like every service: the CLI starts fast
    from nunrec_desktop.resource_files import resources_dir  # importlib.resources: only for this command

    services = open_workspace(args, io)
    admin = local_admin()
    try:
        out = services.access_review.export(admin, args.out, PdfLayout(resources_dir() / "fonts"))
        print(f"Toegangsreview geschreven naar {out}.", file=io.stdout)
        if args.sign_off:
            signed = services.access_review.sign_off(
                admin, args.signed_on or io.clock().date(), args.remark, args.scope
            )
            print(f"Afgetekend op {signed.signed_on:%d-%m-%Y} door {signed.signed_by}.", file=io.stdout)
        for reminder in services.access_review.reminders(admin):
            print(f"Let op: {reminder}", file=io.stdout)
    finally:
        services.close()
    return 0
