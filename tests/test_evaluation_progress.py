"""What is open in an evaluation and which chosen call is next (services/evaluation_progress.py): the same
rules that submitting checks, and the next not-yet-evaluated pick of the employee's latest draw."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nunrec_desktop.app import Services
from nunrec_desktop.domain import InvalidInput, User
from nunrec_desktop.services.evaluation_progress import NEEDS_COMMENT, NOT_ANSWERED, open_items
from nunrec_desktop.services.evaluations import Answer, Evaluation, EvaluationContent
from tests.conftest import FakeClock
from tests.recordings_factory import add_recording


def test_open_items_follow_the_rules_that_submitting_checks(services: Services, coach: User, clock: FakeClock) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    guideline = services.guideline()
    criteria = [c for s in guideline.sections for c in s.criteria]
    draft = services.evaluations.for_recording(coach, guideline, "E1", "rec-1", clock.now, 90.0)
    answers = {c.key: Answer(c.scale.options[0]) for c in criteria}
    needs_comment = next(c for c in criteria[1:] if c.scale.comment_required_for)
    answers[needs_comment.key] = Answer(needs_comment.scale.comment_required_for[0])
    del answers[criteria[0].key]
    content = EvaluationContent(answers=answers)
    items = open_items(content, guideline)
    assert [(i.criterion_key, i.what) for i in items] == [
        (criteria[0].key, NOT_ANSWERED),
        (needs_comment.key, NEEDS_COMMENT),
    ]
    services.evaluations.save_draft(coach, draft.id, content)
    with pytest.raises(InvalidInput):
        services.evaluations.submit(coach, draft.id, guideline, services.guard())
    answers[criteria[0].key] = Answer(criteria[0].scale.options[0])
    answers[needs_comment.key] = Answer(needs_comment.scale.comment_required_for[0], "kort toegelicht")
    done = EvaluationContent(answers=answers)
    assert open_items(done, guideline) == []
    services.evaluations.save_draft(coach, draft.id, done)
    assert services.evaluations.submit(coach, draft.id, guideline, services.guard()).status == "submitted"


def test_the_next_chosen_call_skips_evaluated_picks_and_wraps(
    services: Services, coach: User, clock: FakeClock
) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    for number in range(5):
        add_recording(services.workspace.store_path, f"rec-{number}", clock.now - timedelta(days=number + 1))
    desk = services.desk_for(coach)
    draw = services.draws.draw(coach, "E1", 3, seed=11, min_duration_s=0)
    a, b, c = (r.id for r in draw.picks)
    guideline = services.guideline()
    answers = {x.key: Answer(x.scale.options[0]) for s in guideline.sections for x in s.criteria}

    def evaluate(recording_id: str) -> Evaluation:
        [visible] = [r for r in services.catalog.visible_for(coach).items if r.id == recording_id]
        evaluation = desk.begin_evaluation(desk.evaluation_of(visible)[0])
        desk.save_draft(evaluation.id, EvaluationContent(answers=answers))
        return desk.submit(evaluation.id)

    first = evaluate(b)
    following = desk.next_chosen_call(first)
    assert following is not None and following.id == c  # the one after it in the draw
    last = evaluate(c)
    wrapped = desk.next_chosen_call(last)
    assert wrapped is not None and wrapped.id == a  # back to the first that is still open
    done = evaluate(a)
    assert desk.next_chosen_call(done) is None
