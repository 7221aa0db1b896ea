"""evaluations and the guideline snapshots they were made with

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "guideline_snapshots",
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("guideline_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("content_hash", name=op.f("pk_guideline_snapshots")),
    )
    op.create_table(
        "evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_user_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=64), nullable=False),
        sa.Column("recording_id", sa.String(length=128), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("call_start", sa.DateTime(), nullable=True),
        sa.Column("call_duration_s", sa.Float(), nullable=True),
        sa.Column("guideline_id", sa.String(length=64), nullable=False),
        sa.Column("guideline_version", sa.String(length=64), nullable=False),
        sa.Column("guideline_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["coach_user_id"], ["users.id"], name=op.f("fk_evaluations_coach_user_id_users")),
        sa.ForeignKeyConstraint(["employee_id"], ["employees.id"], name=op.f("fk_evaluations_employee_id_employees")),
        sa.ForeignKeyConstraint(
            ["supersedes_id"], ["evaluations.id"], name=op.f("fk_evaluations_supersedes_id_evaluations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluations")),
    )
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluations_coach_user_id"), ["coach_user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evaluations_employee_id"), ["employee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_evaluations_recording_id"), ["recording_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("evaluations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluations_recording_id"))
        batch_op.drop_index(batch_op.f("ix_evaluations_employee_id"))
        batch_op.drop_index(batch_op.f("ix_evaluations_coach_user_id"))

    op.drop_table("evaluations")
    op.drop_table("guideline_snapshots")
