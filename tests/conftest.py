"""Shared fixtures: an offscreen Qt, an in-memory keyring, a movable clock, and a fresh workspace whose
database is SQLite by default or the PostgreSQL server named by NUNREC_TEST_DATABASE_URL.

Tests never touch the developer's own files: HOME and the XDG folders point into a temporary folder.

What makes the suite fast (issue 21), without a test asserting less:
- the schema is migrated once per session: SQLite copies a migrated template file into each workspace,
  PostgreSQL deletes the rows of a schema migrated once (in foreign-key order, the migrations' own rows put
  back, sequences restarted). A test marked `fresh_schema` gets a database that was never created instead
  (the tests of migrations); a schema a test left behind the head is rebuilt before the next test;
- one cheap argon2 parameter set per session (`Passwords.for_tests`), injected where the application builds
  its `Passwords`; a test marked `real_password_hashing` gets the production parameters;
- `gc.freeze()` once after collection, so the collection after each test walks only what tests made;
- every test that uses a database (the fixtures `database_url`, `workspace_dir`, `services` or anything
  built on them) is marked `database`, derived from its fixtures, so the PostgreSQL pass (`-m database`)
  cannot forget a new one.
"""

from __future__ import annotations

import functools
import gc
import os
import shutil
import sys

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
from nunrec_desktop.services.passwords import Passwords
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


DATABASE_FIXTURES = frozenset({"database_url", "workspace_dir", "services"})


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "database: uses a test database (derived from the fixtures it uses)")
    config.addinivalue_line("markers", "fresh_schema: gets a database that was never created or migrated")
    config.addinivalue_line("markers", "real_password_hashing: the production argon2 parameters, not the cheap ones")
    config.addinivalue_line("markers", "smoke: the end-to-end smoke the PostgreSQL pass runs besides -m database")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that uses a database, read from the fixtures it asks for (directly or not)."""
    for item in items:
        if DATABASE_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.database)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What exists after collection (modules, classes, fixtures) lives for the whole session: freeze it, so the
    collection after each test walks only what the tests made (9-13 % of a session, measured)."""
    gc.collect()
    gc.freeze()


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
    _delete_closed_widgets()
    gc.collect()


def _delete_closed_widgets() -> None:
    """Delete, inside the test that made them, the widgets pytest-qt closed and `deleteLater`-ed at its teardown.

    Left alone, Qt deletes them in the next test's first wait: a signed-in main window (idle watcher, pages,
    their task runner already gone with its controller) then dies in the middle of another test, which made
    crashes land on innocent tests. A test that never loaded Qt pays nothing."""
    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# A GUI test waits for a state (the list filled, the form enabled), never for a time: the timeout of a wait is
# only the safety net that ends a test that would otherwise hang. On a busy machine (two cores, CI beside other
# work, `stress-ng`) a state a quiet machine reaches in 0.2 s can take many seconds, so no wait gives up before
# this, whatever the test wrote. A wait for a state never reached still ends, after this long.
SAFETY_NET_MS = 60_000
_QTBOT_WAITS = ("waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed", "waitActive")


@pytest.fixture
def qtbot(qtbot: Any) -> Any:
    """pytest-qt's `qtbot`, whose waits time out no sooner than SAFETY_NET_MS (0 still means no timeout)."""
    for name in _QTBOT_WAITS:
        wait = getattr(qtbot, name)

        @functools.wraps(wait)
        def generous(*args: Any, _wait: Any = wait, timeout: int | None = 5000, **kwargs: Any) -> Any:
            if timeout:  # 0 and None: pytest-qt waits without a timeout
                timeout = max(timeout, SAFETY_NET_MS)
            return _wait(*args, timeout=timeout, **kwargs)

        setattr(qtbot, name, generous)
    return qtbot


