"""The employee's own evaluation on the screen (issue 26, P4): while listening together the coach opens "Eigen
beoordeling van de medewerker" for the chosen call; the employee fills in the 5A's with the keyboard before
the coach's answers show; after submitting they stand side by side; the feedback PDF made from the screen then
holds "Jouw eigen beoordeling"."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot

from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.services.evaluations import Answer, EvaluationContent
from nunrec_desktop.ui.evaluations_page import EvaluationsPage
from nunrec_desktop.ui.feedback_choice import FeedbackChoiceDialog
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.self_evaluation_dialog import SelfEvaluationDialog
from tests.conftest import FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.test_ui_calibration_two_desks import go_to
from tests.test_ui_history import in_next_dialog
from tests.ui_session import sign_in_app


def test_the_employee_fills_in_first_then_sees_the_coach_beside(  # type: ignore[no-untyped-def]
    qtbot: QtBot,
    qapp,
    services: Services,
    coach: User,
    clock: FakeClock,
    workspace_dir,
    keyring_backend: MemoryKeyring,
    tmp_path: Path,
) -> None:
    from nunrec_desktop.ui.translations import install_translators

    translators = install_translators(qapp)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    start = clock.now - timedelta(days=1)
    add_recording(services.workspace.store_path, "rec-a", start, duration=95.0)
    guideline = services.guideline()
    services.cycle_book.start(coach, "E1")
    draft = services.evaluations.for_recording(coach, guideline, "E1", "rec-a", start, 95.0)
    answers = {c.key: Answer(c.scale.options[0]) for s in guideline.sections for c in s.criteria}
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(answers=answers))
    services.evaluations.submit(coach, draft.id, guideline, services.guard())
    controller, window, recordings = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    assert recordings is not None
    try:
        qtbot.waitUntil(lambda: recordings.model.rowCount() == 1, timeout=10_000)
        recordings.employee.setFocus()
        qtbot.keyClick(recordings.employee, Qt.Key.Key_Down)  # Anouk de Vries
        qtbot.mouseClick(recordings.together_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: recordings.listening_banner.isVisible(), timeout=5_000)
        qtbot.waitUntil(lambda: recordings.model.rowCount() == 1, timeout=10_000)
        recordings.table.setFocus()
        qtbot.keyClick(recordings.table, Qt.Key.Key_Home)
        seen: list[str] = []

        def fill_in(dialog: QDialog) -> None:
            assert isinstance(dialog, SelfEvaluationDialog)
            assert dialog.table.columnCount() == 2  # the coach's answers are not shown yet
            combos = [dialog.table.cellWidget(r, 1) for r in range(dialog.table.rowCount())]
            for combo in combos:
                assert isinstance(combo, QComboBox)
                combo.setFocus()
                QTest.keyClick(combo, Qt.Key.Key_Down)
            doorvragen = next(c for c in combos if isinstance(c, QComboBox) and c.findData("verbeterpunt") > 0)
            doorvragen.setCurrentIndex(doorvragen.findData("verbeterpunt"))
            QTest.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
            seen.append(dialog.message.text())
            seen.append(str(dialog.table.columnCount()))
            seen.append(dialog.table.horizontalHeaderItem(2).text())
            dialog.reject()

        in_next_dialog(SelfEvaluationDialog, fill_in)
        qtbot.mouseClick(recordings.own_view_button, Qt.MouseButton.LeftButton)
        assert seen[0] == "Ingediend. Eén criterium zien jullie anders: bespreek het samen."
        assert seen[1:] == ["4", "De coach"]
        desk = controller.desk
        assert desk is not None
        [own] = desk.self_evaluations_of("E1")  # type: ignore[union-attr]
        assert own[0].recording_id == "rec-a"
        entries = services.audit.entries(action="self_evaluations.write")
        assert [(e.actor, e.result, e.purpose) for e in entries] == [("marieke", "allowed", "samen luisteren")]

        # After the session: the feedback PDF, made from the screen, holds "Jouw eigen beoordeling" beside the coach.
        qtbot.mouseClick(recordings.end_listening_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not recordings.listening_banner.isVisible(), timeout=5_000)
        go_to(qtbot, window, MainWindow.EVALUATION)
        page = window.pages.widget(MainWindow.EVALUATION)
        assert isinstance(page, EvaluationsPage)
        qtbot.waitUntil(lambda: page.history.table.rowCount() == 1, timeout=5_000)  # the coach's only: not the own
        page._ask_path = lambda suggestion: tmp_path / suggestion  # type: ignore[method-assign]  # the file dialog
        in_next_dialog(FeedbackChoiceDialog, lambda d: QTest.mouseClick(d.write_button, Qt.MouseButton.LeftButton))
        qtbot.mouseClick(page.feedback_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Opgeslagen" in page.message.text(), timeout=15_000)
        written = tmp_path / "Terugkoppeling Anouk de Vries.pdf"
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(written).pages).split())
        assert "Jouw eigen beoordeling" in text and "Bij 1 criterium keek je er anders naar dan de coach" in text
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(written), str(tmp_path / "feedback")], check=True)
    finally:
        controller.shutdown()
        for translator in translators:
            qapp.removeTranslator(translator)
