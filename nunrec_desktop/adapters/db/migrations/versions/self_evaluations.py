"""the employee's own 5A answers while listening together (issue 26)

Revision ID: self_evaluations
Revises: calibrations
"""

import sqlalchemy as sa
from alembic import op

revision = "self_evaluations"
down_revision = "calibrations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "self_evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_user_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=64), nullable=False),
        sa.Column("recording_id", sa.String(length=200), nullable=False),
        sa.Column("call_start", sa.DateTime(), nullable=True),
        sa.Column("call_duration_s", sa.Float(), nullable=True),
        sa.Column("guideline_hash", sa.String(length=128), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["coach_user_id"], ["users.id"], name=op.f("fk_self_evaluations_coach_user_id_users")),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name=op.f("fk_self_evaluations_employee_id_employees")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_self_evaluations")),
    )
    with op.batch_alter_table("self_evaluations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_self_evaluations_coach_user_id"), ["coach_user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_self_evaluations_employee_id"), ["employee_id"], unique=False)


def downgrade() -> None:
    op.drop_table("self_evaluations")
