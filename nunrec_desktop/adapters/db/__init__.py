"""Database access: typed SQLAlchemy models, engine set-up, Alembic migrations, and the unit of work with a
repository per aggregate (`unit_of_work.py`, `repositories/`): the only way the services reach the database."""
