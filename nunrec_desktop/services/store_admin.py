"""The recording store as IT sets it up from the screen (issue 25): its kind and location, the portal token
into the operating system's keyring (P11), and "Verbinding testen", which lists one page of metadata and
reports counts only, never a recording, a caller's number or an employee's call (P1, P3).

Where the settings are written and how a store is built belongs to the composition root; it passes in a
`StoreSetup`. Every change is decided by the access policy (IT only, `Action.STORE_SETTINGS`) and audited
with before and after; the token itself never reaches the audit log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from nunrec_desktop.adapters.store.base import RecordingStore, StoreError
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, AuditResult, InvalidInput, NunrecError, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.audit import AuditFieldRefused, AuditLog
from nunrec_desktop.services.credential_administration import CredentialAdministration

log = logging.getLogger(__name__)

KINDS = ("folder", "http")
MAX_LOCATION = 500
TEST_PAGE = 100


class StoreSetup(Protocol):
    """What the composition root offers: the current settings, saving new ones, a store to test, the token."""

    def current(self) -> tuple[str, str]: ...

    def save(self, kind: str, location: str) -> None: ...

    def probe(self, kind: str, location: str) -> RecordingStore: ...

    def has_token(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class StoreStatus:
    kind: str
    location: str
    token_set: bool


@dataclass(frozen=True, slots=True)
class ConnectionReport:
    """Counts only. `problem` is a Dutch sentence when the test failed ("" when it worked)."""

    listed: int = 0
    inbound: int = 0
    skipped: int = 0
    more: bool = False
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


def check_location(kind: str, location: str) -> str:
    location = location.strip()
    if kind not in KINDS:
        raise InvalidInput("Kies als soort opslag een map of het TSV-portaal.")
    if not location:
        raise InvalidInput("Vul de plaats van de opslag in: een map of het adres van het portaal.")
    if len(location) > MAX_LOCATION or not location.isprintable():
        raise InvalidInput(f"De plaats is hoogstens {MAX_LOCATION} tekens, zonder regeleinden.")
    if kind == "http" and not location.lower().startswith(("https://", "http://")):
        raise InvalidInput("Het adres van het TSV-portaal begint met https://.")
    return location


class StoreAdministration:
    def __init__(
        self,
        setup: StoreSetup,
        credentials: CredentialAdministration,
        policy: AccessPolicy,
        audit: AuditLog,
        clock: Clock,
    ) -> None:
        self._setup = setup
        self._credentials = credentials
        self._policy = policy
        self._audit = audit
        self._clock = clock

    def status(self, user: User) -> StoreStatus:
        self._policy.require(user, Action.STORE_SETTINGS, Target("store", "settings"), detail="read")
        kind, location = self._setup.current()
        try:
            token = self._setup.has_token()
        except NunrecError:
            token = False
        return StoreStatus(kind, location, token)

    def configure(self, user: User, kind: str, location: str) -> StoreStatus:
        self._policy.require(user, Action.STORE_SETTINGS, Target("store", "settings"), detail="change")
        location = check_location(kind, location)
        before = self._setup.current()
        self._setup.save(kind, location)
        self._changed(user, "store.configured", f"before {before[0]} {before[1]}; after {kind} {location}")
        return self.status(user)

    def set_token(self, user: User, token: str) -> None:
        if not token.strip() or len(token) > 4096 or not token.strip().isprintable():
            raise InvalidInput("Het token is leeg, te lang of bevat onzichtbare tekens.")
        before = self._setup.has_token()
        self._credentials.set_token(user, token)
        self._changed(user, "store.token_set", f"token before {'set' if before else 'none'}, after set (keyring)")

    def clear_token(self, user: User) -> None:
        before = self._setup.has_token()
        self._credentials.clear(user)
        self._changed(user, "store.token_cleared", f"token before {'set' if before else 'none'}, after none")

    def test(self, user: User, kind: str, location: str) -> ConnectionReport:
        """List one page of the last days' metadata from the store as typed (saved or not): counts only."""
        self._policy.require(user, Action.STORE_SETTINGS, Target("store", "settings"), detail="test")
        location = check_location(kind, location)
        now = self._clock()
        try:
            store = self._setup.probe(kind, location)
            try:
                page = store.list_recordings(now - timedelta(days=30), now, None, TEST_PAGE)
            finally:
                close = getattr(store, "close", None)
                if callable(close):
                    close()
        except NunrecError as error:  # StoreError, CredentialError: already a Dutch sentence
            report = ConnectionReport(problem=str(error))
        except OSError as error:
            report = ConnectionReport(problem=f"De opslag is niet bereikbaar ({error.strerror or 'systeemfout'}).")
        except Exception as error:  # a misbehaving store must not take the screen down
            log.warning("store test failed unexpectedly", exc_info=error)
            report = ConnectionReport(problem=f"De opslag gaf een onverwacht antwoord ({type(error).__name__}).")
        else:
            inbound = sum(1 for m in page.items if m.direction == "inbound")
            report = ConnectionReport(len(page.items), inbound, len(page.skipped), page.next_cursor is not None)
        self._audit.record_for(
            user,
            "store.tested",
            result=AuditResult.ALLOWED if report.ok else AuditResult.ERROR,
            object_type="store",
            object_id=kind,
            detail=f"listed {report.listed}; inbound {report.inbound}; skipped {report.skipped}",
        )
        return report

    def _changed(self, user: User, action: str, detail: str) -> None:
        def record(text: str) -> None:
            self._audit.record_for(user, action, object_type="store", object_id="settings", detail=text[:500])

        try:
            record(detail)
        except AuditFieldRefused:  # a location shaped like a number: the change is recorded, the text not
            record("changed; location not recorded (shaped like a phone number)")


__all__ = ["ConnectionReport", "StoreAdministration", "StoreError", "StoreSetup", "StoreStatus", "check_location"]
