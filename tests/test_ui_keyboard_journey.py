"""The whole daily loop by keyboard alone, in the real application: sign in, find the call in the list, open it,
answer every criterion, write tops, tips and notes, and submit with Ctrl+Enter. Every step is a key press on
the widget that has the focus (no mouse, no slot calls), and the focus never wanders into the side menu."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from nunrec_desktop.adapters.audio.playback import ClockOutput
from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.gui import gui_controller
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.ui_dialogs import press_in_next_dialog

MAX_TABS = 60


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the focus got lost"
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWidget:
    qtbot.keyClick(focused(), key, modifier)
    return focused()


def tab_until(qtbot: QtBot, wanted: object, trail: list[QWidget]) -> QWidget:
    """Press Tab until the focused widget is `wanted` (a widget, or a predicate); fail after MAX_TABS."""
    for _ in range(MAX_TABS):
        widget = focused()
        if widget is wanted or (callable(wanted) and wanted(widget)):
            return widget
        trail.append(press(qtbot, Qt.Key.Key_Tab))
    raise AssertionError(f"Tab never reached {wanted}; last: {[type(w).__name__ for w in trail[-8:]]}")


@pytest.mark.smoke  # end to end: also in the PostgreSQL pass whatever fixtures it uses
def test_sign_in_to_a_submitted_evaluation_by_keyboard_only(
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
    controller = gui_controller(
        workspace_dir, keyring_factory=lambda: keyring_backend, clock=clock, output_factory=lambda: ClockOutput(clock)
    )
    qtbot.addWidget(controller.login)
    controller.start()
    qtbot.waitUntil(controller.login.button.isEnabled, timeout=10_000)
    controller.login.activateWindow()

    # Sign in: the user name field has the focus; Enter moves on, Enter in the password signs in.
    assert focused() is controller.login.username
    qtbot.keyClicks(focused(), "marieke")
    assert press(qtbot, Qt.Key.Key_Return) is controller.login.password
    qtbot.keyClicks(focused(), TEST_PASSWORD)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # the sign-in window closes: the main window takes over
    window = controller.main_window
    assert window is not None and controller.recordings is not None and controller.form is not None
    qtbot.addWidget(window)
    window.resize(1366, 768)
    recordings, form = controller.recordings, controller.form
    qtbot.waitUntil(lambda: recordings.model.rowCount() == 1, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2_000)

    # The list: Tab to the table (it does not trap Tab), an arrow chooses the call, Enter opens it.
    trail: list[QWidget] = []
    tab_until(qtbot, recordings.table, trail)
    press(qtbot, Qt.Key.Key_Down)
    assert recordings.table.currentIndex().row() == 0
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.evaluation is not None, timeout=10_000)
    assert form.guideline is not None
    # As a person waits for the questions to appear: the answers made in `load` are shown by Qt on the next
    # turn of the event loop (a layout shows new children queued); Tab skips a widget not yet shown. Pressing
    # Tab before that (the PostgreSQL pass, now and then) walked past the form into the side menu.
    first_answer = next(iter(form.answer_groups.values())).buttons()[0]
    qtbot.waitUntil(lambda: first_answer.isVisible() and first_answer.isEnabled(), timeout=10_000)

    # The form: Tab from the player into the first criterion, then through every criterion in reading order.
    trail = []
    tab_until(qtbot, lambda w: isinstance(w, QRadioButton) and form.isAncestorOf(w), trail)
    order = [c.key for s in form.guideline.sections for c in s.criteria]
    groups_in_focus: list[str] = []
    for _ in range(MAX_TABS * 2):
        widget = focused()
        if widget is form.tops:
            break
        group = next((k for k, g in form.answer_groups.items() if widget in g.buttons()), None)
        if group is not None and form.answer_groups[group].checkedButton() is None:
            groups_in_focus.append(group)
            press(qtbot, Qt.Key.Key_Space)  # the focused answer: the first of each scale ("goed", "ja")
            assert form.answer_groups[group].checkedButton() is widget
        trail.append(press(qtbot, Qt.Key.Key_Tab))
    assert focused() is form.tops, "Tab from the last criterion's comment goes to Tops"
    assert groups_in_focus == order
    assert window.navigation not in trail, "the focus never went into the side menu on the way"

    qtbot.keyClicks(focused(), "Warme opening en een duidelijke samenvatting.")
    assert press(qtbot, Qt.Key.Key_Tab) is form.tips
    qtbot.keyClicks(focused(), "Vraag een keer extra door.")
    assert press(qtbot, Qt.Key.Key_Tab) is form.notes
    qtbot.keyClicks(focused(), "Rustig tempo.")
    text_before = window.navigation.currentRow()
    asked = press_in_next_dialog()  # no cycle runs: Enter answers the question with its default, a new cycle
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter submits
    assert any("Er loopt geen coachingscyclus" in text for text in asked)
    assert window.navigation.currentRow() == text_before  # typing never drove the side menu

    assert form.evaluation is not None and form.evaluation.status == "submitted"
    stored = services.evaluations.get(coach, form.evaluation.id)
    assert stored.status == "submitted" and stored.content.tops.startswith("Warme opening")
    assert stored.content.tips == "Vraag een keer extra door." and stored.content.notes == "Rustig tempo."
    assert {a.answer for a in stored.content.answers.values()} <= {"goed", "ja"}
    assert "Ingediend op" in form.status.text()
    assert form.isAncestorOf(focused()), "after submitting, the keyboard focus stays in the form"
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)
