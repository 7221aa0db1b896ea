"""Plain domain types shared by services, CLI and UI: roles, actions, users and domain errors.

Nothing here talks to a database, the network or Qt. Error messages are Dutch because they reach the
coach or the IT colleague as they are (the services have no translation layer of their own).
"""

from __future__ import annotations

import enum
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol


class Role(enum.StrEnum):
    """The only roles an account can hold (protocol P3). There is deliberately no manager role (P5)."""

    COACH = "coach"
    IT = "it"


class Action(enum.StrEnum):
    """Everything the access policy decides about. One name per thing a user can try to do."""

    LIST_RECORDINGS = "recordings.list"
    PLAY_RECORDING = "recordings.play"
    RETRIEVE_FOR_COACH = "recordings.retrieve_for_coach"
    EVALUATE = "evaluations.write"
    READ_EVALUATIONS = "evaluations.read"
    EXPORT_FEEDBACK = "exports.feedback"
    ADMINISTER_USERS = "users.administer"
    ADMINISTER_EMPLOYEES = "employees.administer"
    STORE_SETTINGS = "store.settings"
    ERASE_RECORDING = "recordings.erase"
    READ_AUDIT = "audit.read"
    RUN_RETENTION = "retention.run"
    SUBJECT_ACCESS = "subject_access.export"
    SHARE_FOR_CALIBRATION = "calibrations.share"
    CALIBRATE = "calibrations.take_part"
    LISTEN_FOR_CALIBRATION = "recordings.play_for_calibration"
    SELF_EVALUATE = "self_evaluations.write"


class AuditResult(enum.StrEnum):
    ALLOWED = "allowed"
    DENIED = "denied"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class User:
    """A signed-in (or looked-up) account. Holds no secret."""

    id: int
    username: str
    role: Role
    display_name: str
    disabled: bool = False


@dataclass(frozen=True, slots=True)
class Employee:
    """A KCC employee (medewerker). Employees do not sign in; the coach works with their calls."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Assignment:
    """Coach `coach_user_id` coaches `employee_id` from `start` up to and including `end` (open if None)."""

    coach_user_id: int
    employee_id: str
    start: date
    end: date | None = None

    def covers(self, moment: datetime) -> bool:
        day = moment.date()
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Mark:
    """A moment the coach marked in a call, with an optional short note (no caller data, P6).

    In a side-by-side session (P8) a mark is a quick observation: `section` is the A it is about
    ("aanvang" ... "algemeen") and `valence` is "+", "-" or "" (neither).
    """

    at_s: float
    note: str = ""
    section: str = ""
    valence: str = ""


class RecordingState(enum.StrEnum):
    """What became of the recording behind an evaluation (a draft's or a submitted one). `recording_state`
    is the one rule that decides it: for the coach's drafts (services/coach_desk.py) and for the history
    (services/history.py) alike."""

    AVAILABLE = "available"  # in the store's time window: it may be listed and played
    ERASED = "erased"  # deleted on a caller's request (P2): gone everywhere at once
    EXPIRED = "expired"  # older than the retention period (P10): never shown or played, whatever the store says
    LIVE = "live"  # a side-by-side session (P8): there never was a recording


class EvaluatedCall(Protocol):
    """What the rule needs of an evaluation (`services.evaluations.Evaluation`)."""

    @property
    def live(self) -> bool: ...

    @property
    def recording_id(self) -> str | None: ...

    @property
    def call_start(self) -> datetime | None: ...


def recording_state(call: EvaluatedCall, erased: Collection[str], now: datetime, retention_days: int) -> RecordingState:
    """The state of `call`'s recording at `now`: live, erased (its id among `erased`), expired (the call is
    `retention_days` old or older) or available."""
    if call.live:
        return RecordingState.LIVE
    if call.recording_id in erased:
        return RecordingState.ERASED
    if call.call_start is not None and call.call_start <= now - timedelta(days=retention_days):
        return RecordingState.EXPIRED
    return RecordingState.AVAILABLE


class NunrecError(Exception):
    """Base of every error a user may see; `str(error)` is a Dutch sentence for the user."""


class AccessDenied(NunrecError):
    """The access policy refused an action (already audited when raised by the policy)."""


class AuthenticationFailed(NunrecError):
    """Wrong user name or password, or a disabled account."""


class AccountLocked(NunrecError):
    """Too many failed attempts; the account is locked until `until`."""

    def __init__(self, message: str, until: datetime) -> None:
        super().__init__(message)
        self.until = until


class InvalidInput(NunrecError):
    """Input that cannot be accepted as given (a bad name, a forbidden role, a malformed file)."""


class WorkspaceError(NunrecError):
    """The workspace folder or its settings cannot be used."""


def call_time(seconds: float, tenths: bool = False) -> str:
    """The one way a moment or length of a call is written, in the list, the player and the PDFs alike:
    m:ss, h:mm:ss from an hour on, rounded to the nearest second (with `tenths`, to the nearest tenth,
    written m:ss.d). A call of 289.6 s is 4:50 everywhere."""
    if seconds != seconds or seconds < 0:  # NaN or negative: nothing sensible to show
        seconds = 0.0
    if tenths:
        units = round(seconds * 10)
        whole, tenth = divmod(units, 10)
    else:
        whole, tenth = round(seconds), 0
    hours, rest = divmod(whole, 3600)
    text = f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
    return f"{text}.{tenth}" if tenths else text
