"""`directory check`: what the municipality's directory says about one person and what nunrec makes of it, as
one JSON object (`user`, `display_name`, `groups`, `role`, `source`, `refusal`), so IT can test the `auth.*`
settings. With `--password-stdin` it binds as that person; without, it reads with this workstation's
Kerberos ticket. Exit 0 when the person would be let in, 1 otherwise. Audited; the password is not kept.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from nunrec_desktop.cli.common import Io, local_admin, open_workspace, read_secret
from nunrec_desktop.domain import InvalidInput

if TYPE_CHECKING:
    from nunrec_desktop.cli.common import Subcommands


def add_directory(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("directory", parents=[common], help="aanmelden met de directory testen")
    actions = parser.add_subparsers(dest="directory_command", metavar="ACTIE", required=True)
    check = actions.add_parser(
        "check", parents=[common], help="wat de directory over één persoon zegt en welke rol volgt (JSON)"
    )
    check.add_argument("--user", required=True, metavar="NAME", help="gebruikersnaam in de directory")
    check.add_argument(
        "--password-stdin", action="store_true", help="wachtwoord op standaardinvoer; zonder: het Kerberos-ticket"
    )


def cmd_directory(args: argparse.Namespace, io: Io) -> int:

    services = open_workspace(args, io)
    try:
        directory = services.directory
        if directory is None:
            raise InvalidInput('Deze werkmap gebruikt geen directory: zet auth.kind = "directory" in nunrec.toml.')
        password = read_secret(args, io, "Wachtwoord: ", confirm=False) if args.password_stdin else None
        decision = directory.check(local_admin(), args.user, password)
    finally:
        services.close()
    print(json.dumps(decision.as_json(), ensure_ascii=False), file=io.stdout)
    return 0 if decision.role is not None else 1
