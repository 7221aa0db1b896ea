"""Issue 13 on the screen, driven by clicks and keys: the history of an employee (a recording that is gone
opens read-only and is corrected from there), the feedback choice before the PDF, the conversation dialog
(caller data refused, then recorded), and the cycles overview saying "besproken op"."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.ui.application import AppController
from nunrec_desktop.ui.conversation_dialog import ConversationDialog
from nunrec_desktop.ui.cycles_page import CyclesPage
from nunrec_desktop.ui.evaluations_page import EvaluationsPage
from nunrec_desktop.ui.feedback_choice import FeedbackChoiceDialog
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.test_history import evaluate
from tests.ui_dialogs import click_in_next_dialog
from tests.ui_session import sign_in_app


def click_row(qtbot: QtBot, table: QTableWidget, row: int) -> None:
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def button(dialog: QDialog, text: str) -> QPushButton:
    [found] = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == text]
    return found


def in_next_dialog(kind: type[QDialog], steps: Callable[[QDialog], None]) -> list[QDialog]:
    """Run `steps` on the next modal dialog of `kind` once it is open (the way a person works in it)."""
    seen: list[QDialog] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, act)
            return
        seen.append(dialog)
        steps(dialog)

    QTimer.singleShot(0, act)
    return seen


@pytest.fixture
def signed_in(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> Iterator[tuple[AppController, MainWindow, EvaluationsPage, list[int]]]:
    translators = install_translators(qapp)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    add_recording(services.workspace.store_path, "rec-new", clock.now - timedelta(days=2), duration=4.0)
    services.cycle_book.start(coach, "E1")
    ids = [
        evaluate(services, coach, "rec-gone", 40, clock),  # recording past 30 days
        evaluate(services, coach, "rec-mid", 9, clock),
        evaluate(services, coach, "rec-new", 2, clock),
    ]
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    window.resize(1500, 950)
    window.show_area(MainWindow.EVALUATION)
    page = window.pages.widget(MainWindow.EVALUATION)
    assert isinstance(page, EvaluationsPage)
    yield controller, window, page, ids
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def test_the_history_opens_an_evaluation_whose_recording_is_gone_and_corrects_it(
    qtbot: QtBot, signed_in: tuple[AppController, MainWindow, EvaluationsPage, list[int]], services: Services
) -> None:
    controller, window, page, ids = signed_in
    history = page.history
    qtbot.waitUntil(lambda: history.table.rowCount() == 3, timeout=5_000)
    assert history.title.text() == "Geschiedenis van Anouk de Vries"
    headers = [history.table.horizontalHeaderItem(c).text() for c in range(history.table.columnCount())]
    assert headers == [
        "Gesprek", "Bron", "Status", "Aanvang", "Analyse", "Antwoord", "Afsluiting", "Algemeen", "Cyclus",
        "In terugkoppeling",
    ]  # fmt: skip
    cells = [[history.table.item(r, c).text() for c in range(len(headers))] for r in range(3)]
    gone = next(row for row, line in enumerate(cells) if "(weg)" in line[1])
    assert cells[gone][1] == "opname (weg)" and cells[gone][8].endswith(", niet getrokken")
    assert cells[gone][2] == "ingediend, v1" and cells[gone][9] == "nee"
    assert history.table.item(gone, 2).toolTip() == "ingediend, versie 1"
    assert cells[gone][4] == "1+ 1-"  # Analyse: ja counts as +, verbeterpunt as -
    assert history.table.item(gone, 4).toolTip() == "Analyse 1 ja, 1 verbeterpunt"
    assert history.table.item(gone, 8).toolTip().endswith(", loopt")
    # Nothing clipped on a laptop screen: every column shows its whole text, without a horizontal scroll bar.
    window.resize(1366, 768 - 30)
    qtbot.waitUntil(lambda: history.table.viewport().width() < 1200)
    table, header = history.table, history.table.horizontalHeader()
    needed = [max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(table.columnCount())]
    assert sum(needed) <= table.viewport().width(), (needed, table.viewport().width())
    assert all(header.sectionSize(c) >= needed[c] for c in range(table.columnCount()))
    qtbot.waitUntil(lambda: not table.horizontalScrollBar().isVisible(), timeout=2_000)
    click_row(qtbot, history.table, gone)
    qtbot.mouseClick(history.open_button, Qt.MouseButton.LeftButton)
    form = controller.form
    assert form is not None and window.navigation.currentRow() == MainWindow.PLAYER
    assert form.evaluation is not None and form.evaluation.id == ids[0]
    assert "De opname is er niet meer" in form.status.text() and not form.body.isEnabled()
    assert controller.player is not None and "De opname is er niet meer" in controller.player.info.text()
    assert form.cycle_line.text().startswith("Telt mee voor: de cyclus van")
    qtbot.mouseClick(form.revise_button, Qt.MouseButton.LeftButton)  # "Nieuwe versie", also without recording
    assert form.evaluation.revision == 2 and form.body.isEnabled()
    assert form.tops.toPlainText() == "Warme opening."  # the scores and notes stay

    # Filter by period: only the last 10 days.
    window.show_area(MainWindow.EVALUATION)
    qtbot.mouseClick(history.period, Qt.MouseButton.LeftButton)
    history.first.setDate(QDate(2026, 11, 10))  # the calendar popup is Qt's own; its value is what matters here
    qtbot.waitUntil(lambda: history.table.rowCount() == 2, timeout=5_000)
    qtbot.mouseClick(history.period, Qt.MouseButton.LeftButton)  # off again: everything
    qtbot.waitUntil(lambda: history.table.rowCount() == 3, timeout=5_000)


def test_the_feedback_choice_and_the_conversation(
    qtbot: QtBot,
    signed_in: tuple[AppController, MainWindow, EvaluationsPage, list[int]],
    services: Services,
    coach: User,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    controller, window, page, ids = signed_in
    history = page.history
    qtbot.waitUntil(lambda: history.table.rowCount() == 3, timeout=5_000)
    page._ask_path = lambda suggestion: tmp_path / suggestion
    summaries: list[str] = []

    def untick_the_oldest(dialog: QDialog) -> None:
        assert isinstance(dialog, FeedbackChoiceDialog)
        assert dialog.list.count() == 3 and len(dialog.chosen_ids()) == 3  # the cycle's, by default
        summaries.append(dialog.summary.text())
        oldest = dialog.list.item(2)
        dialog.list.setFocus()
        dialog.list.setCurrentItem(oldest)
        QTest.keyClick(dialog.list, Qt.Key.Key_Space)  # untick it
        summaries.append(dialog.summary.text())
        QTest.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)

    in_next_dialog(FeedbackChoiceDialog, untick_the_oldest)
    qtbot.mouseClick(page.feedback_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Opgeslagen" in page.message.text(), timeout=15_000)
    assert summaries[0].startswith("De medewerker leest 3 van je beoordelingen") and "Markeringen: 3" in summaries[0]
    assert "het gesprek nog komt" in summaries[0]
    assert summaries[1].startswith("De medewerker leest 2 van je beoordelingen")
    written = tmp_path / "Terugkoppeling Anouk de Vries.pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(written).pages).split())
    assert text.count("Gesprek van") == 2 and "Dit gesprek moet nog plaatsvinden" in text
    qtbot.waitUntil(
        lambda: [history.table.item(r, history.column("In terugkoppeling")).text() for r in range(3)].count("ja") == 2,
        timeout=5_000,
    )

    def fill_in(dialog: QDialog) -> None:
        assert isinstance(dialog, ConversationDialog)
        dialog.agreements.setFocus()
        QTest.keyClicks(dialog.agreements, "Een keer extra doorvragen")  # QTest types ASCII only
        asked.append(click_in_next_dialog("Verder typen"))  # Escape asks first; the typed text stays (issue 22)
        QTest.keyClick(dialog.agreements, Qt.Key.Key_Escape)
        assert dialog.isVisible() and dialog.agreements.toPlainText() == "Een keer extra doorvragen"
        dialog.reaction.setFocus()
        QTest.keyClicks(dialog.reaction, "Bel me terug op 06-12345678")
        QTest.mouseClick(dialog.agree_no, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
        QTest.keyClicks(dialog.disagreement, "het tempo")
        QTest.mouseClick(button(dialog, "Opslaan"), Qt.MouseButton.LeftButton)
        refused.append(dialog.message.text())
        dialog.reaction.selectAll()
        QTest.keyClicks(dialog.reaction, "Herkenbaar; ik ga het oefenen.")
        QTest.mouseClick(button(dialog, "Opslaan"), Qt.MouseButton.LeftButton)

    refused: list[str] = []
    asked: list[list[str]] = []
    in_next_dialog(ConversationDialog, fill_in)
    qtbot.mouseClick(history.conversation_button, Qt.MouseButton.LeftButton)
    assert "In de reactie staat mogelijk een gegeven van een beller (telefoonnummer)" in refused[0]
    assert any("zonder op te slaan" in text for texts in asked for text in texts), asked
    assert "Gesprek van 20-11-2026 vastgelegd. Afspraken: 1." in history.message.text()
    [cycle] = services.cycle_book.cycles(coach, "E1")
    [conversation] = services.conversations.of_cycles(coach, [cycle.id]).values()
    assert conversation.agreements == ["Een keer extra doorvragen"]
    assert (conversation.reaction, conversation.agrees, conversation.disagreement) == (
        "Herkenbaar; ik ga het oefenen.",
        False,
        "het tempo",
    )
    assert history.table.item(0, history.column("Cyclus")).toolTip().endswith(", besproken op 20-11-2026")
    cycles = window.pages.widget(MainWindow.CYCLES)
    assert isinstance(cycles, CyclesPage)
    # the cycles overview follows the conversation by itself, before the coach turns to it
    qtbot.waitUntil(
        lambda: cycles.table.rowCount() == 1 and cycles.table.item(0, 6).text() == "besproken op 20-11-2026",
        timeout=10_000,
    )
    window.show_area(MainWindow.CYCLES)
    assert cycles.table.horizontalHeaderItem(3).text() == "Beoordeeld in deze cyclus"
    assert cycles.table.item(0, 3).text().endswith(" beoordeeld")

    # The next cycle: the coach starts it, evaluates a new call, and the form shows what was agreed.
    window.show_area(MainWindow.EVALUATION)
    qtbot.mouseClick(history.start_button, Qt.MouseButton.LeftButton)
    assert history.message.text() == "Een nieuwe cyclus is gestart op 20-11-2026."
    add_recording(services.workspace.store_path, "rec-next", clock.now - timedelta(hours=3), duration=4.0)
    window.show_area(MainWindow.RECORDINGS)
    recordings = controller.recordings
    assert recordings is not None
    qtbot.mouseClick(recordings.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: recordings.model.rowCount() == 2, timeout=10_000)
    recordings.table.setFocus()
    qtbot.keyClick(recordings.table, Qt.Key.Key_Home)
    qtbot.keyClick(recordings.table, Qt.Key.Key_Return)
    form = controller.form
    assert form is not None
    qtbot.waitUntil(lambda: form.evaluation is not None and form.evaluation.recording_id == "rec-next", timeout=10_000)
    assert form.cycle_line.text() == "Telt mee voor: de cyclus van 20-11-2026 (niet getrokken)."
    agreed = form.cycle_line.agreements
    toggle = form.cycle_line.agreements_toggle  # folded to one line that opens (issue 22)
    assert toggle.isVisible() and toggle.text() == "1 afspraak" and not agreed.isVisible()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert agreed.isVisible() and form.body.isAncestorOf(agreed)  # in the form's body: it scrolls with the form
    assert agreed.text() == (  # issue 26: the open agreements of earlier conversations, to ask about
        "Open afspraken, vraag hoe het ging:\n\u2022 Een keer extra doorvragen, afgesproken op 20-11-2026"
    )
    assert ids


def test_an_evaluation_whose_recording_is_not_in_the_list_opens_read_only_and_says_so(
    qtbot: QtBot, signed_in: tuple[AppController, MainWindow, EvaluationsPage, list[int]]
) -> None:
    """rec-mid is young enough to exist, but the store does not list it (as when the list could not load)."""
    controller, _window, page, ids = signed_in
    history = page.history
    qtbot.waitUntil(lambda: history.table.rowCount() == 3, timeout=5_000)
    row = next(r for r in range(3) if history.table.item(r, 0).data(256).evaluation.id == ids[1])
    click_row(qtbot, history.table, row)
    qtbot.mouseClick(history.open_button, Qt.MouseButton.LeftButton)
    form = controller.form
    assert form is not None and form.evaluation is not None and form.evaluation.id == ids[1]
    assert "De opname staat nu niet in de lijst" in form.status.text()
    assert "er niet meer" not in form.status.text() and not form.body.isEnabled()
