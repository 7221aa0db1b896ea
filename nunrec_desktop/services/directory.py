"""Signing in with the municipality's directory (`auth.kind = "directory"`): the role follows group membership.

At every sign-in and every unlock the directory is asked again (a ticket or the directory password; nothing
of the password is stored): a member of the coach group is a coach, of the IT group is IT; a member of both
or of neither is refused, and so is an account the directory marks disabled or expired (P3). The display name
comes from the directory. The account in nunrec is keyed by the directory's stable id (objectGUID /
entryUUID), so a renamed person keeps their account and with it their coaching assignments; a person who
left the group is refused at the next sign-in. Every decision is audited with its source, never a password.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from nunrec_desktop.adapters.db.repositories.accounts import AccountRecord
from nunrec_desktop.adapters.db.unit_of_work import Database, UnitOfWork
from nunrec_desktop.adapters.directory import (
    DirectoryEntry,
    DirectoryRefused,
    DirectoryUnreachable,
    LdapDirectory,
    NoTicket,
    NotInDirectory,
    valid_user_name,
)
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import AuditResult, AuthenticationFailed, Role, User
from nunrec_desktop.services.audit import AuditLog
from nunrec_desktop.services.identifiers import username_problem
from nunrec_desktop.services.privacy import CallerDataGuard

DIRECTORY_PASSWORD_HASH = "!directory"  # never a valid argon2 hash: a directory account has no local password
SOURCE_PASSWORD = "directory-password"
SOURCE_TICKET = "directory-ticket"

WRONG_CREDENTIALS = "Onjuiste gebruikersnaam of wachtwoord."
BOTH_GROUPS = (
    "Dit account staat in de directory zowel in de groep van de coaches als in die van IT. Eén persoon heeft "
    "één rol (P3); aanmelden kan daarom niet. Vraag IT om het account uit één van beide groepen te halen."
)
NO_GROUP = (
    "Dit account staat in de directory niet in de groep van de coaches of van IT, en heeft daarom geen toegang "
    "tot nunrec (P3). Vraag IT om toegang als dat nodig is."
)
ACCOUNT_OFF = "Dit account is in de directory uitgeschakeld of verlopen; aanmelden kan niet. Neem contact op met IT."
DISABLED_HERE = "Dit account is in nunrec uitgeschakeld; aanmelden kan niet. Neem contact op met IT."
UNREACHABLE = (
    "De directory van de gemeente is niet bereikbaar, of het certificaat van de server klopt niet. Probeer het "
    "later opnieuw. IT kan zich intussen aanmelden met het lokale noodaccount."
)
NOT_INSTALLED = "Aanmelden met de directory is op deze werkplek niet geïnstalleerd (ldap3 ontbreekt)."
NO_TICKET = "Er is geen Kerberos-ticket op deze werkplek: meld je aan op het domein, of test met --password-stdin."
OTHER_PERSON = "Het ticket of wachtwoord hoort bij een ander account dan het vergrendelde; meld af en opnieuw aan."


class DirectoryDown(AuthenticationFailed):
    """The directory could not be asked (down, timeout, certificate): the caller may fall back to break-glass."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Decision:
    """What the directory says about one person, and what nunrec makes of it (the CLI's `directory check`)."""

    user: str
    display_name: str
    groups: tuple[str, ...]
    role: Role | None
    source: str
    refusal: str | None
    reason: str  # a short English phrase for the audit: "coach group", "both groups", "no group", ...
    stable_id: str = ""  # the directory's id of the person (kept out of the CLI's JSON)
    confirmed: bool = False  # the directory read the person's entry (else the name typed is not audited)

    def as_json(self) -> dict[str, object]:
        return {
            "user": self.user,
            "display_name": self.display_name,
            "groups": list(self.groups),
            "role": None if self.role is None else str(self.role),
            "source": self.source,
            "refusal": self.refusal,
        }


