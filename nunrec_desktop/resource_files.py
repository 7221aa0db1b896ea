"""Where the shipped resources (translations, style, guideline, fonts) are found.

`resources/` sits at the top of the repository and is installed as the package data of
`nunrec_desktop.resources` (pyproject's `package-dir`). It is read through `importlib.resources`, so
an editable checkout, an installed wheel and the PyInstaller bundle all find the same files.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

RESOURCES_PACKAGE = "nunrec_desktop.resources"


def resources_dir() -> Path:
    """The folder holding `guideline/`, `fonts/`, `translations/` and `style.qss`."""
    return Path(str(resources.files(RESOURCES_PACKAGE)))
