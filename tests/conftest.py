"""Shared fixtures: an offscreen Qt, an in-memory keyring, a movable clock, and a fresh workspace whose
database is SQLite by default or the PostgreSQL server named by NUNREC_TEST_DATABASE_URL.

Tests never touch the developer's own files: HOME and the XDG folders point into a temporary folder.
"""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from nunrec_desktop.app import Services, build_services
from nunrec_desktop.domain import Role, User
from nunrec_desktop.settings import Settings, create_workspace

TEST_PASSWORD = "correct-horse-battery"
POSTGRES_URL = os.environ.get("NUNREC_TEST_DATABASE_URL", "")


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.secrets:
            raise PasswordDeleteError("not found")
        del self.secrets[(service, username)]


@dataclass
class FakeClock:
    """A clock that stands still until a test moves it."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(autouse=True, scope="session")
def _no_collection_on_worker_threads() -> Iterator[None]:
    """As in the application (ui/garbage.py): the cyclic collector never runs on a task runner's thread, where
    it could destroy a Qt object of an earlier test and crash the process. Collected after each test."""
    enabled = gc.isenabled()
    gc.disable()
    yield
    if enabled:
        gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 20, 9, 30, tzinfo=UTC))


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


def reset_postgres(url: str) -> None:
    """Give each test an empty `public` schema on the shared test server."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def database_url() -> str:
    """'' for the workspace's own SQLite file, or the PostgreSQL URL under test (emptied first)."""
    if POSTGRES_URL:
        reset_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def workspace_dir(tmp_path: Path, database_url: str) -> Path:
    root = tmp_path / "workspace"
    create_workspace(root, Settings(database_url=database_url))
    return root


@pytest.fixture
def services(workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring) -> Iterator[Services]:
    from nunrec_desktop.settings import load_workspace

    built = build_services(load_workspace(workspace_dir), clock=clock, keyring_factory=lambda: keyring_backend)
    yield built
    built.close()


@pytest.fixture
def admin() -> User:
    return User(id=0, username="os:tester", role=Role.IT, display_name="Beheer (tester)")


@pytest.fixture
def coach(services: Services, admin: User) -> User:
    return services.accounts.add(admin, "marieke", Role.COACH, "Marieke Kok", TEST_PASSWORD)


@pytest.fixture
def it_user(services: Services, admin: User) -> User:
    return services.accounts.add(admin, "dennis", Role.IT, "Dennis Schouten", TEST_PASSWORD)


@pytest.fixture(scope="session")
def directory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The municipality's directory, for real: slapd over LDAPS and a Kerberos realm (tests/directory_server.py).
    Started once per session, on first use; skipped outside CI when the binaries are missing, failed in CI."""
    from tests.directory_server import running_directory

    with running_directory(tmp_path_factory.mktemp("directory")) as running:
        yield running


@pytest.fixture
def no_ticket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, directory: Any) -> Path:
    """The directory's Kerberos configuration and an empty credential cache: no ticket on this 'workstation'
    (`directory.kinit(NAME, no_ticket)` puts one there)."""
    for key, value in directory.krb5_env.items():
        monkeypatch.setenv(key, value)
    cache = tmp_path / "krb5cc"
    monkeypatch.setenv("KRB5CCNAME", f"FILE:{cache}")
    return cache
