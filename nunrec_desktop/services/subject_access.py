"""Subject access (AVG art. 15, protocol P12): everything stored about one employee, as a PDF for them.

For the IT role (for the FG): the whole history - the employee record, every coach assignment, every
evaluation with every revision (by any coach), every self-evaluation the employee gave while listening together
(at any coach's workstation), every calibration of one of their calls (that it was shared, when, by whom, and
the agreed result) and who listened to their recordings, when and why (from the audit log, ids only). For the
employee's own coach: only that coach's own coaching period (their dated assignments), so the coach sees their
own evaluations, the self-evaluations given at their workstation, the calibrations they shared and the listens
of that period, never what a previous coach made. The export itself is audited.

The coaches' individual blind scores of a calibration are not part of it: they record how each coach judges
(the calibration measures the coaches, not the employee), they are the coaches' data, and only the agreed
result is what was settled about the employee's call.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from nunrec_desktop.adapters.atomic_file import write_atomically
from nunrec_desktop.adapters.db.unit_of_work import Database
from nunrec_desktop.clock import Clock
from nunrec_desktop.domain import Action, Assignment, Employee, InvalidInput, Role, User
from nunrec_desktop.services.access import AccessPolicy, Target
from nunrec_desktop.services.audit import AuditEntry, AuditLog
from nunrec_desktop.services.evaluations import Evaluation, evaluation_from_row
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.people import PeopleDirectory
from nunrec_desktop.services.recordings import employees_in_detail


@dataclass(frozen=True)
class AnsweredSection:
    """One A of the 5A form: (criterion text, answer) in the guideline's order."""

    title: str
    answers: list[tuple[str, str]]


@dataclass(frozen=True)
class OwnAssessment:
    """A self-evaluation: the employee's own answers for one of their calls, given at a coach's workstation."""

    recording_id: str
    call_start: datetime | None
    call_duration_s: float | None
    given_at: datetime
    coach: str  # whose workstation (the listening-together session)
    sections: list[AnsweredSection]


@dataclass(frozen=True)
class CalibratedCall:
    """One of the employee's calls shared for calibration, with the agreed result (no coach's own scores)."""

    recording_id: str | None
    call_start: datetime | None
    call_duration_s: float | None
    shared_at: datetime
    shared_by: str
    coaches: int  # how many coaches took part
    agreed_at: datetime | None
    agreed_note: str
    agreed: list[AnsweredSection]  # empty until agreed


@dataclass(frozen=True)
class SubjectAccessData:
    employee: Employee
    made_on: date
    requested_by: str
    assignments: list[tuple[Assignment, str]]  # with the coach's name
    evaluations: list[tuple[Evaluation, str]]  # every revision, with the coach's name
    listens: list[AuditEntry]
    # None: the whole history (IT, for the FG); else the requesting coach's own coaching periods it covers.
    periods: list[Assignment] | None = None
    self_evaluations: list[OwnAssessment] = field(default_factory=list)
    calibrations: list[CalibratedCall] = field(default_factory=list)
    # The guideline each evaluation was made with (by content hash), for the criteria's texts instead of keys.
    guidelines: Mapping[str, Guideline | None] = field(default_factory=dict)
    # Who listened, by their name instead of their account name (an account since removed keeps its name).
    names: Mapping[str, str] = field(default_factory=dict)


def _within(periods: list[Assignment], moment: datetime | None) -> bool:
    """The moment falls in one of the coach's own coaching periods (dates inclusive, local calendar)."""
    return moment is not None and any(period.covers(moment) for period in periods)


def answered_sections(guideline: Guideline | None, answers: Mapping[str, str]) -> list[AnsweredSection]:
    """The answers per A in the guideline's order, with each criterion's text; an answer the guideline does not
    know (or no guideline at all) is kept under "Overige criteria" by its key, so nothing stored is left out."""
    sections: list[AnsweredSection] = []
    known: set[str] = set()
    for section in guideline.sections if guideline else ():
        given = [(c.text, answers[c.key]) for c in section.criteria if c.key in answers]
        known.update(c.key for c in section.criteria)
        if given:
            sections.append(AnsweredSection(section.title, given))
    rest = [(key, answer) for key, answer in answers.items() if key not in known]
    if rest:
        sections.append(AnsweredSection("Overige criteria", rest))
    return sections


