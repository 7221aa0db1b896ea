"""`nunrec-gui`: the coach's windowed entry point (no console window on Windows).

It takes only `--workspace DIR`; everything else is for IT's console command `nunrec`. Problems with the
workspace are shown in the sign-in window itself, where a windowed build has no stderr to write to.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nunrec-gui", description="Gesprekscoaching KCC (gemeente Nunspeet).")
    parser.add_argument("--workspace", type=Path, default=None, metavar="DIR", help="werkmap")
    args = parser.parse_args(argv)
    from nunrec_desktop.cli import Io, run_gui
    from nunrec_desktop.settings import default_workspace_dir

    return run_gui(args.workspace or default_workspace_dir(), Io())


if __name__ == "__main__":
    sys.exit(main())
