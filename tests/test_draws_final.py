"""Issue 20 item 8: a draw is final unless a reason is given.

Through the real cycles screen: a double click on "Kies gesprekken" makes one draw, and so do two quick
presses; pressing it again while picks are open asks why (cancelling changes nothing; "anders" with a phone
number is refused and asked again with the text kept; a listed reason draws again); replacing one pick asks
too. Everything is audited with the reason's code, the overview shows how many calls were replaced, and the
employee's feedback PDF (read back with pypdf, looked at as PNG) says so.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from nunrec_desktop.adapters.db.models import DrawRow
from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.services.draws import ReasonNeeded, ReasonRefused, ReplaceReason
from nunrec_desktop.services.evaluations import Answer, EvaluationContent
from nunrec_desktop.ui.cycles_page import CyclesPage
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.ui_dialogs import act_on_next_dialog, choose_in, choose_in_next_dialog, click_in_next_dialog
from tests.ui_session import sign_in_app


@pytest.fixture
def anouk(services: Services, coach: User, clock: FakeClock) -> User:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    for day in range(1, 13):
        add_recording(
            services.workspace.store_path,
            f"rec-{day:02d}",
            clock.now - timedelta(days=day, hours=day % 3 * 3),
            duration=120,
        )
    return coach


def _draws(services: Services) -> list[DrawRow]:
    with services.sessions() as session:
        return list(session.query(DrawRow).order_by(DrawRow.id))


def _evaluate(services: Services, coach: User, recording_id: str) -> None:
    guideline = services.guideline()
    meta = services.store().get(recording_id)
    draft = services.evaluations.for_recording(coach, guideline, "E1", recording_id, meta.start, meta.duration_s)
    answers = {c.key: Answer(c.scale.options[0]) for s in guideline.sections for c in s.criteria}
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(answers=answers, tops="Rustig en duidelijk"))
    services.evaluations.submit(coach, draft.id, guideline, services.guard())


def test_one_press_one_draw_and_every_replacement_asks_why(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    anouk: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
    tmp_path: Path,
) -> None:
    translators = install_translators(qapp)
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    window.show_area(MainWindow.CYCLES)
    page = window.pages.widget(MainWindow.CYCLES)
    assert isinstance(page, CyclesPage)
    qtbot.waitUntil(lambda: "Nog geen gesprekken gekozen voor Anouk de Vries" in page.message.text(), timeout=10_000)
    replaced_column = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())].index(
        "Vervangen"
    )

    # A double click as the system delivers it (press, release, double-click press, release): one draw.
    qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    qtbot.mouseDClick(page.draw_button, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(page.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.picks.count() == 4 and page.draw_button.isEnabled(), timeout=10_000)
    assert len(_draws(services)) == 1 and len(services.audit.entries(action="draws.created")) == 1
    first = [page.picks.item(i).data(256).id for i in range(page.picks.count())]

    # Pressing again: the coach is asked why; cancelling changes nothing, and the button stays usable.
    seen = click_in_next_dialog("Annuleren")
    qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Niets veranderd" in page.message.text(), timeout=10_000)
    assert any("4 gesprekken die voor Anouk de Vries zijn getrokken, zijn nog niet beoordeeld" in t for t in seen)
    assert len(_draws(services)) == 1

    # "Anders" with a caller's number is refused by the service; the dialog opens again with the text kept.
    second: dict[str, object] = {}

    def read_then_cancel(dialog: QWidget) -> None:
        second["labels"] = [label.text() for label in dialog.findChildren(QLabel)]
        [line] = dialog.findChildren(QLineEdit)
        second["text"], second["enabled"] = line.text(), line.isEnabled()
        [cancel] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Annuleren"]
        QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)  # nothing stored, nothing drawn

    def other_with_a_number(dialog: QWidget) -> None:
        choose_in(dialog, "Anders:", "Opnieuw kiezen", typed="beller 06-12345678 wil dat niet")
        act_on_next_dialog(read_then_cancel)

    act_on_next_dialog(other_with_a_number)
    qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "text" in second and QApplication.activeModalWidget() is None, timeout=10_000)
    assert any("mogelijk een gegeven van een beller" in str(label) for label in second["labels"])  # type: ignore[attr-defined]
    assert second["text"] == "beller 06-12345678 wil dat niet" and second["enabled"] is True
    assert len(_draws(services)) == 1
    stored = json.dumps([json.loads(r.parameters) for r in _draws(services)])
    assert "12345678" not in stored

    # A listed reason: one new draw replaces the four open picks, audited with the reason's code.
    choose_in_next_dialog("Technisch mankement in de opname", "Opnieuw kiezen")
    qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_draws(services)) == 2 and page.draw_button.isEnabled(), timeout=10_000)
    qtbot.waitUntil(lambda: page.table.item(0, replaced_column).text() == "4", timeout=10_000)
    second = [page.picks.item(i).data(256).id for i in range(page.picks.count())]
    assert second != first
    latest = services.audit.entries(action="draws.created")[0]
    assert latest.detail.endswith(f"redraw of draw {_draws(services)[0].id}; replaced 4; reason technical")
    redraw = json.loads(_draws(services)[1].parameters)["redraw"]
    assert redraw["replaced"] == first and redraw["reason"] == "technical"

    # Replacing one pick asks too; "anders" with a plain reason is kept with the draw.
    page.picks.setCurrentRow(2)
    choose_in_next_dialog("Anders:", "Vervangen", typed="de medewerker was ingewerkt door een collega")
    qtbot.mouseClick(page.replace_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.item(0, replaced_column).text() == "5", timeout=10_000)
    [replacement] = json.loads(_draws(services)[1].replacements)
    assert (replacement["reason"], replacement["text"]) == ("other", "de medewerker was ingewerkt door een collega")
    assert services.audit.entries(action="draws.replaced")[0].detail.endswith("; reason other")
    assert "ingewerkt" not in json.dumps([e.detail for e in services.audit.entries()])  # the text stays with the draw

    # Two quick presses while one draw runs: the second does nothing (all picks evaluated: no question).
    for recording_id in [page.picks.item(i).data(256).id for i in range(page.picks.count())]:
        _evaluate(services, anouk, recording_id)
    window.show_area(MainWindow.RECORDINGS)
    window.show_area(MainWindow.CYCLES)
    qtbot.waitUntil(lambda: "4 van de 4 gekozen gesprekken beoordeeld" in page.message.text(), timeout=10_000)
    qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_draws(services)) == 3 and page.draw_button.isEnabled(), timeout=10_000)
    qtbot.wait(0)  # the event loop turns once more: no fourth draw arrives
    assert len(_draws(services)) == 3

    # The employee's feedback PDF says how many drawn calls were replaced in this cycle.
    pdf = services.exports.document(anouk, "feedback", "E1", tmp_path / "terugkoppeling.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "Van de gesprekken die voor deze cyclus zijn geloot, zijn er 5 met een reden vervangen door andere." in text
    assert "12345678" not in text and "ingewerkt" not in text
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True
        )
        assert (tmp_path / "page-1.png").stat().st_size > 0
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def test_the_service_insists_on_a_reason_and_guards_it(services: Services, anouk: User) -> None:
    services.draws.draw(anouk, "E1", 3, seed=1)
    with pytest.raises(ReasonNeeded, match="3 nog niet beoordeelde gesprekken"):
        services.draws.draw(anouk, "E1", 3, seed=2)
    for wrong in (
        ReplaceReason("because"),
        ReplaceReason("other", ""),
        ReplaceReason("other", "x" * 81),
        ReplaceReason("other", "beller 0612345678"),
        ReplaceReason("other", "bsn 111222333"),
    ):
        with pytest.raises(ReasonRefused):
            services.draws.draw(anouk, "E1", 3, seed=2, reason=wrong)
    draw = services.draws.latest(anouk, "E1")
    assert draw is not None
    with pytest.raises(ReasonRefused):
        services.draws.replace(anouk, draw.id, draw.picks[0].id)
    assert len(_draws(services)) == 1
    again = services.draws.draw(anouk, "E1", 3, seed=2, reason=ReplaceReason("not_customer"))
    cycle = services.cycle_book.running(anouk, "E1")
    assert cycle is not None and cycle.replaced == 3 and again.cycle_id == cycle.id
    # The calls a redraw replaced no longer count as drawn for the cycle.
    assert services.cycle_book.drawn_ids(anouk, cycle) == {r.id for r in again.picks}
