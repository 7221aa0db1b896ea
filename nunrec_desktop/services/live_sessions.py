"""Side-by-side sessions (protocol P8): the coach sits beside an employee and listens live; nothing is recorded.

A session is started for one coached employee with the reason it takes place (the employee asked, the
recording failed, or something else with a short explanation). While it runs, the coach logs quick
observations per A at the session's clock time (kept as the evaluation's marks) and free notes; ending it
fixes the duration and leaves the draft open for the same 5A form as a recorded call (`source = "live"`).
A coach runs at most one session at a time. Start and end go through the access policy, which audits them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, InvalidInput, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.evaluations import Evaluation, EvaluationService
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.people import PeopleDirectory
from nunrec_desktop.services.privacy import CallerDataGuard

REASON_EMPLOYEE_REQUEST, REASON_RECORDING_FAULT, REASON_OTHER = "employee_request", "recording_fault", "other"
REASONS_DUTCH = {
    REASON_EMPLOYEE_REQUEST: "op verzoek van de medewerker",
    REASON_RECORDING_FAULT: "storing in de opname",
    REASON_OTHER: "anders",
}
REASON_NOTE_MAX = 200
PURPOSE_SIDE_BY_SIDE = "side-by-side meeluisteren"


def reason_text(reason: str | None, note: str = "") -> str:
    """The reason in Dutch, as the coach and the employee read it."""
    text = REASONS_DUTCH.get(reason or "", reason or "")
    return f"{text}: {note}" if note else text


@dataclass(frozen=True)
class LiveSession:
    evaluation: Evaluation
    employee_name: str

    @property
    def id(self) -> int:
        return self.evaluation.id

    @property
    def started_at(self) -> datetime:
        assert self.evaluation.call_start is not None
        return self.evaluation.call_start

    @property
    def running(self) -> bool:
        return self.evaluation.call_duration_s is None

    @property
    def reason(self) -> str:
        return reason_text(self.evaluation.live_reason, self.evaluation.live_reason_note)


class LiveSessionService:
    def __init__(
        self, evaluations: EvaluationService, people: PeopleDirectory, policy: AccessPolicy, clock: Clock
    ) -> None:
        self._evaluations = evaluations
        self._people = people
        self._policy = policy
        self._clock = clock

    def start(
        self, user: User, guideline: Guideline, employee_id: str, reason: str, note: str, guard: CallerDataGuard
    ) -> LiveSession:
        """Start a session now. Refused while another one runs, without a valid reason, or for an employee the
        coach does not coach."""
        if reason not in REASONS_DUTCH:
            raise InvalidInput(
                "Kies waarom je meeluistert: op verzoek van de medewerker, storing in de opname of anders."
            )
        note = " ".join(note.split())
        if reason == REASON_OTHER and not note:
            raise InvalidInput("Licht kort toe waarom je meeluistert (bij 'anders').")
        if len(note) > REASON_NOTE_MAX:
            raise InvalidInput(f"De toelichting is te lang (hoogstens {REASON_NOTE_MAX} tekens).")
        if guard.scan(note):
            raise InvalidInput("De toelichting lijkt gegevens van een beller te bevatten; laat die weg (P6).")
        running = self.running(user)
        if running is not None:
            raise InvalidInput(f"Er loopt al een side-by-side sessie met {running.employee_name}; beëindig die eerst.")
        employee = self._people.employee(employee_id)
        if employee is None:
            raise InvalidInput(f"Er is geen medewerker {employee_id}.")
        now = self._clock()
        self._policy.require(
            user,
            Action.EVALUATE,
            Target("employee", employee_id, (employee_id,), now),
            purpose=PURPOSE_SIDE_BY_SIDE,
            detail=f"live start; reason {reason}",
        )
        evaluation = self._evaluations.start_live(
            user, guideline, employee_id, now, reason, note if reason == REASON_OTHER else ""
        )
        return LiveSession(evaluation, employee.name)

    def running(self, user: User) -> LiveSession | None:
        """The coach's session that has not ended, if any (also after a crash or a killed process)."""
        sessions = self._evaluations.running_live(user)
        return self._with_name(sessions[-1]) if sessions else None

    def get(self, user: User, evaluation_id: int) -> LiveSession:
        evaluation = self._evaluations.get(user, evaluation_id)
        if not evaluation.live:
            raise InvalidInput("Dit is geen side-by-side sessie.")
        return self._with_name(evaluation)

    def elapsed_s(self, session: LiveSession) -> float:
        """The session clock: seconds since the start (a session keeps running while the app is closed)."""
        if not session.running:
            return session.evaluation.call_duration_s or 0.0
        return max(0.0, (self._clock() - session.started_at).total_seconds())

    def end(self, user: User, session: LiveSession) -> LiveSession:
        """Stop the clock; the draft stays open for the 5A form."""
        ended = self._evaluations.end_live(user, session.id, round(self.elapsed_s(session), 1))
        return LiveSession(ended, session.employee_name)

    def _with_name(self, evaluation: Evaluation) -> LiveSession:
        employee = self._people.employee(evaluation.employee_id)
        return LiveSession(evaluation, employee.name if employee else evaluation.employee_id)
