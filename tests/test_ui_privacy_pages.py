"""The audit view (IT) with "Controleer keten", and the erasure dialog, driven with pytest-qt."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from nunrec_desktop.adapters.db.models import AuditEntryRow
from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.ui.audit_page import AuditPage
from nunrec_desktop.ui.erasure_page import ErasurePage
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.ui_session import sign_in_app


def test_audit_view_filters_and_checks_the_chain(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    it_user: User,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    translators = install_translators(qapp)
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend, username="dennis")
    page = window.pages.widget(MainWindow.AUDIT)
    assert isinstance(page, AuditPage)
    page.actor.setText("dennis")
    qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    actions = {page.table.item(r, 3).text() for r in range(page.table.rowCount())}
    assert "aangemeld" in actions and page.table.rowCount() >= 1  # Dutch words, not "auth.sign_in"
    assert not any("." in action for action in actions), actions
    assert {page.table.item(r, 6).text() for r in range(page.table.rowCount())} <= {"toegestaan", "geweigerd", "fout"}
    page.action.setCurrentIndex(page.action.findText("aangemeld"))
    qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    assert {page.table.item(r, 3).text() for r in range(page.table.rowCount())} == {"aangemeld"}
    assert all(page.table.item(r, 1).text() == "dennis" for r in range(page.table.rowCount()))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "intact" in page.chain_result.text(), timeout=5_000)
    assert page.chain_result.text().startswith("De keten is intact")
    with services.sessions.begin() as session:
        session.execute(update(AuditEntryRow).where(AuditEntryRow.seq == 2).values(detail="weggepoetst"))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "NIET" in page.chain_result.text(), timeout=5_000)
    assert "vanaf regel 2" in page.chain_result.text()
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def test_the_erasure_dialog(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    it_user: User,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    translators = install_translators(qapp)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    call = clock.now - timedelta(days=2)
    add_recording(services.workspace.store_path, "rec-target", call, caller="+31612345678")
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend, username="dennis")
    page = window.pages.widget(MainWindow.IT_ERASURE)
    assert isinstance(page, ErasurePage)
    page._confirm = lambda question: "Anouk de Vries" in question
    page.around.clear()
    qtbot.keyClicks(page.around, f"{(call + timedelta(minutes=10)).astimezone():%d-%m-%Y %H:%M}")
    qtbot.keyClicks(page.number, "06 12 34 56 78")
    qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=10_000)
    assert page.table.rowCount() == 1 and page.table.item(0, 2).text() == "Anouk de Vries"
    shown = " ".join(page.table.item(0, c).text() for c in range(3))
    assert "612345678" not in shown
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "kenmerk" in page.message.text().lower(), timeout=10_000)
    assert "kenmerk" in page.message.text().lower()  # a reference is required
    qtbot.keyClicks(page.reference, "VZ-2026-030")
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is verwijderd" in page.message.text(), timeout=10_000)
    assert "is verwijderd" in page.message.text() and page.number.text() == ""
    assert "rec-target" in services.erasure.erased_ids()
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def test_an_evaluation_of_an_erased_call_keeps_its_content_and_says_so(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    it_user: User,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    from nunrec_desktop.services.evaluations import EvaluationContent
    from nunrec_desktop.ui.evaluations_page import EvaluationsPage

    translators = install_translators(qapp)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    call = clock.now - timedelta(days=2)
    add_recording(services.workspace.store_path, "rec-target", call, caller="+31612345678")
    draft = services.evaluations.for_recording(coach, services.guideline(), "E1", "rec-target", call, 2.0)
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(tips="Vraag door."))
    services.erasure.erase(it_user, "rec-target", "VZ-2026-031")
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    window.show_area(MainWindow.EVALUATION)
    page = window.pages.widget(MainWindow.EVALUATION)
    assert isinstance(page, EvaluationsPage)
    assert page.drafts_list.count() == 1
    assert "op verzoek van de beller verwijderd; oordelen en notities blijven" in page.drafts_list.item(0).text()
    qtbot.mouseClick(page.open_draft_button, Qt.MouseButton.LeftButton)
    form = controller.form
    assert form is not None and form.evaluation is not None and form.evaluation.id == draft.id
    assert form.tips.toPlainText() == "Vraag door." and "niet meer beschikbaar" in form.status.text()
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)
