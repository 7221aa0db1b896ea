"""Issue 26 on the screen: in the next cycle's conversation the coach follows up the earlier agreements with
the employee (done, or dropped with a reason that is guarded for caller data), records new ones with a date,
ticks that they were confirmed with the employee; the form of the next cycle shows the open ones."""

from __future__ import annotations

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
from tests.test_history import evaluate
from tests.test_ui_history import button, in_next_dialog, signed_in  # noqa: F401 (the fixture)


def test_the_next_conversation_follows_up_and_confirms_agreements(
    qtbot: QtBot,
    signed_in: tuple[AppController, MainWindow, EvaluationsPage, list[int]],  # noqa: F811
    services: Services,
    coach: User,
    clock: FakeClock,
) -> None:
    _controller, _window, page, _ids = signed_in
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
