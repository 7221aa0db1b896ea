"""The import graph of the package: no circle anywhere (the entry modules included), the entry's helpers
defined once, and the screens get the player's engine from the entry, never from the audio adapter
(issue 27; docs/architecture.md)."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

PACKAGE = Path(__file__).resolve().parent.parent / "nunrec_desktop"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
ENTRY = ("nunrec_desktop.app", "nunrec_desktop.gui", "nunrec_desktop.cli", "nunrec_desktop.__main__")


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Every group of modules that import each other in a circle (strongly connected, more than one module),
    counting every import: at the top, inside a function, under TYPE_CHECKING."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph.find_modules_directly_imported_by(target)))))
                elif target in on_stack:
                    low[module] = min(low[module], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[module])
            if low[module] == index[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_the_import_graph_has_no_circle() -> None:
    graph = grimp.build_graph("nunrec_desktop")
    assert set(ENTRY) <= graph.modules
    assert _cycles(graph) == []


def test_the_circle_finder_finds_a_circle() -> None:
    """The check above bites: app -> gui -> app (the circle issue 27 removed) is found."""
    graph = grimp.build_graph("nunrec_desktop")
    graph.add_import(importer="nunrec_desktop.app", imported="nunrec_desktop.gui")
    assert ["nunrec_desktop.app", "nunrec_desktop.gui"] in _cycles(graph)


def test_the_composition_root_imports_no_entry_point_above_it() -> None:
    graph = grimp.build_graph("nunrec_desktop")
    imported = graph.find_modules_directly_imported_by("nunrec_desktop.app")
    assert not {m for m in imported if m.startswith(("nunrec_desktop.gui", "nunrec_desktop.cli"))}


def test_the_entry_helpers_are_defined_once() -> None:
    """`system_keyring` and `run_gui` each have one definition in the package; everyone else imports it."""
    definitions: dict[str, list[str]] = {"system_keyring": [], "run_gui": [], "default_output": []}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name in definitions:
                definitions[node.name].append(str(path.relative_to(PACKAGE)))
    assert definitions == {
        "system_keyring": ["adapters/system_keyring.py"],
        "run_gui": ["gui.py"],
        "default_output": [],  # the sound card is `SoundDeviceOutput` itself, the default of app.Services
    }


def test_a_screen_building_the_audio_output_breaks_a_contract(tmp_path: Path) -> None:
    """The player page importing the playback adapter (as it did before issue 27) fails lint-imports."""
    shutil.copytree(PACKAGE, tmp_path / "nunrec_desktop", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PACKAGE.parent / "pyproject.toml", tmp_path / "pyproject.toml")
    page = tmp_path / "nunrec_desktop" / "ui" / "player_page.py"
    breach = "from nunrec_desktop.adapters.audio.playback import PlaybackEngine  # noqa"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{breach}\n", encoding="utf-8")
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode != 0
    assert "the sound card" in result.stdout and "BROKEN" in result.stdout, result.stdout
    assert "nunrec_desktop.ui.player_page -> nunrec_desktop.adapters.audio.playback" in result.stdout, result.stdout


def test_the_rule_book_is_in_the_repository_and_names_every_contract() -> None:
    """README points to docs/architecture.md (not to a design file outside the repository), and that page
    names every import-linter contract of pyproject.toml, so the docs and the contracts are read together."""
    import tomllib

    root = PACKAGE.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "docs/architecture.md" in readme and "design.md" not in readme
    rules = (root / "docs" / "architecture.md").read_text(encoding="utf-8").replace("\\|", "|")
    contracts = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    names = [contract["name"] for contract in contracts["contracts"]]
    assert len(names) >= 4
    assert [name for name in names if name not in rules] == []
