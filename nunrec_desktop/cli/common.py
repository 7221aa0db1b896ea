"""What every command shares: `Io` (what a command reads and writes), the password prompt, the workspace
a command works on, and opening it.

The composition root (app.py, and with it SQLAlchemy, Alembic, numpy and httpx) is imported only inside the
helpers that open a workspace, so that `import nunrec_desktop.cli` and the commands without a workspace
(`pii-scan`) stay cheap.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from nunrec_desktop.adapters.system_keyring import KeyringFactory, system_keyring
from nunrec_desktop.clock import Clock, system_clock
from nunrec_desktop.domain import InvalidInput, Role, User
from nunrec_desktop.settings import APP_AUTHOR, APP_NAME, Settings, create_workspace, default_workspace_dir

if TYPE_CHECKING:
    from nunrec_desktop.app import Services
    from nunrec_desktop.services.desk import Desk

    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]  # what each module adds its parsers to


@dataclass
class Io:
    """What a command reads and writes; tests pass their own."""

    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    keyring_factory: KeyringFactory = system_keyring
    clock: Clock = system_clock


def default_demo_dir() -> Path:
    import platformdirs  # only where the default folder is needed: ~7 ms of a command's start

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "demo-workspace"


def read_secret(args: argparse.Namespace, io: Io, prompt: str, confirm: bool = True) -> str:
    if getattr(args, "password_stdin", False):
        line = io.stdin.readline()
        if not line:
            raise InvalidInput("Er kwam geen wachtwoord binnen op standaardinvoer.")
        return line.rstrip("\r\n")
    if not io.stdin.isatty():
        raise InvalidInput("Geef het wachtwoord met --password-stdin (standaardinvoer is geen terminal).")
    import getpass  # only for a password typed at a terminal (with termios: ~1 ms of every command's start)

    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Nogmaals: ") != first:
        raise InvalidInput("De twee wachtwoorden zijn niet gelijk.")
    return first


def workspace_root(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "workspace", None) or default_workspace_dir())


def open_workspace(args: argparse.Namespace, io: Io) -> Services:
    from nunrec_desktop.app import configure_logging, open_services

    services = open_services(workspace_root(args), clock=io.clock, keyring_factory=io.keyring_factory)
    configure_logging(services.workspace)
    services.pending_parts.sweep()  # parts of exports killed earlier (see adapters/leftovers.py)
    return services


def create_new_workspace(root: Path, database_url: str, io: Io) -> Services:
    from nunrec_desktop.app import build_services, configure_logging

    workspace = create_workspace(root, Settings(database_url=database_url))
    configure_logging(workspace)
    return build_services(workspace, clock=io.clock, keyring_factory=io.keyring_factory)


@contextmanager
def signed_in(args: argparse.Namespace, io: Io) -> Iterator[Desk]:
    """Open the workspace and sign in with --user and the password (commands a coach or IT runs as themselves):
    the signed-in user's desk."""
    services = open_workspace(args, io)
    try:
        yield services.desk_for(services.auth.sign_in(args.user, read_secret(args, io, "Wachtwoord: ", confirm=False)))
    finally:
        services.close()


def duration(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def local_admin() -> User:
    """The IT colleague at the workstation's command line: the operating-system account, role `it`.

    Administrative commands (`nunrec users ...`) run with access to the workspace folder itself; they are
    audited under the operating-system user name, prefixed with `os:`.
    """
    try:
        import getpass

        name = getpass.getuser()
    except (KeyError, OSError):
        name = "onbekend"
    return User(id=0, username=f"os:{name}", role=Role.IT, display_name=f"Beheer ({name})")


def number_in_range(value: float | None, flag: str, low: float, high: float, unit: str = "") -> None:
    """A numeric flag must be a finite number in its range (argparse's `float` accepts "nan" and "inf");
    otherwise `InvalidInput` with a Dutch sentence naming the flag (exit code 1). None: not given."""
    if value is None:
        return
    shown = f"{low:g} en {high:g}{' ' + unit if unit else ''}"
    if not math.isfinite(value) or not low <= value <= high:
        raise InvalidInput(f"{flag} moet een getal tussen {shown} zijn.")
