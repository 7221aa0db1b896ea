"""The feedback conversation (protocol P7: the coach discusses the calls with the employee).

After the conversation the coach records it for the cycle it discussed: the date, the agreements for the
next cycle ("afspraken"), the employee's own reaction in their words (optional), and whether the employee
agrees with the feedback or on what they do not. Every text passes the caller-data guard first: a finding
refuses the record, naming what was found (never storing it). One record per cycle (recording it again
replaces it); every record is decided and audited by the access policy. It closes the cycle's loop: the
cycle stops running, the overview says "besproken op ...", the next feedback PDF and Dialog pack show the
agreements, and the next cycle's form shows them to the coach.

Each agreement is an action (issue 26): a what, an optional date, and a state (open, done, or dropped with a
reason), marked as confirmed with the employee in the conversation. The open ones are asked about in the next
cycle (form, feedback PDF, Dialog pack) until the coach closes them; the history keeps when each was closed.
Agreements recorded before actions existed became one open action each (migration `agreed_actions`).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from nunrec_desktop.adapters.db.repositories.cycles import ActionRecord, ConversationRecord
from nunrec_desktop.adapters.db.unit_of_work import Database, UnitOfWork
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, InvalidInput, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.coaching_cycles import Cycle, CycleService
from nunrec_desktop.services.privacy import KIND_POSTCODE, CallerDataGuard

MAX_AGREEMENTS = 10
MAX_AGREEMENT_CHARS = 300
MAX_REACTION_CHARS = 2000
KIND_WORDS = {KIND_POSTCODE: "postcode met huisnummer", "bsn": "BSN", "iban": "rekeningnummer (IBAN)"}


OPEN, DONE, DROPPED = "open", "done", "dropped"
STATE_WORDS = {OPEN: "open", DONE: "gedaan", DROPPED: "vervallen"}


@dataclass(frozen=True)
class ActionInput:
    """An agreement as the coach types it: what, and by when (optional)."""

    what: str
    due_on: date | None = None


@dataclass(frozen=True)
class AgreedAction:
    """One agreement of a conversation as an action that the next cycles follow up."""

    id: int
    cycle_id: int  # the cycle whose conversation agreed it
    agreed_on: date  # the date of that conversation
    what: str
    due_on: date | None
    state: str  # open | done | dropped
    reason: str  # why it was dropped
    confirmed: bool  # confirmed with the employee in the conversation
    closed_at: datetime | None
    closed_in_cycle_id: int | None

    @property
    def open(self) -> bool:
        return self.state == OPEN


@dataclass(frozen=True)
class Conversation:
    cycle_id: int
    held_on: date
    agreements: list[str]  # the whats of `actions`, in order (as before actions existed)
    reaction: str
    agrees: bool | None  # None: not asked / not said
    disagreement: str
    recorded_at: datetime
    actions: list[AgreedAction] = field(default_factory=list)


class ConversationService:
    def __init__(
        self,
        database: Database,
        policy: AccessPolicy,
        cycles: CycleService,
        clock: Clock,
        guard: Callable[[], CallerDataGuard],
    ) -> None:
        self._database = database
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
        actions: Iterable[ActionInput] = (),
        confirmed: bool = False,
    ) -> Conversation:
        """Record the conversation of `cycle_id`, or of the cycle `cycle_to_discuss` picks. `agreements` (plain
        texts) and `actions` (with an optional date) both become actions; `confirmed`: the coach went through
        them with the employee. Recording again keeps the state of an action whose text is unchanged."""
        cycle = self._cycle(user, employee_id, cycle_id)
        inputs = [ActionInput(a) for a in agreements] + list(actions)
        wanted = [ActionInput(" ".join(a.what.split()), a.due_on) for a in inputs]
        wanted = [a for a in wanted if a.what]
        cleaned = [a.what for a in wanted]
        if any(a.due_on is not None and a.due_on < held_on for a in wanted):
            raise InvalidInput("De datum van een afspraak ligt voor het gesprek.")
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
        with self._database.read() as uow:
            replaced = uow.cycles.conversation_of(cycle.id) is not None
        agreed = "unknown" if agrees is None else "yes" if agrees else "no"
        self._policy.require(
            user,
            Action.EVALUATE,
            Target("cycle", str(cycle.id), (cycle.employee_id,), self._clock()),
            detail=f"conversation {'replaced' if replaced else 'recorded'}; held {held_on.isoformat()}; "
            f"agreements {len(cleaned)}; reaction {'yes' if reaction else 'no'}; agrees {agreed}; "
            f"confirmed {'yes' if confirmed else 'no'}",
        )
        now = self._clock()
        with self._database.begin() as uow:
            row = uow.cycles.save_conversation(cycle.id, held_on, cleaned, reaction, agrees, disagreement, now)
            uow.cycles.set_actions(row.id, [(a.what, a.due_on) for a in wanted], confirmed, now)
            return _conversation(row, self._actions(uow, [row]))

    def of_cycles(self, user: User, cycle_ids: Iterable[int]) -> dict[int, Conversation]:
        """The conversations of these cycles of this coach (cycles without one are left out)."""
        ids = list(cycle_ids)
        if not ids:
            return {}
        with self._database.read() as uow:
            rows = uow.cycles.conversations(user.id, ids)
            actions = self._actions(uow, rows)
        return {row.cycle_id: _conversation(row, actions) for row in rows}

    # -- actions -----------------------------------------------------------------------------------------

    @staticmethod
    def _actions(uow: UnitOfWork, rows: Iterable[ConversationRecord]) -> dict[int, list[AgreedAction]]:
        """The actions of these conversations, per conversation id, in order."""
        found: dict[int, list[AgreedAction]] = {row.id: [] for row in rows}
        for action in uow.cycles.actions(found):
            found[action.conversation_id].append(_action(action))
        return found

    def actions(self, user: User, employee_id: str) -> list[AgreedAction]:
        """Every action agreed with the employee in this coach's conversations, oldest first (the history of
        what was agreed and when each was closed)."""
        self._policy.require(
            user, Action.READ_EVALUATIONS, Target("employee", employee_id, (employee_id,)), detail="agreed actions"
        )
        return self._all_actions(user, employee_id)

    def actions_of(self, user: User, employee_id: str) -> list[AgreedAction]:
        """`actions` without a policy check, for callers that have decided (the report gathering)."""
        return self._all_actions(user, employee_id)

    def _all_actions(self, user: User, employee_id: str) -> list[AgreedAction]:
        cycles = self._cycles.cycles(user, employee_id)
        conversations = self.of_cycles(user, [c.id for c in cycles])
        return [a for c in cycles if c.id in conversations for a in conversations[c.id].actions]

    def open_actions(self, user: User, employee_id: str, before_cycle_id: int | None = None) -> list[AgreedAction]:
        """The actions still open (agreed before `before_cycle_id` when given): the next cycle's form and the
        Dialog pack show them and ask about them. Only this coach's own (no policy check: callers have decided,
        like `CycleService.cycles`)."""
        actions = [a for a in self._all_actions(user, employee_id) if a.open]
        if before_cycle_id is None:
            return actions
        order = [c.id for c in self._cycles.cycles(user, employee_id)]
        limit = order.index(before_cycle_id) if before_cycle_id in order else len(order)
        return [a for a in actions if a.cycle_id in order[:limit]]

    def close_action(self, user: User, action_id: int, state: str, reason: str = "") -> AgreedAction:
        """Mark an action done, or dropped with a reason (guarded for caller data); open reopens it. Audited;
        the cycle running (or the newest) is kept as the one in which it was closed."""
        if state not in STATE_WORDS:
            raise InvalidInput("Een afspraak is open, gedaan of vervallen.")
        reason = " ".join(reason.split())
        if state == DROPPED and not reason:
            raise InvalidInput("Zeg waarom de afspraak vervalt.")
        if state != DROPPED and reason:
            raise InvalidInput("Een reden hoort alleen bij een vervallen afspraak.")
        if len(reason) > MAX_AGREEMENT_CHARS:
            raise InvalidInput(f"Een reden is hoogstens {MAX_AGREEMENT_CHARS} tekens.")
        self._refuse_caller_data(["de reden", reason])
        with self._database.read() as uow:
            found = uow.cycles.action(action_id)
        if found is None or found[1].coach_user_id != user.id:
            raise InvalidInput("Deze afspraak bestaat niet.")
        cycle_id, employee_id = found[1].id, found[1].employee_id
        self._policy.require(
            user,
            Action.EVALUATE,
            Target("cycle", str(cycle_id), (employee_id,), self._clock()),
            detail=f"agreed action {action_id} -> {state}",
        )
        now = self._clock()
        cycles = self._cycles.cycles(user, employee_id)
        current = next((c for c in reversed(cycles) if c.running), cycles[-1] if cycles else None)
        with self._database.begin() as uow:
            closed = uow.cycles.close_action(
                action_id,
                state,
                reason,
                None if state == OPEN else now,
                None if state == OPEN or current is None else current.id,
            )
        return _action(closed)

    def _refuse_caller_data(self, named: list[str]) -> None:
        guard = self._guard()
        for name, text in zip(named[::2], named[1::2], strict=True):
            findings = guard.scan(text)
            if findings:
                kinds = ", ".join(sorted({KIND_WORDS.get(f.kind, f.kind) for f in findings}))
                raise InvalidInput(
                    f"In {name} staat mogelijk een gegeven van een beller ({kinds}). Laat het weg; gegevens van "
                    "bellers worden niet vastgelegd (P6, P13)."
                )

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
        with self._database.read() as uow:
            evaluated = uow.evaluations.cycles_with_submitted(c.id for c in cycles)
        return cycle_to_discuss(cycles, evaluated)


def cycle_to_discuss(cycles: list[Cycle], evaluated: Container[int | None]) -> Cycle:
    """The cycle a conversation is about when none is named (`evaluated`: the ids of cycles with a submitted
    evaluation): the newest evaluated one not discussed yet (the coach often draws the next calls before the
    conversation, which starts an empty cycle); else the newest evaluated one; else the newest."""
    newest_first = list(reversed(cycles))
    undiscussed = [c for c in newest_first if c.id in evaluated and c.discussed_on is None]
    anything = [c for c in newest_first if c.id in evaluated]
    return (undiscussed or anything or newest_first)[0]


def _action(row: ActionRecord) -> AgreedAction:
    return AgreedAction(
        row.id,
        row.cycle_id,
        row.agreed_on,
        row.what,
        row.due_on,
        row.state,
        row.reason,
        row.confirmed,
        row.closed_at,
        row.closed_in_cycle_id,
    )


def _conversation(row: ConversationRecord, actions: dict[int, list[AgreedAction]]) -> Conversation:
    listed = actions.get(row.id, [])
    return Conversation(
        row.cycle_id,
        row.held_on,
        [a.what for a in listed] if listed else list(row.agreements),
        row.reaction,
        row.agrees,
        row.disagreement,
        row.recorded_at,
        listed,
    )
