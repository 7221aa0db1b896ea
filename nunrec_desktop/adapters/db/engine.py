"""Engine and session factory for a workspace database, and bringing its schema up to date.

SQLite runs in WAL mode with foreign keys on, and every transaction starts with BEGIN IMMEDIATE so that
two writers (the GUI and a CLI command, say) queue up instead of failing halfway through a hash chain.
PostgreSQL (`postgresql+psycopg://...`) works the same; the migrations are shared.

Alembic (about 0.15 s to import) is loaded only when the schema is behind: the database's revision is read
with plain SQLAlchemy and compared with the newest revision in the versions folder, read from the migration
files themselves.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from nunrec_desktop.domain import WorkspaceError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def create_database_engine(url: str) -> Engine:
    """Create an engine for `url`; SQLite files get WAL, foreign keys and immediate transactions."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise WorkspaceError(f"De database-URL '{url}' is ongeldig.") from error
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 15})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let the "begin" hook below decide
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def head_revisions(versions: Path | None = None) -> set[str]:
    """The newest revision(s) of the migration scripts, read from their `revision = ...` and
    `down_revision = ...` assignments (without importing Alembic or the scripts)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in sorted((versions or MIGRATIONS_DIR / "versions").glob("*.py")):
        values: dict[str, Any] = {}
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                name, value = node.targets[0].id, node.value
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                name, value = node.target.id, node.value
            else:
                continue
            if name in ("revision", "down_revision"):
                values[name] = ast.literal_eval(value)
        if isinstance(values.get("revision"), str):
            revisions.add(values["revision"])
            down = values.get("down_revision")
            parents.update([down] if isinstance(down, str) else list(down or ()))
    return revisions - parents


def current_revisions(engine: Engine) -> set[str]:
    """The revision(s) the database's schema is at (empty for a new database), read with plain SQLAlchemy."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return set()
        return {row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))}


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (a no-op when it already is; Alembic is imported
    only when there is something to do)."""
    try:
        heads = head_revisions()
        if heads and current_revisions(engine) == heads:
            return
        from alembic import command  # only for a pending migration: Alembic costs ~0.15 s of every start
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as error:
        raise WorkspaceError(f"De database is niet bereikbaar of niet bij te werken: {error.orig}") from error


def insert_if_absent(session: Session, model: type[Any], values: dict[str, Any]) -> None:
    """INSERT a row unless one with the same key exists, also when another process inserts it at the same moment
    (PostgreSQL: two coaches' first drafts with one guideline raced into a duplicate key; SQLite queues writers)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert  # the dialect in use only

        session.execute(postgresql_insert(model).values(**values).on_conflict_do_nothing())
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert  # the dialect in use only

        session.execute(sqlite_insert(model).values(**values).on_conflict_do_nothing())
