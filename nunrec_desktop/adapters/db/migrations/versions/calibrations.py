"""calibration between coaches (issue 26): a shared call, each coach's blind answers, the agreed result

Revision ID: calibrations
Revises: agreed_actions
"""

import sqlalchemy as sa
from alembic import op

revision = "calibrations"
down_revision = "agreed_actions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calibrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shared_by_user_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=64), nullable=False),
        sa.Column("evaluation_id", sa.Integer(), nullable=False),
        sa.Column("recording_id", sa.String(length=200), nullable=True),
        sa.Column("call_start", sa.DateTime(), nullable=True),
        sa.Column("call_duration_s", sa.Float(), nullable=True),
        sa.Column("guideline_version", sa.String(length=64), nullable=False),
        sa.Column("guideline_hash", sa.String(length=128), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("agreed_answers", sa.Text(), nullable=True),
        sa.Column("agreed_note", sa.Text(), nullable=False),
        sa.Column("spread", sa.Text(), nullable=True),
        sa.Column("agreed_at", sa.DateTime(), nullable=True),
        sa.Column("agreed_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreed_by_user_id"], ["users.id"], name=op.f("fk_calibrations_agreed_by_user_id_users")
        ),
        sa.ForeignKeyConstraint(["employee_id"], ["employees.id"], name=op.f("fk_calibrations_employee_id_employees")),
        sa.ForeignKeyConstraint(
            ["evaluation_id"], ["evaluations.id"], name=op.f("fk_calibrations_evaluation_id_evaluations")
        ),
        sa.ForeignKeyConstraint(
            ["shared_by_user_id"], ["users.id"], name=op.f("fk_calibrations_shared_by_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calibrations")),
    )
    with op.batch_alter_table("calibrations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calibrations_shared_by_user_id"), ["shared_by_user_id"], unique=False)
    op.create_table(
        "calibration_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("calibration_id", sa.Integer(), nullable=False),
        sa.Column("coach_user_id", sa.Integer(), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["calibration_id"], ["calibrations.id"], name=op.f("fk_calibration_scores_calibration_id_calibrations")
        ),
        sa.ForeignKeyConstraint(
            ["coach_user_id"], ["users.id"], name=op.f("fk_calibration_scores_coach_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calibration_scores")),
        sa.UniqueConstraint("calibration_id", "coach_user_id", name=op.f("uq_calibration_scores_calibration_id")),
    )
    with op.batch_alter_table("calibration_scores", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calibration_scores_calibration_id"), ["calibration_id"], unique=False)


def downgrade() -> None:
    op.drop_table("calibration_scores")
    op.drop_table("calibrations")
