"""`audit verify` and `audit anchor`: the audit log's hash chain, checked and anchored outside the database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from nunrec_desktop.cli.common import Io, open_workspace

if TYPE_CHECKING:
    from nunrec_desktop.cli.common import Subcommands


def add_audit(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    audit = sub.add_parser("audit", parents=[common], help="het auditlog")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTIE", required=True)
    verify = audit_sub.add_parser(
        "verify", parents=[common], help="de hashketen controleren (exit 0 = intact, 1 = niet)"
    )
    verify.add_argument(
        "--anchors",
        type=Path,
        default=None,
        metavar="FILE",
        help="ankerbestand van 'nunrec audit anchor': elk anker moet nog in de keten staan",
    )
    anchor = audit_sub.add_parser(
        "anchor",
        parents=[common],
        help="de kop van de keten toevoegen aan een ankerbestand buiten de database (share, WORM-map)",
    )
    anchor.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="wordt alleen aangevuld, nooit herschreven"
    )


def cmd_audit(args: argparse.Namespace, io: Io) -> int:
    from nunrec_desktop.services.audit_anchor import (
        append_anchor,
        current_anchor,
        read_anchor_file,
        verify_with_anchors,
        workspace_label,
    )

    services = open_workspace(args, io)
    label = workspace_label(services.workspace.root)
    anchor_file = None
    try:
        if args.audit_command == "anchor":
            report = services.audit.verify()
            if report.intact:
                anchor = current_anchor(services.audit, label, io.clock)
                append_anchor(args.out, anchor)
        else:
            anchor_file = read_anchor_file(args.anchors, label) if args.anchors is not None else None
            anchors = anchor_file.anchors if anchor_file is not None else None
            report = verify_with_anchors(services.audit, anchors, str(args.anchors or ""))
    finally:
        services.close()
    if report.intact and args.audit_command == "anchor":
        print(f"Anker toegevoegd aan {args.out}: regel {anchor.seq}, hash {anchor.hash}", file=io.stdout)
        return 0
    if anchor_file is not None and anchor_file.torn_lines:
        lines = ", ".join(str(n) for n in anchor_file.torn_lines)
        print(
            f"Let op: regel {lines} van het ankerbestand {args.anchors} is afgebroken (een schrijfactie die werd "
            "onderbroken, bijvoorbeeld door een crash) en is overgeslagen.",
            file=io.stderr,
        )
    if report.intact:
        proving = [a for a in anchors or [] if a.seq > 0]
        checked = f" en {len(proving)} ankers kloppen" if proving else ""
        print(f"Auditlog intact: {report.checked} regels{checked}; laatste hash {report.head_hash}", file=io.stdout)
        return 0
    if report.by_anchor:
        sentence = f"Auditlog NIET intact: {report.reason}."
    else:
        sentence = (
            f"Auditlog NIET intact vanaf regel {report.first_bad_seq}: {report.reason}. "
            f"({report.checked} regels daarvoor zijn in orde.)"
        )
    if args.audit_command == "anchor":
        sentence += " Er is geen anker geschreven."
    print(sentence, file=io.stdout)
    return 1
