"""The one access policy: every role x action pair, employee scoping, purposes, and that decisions are audited."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from nunrec_desktop.app import Services
from nunrec_desktop.domain import AccessDenied, Action, Role, User
from nunrec_desktop.services.access import (
    EMPLOYEE_SCOPED,
    ROLE_ACTIONS,
    SELF_EVALUATION_PURPOSE,
    CalibrationAccess,
    Target,
)
from tests.conftest import TEST_PASSWORD

EXPECTED = {
    # (role, action): allowed?
    (Role.COACH, Action.LIST_RECORDINGS): True,
    (Role.COACH, Action.PLAY_RECORDING): True,
    (Role.COACH, Action.RETRIEVE_FOR_COACH): False,
    (Role.COACH, Action.EVALUATE): True,
    (Role.COACH, Action.READ_EVALUATIONS): True,
    (Role.COACH, Action.EXPORT_FEEDBACK): True,
    (Role.COACH, Action.ADMINISTER_USERS): False,
    (Role.COACH, Action.ADMINISTER_EMPLOYEES): False,
    (Role.COACH, Action.STORE_SETTINGS): False,
    (Role.COACH, Action.ERASE_RECORDING): True,
    (Role.COACH, Action.READ_AUDIT): False,
    (Role.COACH, Action.RUN_RETENTION): False,
    (Role.COACH, Action.SUBJECT_ACCESS): True,
    (Role.COACH, Action.SHARE_FOR_CALIBRATION): True,
    (Role.COACH, Action.CALIBRATE): True,
    (Role.COACH, Action.LISTEN_FOR_CALIBRATION): True,
    (Role.COACH, Action.SELF_EVALUATE): True,
    (Role.IT, Action.LIST_RECORDINGS): False,
    (Role.IT, Action.PLAY_RECORDING): False,
    (Role.IT, Action.RETRIEVE_FOR_COACH): True,
    (Role.IT, Action.EVALUATE): False,
    (Role.IT, Action.READ_EVALUATIONS): False,
    (Role.IT, Action.EXPORT_FEEDBACK): False,
    (Role.IT, Action.ADMINISTER_USERS): True,
    (Role.IT, Action.ADMINISTER_EMPLOYEES): True,
    (Role.IT, Action.STORE_SETTINGS): True,
    (Role.IT, Action.ERASE_RECORDING): True,
    (Role.IT, Action.READ_AUDIT): True,
    (Role.IT, Action.RUN_RETENTION): True,
    (Role.IT, Action.SUBJECT_ACCESS): True,
    (Role.IT, Action.SHARE_FOR_CALIBRATION): False,
    (Role.IT, Action.CALIBRATE): False,
    (Role.IT, Action.LISTEN_FOR_CALIBRATION): False,
    (Role.IT, Action.SELF_EVALUATE): False,
}


def test_the_table_covers_every_pair() -> None:
    assert set(EXPECTED) == {(r, a) for r in Role for a in Action}
    assert set(Role) == {Role.COACH, Role.IT}, "no role for a manager may ever exist (P5)"


@pytest.mark.parametrize(("role", "action"), sorted(EXPECTED, key=str))
def test_every_role_action_pair(services: Services, admin: User, role: Role, action: Action) -> None:
    user = services.accounts.add(admin, f"{role}-user", role, "x", TEST_PASSWORD)
    # An employee-scoped action needs an employee in its target (fail closed); this coach coaches E1.
    services.people.add_employee("E1", "Anouk de Vries")
    if role is Role.COACH:
        services.people.assign(user.id, "E1", date(2026, 1, 1))
    employees = ("E1",) if action in EMPLOYEE_SCOPED else ()
    before = len(services.audit.entries())
    purpose = "verzoek van de coach (ticket 12)" if action is Action.RETRIEVE_FOR_COACH else ""
    calibrating = action in (Action.SHARE_FOR_CALIBRATION, Action.CALIBRATE, Action.LISTEN_FOR_CALIBRATION)
    purpose = "kalibratie" if calibrating else purpose
    purpose = SELF_EVALUATION_PURPOSE if action is Action.SELF_EVALUATE else purpose
    kind = {Action.CALIBRATE: "calibration", Action.LISTEN_FOR_CALIBRATION: "recording"}.get(action, "thing")
    target = Target(kind, "t-1", employees)
    if action is Action.LISTEN_FOR_CALIBRATION:  # a participant of an open calibration, the call of E1
        target = Target(kind, "t-1", ("E1",), calibration=CalibrationAccess("1", True, True))
    if EXPECTED[(role, action)]:
        services.policy.require(user, action, target, purpose=purpose)
        result = "allowed"
    else:
        with pytest.raises(AccessDenied) as denied:
            services.policy.require(user, action, target, purpose=purpose)
        assert "mag je geen" in str(denied.value)
        result = "denied"
    [entry] = services.audit.entries()[: len(services.audit.entries()) - before]
    assert (entry.actor, entry.role, entry.action, entry.result) == (
        user.username,
        str(role),
        str(action),
        result,
    )
    assert (entry.object_type, entry.object_id) == (kind, "t-1")
    assert ROLE_ACTIONS[role].__contains__(action) is EXPECTED[(role, action)]


def test_coach_only_for_assigned_employees_at_the_time(services: Services, coach: User) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.add_employee("E2", "Bram Jansen")
    services.people.assign(coach.id, "E1", date(2026, 10, 1), date(2026, 10, 31))
    inside = datetime(2026, 10, 15, 10, 0, tzinfo=services.clock().tzinfo)
    after = inside + timedelta(days=30)
    assert services.policy.permits(coach, Action.PLAY_RECORDING, Target("recording", "r", ("E1",), inside))
    assert not services.policy.permits(coach, Action.PLAY_RECORDING, Target("recording", "r", ("E1",), after))
    assert not services.policy.permits(coach, Action.PLAY_RECORDING, Target("recording", "r", ("E2",), inside))
    # A transferred call is visible when one of its employees is the coach's.
    assert services.policy.permits(coach, Action.PLAY_RECORDING, Target("recording", "r", ("E2", "E1"), inside))
    with pytest.raises(AccessDenied, match="niet onder jouw coaching"):
        services.policy.require(coach, Action.EXPORT_FEEDBACK, Target("employee", "E2", ("E2",)))


def test_retrieval_by_it_needs_the_coachs_request_as_purpose(services: Services, it_user: User) -> None:
    with pytest.raises(AccessDenied, match="op verzoek van de coach"):
        services.policy.require(it_user, Action.RETRIEVE_FOR_COACH, Target("recording", "r1"))
    services.policy.require(it_user, Action.RETRIEVE_FOR_COACH, Target("recording", "r1"), purpose="verzoek coach")
    allowed, denied = services.audit.entries()[:2]
    assert denied.result == "denied" and allowed.result == "allowed" and allowed.purpose == "verzoek coach"


def test_disabled_accounts_are_refused(services: Services) -> None:
    user = User(id=1, username="gone", role=Role.COACH, display_name="x", disabled=True)
    with pytest.raises(AccessDenied, match="uitgeschakeld"):
        services.policy.require(user, Action.LIST_RECORDINGS)


def test_permits_does_not_audit(services: Services, coach: User) -> None:
    before = len(services.audit.entries())
    services.policy.permits(coach, Action.READ_AUDIT)
    assert len(services.audit.entries()) == before


def test_calibration_needs_its_purpose_and_one_shared_call(services: Services, admin: User) -> None:
    """Issue 26: sharing and taking part only with the purpose "kalibratie"; taking part only in one named
    calibration (never "any call"); sharing only a call of an employee the coach coaches."""
    coach = services.accounts.add(admin, "cal-coach", Role.COACH, "x", TEST_PASSWORD)
    services.people.add_employee("E1", "Anouk de Vries")
    for action, target, purpose in (
        (Action.CALIBRATE, Target("calibration", "3"), ""),
        (Action.CALIBRATE, Target("recording", "rec-1"), "kalibratie"),
        (Action.CALIBRATE, Target("calibration", ""), "kalibratie"),
        (Action.SHARE_FOR_CALIBRATION, Target("evaluation", "1", ("E1",)), "kalibratie"),  # not coached
        (Action.SHARE_FOR_CALIBRATION, Target("evaluation", "1", ()), "kalibratie"),
    ):
        with pytest.raises(AccessDenied):
            services.policy.require(coach, action, target, purpose=purpose)
    services.policy.require(coach, Action.CALIBRATE, Target("calibration", "3"), purpose="kalibratie")


def test_a_listen_for_calibration_needs_an_open_calibration_the_coach_takes_part_in(
    services: Services, admin: User
) -> None:
    """LISTEN_FOR_CALIBRATION is not employee-scoped (the other coach does not coach the employee): the calibration
    is the scope. Not taking part, closed, another purpose, no employee, or a recording the protocol keeps shut:
    no, and every decision audited with the purpose."""
    henk = services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    services.people.add_employee("E1", "Anouk de Vries")  # Henk does not coach her
    open_one = CalibrationAccess("4", True, True)

    def decide(target: Target, purpose: str = "kalibratie") -> str:
        return services.policy.decide(henk, Action.LISTEN_FOR_CALIBRATION, target, purpose).reason

    assert services.policy.permits(
        henk, Action.LISTEN_FOR_CALIBRATION, Target("recording", "r", ("E1",), calibration=open_one), "kalibratie"
    )
    assert not services.policy.permits(henk, Action.PLAY_RECORDING, Target("recording", "r", ("E1",)), "kalibratie")
    assert "open kalibratie waaraan je meedoet" in decide(Target("recording", "r", ("E1",)))
    outsider = CalibrationAccess("4", False, True)
    assert "open kalibratie waaraan je meedoet" in decide(Target("recording", "r", ("E1",), calibration=outsider))
    closed = CalibrationAccess("4", True, False)
    assert "afgerond" in decide(Target("recording", "r", ("E1",), calibration=closed))
    assert "doel kalibratie" in decide(Target("recording", "r", ("E1",), calibration=open_one), "coaching")
    assert "niet aan een medewerker" in decide(Target("recording", "r", (), calibration=open_one))
    old = Target("recording", "r", ("E1",), protocol_violation="too_old", calibration=open_one)
    assert "30 dagen" in decide(old)
    assert "verwijderd" in decide(Target("recording", "r", ("E1",), protocol_violation="erased", calibration=open_one))
    with pytest.raises(AccessDenied, match="afgerond"):
        services.policy.require(
            henk, Action.LISTEN_FOR_CALIBRATION, Target("recording", "r", ("E1",), calibration=closed), "kalibratie"
        )
    [entry] = services.audit.entries(action="recordings.play_for_calibration")
    assert (entry.actor, entry.result, entry.purpose, entry.object_id) == ("henk", "denied", "kalibratie", "r")


def test_a_self_evaluation_is_its_own_action_for_a_coach_while_listening_together(
    services: Services, coach: User, admin: User
) -> None:
    """SELF_EVALUATE: a coach of the employee, with the purpose of listening together; IT never (no role may)."""
    dennis = services.accounts.add(admin, "dennis", Role.IT, "Dennis Schouten", TEST_PASSWORD)
    henk = services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    target = Target("recording", "r", ("E1",))
    assert services.policy.permits(coach, Action.SELF_EVALUATE, target, SELF_EVALUATION_PURPOSE)
    refusals = {
        "it": services.policy.decide(dennis, Action.SELF_EVALUATE, target, SELF_EVALUATION_PURPOSE).reason,
        "other coach": services.policy.decide(henk, Action.SELF_EVALUATE, target, SELF_EVALUATION_PURPOSE).reason,
        "purpose": services.policy.decide(coach, Action.SELF_EVALUATE, target, "coaching").reason,
        "no employee": services.policy.decide(
            coach, Action.SELF_EVALUATE, Target("recording", "r"), SELF_EVALUATION_PURPOSE
        ).reason,
    }
    assert "IT-medewerker mag je geen eigen beoordelingen" in refusals["it"]
    assert "niet onder jouw coaching" in refusals["other coach"]
    assert "samen luisteren" in refusals["purpose"]
    assert "niet aan een medewerker" in refusals["no employee"]