class DirectorySignIn:
    def __init__(
        self,
        directory: LdapDirectory,
        database: Database,
        audit: AuditLog,
        clock: Clock,
        guard: Callable[[], CallerDataGuard],
    ) -> None:
        self._directory = directory
        self._database = database
        self._audit = audit
        self._clock = clock
        self._guard = guard

    # -- what the sign-in window, the lock screen and the CLI call -------------------------------------

    def sign_in(self, username: str, password: str) -> User:
        """Password bind over LDAPS; `DirectoryDown` when the directory cannot be asked."""
        decision = self.decide(username.strip(), password)
        return self._conclude(decision, "auth.sign_in")

    def sign_in_with_ticket(self) -> User | None:
        """The workstation's Kerberos ticket (SSPI on Windows); None when there is none (nothing audited)."""
        try:
            decision = self.decide(None, None)
        except NoTicket:
            return None
        return self._conclude(decision, "auth.sign_in")

    def unlock(self, user: User, password: str) -> User:
        """Ask the directory again: with the password, or with the ticket when no password was typed."""
        if password:
            decision = self.decide(user.username, password)
        else:
            try:
                decision = self.decide(None, None)
            except NoTicket:
                raise AuthenticationFailed(WRONG_CREDENTIALS) from None
        return self._conclude(decision, "auth.unlock", expected=user)

    def check(self, actor: User, username: str, password: str | None) -> Decision:
        """What a sign-in of `username` would get (`nunrec directory check`), with the password or, without one,
        read with the workstation's ticket. Makes no account; audited as `directory.check` under `actor`."""
        source = SOURCE_TICKET if password is None else SOURCE_PASSWORD
        try:
            if password is None:
                decision = self.decide(None, None, look_up=username.strip())
            else:
                decision = self.decide(username.strip(), password)
        except NoTicket:
            decision = Decision(username, "", (), None, source, NO_TICKET, "no ticket")
        except DirectoryDown as down:
            decision = Decision(username, "", (), None, source, str(down), f"unreachable ({down.reason})")
        self._audit.record_for(
            actor,
            "directory.check",
            result=AuditResult.ALLOWED if decision.role else AuditResult.DENIED,
            object_type="user",
            object_id=decision.user.lower() if valid_user_name(decision.user) else "",
            detail=f"source: {source}; decision: {decision.reason}",
        )
        return decision

    def decide(self, username: str | None, password: str | None, *, look_up: str | None = None) -> Decision:
        """Ask the directory; `username` None means the ticket (for the ticket's holder, or `look_up`).

        Raises `NoTicket` (no ticket) and `DirectoryDown`; a refusal is a Decision with `refusal` set."""
        source = SOURCE_TICKET if username is None else SOURCE_PASSWORD
        shown = username or look_up or ""
        try:
            if username is None:
                entry = self._directory.with_ticket(look_up)
            elif not valid_user_name(username) or not password:
                return Decision(shown, "", (), None, source, WRONG_CREDENTIALS, "credentials")
            else:
                entry = self._directory.with_password(username, password)
        except DirectoryUnreachable as down:
            self._audit_down(down.reason, source)
            raise DirectoryDown(NOT_INSTALLED if down.reason == "missing" else UNREACHABLE, down.reason) from None
        except DirectoryRefused as refused:
            if refused.reason in ("disabled", "expired", "locked"):
                return Decision(shown, "", (), None, source, ACCOUNT_OFF, f"account {refused.reason} (bind)")
            return Decision(shown, "", (), None, source, WRONG_CREDENTIALS, "credentials")
        except NotInDirectory:
            return Decision(shown, "", (), None, source, WRONG_CREDENTIALS, "not in directory")
        return self._judge(entry, source)

    # -- the rules ----------------------------------------------------------------------------------

    def _judge(self, entry: DirectoryEntry, source: str) -> Decision:
        config = self._directory.config
        coach = config.coach_group_dn in entry.groups
        it = config.it_group_dn in entry.groups
        name = self._safe_name(entry)
        problem = username_problem(entry.user.lower())
        if problem:
            return Decision(
                entry.user, name, entry.groups, None, source, problem, "login name not allowed", confirmed=True
            )
        if entry.account_state:
            return Decision(entry.user, name, entry.groups, None, source, ACCOUNT_OFF,
                            f"account {entry.account_state} ({entry.state_source})", confirmed=True)  # fmt: skip
        if coach and it:
            return Decision(entry.user, name, entry.groups, None, source, BOTH_GROUPS, "both groups", confirmed=True)
        if not coach and not it:
            return Decision(entry.user, name, entry.groups, None, source, NO_GROUP, "no group", confirmed=True)
        role = Role.COACH if coach else Role.IT
        return Decision(entry.user, name, entry.groups, role, source, None, f"{role} group", entry.stable_id, True)

    def _safe_name(self, entry: DirectoryEntry) -> str:
        """The directory's display name, unless the caller-data guard finds something in it (then the login)."""
        name = " ".join(entry.display_name.split())[:200]
        return name if name and not self._guard().scan(name) else entry.user

    def _conclude(self, decision: Decision, action: str, expected: User | None = None) -> User:
        # A name the directory did not confirm is not audited: it could be a password typed in the wrong field.
        actor = decision.user.lower() if decision.confirmed else "(onbekend account)"
        detail = f"source: {decision.source}; decision: {decision.reason}"
        if decision.role is None:
            self._audit.record(actor=actor, role="", action=action, result=AuditResult.DENIED, object_type="user",
                               detail=detail)  # fmt: skip
            raise AuthenticationFailed(decision.refusal or WRONG_CREDENTIALS)
        with self._database.begin() as uow:
            row, change = self._account(uow, decision)
            refusal = ""
            if row.disabled:
                refusal, detail = DISABLED_HERE, detail + "; disabled in nunrec"
            elif expected is not None and row.id != expected.id:
                refusal, detail = OTHER_PERSON, detail + "; another account than the locked one"
            user = User(row.id, row.username, Role(row.role), row.display_name, row.disabled)
        if change:
            detail += f"; {change}"
        self._audit.record(
            actor=user.username,
            role="" if refusal else str(user.role),
            action=action,
            result=AuditResult.DENIED if refusal else AuditResult.ALLOWED,
            object_type="user",
            object_id=str(user.id),
            detail=detail,
        )
        if refusal:
            raise AuthenticationFailed(refusal)
        return user

    def _account(self, uow: UnitOfWork, decision: Decision) -> tuple[AccountRecord, str]:
        """The nunrec account of this directory person, made, adopted, renamed or updated; what changed."""
        assert decision.role is not None and decision.stable_id
        stable_id = decision.stable_id
        login = decision.user.lower()
        row = uow.accounts.by_directory_id(stable_id)
        change = ""
        holder = uow.accounts.by_username(login)
        if row is None and holder is not None and holder.directory_id is None:
            # the same person's account from before the directory
            row, change = holder, "local account adopted"
            row = replace(
                row, directory_id=stable_id, password_hash=DIRECTORY_PASSWORD_HASH, failed_attempts=0, locked_until=None
            )
        elif holder is not None and (row is None or holder.id != row.id):
            # another person had this name; theirs follows at their sign-in
            uow.accounts.save(replace(holder, username=f"~{holder.id}"[:64]))
        if row is None:
            row = uow.accounts.add(
                AccountRecord(
                    id=0,
                    username=login,
                    display_name=decision.display_name or login,
                    role=str(decision.role),
                    password_hash=DIRECTORY_PASSWORD_HASH,
                    disabled=False,
                    failed_attempts=0,
                    locked_until=None,
                    created_at=self._clock(),
                    directory_id=stable_id,
                )
            )
            change = "account created"
        elif row.username != login:
            change = f"renamed from {row.username}"
            row = replace(row, username=login)
        if row.role != str(decision.role):
            change = (change + "; " if change else "") + f"role {row.role} -> {decision.role}"
            row = replace(row, role=str(decision.role))
        row = replace(row, display_name=decision.display_name or login)
        uow.accounts.save(row)
        return row, change

    def _audit_down(self, reason: str, source: str) -> None:
        self._audit.record(actor="(directory)", role="", action="auth.directory_unreachable",
                           result=AuditResult.ERROR, object_type="user",
                           detail=f"source: {source}; reason: {reason}")  # fmt: skip
