"""`nunrec-gui`: the coach's windowed entry point (no console window on Windows).

It takes only `--workspace DIR`; everything else is for IT's console command `nunrec`. Problems with the
workspace are shown in the sign-in window itself, where a windowed build has no stderr to write to.

The sign-in window is painted first: this module imports only Qt and the screens, and hands the controller
a function that imports the composition root (app.py: SQLAlchemy, migrations, numpy, httpx ...) and opens
the workspace on the task runner's thread, while the coach types.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nunrec_desktop.adapters.audio.playback import AudioOutput
    from nunrec_desktop.clock import Clock
    from nunrec_desktop.services.audit_anchor import HandlerFactory
    from nunrec_desktop.ui.application import AppController, OpenWorkspace


def system_keyring() -> Any:
    """The operating system's keyring (app.system_keyring, imported when the workspace first needs it)."""
    from nunrec_desktop.app import system_keyring as keyring_of_the_system

    return keyring_of_the_system()


def default_output() -> AudioOutput:
    """The sound card (app.default_output, imported when the player first needs it)."""
    from nunrec_desktop.app import default_output as sound_card

    return sound_card()


def gui_controller(
    root: Path,
    *,
    keyring_factory: Callable[[], Any],
    clock: Clock,
    idle_minutes: float | None = None,
    output_factory: Callable[[], AudioOutput] | None = None,
    system_log: HandlerFactory | None = None,
) -> AppController:
    """The windows of the application on this workspace (the sign-in window first; nothing is shown yet).

    `system_log` is where the audit anchors go at start, sign-out and exit (default: syslog / event log)."""
    from nunrec_desktop.ui.application import AppController

    def open_workspace() -> OpenWorkspace:  # on the task runner's thread, once the sign-in window is painted
        from nunrec_desktop.app import open_for_gui

        return open_for_gui(root, keyring_factory=keyring_factory, clock=clock)

    return AppController(open_workspace, output_factory or default_output, idle_minutes, system_log=system_log)


def run_gui(root: Path, *, keyring_factory: Callable[[], Any], clock: Clock) -> int:
    """The windowed application, until its last window closes."""
    from nunrec_desktop.ui.application import run_application
    from nunrec_desktop.ui.error_hooks import log_folder_of

    return run_application(
        lambda: gui_controller(root, keyring_factory=keyring_factory, clock=clock), log_folder_of(root)
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nunrec-gui", description="Gesprekscoaching KCC (gemeente Nunspeet).")
    parser.add_argument("--workspace", type=Path, default=None, metavar="DIR", help="werkmap")
    args = parser.parse_args(argv)
    from nunrec_desktop.clock import system_clock
    from nunrec_desktop.settings import default_workspace_dir

    return run_gui(args.workspace or default_workspace_dir(), keyring_factory=system_keyring, clock=system_clock)


if __name__ == "__main__":
    sys.exit(main())
