"""Developer tool: autogenerate an Alembic revision against a scratch SQLite database.

    .venv/bin/python tools/new_migration.py "add evaluations"

Review the generated file by hand before committing it.
"""

import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config

from nunrec_desktop.adapters.db.engine import MIGRATIONS_DIR, create_database_engine


def main() -> None:
    message = sys.argv[1] if len(sys.argv) > 1 else "revision"
    with tempfile.TemporaryDirectory() as scratch:
        engine = create_database_engine(f"sqlite:///{Path(scratch) / 'scratch.sqlite3'}")
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            command.revision(config, message=message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    main()
