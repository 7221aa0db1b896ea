"""The employee's own voice (issue 26, P4): while listening together the employee fills in the same 5A form for
their own call before seeing the coach's; then a per-criterion comparison; the answers are the employee's record
(never a coach's score), appear in the feedback PDF as "jouw eigen beoordeling", and `nunrec evaluations --json`
lists them as `self` evaluations."""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from nunrec_desktop.app import Services
from nunrec_desktop.domain import AccessDenied, InvalidInput, Role, User
from nunrec_desktop.services.coach_desk import CoachDesk
from nunrec_desktop.services.evaluations import Answer, EvaluationContent
from tests.conftest import TEST_PASSWORD, FakeClock
from tests.recordings_factory import add_recording, tone_audio
from tests.test_cli_coaching import run  # noqa: F401 (the fixture)


def _own(services: Services, differ: str) -> dict[str, str]:
    return {
        c.key: ("verbeterpunt" if c.key == differ else c.scale.options[0])
        for s in services.guideline().sections
        for c in s.criteria
    }


def test_self_evaluation_while_listening_together(  # type: ignore[no-untyped-def]
    run,  # noqa: F811
    services: Services,
    coach: User,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.add_employee("E2", "Bram Jansen")
    for employee in ("E1", "E2"):
        services.people.assign(coach.id, employee, date(2026, 1, 1))
    start = clock.now - timedelta(days=1)
    add_recording(services.workspace.store_path, "rec-a", start, duration=95.0, audio=tone_audio(1.0))
    add_recording(services.workspace.store_path, "rec-b", start, duration=95.0, audio=tone_audio(1.0), employee="E2")
    desk = services.desk_for(coach)
    assert isinstance(desk, CoachDesk)
    own = _own(services, "doorvragen")
    with pytest.raises(InvalidInput, match="tijdens het samen luisteren"):
        desk.record_self_evaluation("rec-a", own)
    desk.listen_together("E1")
    with pytest.raises(InvalidInput, match="hoort niet bij de medewerker"):
        desk.record_self_evaluation("rec-b", own)  # another colleague's call (P4)
    with pytest.raises(InvalidInput, match="eerst zelf"):
        desk.self_comparison("rec-a")  # the employee answers before seeing the coach's
    with pytest.raises(InvalidInput, match="alle"):
        desk.record_self_evaluation("rec-a", dict(list(own.items())[:3]))
    mine = desk.record_self_evaluation("rec-a", own)
    with pytest.raises(InvalidInput, match="al zelf beoordeeld"):
        desk.record_self_evaluation("rec-a", own)
    assert [c.coach for c in desk.self_comparison("rec-a")] == [None] * len(own)  # the coach has not answered yet

    # The coach's own evaluation of the same call (all the scale's first answer): one criterion differs.
    guideline = services.guideline()
    services.cycle_book.start(coach, "E1")
    draft = services.evaluations.for_recording(coach, guideline, "E1", "rec-a", start, 95.0)
    answers = {c.key: Answer(c.scale.options[0]) for s in guideline.sections for c in s.criteria}
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(answers=answers))
    services.evaluations.submit(coach, draft.id, guideline, services.guard())
    compared = desk.self_comparison("rec-a")
    differing = [c for c in compared if not c.same]
    assert len(differing) == 1 and differing[0].own == "verbeterpunt"
    entries = [e for e in services.audit.entries() if "self-evaluation" in e.detail]
    assert any(e.action == "self_evaluations.write" and e.purpose == "samen luisteren" for e in entries)
    assert not any(e.action == "evaluations.write" for e in entries)  # its own action, not the coach's evaluating

    # Never a score of the coach: the history counts only the coach's evaluation.
    history = desk.history("E1")
    assert len(history.entries) == 1 and history.entries[0].evaluation.id == draft.id

    out = services.exports.document(coach, "feedback", "E1", tmp_path / "f.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Jouw eigen beoordeling" in text and "keek je er anders naar dan de coach" in text
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(out), str(tmp_path / "p")], check=True)

    code, stdout, err = run("evaluations", "--user", "marieke", "--password-stdin", "--employee", "E1", "--json")
    assert code == 0, err
    records = [json.loads(line) for line in stdout.splitlines()]
    [self_record] = [r for r in records if r["source"] == "self"]
    assert self_record["id"] == mine.id and self_record["criteria"] == own
    assert sum(sum(c.values()) for c in self_record["answers"].values()) == len(own)
    assert [r["source"] for r in records].count("recording") == 1


def test_a_self_evaluation_is_refused_to_it_and_to_another_coach(
    services: Services, coach: User, admin: User, clock: FakeClock
) -> None:
    """The policy's own action for the employee's answers: IT (and there is no manager role) and a coach who does
    not coach the employee are refused, each refusal audited as `self_evaluations.write` with the purpose; nothing
    is stored."""
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    dennis = services.accounts.add(admin, "dennis", Role.IT, "Dennis Schouten", TEST_PASSWORD)
    henk = services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    own = _own(services, "doorvragen")
    start = clock.now - timedelta(days=1)
    for user, refusal in ((dennis, "IT-medewerker mag je geen eigen beoordelingen"), (henk, "niet onder jouw")):
        with pytest.raises(AccessDenied, match=refusal):
            services.self_evaluations.record(user, services.guideline(), "E1", "rec-a", start, 95.0, own)
    entries = services.audit.entries(action="self_evaluations.write")
    assert [(e.actor, e.result, e.purpose) for e in entries] == [
        ("henk", "denied", "samen luisteren"),
        ("dennis", "denied", "samen luisteren"),
    ]
    assert services.self_evaluations.of_employee(coach, "E1") == []
    it_desk = services.desk_for(dennis)
    assert not hasattr(it_desk, "record_self_evaluation")  # IT's desk offers no such call at all
