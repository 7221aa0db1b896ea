"""Setting and clearing the recording store's credentials (P11): the use case around the keyring adapter.

The access policy decides (IT only) and audits that decision before the keyring is touched; the token
itself goes only into the operating system's keyring (`adapters/credentials.py`).
"""

from __future__ import annotations

from collections.abc import Callable

from nunrec_desktop.adapters.credentials import StoreCredentials
from nunrec_desktop.domain import Action, User
from nunrec_desktop.services.access import AccessPolicy, Target


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
