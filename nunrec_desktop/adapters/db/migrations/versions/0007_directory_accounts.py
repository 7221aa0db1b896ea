"""directory accounts (issue 24): users.directory_id, the directory's stable id of a person (objectGUID or
entryUUID), so that an account from the directory, and its coaching assignments, survive a change of login
name. Empty for local accounts.

Revision ID: 0007_directory
Revises: history
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_directory"
down_revision = "history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("directory_id", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_users_directory_id"), ["directory_id"])


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_users_directory_id"), type_="unique")
        batch_op.drop_column("directory_id")
