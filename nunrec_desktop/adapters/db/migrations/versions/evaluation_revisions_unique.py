"""one open draft per coach and recording: each revision of a coach's evaluation of a call exists once (issue 20)

Two workstations of one coach could each create revision 1 of the same call at the same moment (or revision
n+1 of a correction), so that two submitted revision-1 evaluations existed while the history and the PDF
showed one. From now on (coach, recording, revision) is unique (a unique index).

Existing duplicates are kept, nothing is deleted: per coach and recording whose revisions collide, the rows
are numbered again in the order they were made (by revision; submitted before drafts; then by when they were
submitted or last saved; then by id), each pointing back to the one before it. So the history shows every
one of them as a version of that evaluation, and the newest draft is the open one.

Revision ID: revisions_unique
Revises: history
"""

from collections import defaultdict
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "revisions_unique"
down_revision = "history"
branch_labels = None
depends_on = None

NAME = "uq_evaluations_coach_recording_revision"


def _order(row: Any) -> tuple[int, int, datetime, int]:
    made = row.submitted_at if row.status != "draft" and row.submitted_at is not None else row.updated_at
    return (row.revision, 1 if row.status == "draft" else 0, made or datetime.min, row.id)


def upgrade() -> None:
    bind = op.get_bind()
    evaluations = sa.table(
        "evaluations",
        sa.column("id", sa.Integer),
        sa.column("coach_user_id", sa.Integer),
        sa.column("recording_id", sa.String),
        sa.column("revision", sa.Integer),
        sa.column("status", sa.String),
        sa.column("supersedes_id", sa.Integer),
        sa.column("submitted_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
    )
    groups: dict[tuple[int, str], list[Any]] = defaultdict(list)
    for row in bind.execute(sa.select(evaluations).where(evaluations.c.recording_id.is_not(None))):
        groups[(row.coach_user_id, row.recording_id)].append(row)
    for rows in groups.values():
        if len({row.revision for row in rows}) == len(rows):
            continue
        ordered = sorted(rows, key=_order)
        previous: int | None = None
        for number, row in enumerate(ordered, start=1):
            bind.execute(
                sa.update(evaluations).where(evaluations.c.id == row.id).values(revision=number, supersedes_id=previous)
            )
            previous = row.id
    # A unique index rather than a table constraint: SQLite adds it without rebuilding the table.
    op.create_index(NAME, "evaluations", ["coach_user_id", "recording_id", "revision"], unique=True)


def downgrade() -> None:
    op.drop_index(NAME, table_name="evaluations")