class SubjectAccessService:
    def __init__(
        self,
        database: Database,
        people: PeopleDirectory,
        policy: AccessPolicy,
        audit: AuditLog,
        clock: Clock,
        guidelines: Callable[[str], Guideline | None],
    ) -> None:
        """`guidelines`: a guideline snapshot by its content hash (for the criteria's texts)."""
        self._database = database
        self._people = people
        self._policy = policy
        self._audit = audit
        self._clock = clock
        self._guidelines = guidelines

    def gather(self, user: User, employee_id: str) -> SubjectAccessData:
        self._policy.require(
            user, Action.SUBJECT_ACCESS, Target("employee", employee_id, (employee_id,)), detail="gather"
        )
        employee = self._people.employee(employee_id)
        if employee is None:
            raise InvalidInput(f"Er is geen medewerker {employee_id}.")
        whole = user.role is Role.IT
        with self._database.read() as uow:
            accounts = uow.accounts.all()
            names = {account.id: account.display_name for account in accounts}
            assignments = [
                (a, names.get(a.coach_user_id, "?"))
                for a in uow.people.assignments_of_employee(employee_id)
                if whole or a.coach_user_id == user.id
            ]
            periods = None if whole else [a for a, _ in assignments]
            evaluations = [
                (evaluation_from_row(r), names.get(r.coach_user_id, "?"))
                for r in uow.evaluations.of_employee_by_call(employee_id)
                if periods is None or (r.coach_user_id == user.id and _within(periods, r.call_start))
            ]
            own_rows = [
                r
                for r in uow.self_evaluations.of_employee(employee_id)
                if periods is None or (r.coach_user_id == user.id and _within(periods, r.call_start or r.created_at))
            ]
            calibration_rows = [
                r
                for r in uow.calibrations.of_employee(employee_id)
                if periods is None
                or (r.shared_by_user_id == user.id and _within(periods, r.call_start or r.created_at))
            ]
        guideline = functools.cache(self._guidelines)
        self_evaluations = [
            OwnAssessment(
                r.recording_id,
                r.call_start,
                r.call_duration_s,
                r.created_at,
                names.get(r.coach_user_id, "?"),
                answered_sections(guideline(r.guideline_hash), r.answers),
            )
            for r in own_rows
        ]
        calibrations = [
            CalibratedCall(
                r.recording_id,
                r.call_start,
                r.call_duration_s,
                r.created_at,
                names.get(r.shared_by_user_id, "?"),
                len(r.participants),
                r.agreed_at,
                r.agreed_note if r.agreed_at else "",
                answered_sections(guideline(r.guideline_hash), r.agreed_answers) if r.agreed_answers else [],
            )
            for r in calibration_rows
        ]
        listens = [
            e
            for e in reversed(self._audit.entries(action="recordings.", limit=100_000))
            if e.action in ("recordings.play", "recordings.play_for_calibration", "recordings.retrieve_for_coach")
            and e.result == "allowed"
            and employee_id in employees_in_detail(e.detail)
            and (periods is None or _within(periods, datetime.fromisoformat(e.occurred_at)))
        ]
        return SubjectAccessData(
            employee,
            self._clock().date(),
            user.display_name,
            assignments,
            evaluations,
            listens,
            periods,
            self_evaluations,
            calibrations,
            {e.guideline_hash: guideline(e.guideline_hash) for e, _coach in evaluations},
            {account.username: account.display_name for account in accounts},
        )

    def export(
        self, user: User, data: SubjectAccessData, out: Path, render: Callable[[SubjectAccessData, Path], None]
    ) -> Path:
        out = write_atomically(out, lambda path: render(data, path))
        self._audit.record_for(
            user,
            "subject_access.exported",
            object_type="employee",
            object_id=data.employee.id,
            detail=(
                f"evaluations {len(data.evaluations)}; listens {len(data.listens)}; "
                f"self-evaluations {len(data.self_evaluations)}; calibrations {len(data.calibrations)}"
            ),
        )
        return out
