"""Issue 26 on the screen: in the next cycle's conversation the coach follows up the earlier agreements with
the employee (done, or dropped with a reason that is guarded for caller data), records new ones with a date,
ticks that they were confirmed with the employee; the Dialog pack made from the screen lists each action with
its state and when it was closed; the form of the next cycle shows the one still open."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.ui.application import AppController
from nunrec_desktop.ui.conversation_dialog import ConversationDialog
from nunrec_desktop.ui.evaluations_page import EvaluationsPage
from nunrec_desktop.ui.main_window import MainWindow
from tests.conftest import FakeClock
from tests.recordings_factory import add_recording
from tests.test_history import evaluate
from tests.test_ui_history import button, in_next_dialog, signed_in  # noqa: F401 (the fixture)


def test_the_next_conversation_follows_up_and_confirms_agreements(
    qtbot: QtBot,
    signed_in: tuple[AppController, MainWindow, EvaluationsPage, list[int]],  # noqa: F811
    services: Services,
    coach: User,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    controller, window, page, _ids = signed_in
    [first] = services.cycle_book.cycles(coach, "E1")
    services.conversations.record(
        coach, "E1", clock.now.date(), ["Een keer extra doorvragen", "Afsluiten met een check"], cycle_id=first.id
    )
    services.cycle_book.start(coach, "E1")  # the next cycle starts the same day
    evaluate(services, coach, "rec-later", 0.2, clock)  # the next cycle has an evaluation to discuss
    history = page.history
    for _ in range(2):  # the coach looks at a period and back: the history reads again
        qtbot.mouseClick(history.period, Qt.MouseButton.LeftButton, pos=history.period.rect().topLeft() + QPoint(5, 5))
    qtbot.waitUntil(lambda: history.table.rowCount() == 4, timeout=5_000)
    seen: list[str] = []

    def follow_up(dialog: QDialog) -> None:
        assert isinstance(dialog, ConversationDialog)
        panel = dialog.follow_up
        assert panel.isVisible() and [a.what for a in panel.open_actions] == [
            "Een keer extra doorvragen",
            "Afsluiten met een check",
        ]
        done, dropped = panel.states
        done.setFocus()
        QTest.keyClick(done, Qt.Key.Key_Down)  # "Gedaan"
        dropped.setFocus()
        QTest.keyClick(dropped, Qt.Key.Key_End)  # "Vervalt"
        reason = panel.reasons[1]
        assert reason.isEnabled() and not panel.reasons[0].isEnabled()
        reason.setFocus()
        QTest.keyClicks(reason, "Beller 0612345678 wilde dat")
        dialog.agreements.setFocus()
        QTest.keyClicks(dialog.agreements, "Rustig tempo | 15-12-2026")
        QTest.mouseClick(dialog.confirmed, Qt.MouseButton.LeftButton)
        QTest.mouseClick(button(dialog, "Opslaan"), Qt.MouseButton.LeftButton)
        seen.append(dialog.message.text())
        reason.selectAll()
        QTest.keyClicks(reason, "Past niet meer bij het werk")
        QTest.mouseClick(button(dialog, "Opslaan"), Qt.MouseButton.LeftButton)

    failures: list[BaseException] = []

    def guarded(dialog: QDialog) -> None:  # a failed step closes the dialog instead of leaving it open
        try:
            follow_up(dialog)
        except BaseException as error:
            failures.append(error)
        if dialog.isVisible():
            dialog.reject()

    in_next_dialog(ConversationDialog, guarded)
    qtbot.mouseClick(history.conversation_button, Qt.MouseButton.LeftButton)
    if failures:
        raise failures[0]
    assert "telefoonnummer" in seen[0] and "0612345678" not in seen[0]
    assert "vastgelegd" in history.message.text()
    actions = services.conversations.actions(coach, "E1")
    by_what = {a.what: a for a in actions}
    assert by_what["Een keer extra doorvragen"].state == "done"
    dropped_action = by_what["Afsluiten met een check"]
    assert (dropped_action.state, dropped_action.reason) == ("dropped", "Past niet meer bij het werk")
    assert dropped_action.closed_at is not None
    new = by_what["Rustig tempo"]
    assert new.open and new.confirmed and f"{new.due_on:%d-%m-%Y}" == "15-12-2026"

    # The Dialog pack, made from the screen, lists every action with its state and when it was closed.
    page._ask_path = lambda suggestion: tmp_path / suggestion  # type: ignore[method-assign]  # the file dialog
    qtbot.mouseClick(page.dialog_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Opgeslagen" in page.message.text(), timeout=15_000)
    pack = tmp_path / "Dialog-voorbereiding Anouk de Vries.pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pack).pages).split())
    assert "Afgesproken acties" in text
    assert "Een keer extra doorvragen gedaan (afgerond op 20-11-2026)" in text
    assert "vervallen op 20-11-2026: Past niet meer bij het werk" in text
    assert "Rustig tempo (vóór 15-12-2026) open, afgesproken op 20-11-2026" in text
    assert "0612345678" not in text
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pack), str(tmp_path / "dialog")], check=True)
    assert (tmp_path / "dialog-1.png").stat().st_size > 0

    # The next cycle: its form asks about the action still open (the one agreed in this conversation).
    qtbot.mouseClick(history.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: history.message.text().startswith("Een nieuwe cyclus is gestart"), timeout=5_000)
    add_recording(services.workspace.store_path, "rec-third", clock.now - timedelta(hours=2), duration=4.0)
    window.show_area(MainWindow.RECORDINGS)
    recordings = controller.recordings
    assert recordings is not None
    qtbot.mouseClick(recordings.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not recordings.loading and recordings.model.rowCount() == 2, timeout=10_000)
    assert recordings.model.recording(0).id == "rec-third"  # newest first
    recordings.table.setFocus()
    qtbot.keyClick(recordings.table, Qt.Key.Key_Home)
    qtbot.keyClick(recordings.table, Qt.Key.Key_Return)
    form = controller.form
    assert form is not None
    qtbot.waitUntil(lambda: form.evaluation is not None and form.evaluation.recording_id == "rec-third", timeout=10_000)
    qtbot.mouseClick(form.cycle_line.agreements_toggle, Qt.MouseButton.LeftButton)
    assert form.cycle_line.agreements.text() == (
        "Open afspraken, vraag hoe het ging:\n\u2022 Rustig tempo (vóór 15-12-2026), afgesproken op 20-11-2026"
    )
