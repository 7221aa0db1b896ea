"""live sessions: why a side-by-side session took place (P8)

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("live_reason", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("live_reason_note", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.drop_column("live_reason_note")
        batch_op.drop_column("live_reason")
