"""User administration for the IT colleague: add, list, disable, enable, set a password.

Roles are exactly `coach` and `it` (P3). Asking for a manager role is refused with the protocol's reason
(P5). Shared or generic account names are refused, because every listen must be traceable to a person.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from nunrec_desktop.adapters.db.repositories.accounts import AccountRecord
from nunrec_desktop.adapters.db.unit_of_work import ConstraintViolated, Database, UnitOfWork
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, InvalidInput, Role, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.audit import AuditLog
from nunrec_desktop.services.auth import role_of, shown_role, user_from_row
from nunrec_desktop.services.identifiers import display_name_problem, require_employee_name, username_problem
from nunrec_desktop.services.passwords import Passwords, password_problem

MANAGER_WORDS = frozenset(
    {"manager", "leidinggevende", "teamleider", "teammanager", "afdelingshoofd", "hoofd", "supervisor"}
)

MANAGER_REFUSAL = (
    "Er bestaat geen rol voor een leidinggevende: volgens het Protocol opname telefoongesprekken (P5) "
    "heeft de leidinggevende geen toegang tot opnames of tot iets dat daarvan is afgeleid."
)


@dataclass(frozen=True, slots=True)
class AccountStatus:
    """One account as IT sees it. `user` is None when the row's role is unknown (`invalid_role` says which)."""

    user: User | None
    username: str
    display_name: str
    role: str
    disabled: bool
    failed_attempts: int
    locked_until: datetime | None
    created_at: datetime
    invalid_role: str = ""

    @property
    def valid(self) -> bool:
        return self.user is not None


def _status(row: AccountRecord) -> AccountStatus:
    """A row, also one whose role was set by hand to something unknown: shown as invalid, never a crash."""
    valid = role_of(row) is not None
    return AccountStatus(
        user=user_from_row(row) if valid else None,
        username=row.username,
        display_name=row.display_name,
        role=row.role if valid else shown_role(row.role),
        disabled=row.disabled,
        failed_attempts=row.failed_attempts,
        locked_until=row.locked_until,
        created_at=row.created_at,
        invalid_role="" if valid else shown_role(row.role),
    )


def parse_role(text: str) -> Role:
    """Turn user input into a role; managers and anything else unknown are refused in Dutch."""
    word = text.strip().lower()
    if word in MANAGER_WORDS:
        raise InvalidInput(MANAGER_REFUSAL)
    try:
        return Role(word)
    except ValueError:
        raise InvalidInput(f"Onbekende rol '{text}'. Toegestaan zijn alleen: coach, it.") from None


class Accounts:
    def __init__(
        self,
        database: Database,
        passwords: Passwords,
        policy: AccessPolicy,
        clock: Clock,
        audit: AuditLog | None = None,
    ) -> None:
        self._database = database
        self._passwords = passwords
        self._policy = policy
        self._clock = clock
        self._audit = audit

    def _changed(self, admin: User, action: str, username: str, detail: str) -> None:
        """The change itself, after it succeeded, with before and after (never a password or its hash)."""
        if self._audit is not None:
            self._audit.record_for(admin, action, object_type="user", object_id=username, detail=detail)

    def add(self, admin: User, username: str, role: str | Role, display_name: str, password: str) -> User:
        username = username.strip().lower()
        parsed_role = role if isinstance(role, Role) else parse_role(role)
        self._policy.require(admin, Action.ADMINISTER_USERS, Target("user", username), detail="add")
        problem = username_problem(username) or password_problem(password) or display_name_problem(display_name.strip())
        if problem:
            raise InvalidInput(problem)
        shown = require_employee_name(display_name) if display_name.strip() else username
        new = AccountRecord(
            id=0,
            username=username,
            display_name=shown,
            role=str(parsed_role),
            password_hash=self._passwords.hash(password),
            disabled=False,
            failed_attempts=0,
            locked_until=None,
            created_at=self._clock(),
        )
        try:
            with self._database.begin() as uow:
                row = uow.accounts.add(new)
        except ConstraintViolated:
            raise InvalidInput(f"De gebruikersnaam '{username}' bestaat al.") from None
        self._changed(admin, "users.added", username, f"before none, after role {parsed_role}, active")
        return user_from_row(row)

    def list(self, admin: User) -> list[AccountStatus]:
        self._policy.require(admin, Action.ADMINISTER_USERS, Target("user", "*"), detail="list")
        with self._database.read() as uow:
            return [_status(r) for r in uow.accounts.all()]

    def set_disabled(self, admin: User, username: str, disabled: bool) -> None:
        self._policy.require(
            admin,
            Action.ADMINISTER_USERS,
            Target("user", username),
            detail="disable" if disabled else "enable",
        )
        with self._database.begin() as uow:
            row = self._row(uow, username)
            uow.accounts.save(replace(row, disabled=disabled))
            before = row.disabled
        word = "disabled" if disabled else "enabled"
        self._changed(admin, f"users.{word}", username, f"disabled before {before}, after {disabled}")

    def unlock(self, admin: User, username: str) -> None:
        """Lift a lock-out after too many failed sign-ins (the password stays as it is)."""
        self._policy.require(admin, Action.ADMINISTER_USERS, Target("user", username), detail="unlock")
        with self._database.begin() as uow:
            row = self._row(uow, username)
            before = f"failed attempts {row.failed_attempts}, locked {row.locked_until is not None}"
            uow.accounts.save(replace(row, failed_attempts=0, locked_until=None))
        self._changed(admin, "users.unlocked", username, f"before {before}, after failed attempts 0, locked False")

    def set_password(self, admin: User, username: str, password: str) -> None:
        """Set a new password; this also lifts a lock-out."""
        self._policy.require(admin, Action.ADMINISTER_USERS, Target("user", username), detail="passwd")
        problem = password_problem(password)
        if problem:
            raise InvalidInput(problem)
        with self._database.begin() as uow:
            row = self._row(uow, username)
            locked = row.locked_until is not None
            uow.accounts.save(
                replace(row, password_hash=self._passwords.hash(password), failed_attempts=0, locked_until=None)
            )
        self._changed(admin, "users.password_set", username, f"password replaced; locked before {locked}, after False")

    def find(self, username: str) -> User | None:
        """The account, None if there is none; `UnknownRole` (Dutch) when its role is not one that exists."""
        with self._database.read() as uow:
            row = uow.accounts.by_username(username)
        return None if row is None else user_from_row(row)

    @staticmethod
    def _row(uow: UnitOfWork, username: str) -> AccountRecord:
        row = uow.accounts.by_username(username)
        if row is None:
            raise InvalidInput(f"Er is geen gebruiker '{username}'.")
        return row
