"""Exporting documents: the feedback and the Dialog pack of an employee, and a subject-access report.

The use case gathers the data through the reports and subject-access services (which check the policy and
audit the export); the PDF layout itself is passed in (`documents/`), so this module knows no reportlab.
Every temporary part a render writes is registered with `track_parts` first (`adapters/leftovers.py` in the
application), so the part of an export that was killed half-way is removed at the next start.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Protocol

from nunrec_desktop.domain import User
from nunrec_desktop.services.privacy import CallerDataGuard
from nunrec_desktop.services.reports import FeedbackData, ReportService, chosen_calls, latest_cycle
from nunrec_desktop.services.subject_access import SubjectAccessData, SubjectAccessService

EARLIEST = date(2000, 1, 1)  # choosing evaluations by id: any period (retention bounds it anyway)


class DocumentLayout(Protocol):
    """Lays out service results as documents (the PDF layout in `nunrec_desktop.documents`)."""

    def feedback(self, data: FeedbackData, out: Path) -> None: ...

    def dialog(self, data: FeedbackData, out: Path) -> None: ...

    def subject_access(self, data: SubjectAccessData, out: Path) -> None: ...


# Opens a block in which `register(part) -> part` records each temporary part before it is written.
PartTracking = Callable[[], AbstractContextManager[Callable[[Path], Path]]]


@contextlib.contextmanager
def untracked() -> Iterator[Callable[[Path], Path]]:
    """No record of the parts (for callers without a workspace to sweep)."""
    yield lambda path: path


class ExportService:
    def __init__(
        self,
        reports: ReportService,
        subject_access: SubjectAccessService,
        layout: DocumentLayout,
        guard: Callable[[], CallerDataGuard],
        track_parts: PartTracking = untracked,
    ) -> None:
        self._reports = reports
        self._subject_access = subject_access
        self._layout = layout
        self._guard = guard
        self._track_parts = track_parts

    def document(
        self,
        user: User,
        kind: str,
        employee_id: str,
        out: Path,
        first: date | None = None,
        last: date | None = None,
        evaluation_ids: Sequence[int] | None = None,
    ) -> Path:
        """`kind` is "feedback" (one coaching period) or "dialog" (development over recent cycles). A feedback
        document holds the chosen `evaluation_ids` when given (within `first`..`last` when those are given
        too), else the period's, else the most recent coaching cycle's."""
        render = self._layout.feedback if kind == "feedback" else self._layout.dialog
        if kind == "feedback":
            data = self.feedback_data(user, employee_id, first, last, evaluation_ids)
        else:
            data = self._reports.gather(user, employee_id, first, last)
        with self._track_parts() as track:  # a killed export's part is removed at the next start
            return self._reports.export(user, kind, data, out, self._guard(), lambda d, p: render(d, track(p)))

    def feedback_data(
        self,
        user: User,
        employee_id: str,
        first: date | None = None,
        last: date | None = None,
        evaluation_ids: Sequence[int] | None = None,
    ) -> FeedbackData:
        """What a feedback document would hold (the dialog before writing it shows this to the coach)."""
        if evaluation_ids is not None:
            data = self._reports.gather(user, employee_id, first or EARLIEST, last)
            return chosen_calls(data, evaluation_ids)
        data = self._reports.gather(user, employee_id, first, last)
        if first is None and last is None:
            data = latest_cycle(data)  # the feedback of one coaching cycle: the most recent
        return data

    def candidates(self, user: User, employee_id: str) -> FeedbackData:
        """Every submitted evaluation of the employee by this coach, per cycle (to choose the feedback from)."""
        return self._reports.gather(user, employee_id, EARLIEST, None)

    def subject_access(self, user: User, employee_id: str, out: Path) -> Path:
        data = self._subject_access.gather(user, employee_id)
        render = self._layout.subject_access
        with self._track_parts() as track:
            return self._subject_access.export(user, data, out, lambda d, p: render(d, track(p)))
