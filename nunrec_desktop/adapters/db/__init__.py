"""Database access: typed SQLAlchemy models, engine set-up and Alembic migrations."""
