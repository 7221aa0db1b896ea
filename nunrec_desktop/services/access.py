"""The single place that decides who may do what (protocol P3, P4, P5).

Every service entry point that touches a recording, an evaluation, an export or an administrative
function calls `AccessPolicy.require`, which audits the decision and raises `AccessDenied` with a Dutch
message when it is a no. `permits` answers the same question without auditing. `require_batch` audits one
decision about a list and returns a `BatchDecision` that decides each row of it with the same rule code,
without an audit entry per row (a list of 100,000 recordings writes one entry, not 100,000).

The policy fails closed: an employee-scoped action whose target names no employee is a no. The one stated
exception is a listing as a whole (`Target(kind, "*")` with a listing action): allowed for the role, because
every row of that list is decided again, with its own employees, before it is shown. There is no role a
manager can hold, so no rule mentions one.

One recording action is scoped by something else than coaching: `LISTEN_FOR_CALIBRATION`, a coach hearing the
call another coach shared for calibration. Its scope is the calibration (`Target.calibration`: the user takes
part, it is still open), with the purpose "kalibratie"; the protocol's own refusals (too old, erased, not
inbound) hold as for every listen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import AccessDenied, Action, Assignment, AuditResult, Role, User
from nunrec_desktop.services.audit import AuditLog
from nunrec_desktop.services.identifiers import EMPLOYEE_ID_RULE, employee_id_problem, phone_in_id

ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.COACH: frozenset(
        {
            Action.LIST_RECORDINGS,
            Action.PLAY_RECORDING,
            Action.EVALUATE,
            Action.READ_EVALUATIONS,
            Action.EXPORT_FEEDBACK,
            Action.ERASE_RECORDING,
            Action.SUBJECT_ACCESS,
            Action.SHARE_FOR_CALIBRATION,
            Action.CALIBRATE,
            Action.LISTEN_FOR_CALIBRATION,
            Action.SELF_EVALUATE,
        }
    ),
    Role.IT: frozenset(
        {
            Action.RETRIEVE_FOR_COACH,
            Action.ADMINISTER_USERS,
            Action.ADMINISTER_EMPLOYEES,
            Action.STORE_SETTINGS,
            Action.ERASE_RECORDING,
            Action.READ_AUDIT,
            Action.RUN_RETENTION,
            Action.SUBJECT_ACCESS,
        }
    ),
}

# Actions on an object that belongs to employees: a coach only for employees assigned to them, and for
# every role: no employee in the target, no access (fail closed).
EMPLOYEE_SCOPED = frozenset(
    {
        Action.LIST_RECORDINGS,
        Action.PLAY_RECORDING,
        Action.EVALUATE,
        Action.READ_EVALUATIONS,
        Action.EXPORT_FEEDBACK,
        Action.SUBJECT_ACCESS,
        Action.SHARE_FOR_CALIBRATION,
        Action.SELF_EVALUATE,
    }
)

# Listing actions: decided once for the list as a whole (target id `ALL`, no employees), then per row with
# the row's employees through `BatchDecision.permits`. This is the only way to pass an employee-scoped
# action without employee ids.
LISTING_ACTIONS = frozenset({Action.LIST_RECORDINGS})
ALL = "*"

NO_EMPLOYEE = (
    "Dit gesprek of dit onderdeel is niet aan een medewerker gekoppeld. Zonder medewerker is er geen toegang "
    "(P3, P4); vraag IT de gegevens in de opnameopslag na te kijken."
)
ID_LIKE_CALLER_DATA = (
    "Dit id lijkt een telefoonnummer of e-mailadres te bevatten en wordt niet gebruikt of vastgelegd (P13)."
)
REFUSED_ID = "(geweigerd id)"
NOT_COACHED = "Deze medewerker valt niet onder jouw coaching; je hebt hier geen toegang toe."

ACTION_DUTCH: dict[Action, str] = {
    Action.LIST_RECORDINGS: "opnames bekijken",
    Action.PLAY_RECORDING: "opnames beluisteren",
    Action.RETRIEVE_FOR_COACH: "een opname ophalen voor de coach",
    Action.EVALUATE: "gesprekken beoordelen",
    Action.READ_EVALUATIONS: "beoordelingen inzien",
    Action.EXPORT_FEEDBACK: "terugkoppeling exporteren",
    Action.ADMINISTER_USERS: "gebruikers beheren",
    Action.ADMINISTER_EMPLOYEES: "medewerkers of coachkoppelingen beheren",
    Action.STORE_SETTINGS: "de opnameopslag instellen",
    Action.ERASE_RECORDING: "opnames verwijderen op verzoek van een beller",
    Action.READ_AUDIT: "het auditlog inzien",
    Action.RUN_RETENTION: "bewaartermijnen handhaven",
    Action.SUBJECT_ACCESS: "een inzageverzoek afhandelen",
    Action.SHARE_FOR_CALIBRATION: "gesprekken delen voor kalibratie",
    Action.CALIBRATE: "meedoen aan kalibratie",
    Action.LISTEN_FOR_CALIBRATION: "gesprekken beluisteren voor kalibratie",
    Action.SELF_EVALUATE: "eigen beoordelingen van medewerkers vastleggen",
}

# Calibration between coaches (issue 26): a coach shares one call of an employee they coach, with this purpose;
# the other coaches then take part in that calibration only (target kind "calibration" with its id), for this
# purpose only, without the employee being named to them.
CALIBRATION_PURPOSE = "kalibratie"
# A participant hears the shared call in the player for that calibration only (`LISTEN_FOR_CALIBRATION`): the
# target is the recording, with the facts of the calibration (`CalibrationAccess`) the calibration service read.
NOT_IN_CALIBRATION = "Een gesprek beluisteren voor kalibratie kan alleen bij een open kalibratie waaraan je meedoet."
CALIBRATION_CLOSED = "Deze kalibratie is afgerond; het gedeelde gesprek is niet meer te beluisteren."
# The employee's own answers while listening together with their coach (issue 26, P4): `SELF_EVALUATE`.
SELF_EVALUATION_PURPOSE = "samen luisteren"

PROTOCOL_REFUSAL = {
    "not_inbound": "Deze opname is geen inkomend gesprek en valt buiten het protocol (P1); hij wordt niet geopend.",
    "other_number": "Deze opname is geen gesprek op het algemene nummer en valt buiten het protocol (P1).",
    "too_old": "Deze opname is ouder dan de bewaartermijn van 30 dagen en wordt niet meer geopend (P10).",
    "erased": "Deze opname is op verzoek van de beller verwijderd (P2) en wordt nooit meer geopend.",
    "other_employee": (
        "Tijdens een terugluistersessie met een medewerker kunnen alleen diens eigen gesprekken worden geopend "
        "(P4). Beëindig eerst de sessie."
    ),
}

ROLE_DUTCH = {Role.COACH: "coach", Role.IT: "IT-medewerker"}


def _audited_id(target: Target) -> str:
    """The target's id as the audit log may hold it: checked before anything is recorded. An employee id
    that breaks the id rule (a BSN, a phone number, a date of birth ...) is recorded as "(geweigerd id)";
    the audit log itself puts every id through the whole guard as well (`AuditLog.record`)."""
    if phone_in_id(target.id):
        return REFUSED_ID
    if target.kind == "employee" and target.id not in ("", ALL) and employee_id_problem(target.id):
        return REFUSED_ID
    return target.id


class AssignmentLookup(Protocol):
    def assignments(self, coach_user_id: int) -> list[Assignment]: ...


IsAssigned = Callable[[str, datetime], bool]


@dataclass(frozen=True, slots=True)
class CalibrationAccess:
    """What a listen for calibration is decided on, as the calibration service read it: the calibration, whether
    the user takes part in it, and whether it is still open (not yet agreed)."""

    calibration_id: str
    taking_part: bool
    open: bool


@dataclass(frozen=True, slots=True)
class Target:
    """What an action is about: ids only. `employee_ids` and `at` scope it to coached employees."""

    kind: str = ""
    id: str = ""
    employee_ids: tuple[str, ...] = field(default=())
    at: datetime | None = None
    # Set when a recording breaks the protocol itself (not inbound on the general number, or too old):
    # then no role may touch it (P1, P10).
    protocol_violation: str = ""
    # Set for `LISTEN_FOR_CALIBRATION` only: the calibration through which the recording is heard.
    calibration: CalibrationAccess | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    reason: str = ""


class BatchDecision:
    """The rows of one audited listing, each decided by the policy's own rules, without auditing.

    The coach's assignments are read once when the batch is made, so deciding a row costs no query.
    """

    def __init__(self, policy: AccessPolicy, user: User, action: Action, assignments: list[Assignment]) -> None:
        self._policy = policy
        self._user = user
        self._action = action
        self._assignments = assignments

    def decide(self, target: Target) -> Decision:
        return self._policy._decide(self._user, self._action, target, "", self._is_assigned)

    def permits(self, target: Target) -> bool:
        return self.decide(target).allowed

    def _is_assigned(self, employee_id: str, at: datetime) -> bool:
        return any(a.employee_id == employee_id and a.covers(at) for a in self._assignments)


class AccessPolicy:
    def __init__(self, assignments: AssignmentLookup, audit: AuditLog, clock: Clock) -> None:
        self._assignments = assignments
        self._audit = audit
        self._clock = clock

    def decide(self, user: User, action: Action, target: Target = Target(), purpose: str = "") -> Decision:
        """Pure decision, no side effects."""
        return self._decide(user, action, target, purpose, self._assigned_to(user))

    def _assigned_to(self, user: User) -> IsAssigned:
        loaded: list[list[Assignment]] = []

        def is_assigned(employee_id: str, at: datetime) -> bool:
            if not loaded:
                loaded.append(self._assignments.assignments(user.id))
            return any(a.employee_id == employee_id and a.covers(at) for a in loaded[0])

        return is_assigned

    def _decide(self, user: User, action: Action, target: Target, purpose: str, assigned: IsAssigned) -> Decision:
        """The rule book. `assigned(employee_id, moment)` says whether `user` coached that employee then."""
        if user.disabled:
            return Decision(False, "Dit account is uitgeschakeld.")
        if action not in ROLE_ACTIONS.get(user.role, frozenset()):
            return Decision(
                False,
                f"Als {ROLE_DUTCH.get(user.role, user.role)} mag je geen {ACTION_DUTCH[action]} "
                "(Protocol opname telefoongesprekken, P3/P5).",
            )
        if target.protocol_violation and action in (
            Action.PLAY_RECORDING,
            Action.RETRIEVE_FOR_COACH,
            Action.LISTEN_FOR_CALIBRATION,
        ):
            return Decision(False, PROTOCOL_REFUSAL.get(target.protocol_violation, PROTOCOL_REFUSAL["too_old"]))
        if action is Action.RETRIEVE_FOR_COACH and not purpose.strip():
            return Decision(
                False,
                "Een opname ophalen mag alleen op verzoek van de coach; vermeld het verzoek als reden (P3).",
            )
        if phone_in_id(target.id):
            return Decision(False, ID_LIKE_CALLER_DATA)
        if _audited_id(target) == REFUSED_ID:  # an employee id that is a BSN, a date of birth ...: checked whole
            return Decision(False, EMPLOYEE_ID_RULE)
        calibrating = (Action.SHARE_FOR_CALIBRATION, Action.CALIBRATE, Action.LISTEN_FOR_CALIBRATION)
        if action in calibrating and purpose != CALIBRATION_PURPOSE:
            return Decision(False, "Delen en meedoen kan alleen met het doel kalibratie.")
        if action is Action.CALIBRATE and (target.kind != "calibration" or not target.id):
            return Decision(False, "Meedoen aan kalibratie gaat alleen over één gedeeld gesprek.")
        if action is Action.LISTEN_FOR_CALIBRATION:
            # Not employee-scoped: the other coaches do not coach the employee. The calibration is the scope.
            calibration = target.calibration
            if target.kind != "recording" or not target.id or calibration is None:
                return Decision(False, NOT_IN_CALIBRATION)
            if not calibration.calibration_id or not calibration.taking_part:
                return Decision(False, NOT_IN_CALIBRATION)
            if not calibration.open:
                return Decision(False, CALIBRATION_CLOSED)
            if not any(e.strip() and employee_id_problem(e, thorough=False) is None for e in target.employee_ids):
                return Decision(False, NO_EMPLOYEE)
        if action is Action.SELF_EVALUATE and purpose != SELF_EVALUATION_PURPOSE:
            return Decision(
                False, "Een eigen beoordeling vult de medewerker in tijdens het samen luisteren met de coach (P4)."
            )
        if action in EMPLOYEE_SCOPED:
            given = tuple(e for e in target.employee_ids if e.strip())
            if not given:
                if action in LISTING_ACTIONS and target.id == ALL and not target.employee_ids:
                    return Decision(True)  # the list as a whole; each row is decided with its employees
                return Decision(False, NO_EMPLOYEE)
            # An id that is no employee id (a phone number, a path) is nobody's: it never counts.
            employees = tuple(e for e in given if employee_id_problem(e, thorough=False) is None)
            if not employees:
                return Decision(False, EMPLOYEE_ID_RULE)
            if user.role is Role.COACH:
                moment = target.at or self._clock()
                if not any(assigned(e, moment) for e in employees):
                    return Decision(False, NOT_COACHED)
        return Decision(True)

    def permits(self, user: User, action: Action, target: Target = Target(), purpose: str = "") -> bool:
        return self.decide(user, action, target, purpose).allowed

    def require(
        self, user: User, action: Action, target: Target = Target(), purpose: str = "", detail: str = ""
    ) -> None:
        """Decide, audit the decision (with `detail`: ids and counts only), raise `AccessDenied` on a no."""
        decision = self.decide(user, action, target, purpose)
        self._audit.record_for(
            user,
            str(action),
            result=AuditResult.ALLOWED if decision.allowed else AuditResult.DENIED,
            object_type=target.kind,
            object_id=_audited_id(target),  # an id that fails its check is denied above and never stored
            purpose=purpose,
            detail=detail,
        )
        if not decision.allowed:
            raise AccessDenied(decision.reason)

    def require_batch(
        self, user: User, action: Action, target: Target = Target(), purpose: str = "", detail: str = ""
    ) -> BatchDecision:
        """`require` for a list (audited once), then a `BatchDecision` for its rows (not audited)."""
        self.require(user, action, target, purpose, detail)
        assignments = self._assignments.assignments(user.id) if user.role is Role.COACH else []
        return BatchDecision(self, user, action, assignments)
