"""Exporting documents: the feedback and the Dialog pack of an employee, and a subject-access report.

The use case gathers the data through the reports and subject-access services (which check the policy and
audit the export); the PDF layout itself is passed in (`documents/`), so this module knows no reportlab.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol

from nunrec_desktop.domain import User
from nunrec_desktop.services.privacy import CallerDataGuard
from nunrec_desktop.services.reports import FeedbackData, ReportService, latest_cycle
from nunrec_desktop.services.subject_access import SubjectAccessData, SubjectAccessService


class DocumentLayout(Protocol):
    """Lays out service results as documents (the PDF layout in `nunrec_desktop.documents`)."""

    def feedback(self, data: FeedbackData, out: Path) -> None: ...

    def dialog(self, data: FeedbackData, out: Path) -> None: ...

    def subject_access(self, data: SubjectAccessData, out: Path) -> None: ...


class ExportService:
    def __init__(
        self,
        reports: ReportService,
        subject_access: SubjectAccessService,
        layout: DocumentLayout,
        guard: Callable[[], CallerDataGuard],
    ) -> None:
        self._reports = reports
        self._subject_access = subject_access
        self._layout = layout
        self._guard = guard

    def document(
        self, user: User, kind: str, employee_id: str, out: Path, first: date | None = None, last: date | None = None
    ) -> Path:
        """`kind` is "feedback" (one coaching period) or "dialog" (development over recent cycles)."""
        render = self._layout.feedback if kind == "feedback" else self._layout.dialog
        data = self._reports.gather(user, employee_id, first, last)
        if kind == "feedback" and first is None and last is None:
            data = latest_cycle(data)  # the feedback of one coaching cycle: the most recent
        return self._reports.export(user, kind, data, out, self._guard(), render)

    def subject_access(self, user: User, employee_id: str, out: Path) -> Path:
        data = self._subject_access.gather(user, employee_id)
        return self._subject_access.export(user, data, out, self._layout.subject_access)
