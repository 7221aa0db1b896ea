"""Which calls were drawn (issue 26): the employee's feedback PDF lists the cycle's drawn calls with date, time
and duration, says in plain Dutch how they were drawn (seed, minimum duration, not yet evaluated, spread), and
which were replaced; an older draw that kept no facts of its calls still reads."""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import update

from nunrec_desktop.adapters.db.models import DrawRow
from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.services.draws import ReplaceReason
from nunrec_desktop.services.evaluations import Answer, EvaluationContent
from tests.conftest import FakeClock
from tests.recordings_factory import add_recording, tone_audio


@pytest.fixture
def drawn(services: Services, coach: User, clock: FakeClock) -> User:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    audio = tone_audio(1.0)
    for day in range(1, 6):
        for hour, duration in ((9, 125.0), (16, 305.0)):
            start = (clock.now - timedelta(days=day)).replace(hour=hour, minute=10 + day, second=0, microsecond=0)
            add_recording(services.workspace.store_path, f"rec-{day}-{hour}", start, duration=duration, audio=audio)
    return coach


def _evaluate(services: Services, coach: User, recording_id: str) -> None:
    guideline = services.guideline()
    recording = next(r for r in services.catalog.visible_for(coach, "E1").items if r.id == recording_id)
    draft = services.evaluations.for_recording(
        coach, guideline, "E1", recording.id, recording.start, recording.duration_s
    )
    answers = {c.key: Answer(c.scale.options[0]) for s in guideline.sections for c in s.criteria}
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(answers=answers))
    services.evaluations.submit(coach, draft.id, guideline, services.guard())


def _text(path: Path) -> str:
    return " ".join("\n".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_the_feedback_pdf_lists_the_drawn_calls_how_and_the_replaced(
    services: Services, drawn: User, tmp_path: Path
) -> None:
    draw = services.draws.draw(drawn, "E1", 3, seed=4711)
    replaced = draw.picks[1]
    after = services.draws.replace(drawn, draw.id, replaced.id, ReplaceReason("technical"))
    _evaluate(services, drawn, after.picks[0].id)
    out = services.exports.document(drawn, "feedback", "E1", tmp_path / "terugkoppeling.pdf")
    text = _text(out)
    assert "Welke gesprekken zijn getrokken" in text
    assert "willekeurig getrokken uit de 10 gesprekken van jou" in text and "minstens 60 seconden" in text
    assert "met lotnummer 4711 levert dezelfde trekking dezelfde gesprekken op" in text
    for recording in after.picks:
        moment = recording.start.astimezone().strftime("%d-%m-%Y om %H:%M")
        assert f"Gesprek van {moment}" in text, moment
    old = replaced.start.astimezone().strftime("%d-%m-%Y om %H:%M")
    assert f"Gesprek van {old}" in text and "vervangen: technisch mankement in de opname" in text
    assert "1 getrokken gesprek is vervangen" in text
    assert text.count("getrokken, niet beoordeeld") == 2 and "beoordeeld" in text
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(out), str(png)], check=True)
    assert list(tmp_path.glob("page*.png"))


def test_an_older_draw_without_kept_facts_still_reads(services: Services, drawn: User, tmp_path: Path) -> None:
    draw = services.draws.draw(drawn, "E1", 2, seed=12)
    _evaluate(services, drawn, draw.picks[0].id)
    with services.sessions.begin() as session:  # as a draw made before this change was stored
        row = session.get(DrawRow, draw.id)
        assert row is not None
        parameters = json.loads(row.parameters)
        del parameters["calls"]
        session.execute(update(DrawRow).where(DrawRow.id == draw.id).values(parameters=json.dumps(parameters)))
    text = _text(services.exports.document(drawn, "feedback", "E1", tmp_path / "t.pdf"))
    evaluated = draw.picks[0].start.astimezone().strftime("%d-%m-%Y om %H:%M")
    assert f"Gesprek van {evaluated}" in text  # known from its evaluation
    assert "Gesprek van niet meer bekend" in text  # the other call is gone and the old draw kept no moment


def test_without_a_draw_the_pdf_says_so(services: Services, drawn: User, tmp_path: Path) -> None:
    services.cycle_book.start(drawn, "E1")
    _evaluate(services, drawn, "rec-1-9")
    text = _text(services.exports.document(drawn, "feedback", "E1", tmp_path / "t.pdf"))
    assert "Voor deze gesprekken is geen trekking gedaan" in text
