"""The 5A form beside the player, driven with pytest-qt: built from the guideline, keyboard-usable,
autosaved within seconds, guarded against caller data, submitted, and corrected as a new revision."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.ui.application import AppController
from nunrec_desktop.ui.evaluation_form import EvaluationForm
from nunrec_desktop.ui.player_page import PlayerPage
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.ui_session import sign_in_app


@pytest.fixture
def opened_form(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> Iterator[tuple[AppController, EvaluationForm]]:
    translators = install_translators(qapp)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    add_recording(services.workspace.store_path, "rec-1", clock.now - timedelta(days=1), duration=4.0)
    controller, window, recordings = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    assert controller.form is not None
    window.resize(1500, 900)
    qtbot.waitUntil(lambda: recordings.model.rowCount() == 1, timeout=10_000)
    recordings.table.doubleClicked.emit(recordings.model.index(0, 0))
    form = controller.form
    qtbot.waitUntil(lambda: form.evaluation is not None, timeout=10_000)
    yield controller, form
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def answer_all(form: EvaluationForm, choice: str = "goed") -> None:
    for group in form.answer_groups.values():
        buttons = {b.property("answer"): b for b in group.buttons()}
        (buttons.get(choice) or buttons["ja"]).setChecked(True)


def mark_at(qtbot: QtBot, controller: AppController, at_s: float, note: str) -> PlayerPage:
    """Drop a mark with a note in the player, as the coach does with M."""
    player = controller.player
    assert player is not None
    qtbot.waitUntil(lambda: player.engine is not None, timeout=5_000)
    player.seek(at_s)
    player.mark_note.setText(note)
    player.add_mark()
    return player


def test_the_form_follows_the_guideline(opened_form: tuple[AppController, EvaluationForm]) -> None:
    _, form = opened_form
    assert form.guideline is not None
    titles = [box.title() for box in form.body.findChildren(__import__("PySide6.QtWidgets").QtWidgets.QGroupBox)]
    assert titles == ["Aanvang", "Analyse", "Antwoord", "Afsluiting", "Algemeen"]
    assert set(form.answer_groups) == {c.key for s in form.guideline.sections for c in s.criteria}
    assert form.default_notice.isVisible() and "standaard" in form.default_notice.text()
    assert "Concept" in form.status.text()


def test_keyboard_answers_and_autosave(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm], services: Services, coach: User
) -> None:
    _, form = opened_form
    first = form.answer_groups["welkomstgroet"].buttons()[0]
    assert first.focusPolicy() & Qt.FocusPolicy.TabFocus
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    assert first.isChecked()
    qtbot.keyClicks(form.tops, "Warme, volledige welkomstgroet")
    qtbot.waitUntil(lambda: form.saves >= 1, timeout=5_000)  # at most ~2 s behind
    [draft] = services.evaluations.drafts(coach)
    assert draft.content.tops == "Warme, volledige welkomstgroet"
    assert draft.content.answers["welkomstgroet"].answer == first.property("answer")


def test_guard_marks_findings_and_blocks_submission_until_masked(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm], services: Services, coach: User
) -> None:
    _, form = opened_form
    answer_all(form)
    qtbot.keyClicks(form.notes, "Meneer Jansen belde vanaf 06-12345678.")
    qtbot.waitUntil(lambda: form.guard_box.isVisible(), timeout=3_000)
    assert form.findings.count() == 2 and "2 mogelijke gegevens van bellers" in form.findings_title.text()
    assert len(form.notes.extraSelections()) == 2
    form.submit()
    assert "mogelijke gegevens van de beller" in form.message.text()
    assert services.evaluations.drafts(coach), "still a draft"
    qtbot.mouseClick(form.mask_all_button, Qt.MouseButton.LeftButton)
    assert form.notes.toPlainText() == "[naam] belde vanaf [telefoonnummer]."
    assert not form.guard_box.isVisible()
    form.submit()
    assert form.evaluation is not None and form.evaluation.status == "submitted"
    assert "Ingediend op" in form.status.text() and not form.body.isEnabled()
    assert services.evaluations.evaluated_recordings(coach) == {"rec-1"}


def test_keep_with_reason_and_revise(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm], services: Services, coach: User
) -> None:
    _, form = opened_form
    answer_all(form)
    qtbot.keyClicks(form.tips, "Verwijs net als mevrouw De Vries naar de website.")
    qtbot.waitUntil(lambda: form.findings.count() == 1, timeout=3_000)
    form.keep_selected(reason="")
    assert form.findings.count() == 1 and "reden" in form.message.text()
    form.keep_selected(reason="naam van een collega, geen beller")
    assert form.findings.count() == 0
    form.submit()
    assert form.evaluation is not None and form.evaluation.status == "submitted"
    first_id = form.evaluation.id
    qtbot.mouseClick(form.revise_button, Qt.MouseButton.LeftButton)
    assert form.evaluation.revision == 2 and form.evaluation.status == "draft" and form.body.isEnabled()
    assert form.tips.toPlainText().startswith("Verwijs net als")
    history = services.evaluations.history(coach, "rec-1")
    assert [(e.id == first_id, e.status) for e in history] == [(True, "submitted"), (False, "draft")]


def test_marks_are_the_evaluations_timestamped_notes(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm], services: Services, coach: User
) -> None:
    controller, form = opened_form
    mark_at(qtbot, controller, 1.5, "open vraag")
    qtbot.waitUntil(lambda: form.saves >= 1, timeout=5_000)
    [draft] = services.evaluations.drafts(coach)
    assert [(m.at_s, m.note) for m in draft.content.marks] == [(1.5, "open vraag")]


def test_an_unfinished_draft_is_offered_at_the_next_start(
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
    add_recording(services.workspace.store_path, "rec-1", clock.now - timedelta(days=1), duration=4.0)
    add_recording(services.workspace.store_path, "rec-2", clock.now - timedelta(days=2), duration=4.0)
    from nunrec_desktop.services.evaluations import EvaluationContent

    draft = services.evaluations.for_recording(
        coach, services.guideline(), "E1", "rec-2", clock.now - timedelta(days=2), 4.0
    )
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(tips="half af, proces gestopt"))
    controller, _window, recordings = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    qtbot.waitUntil(lambda: recordings.drafts_banner.isVisible(), timeout=10_000)
    assert "1 niet-ingediende beoordeling" in recordings.drafts_text.text()
    qtbot.mouseClick(recordings.resume_button, Qt.MouseButton.LeftButton)
    form = controller.form
    assert form is not None
    qtbot.waitUntil(lambda: form.evaluation is not None, timeout=10_000)
    assert form.evaluation.id == draft.id and form.tips.toPlainText() == "half af, proces gestopt"
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def test_the_evaluation_area_exports_feedback_for_the_employee(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm], tmp_path: Path
) -> None:
    controller, form = opened_form
    answer_all(form)
    form.submit()
    assert form.evaluation is not None and form.evaluation.status == "submitted"
    page = controller.overview
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "Anouk de Vries"
    assert page.table.item(0, 1).text() == "1" and page.table.item(0, 2).text() == "0"
    page._ask_path = lambda suggestion: tmp_path / suggestion
    qtbot.mouseClick(page.feedback_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Opgeslagen" in page.message.text(), timeout=15_000)
    written = tmp_path / "Terugkoppeling Anouk de Vries.pdf"
    assert written.read_bytes().startswith(b"%PDF")


def test_caller_data_in_a_mark_is_masked_from_the_form(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm], services: Services, coach: User
) -> None:
    controller, form = opened_form
    player = mark_at(qtbot, controller, 2.0, "beller noemde 06-12345678")
    qtbot.waitUntil(lambda: form.findings.count() == 1, timeout=3_000)
    assert "markering 1" in form.findings.item(0).text()
    qtbot.mouseClick(form.mask_all_button, Qt.MouseButton.LeftButton)
    assert [m.note for m in player.marks] == ["beller noemde [telefoonnummer]"]
    assert form.findings.count() == 0
    qtbot.waitUntil(
        lambda: (
            [m.note for d in services.evaluations.drafts(coach) for m in d.content.marks]
            == ["beller noemde [telefoonnummer]"]
        ),
        timeout=5_000,
    )
