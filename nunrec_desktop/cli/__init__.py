"""The `nunrec` command: without a sub-command it opens the application; the sub-commands are for IT.

Every command takes `--workspace DIR`. Errors go to stderr as a Dutch sentence with exit code 1;
argument mistakes exit 2 (argparse). Passwords are read from standard input with `--password-stdin`
(first line), or asked for interactively when standard input is a terminal.

One module per group of commands (accounts, directory, audit, recordings, audio, documents, coaching, workspace,
privacy), each with its parsers (`add_...`) and commands (`cmd_...`); this module assembles the parser and runs a
command.
Importing it loads no database, migration, audio or HTTP library: the commands import the application
(app.py) only when they open a workspace.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from nunrec_desktop.cli import (
    accounts,
    audio,
    audit,
    calibration,
    coaching,
    directory,
    documents,
    privacy,
    recordings,
    review,
    workspace,
)
from nunrec_desktop.cli.common import Io, default_demo_dir, workspace_root
from nunrec_desktop.domain import NunrecError
from nunrec_desktop.gui import run_gui
from nunrec_desktop.settings import SETTINGS_FILE, Settings, Workspace

__all__ = ["COMMANDS", "Io", "main"]


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--workspace",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="werkmap (standaard: de gebruikersmap van dit platform)",
    )
    parser = argparse.ArgumentParser(
        prog="nunrec",
        parents=[common],
        description="nunrec desktop: coaching van KCC-gesprekken (gemeente Nunspeet). "
        "Zonder opdracht opent de applicatie.",
    )
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    for add in (  # the order of `nunrec --help`
        workspace.add_init,
        workspace.add_demo,
        accounts.add_users,
        accounts.add_employees,
        accounts.add_store,
        directory.add_directory,
        recordings.add_recordings,
        audio.add_check_audio,
        audio.add_call_metrics,
        privacy.add_pii_scan,
        documents.add_exports,
        coaching.add_evaluations,
        coaching.add_conversation,
        calibration.add_calibration,
        recordings.add_sample,
        recordings.add_subject_access,
        recordings.add_erase,
        workspace.add_retention,
        audit.add_audit,
        review.add_access_review,
    ):
        add(sub, common)
    return parser


COMMANDS: dict[str, Callable[[argparse.Namespace, Io], int]] = {
    "init": workspace.cmd_init,
    "demo": workspace.cmd_demo,
    "users": accounts.cmd_users,
    "employees": accounts.cmd_employees,
    "store": accounts.cmd_store,
    "directory": directory.cmd_directory,
    "audit": audit.cmd_audit,
    "recordings": recordings.cmd_recordings,
    "check-audio": audio.cmd_check_audio,
    "call-metrics": audio.cmd_call_metrics,
    "pii-scan": privacy.cmd_pii_scan,
    "export-feedback": documents.cmd_export,
    "export-dialog": documents.cmd_export,
    "evaluations": coaching.cmd_evaluations,
    "conversation": coaching.cmd_conversation,
    "calibration": calibration.cmd_calibration,
    "retention": workspace.cmd_retention,
    "erase": recordings.cmd_erase,
    "subject-access": recordings.cmd_subject_access,
    "sample": recordings.cmd_sample,
    "access-review": review.cmd_access_review,
}


def _last_resort(args: argparse.Namespace, error: BaseException) -> str:
    """Log an unexpected error's traceback to the workspace log (when there is one) and say where it went."""
    import logging  # only after a failure: `logging` costs ~8 ms the commands' start need not pay

    from nunrec_desktop.app import configure_logging

    logger = logging.getLogger("nunrec_desktop")
    if not any(getattr(h, "nunrec_workspace_log", False) for h in logger.handlers):
        root = Path(
            getattr(args, "workspace", None) or (default_demo_dir() if args.command == "demo" else workspace_root(args))
        )
        try:
            if (root / SETTINGS_FILE).is_file():
                configure_logging(Workspace(root, Settings()))
        except OSError:
            pass
    handlers = [h for h in logger.handlers if getattr(h, "nunrec_workspace_log", False)]
    logging.raiseExceptions = False  # a full disk must not turn the log write itself into a traceback
    logger.error("nunrec %s failed unexpectedly", args.command or "(gui)", exc_info=error)
    if handlers and isinstance(handlers[0], logging.FileHandler):
        return f" De details staan in {handlers[0].baseFilename}."
    return ""


def _database_full(error: Exception) -> bool:
    """SQLite's "database or disk is full" (only a command that opened a workspace has SQLAlchemy loaded)."""
    if "sqlalchemy" not in sys.modules:
        return False
    from sqlalchemy.exc import OperationalError

    return isinstance(error, OperationalError) and "full" in str(error.orig)


def _os_error_sentence(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    if error.errno == errno.ENOSPC:
        return f"De schijf is vol{where}; maak ruimte vrij en probeer het opnieuw."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Geen toestemming om te schrijven of te lezen{where}."
    return f"Een bestand of map kon niet worden gebruikt{where}: {error.strerror or error}."


def main(argv: Sequence[str] | None = None, io: Io | None = None) -> int:
    io = io or Io()
    args = _parser().parse_args(argv)
    try:
        if args.command is None:
            return run_gui(workspace_root(args), keyring_factory=io.keyring_factory, clock=io.clock)
        return COMMANDS[args.command](args, io)
    except NunrecError as error:
        print(f"nunrec: {error}", file=io.stderr)
        return 1
    except KeyboardInterrupt:
        print("nunrec: afgebroken.", file=io.stderr)
        return 130
    except BrokenPipeError:  # e.g. `nunrec recordings ... | head`: the reader has what it wanted
        if io.stdout is sys.stdout:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 0
    except OSError as error:  # a full disk, a folder without permission, a vanished share
        print(f"nunrec: {_os_error_sentence(error)}{_last_resort(args, error)}", file=io.stderr)
        return 1
    except Exception as error:  # the last resort: never a traceback on the screen, always one in the log
        if _database_full(error):
            sentence = "De schijf met de database is vol; maak ruimte vrij en probeer het opnieuw."
        else:
            sentence = f"Er ging iets onverwachts mis ({type(error).__name__}); de opdracht is afgebroken."
        print(f"nunrec: {sentence}{_last_resort(args, error)}", file=io.stderr)
        return 1
