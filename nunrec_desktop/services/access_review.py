"""The periodic review of who has which access (BIO2), signed off by IT (issue 25).

The review lists every account with its role, where it comes from (a local account or the directory), its
last sign-in (read from the audit chain), the coaching assignments of each coach with their dates, and every
administrative change audited since the last sign-off. IT signs it off with a date and a short remark; the
remark passes the caller-data guard and the sign-off is audited. A full review is due yearly; the review of
administrative (IT) rights quarterly, and a full review counts for that too.

Only IT may do any of this (the access policy, `Action.ADMINISTER_USERS`); nothing here reads a recording,
an evaluation or a conversation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Protocol

from nunrec_desktop.adapters.atomic_file import write_atomically
from nunrec_desktop.adapters.db.admin_queries import AdminQueries, AssignmentRecord, ChangeRecord, ReviewRecord
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, InvalidInput, Role, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.accounts import Accounts
from nunrec_desktop.services.audit import AuditLog
from nunrec_desktop.services.document_check import DocumentCheck, document_check
from nunrec_desktop.services.privacy import CallerDataGuard

FULL_EVERY = timedelta(days=365)
ADMIN_EVERY = timedelta(days=91)  # a quarter
MAX_REMARK = 300
SCOPES = ("full", "admin")
CHANGE_PREFIXES = ("users.", "employees.", "store.")  # the entries of changes themselves, with before and after


@dataclass(frozen=True, slots=True)
class ReviewedAccount:
    username: str
    display_name: str
    role: str  # "coach", "it", or the unknown role as stored (shown as invalid)
    source: str  # "local" or "directory"
    disabled: bool
    locked: bool
    last_sign_in: datetime | None
    assignments: tuple[AssignmentRecord, ...]


@dataclass(frozen=True, slots=True)
class AccessReviewData:
    made_at: datetime
    made_by: str
    accounts: list[ReviewedAccount]
    changes: list[ChangeRecord]  # audited administrative changes since the last sign-off
    last_review: ReviewRecord | None
    employee_names: dict[str, str]


class ReviewLayout(Protocol):
    def access_review(self, data: AccessReviewData, out: Path, check: DocumentCheck) -> None: ...


def _parse(moment: str | None) -> datetime | None:
    return datetime.fromisoformat(moment) if moment else None


class AccessReview:
    def __init__(
        self,
        accounts: Accounts,
        queries: AdminQueries,
        policy: AccessPolicy,
        audit: AuditLog,
        clock: Clock,
        source: Callable[[], str],
    ) -> None:
        self._accounts = accounts
        self._queries = queries
        self._policy = policy
        self._audit = audit
        self._clock = clock
        self._source = source  # "local" or "directory": where accounts come from (settings, issue 24)

    def gather(self, user: User) -> AccessReviewData:
        self._policy.require(user, Action.ADMINISTER_USERS, Target("access_review", "*"), detail="gather")
        statuses = self._accounts.list(user)
        signed_in = self._queries.last_sign_ins()
        assignments = self._queries.assignment_records()
        reviews = self._queries.reviews()
        last = reviews[0] if reviews else None
        since = last.signed_at.astimezone(UTC).isoformat(timespec="microseconds") if last else ""
        now = self._clock()
        source = self._source()
        accounts = [
            ReviewedAccount(
                s.username,
                s.display_name,
                s.role,
                source,
                s.disabled,
                s.locked_until is not None and s.locked_until > now,
                _parse(signed_in.get(s.username)),
                tuple(a for a in assignments if a.coach_username == s.username),
            )
            for s in statuses
        ]
        names = {e.id: e.name for e, _ in self._queries.employees_with_state()}
        decisions = tuple(str(a) for a in (Action.ADMINISTER_USERS, Action.ADMINISTER_EMPLOYEES, Action.STORE_SETTINGS))
        changes = self._queries.changes_since(since, (), CHANGE_PREFIXES, decisions)
        return AccessReviewData(now, user.display_name, accounts, changes, last, names)

    def export(self, user: User, out: Path, layout: ReviewLayout) -> Path:
        data = self.gather(user)
        check = document_check(CallerDataGuard(self._clock().date()), "De toegangsreview")
        out = write_atomically(out, lambda path: layout.access_review(data, path, check))
        self._record(user, "access_review.exported", f"accounts {len(data.accounts)}; changes {len(data.changes)}")
        return out

    def sign_off(self, user: User, signed_on: date, remark: str, scope: str = "full") -> ReviewRecord:
        """IT signs the review off: the day it was done and a short remark (no caller data)."""
        self._policy.require(user, Action.ADMINISTER_USERS, Target("access_review", "sign-off"), detail=scope)
        if scope not in SCOPES:
            raise InvalidInput("Kies de volledige review of alleen de beheerrechten.")
        today = self._clock().date()
        if signed_on > today:
            raise InvalidInput("De datum van de review ligt in de toekomst.")
        if signed_on < today - timedelta(days=31):
            raise InvalidInput("De datum van de review ligt meer dan een maand terug; doe de review opnieuw.")
        remark = " ".join(remark.split())
        if len(remark) > MAX_REMARK:
            raise InvalidInput(f"De opmerking is hoogstens {MAX_REMARK} tekens; deze is {len(remark)} tekens.")
        if CallerDataGuard(today).scan(remark):
            raise InvalidInput(
                "De opmerking lijkt gegevens van een beller of een andere persoon te bevatten (een naam met "
                "nummer, telefoonnummer, e-mailadres, geboortedatum of adres) en is niet opgeslagen (P6, P13)."
            )
        count = len(self._accounts.list(user))
        self._queries.add_review(self._clock(), signed_on, user.username, scope, remark, count)
        self._record(user, "access_review.signed", f"scope {scope}; date {signed_on.isoformat()}; accounts {count}")
        return self._queries.reviews()[0]

    def reviews(self, user: User) -> list[ReviewRecord]:
        self._policy.require(user, Action.ADMINISTER_USERS, Target("access_review", "*"), detail="list")
        return self._queries.reviews()

    def reminders(self, user: User) -> list[str]:
        """What is due, in Dutch; empty when nothing is (and for anyone who may not review)."""
        if user.role is not Role.IT or not self._policy.permits(user, Action.ADMINISTER_USERS):
            return []
        today = self._clock().date()
        reviews = self._queries.reviews()
        full = next((r for r in reviews if r.scope == "full"), None)
        latest = reviews[0] if reviews else None
        due: list[str] = []
        if full is None:
            due.append("Er is nog nooit een toegangsreview afgetekend. Doe de jaarlijkse review van alle accounts.")
        elif today - full.signed_on > FULL_EVERY:
            due.append(
                f"De laatste volledige toegangsreview is van {full.signed_on:%d-%m-%Y}, meer dan een jaar geleden. "
                "Doe de jaarlijkse review."
            )
        if latest is not None and today - latest.signed_on > ADMIN_EVERY:
            due.append(
                f"De beheerrechten (IT) zijn sinds {latest.signed_on:%d-%m-%Y} niet meer beoordeeld; dat hoort "
                "elk kwartaal."
            )
        return due

    def _record(self, user: User, action: str, detail: str) -> None:
        self._audit.record_for(user, action, object_type="access_review", detail=detail)
