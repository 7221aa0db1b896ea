"""The `nunrec` command: without a sub-command it opens the application; the sub-commands are for IT.

Every command takes `--workspace DIR`. Errors go to stderr as a Dutch sentence with exit code 1;
argument mistakes exit 2 (argparse). Passwords are read from standard input with `--password-stdin`
(first line), or asked for interactively when standard input is a terminal.

One module per group of commands (accounts, directory, audit, recordings, audio, documents, coaching, workspace,
privacy), each with its parsers (`add_...`) and commands (`cmd_...`); this module assembles the parser and runs a
command.
Importing it loads no database, migration, audio or HTTP library: the commands import the application
(app.py) only when they open a workspace. A command's module is imported, and its parser built, only when
that command runs (the whole parser for help, mistakes and the application itself).
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from nunrec_desktop.cli.common import Io, default_demo_dir, workspace_root
from nunrec_desktop.domain import NunrecError
from nunrec_desktop.gui import run_gui
from nunrec_desktop.settings import SETTINGS_FILE, Settings, Workspace

__all__ = ["COMMANDS", "Io", "main"]

Command = Callable[[argparse.Namespace, Io], int]

# Every command: the module of `nunrec_desktop.cli` it lives in, the function that adds its parser and the
# one that runs it; in the order of `nunrec --help`. A command's module (and only that one) is imported when
# the command runs: building all parsers and importing every module costs more than a short command's work.
_TABLE: dict[str, tuple[str, str, str]] = {
    "init": ("workspace", "add_init", "cmd_init"),
    "demo": ("workspace", "add_demo", "cmd_demo"),
    "users": ("accounts", "add_users", "cmd_users"),
    "employees": ("accounts", "add_employees", "cmd_employees"),
    "store": ("accounts", "add_store", "cmd_store"),
    "directory": ("directory", "add_directory", "cmd_directory"),
    "recordings": ("recordings", "add_recordings", "cmd_recordings"),
    "check-audio": ("audio", "add_check_audio", "cmd_check_audio"),
    "call-metrics": ("audio", "add_call_metrics", "cmd_call_metrics"),
    "pii-scan": ("privacy", "add_pii_scan", "cmd_pii_scan"),
    "export-feedback": ("documents", "add_exports", "cmd_export"),
    "export-dialog": ("documents", "add_exports", "cmd_export"),
    "evaluations": ("coaching", "add_evaluations", "cmd_evaluations"),
    "conversation": ("coaching", "add_conversation", "cmd_conversation"),
    "calibration": ("calibration", "add_calibration", "cmd_calibration"),
    "sample": ("recordings", "add_sample", "cmd_sample"),
    "subject-access": ("recordings", "add_subject_access", "cmd_subject_access"),
    "erase": ("recordings", "add_erase", "cmd_erase"),
    "retention": ("workspace", "add_retention", "cmd_retention"),
    "audit": ("audit", "add_audit", "cmd_audit"),
    "access-review": ("review", "add_access_review", "cmd_access_review"),
}


def _function(module: str, name: str) -> Callable[..., object]:
    function: Callable[..., object] = getattr(importlib.import_module(f"nunrec_desktop.cli.{module}"), name)
    return function


class _Commands(Mapping[str, Command]):
    """Command name -> the function that runs it, imported when it is looked up."""

    def __getitem__(self, name: str) -> Command:
        module, _, run = _TABLE[name]
        command: Command = _function(module, run)  # type: ignore[assignment]
        return command

    def __iter__(self) -> Iterator[str]:
        return iter(_TABLE)

    def __len__(self) -> int:
        return len(_TABLE)


COMMANDS: Mapping[str, Command] = _Commands()


def _command_named(argv: Sequence[str]) -> str | None:
    """The command `argv` names when it is plainly one of ours (only `--workspace DIR` before it), else None
    (no command, help, a mistake: then the whole parser answers, as it always did)."""
    index = 0
    while index < len(argv):
        word = argv[index]
        if word == "--workspace":
            index += 2
        elif word.startswith("--workspace="):
            index += 1
        else:
            return word if word in _TABLE else None
    return None


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or with `only` of that command alone (same prog, options and errors)."""
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
    adders = [_TABLE[only][:2]] if only is not None else [entry[:2] for entry in _TABLE.values()]
    for module, add in dict.fromkeys(adders):  # export-feedback and export-dialog share one
        _function(module, add)(sub, common)
    return parser


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
    argv = sys.argv[1:] if argv is None else argv
    args = _parser(_command_named(argv)).parse_args(argv)
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
