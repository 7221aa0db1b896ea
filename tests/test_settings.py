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


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[session]\nidle_lock_minutes = 1000000000\n", "'session.idle_lock_minutes' (het venster vergrendelt"),
        ("[session]\nidle_lock_minutes = 35000\n", "tussen 1 en 60"),
        ("[session]\nidle_lock_minutes = 0\n", "tussen 1 en 60"),
        ("[session]\nidle_lock_minutes = nan\n", "geheel getal"),
        ("[session]\nidle_lock_minutes = inf\n", "geheel getal"),
        ("[session]\nidle_lock_minutes = 1e9\n", "geheel getal"),
        ("[cycles]\ndue_after_days = 0\n", "'cycles.due_after_days'"),
        ("[cycles]\ndue_after_days = -7\n", "tussen 1 en 365"),
        ("[cycles]\ndue_after_days = 42\noverdue_after_days = 42\n", "groter zijn dan 'cycles.due_after_days'"),
        ("[cycles]\ndue_after_days = 50\n", "groter zijn dan"),
        ("[cycles]\noverdue_after_days = -1\n", "'cycles.overdue_after_days'"),
        ("[cycles]\ntarget_calls = 0\n", "'cycles.target_calls' (aantal te beoordelen gesprekken"),
        ("[cycles]\ntarget_calls = 51\n", "tussen 1 en 50"),
        ("[retention]\nevaluation_months = 0\n", "tussen 1 en 60"),
        ("[audio]\nmax_file_mb = -1\n", "'audio.max_file_mb'"),
        ("[store]\ndeadline_seconds = 99999999999\n", "'store.deadline_seconds'"),
        ("[privacy]\nown_domains = 'nl'\n", "geen volledig domein"),
        ("[privacy]\nown_domains = 'nunspeet.nl, com'\n", "geen volledig domein"),
        ("[privacy]\nown_domains = 'co.uk'\n", "openbaar domein"),
        ("[privacy]\nown_domains = 'gov.uk'\n", "openbaar domein"),
        ("[privacy]\nown_domains = 'gmail.com'\n", "openbaar domein"),
        ("[privacy]\nown_domains = '.nl'\n", "geen volledig domein"),
        ("[privacy]\nown_domains = 'nunspeet nl'\n", "geen volledig domein"),
        ("[privacy]\nown_numbers = '06'\n", "'privacy.own_numbers'"),
        ("[telephony]\ngeneral_number = ''\n", "'telephony.general_number' (het algemene nummer"),
        ("[telephony]\ngeneral_number = 'anonymous'\n", "'telephony.general_number'"),
        ("[telephony]\ngeneral_number = '+31'\n", "'telephony.general_number'"),
        ("[session]\nworkstation = '111222333'\n", "'session.workstation' (naam van de werkplek"),
        ("[session]\nworkstation = 'pc 07'\n", "'session.workstation'"),
        ("[session]\nworkstation = 'PC-0612345678'\n", "'session.workstation'"),
        ("[session]\nworkstation = '" + "P" * 65 + "'\n", "'session.workstation'"),
        ("[session]\nworkstation = '\uff11\uff11\uff11'\n", "'session.workstation'"),
    ],
)
def test_settings_that_would_switch_a_protection_off_are_refused(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "nunrec.toml").write_text(text, encoding="utf-8")
    with pytest.raises(WorkspaceError) as refused:
        load_workspace(tmp_path)
    assert message in str(refused.value)
    assert "111222333" not in str(refused.value) and "0612345678" not in str(refused.value)


def test_good_settings_at_the_edges_pass() -> None:
    settings = settings_from_mapping(
        {
            "session": {"idle_lock_minutes": 60, "workstation": "KCC-PC-07.nunspeet"},
            "cycles": {"due_after_days": 1, "overdue_after_days": 2, "target_calls": 50},
            "privacy": {"own_domains": "nunspeet.nl, @team.nunspeet.nl; gemeente-nunspeet.nl", "own_numbers": ""},
        }
    )
    assert settings.idle_lock_minutes == 60 and settings.cycle_target_calls == 50


@pytest.mark.parametrize("workstation", ["111222333", "8071AB12", "PC-12-03-1985", "PC-06--12345678"])
def test_a_workstation_name_with_caller_data_never_reaches_the_audit_log(tmp_path: Path, workstation: str) -> None:
    """Through the real CLI: the settings file's workstation name is refused before anything is recorded."""
    import io

    from nunrec_desktop.cli import Io, main
    from tests.conftest import FakeClock, MemoryKeyring

    root = tmp_path / "ws"
    create_workspace(root)
    text = (
        (root / "nunrec.toml").read_text(encoding="utf-8").replace('workstation = ""', f'workstation = "{workstation}"')
    )
    (root / "nunrec.toml").write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    from datetime import UTC, datetime

    keyring = MemoryKeyring()
    code = main(
        ["users", "list", "--workspace", str(root)],
        Io(stdin=io.StringIO(""), stdout=out, stderr=err, clock=FakeClock(datetime(2026, 11, 20, tzinfo=UTC)),
           keyring_factory=lambda: keyring),
    )  # fmt: skip
    assert code == 1 and "'session.workstation'" in err.getvalue() and workstation not in err.getvalue()
    database = root / "nunrec.sqlite3"
    assert not database.exists() or workstation.encode() not in database.read_bytes()
