"""Accounts of coaches and IT colleagues (the `accounts` aggregate), as `AccountRecord`s.

A record holds what the row holds, the password hash included: it never leaves the services that sign in
and administer accounts (`User`, the domain object, holds no secret)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from nunrec_desktop.adapters.db.models import UserRow


@dataclass(frozen=True, slots=True)
class AccountRecord:
    """One account as stored. `role` is the raw text (a row may hold a role set by hand that does not exist);
    `id` is 0 for an account not yet added."""

    id: int
    username: str
    display_name: str
    role: str
    password_hash: str
    disabled: bool
    failed_attempts: int
    locked_until: datetime | None
    created_at: datetime
    directory_id: str | None = None


_FIELDS = (
    "username",
    "display_name",
    "role",
    "password_hash",
    "disabled",
    "failed_attempts",
    "locked_until",
    "created_at",
    "directory_id",
)


class AccountRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def by_id(self, user_id: int) -> AccountRecord | None:
        row = self._session.get(UserRow, user_id)
        return None if row is None else _record(row)

    def by_username(self, username: str) -> AccountRecord | None:
        return self._one(select(UserRow).where(UserRow.username == username))

    def by_directory_id(self, directory_id: str) -> AccountRecord | None:
        return self._one(select(UserRow).where(UserRow.directory_id == directory_id))

    def all(self) -> list[AccountRecord]:
        """Every account, by user name."""
        return [_record(row) for row in self._session.execute(select(UserRow).order_by(UserRow.username)).scalars()]

    def add(self, account: AccountRecord) -> AccountRecord:
        """Add a new account (its `id` is ignored) and return it with the id the database gave it."""
        row = UserRow(**{name: getattr(account, name) for name in _FIELDS})
        self._session.add(row)
        self._session.flush()
        return _record(row)

    def save(self, account: AccountRecord) -> None:
        """Write every field of an existing account (found by its id)."""
        row = self._session.get(UserRow, account.id)
        if row is None:
            raise LookupError(f"account {account.id} does not exist")
        for name in _FIELDS:
            setattr(row, name, getattr(account, name))
        self._session.flush()  # a rename that frees a name must reach the database before another takes it

    def _one(self, query: Select[UserRow]) -> AccountRecord | None:
        row = self._session.execute(query).scalar_one_or_none()
        return None if row is None else _record(row)


def _record(row: UserRow) -> AccountRecord:
    return AccountRecord(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=row.role,
        password_hash=row.password_hash,
        disabled=row.disabled,
        failed_attempts=row.failed_attempts,
        locked_until=row.locked_until,
        created_at=row.created_at,
        directory_id=row.directory_id,
    )
