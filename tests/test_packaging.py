"""The wheel is a working application: it carries the guideline, fonts, translations, style and migrations,
both entry points, and an installed (non-editable) copy opens a workspace and finds its resources."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("nunrec_desktop-*.whl")
    return built


def test_every_package_folder_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "nunrec_desktop").rglob("__init__.py")} | {
        "nunrec_desktop.resources"
    }
    assert listed == found


def test_the_wheel_carries_resources_migrations_and_both_entry_points(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(archive.read(n).decode() for n in names if n.endswith("entry_points.txt"))
    expected = [
        "nunrec_desktop/resources/guideline/gespreksleidraad.toml",
        "nunrec_desktop/resources/fonts/DejaVuSans.ttf",
        "nunrec_desktop/resources/fonts/DejaVuSans-Bold.ttf",
        "nunrec_desktop/resources/fonts/LICENSE-DejaVu.txt",
        "nunrec_desktop/resources/translations/nunrec_nl.qm",
        "nunrec_desktop/resources/style.qss",
    ]
    assert [n for n in expected if n not in names] == []
    migrations = sorted(n for n in names if "/migrations/versions/" in n and n.endswith(".py"))
    shipped_versions = sorted(p.name for p in (ROOT / "nunrec_desktop").rglob("migrations/versions/*.py"))
    assert [Path(n).name for n in migrations] == shipped_versions
    assert any(n.endswith("/migrations/env.py") for n in names)
    assert not any(n.endswith((".wav", ".mp3", ".sqlite3")) for n in names)
    assert "[console_scripts]\nnunrec = nunrec_desktop.cli:main" in entry_points
    assert "[gui_scripts]\nnunrec-gui = nunrec_desktop.gui:main" in entry_points


def test_an_installed_wheel_opens_a_workspace_with_its_own_resources(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    workspace = tmp_path / "werkmap"
    env = {**os.environ, "PYTHONPATH": str(target), "HOME": str(tmp_path)}
    code = (
        "import sys, nunrec_desktop\n"
        "from pathlib import Path\n"
        "from nunrec_desktop.resource_files import resources_dir\n"
        "from nunrec_desktop.services.guideline import default_guideline_path, load_guideline\n"
        "assert Path(nunrec_desktop.__file__).is_relative_to(sys.argv[1]), nunrec_desktop.__file__\n"
        "assert resources_dir().is_relative_to(sys.argv[1]), resources_dir()\n"
        "guideline = load_guideline(default_guideline_path(resources_dir()))\n"
        "print(len(guideline.sections))\n"
    )
    checked = subprocess.run(
        [sys.executable, "-c", code, str(target)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.strip() == "5"  # the five A's
    init = subprocess.run(
        [sys.executable, "-m", "nunrec_desktop", "init", "--workspace", str(workspace)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert init.returncode == 0, init.stderr
    assert (workspace / "nunrec.sqlite3").is_file()  # the migrations ran from the installed copy
