"""The call measures kept with the coach's evaluation (numbers only), so that the employee's own trend per
coaching cycle is in the Dialog pack after the recordings are gone; through the app and through the service."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from nunrec_desktop.adapters.db.models import EvaluationRow
from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.services.call_metrics import CallFigures
from nunrec_desktop.services.evaluations import Answer, EvaluationContent
from nunrec_desktop.services.reports import measures_per_cycle
from nunrec_desktop.ui.translations import install_translators
from tests.call_signals import stereo_call, wav_bytes
from tests.conftest import FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.test_ui_evaluation import answer_all
from tests.ui_dialogs import click_in_next_dialog
from tests.ui_session import sign_in_app


def figures(talk_share: float, hold_s: float, holds: int = 1, overlaps: int = 2) -> CallFigures:
    return CallFigures(
        duration_s=120.0,
        two_sided=True,
        talk_share_employee=talk_share,
        holds=holds,
        hold_total_s=hold_s,
        longest_hold_s=hold_s,
        overlaps=overlaps,
        overlap_total_s=1.5 * overlaps,
        longest_monologue_employee_s=20.0,
        longest_monologue_caller_s=12.0,
        turns=14,
    )


def evaluate(
    services: Services,
    coach: User,
    clock: FakeClock,
    index: int,
    days_ago: int,
    measures: CallFigures | None,
    new_cycle: bool = False,
) -> None:
    guideline = services.guideline()
    start = clock.now - timedelta(days=days_ago)
    add_recording(services.workspace.store_path, f"rec-{index}", start, duration=120.0)
    answers = {
        c.key: Answer("goed" if "goed" in c.scale.options else "ja") for s in guideline.sections for c in s.criteria
    }
    saved_now = clock.now
    clock.now = start + timedelta(hours=1)
    if new_cycle:
        services.cycle_book.start(coach, "E1")
    draft = services.evaluations.for_recording(coach, guideline, "E1", f"rec-{index}", start, 120.0)
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(answers=answers, measures=measures))
    services.evaluations.submit(coach, draft.id, guideline, services.guard())
    clock.now = saved_now


def test_the_coach_evaluating_a_call_keeps_its_measures_as_numbers(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    translators = install_translators(qapp)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    add_recording(
        services.workspace.store_path,
        "rec-1",
        clock.now - timedelta(days=1),
        duration=40.0,
        audio=wav_bytes(stereo_call()),
    )
    controller, window, recordings = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    try:
        window.resize(1500, 900)
        qtbot.waitUntil(lambda: recordings.model.rowCount() == 1, timeout=10_000)
        recordings.table.doubleClicked.emit(recordings.model.index(0, 0))
        form = controller.form
        assert form is not None
        qtbot.waitUntil(lambda: form.evaluation is not None, timeout=10_000)
        player = controller.player
        assert player is not None
        # as a coach who has heard the call: the measures are computed after the first paint and shown by then
        qtbot.waitUntil(lambda: not player.loading and not player.measuring, timeout=20_000)
        answer_all(qtbot, form)
        click_in_next_dialog("Start een nieuwe cyclus")  # no cycle runs yet: the coach says yes
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
        assert form.evaluation is not None and form.evaluation.status == "submitted"
    finally:
        controller.shutdown()
        for translator in translators:
            qapp.removeTranslator(translator)
    with services.sessions() as session:
        [row] = session.execute(select(EvaluationRow)).scalars().all()
    stored = json.loads(row.content)["measures"]
    assert all(isinstance(v, int | float | bool) or v is None for v in stored.values())  # numbers, no times, no audio
    assert stored["two_sided"] is True and stored["holds"] == 2 and stored["overlaps"] == 1 and stored["turns"] == 6
    assert stored["talk_share_employee"] == pytest.approx(0.65, abs=0.02)
    assert stored["longest_hold_s"] == pytest.approx(5.3, abs=0.15)


def test_the_trend_per_cycle_averages_the_employees_own_calls(
    services: Services, coach: User, clock: FakeClock
) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    evaluate(services, coach, clock, 0, 40, figures(0.70, 30.0), new_cycle=True)
    evaluate(services, coach, clock, 1, 39, figures(0.60, 10.0, holds=3))
    evaluate(services, coach, clock, 2, 38, None)  # evaluated before measures existed: left out of the average
    evaluate(services, coach, clock, 3, 5, figures(0.52, 4.0, overlaps=0), new_cycle=True)
    data = services.reports.gather(coach, "E1", None, None)
    first, second = measures_per_cycle(data.cycles)
    assert first is not None and second is not None
    assert first.calls == 2 and first.talk_share_employee == pytest.approx(0.65)
    assert first.hold_s_per_call == pytest.approx(20.0) and first.holds_per_call == pytest.approx(2.0)
    assert second.calls == 1 and second.talk_share_employee == pytest.approx(0.52)
    assert second.overlaps_per_call == 0.0


def test_the_dialog_pack_shows_the_trend_without_the_recordings(
    services: Services, coach: User, clock: FakeClock, tmp_path: Path
) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    evaluate(services, coach, clock, 0, 40, figures(0.70, 30.0), new_cycle=True)
    evaluate(services, coach, clock, 1, 39, figures(0.60, 10.0, holds=3))
    evaluate(services, coach, clock, 3, 5, figures(0.52, 4.0, overlaps=0), new_cycle=True)
    for recording in services.workspace.store_path.rglob("rec-*"):
        recording.unlink()  # the recordings are gone (30 days); the figures stay with the evaluations
    out = services.exports.document(coach, "dialog", "E1", tmp_path / "dialog.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "Hoe je gesprekken verliepen" in text
    assert "65 %" in text and "52 %" in text  # the employee's own talk share per cycle
    assert "0:20" in text and "0:04" in text  # silence per call, per cycle (m:ss, as on screen)
    assert "Geen score" in text
    for word in ("collega", "gemiddelde van het team", "ranglijst"):
        assert word not in text.lower().replace("geen vergelijking met collega's", "")


def test_no_measures_no_section(services: Services, coach: User, clock: FakeClock, tmp_path: Path) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    evaluate(services, coach, clock, 0, 5, None)
    out = services.exports.document(coach, "dialog", "E1", tmp_path / "dialog.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Hoe je gesprekken verliepen" not in text


def test_the_dialog_pack_breaks_no_word_in_its_cells(
    services: Services, coach: User, clock: FakeClock, tmp_path: Path
) -> None:
    """Each cycle's label ("11-10 (2)") stays on one line, and "geen metingen" is not cut in the narrow
    "Aantal" column: read back from the PDF, line by line."""
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    evaluate(services, coach, clock, 0, 40, figures(0.70, 30.0), new_cycle=True)
    evaluate(services, coach, clock, 1, 39, figures(0.60, 10.0, holds=3))
    evaluate(services, coach, clock, 2, 20, None, new_cycle=True)
    evaluate(services, coach, clock, 3, 5, figures(0.52, 4.0, overlaps=0), new_cycle=True)
    out = services.exports.document(coach, "dialog", "E1", tmp_path / "dialog.pdf")
    reader = PdfReader(out)
    start = reader.pages[0].extract_text() + "\n" + reader.pages[1].extract_text()
    section = start[start.index("Hoe je gesprekken verliepen") : start.index("Spreektijd: jouw deel")]
    lines = [line.strip() for line in section.splitlines()]
    labels = [
        f"{(clock.now - timedelta(days=d) + timedelta(hours=1)).astimezone():%d-%m} ({n})" for d, n in ((40, 2), (5, 1))
    ]
    for label in labels:
        assert any(line.startswith(label) for line in lines), (label, lines)
    assert any("geen metingen" in line for line in lines), lines
    for word in ("spreektijd", "monoloog", "gesprek"):
        assert not any(line.endswith(word[:4]) for line in lines), lines
