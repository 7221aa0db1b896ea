"""`nunrec-gui`: the coach's windowed entry point (no console window on Windows), and the one `run_gui`
that `nunrec` without a sub-command and `nunrec demo --open` call as well.

It takes only `--workspace DIR`; everything else is for IT's console command `nunrec`. Problems with the
workspace are shown in the sign-in window itself, where a windowed build has no stderr to write to.

The sign-in window is painted first. Two imports therefore wait inside the functions below, on purpose:
the screens (Qt), because the console commands import this module for `run_gui` and must not load Qt; and
the composition root (app.py: SQLAlchemy, migrations, numpy, httpx ...), which `open_workspace` imports on
the task runner's thread once the sign-in window is painted, while the coach types.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from nunrec_desktop.adapters.system_keyring import KeyringFactory, system_keyring
from nunrec_desktop.clock import Clock, system_clock
from nunrec_desktop.settings import default_workspace_dir

if TYPE_CHECKING:
    from nunrec_desktop.adapters.audio.playback import AudioOutput
    from nunrec_desktop.services.audit_anchor import HandlerFactory
    from nunrec_desktop.ui.application import AppController, OpenWorkspace


def gui_controller(
    root: Path,
    *,
    keyring_factory: KeyringFactory,
    clock: Clock,
    idle_minutes: float | None = None,
    output_factory: Callable[[], AudioOutput] | None = None,
    system_log: HandlerFactory | None = None,
) -> AppController:
    """The windows of the application on this workspace (the sign-in window first; nothing is shown yet).

    `output_factory` is the player's audio output (default: the sound card, see `app.players`); tests hand in
    a clock. `system_log` is where the audit anchors go at start, sign-out and exit (default: syslog / event
    log)."""
    from nunrec_desktop.ui.application import AppController  # Qt: only when a window is opened (see above)

    def open_workspace() -> OpenWorkspace:  # on the task runner's thread, once the sign-in window is painted
        from nunrec_desktop.app import open_for_gui  # the heavy composition root, behind the painted window

        return open_for_gui(root, keyring_factory=keyring_factory, clock=clock, output_factory=output_factory)

    return AppController(open_workspace, idle_minutes, system_log=system_log)


def run_gui(root: Path, *, keyring_factory: KeyringFactory, clock: Clock) -> int:
    """The windowed application, until its last window closes."""
    from nunrec_desktop.ui.application import run_application  # Qt: only when a window is opened (see above)
    from nunrec_desktop.ui.error_hooks import log_folder_of

    return run_application(
        lambda: gui_controller(root, keyring_factory=keyring_factory, clock=clock), log_folder_of(root)
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nunrec-gui", description="Gesprekscoaching KCC (gemeente Nunspeet).")
    parser.add_argument("--workspace", type=Path, default=None, metavar="DIR", help="werkmap")
    args = parser.parse_args(argv)
    return run_gui(args.workspace or default_workspace_dir(), keyring_factory=system_keyring, clock=system_clock)


if __name__ == "__main__":
    sys.exit(main())
