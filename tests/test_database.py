"""The database: migrations build exactly the models' schema, SQLite runs in WAL with foreign keys on,
and two processes can write to the audit chain at the same time without breaking it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from nunrec_desktop.adapters.db.engine import MIGRATIONS_DIR, create_database_engine, migrate
from nunrec_desktop.adapters.db.models import AssignmentRow, Base
from nunrec_desktop.app import Services


def test_migrations_match_the_models(services: Services) -> None:
    with services.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_one_migration_head() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1


def test_migrate_twice_is_harmless(services: Services) -> None:
    migrate(services.engine)
    migrate(services.engine)


def test_sqlite_pragmas(tmp_path: Path) -> None:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_foreign_keys_are_enforced(services: Services) -> None:
    from datetime import date

    with pytest.raises(IntegrityError), services.sessions.begin() as session:
        session.add(AssignmentRow(coach_user_id=999, employee_id="nobody", start_date=date(2026, 1, 1)))


WRITER = """
import sys
from datetime import UTC, datetime
from pathlib import Path
from nunrec_desktop.app import open_services
from nunrec_desktop.domain import AuditResult
services = open_services(Path(sys.argv[1]), keyring_factory=lambda: None)
for i in range(40):
    services.audit.record(actor=sys.argv[2], role="coach", action="test.write", result=AuditResult.ALLOWED,
                          object_id=str(i))
services.close()
"""


def test_two_processes_append_to_one_chain(services: Services, workspace_dir: Path) -> None:
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(workspace_dir), name], stderr=subprocess.PIPE, text=True)
        for name in ("a", "b")
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    report = services.audit.verify()
    assert report.intact and report.checked == 80


def test_a_row_another_process_inserted_meanwhile_is_left_alone(services: Services) -> None:
    """Two coaches' processes storing the same guideline snapshot at the same moment: each saw no row, and the
    second INSERT raised a duplicate key on PostgreSQL (the team test, now and then). The insert leaves the row
    the other process stored alone."""
    from datetime import UTC, datetime

    from nunrec_desktop.adapters.db.engine import insert_if_absent
    from nunrec_desktop.adapters.db.models import GuidelineSnapshotRow

    values = {
        "content_hash": "a" * 64,
        "guideline_id": "g",
        "version": "1",
        "source": "eerste",
        "stored_at": datetime.now(UTC),
    }
    for source in ("eerste", "tweede"):  # the second as the process that lost the race does it
        with services.sessions.begin() as session:
            insert_if_absent(session, GuidelineSnapshotRow, {**values, "source": source})
    with services.sessions() as session:
        stored = session.get(GuidelineSnapshotRow, "a" * 64)
        assert stored is not None and stored.source == "eerste"
