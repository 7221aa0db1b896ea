"""Workspace commands: `init`, `demo` (and `demo --open`), `retention sweep`."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from nunrec_desktop.cli.common import (
    Io,
    create_new_workspace,
    default_demo_dir,
    local_admin,
    number_in_range,
    open_workspace,
    read_secret,
    workspace_root,
)
from nunrec_desktop.domain import InvalidInput, WorkspaceError
from nunrec_desktop.gui import run_gui
from nunrec_desktop.settings import SETTINGS_FILE, load_workspace

if TYPE_CHECKING:
    from nunrec_desktop.cli.common import Subcommands

DEMO_PASSWORD_WORDS = ("kust", "veluwe", "heide", "beek", "duin", "eik", "ree", "mos", "zand", "bos")


def add_init(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    init = sub.add_parser("init", parents=[common], help="een lege werkmap aanmaken (instellingen en database)")
    init.add_argument(
        "--database-url",
        default="",
        metavar="URL",
        help="database buiten de werkmap, bijvoorbeeld postgresql+psycopg://...",
    )


def add_demo(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    demo = sub.add_parser("demo", parents=[common], help="een demowerkmap met voorbeeldgesprekken aanmaken")
    demo.add_argument("--seed", type=int, default=7, help="zelfde seed, zelfde demo (standaard 7)")
    demo.add_argument("--password-stdin", action="store_true", help="wachtwoord voor de demo-accounts van stdin")
    demo.add_argument(
        "--days",
        type=_demo_days,
        default=None,
        metavar="D",
        help=f"gesprekken van de laatste D dagen (1 tot en met {MAX_DEMO_DAYS}; standaard 35)",
    )
    demo.add_argument(
        "--calls",
        type=_demo_calls,
        default=None,
        metavar="N",
        help=f"hoogstens N gesprekken, verspreid over die dagen (1 tot en met {MAX_DEMO_CALLS}; standaard alle)",
    )
    demo.add_argument(
        "--database-url",
        default="",
        metavar="URL",
        help="database buiten de werkmap, bijvoorbeeld postgresql+psycopg://...",
    )
    demo.add_argument(
        "--open",
        action="store_true",
        help="daarna de applicatie openen; een bestaande demowerkmap wordt hergebruikt",
    )


MAX_DEMO_DAYS = 60
MAX_DEMO_CALLS = 500


def _bounded_int(text: str, low: int, high: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen geheel getal: {text[:20]!r}") from None
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"kies een getal van {low} tot en met {high}")
    return value


def _demo_days(text: str) -> int:
    return _bounded_int(text, 1, MAX_DEMO_DAYS)


def _demo_calls(text: str) -> int:
    return _bounded_int(text, 1, MAX_DEMO_CALLS)


def add_retention(sub: Subcommands, common: argparse.ArgumentParser) -> None:
    retention = sub.add_parser("retention", parents=[common], help="bewaartermijnen (IT)")
    retention_sub = retention.add_subparsers(dest="retention_command", metavar="ACTIE", required=True)
    retention_sub.add_parser(
        "sweep",
        parents=[common],
        help="verlopen beoordelingen en oude concepten verwijderen (draait ook bij elke start)",
    )


def cmd_init(args: argparse.Namespace, io: Io) -> int:
    services = create_new_workspace(workspace_root(args), args.database_url, io)
    services.close()
    print(f"Werkmap klaar: {services.workspace.root}", file=io.stdout)
    return 0


def cmd_demo(args: argparse.Namespace, io: Io) -> int:
    from nunrec_desktop.adapters.leftovers import demo_unfinished, mark_demo_finished, mark_demo_unfinished
    from nunrec_desktop.demo.workspace import DEMO_DAYS, populate_demo

    number_in_range(args.seed, "--seed", 0, 2**32 - 1)
    root = Path(getattr(args, "workspace", None) or default_demo_dir())
    if demo_unfinished(root):
        _discard_unfinished_demo(root, io)
    if (root / SETTINGS_FILE).exists():
        if args.open:
            return run_gui(root, keyring_factory=io.keyring_factory, clock=io.clock)
        raise InvalidInput(f"In {root} staat al een werkmap; kies een lege map.")
    if root.exists() and any(root.iterdir()):
        raise InvalidInput(f"De map {root} is niet leeg; kies een lege of nieuwe map.")
    if args.password_stdin:
        password, generated = read_secret(args, io, ""), False
    else:
        import secrets  # only for a generated demo password: hashlib and hmac stay off the CLI's start

        password = "-".join(secrets.choice(DEMO_PASSWORD_WORDS) for _ in range(3)) + f"-{secrets.randbelow(100)}"
        generated = True
    mark_demo_unfinished(root)  # first: a demo killed from here on is never taken for a finished one
    services = create_new_workspace(root, args.database_url, io)
    try:
        summary = populate_demo(
            store_root=services.workspace.store_path,
            accounts=services.accounts,
            people=services.people,
            audit=services.audit,
            admin=local_admin(),
            password=password,
            general_number=services.workspace.settings.general_number,
            seed=args.seed,
            now=io.clock(),
            days=DEMO_DAYS if args.days is None else args.days,
            calls=args.calls,
            guideline=services.guideline(),
            sessions=services.sessions,
            policy=services.policy,
        )
    finally:
        services.close()
    mark_demo_finished(root)  # last
    print(f"Demowerkmap aangemaakt in {root}", file=io.stdout)
    print(f"  accounts: {', '.join(summary.accounts)}", file=io.stdout)
    print(
        f"  medewerkers: {summary.employees}; opnames: {summary.recordings} ({summary.store_bytes / 1e6:.0f} MB); "
        f"beoordelingen uit eerdere cycli: {summary.evaluations}",
        file=io.stdout,
    )
    if generated:
        print(f"  wachtwoord (wordt niet opnieuw getoond): {password}", file=io.stdout)
    if args.open:
        return run_gui(root, keyring_factory=io.keyring_factory, clock=io.clock)
    return 0


def _discard_unfinished_demo(root: Path, io: Io) -> None:
    """Remove what an interrupted `nunrec demo` left in `root` (it was empty when that demo began)."""
    try:
        external = bool(load_workspace(root).settings.database_url) if (root / SETTINGS_FILE).exists() else False
    except WorkspaceError:
        external = False
    if external:
        raise InvalidInput(
            f"De demo in {root} is onderbroken en gebruikte een database buiten de werkmap; maak die database "
            "leeg, verwijder de map en maak de demo opnieuw."
        )
    if root.is_symlink():
        raise InvalidInput(f"{root} is een snelkoppeling; kies een gewone map voor de demo.")
    print(f"De demo in {root} was niet afgemaakt; hij wordt opnieuw aangemaakt.", file=io.stderr)
    shutil.rmtree(root)


def cmd_retention(args: argparse.Namespace, io: Io) -> int:

    services = open_workspace(args, io)
    try:
        report = services.retention.sweep(local_admin())
    finally:
        services.close()
    print(
        f"Verwijderd: {report.evaluations_removed} beoordelingen, {report.drafts_removed} oude concepten, "
        f"{report.snapshots_removed} ongebruikte leidraadversies, {report.calibrations_removed} kalibraties, "
        f"{report.self_evaluations_removed} eigen beoordelingen van medewerkers.",
        file=io.stdout,
    )
    return 0
