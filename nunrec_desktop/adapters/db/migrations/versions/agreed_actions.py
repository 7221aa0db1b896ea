"""agreements of the feedback conversation as actions (issue 26)

Each free-text agreement recorded so far becomes one open action, in its order, without a date and not marked
as confirmed with the employee (that was not asked then). The conversation's `agreements` column stays (the
whats, in order) so that older readers keep working.

Revision ID: agreed_actions
Revises: 0007_directory
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "agreed_actions"
down_revision = "0007_directory"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreed_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_in_cycle_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["closed_in_cycle_id"],
            ["coaching_cycles.id"],
            name=op.f("fk_agreed_actions_closed_in_cycle_id_coaching_cycles"),
        ),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["feedback_conversations.id"],
            name=op.f("fk_agreed_actions_conversation_id_feedback_conversations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreed_actions")),
    )
    with op.batch_alter_table("agreed_actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreed_actions_conversation_id"), ["conversation_id"], unique=False)
    connection = op.get_bind()
    conversations = connection.execute(sa.text("SELECT id, agreements FROM feedback_conversations ORDER BY id")).all()
    insert = sa.text(  # created_at copied in SQL: the stored value keeps its own (UTC, naive) form
        "INSERT INTO agreed_actions (conversation_id, position, what, due_on, state, reason, confirmed, created_at) "
        "SELECT id, :position, :what, NULL, 'open', '', :confirmed, recorded_at FROM feedback_conversations "
        "WHERE id = :conversation_id"
    )
    for conversation_id, agreements in conversations:
        try:
            texts = json.loads(agreements or "[]")
        except ValueError:
            texts = []
        if not isinstance(texts, list):
            continue
        for position, text in enumerate(t for t in texts if isinstance(t, str) and t.strip()):
            connection.execute(
                insert, {"conversation_id": conversation_id, "position": position, "what": text, "confirmed": False}
            )


def downgrade() -> None:
    with op.batch_alter_table("agreed_actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreed_actions_conversation_id"))
    op.drop_table("agreed_actions")
