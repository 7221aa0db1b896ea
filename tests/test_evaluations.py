"""5A evaluations: autosaved drafts that survive a killed process, submission rules, revisions that keep
history, per-coach isolation, and the guideline version kept with each evaluation."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from nunrec_desktop.app import Services
from nunrec_desktop.domain import AccessDenied, InvalidInput, Mark, Role, User
from nunrec_desktop.services.evaluations import Answer, EvaluationContent, KeptFinding
from nunrec_desktop.services.guideline import Guideline, load_guideline
from tests.conftest import TEST_PASSWORD, FakeClock
from tests.recordings_factory import add_recording


@pytest.fixture
def setup(services: Services, admin: User, coach: User, clock: FakeClock) -> tuple[User, User, Guideline]:
    other = services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    services.people.assign(other.id, "E1", date(2026, 1, 1))  # two coaches for one employee, on purpose
    add_recording(services.workspace.store_path, "rec-1", clock.now - timedelta(days=1))
    return coach, other, services.guideline()


def complete_answers(guideline: Guideline) -> dict[str, Answer]:
    return {
        c.key: Answer("goed" if "goed" in c.scale.options else "ja") for s in guideline.sections for c in s.criteria
    }


def open_draft(services: Services, user: User, guideline: Guideline, clock: FakeClock):  # type: ignore[no-untyped-def]
    return services.evaluations.for_recording(user, guideline, "E1", "rec-1", clock.now - timedelta(days=1), 2.0)


def test_draft_is_autosaved_and_offered_again(services: Services, setup, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    coach, _, guideline = setup
    draft = open_draft(services, coach, guideline, clock)
    assert (draft.status, draft.revision, draft.guideline_version) == ("draft", 1, guideline.version)
    content = EvaluationContent(tops="Warme opening", marks=[Mark(12.5, "goede samenvatting")])
    content.answers["welkomstgroet"] = Answer("goed")
    services.evaluations.save_draft(coach, draft.id, content)
    [offered] = services.evaluations.drafts(coach)
    assert offered.id == draft.id and offered.content == content
    assert open_draft(services, coach, guideline, clock).id == draft.id  # the same draft, not a new one


def test_submit_refuses_until_complete_and_free_of_caller_data(services: Services, setup, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    coach, _, guideline = setup
    draft = open_draft(services, coach, guideline, clock)
    guard = services.guard()
    with pytest.raises(InvalidInput, match="is niet beantwoord"):
        services.evaluations.submit(coach, draft.id, guideline, guard)
    answers = complete_answers(guideline)
    answers["doorvragen"] = Answer("verbeterpunt")
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(answers=answers))
    with pytest.raises(InvalidInput, match="hoort een toelichting"):
        services.evaluations.submit(coach, draft.id, guideline, guard)
    answers["doorvragen"] = Answer("verbeterpunt", "Vraag door tot de kern, niet na één vraag stoppen.")
    notes = "Meneer Jansen belde vanaf 06-12345678; medewerker bleef rustig."
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(answers=answers, notes=notes))
    with pytest.raises(InvalidInput, match="2 mogelijke gegevens van de beller"):
        services.evaluations.submit(coach, draft.id, guideline, guard)
    kept = [KeptFinding("notes", "naam", "Meneer Jansen", "")]  # kept as nothing does not count
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(answers=answers, notes=notes, kept=kept))
    with pytest.raises(InvalidInput, match="2 mogelijke"):
        services.evaluations.submit(coach, draft.id, guideline, guard)
    masked = "[naam] belde vanaf [telefoonnummer]; medewerker bleef rustig."
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(answers=answers, notes=masked))
    submitted = services.evaluations.submit(coach, draft.id, guideline, guard)
    assert submitted.status == "submitted" and submitted.submitted_at == clock.now
    assert services.evaluations.evaluated_recordings(coach) == {"rec-1"}
    with pytest.raises(InvalidInput, match="al ingediend"):
        services.evaluations.save_draft(coach, draft.id, EvaluationContent())


def test_a_name_kept_as_a_colleagues_allows_submission(services: Services, setup, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    coach, _, guideline = setup
    draft = open_draft(services, coach, guideline, clock)
    notes = "Noemde mevrouw De Vries als collega bij wie de beller terecht kan."
    content = EvaluationContent(
        answers=complete_answers(guideline),
        notes=notes,
        kept=[KeptFinding("notes", "naam", "mevrouw De Vries", "collega")],
    )
    services.evaluations.save_draft(coach, draft.id, content)
    assert services.evaluations.submit(coach, draft.id, guideline, services.guard()).status == "submitted"


def test_revisions_keep_history(services: Services, setup, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    coach, _, guideline = setup
    draft = open_draft(services, coach, guideline, clock)
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(answers=complete_answers(guideline), tips="A"))
    first = services.evaluations.submit(coach, draft.id, guideline, services.guard())
    assert open_draft(services, coach, guideline, clock).id == first.id  # reopening shows the submitted one
    clock.advance(days=1)
    second = services.evaluations.revise(coach, first.id)
    assert (second.revision, second.supersedes_id, second.status, second.content.tips) == (2, first.id, "draft", "A")
    services.evaluations.save_draft(coach, second.id, EvaluationContent(answers=complete_answers(guideline), tips="B"))
    services.evaluations.submit(coach, second.id, guideline, services.guard())
    history = services.evaluations.history(coach, "rec-1")
    assert [(e.revision, e.status, e.content.tips) for e in history] == [(1, "submitted", "A"), (2, "submitted", "B")]


def test_one_coach_never_sees_another_coachs_work(services: Services, setup, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    coach, other, guideline = setup
    mine = open_draft(services, coach, guideline, clock)
    services.evaluations.save_draft(coach, mine.id, EvaluationContent(tips="alleen voor mij"))
    theirs = open_draft(services, other, guideline, clock)
    assert theirs.id != mine.id and theirs.content.tips == ""
    assert services.evaluations.drafts(other) == [theirs]
    assert services.evaluations.history(other, "rec-1") == [theirs]
    with pytest.raises(InvalidInput, match="bestaat niet"):
        services.evaluations.save_draft(other, mine.id, EvaluationContent(tips="overschreven"))
    with pytest.raises(InvalidInput, match="bestaat niet"):
        services.evaluations.submit(other, mine.id, guideline, services.guard())


def test_only_the_employees_coach_may_evaluate(services: Services, setup, clock: FakeClock, it_user: User) -> None:  # type: ignore[no-untyped-def]
    _, _, guideline = setup
    with pytest.raises(AccessDenied):
        open_draft(services, it_user, guideline, clock)
    services.people.add_employee("E2", "Bram Jansen")
    coach = setup[0]
    with pytest.raises(AccessDenied, match="niet onder jouw coaching"):
        services.evaluations.for_recording(coach, guideline, "E2", "rec-x", clock.now, 1.0)


def test_replacing_the_guideline_never_changes_an_old_evaluation(
    services: Services, setup, clock: FakeClock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    coach, _, guideline = setup
    draft = open_draft(services, coach, guideline, clock)
    changed = tmp_path / "new.toml"
    changed.write_text(
        guideline.source.replace('version = "2026.1-standaard"', 'version = "2027.1"').replace(
            "Welkomstgroet volgens afspraak", "Begroeting"
        ),
        encoding="utf-8",
    )
    new_guideline = load_guideline(changed)
    assert new_guideline.version == "2027.1"
    kept = services.evaluations.guideline_of(draft)
    assert kept.version == guideline.version and kept.content_hash == guideline.content_hash
    assert kept.criterion("aanvang", "welkomstgroet").text.startswith("Welkomstgroet volgens afspraak")


KILLED_WRITER = """
import os, sys, time
from datetime import datetime, timedelta
from pathlib import Path
from nunrec_desktop.app import open_services
from nunrec_desktop.services.evaluations import EvaluationContent
now = datetime.fromisoformat(sys.argv[2])
services = open_services(Path(sys.argv[1]), clock=lambda: now, keyring_factory=lambda: None)
coach = services.accounts.find("marieke")
draft = services.evaluations.for_recording(coach, services.guideline(), "E1", "rec-1", now - timedelta(days=1), 2.0)
services.evaluations.save_draft(coach, draft.id, EvaluationContent(tips="niet kwijtraken", notes="half af"))
print(draft.id, flush=True)
time.sleep(60)
"""


def test_a_draft_survives_a_killed_process(services: Services, setup, clock: FakeClock, workspace_dir: Path) -> None:  # type: ignore[no-untyped-def]
    coach, _, _ = setup
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(workspace_dir), clock.now.isoformat()],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert process.stdout is not None
    draft_id = int(process.stdout.readline())
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    [recovered] = services.evaluations.drafts(coach)
    assert recovered.id == draft_id and recovered.content.tips == "niet kwijtraken"
