"""IT's desk (`ItDesk`): the audit log and its anchors, erasure requests, and the administration behind
the "Beheer" screens (employees and coaching, accounts, the recording store, the access review).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from nunrec_desktop.adapters.db.admin_queries import AssignmentRecord, ReviewRecord
from nunrec_desktop.domain import AuditResult, Employee, User
from nunrec_desktop.services.access_review import AccessReviewData
from nunrec_desktop.services.accounts import AccountStatus
from nunrec_desktop.services.audit import AuditEntry, ChainReport
from nunrec_desktop.services.audit_anchor import append_anchor, current_anchor
from nunrec_desktop.services.desk import AdminParts, Desk
from nunrec_desktop.services.staffing import AssignmentLine, EmployeeLine
from nunrec_desktop.services.store_admin import ConnectionReport, StoreStatus


class ItDesk(Desk):
    """An IT colleague's desk: the audit log, erasure requests and the signed-in IT commands."""

    def search_audit(
        self, actor: str, action: str, object_id: str, since: datetime, until: datetime
    ) -> list[AuditEntry]:
        return self._parts.audit_reader.search(self.user, actor, action, object_id, since, until)

    def verify_audit(self) -> ChainReport:
        return self._parts.audit_reader.verify(self.user)

    def write_anchor(self, out: Path) -> tuple[ChainReport, int]:
        """Verify the chain (the policy decides, audited) and, when intact, append its head to `out`: the
        anchor's sequence number, 0 when nothing was written."""
        report = self.verify_audit()
        if not report.intact:
            return report, 0
        admin = self._admin()
        anchor = current_anchor(admin.audit, admin.anchor_label(), self._parts.clock)
        append_anchor(out, anchor)
        admin.audit.record(
            actor=self.user.username,
            role=str(self.user.role),
            action="audit.anchored",
            result=AuditResult.ALLOWED,
            object_type="audit",
            object_id=str(anchor.seq),
            detail="anchor appended to a file",
        )
        return report, anchor.seq

    # Beheer: employees and coaching ---------------------------------------------------------------------
    def _admin(self) -> AdminParts:
        if self._parts.admin is None:
            raise RuntimeError("the composition root built this desk without its administration parts")
        return self._parts.admin

    def employee_lines(self) -> list[EmployeeLine]:
        return self._admin().staff.employee_lines(self.user, self.today())

    def add_employee(self, employee_id: str, name: str) -> Employee:
        return self._admin().staff.add_employee(self.user, employee_id, name)

    def rename_employee(self, employee_id: str, name: str) -> Employee:
        return self._admin().staff.rename_employee(self.user, employee_id, name)

    def set_employee_active(self, employee_id: str, active: bool) -> None:
        self._admin().staff.set_employee_active(self.user, employee_id, active)

    def delete_employee(self, employee_id: str) -> None:
        self._admin().staff.delete_employee(self.user, employee_id)

    def assignment_history(self, employee_id: str) -> list[AssignmentLine]:
        return self._admin().staff.history(self.user, employee_id)

    def assign(self, employee_id: str, coach: str, start: date, backdated: bool = False) -> None:
        self._admin().staff.assign(self.user, employee_id, coach, start, today=self.today(), backdated=backdated)

    def end_assignment(self, assignment_id: int, last_day: date, backdated: bool = False) -> AssignmentRecord:
        return self._admin().staff.end_assignment(
            self.user, assignment_id, last_day, today=self.today(), backdated=backdated
        )

    # Beheer: accounts -----------------------------------------------------------------------------------
    def account_source(self) -> str:
        return self._admin().account_source()

    def accounts(self) -> list[AccountStatus]:
        return self._admin().accounts.list(self.user)

    def add_account(self, username: str, role: str, display_name: str, password: str) -> User:
        return self._admin().accounts.add(self.user, username, role, display_name, password)

    def set_account_disabled(self, username: str, disabled: bool) -> None:
        self._admin().accounts.set_disabled(self.user, username, disabled)

    def unlock_account(self, username: str) -> None:
        self._admin().accounts.unlock(self.user, username)

    def reset_password(self, username: str, password: str) -> None:
        self._admin().accounts.set_password(self.user, username, password)

    # Beheer: the recording store ------------------------------------------------------------------------
    def store_status(self) -> StoreStatus:
        return self._admin().store.status(self.user)

    def configure_store(self, kind: str, location: str) -> StoreStatus:
        return self._admin().store.configure(self.user, kind, location)

    def set_store_token(self, token: str) -> None:
        self._admin().store.set_token(self.user, token)

    def test_store(self, kind: str, location: str) -> ConnectionReport:
        return self._admin().store.test(self.user, kind, location)

    # Beheer: the access review --------------------------------------------------------------------------
    def access_review(self) -> AccessReviewData:
        return self._admin().review.gather(self.user)

    def export_access_review(self, out: Path) -> Path:
        admin = self._admin()
        return admin.review.export(self.user, out, admin.review_layout)

    def sign_off_review(self, signed_on: date, remark: str, scope: str = "full") -> ReviewRecord:
        return self._admin().review.sign_off(self.user, signed_on, remark, scope)

    def review_reminders(self) -> list[str]:
        return self._admin().review.reminders(self.user)
