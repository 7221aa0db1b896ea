"""The 5A form beside the player, driven with pytest-qt: built from the guideline, keyboard-usable,
autosaved within seconds, guarded against caller data, submitted, and corrected as a new revision."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.ui.application import AppController
from nunrec_desktop.ui.evaluation_form import EvaluationForm
from nunrec_desktop.ui.player_page import PlayerPage
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import POSTGRES_URL, FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.test_caller_data_at_rest import assert_never_stored
from tests.ui_dialogs import click_in_next_dialog
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


def answer_all(qtbot: QtBot, form: EvaluationForm, choice: str = "goed") -> None:
    """Click an answer for every criterion, as the coach does."""
    for group in form.answer_groups.values():
        buttons = {b.property("answer"): b for b in group.buttons()}
        button = buttons.get(choice) or buttons["ja"]
        form.scroll_area.ensureWidgetVisible(button)
        qtbot.waitUntil(lambda b=button: b.isVisible() and b.isEnabled())  # as a person waits for the form
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert button.isChecked()


def click_at_second(qtbot: QtBot, player: PlayerPage, at_s: float) -> None:
    """Click the waveform where `at_s` is (the whole call is on screen after opening)."""
    first, last = player.waveform.visible_seconds()
    rect = player.waveform._wave_rect()
    x = rect.left() + (at_s - first) / (last - first) * rect.width()
    qtbot.mouseClick(player.waveform, Qt.MouseButton.LeftButton, pos=QPoint(round(x), rect.center().y()))


def mark_at(qtbot: QtBot, controller: AppController, at_s: float, note: str) -> PlayerPage:
    """Drop a mark with a note in the player, as the coach does: click the waveform, press M, type, Enter."""
    player = controller.player
    assert player is not None
    qtbot.waitUntil(lambda: player.engine is not None, timeout=5_000)
    click_at_second(qtbot, player, at_s)
    qtbot.keyClick(player.waveform, Qt.Key.Key_M)
    assert player.mark_note.hasFocus() or QApplication.focusWidget() is player.mark_note
    qtbot.keyClicks(player.mark_note, note)
    qtbot.keyClick(player.mark_note, Qt.Key.Key_Return)
    return player


def test_the_form_follows_the_guideline(opened_form: tuple[AppController, EvaluationForm]) -> None:
    _, form = opened_form
    assert form.guideline is not None
    titles = [box.title() for box in form.body.findChildren(__import__("PySide6.QtWidgets").QtWidgets.QGroupBox)]
    assert titles == ["Aanvang", "Analyse", "Antwoord", "Afsluiting", "Algemeen"]
    assert set(form.answer_groups) == {c.key for s in form.guideline.sections for c in s.criteria}
    assert not form.default_notice.isVisible()  # the guideline's status is in "Over nunrec" (F1), not on the form
    assert "leidraad" not in form.status.text() and "versie" not in form.status.text()
    assert "concept" in form.status.text()  # "Nieuw - wordt als concept bewaard vanaf je eerste antwoord ..."


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
    answer_all(qtbot, form)
    qtbot.keyClicks(form.notes, "Meneer Jansen belde vanaf 06-12345678.")
    qtbot.waitUntil(lambda: form.guard_box.isVisible(), timeout=3_000)
    assert form.findings.count() == 2 and "2 mogelijke gegevens van de beller" in form.findings_title.text()
    assert len(form.notes.extraSelections()) == 2
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert "2 mogelijke gegevens van de beller" in form.message.text()
    assert form.message.property("kind") == "error"
    qtbot.waitUntil(lambda: bool(services.evaluations.drafts(coach)), timeout=5_000)  # still a draft
    qtbot.mouseClick(form.mask_all_button, Qt.MouseButton.LeftButton)
    assert form.notes.toPlainText() == "[naam] belde vanaf [telefoonnummer]."
    assert not form.guard_box.isVisible()
    assert form.message.text() == ""  # the refusal went when what it said was no longer true
    asked = click_in_next_dialog("Start een nieuwe cyclus")  # no cycle runs: the coach is asked (issue 13)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert any("Er loopt geen coachingscyclus" in text for text in asked)
    assert form.evaluation is not None and form.evaluation.status == "submitted"
    assert "Ingediend op" in form.status.text() and not form.body.isEnabled()
    assert form.message.property("kind") == "success"
    assert "Telt mee voor: de cyclus van 20-11-2026" in form.cycle_line.text()
    assert services.evaluations.evaluated_recordings(coach) == {"rec-1"}


def keep_as(qtbot: QtBot, form: EvaluationForm, choice: str) -> list[str]:
    """Press "Behouden als..." and click `choice` in the menu that opens under it, as the coach does.
    Returns the choices the menu offered."""
    qtbot.mouseClick(form.keep_button, Qt.MouseButton.LeftButton)
    menu = form.keep_menu
    qtbot.waitUntil(menu.isVisible, timeout=3_000)
    offered = [action.text() for action in menu.actions()]
    [action] = [a for a in menu.actions() if a.text() == choice]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=3_000)
    return offered


def test_keep_a_name_as_a_colleagues_and_revise(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm], services: Services, coach: User
) -> None:
    _, form = opened_form
    answer_all(qtbot, form)
    qtbot.keyClicks(form.tips, "Verwijs net als mevrouw De Vries naar de website.")
    qtbot.waitUntil(lambda: form.findings.count() == 1, timeout=3_000)
    assert form.keep_button.isEnabled() and form.keep_button.text() == "Behouden als..."
    assert keep_as(qtbot, form, "naam van een collega") == ["naam van een collega"]  # a name: nothing else
    assert form.findings.count() == 0 and form.message.text() == ""
    qtbot.waitUntil(lambda: any(d.content.kept for d in services.evaluations.drafts(coach)), timeout=5_000)
    [draft] = services.evaluations.drafts(coach)
    assert "mevrouw De Vries" in draft.content.tips  # kept as a colleague's name: stored as it is
    assert [(k.text, k.kind, k.keep_as) for k in draft.content.kept] == [("mevrouw De Vries", "naam", "collega")]
    click_in_next_dialog("Indienen zonder cyclus")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.evaluation is not None and form.evaluation.status == "submitted", form.message.text()
    first_id = form.evaluation.id
    qtbot.mouseClick(form.revise_button, Qt.MouseButton.LeftButton)
    assert form.evaluation.revision == 2 and form.evaluation.status == "draft" and form.body.isEnabled()
    assert form.tips.toPlainText().startswith("Verwijs net als")
    assert form.findings.count() == 0  # the keep came along with the new version
    history = services.evaluations.history(coach, "rec-1")
    assert [(e.id == first_id, e.status) for e in history] == [(True, "submitted"), (False, "draft")]


def test_an_address_is_kept_only_as_what_it_is_instead(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm], services: Services, coach: User
) -> None:
    _, form = opened_form
    qtbot.keyClicks(form.notes, "Legde de omleiding bij Stationsstraat 12 duidelijk uit.")
    qtbot.waitUntil(lambda: form.findings.count() == 1, timeout=3_000)
    offered = keep_as(qtbot, form, "straatnaam als plaats")
    assert offered == [
        "straatnaam als plaats",
        "gegevens van de gemeente zelf",
        "adres of nummer van een organisatie of dienst",
    ]
    assert form.findings.count() == 0
    qtbot.waitUntil(lambda: any(d.content.kept for d in services.evaluations.drafts(coach)), timeout=5_000)
    [draft] = services.evaluations.drafts(coach)
    assert [(k.text, k.keep_as) for k in draft.content.kept] == [("Stationsstraat 12", "straat")]
    assert "Stationsstraat 12" in draft.content.notes


def test_a_callers_number_in_a_mark_cannot_be_kept_and_never_reaches_the_pdf(
    qtbot: QtBot,
    opened_form: tuple[AppController, EvaluationForm],
    services: Services,
    coach: User,
    tmp_path: Path,
) -> None:
    """Issue 20: "beller noemt 06-12345678" in a mark note was kept "met reden" and printed in the PDF."""
    controller, form = opened_form
    answer_all(qtbot, form)
    mark_at(qtbot, controller, 1.0, "Goede doorvraag, beller noemt 06-12345678")
    qtbot.waitUntil(lambda: form.findings.count() == 1 and "markering 1" in form.findings.item(0).text())
    form.findings.setCurrentRow(0)
    assert not form.keep_button.isEnabled() and "niet behouden" in form.keep_button.toolTip()
    qtbot.mouseClick(form.keep_button, Qt.MouseButton.LeftButton)  # a disabled button: nothing opens
    assert not form.keep_menu.isVisible() and form.findings.count() == 1
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.evaluation is not None and form.evaluation.status == "draft"
    qtbot.mouseClick(form.mask_button, Qt.MouseButton.LeftButton)
    assert controller.player is not None
    assert [m.note for m in controller.player.marks] == ["Goede doorvraag, beller noemt [telefoonnummer]"]
    click_in_next_dialog("Indienen zonder cyclus")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.evaluation.status == "submitted", form.message.text()
    out = services.exports.document(
        coach, "feedback", "E1", tmp_path / "feedback.pdf", evaluation_ids=[form.evaluation.id]
    )
    flat = "".join("".join(page.extract_text() for page in PdfReader(out).pages).split()).replace("-", "")
    assert "0612345678" not in flat and "[telefoonnummer]" in flat


def test_a_bsn_or_iban_cannot_be_kept_only_masked(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm], services: Services, coach: User
) -> None:
    _, form = opened_form
    answer_all(qtbot, form)
    qtbot.keyClicks(form.notes, "BSN 111222333 en NL92ABNA0417164300 herhaald.")
    qtbot.waitUntil(lambda: form.findings.count() == 2, timeout=3_000)
    for row in range(2):
        form.findings.setCurrentRow(row)
        assert not form.keep_button.isEnabled() and "niet behouden" in form.keep_button.toolTip()
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.evaluation is not None and form.evaluation.status == "draft"
    assert "2 mogelijke gegevens van de beller" in form.message.text()
    assert form.notes.toPlainText() == "BSN 111222333 en NL92ABNA0417164300 herhaald."  # the screen keeps it
    qtbot.mouseClick(form.mask_all_button, Qt.MouseButton.LeftButton)
    assert form.notes.toPlainText() == "BSN [bsn] en [rekeningnummer] herhaald."
    click_in_next_dialog("Indienen zonder cyclus")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.evaluation.status == "submitted", form.message.text()


def test_typed_caller_data_is_stored_masked_and_stays_on_screen_until_decided(
    qtbot: QtBot,
    opened_form: tuple[AppController, EvaluationForm],
    services: Services,
    coach: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
) -> None:
    controller, form = opened_form
    qtbot.keyClicks(form.notes, "beller 0341-123456")
    mark_at(qtbot, controller, 1.0, "beller noemt 06-12345678")

    def stored() -> str:
        return "".join(d.content.to_json() for d in services.evaluations.drafts(coach))

    qtbot.waitUntil(lambda: "beller [telefoonnummer]" in stored() and "noemt [telefoonnummer]" in stored())
    assert form.notes.toPlainText() == "beller 0341-123456"  # on screen until the coach masks or keeps it
    qtbot.waitUntil(lambda: "gemaskeerd opgeslagen" in form.status.text(), timeout=3_000)
    assert form.findings.count() == 2
    if not POSTGRES_URL:
        assert_never_stored(workspace_dir, "0341-123456", "06-12345678")
    # At the next start the draft comes back masked (as after a crash), and the form says so.
    controller.shutdown()
    again, _window, recordings = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    qtbot.waitUntil(lambda: recordings is not None and recordings.drafts_banner.isVisible(), timeout=10_000)
    qtbot.mouseClick(recordings.resume_button, Qt.MouseButton.LeftButton)
    resumed = again.form
    assert resumed is not None
    qtbot.waitUntil(lambda: resumed.evaluation is not None, timeout=10_000)
    assert resumed.notes.toPlainText() == "beller [telefoonnummer]"
    assert again.player is not None and [m.note for m in again.player.marks] == ["beller noemt [telefoonnummer]"]
    assert resumed.findings.count() == 0
    assert "2 mogelijke gegevens van bellers gemaskeerd" in resumed.message.text()
    again.shutdown()


def test_marks_are_the_evaluations_timestamped_notes(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm], services: Services, coach: User
) -> None:
    controller, form = opened_form
    mark_at(qtbot, controller, 1.5, "open vraag")
    qtbot.waitUntil(lambda: form.saves >= 1, timeout=5_000)
    [draft] = services.evaluations.drafts(coach)
    [(at_s, note)] = [(m.at_s, m.note) for m in draft.content.marks]
    assert note == "open vraag" and at_s == pytest.approx(1.5, abs=0.05)


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
    answer_all(qtbot, form)
    click_in_next_dialog("Start een nieuwe cyclus")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.evaluation is not None and form.evaluation.status == "submitted"
    page = controller.overview
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "Anouk de Vries"
    assert page.table.item(0, 1).text() == "1" and page.table.item(0, 2).text() == "0"
    page._ask_path = lambda suggestion: tmp_path / suggestion
    seen = click_in_next_dialog("PDF maken...")  # first the choice of what goes in (issue 13)
    qtbot.mouseClick(page.feedback_button, Qt.MouseButton.LeftButton)
    assert any("De medewerker leest 1 van je beoordelingen" in text for text in seen), seen
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


def test_the_note_of_a_mark_is_checked_while_typing(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm], services: Services, coach: User
) -> None:
    controller, form = opened_form
    player = controller.player
    assert player is not None
    qtbot.waitUntil(lambda: player.engine is not None, timeout=5_000)
    player.waveform.setFocus()
    qtbot.keyClick(player.waveform, Qt.Key.Key_M)
    qtbot.keyClicks(player.mark_note, "beller noemt 06-12345678")
    qtbot.waitUntil(lambda: form.findings.count() == 1, timeout=3_000)
    assert "de notitie die je nu typt" in form.findings.item(0).text() and form.guard_box.isVisible()
    assert not form.keep_button.isEnabled()  # not part of the evaluation yet: mask it (or leave it out)
    qtbot.keyClick(player.mark_note, Qt.Key.Key_Tab)  # leaving the field keeps the note, like Enter
    assert [m.note for m in player.marks] == ["beller noemt 06-12345678"] and not player.mark_note.isEnabled()
    qtbot.mouseClick(form.mask_all_button, Qt.MouseButton.LeftButton)
    assert [m.note for m in player.marks] == ["beller noemt [telefoonnummer]"] and form.findings.count() == 0


def test_a_submit_that_guides_to_what_is_open(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm], services: Services, coach: User
) -> None:
    _, form = opened_form
    assert form.guideline is not None
    total = sum(len(s.criteria) for s in form.guideline.sections)
    assert form.progress_line.text() == f"Nog {total} vragen open"
    # Too early: one short error, the open questions marked where they are, the focus in the first one.
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.evaluation is not None and form.evaluation.status == "draft"
    assert form.message.property("kind") == "error" and f"{total} vragen zijn nog open" in form.message.text()
    assert {f.property("state") for f in form.criterion_boxes.values()} == {"missing"}
    first_key = form.guideline.sections[0].criteria[0].key
    first = form.answer_groups[first_key].buttons()[0]
    assert QApplication.focusWidget() is first
    qtbot.keyClick(first, Qt.Key.Key_Space)  # answers "goed"
    assert form.progress_line.text() == f"Nog {total - 1} vragen open"
    assert form.message.text() == ""  # never stale: the line and the marks say what is open now
    assert form.criterion_boxes[first_key].property("state") == ""
    # "Volgende open vraag" goes to the next open question, and to a missing comment.
    second_key = form.guideline.sections[0].criteria[1].key
    qtbot.mouseClick(form.next_open_button, Qt.MouseButton.LeftButton)
    assert form.criterion_boxes[second_key].isAncestorOf(QApplication.focusWidget())
    buttons = {b.property("answer"): b for b in form.answer_groups[second_key].buttons()}
    qtbot.mouseClick(buttons["verbeterpunt"], Qt.MouseButton.LeftButton)  # needs a comment
    assert form.progress_line.text() == f"Nog {total - 1} vragen open"
    first.setFocus()
    qtbot.mouseClick(form.next_open_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is form.comments[second_key]
    qtbot.keyClicks(form.comments[second_key], "Onderbrak de beller twee keer")
    assert form.progress_line.text() == f"Nog {total - 2} vragen open"
    # The explanation of a criterion can be read in place.
    toggle = form.help_buttons[first_key]
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    [help_text] = [
        label
        for label in form.criterion_boxes[first_key].findChildren(QLabel, "criterionHelp")
        if label.isVisibleTo(form)
    ]
    assert help_text.text() == form.guideline.sections[0].criteria[0].help
    answer_all(qtbot, form, choice="verbeterpunt")  # each needs a comment now (or "nee" for yes/no)
    assert form.progress_line.text().startswith("Nog ") and form.progress_line.property("kind") == "open"
    answer_all(qtbot, form)
    qtbot.keyClicks(form.notes, "Belde vanaf 06-12345678")
    qtbot.waitUntil(lambda: form.findings.count() == 1, timeout=3_000)
    assert form.progress_line.text() == "Alle vragen beantwoord - 1 mogelijk gegeven van de beller"
    qtbot.mouseClick(form.mask_all_button, Qt.MouseButton.LeftButton)
    assert form.progress_line.text() == "Alle vragen beantwoord - klaar om in te dienen"
    assert form.progress_line.property("kind") == "ready"


def test_after_submitting_the_next_chosen_call_and_the_way_back(
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
    for number in range(4):
        add_recording(
            services.workspace.store_path, f"rec-{number}", clock.now - timedelta(days=number + 1), duration=4.0
        )
    draw = services.draws.draw(coach, "E1", 2, seed=7, min_duration_s=0)
    first, second = (r.id for r in draw.picks)
    controller, window, recordings = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    assert recordings is not None and controller.form is not None and controller.player is not None
    window.resize(1500, 900)
    form, player = controller.form, controller.player
    qtbot.waitUntil(lambda: recordings.model.rowCount() == 4, timeout=10_000)
    [row] = [r for r in range(4) if recordings.model.recording(r).id == first]
    recordings.table.setFocus()
    recordings.table.selectRow(row)
    qtbot.keyClick(recordings.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.evaluation is not None and form.evaluation.recording_id == first, timeout=10_000)
    answer_all(qtbot, form)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.evaluation.status == "submitted" and form.message.property("kind") == "success"
    assert form.next_call_button.isVisible() and form.next_call_button.isEnabled()
    assert form.back_button.isVisible()
    # The submitted evaluation is read only: M says why and adds nothing.
    qtbot.waitUntil(lambda: player.engine is not None, timeout=5_000)
    player.waveform.setFocus()
    qtbot.keyClick(player.waveform, Qt.Key.Key_M)
    assert player.marks == [] and player.marks_notice.isVisible() and "ingediend" in player.marks_notice.text()
    qtbot.mouseClick(form.next_call_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.evaluation is not None and form.evaluation.recording_id == second, timeout=10_000)
    assert player.visible is not None and player.visible.id == second and form.editable()
    assert not player.marks_notice.isVisible()
    answer_all(qtbot, form)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.evaluation.status == "submitted"
    assert not form.next_call_button.isEnabled() and "geen ander gekozen gesprek" in form.message.text()
    qtbot.mouseClick(form.back_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 0  # the list
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def test_findings_are_named_by_the_a_and_the_criterion_the_coach_sees(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm]
) -> None:
    _, form = opened_form
    assert form.guideline is not None
    section = form.guideline.sections[0]
    criterion = section.criteria[1]
    comment = form.comments[criterion.key]
    form.scroll_area.ensureWidgetVisible(comment)
    qtbot.mouseClick(comment, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(comment, "beller gaf 06-12345678")
    qtbot.waitUntil(lambda: form.findings.count() == 1, timeout=3_000)
    text = form.findings.item(0).text()
    assert f"toelichting bij {section.title} - {criterion.text[:40]}" in text, text
    assert criterion.key not in text.split("\u201d", 1)[1]  # no internal key after the quoted finding


def test_the_drafts_banner_counts_an_ended_side_by_side_session(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    """A side-by-side session that ended without its 5A form is a draft: the banner counts it and 'Doorgaan'
    opens its form on the side-by-side area."""
    translators = install_translators(qapp)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    add_recording(services.workspace.store_path, "rec-1", clock.now - timedelta(days=1), duration=4.0)
    session = services.live.start(coach, services.guideline(), "E1", "employee_request", "", services.guard())
    clock.advance(minutes=5)
    services.live.end(coach, session)
    controller, window, recordings = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    assert recordings is not None
    qtbot.waitUntil(lambda: recordings.drafts_banner.isVisible(), timeout=10_000)
    assert "1 niet-ingediende beoordeling" in recordings.drafts_text.text()
    assert "side-by-side" in recordings.drafts_text.text() and "Anouk de Vries" in recordings.drafts_text.text()
    qtbot.mouseClick(recordings.resume_button, Qt.MouseButton.LeftButton)
    live = controller.live
    assert live is not None
    qtbot.waitUntil(lambda: window.pages.currentWidget() is live, timeout=10_000)
    qtbot.waitUntil(lambda: live.session is not None and live.session.id == session.id, timeout=10_000)
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def test_opening_a_call_stores_no_draft_until_something_is_answered(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm], services: Services, coach: User
) -> None:
    """Listening is audited as before, but the draft is stored at the first answer, not when the call opens."""
    _controller, form = opened_form
    assert form.evaluation is not None
    opened = [(e.action, e.detail) for e in services.audit.entries(object_id="rec-1")]
    assert any(detail == "draft" for _action, detail in opened), opened  # the form was opened, and audited
    assert services.evaluations.drafts(coach) == []
    assert "eerste antwoord" in form.status.text()
    group = next(iter(form.answer_groups.values()))
    button = group.buttons()[0]
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(services.evaluations.drafts(coach)) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: form.evaluation is not None and form.evaluation.id != 0, timeout=10_000)
    second = list(form.answer_groups.values())[1].buttons()[0]
    qtbot.mouseClick(second, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(services.evaluations.drafts(coach)[0].content.answers) == 2, timeout=10_000)
    assert len(services.evaluations.drafts(coach)) == 1  # one draft, saved by its id from then on


def test_a_call_opened_and_left_untouched_leaves_no_draft(
    qtbot: QtBot, opened_form: tuple[AppController, EvaluationForm], services: Services, coach: User
) -> None:
    controller, form = opened_form
    assert form.evaluation is not None and form.evaluation.id == 0
    controller.shutdown()  # closing saves what was typed: here nothing
    assert services.evaluations.drafts(coach) == []


def test_after_opening_another_call_the_player_says_which_call_is_open(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    """One line under the player's title names the open call (employee, date and time, duration), and it
    changes with every call the coach opens."""
    from nunrec_desktop.ui.main_window import MainWindow

    translators = install_translators(qapp)
    for employee, name in (("E1", "Anouk de Vries"), ("E2", "Bram Jansen")):
        services.people.add_employee(employee, name)
        services.people.assign(coach.id, employee, date(2026, 1, 1))
    first_start, second_start = clock.now - timedelta(days=1), clock.now - timedelta(days=2, hours=3)
    add_recording(services.workspace.store_path, "rec-1", first_start, duration=4.0)
    add_recording(services.workspace.store_path, "rec-2", second_start, employee="E2", duration=7.0)
    controller, window, recordings = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    assert recordings is not None and controller.player is not None
    player = controller.player
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: recordings.model.rowCount() == 2, timeout=10_000)
    for row in range(2):
        recording = recordings.model.recording(row)
        local = recording.start.astimezone()
        window.show_area(MainWindow.RECORDINGS)
        qtbot.waitUntil(recordings.table.isVisible)
        cell = recordings.table.visualRect(recordings.model.index(row, 0)).center()
        qtbot.mouseClick(recordings.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.mouseDClick(recordings.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.waitUntil(lambda r=recording: player.visible is r and not player.loading, timeout=10_000)
        line = player.info.text()
        assert recording.employee_names in line, line
        assert f"{local:%d-%m-%Y %H:%M}" in line and ("0:04" if recording.id == "rec-1" else "0:07") in line, line
        other = "Bram Jansen" if recording.id == "rec-1" else "Anouk de Vries"
        assert other not in line and player.info.isVisible()
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)
