"""Coaching cycles, their feedback conversations and the agreed actions (the `cycles` aggregate).

Records in, records out: the cycle and conversation services (`services/coaching_cycles.py`,
`services/conversations.py`) turn them into what screens and documents see."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from nunrec_desktop.adapters.db.models import AgreedActionRow, ConversationRow, CycleRow


@dataclass(frozen=True, slots=True)
class CycleRecord:
    id: int
    coach_user_id: int
    employee_id: str
    started_at: datetime
    started_by: str
    draw_id: int | None


@dataclass(frozen=True, slots=True)
class ConversationRecord:
    """A cycle's feedback conversation; `agreements` is the stored JSON list of texts."""

    id: int
    cycle_id: int
    held_on: date
    agreements: list[str]
    reaction: str
    agrees: bool | None
    disagreement: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class ActionRecord:
    """An agreed action with the cycle and date of the conversation that agreed it."""

    id: int
    conversation_id: int
    cycle_id: int
    agreed_on: date
    what: str
    due_on: date | None
    state: str
    reason: str
    confirmed: bool
    closed_at: datetime | None
    closed_in_cycle_id: int | None


class CycleRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # -- cycles --------------------------------------------------------------------------------------------

    def add(
        self, coach_user_id: int, employee_id: str, started_at: datetime, started_by: str, draw_id: int | None
    ) -> int:
        row = CycleRow(
            coach_user_id=coach_user_id,
            employee_id=employee_id,
            started_at=started_at,
            started_by=started_by,
            draw_id=draw_id,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def get(self, cycle_id: int) -> CycleRecord | None:
        row = self._session.get(CycleRow, cycle_id)
        return None if row is None else _cycle(row)

    def of(self, coach_user_id: int, employee_id: str) -> list[tuple[CycleRecord, date | None]]:
        """This coach's cycles with the employee, oldest first, each with the date of its conversation."""
        rows = self._session.execute(
            select(CycleRow, ConversationRow.held_on)
            .outerjoin(ConversationRow, ConversationRow.cycle_id == CycleRow.id)
            .where(CycleRow.coach_user_id == coach_user_id, CycleRow.employee_id == employee_id)
            .order_by(CycleRow.started_at, CycleRow.id)
        ).all()
        return [(_cycle(row), held_on) for row, held_on in rows]

    def next_start(self, coach_user_id: int, employee_id: str, cycle_id: int, started_at: datetime) -> datetime | None:
        """When the cycle after this one (of the same coach and employee) started; None: it is the newest."""
        return self._session.execute(
            select(CycleRow.started_at)
            .where(
                CycleRow.coach_user_id == coach_user_id,
                CycleRow.employee_id == employee_id,
                CycleRow.id != cycle_id,
                CycleRow.started_at > started_at,
            )
            .order_by(CycleRow.started_at)
            .limit(1)
        ).scalar_one_or_none()

    def started_until(self, moment: datetime) -> list[int]:
        """The ids of the cycles started up to `moment`."""
        return list(self._session.execute(select(CycleRow.id).where(CycleRow.started_at <= moment)).scalars())

    def delete(self, cycle_ids: list[int]) -> None:
        """Delete these cycles with their conversations and the actions agreed in them; an action of a later
        conversation that was closed in one of these cycles stays closed, without the cycle."""
        if cycle_ids:
            conversations = select(ConversationRow.id).where(ConversationRow.cycle_id.in_(cycle_ids))
            self._session.execute(delete(AgreedActionRow).where(AgreedActionRow.conversation_id.in_(conversations)))
            self._session.execute(
                update(AgreedActionRow)
                .where(AgreedActionRow.closed_in_cycle_id.in_(cycle_ids))
                .values(closed_in_cycle_id=None)
            )
            self._session.execute(delete(ConversationRow).where(ConversationRow.cycle_id.in_(cycle_ids)))
            self._session.execute(delete(CycleRow).where(CycleRow.id.in_(cycle_ids)))

    # -- conversations ---------------------------------------------------------------------------------

    def conversation_of(self, cycle_id: int) -> ConversationRecord | None:
        row = self._session.execute(
            select(ConversationRow).where(ConversationRow.cycle_id == cycle_id)
        ).scalar_one_or_none()
        return None if row is None else _conversation(row)

    def conversations(self, coach_user_id: int, cycle_ids: Iterable[int]) -> list[ConversationRecord]:
        """The conversations of these cycles of this coach (cycles without one are left out)."""
        ids = list(cycle_ids)
        if not ids:
            return []
        rows = self._session.execute(
            select(ConversationRow)
            .join(CycleRow, CycleRow.id == ConversationRow.cycle_id)
            .where(CycleRow.coach_user_id == coach_user_id, ConversationRow.cycle_id.in_(ids))
        ).scalars()
        return [_conversation(row) for row in rows]

    def save_conversation(
        self,
        cycle_id: int,
        held_on: date,
        agreements: list[str],
        reaction: str,
        agrees: bool | None,
        disagreement: str,
        recorded_at: datetime,
    ) -> ConversationRecord:
        """Record (or record again) the conversation of a cycle."""
        row = self._session.execute(
            select(ConversationRow).where(ConversationRow.cycle_id == cycle_id)
        ).scalar_one_or_none()
        if row is None:
            row = ConversationRow(cycle_id=cycle_id)
            self._session.add(row)
        row.held_on, row.agreements, row.reaction = held_on, json.dumps(agreements, ensure_ascii=False), reaction
        row.agrees, row.disagreement, row.recorded_at = agrees, disagreement, recorded_at
        self._session.flush()
        return _conversation(row)

    # -- agreed actions --------------------------------------------------------------------------------

    def set_actions(
        self, conversation_id: int, wanted: list[tuple[str, date | None]], confirmed: bool, now: datetime
    ) -> None:
        """The conversation's actions become `wanted` (what, due date), in order: an action whose text is
        unchanged keeps its state, a new one is open, one no longer wanted is removed."""
        kept = {
            a.what: a
            for a in self._session.scalars(
                select(AgreedActionRow).where(AgreedActionRow.conversation_id == conversation_id)
            )
        }
        for position, (what, due_on) in enumerate(wanted):
            existing = kept.pop(what, None)
            if existing is None:
                existing = AgreedActionRow(
                    conversation_id=conversation_id, what=what, state="open", reason="", created_at=now
                )
                self._session.add(existing)
            existing.position, existing.due_on, existing.confirmed = position, due_on, confirmed
        for gone in kept.values():
            self._session.delete(gone)
        self._session.flush()

    def actions(self, conversation_ids: Iterable[int]) -> list[ActionRecord]:
        """The actions of these conversations, per conversation in order."""
        ids = list(conversation_ids)
        if not ids:
            return []
        rows = self._session.execute(
            select(AgreedActionRow, ConversationRow)
            .join(ConversationRow, ConversationRow.id == AgreedActionRow.conversation_id)
            .where(AgreedActionRow.conversation_id.in_(ids))
            .order_by(AgreedActionRow.conversation_id, AgreedActionRow.position, AgreedActionRow.id)
        ).all()
        return [_action(action, conversation) for action, conversation in rows]

    def action(self, action_id: int) -> tuple[ActionRecord, CycleRecord] | None:
        """One action and the cycle whose conversation agreed it."""
        found = self._session.execute(
            select(AgreedActionRow, ConversationRow, CycleRow)
            .join(ConversationRow, ConversationRow.id == AgreedActionRow.conversation_id)
            .join(CycleRow, CycleRow.id == ConversationRow.cycle_id)
            .where(AgreedActionRow.id == action_id)
        ).one_or_none()
        if found is None:
            return None
        action, conversation, cycle = found
        return _action(action, conversation), _cycle(cycle)

    def close_action(
        self, action_id: int, state: str, reason: str, closed_at: datetime | None, closed_in_cycle_id: int | None
    ) -> ActionRecord:
        row = self._session.get(AgreedActionRow, action_id)
        if row is None:
            raise LookupError(f"agreed action {action_id} does not exist")
        row.state, row.reason, row.closed_at, row.closed_in_cycle_id = state, reason, closed_at, closed_in_cycle_id
        conversation = self._session.get(ConversationRow, row.conversation_id)
        assert conversation is not None
        self._session.flush()
        return _action(row, conversation)


def _cycle(row: CycleRow) -> CycleRecord:
    return CycleRecord(row.id, row.coach_user_id, row.employee_id, row.started_at, row.started_by, row.draw_id)


def _conversation(row: ConversationRow) -> ConversationRecord:
    return ConversationRecord(
        row.id,
        row.cycle_id,
        row.held_on,
        [str(a) for a in json.loads(row.agreements or "[]")],
        row.reaction,
        row.agrees,
        row.disagreement,
        row.recorded_at,
    )


def _action(row: AgreedActionRow, conversation: ConversationRow) -> ActionRecord:
    return ActionRecord(
        row.id,
        row.conversation_id,
        conversation.cycle_id,
        conversation.held_on,
        row.what,
        row.due_on,
        row.state,
        row.reason,
        row.confirmed,
        row.closed_at,
        row.closed_in_cycle_id,
    )
