"""A whole side-by-side session (P8) driven by key presses in the real application: start with a reason, keys
1-5 log observations at the session clock with + or - and a short note, free notes with the caller-data
guard, autosave while running, end into the 5A form, submit; and a session that survived a crash is
continued after the next sign-in."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QRadioButton
from pytestqt.qtbot import QtBot

from nunrec_desktop.app import Services
from nunrec_desktop.domain import Mark, User
from nunrec_desktop.services.evaluations import SUBMITTED, EvaluationContent
from nunrec_desktop.services.live_sessions import REASON_RECORDING_FAULT
from nunrec_desktop.ui.evaluations_page import EvaluationsPage
from nunrec_desktop.ui.live_session_page import LiveSessionPage
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import POSTGRES_URL, FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.test_caller_data_at_rest import assert_never_stored
from tests.test_ui_evaluation import keep_as
from tests.ui_dialogs import click_in_next_dialog
from tests.ui_session import sign_in_app


@pytest.fixture
def anouk(services: Services, coach: User, clock: FakeClock) -> User:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.add_employee("E2", "Bram Jansen")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    services.people.assign(coach.id, "E2", date(2026, 1, 1))
    add_recording(services.workspace.store_path, "rec-1", clock.now - timedelta(days=3), duration=90.0)
    return coach


@pytest.fixture
def dutch(qapp: QApplication):  # type: ignore[no-untyped-def]
    translators = install_translators(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def live_page(qtbot: QtBot, window: MainWindow) -> LiveSessionPage:
    window.show_area(MainWindow.SIDE_BY_SIDE)
    page = window.pages.widget(MainWindow.SIDE_BY_SIDE)
    assert isinstance(page, LiveSessionPage)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    return page


def test_a_full_live_session_by_key_presses(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    anouk: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
    tmp_path: Path,
) -> None:
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    page = live_page(qtbot, window)
    assert page.stages.currentIndex() == LiveSessionPage.START
    assert [page.employee.itemText(i) for i in range(page.employee.count())] == ["Anouk de Vries", "Bram Jansen"]

    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)  # no reason chosen yet
    assert "Kies waarom" in page.start_message.text() and page.stages.currentIndex() == LiveSessionPage.START
    [fault] = [b for b in page.reasons.buttons() if b.property("reason") == REASON_RECORDING_FAULT]
    assert isinstance(fault, QRadioButton) and fault.text() == "storing in de opname"
    fault.click()
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.stages.currentIndex() == LiveSessionPage.RUNNING
    assert page.banner_text.text() == "Side-by-side met Anouk de Vries \u2013 reden: storing in de opname"
    assert page.clock.text() == "00:00:00"
    assert services.audit.entries(action="evaluations.write")[0].detail == "live start; reason recording_fault"

    clock.now += timedelta(minutes=1, seconds=15)
    qtbot.waitUntil(lambda: page.clock.text() == "00:01:15", timeout=10_000)  # the clock ticks
    qtbot.keyClick(page.running_page, Qt.Key.Key_1)
    assert page.observation_note.hasFocus()
    qtbot.keyClicks(page.observation_note, "+ opende met eigen naam")
    qtbot.keyClick(page.observation_note, Qt.Key.Key_Return)

    clock.now += timedelta(minutes=2)
    qtbot.keyClick(page.running_page, Qt.Key.Key_5)
    qtbot.keyClicks(page.observation_note, "-praatte door de beller heen")
    qtbot.keyClick(page.observation_note, Qt.Key.Key_Return)

    clock.now += timedelta(seconds=30)
    qtbot.keyClick(page.running_page, Qt.Key.Key_3)
    qtbot.mouseClick(page.minus, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.observation_note, Qt.Key.Key_Escape)
    assert [page.observation_list.item(i).text() for i in range(page.observation_list.count())] == [
        "1:15  Aanvang (+)  opende met eigen naam",
        "3:15  Algemeen (-)  praatte door de beller heen",
        "3:45  Antwoord (-)",
    ]

    qtbot.keyClick(page.running_page, Qt.Key.Key_2)  # a slip: removed again with Delete in the list
    qtbot.keyClick(page.observation_note, Qt.Key.Key_Return)
    assert page.observation_list.count() == 4
    page.observation_list.setFocus()
    page.observation_list.setCurrentRow(3)
    qtbot.keyClick(page.observation_list, Qt.Key.Key_Delete)
    assert page.observation_list.count() == 3

    page.notes.setFocus()
    qtbot.keyClicks(page.notes, "Rustig tempo. Beller wil terugbellen op 06-12345678. Stap 4")
    assert page.observation_list.count() == 3  # the digits went into the notes, not into observations
    qtbot.waitUntil(lambda: page.guard_box.isVisible())  # the form's own caller-data panel (issue 22)
    found = page.guard_box.list.item(0).text()
    assert found == "telefoonnummer: \u201c06-12345678\u201d - Notities", found
    assert not page.guard_box.keep_button.isVisible()  # during the session it is only masked
    qtbot.mouseClick(page.guard_box.mask_all_button, Qt.MouseButton.LeftButton)
    assert "06-12345678" not in page.notes.toPlainText() and not page.guard_box.isVisible()

    def saved() -> bool:  # autosaved while the session runs: a crash now would lose nothing
        running = services.live.running(anouk)
        return running is not None and "Stap 4" in running.evaluation.content.notes

    qtbot.waitUntil(saved, timeout=5_000)
    running = services.live.running(anouk)
    assert running is not None
    assert running.evaluation.content.marks == [
        Mark(75.0, "opende met eigen naam", "aanvang", "+"),
        Mark(195.0, "praatte door de beller heen", "algemeen", "-"),
        Mark(225.0, "", "antwoord", "-"),
    ]
    assert "06-12345678" not in running.evaluation.content.notes

    clock.now += timedelta(minutes=10)
    qtbot.mouseClick(page.end_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.stages.currentIndex() == LiveSessionPage.EVALUATE, timeout=5_000)
    form = page.form
    assert form.evaluation is not None and form.evaluation.live and form.evaluation.recording_id is None
    assert form.evaluation.call_duration_s == pytest.approx(825.0)
    assert "Stap 4" in form.notes.toPlainText()
    assert page.evaluated_observations.count() == 3
    assert "storing in de opname" in page.summary.text() and "14 minuten" in page.summary.text()
    # Beside the form every observation shows in full: no cut text, no horizontal scroll bar (issue 22).
    window.resize(1366, 768 - 32)
    qtbot.waitUntil(lambda: page.evaluated_observations.isVisible())
    observations = page.evaluated_observations
    assert not observations.horizontalScrollBar().isVisible()
    for row in range(observations.count()):
        rect = observations.visualItemRect(observations.item(row))
        needed = observations.fontMetrics().horizontalAdvance(observations.item(row).text())
        assert rect.right() <= observations.viewport().width() and (rect.width() >= needed or rect.height() > 30)

    for group in form.answer_groups.values():
        group.buttons()[0].click()
    form.tops.setPlainText("Rustige, vriendelijke toon.")
    click_in_next_dialog("Start een nieuwe cyclus")  # no cycle runs yet: the coach says yes
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.evaluation.status == SUBMITTED, form.message.text()
    assert page.new_session_button.isVisible()
    submitted = services.evaluations.get(anouk, form.evaluation.id)
    assert submitted.status == SUBMITTED and len(submitted.content.marks) == 3
    assert submitted.live_reason == REASON_RECORDING_FAULT

    overview = window.pages.widget(MainWindow.EVALUATION)
    assert isinstance(overview, EvaluationsPage)
    window.show_area(MainWindow.EVALUATION)
    assert overview.table.item(0, 0).text() == "Anouk de Vries" and overview.table.item(0, 1).text() == "1"
    [anouk_row] = [r for r in services.cycles.rows(anouk) if r.employee_id == "E1"]
    assert anouk_row.evaluated_in_current == 1
    controller.shutdown()


def test_a_session_left_running_is_continued_after_the_next_sign_in(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    anouk: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    session = services.live.start(anouk, services.guideline(), "E1", "employee_request", "", services.guard())
    services.evaluations.save_draft(anouk, session.id, EvaluationContent(notes="eerste indruk"))
    clock.now += timedelta(minutes=7, seconds=5)  # the app was killed; the session went on beside the employee

    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    assert window.navigation.currentRow() == MainWindow.SIDE_BY_SIDE
    page = window.pages.widget(MainWindow.SIDE_BY_SIDE)
    assert isinstance(page, LiveSessionPage)
    assert page.stages.currentIndex() == LiveSessionPage.RUNNING
    assert page.resumed.isVisible() and "liep nog" in page.resumed.text()
    assert page.clock.text() == "00:07:05" and page.notes.toPlainText() == "eerste indruk"
    assert "op verzoek van de medewerker" in page.banner_text.text()

    page.observe(1)  # the button for Analyse, as with the mouse
    qtbot.keyClicks(page.observation_note, "goede vraag")
    page.finish_observation()
    qtbot.waitUntil(lambda: page.saves >= 2, timeout=5_000)
    running = services.live.running(anouk)
    assert running is not None and running.evaluation.content.marks == [Mark(425.0, "goede vraag", "analyse", "")]

    page.notes.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(page.notes, " - tweede indruk")
    controller.shutdown()  # closing the app right after typing: the notes are saved before it ends
    running = services.live.running(anouk)
    assert running is not None and running.evaluation.content.notes == "eerste indruk - tweede indruk"


def test_an_ended_session_waiting_for_its_form_opens_from_the_drafts(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    anouk: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    session = services.live.start(anouk, services.guideline(), "E1", "other", "inwerkweek", services.guard())
    services.evaluations.save_draft(
        anouk, session.id, EvaluationContent(marks=[Mark(61.0, "nam de tijd", "aanvang", "+")])
    )
    clock.now += timedelta(minutes=30)
    services.live.end(anouk, session)

    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    assert window.navigation.currentRow() == MainWindow.RECORDINGS  # nothing is running
    window.show_area(MainWindow.EVALUATION)
    overview = window.pages.widget(MainWindow.EVALUATION)
    assert isinstance(overview, EvaluationsPage)
    started = session.started_at.astimezone()
    assert overview.drafts_list.item(0).text() == f"Anouk de Vries, side-by-side sessie van {started:%d-%m-%Y %H:%M}"
    overview.drafts_list.itemActivated.emit(overview.drafts_list.item(0))
    assert window.navigation.currentRow() == MainWindow.SIDE_BY_SIDE
    page = window.pages.widget(MainWindow.SIDE_BY_SIDE)
    assert isinstance(page, LiveSessionPage)
    assert page.stages.currentIndex() == LiveSessionPage.EVALUATE
    assert page.form.evaluation is not None and page.form.evaluation.id == session.id
    assert "Reden: anders: inwerkweek" in page.summary.text() and "30 minuten" in page.summary.text()
    assert page.evaluated_observations.item(0).text() == "1:01  Aanvang (+)  nam de tijd"
    controller.shutdown()


def test_typed_caller_data_in_observations_and_notes_is_stored_masked(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    anouk: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    page = live_page(qtbot, window)
    [request] = [b for b in page.reasons.buttons() if b.property("reason") == "employee_request"]
    qtbot.mouseClick(request, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.stages.currentIndex() == LiveSessionPage.RUNNING
    clock.now += timedelta(seconds=40)
    qtbot.keyClick(page.running_page, Qt.Key.Key_2)
    qtbot.keyClicks(page.observation_note, "beller noemt 06-12345678")
    qtbot.keyClick(page.observation_note, Qt.Key.Key_Return)
    page.notes.setFocus()
    qtbot.keyClicks(page.notes, "beller 0341-123456")

    def stored() -> EvaluationContent | None:
        running = services.live.running(anouk)
        return running.evaluation.content if running is not None else None

    def stored_draft() -> EvaluationContent | None:
        drafts = [d for d in services.evaluations.drafts(anouk) if d.live]
        return drafts[0].content if drafts else None

    qtbot.waitUntil(lambda: (content := stored()) is not None and content.notes == "beller [telefoonnummer]")
    content = stored()
    assert content is not None and [m.note for m in content.marks] == ["beller noemt [telefoonnummer]"]
    assert page.notes.toPlainText() == "beller 0341-123456" and page.guard_box.isVisible()  # still on screen
    assert page.observation_list.item(0).text().endswith("beller noemt 06-12345678")
    if not POSTGRES_URL:
        assert_never_stored(workspace_dir, "0341-123456", "06-12345678")

    qtbot.mouseClick(page.end_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.stages.currentIndex() == LiveSessionPage.EVALUATE, timeout=5_000)
    form = page.form  # the form shows what was typed, for the coach to decide, not the masked copy
    assert form.notes.toPlainText() == "beller 0341-123456"
    assert form.findings.count() == 2
    for row in range(2):  # a caller's number, in the notes or in an observation, can only be masked
        form.findings.setCurrentRow(row)
        assert not form.keep_button.isEnabled() and "niet behouden" in form.keep_button.toolTip()
    form.notes.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(form.notes, ", verwees naar mevrouw De Vries")
    qtbot.waitUntil(lambda: form.findings.count() == 3, timeout=3_000)
    [name_row] = [i for i in range(3) if "mevrouw De Vries" in form.findings.item(i).text()]
    form.findings.setCurrentRow(name_row)
    assert keep_as(qtbot, form, "naam van een collega") == ["naam van een collega"]
    qtbot.waitUntil(lambda: form.findings.count() == 2, timeout=3_000)
    qtbot.waitUntil(lambda: (content := stored_draft()) is not None and bool(content.kept), timeout=5_000)
    kept = stored_draft()
    assert kept is not None and [(k.text, k.keep_as) for k in kept.kept] == [("mevrouw De Vries", "collega")]
    assert kept.notes == "beller [telefoonnummer], verwees naar mevrouw De Vries"
    if not POSTGRES_URL:
        assert_never_stored(workspace_dir, "0341-123456", "06-12345678")
    controller.shutdown()
    if not POSTGRES_URL:
        assert_never_stored(workspace_dir, "0341-123456", "06-12345678")  # nor when the app closes
