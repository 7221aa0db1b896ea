"""The feedback conversation (protocol P7: the coach discusses the calls with the employee).

After the conversation the coach records it for the cycle it discussed: the date, the agreements for the
next cycle ("afspraken"), the employee's own reaction in their words (optional), and whether the employee
agrees with the feedback or on what they do not. Every text passes the caller-data guard first: a finding
refuses the record, naming what was found (never storing it). One record per cycle (recording it again
replaces it); every record is decided and audited by the access policy. It closes the cycle's loop: the
cycle stops running, the overview says "besproken op ...", the next feedback PDF and Dialog pack show the
agreements, and the next cycle's form shows them to the coach.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from nunrec_desktop.adapters.db.models import ConversationRow, CycleRow, EvaluationRow
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, InvalidInput, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.coaching_cycles import Cycle, CycleService
from nunrec_desktop.services.privacy import KIND_POSTCODE, CallerDataGuard

MAX_AGREEMENTS = 10
MAX_AGREEMENT_CHARS = 300
MAX_REACTION_CHARS = 2000
KIND_WORDS = {KIND_POSTCODE: "postcode met huisnummer", "bsn": "BSN", "iban": "rekeningnummer (IBAN)"}


@dataclass(frozen=True)
class Conversation:
    cycle_id: int
    held_on: date
    agreements: list[str]
    reaction: str
    agrees: bool | None  # None: not asked / not said
    disagreement: str
    recorded_at: datetime


class ConversationService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        policy: AccessPolicy,
        cycles: CycleService,
        clock: Clock,
        guard: Callable[[], CallerDataGuard],
    ) -> None:
        self._sessions = sessions
        self._policy = policy
        self._cycles = cycles
        self._clock = clock
        self._guard = guard

    def record(
        self,
        user: User,
        employee_id: str,
        held_on: date,
        agreements: Iterable[str],
        reaction: str = "",
        agrees: bool | None = None,
        disagreement: str = "",
        cycle_id: int | None = None,
    ) -> Conversation:
        """Record the conversation of `cycle_id`, or of the cycle `cycle_to_discuss` picks."""
        cycle = self._cycle(user, employee_id, cycle_id)
        cleaned = [" ".join(a.split()) for a in agreements]
        cleaned = [a for a in cleaned if a]
        reaction, disagreement = reaction.strip(), disagreement.strip()
        if held_on > self._clock().astimezone().date():
            raise InvalidInput("De datum van het gesprek ligt in de toekomst.")
        if held_on < cycle.started_at.astimezone().date():
            raise InvalidInput(f"Het gesprek ligt voor het begin van de {cycle.label}.")
        if len(cleaned) > MAX_AGREEMENTS:
            raise InvalidInput(f"Leg hoogstens {MAX_AGREEMENTS} afspraken vast.")
        if any(len(a) > MAX_AGREEMENT_CHARS for a in cleaned):
            raise InvalidInput(f"Een afspraak is hoogstens {MAX_AGREEMENT_CHARS} tekens.")
        if len(reaction) > MAX_REACTION_CHARS or len(disagreement) > MAX_REACTION_CHARS:
            raise InvalidInput(f"Een reactie is hoogstens {MAX_REACTION_CHARS} tekens.")
        if disagreement and agrees is not False:
            raise InvalidInput("Waarover de medewerker het niet eens is, hoort bij 'niet eens'.")
        guard = self._guard()
        texts = [(f"afspraak {n}", a) for n, a in enumerate(cleaned, 1)]
        texts += [("de reactie", reaction), ("waarover de medewerker het niet eens is", disagreement)]
        for name, text in texts:
            findings = guard.scan(text)
            if findings:
                kinds = ", ".join(sorted({KIND_WORDS.get(f.kind, f.kind) for f in findings}))
                raise InvalidInput(
                    f"In {name} staat mogelijk een gegeven van een beller ({kinds}). Laat het weg; gegevens van "
                    "bellers worden niet vastgelegd (P6, P13)."
                )
        with self._sessions() as session:
            replaced = session.execute(
                select(ConversationRow.id).where(ConversationRow.cycle_id == cycle.id)
            ).scalar_one_or_none()
        agreed = "unknown" if agrees is None else "yes" if agrees else "no"
        self._policy.require(
            user,
            Action.EVALUATE,
            Target("cycle", str(cycle.id), (cycle.employee_id,), self._clock()),
            detail=f"conversation {'replaced' if replaced else 'recorded'}; held {held_on.isoformat()}; "
            f"agreements {len(cleaned)}; reaction {'yes' if reaction else 'no'}; agrees {agreed}",
        )
        now = self._clock()
        with self._sessions.begin() as session:
            row = session.execute(
                select(ConversationRow).where(ConversationRow.cycle_id == cycle.id)
            ).scalar_one_or_none()
            if row is None:
                row = ConversationRow(cycle_id=cycle.id)
                session.add(row)
            row.held_on, row.agreements, row.reaction = held_on, json.dumps(cleaned, ensure_ascii=False), reaction
            row.agrees, row.disagreement, row.recorded_at = agrees, disagreement, now
            session.flush()
            return _conversation(row)

    def of_cycles(self, user: User, cycle_ids: Iterable[int]) -> dict[int, Conversation]:
        """The conversations of these cycles of this coach (cycles without one are left out)."""
        ids = list(cycle_ids)
        if not ids:
            return {}
        with self._sessions() as session:
            rows = session.execute(
                select(ConversationRow)
                .join(CycleRow, CycleRow.id == ConversationRow.cycle_id)
                .where(CycleRow.coach_user_id == user.id, ConversationRow.cycle_id.in_(ids))
            ).scalars()
            return {row.cycle_id: _conversation(row) for row in rows}

    def agreements_for(self, user: User, employee_id: str, cycle_id: int | None) -> Conversation | None:
        """What was agreed for the cycle `cycle_id` (or for the next one when None): the conversation of the
        newest earlier cycle of the employee that has one. Shown on the form to the coach."""
        cycles = self._cycles.cycles(user, employee_id)
        if cycle_id is not None:
            position = next((i for i, c in enumerate(cycles) if c.id == cycle_id), len(cycles))
            cycles = cycles[:position]
        found = self.of_cycles(user, [c.id for c in cycles if c.discussed_on is not None])
        for cycle in reversed(cycles):
            if cycle.id in found:
                return found[cycle.id]
        return None

    def _cycle(self, user: User, employee_id: str, cycle_id: int | None) -> Cycle:
        if cycle_id is not None:
            cycle = self._cycles.get(user, cycle_id)
            if cycle.employee_id != employee_id:
                raise InvalidInput("Deze coachingscyclus hoort niet bij deze medewerker.")
            return cycle
        # The policy first: another coach's employee or the IT role is refused before anything is read.
        self._policy.require(
            user, Action.READ_EVALUATIONS, Target("employee", employee_id, (employee_id,)), detail="conversation"
        )
        cycles = self._cycles.cycles(user, employee_id)
        if not cycles:
            raise InvalidInput("Er is nog geen coachingscyclus met deze medewerker; er valt nog niets te bespreken.")
        with self._sessions() as session:
            evaluated = set(
                session.scalars(
                    select(EvaluationRow.cycle_id).where(
                        EvaluationRow.cycle_id.in_([c.id for c in cycles]), EvaluationRow.status != "draft"
                    )
                )
            )
        return cycle_to_discuss(cycles, evaluated)


def cycle_to_discuss(cycles: list[Cycle], evaluated: Container[int | None]) -> Cycle:
    """The cycle a conversation is about when none is named (`evaluated`: the ids of cycles with a submitted
    evaluation): the newest evaluated one not discussed yet (the coach often draws the next calls before the
    conversation, which starts an empty cycle); else the newest evaluated one; else the newest."""
    newest_first = list(reversed(cycles))
    undiscussed = [c for c in newest_first if c.id in evaluated and c.discussed_on is None]
    anything = [c for c in newest_first if c.id in evaluated]
    return (undiscussed or anything or newest_first)[0]


def _conversation(row: ConversationRow) -> Conversation:
    return Conversation(
        row.cycle_id,
        row.held_on,
        [str(a) for a in json.loads(row.agreements or "[]")],
        row.reaction,
        row.agrees,
        row.disagreement,
        row.recorded_at,
    )
