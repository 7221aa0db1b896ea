"""directory accounts (issue 24): users.directory_id, the directory's stable id of a person (objectGUID or
entryUUID), so that an account from the directory, and its coaching assignments, survive a change of login
name. Empty for local accounts.

Revision ID: 0007_directory
Revises: admin_review
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_directory"
down_revision = "admin_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN and a unique index: no table rebuild, which SQLite cannot do for `users` while other
    # tables' rows point at it (foreign keys are on).
    op.add_column("users", sa.Column("directory_id", sa.String(length=64), nullable=True))
    op.create_index(op.f("ix_users_directory_id"), "users", ["directory_id"], unique=True)


def downgrade() -> None:
    op.drop_index(op.f("ix_users_directory_id"), table_name="users")
    op.drop_column("users", "directory_id")