@pytest.fixture(autouse=True)
def _no_dialog_watcher_outlives_its_test() -> Iterator[None]:
    """A test that waited for a dialog that never came leaves no watcher to answer the next test's dialogs."""
    yield
    dialogs = sys.modules.get("tests.ui_dialogs")
    if dialogs is not None:
        dialogs.stop_watching()


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
    """Give the test server an empty `public` schema (nothing created, nothing migrated)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


class MigratedPostgres:
    """The PostgreSQL test schema, migrated once and emptied per test by deleting rows.

    The rows the migrations themselves insert (the audit chain's head) are read once after migrating and put
    back after each delete; sequences restart, so ids are as in a fresh schema. A schema a test left at another
    revision (or dropped) is rebuilt from scratch.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self._reset_sql = ""

    def rebuild(self) -> None:
        from sqlalchemy import create_engine, inspect, text

        from nunrec_desktop.adapters.db.engine import migrate

        reset_postgres(self.url)
        engine = create_engine(self.url)
        try:
            migrate(engine)
            with engine.connect() as connection:
                names = set(inspect(connection).get_table_names()) - {"alembic_version"}
                order = _tables_in_foreign_key_order(connection, names)
                sequences = (
                    connection.execute(
                        text("SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'")
                    )
                    .scalars()
                    .all()
                )
                statements = [f'DELETE FROM "{table}"' for table in reversed(order)]
                statements += [f'ALTER SEQUENCE "{name}" RESTART' for name in sequences]
                for table in order:
                    seeded = connection.execute(text(f'SELECT * FROM "{table}"')).mappings().all()
                    for row in seeded:
                        columns = ", ".join(f'"{c}"' for c in row)
                        values = ", ".join(_sql_literal(v) for v in row.values())
                        statements.append(f'INSERT INTO "{table}" ({columns}) VALUES ({values})')
            self._reset_sql = ";\n".join(statements)
        finally:
            engine.dispose()

    def reset(self) -> None:
        """Delete every row a test wrote; rebuild when the schema is not at the newest revision."""
        from sqlalchemy import create_engine, text

        from nunrec_desktop.adapters.db.engine import head_revisions

        if not self._reset_sql:
            self.rebuild()
            return
        engine = create_engine(self.url, poolclass=_null_pool())
        try:
            with engine.begin() as connection:
                try:
                    current = set(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())
                except Exception:  # the table is gone: a test dropped the schema
                    current = set()
            if current != set(head_revisions()):
                self._reset_sql = ""
            else:
                with engine.begin() as connection:
                    connection.exec_driver_sql(self._reset_sql)
        finally:
            engine.dispose()
        if not self._reset_sql:
            self.rebuild()


def _null_pool() -> type:
    from sqlalchemy.pool import NullPool

    return NullPool


def _tables_in_foreign_key_order(connection: object, names: set[str]) -> list[str]:
    """Parents before children, as the database itself sees the foreign keys."""
    from sqlalchemy import inspect

    inspector = inspect(connection)
    depends = {name: {fk["referred_table"] for fk in inspector.get_foreign_keys(name)} & names for name in names}
    order: list[str] = []
    while depends:
        ready = sorted(name for name, parents in depends.items() if not (parents - set(order) - {name}))
        if not ready:  # a cycle: the rest in any order (DELETE of the whole set still works in one transaction)
            ready = sorted(depends)
        order += ready
        for name in ready:
            del depends[name]
    return order


def _sql_literal(value: object) -> str:
    from sqlalchemy import literal
    from sqlalchemy.dialects import postgresql

    return str(literal(value).compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}))


@pytest.fixture(scope="session")
def _migrated_postgres() -> MigratedPostgres | None:
    return MigratedPostgres(POSTGRES_URL) if POSTGRES_URL else None


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace database migrated once; each test's workspace starts from a copy of the file."""
    from nunrec_desktop.adapters.db.engine import create_database_engine, migrate
    from nunrec_desktop.settings import DATABASE_FILE

    root = tmp_path_factory.mktemp("template-workspace")
    workspace = create_workspace(root, Settings())
    engine = create_database_engine(workspace.database_url)
    try:
        migrate(engine)
    finally:
        engine.dispose()
    for leftover in ("-wal", "-shm"):
        assert not (root / (DATABASE_FILE + leftover)).exists(), "the template database was not closed cleanly"
    return root / DATABASE_FILE


def _fresh_schema(request: pytest.FixtureRequest) -> bool:
    return request.node.get_closest_marker("fresh_schema") is not None


@pytest.fixture
def database_url(request: pytest.FixtureRequest, _migrated_postgres: MigratedPostgres | None) -> Iterator[str]:
    """'' for the workspace's own SQLite file, or the PostgreSQL URL under test: migrated and without rows, or
    (marked `fresh_schema`) an empty schema that was never migrated."""
    if _migrated_postgres is None:
        yield POSTGRES_URL
        return
    if _fresh_schema(request):
        reset_postgres(POSTGRES_URL)
        yield POSTGRES_URL
        _migrated_postgres.rebuild()
        return
    _migrated_postgres.reset()
    yield POSTGRES_URL


@pytest.fixture
def workspace_dir(request: pytest.FixtureRequest, tmp_path: Path, database_url: str, _sqlite_template: Path) -> Path:
    """A workspace whose database is migrated and empty (marked `fresh_schema`: not yet created)."""
    root = tmp_path / "workspace"
    create_workspace(root, Settings(database_url=database_url))
    if not database_url and not _fresh_schema(request):
        shutil.copyfile(_sqlite_template, root / _sqlite_template.name)
    return root


@pytest.fixture(scope="session")
def _cheap_passwords() -> Passwords:
    return Passwords.for_tests()


@pytest.fixture(autouse=True)
def _one_hash_cost_per_session(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, _cheap_passwords: Passwords
) -> None:
    """Where the application builds its Passwords, it gets the session's cheap one (no argon2 hash up front and
    cheap hashes); a test marked `real_password_hashing` keeps the production parameters."""
    if request.node.get_closest_marker("real_password_hashing") is None:
        monkeypatch.setattr("nunrec_desktop.app.Passwords", lambda: _cheap_passwords)


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
