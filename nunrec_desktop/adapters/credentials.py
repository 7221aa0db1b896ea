"""Store credentials (the TSV portal token) kept only in the operating system's keyring (P11).

The keyring backend is passed in: the real one from `keyring.get_keyring()` in the application, an
in-memory one in tests. Nothing here writes a secret to a file, the database or the audit log.
A person sets or clears them through `services.credential_administration` (the policy decides first).
"""

from __future__ import annotations

from typing import Any

from keyring.errors import KeyringError, PasswordDeleteError

from nunrec_desktop.domain import NunrecError

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
