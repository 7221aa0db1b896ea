"""Settings are declared once, have defaults, round-trip through nunrec.toml and refuse mistakes clearly."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from nunrec_desktop.domain import WorkspaceError
from nunrec_desktop.settings import (
    Settings,
    create_workspace,
    default_workspace_dir,
    load_workspace,
    render_toml,
    settings_from_mapping,
)


def test_defaults() -> None:
    settings = Settings()
    assert settings.store_kind == "folder" and settings.general_number == "+31341259911"
    assert settings.recording_retention_days == 30 and settings.idle_lock_minutes == 10
    assert settings.database_url == ""


def test_round_trip_through_toml() -> None:
    custom = Settings(general_number="+31341259900", idle_lock_minutes=5, workstation="KCC-PC-07")
    assert settings_from_mapping(tomllib.loads(render_toml(custom))) == custom


def test_workspace_paths(tmp_path: Path) -> None:
    workspace = create_workspace(tmp_path / "ws")
    assert workspace.database_url == f"sqlite:///{(tmp_path / 'ws' / 'nunrec.sqlite3').as_posix()}"
    assert workspace.store_path == tmp_path / "ws" / "recordings"
    assert load_workspace(tmp_path / "ws") == workspace
    assert create_workspace(tmp_path / "ws").settings == workspace.settings  # an existing file is kept


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[retention]\nrecording_days = 31\n", "tussen 1 en 30"),
        ("[retention]\nrecording_days = '30'\n", "geheel getal"),
        ("[session]\nidle_lock = 5\n", "onbekende instelling 'session.idle_lock'"),
        ("[stor]\nkind = 'folder'\n", "onbekende sectie [stor]"),
        ("[store]\nkind = 'ftp'\n", "'folder' of 'http'"),
        ("[store\n", "niet leesbaar"),
    ],
)
def test_mistakes_are_refused_with_the_setting_named(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "nunrec.toml").write_text(text, encoding="utf-8")
    with pytest.raises(WorkspaceError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_workspace(tmp_path)


def test_default_workspace_is_in_the_platform_data_dir(tmp_path: Path) -> None:
    # conftest points XDG_DATA_HOME into a temporary folder
    assert "xdg_data_home" in str(default_workspace_dir())
