"""`pii-scan`: text on standard input checked for caller data with the same guard the application uses.

It needs no workspace database: only services/privacy.py and the workspace's settings (its own numbers and
domains), so it starts in a fraction of the time the commands that open a workspace need.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from nunrec_desktop.cli.common import Io, workspace_root
from nunrec_desktop.domain import NunrecError
from nunrec_desktop.settings import Settings, load_workspace

if TYPE_CHECKING:
    from nunrec_desktop.cli.common import Subcommands


def add_pii_scan(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    sub.add_parser(
        "pii-scan",
        parents=[common],
        help="tekst op stdin controleren op gegevens van bellers (één JSON-object per vondst; exit 1 bij vondsten)",
    )


def cmd_pii_scan(args: argparse.Namespace, io: Io) -> int:
    from nunrec_desktop.services.privacy import CallerDataGuard, split_setting  # only pii-scan needs the guard

    try:  # the workspace's own numbers and domains, else the defaults
        settings = load_workspace(workspace_root(args)).settings
    except NunrecError:
        settings = Settings()
    own = split_setting(settings.privacy_own_numbers), split_setting(settings.privacy_own_domains)
    findings = CallerDataGuard(io.clock().date(), *own).scan(io.stdin.read())
    for finding in findings:
        record = {"kind": finding.kind, "start": finding.start, "end": finding.end, "text": finding.text}
        print(json.dumps(record, ensure_ascii=False), file=io.stdout)
    return 1 if findings else 0
