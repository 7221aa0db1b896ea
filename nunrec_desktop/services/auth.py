"""Signing in, the lock-out after repeated failures, and unlocking an idle-locked session.

Five failed attempts lock an account for fifteen minutes. Every sign-in, failure, lock and unlock is
audited. An unknown user name is audited without the name typed (it could be a password typed in the
wrong field) and costs the same time as a known one.

With `auth.kind = "directory"` the directory decides (services/directory.py); when it cannot be reached,
only a local IT account signs in, as break-glass, audited as `auth.break_glass`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from nunrec_desktop.adapters.db.repositories.accounts import AccountRecord
from nunrec_desktop.adapters.db.unit_of_work import Database
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import AccountLocked, AuditResult, AuthenticationFailed, InvalidInput, Role, User
from nunrec_desktop.services.audit import AuditLog
from nunrec_desktop.services.passwords import Passwords

if TYPE_CHECKING:
    from nunrec_desktop.services.directory import DirectorySignIn

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=15)
WRONG_CREDENTIALS = "Onjuiste gebruikersnaam of wachtwoord."
NOT_BREAK_GLASS = (
    "De directory is niet bereikbaar. Alleen het lokale noodaccount van IT kan zich nu aanmelden; probeer het "
    "later opnieuw."
)
UNKNOWN_ROLE = (
    "Dit account heeft een rol die deze applicatie niet kent; aanmelden kan daarom niet. Alleen de rollen coach "
    "en it bestaan (P3). Vraag IT om het account na te kijken."
)


class UnknownRole(InvalidInput):
    """A user row holds a role the application does not know (set by hand in the database)."""


def role_of(row: AccountRecord) -> Role | None:
    """The row's role, or None when it is not one of the roles that exist (P3; there is no manager, P5)."""
    try:
        return Role(row.role)
    except ValueError:
        return None


def shown_role(raw: str) -> str:
    """A role as read from the database, safe to show: a short plain word, or a placeholder."""
    return raw if re.fullmatch(r"[a-z_]{1,16}", raw) else "(onleesbaar)"


def user_from_row(row: AccountRecord) -> User:
    role = role_of(row)
    if role is None:
        raise UnknownRole(
            f"Het account '{row.username}' heeft een onbekende rol ({shown_role(row.role)}). Alleen coach en it "
            "bestaan (P3); laat IT het account nakijken."
        )
    return User(row.id, row.username, role, row.display_name, row.disabled)


