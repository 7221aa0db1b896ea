"""Architecture rules: the import-linter contracts hold (and catch a breach), importing the services loads no
Qt, nothing runs at import time, every module says what it is for."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "nunrec_desktop"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "migrations" not in p.parts)


def test_services_source_never_imports_qt() -> None:
    offenders = []
    for path in _modules(PACKAGE / "services"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}" for n in names if n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"}
            ]
            offenders += [f"{path.name}: {n}" for n in names if n.startswith("nunrec_desktop.ui")]
    assert offenders == []


def test_importing_every_service_loads_no_qt() -> None:
    modules = [
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for folder in ("services", "adapters", "documents", "demo")
        for p in _modules(PACKAGE / folder)
        if p.name != "__init__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "import nunrec_desktop.app, nunrec_desktop.cli\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not qt, qt\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_every_module_has_a_docstring() -> None:
    missing = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "versions" not in p.parts and ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None
    ]
    assert missing == []


def test_cli_import_is_cheap_and_side_effect_free(tmp_path: Path) -> None:
    """Importing the package and the CLI creates no files and opens no database."""
    code = "import nunrec_desktop.cli, nunrec_desktop.app, nunrec_desktop.ui.application"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_gui_wiring_hands_pages_no_lambdas() -> None:
    """Pages take the signed-in user's desk (services/desk.py); the controller passes them no lambda bag."""
    tree = ast.parse((PACKAGE / "ui" / "application.py").read_text(encoding="utf-8"))
    lambdas = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Lambda)]
    assert lambdas == []


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """The import-linter contracts of pyproject.toml, run on the package found in `root`."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )


def test_the_walls_hold() -> None:
    result = _lint_imports(PACKAGE.parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_deliberate_breach_of_each_wall_fails(tmp_path: Path) -> None:
    """A copy of the package with one forbidden import per contract: lint-imports must name every one broken."""
    shutil.copytree(PACKAGE, tmp_path / "nunrec_desktop", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PACKAGE.parent / "pyproject.toml", tmp_path / "pyproject.toml")
    breaches = {
        "services/people.py": "from nunrec_desktop.ui import tasks",  # a use case reaching up into the screens
        "adapters/atomic_file.py": "import PySide6",  # Qt outside ui/
        "ui/tasks.py": "import sqlalchemy",  # a screen touching the database
        "ui/idle_lock.py": "import nunrec_desktop.app",  # a screen calling the composition root
        "services/retention.py": "from sqlalchemy import delete",  # a use case writing SQL itself
        "services/hold_audio.py": "from nunrec_desktop.services import call_metrics",  # loop check reaching up
    }
    for module, line in breaches.items():
        path = tmp_path / "nunrec_desktop" / module
        path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "Contracts: 0 kept, 6 broken." in result.stdout, result.stdout


def test_no_service_is_excused_from_the_database_wall() -> None:
    """The wall in front of the database has no exceptions left (issue 27): no `ignore_imports`, and no service
    module names SQLAlchemy or an ORM row in its source (lazy imports included)."""
    import tomllib

    contracts = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
        "contracts"
    ]
    wall = next(c for c in contracts if c["name"].startswith("Services never import SQLAlchemy"))
    assert "ignore_imports" not in wall
    assert "nunrec_desktop.adapters.db.models" in wall["forbidden_modules"]
    offenders = []
    for path in _modules(PACKAGE / "services"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [
                f"{path.name}: {n}" for n in names if n.startswith(("sqlalchemy", "nunrec_desktop.adapters.db.models"))
            ]
    assert offenders == []
