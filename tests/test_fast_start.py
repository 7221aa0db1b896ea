"""A fast start: the CLI and `pii-scan` load no database, migration, audio or HTTP library; the sign-in window
is painted before the application is imported and the workspace opens behind it; Alembic is imported only
when a migration is pending."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from nunrec_desktop import cli
from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.gui import gui_controller
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring

HEAVY = ("sqlalchemy", "alembic", "numpy", "httpx", "nunrec_desktop.app")


def _python(code: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_importing_the_cli_loads_no_application() -> None:
    code = f"import sys, nunrec_desktop.cli\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_pii_scan_loads_only_the_guard_and_the_settings(services: Services, workspace_dir: Path) -> None:
    """With a real workspace (its settings are read for the municipality's own numbers): same answer, no
    database, no Alembic, no numpy, no httpx."""
    code = (
        "import sys\n"
        "from nunrec_desktop.cli import main\n"
        "code = main(['pii-scan', '--workspace', sys.argv[1]])\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    result = _python(code, str(workspace_dir), stdin="Bel me terug op 06-12345678.\n")
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["kind"] == "telefoonnummer"
    assert result.stderr.strip() == "[]"


def test_a_command_loads_only_its_own_module_and_parser(tmp_path: Path) -> None:
    """`nunrec pii-scan` builds the parser of pii-scan alone and imports no other command's module."""
    code = (
        "import sys\n"
        "from nunrec_desktop.cli import main\n"
        "main(['pii-scan', '--workspace', sys.argv[1]])\n"
        "print(sorted(m for m in sys.modules if m.startswith('nunrec_desktop.cli.')), file=sys.stderr)\n"
    )
    result = _python(code, str(tmp_path / "werkmap"), stdin="niets bijzonders\n")
    assert result.stderr.strip() == "['nunrec_desktop.cli.common', 'nunrec_desktop.cli.privacy']", result.stderr


def _answer(parser: argparse.ArgumentParser, argv: list[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out), contextlib.suppress(SystemExit):
        parser.parse_args(argv)
    return out.getvalue()


def test_each_commands_own_parser_answers_as_the_whole_parser() -> None:
    """The table of commands names every command of the whole parser, and the parser built for one command
    gives the same help and the same refusal as the whole one."""
    whole = cli._parser()
    (commands,) = (a for a in whole._actions if isinstance(a, argparse._SubParsersAction))
    assert list(commands.choices) == list(cli.COMMANDS)
    for name in cli.COMMANDS:
        assert callable(cli.COMMANDS[name]) and cli.COMMANDS[name].__name__.startswith("cmd_"), name
        alone = cli._parser(name)
        for argv in ([name, "--help"], [name, "--onzin"]):
            assert _answer(alone, argv) == _answer(whole, argv), name
    assert cli._command_named(["--workspace", "x", "pii-scan", "--workspace", "y"]) == "pii-scan"
    assert cli._command_named(["--workspace=x", "audit"]) == "audit"
    assert cli._command_named(["-h"]) is None and cli._command_named(["onzin"]) is None
    assert cli._command_named([]) is None


# The real windowed entry point (gui.main) in its own process; a global event filter notes what was loaded
# at the sign-in window's first paint and once the workspace is open, then quits.
WATCH_THE_START = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

HEAVY = {heavy!r}
app = QApplication(sys.argv[:1])
seen = {{}}


def loaded():
    return sorted(m for m in HEAVY if m in sys.modules)


def check():
    login = next(w for w in app.topLevelWidgets() if w.objectName() == "loginWindow")
    if not (login.button.isEnabled() or login.message.text()):
        QTimer.singleShot(20, check)
        return
    seen.update(ready=login.button.isEnabled(), message=login.message.text(), after=loaded())
    print(json.dumps(seen), flush=True)
    app.quit()


class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.objectName() == "loginWindow" and "painted" not in seen:
            seen.update(painted=loaded(), button=watched.button.text(), enabled=watched.button.isEnabled())
            seen.update(qt_namespace="Qt" in sys.modules["PySide6.QtCore"].__dict__)  # built on first use
            QTimer.singleShot(0, check)
        return False


watch = Watch()
app.installEventFilter(watch)
from nunrec_desktop.gui import main

sys.exit(main(["--workspace", sys.argv[1]]))
"""


def _watch_the_start(root: Path) -> dict[str, object]:
    result = _python(WATCH_THE_START.format(heavy=HEAVY), str(root))
    assert result.returncode == 0, result.stderr
    seen: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


def test_the_sign_in_window_is_painted_before_the_workspace_is_opened(services: Services, coach: User) -> None:
    """An up-to-date workspace: painted with nothing heavy loaded and the button waiting; then the workspace
    opens behind it (the application imported, no migration, so no Alembic) and the button is ready."""
    seen = _watch_the_start(services.workspace.root)
    assert seen["painted"] == []
    assert seen["qt_namespace"] is False  # its ~100 enums cost ~25 ms (see ui/application.py)
    assert seen["button"] == "Werkmap wordt geopend..." and seen["enabled"] is False
    assert seen["ready"] is True and seen["message"] == ""
    assert seen["after"] == ["httpx", "numpy", "nunrec_desktop.app", "sqlalchemy"]


@pytest.mark.fresh_schema
def test_a_pending_migration_is_run_behind_the_painted_window(workspace_dir: Path) -> None:
    """A workspace whose database was never created: Alembic is imported (only now) and builds it."""
    seen = _watch_the_start(workspace_dir)
    assert seen["painted"] == []
    assert seen["ready"] is True
    assert "alembic" in seen["after"]  # type: ignore[operator]


def test_alembic_is_imported_only_for_a_pending_migration(services: Services, workspace_dir: Path) -> None:
    """A database one revision behind is upgraded (Alembic imported); opened again, Alembic stays out."""
    from alembic import command
    from alembic.config import Config

    from nunrec_desktop.adapters.db.engine import MIGRATIONS_DIR, current_revisions, head_revisions

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with services.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "-1")
    behind = current_revisions(services.engine)
    assert behind and behind != head_revisions()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from nunrec_desktop.app import open_services\n"
        "services = open_services(Path(sys.argv[1]), keyring_factory=lambda: None)\n"
        "print('alembic' in sys.modules)\n"
        "services.close()\n"
    )
    first = _python(code, str(workspace_dir))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "True"
    assert current_revisions(services.engine) == head_revisions()
    again = _python(code, str(workspace_dir))
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == "False"


def test_the_heads_are_read_from_the_scripts_as_alembic_reads_them() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from nunrec_desktop.adapters.db.engine import MIGRATIONS_DIR, head_revisions

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert head_revisions() == set(ScriptDirectory.from_config(config).get_heads())


def test_a_merge_revision_is_understood(tmp_path: Path) -> None:
    """Two branches merged by a revision with a tuple `down_revision` (as the lead's renumbering may leave)."""
    from nunrec_desktop.adapters.db.engine import head_revisions

    scripts = {
        "a.py": 'revision = "a"\ndown_revision = None\n',
        "b.py": 'revision: str = "b"\ndown_revision: str | None = "a"\n',
        "c.py": 'revision = "c"\ndown_revision = "a"\n',
        "m.py": 'revision = "m"\ndown_revision = ("b", "c")\n',
    }
    for name, text in scripts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert head_revisions(tmp_path) == {"m"}
    (tmp_path / "m.py").unlink()
    assert head_revisions(tmp_path) == {"b", "c"}


def test_enter_pressed_before_the_workspace_is_open_signs_in_when_it_is(
    qtbot: QtBot,
    qapp: object,
    services: Services,
    coach: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    translators = install_translators(qapp)  # type: ignore[arg-type]
    controller = gui_controller(workspace_dir, keyring_factory=lambda: keyring_backend, clock=clock)
    qtbot.addWidget(controller.login)
    controller.start()
    login = controller.login
    qtbot.keyClicks(login.username, "marieke")
    qtbot.keyClicks(login.password, TEST_PASSWORD)
    assert not login.button.isEnabled() and login.button.text() == "Werkmap wordt geopend..."
    qtbot.keyClick(login.password, Qt.Key.Key_Return)  # the coach does not wait for the workspace
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10_000)
    assert controller.desk is not None and controller.desk.user.username == "marieke"
    assert not login.isVisible()
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)  # type: ignore[attr-defined]


def test_an_unexpected_workspace_error_is_one_dutch_sentence_in_the_window(
    qtbot: QtBot, qapp: object, workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring
) -> None:
    """A database file that is not a database: the task runner logs it, the window says so in Dutch."""
    from nunrec_desktop.settings import load_workspace

    url = load_workspace(workspace_dir).database_url
    if not url.startswith("sqlite:///"):
        pytest.skip("a damaged database file is a SQLite matter")
    Path(url.removeprefix("sqlite:///")).write_bytes(b"this is not a database " * 200)
    translators = install_translators(qapp)  # type: ignore[arg-type]
    controller = gui_controller(workspace_dir, keyring_factory=lambda: keyring_backend, clock=clock)
    qtbot.addWidget(controller.login)
    controller.start()
    qtbot.waitUntil(lambda: controller.login.message.text() != "", timeout=10_000)
    assert controller.login.message.text().startswith("Er ging iets onverwachts mis.")
    assert not controller.login.button.isEnabled() and controller.login.button.text() == "Aanmelden"
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)  # type: ignore[attr-defined]