class Authenticator:
    def __init__(
        self,
        database: Database,
        passwords: Passwords,
        audit: AuditLog,
        clock: Clock,
        directory: DirectorySignIn | None = None,
    ) -> None:
        self._database = database
        self._passwords = passwords
        self._audit = audit
        self._clock = clock
        self._directory = directory

    @property
    def uses_directory(self) -> bool:
        return self._directory is not None

    def sign_in(self, username: str, password: str) -> User:
        """Return the user, or raise `AuthenticationFailed` / `AccountLocked` (Dutch messages)."""
        if self._directory is None:
            return self._check(username.strip(), password, action="auth.sign_in")
        from nunrec_desktop.services.directory import DirectoryDown

        try:
            return self._directory.sign_in(username, password)
        except DirectoryDown as down:
            try:
                return self._check(username.strip(), password, action="auth.break_glass", only_local_it=True)
            except AuthenticationFailed:
                raise AuthenticationFailed(str(down)) from None  # the coach learns why: the directory is down

    def sign_in_with_ticket(self) -> User | None:
        """Single sign-on with the workstation's Kerberos ticket (directory only); None without a ticket."""
        return None if self._directory is None else self._directory.sign_in_with_ticket()

    def unlock(self, user: User, password: str) -> User:
        """Check the password of an idle-locked session; failures count towards the lock-out. A directory
        account asks the directory again (an empty password: the ticket), so a changed group takes effect."""
        if self._directory is not None and self._is_directory_account(user):
            return self._directory.unlock(user, password)
        return self._check(user.username, password, action="auth.unlock")

    def _is_directory_account(self, user: User) -> bool:
        with self._database.read() as uow:
            row = uow.accounts.by_id(user.id)
        return row is not None and row.directory_id is not None

    def record_idle_lock(self, user: User) -> None:
        self._record_session_event(user, "auth.idle_lock")

    def record_sign_out(self, user: User) -> None:
        self._record_session_event(user, "auth.sign_out")

    def _record_session_event(self, user: User, action: str) -> None:
        self._audit.record_for(user, action, object_type="user", object_id=str(user.id))

    def _check(self, username: str, password: str, action: str, only_local_it: bool = False) -> User:
        now = self._clock()
        with self._database.begin() as uow:
            row = uow.accounts.by_username(username)
            if row is None:
                self._passwords.burn_time(password)
                outcome: tuple[str, str] = ("unknown", "")
            elif row.disabled:
                self._passwords.burn_time(password)
                outcome = ("disabled", "")
            elif row.locked_until is not None and row.locked_until > now:
                self._passwords.burn_time(password)
                outcome = ("locked", row.locked_until.isoformat())
            elif self._passwords.verify(row.password_hash, password):
                password_hash = row.password_hash
                if self._passwords.needs_rehash(password_hash):
                    password_hash = self._passwords.hash(password)
                row = replace(row, failed_attempts=0, locked_until=None, password_hash=password_hash)
                uow.accounts.save(row)
                if role_of(row) is None:  # checked after the password: no one learns it by guessing names
                    outcome = ("invalid_role", shown_role(row.role))
                elif only_local_it and (role_of(row) is not Role.IT or row.directory_id is not None):
                    outcome = ("not_break_glass", "")
                else:
                    user = user_from_row(row)
                    outcome = ("ok", "")
            else:
                failed = (0 if row.locked_until is not None else row.failed_attempts) + 1
                locked_until = now + LOCK_DURATION if failed >= MAX_FAILED_ATTEMPTS else None
                row = replace(row, failed_attempts=failed, locked_until=locked_until)
                uow.accounts.save(row)
                if locked_until is not None:
                    outcome = ("now_locked", locked_until.isoformat())
                else:
                    outcome = ("wrong", str(failed))
            role = str(role_of(row) or "") if row is not None else ""  # an unknown role is not audited as a role
            user_id = str(row.id) if row is not None else ""
        kind, extra = outcome
        actor = username if row is not None else "(onbekend account)"
        if kind == "ok":
            self._audit.record(
                actor=actor,
                role=role,
                action=action,
                result=AuditResult.ALLOWED,
                object_type="user",
                object_id=user_id,
                detail="directory unreachable; local IT account (break-glass)" if only_local_it else "",
            )
            return user
        detail = {
            "unknown": "unknown account",
            "disabled": "account disabled",
            "locked": "account locked",
            "now_locked": f"wrong password; attempt {MAX_FAILED_ATTEMPTS}; account locked",
            "wrong": f"wrong password; attempt {extra}",
            "invalid_role": f"unknown role in the database: {extra}",
            "not_break_glass": "directory unreachable; only a local IT account may sign in",
        }[kind]
        self._audit.record(
            actor=actor,
            role=role,
            action=action,
            result=AuditResult.DENIED,
            object_type="user",
            object_id=user_id,
            detail=detail,
        )
        if kind == "now_locked":
            self._audit.record(
                actor=actor,
                role=role,
                action="auth.account_locked",
                result=AuditResult.ALLOWED,
                object_type="user",
                object_id=user_id,
                detail=f"{MAX_FAILED_ATTEMPTS} failed attempts; 15 minutes",
            )
        if kind in ("locked", "now_locked") and row is not None and row.locked_until is not None:
            local = row.locked_until.astimezone().strftime("%H:%M")
            raise AccountLocked(
                f"Dit account is vergrendeld na {MAX_FAILED_ATTEMPTS} mislukte pogingen. "
                f"Probeer het na {local} opnieuw of vraag IT om het wachtwoord opnieuw in te stellen.",
                row.locked_until,
            )
        if kind == "not_break_glass":
            raise AuthenticationFailed(NOT_BREAK_GLASS)
        raise AuthenticationFailed(UNKNOWN_ROLE if kind == "invalid_role" else WRONG_CREDENTIALS)
