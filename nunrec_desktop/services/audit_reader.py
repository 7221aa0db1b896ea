"""Reading the audit log on behalf of a person: only the IT role (P12), and the reading itself is audited."""

from __future__ import annotations

from datetime import datetime

from nunrec_desktop.domain import Action, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.audit import AuditEntry, AuditLog, ChainReport


class AuditReader:
    def __init__(self, audit: AuditLog, policy: AccessPolicy) -> None:
        self._audit = audit
        self._policy = policy

    def search(
        self, user: User, actor: str, action: str, object_id: str, since: datetime, until: datetime
    ) -> list[AuditEntry]:
        self._policy.require(user, Action.READ_AUDIT, Target("audit", "*"), detail="search")
        return self._audit.entries(
            actor=actor or None,
            action=action or None,
            object_id=object_id or None,
            since=since,
            until=until,
            limit=5_000,
        )

    def verify(self, user: User) -> ChainReport:
        self._policy.require(user, Action.READ_AUDIT, Target("audit", "chain"), detail="verify")
        return self._audit.verify()
