"""The coaching-cycle overview (P7): due and overdue around the week boundaries, the current cycle against
the target, expiring candidates, urgency order; and the cycles area with "Kies gesprekken"."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.services.cycles import (
    STATE_DUE,
    STATE_NEVER,
    STATE_ON_TRACK,
    STATE_OVERDUE,
    STATE_RUNNING,
    cycle_state,
)
from nunrec_desktop.services.evaluations import Answer, EvaluationContent
from nunrec_desktop.ui.cycles_page import CyclesPage
from nunrec_desktop.ui.live_session_page import LiveSessionPage
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.ui_dialogs import choose_in_next_dialog
from tests.ui_session import sign_in_app


@pytest.mark.parametrize(
    ("days", "state"),
    [
        (None, STATE_NEVER),
        (20, STATE_ON_TRACK),
        (27, STATE_ON_TRACK),
        (28, STATE_DUE),
        (42, STATE_DUE),
        (43, STATE_OVERDUE),
        (90, STATE_OVERDUE),
    ],
)
def test_due_from_week_four_overdue_after_week_six(days: int | None, state: str) -> None:
    assert cycle_state(days, running=False, due_after=28, overdue_after=42) == state
    assert cycle_state(days, running=True, due_after=28, overdue_after=42) == STATE_RUNNING


def evaluate(
    services: Services,
    coach: User,
    clock: FakeClock,
    employee: str,
    recording: str,
    days_ago: int,
    new_cycle: bool = False,
) -> None:
    guideline = services.guideline()
    saved = clock.now
    clock.now = saved - timedelta(days=days_ago)
    if new_cycle:
        services.cycle_book.start(coach, employee)  # cycles are explicit (issue 13)
    draft = services.evaluations.for_recording(coach, guideline, employee, recording, clock.now, 90)
    services.evaluations.save_draft(
        coach,
        draft.id,
        EvaluationContent(answers={c.key: Answer(c.scale.options[0]) for s in guideline.sections for c in s.criteria}),
    )
    services.evaluations.submit(coach, draft.id, guideline, services.guard())
    clock.now = saved


@pytest.fixture
def team(services: Services, coach: User, clock: FakeClock) -> User:
    for employee, name in (
        ("E1", "Anouk de Vries"),
        ("E2", "Bram Jansen"),
        ("E3", "Ilse Mulder"),
        ("E4", "Sanne Hendriks"),
    ):
        services.people.add_employee(employee, name)
        services.people.assign(coach.id, employee, date(2025, 1, 1))
    evaluate(services, coach, clock, "E1", "a1", 50, new_cycle=True)  # overdue
    evaluate(services, coach, clock, "E2", "b1", 30, new_cycle=True)  # due once its conversation closed it
    saved = clock.now
    clock.now -= timedelta(days=28)
    services.conversations.record(coach, "E2", clock.now.date(), ["Vraag door bij een lang verhaal."])
    clock.now = saved
    evaluate(services, coach, clock, "E3", "c1", 3, new_cycle=True)  # a cycle running: 2 of 4
    evaluate(services, coach, clock, "E3", "c2", 1)
    add_recording(
        services.workspace.store_path, "rec-e4-old", clock.now - timedelta(days=25), employee="E4", duration=90
    )
    return coach


def test_the_overview_in_order_of_urgency(services: Services, team: User, clock: FakeClock) -> None:
    rows = services.cycles.rows(team)
    assert [(r.name, r.state) for r in rows] == [
        ("Anouk de Vries", STATE_OVERDUE),
        ("Sanne Hendriks", STATE_NEVER),
        ("Bram Jansen", STATE_DUE),
        ("Ilse Mulder", STATE_RUNNING),
    ]
    by_name = {r.name: r for r in rows}
    assert by_name["Ilse Mulder"].evaluated_in_current == 2 and by_name["Ilse Mulder"].target == 4
    assert by_name["Anouk de Vries"].days_since == 50
    assert by_name["Sanne Hendriks"].expiring_candidates == 1
    assert by_name["Bram Jansen"].conversation == "besproken op 23-10-2026"
    assert by_name["Ilse Mulder"].conversation == "nog te bespreken" and by_name["Sanne Hendriks"].conversation == "-"


def test_the_cycles_area_picks_calls(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    team: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    translators = install_translators(qapp)
    for day in range(2, 9):
        add_recording(
            services.workspace.store_path,
            f"rec-e1-{day}",
            clock.now - timedelta(days=day, hours=day % 3 * 3),
            employee="E1",
            duration=120,
        )
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    window.show_area(MainWindow.CYCLES)
    page = window.pages.widget(MainWindow.CYCLES)
    assert isinstance(page, CyclesPage)
    qtbot.waitUntil(lambda: page.table.rowCount() == 4, timeout=10_000)
    assert page.table.item(0, 0).text() == "Anouk de Vries" and page.table.item(0, 2).text() == "te laat"
    qtbot.waitUntil(lambda: "Nog geen gesprekken gekozen voor Anouk de Vries" in page.message.text(), timeout=5_000)
    qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.picks.count() > 0, timeout=10_000)
    assert page.picks.count() == 4 and "4 gesprekken gekozen voor Anouk de Vries" in page.message.text()
    made = f"{page.draw.created_at.astimezone():%d-%m}" if page.draw and page.draw.created_at else "?"
    assert f"(trekking {page.draw.id if page.draw else '?'} van {made})" in page.message.text()
    assert "seed" not in page.message.text() and str(page.draw.seed if page.draw else "?") not in page.message.text()
    with qtbot.waitSignal(page.recording_activated) as signal:
        page.picks.itemActivated.emit(page.picks.item(0))
    assert signal.args[0].id.startswith("rec-e1-")

    before = [page.picks.item(i).data(256).id for i in range(page.picks.count())]
    page.picks.setCurrentRow(1)
    asked = choose_in_next_dialog("Technisch mankement in de opname", "Vervangen")  # a draw is final unless ...
    qtbot.mouseClick(page.replace_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "vervangen" in page.message.text(), timeout=10_000)
    assert any("Getrokken gesprekken staan vast" in text for text in asked)
    after = [page.picks.item(i).data(256).id for i in range(page.picks.count())]
    assert len(after) == 4 and after[0] == before[0] and after[2:] == before[2:]
    assert after[1] not in before and after[1].startswith("rec-e1-")
    [replaced] = services.audit.entries(action="draws.replaced")
    assert replaced.detail == f"{before[1]} -> {after[1]}; reason technical" and replaced.object_id == str(page.draw.id)

    # Coming back later opens Anouk's cycle again: the picks as they stand, one of them evaluated by now.
    evaluate(services, team, clock, "E1", after[0], 0)
    window.show_area(MainWindow.RECORDINGS)
    window.show_area(MainWindow.CYCLES)
    qtbot.waitUntil(lambda: "1 van de 4 gekozen gesprekken beoordeeld" in page.message.text(), timeout=10_000)
    assert (
        page.message.text().startswith(f"Trekking {page.draw.id} van ") and "voor Anouk de Vries" in page.message.text()
    )
    assert [page.picks.item(i).data(256).id for i in range(page.picks.count())] == after
    assert page.picks.item(0).text().endswith("- beoordeeld") and not page.picks.item(1).text().endswith("beoordeeld")
    names = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    page.table.selectRow(names.index("Sanne Hendriks"))  # nothing picked for her yet
    qtbot.waitUntil(lambda: "Nog geen gesprekken gekozen voor Sanne Hendriks" in page.message.text(), timeout=5_000)
    assert page.picks.count() == 0 and not page.replace_button.isVisible()
    page.table.selectRow(names.index("Anouk de Vries"))
    qtbot.waitUntil(lambda: page.picks.count() == 4, timeout=5_000)

    qtbot.mouseClick(page.side_by_side_button, Qt.MouseButton.LeftButton)  # Anouk is selected
    assert window.navigation.currentRow() == MainWindow.SIDE_BY_SIDE
    live = window.pages.widget(MainWindow.SIDE_BY_SIDE)
    assert isinstance(live, LiveSessionPage) and live.employee.currentData() == "E1"
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)
