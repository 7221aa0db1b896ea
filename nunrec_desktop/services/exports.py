"""Exporting documents: the feedback and the Dialog pack of an employee, and a subject-access report.

The use case gathers the data through the reports and subject-access services (which check the policy and
audit the export); the PDF layout itself is passed in (`documents/`), so this module knows no reportlab.
Every temporary part a render writes is registered with `track_parts` first (`adapters/leftovers.py` in the
application), so the part of an export that was killed half-way is removed at the next start.

Caller data (P6, P13): the free text of the evaluations is scanned again here with the guard's own kinds (a
feedback or Dialog document with an open finding is refused, `ReportService.check_free_text`); a subject
access shows stored evaluations as they may be stored (`EvaluationContent.masked_for_storage`), so text from
an older version that is no longer validly kept is masked; and every document's whole text is checked once
more by the layout before it is written (`services.document_check`).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Protocol

from nunrec_desktop.domain import User
from nunrec_desktop.services.document_check import DocumentCheck, document_check, permitted_texts
from nunrec_desktop.services.privacy import CallerDataGuard, mask
from nunrec_desktop.services.reports import FeedbackData, ReportService, chosen_calls, latest_cycle
from nunrec_desktop.services.subject_access import SubjectAccessData, SubjectAccessService

EARLIEST = date(2000, 1, 1)  # choosing evaluations by id: any period (retention bounds it anyway)


class DocumentLayout(Protocol):
    """Lays out service results as documents (the PDF layout in `nunrec_desktop.documents`)."""

    def feedback(self, data: FeedbackData, out: Path, check: DocumentCheck) -> None: ...

    def dialog(self, data: FeedbackData, out: Path, check: DocumentCheck) -> None: ...

    def subject_access(self, data: SubjectAccessData, out: Path, check: DocumentCheck) -> None: ...


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
        guard = self._guard()
        name = "De terugkoppeling" if kind == "feedback" else "De voorbereiding van het Dialog-gesprek"
        check = document_check(guard, name, permitted_texts((c.evaluation for c in data.calls), guard))
        with self._track_parts() as track:  # a killed export's part is removed at the next start
            return self._reports.export(user, kind, data, out, guard, lambda d, p: render(d, track(p), check))

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
        guard = self._guard()
        data = masked_subject_access(self._subject_access.gather(user, employee_id), guard)
        check = document_check(guard, "Het inzageoverzicht", permitted_texts((e for e, _c in data.evaluations), guard))
        render = self._layout.subject_access
        with self._track_parts() as track:
            return self._subject_access.export(user, data, out, lambda d, p: render(d, track(p), check))


def masked_subject_access(data: SubjectAccessData, guard: CallerDataGuard) -> SubjectAccessData:
    """The evaluations and calibration notes as they may be stored now: what an older version kept with a free
    reason, or what is no longer validly kept, is masked (the employee gets their data; no caller's)."""
    evaluations = [
        (
            dataclasses.replace(
                evaluation,
                content=evaluation.content.masked_for_storage(guard),
                live_reason_note=mask(evaluation.live_reason_note, guard.scan(evaluation.live_reason_note)),
            ),
            coach,
        )
        for evaluation, coach in data.evaluations
    ]
    calibrations = [  # the agreed note passed the guard when it was agreed; the guard may know more now
        dataclasses.replace(c, agreed_note=mask(c.agreed_note, guard.scan(c.agreed_note))) for c in data.calibrations
    ]
    return dataclasses.replace(data, evaluations=evaluations, calibrations=calibrations)
