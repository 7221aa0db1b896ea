"""explicit coaching cycles, the feedback conversation, which evaluations went into feedback (issue 13)

Existing evaluations land in explicit cycles: what was inferred until now (per coach and employee, runs of
first submissions less than 14 days apart) becomes one cycle row each; a draw made up to 14 days before such
a run starts that cycle (its picks are "getrokken", other calls "niet getrokken"); a draw without evaluations
after it is a cycle of its own. Every revision of an evaluation counts for the cycle of its first submission.

Revision ID: history
Revises: 0005
"""

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "history"
down_revision = "0005"
branch_labels = None
depends_on = None

GAP = timedelta(days=14)


def upgrade() -> None:
    op.create_table(
        "coaching_cycles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_user_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=64), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("started_by", sa.String(length=16), nullable=False),
        sa.Column("draw_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["coach_user_id"], ["users.id"], name=op.f("fk_coaching_cycles_coach_user_id_users")),
        sa.ForeignKeyConstraint(["draw_id"], ["draws.id"], name=op.f("fk_coaching_cycles_draw_id_draws")),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name=op.f("fk_coaching_cycles_employee_id_employees")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coaching_cycles")),
    )
    with op.batch_alter_table("coaching_cycles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coaching_cycles_coach_user_id"), ["coach_user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_coaching_cycles_employee_id"), ["employee_id"], unique=False)
    op.create_table(
        "feedback_conversations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cycle_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("agreements", sa.Text(), nullable=False),
        sa.Column("reaction", sa.Text(), nullable=False),
        sa.Column("agrees", sa.Boolean(), nullable=True),
        sa.Column("disagreement", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["cycle_id"], ["coaching_cycles.id"], name=op.f("fk_feedback_conversations_cycle_id_coaching_cycles")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_conversations")),
        sa.UniqueConstraint("cycle_id", name=op.f("uq_feedback_conversations_cycle_id")),
    )
    op.create_table(
        "feedback_exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_user_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=64), nullable=False),
        sa.Column("evaluation_ids", sa.Text(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["coach_user_id"], ["users.id"], name=op.f("fk_feedback_exports_coach_user_id_users")),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name=op.f("fk_feedback_exports_employee_id_employees")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_exports")),
    )
    with op.batch_alter_table("feedback_exports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_exports_coach_user_id"), ["coach_user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_feedback_exports_employee_id"), ["employee_id"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        # Not through a rebuild of `evaluations` (copy, drop, rename): with foreign keys on, dropping a table
        # whose rows refer to each other (`supersedes_id`) fails inside the migration's transaction. SQLite
        # adds a column with its reference in place.
        op.execute(
            "ALTER TABLE evaluations ADD COLUMN cycle_id INTEGER "
            "CONSTRAINT fk_evaluations_cycle_id_coaching_cycles REFERENCES coaching_cycles (id)"
        )
        op.add_column("evaluations", sa.Column("drawn", sa.Boolean(), nullable=True))
        op.create_index(op.f("ix_evaluations_cycle_id"), "evaluations", ["cycle_id"], unique=False)
    else:
        with op.batch_alter_table("evaluations", schema=None) as batch_op:
            batch_op.add_column(sa.Column("cycle_id", sa.Integer(), nullable=True))
            batch_op.add_column(sa.Column("drawn", sa.Boolean(), nullable=True))
            batch_op.create_index(batch_op.f("ix_evaluations_cycle_id"), ["cycle_id"], unique=False)
            batch_op.create_foreign_key(
                batch_op.f("fk_evaluations_cycle_id_coaching_cycles"), "coaching_cycles", ["cycle_id"], ["id"]
            )
    _cycles_from_history(op.get_bind())


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _cycles_from_history(connection: sa.Connection) -> None:
    """The cycles that were inferred until now, made explicit (see the module docstring)."""
    evaluations = sa.table(
        "evaluations",
        sa.column("id", sa.Integer),
        sa.column("coach_user_id", sa.Integer),
        sa.column("employee_id", sa.String),
        sa.column("recording_id", sa.String),
        sa.column("supersedes_id", sa.Integer),
        sa.column("status", sa.String),
        sa.column("revision", sa.Integer),
        sa.column("submitted_at", sa.DateTime),
        sa.column("cycle_id", sa.Integer),
        sa.column("drawn", sa.Boolean),
    )
    draws = sa.table(
        "draws",
        sa.column("id", sa.Integer),
        sa.column("coach_user_id", sa.Integer),
        sa.column("employee_id", sa.String),
        sa.column("picks", sa.Text),
        sa.column("replacements", sa.Text),
        sa.column("created_at", sa.DateTime),
    )
    cycles = sa.table(
        "coaching_cycles",
        sa.column("id", sa.Integer),
        sa.column("coach_user_id", sa.Integer),
        sa.column("employee_id", sa.String),
        sa.column("started_at", sa.DateTime),
        sa.column("started_by", sa.String),
        sa.column("draw_id", sa.Integer),
    )
    rows = connection.execute(
        sa.select(
            evaluations.c.id,
            evaluations.c.coach_user_id,
            evaluations.c.employee_id,
            evaluations.c.recording_id,
            evaluations.c.supersedes_id,
            evaluations.c.status,
            evaluations.c.submitted_at,
        ).order_by(evaluations.c.revision, evaluations.c.id)
    ).all()
    # The first submission of each chain of revisions decides its cycle.
    root: dict[int, int] = {}
    for row in rows:
        root[row.id] = root.get(row.supersedes_id, row.id) if row.supersedes_id is not None else row.id
    first_submitted: dict[int, datetime] = {}
    for row in rows:
        if row.status == "submitted" and row.submitted_at is not None:
            chain = root[row.id]
            moment = _aware(row.submitted_at)
            first_submitted[chain] = min(first_submitted.get(chain, moment), moment)
    by_pair: dict[tuple[int, str], list[tuple[datetime, int]]] = {}
    owner = {row.id: (row.coach_user_id, row.employee_id) for row in rows}
    for chain, moment in first_submitted.items():
        by_pair.setdefault(owner[chain], []).append((moment, chain))
    draw_rows = connection.execute(sa.select(draws).order_by(draws.c.created_at)).all()
    draws_of: dict[tuple[int, str], list[sa.Row[Any]]] = {}
    for made in draw_rows:
        draws_of.setdefault((made.coach_user_id, made.employee_id), []).append(made)
    cycle_of_chain: dict[int, tuple[int, set[str] | None]] = {}
    for pair in sorted(set(by_pair) | set(draws_of)):
        runs: list[list[tuple[datetime, int]]] = []
        for moment, chain in sorted(by_pair.get(pair, [])):
            if runs and moment - runs[-1][-1][0] <= GAP:
                runs[-1].append((moment, chain))
            else:
                runs.append([(moment, chain)])
        unused = list(draws_of.get(pair, []))
        for run in runs:
            first, last = run[0][0], run[-1][0]
            # The draw that started the run (the newest in the 14 days before its first submission) and every
            # draw made during the run (topping it up) belong to the run's one cycle; their picks combined.
            before = [d for d in unused if first - GAP <= _aware(d.created_at) <= first]
            during = [d for d in unused if first < _aware(d.created_at) <= last]
            draw = before[-1] if before else (during[0] if during else None)
            mine = ([draw] if draw is not None else []) + [d for d in during if d is not draw]
            for made in mine:
                unused.remove(made)
            picks = set().union(*(_picks(d) for d in mine)) if mine else None
            cycle_id = _insert_cycle(
                connection,
                cycles,
                pair,
                _aware(draw.created_at) if draw is not None else first,
                "draw" if draw is not None else "migration",
                draw.id if draw is not None else None,
            )
            for _moment, chain in run:
                cycle_of_chain[chain] = (cycle_id, picks)
        for left in unused:  # a draw nobody evaluated yet: its cycle runs
            _insert_cycle(connection, cycles, pair, _aware(left.created_at), "draw", left.id)
    for row in rows:
        found = cycle_of_chain.get(root[row.id])
        if found is None:
            continue
        cycle_id, drawn_for = found
        drawn = None if drawn_for is None else bool(row.recording_id and row.recording_id in drawn_for)
        connection.execute(
            sa.update(evaluations).where(evaluations.c.id == row.id).values(cycle_id=cycle_id, drawn=drawn)
        )


def _picks(draw: sa.Row[Any]) -> set[str]:
    """The calls drawn, as `CycleService.drawn_ids` reads them (a replaced call is no longer drawn)."""
    return {str(pick) for pick in json.loads(str(draw.picks))}


def _insert_cycle(
    connection: sa.Connection,
    cycles: sa.TableClause,
    pair: tuple[int, str],
    started_at: datetime,
    started_by: str,
    draw_id: int | None,
) -> int:
    inserted = connection.execute(
        sa.insert(cycles)
        .values(
            coach_user_id=pair[0],
            employee_id=pair[1],
            started_at=started_at.replace(tzinfo=None),
            started_by=started_by,
            draw_id=draw_id,
        )
        .returning(cycles.c.id)
    )
    return int(inserted.scalar_one())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite drops a column with its inline reference in place (3.35+), without rebuilding the table.
        op.drop_index(op.f("ix_evaluations_cycle_id"), table_name="evaluations")
        op.execute("ALTER TABLE evaluations DROP COLUMN drawn")
        op.execute("ALTER TABLE evaluations DROP COLUMN cycle_id")
    else:
        with op.batch_alter_table("evaluations", schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f("fk_evaluations_cycle_id_coaching_cycles"), type_="foreignkey")
            batch_op.drop_index(batch_op.f("ix_evaluations_cycle_id"))
            batch_op.drop_column("drawn")
            batch_op.drop_column("cycle_id")
    with op.batch_alter_table("feedback_exports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_exports_employee_id"))
        batch_op.drop_index(batch_op.f("ix_feedback_exports_coach_user_id"))
    op.drop_table("feedback_exports")
    op.drop_table("feedback_conversations")
    with op.batch_alter_table("coaching_cycles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coaching_cycles_employee_id"))
        batch_op.drop_index(batch_op.f("ix_coaching_cycles_coach_user_id"))
    op.drop_table("coaching_cycles")
