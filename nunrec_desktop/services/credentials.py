"""Store credentials (the TSV portal token) kept only in the operating system's keyring (P11).

The keyring backend is passed in: the real one from `keyring.get_keyring()` in the application, an
in-memory one in tests. Nothing here writes a secret to a file, the database or the audit log.
`CredentialAdministration` is the way a person sets or clears them: the access policy decides (IT only)
and audits that decision before the keyring is touched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keyring.errors import KeyringError, PasswordDeleteError

from nunrec_desktop.domain import Action, NunrecError, User
from nunrec_desktop.services.access import AccessPolicy, Target

STORE_ACCOUNT = "recording-store"


class CredentialError(NunrecError):
    """The keyring cannot be used (no backend on this machine, locked, refused)."""


class StoreCredentials:
    def __init__(self, backend: Any, service_name: str) -> None:
        self._backend = backend
        self._service = service_name

    def set_token(self, token: str) -> None:
        if not token.strip():
            raise CredentialError("Lege inloggegevens worden niet opgeslagen.")
        try:
            self._backend.set_password(self._service, STORE_ACCOUNT, token.strip())
        except (KeyringError, RuntimeError) as error:
            raise CredentialError(
                f"De inloggegevens konden niet in de sleutelhanger van het systeem worden opgeslagen: {error}"
            ) from error

    def token(self) -> str | None:
        try:
            value = self._backend.get_password(self._service, STORE_ACCOUNT)
        except (KeyringError, RuntimeError) as error:
            raise CredentialError(f"De sleutelhanger van het systeem is niet leesbaar: {error}") from error
        return None if value is None else str(value)

    def clear(self) -> None:
        try:
            self._backend.delete_password(self._service, STORE_ACCOUNT)
        except PasswordDeleteError:
            return
        except (KeyringError, RuntimeError) as error:
            raise CredentialError(f"De sleutelhanger van het systeem is niet bruikbaar: {error}") from error


class CredentialAdministration:
    """Setting and clearing the store credentials, decided by the policy (who may: IT) and audited."""

    def __init__(self, credentials: Callable[[], StoreCredentials], policy: AccessPolicy) -> None:
        self._credentials = credentials
        self._policy = policy

    def require_allowed(self, user: User, what: str) -> None:
        """Ask before asking for the token itself: who may not set it, need not type it (audited)."""
        self._policy.require(user, Action.STORE_SETTINGS, Target("store", "credentials"), detail=what)

    def set_token(self, user: User, token: str) -> None:
        self.require_allowed(user, "set-credentials")
        self._credentials().set_token(token)

    def clear(self, user: User) -> None:
        self.require_allowed(user, "clear-credentials")
        self._credentials().clear()
