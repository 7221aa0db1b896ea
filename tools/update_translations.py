"""Developer tool: refresh the Dutch translation after changing UI strings.

    .venv/bin/python tools/update_translations.py          # lupdate (keeps existing translations) + lrelease

Then fill in the new, unfinished entries of resources/translations/nunrec_nl.ts (Qt Linguist:
`.venv/bin/pyside6-linguist`, or any editor) and run it again to compile the .qm.
A test fails while any entry is unfinished or the .qm is out of date.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "nunrec_nl.ts"


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def main() -> None:
    sources = sorted(str(p) for p in (ROOT / "nunrec_desktop" / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)], check=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    main()
