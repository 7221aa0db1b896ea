"""IT administration in the application and the access review (issue 25)

Employees get an `active` flag (deactivated employees are kept while evaluations reference them; existing
employees are active). The access review's sign-offs get a table of their own: who signed, on which day, the
scope ("full" yearly, "admin" quarterly) and a short remark (checked by the caller-data guard before it is
stored).

Revision ID: admin_review
Revises: revisions_unique
"""

import sqlalchemy as sa
from alembic import op

revision = "admin_review"
down_revision = "revisions_unique"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (with a default, so existing rows are active), also on SQLite: a batch copy of the
    # table would drop `employees` while evaluations refer to it.
    op.add_column("employees", sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.create_table(
        "access_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("signed_by", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("remark", sa.String(length=500), nullable=False),
        sa.Column("accounts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_reviews")),
    )


def downgrade() -> None:
    op.drop_table("access_reviews")
    op.drop_column("employees", "active")
