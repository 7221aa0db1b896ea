"""draws

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "draws",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_user_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=64), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("parameters", sa.Text(), nullable=False),
        sa.Column("picks", sa.Text(), nullable=False),
        sa.Column("replacements", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["coach_user_id"], ["users.id"], name=op.f("fk_draws_coach_user_id_users")),
        sa.ForeignKeyConstraint(["employee_id"], ["employees.id"], name=op.f("fk_draws_employee_id_employees")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draws")),
    )
    with op.batch_alter_table("draws", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_draws_coach_user_id"), ["coach_user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_draws_employee_id"), ["employee_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("draws", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_draws_employee_id"))
        batch_op.drop_index(batch_op.f("ix_draws_coach_user_id"))

    op.drop_table("draws")
