"""Keyboard and screen reader (EN 301 549 clause 11 as the reference), in the real application:

- every interactive widget on every page has a name as assistive technology gets it
  (`QAccessible.queryAccessibleInterface(widget).text(Name)`: explicit, or from its text or its label's buddy);
- no English and no internal codes on the coach's screens once the translations are installed, Qt's own
  dialogs included;
- F1 lists the keys of the current screen, read from the screen's own shortcuts;
- the side menu ignores typed letters (its type-ahead jumped to "Verwijderverzoeken");
- text colours in style.qss have a contrast of at least 4.5:1 with their background.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAccessible, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.ui.application import AppController
from nunrec_desktop.ui.key_help import KeyHelpDialog, key_name, keys_of
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.translations import install_translators
from nunrec_desktop.ui.waveform_view import WaveformView
from tests.conftest import FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.ui_session import sign_in_app

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractItemView,
    QAbstractSlider,
    QPlainTextEdit,
    QTextEdit,
    WaveformView,
)
ENGLISH = re.compile(
    r"\b(the|and|of the|Play|Pause|Look in|Files of type|File name|Save|Cancel|Search|Delete|Submit|Mark|Zoom|"
    r"Speed|Employee|Recordings|Refresh|Sign|Lock|Yes|No|Close|Details view|List View|seed|version|"
    r"loading|Whole call|Mute|Caller|Notes)\b"
)
CODES = re.compile(
    r"\(P\d+\)|seed \d|\bleidraad [\d.]+|standaardleidraad|"
    r"\b(auth|recordings|draws|evaluations|exports|employees|users|erasure|audit|store|retention)\.[a-z_]+"
)


@pytest.fixture
def coach_app(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> Iterator[tuple[AppController, MainWindow]]:
    translators = install_translators(qapp)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    add_recording(services.workspace.store_path, "rec-1", clock.now - timedelta(days=1), duration=4.0)
    controller, window, recordings = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    assert recordings is not None
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: recordings.model.rowCount() == 1, timeout=10_000)
    recordings.table.doubleClicked.emit(recordings.model.index(0, 0))
    form = controller.form
    assert form is not None
    qtbot.waitUntil(lambda: form.evaluation is not None, timeout=10_000)
    yield controller, window
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def unnamed(root: QWidget) -> list[str]:
    """Interactive widgets under `root` that a screen reader would announce without a name."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if widget.window() is not root.window():
            continue  # a popup of Qt's own (a combo box's list, the calendar menu): named by its owner
        if widget.parent() is not None and isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            continue  # the line edit inside a spin box or combo box: the box itself is what is named
        if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue
        if not accessible_name(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parentWidget()).__name__}")
    return missing


def visible_texts(root: QWidget) -> list[str]:
    """What is written on screen under `root`: texts, placeholders, tooltips, titles, items and headers."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root.window()) and widget is not root:
            continue
        for getter in ("text", "placeholderText", "toolTip", "windowTitle", "title", "accessibleName"):
            method = getattr(widget, getter, None)
            if callable(method):
                try:
                    value = method()
                except TypeError:
                    continue
                if isinstance(value, str) and value:
                    texts.append(value.replace("&", ""))
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
            texts += [
                str(model.index(r, c).data() or "")
                for r in range(min(model.rowCount(QModelIndex()), 20))
                for c in range(columns)
            ]
    return [t for t in texts if t.strip()]


def english_on(texts: list[str]) -> list[str]:
    return [t for t in texts if ENGLISH.search(t) or CODES.search(t)]


def test_every_interactive_widget_on_every_coach_page_has_a_name(
    qtbot: QtBot, coach_app: tuple[AppController, MainWindow]
) -> None:
    controller, window = coach_app
    assert accessible_name(window.navigation) == "Hoofdmenu"
    missing: dict[str, list[str]] = {}
    for area in range(window.pages.count()):
        window.show_area(area)
        qtbot.waitUntil(lambda: controller.tasks.pending == 0, timeout=10_000)  # the page's list loaded
        page = window.pages.widget(area)
        if area == MainWindow.SIDE_BY_SIDE and controller.live is not None:
            for stage in range(controller.live.stages.count()):
                controller.live.stages.setCurrentIndex(stage)
                missing[f"side-by-side {stage}"] = unnamed(controller.live.stages.widget(stage))
            controller.live.stages.setCurrentIndex(0)
            continue
        missing[window.navigation.item(area).text()] = unnamed(page)
    missing["header"] = unnamed(window.work) if False else []
    missing["lock screen"] = unnamed(window.lock_screen)
    missing["sign-in"] = unnamed(controller.login)
    assert {area: names for area, names in missing.items() if names} == {}

    player, form = controller.player, controller.form
    assert player is not None and form is not None and form.guideline is not None
    criterion = form.guideline.sections[0].criteria[0]
    first_answer = form.answer_groups[criterion.key].buttons()[0]
    assert accessible_name(first_answer).startswith(criterion.text)  # the radio group named by its criterion
    assert accessible_name(form.comments[criterion.key]) == f"Toelichting bij: {criterion.text}"
    window.show_area(MainWindow.PLAYER)
    player.seek(1.0)
    name = accessible_name(player.waveform)
    assert name.startswith("Golfvorm van Anouk de Vries") and "op 0:01 van 0:04" in name


def test_it_pages_have_names_too(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    it_user: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    translators = install_translators(qapp)
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend, username="dennis")
    missing = {}
    for area in range(window.pages.count()):
        window.show_area(area)
        missing[area] = unnamed(window.pages.widget(area))
    assert {area: names for area, names in missing.items() if names} == {}
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def test_no_english_and_no_codes_on_the_coach_screens(
    qtbot: QtBot, coach_app: tuple[AppController, MainWindow]
) -> None:
    controller, window = coach_app
    found: dict[str, list[str]] = {}
    for area in range(window.pages.count()):
        window.show_area(area)
        qtbot.waitUntil(lambda: controller.tasks.pending == 0, timeout=10_000)  # the page's list loaded
        found[window.navigation.item(area).text()] = english_on(visible_texts(window.pages.widget(area)))
    found["sign-in"] = english_on(visible_texts(controller.login))
    assert "meld je aan" in " ".join(visible_texts(controller.login))
    assert {area: texts for area, texts in found.items() if texts} == {}


def _texts_of_next_dialog(qtbot: QtBot, into: list[str], answer: Qt.Key = Qt.Key.Key_Escape) -> None:
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, look)
            return
        into.extend(visible_texts(dialog))
        qtbot.keyClick(dialog, answer)

    QTimer.singleShot(0, look)


def test_qt_own_dialogs_speak_dutch(qtbot: QtBot, coach_app: tuple[AppController, MainWindow]) -> None:
    """qtbase_nl.qm lacks Qt 6's "&Look in:" and "Files of &type:" (ui.translations fills them)."""
    _controller, window = coach_app
    texts: list[str] = []
    _texts_of_next_dialog(qtbot, texts)
    QFileDialog.getSaveFileName(
        window,
        "Document opslaan",
        str(Path.home() / "x.pdf"),
        "PDF-documenten (*.pdf)",
        options=QFileDialog.Option.DontUseNativeDialog,
    )
    assert "Zoeken in:" in texts and "Bestandstype:" in texts and "Bestandsnaam:" in texts
    _texts_of_next_dialog(qtbot, texts)
    QMessageBox.question(window, "Vraag", "Doorgaan?")
    _texts_of_next_dialog(qtbot, texts)
    QInputDialog.getText(window, "Reden", "Waarom?")
    assert english_on(texts) == []


def test_f1_lists_the_keys_read_from_the_screen(qtbot: QtBot, coach_app: tuple[AppController, MainWindow]) -> None:
    controller, window = coach_app
    assert controller.key_help is not None and controller.player is not None
    window.show_area(MainWindow.PLAYER)
    controller.player.waveform.setFocus()
    seen: dict[str, object] = {}

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, KeyHelpDialog):
            QTimer.singleShot(20, read_and_close)
            return
        table = dialog.table
        seen["keys"] = [table.item(r, 0).text() for r in range(table.rowCount())]
        seen["about"] = dialog.about.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, read_and_close)
    qtbot.keyClick(controller.player.waveform, Qt.Key.Key_F1)
    page_keys = [part for key, _ in keys_of(window.pages.currentWidget()) for part in key.split(" / ")]
    assert [p for key in seen["keys"] for p in str(key).split(" / ")] == page_keys  # type: ignore[attr-defined]
    assert "Ctrl+Enter" in seen["keys"]  # type: ignore[operator]
    assert not any("Return" in str(key) for key in seen["keys"])  # type: ignore[attr-defined]
    shortcuts = {key_name(s.key()) for s in window.pages.currentWidget().findChildren(QShortcut) if s.isEnabled()}
    assert shortcuts <= set(page_keys)  # every real shortcut of the page is listed, none forgotten
    for key in ("Spatiebalk", "Pijl links", "Pijl rechts", "M", "+", "-", "0", "Ctrl+Enter", "Del", "F2", "Esc"):
        assert key in page_keys, key
    described = keys_of(window.pages.currentWidget())
    assert [key for key, what in described if not what] == []  # every key says what it does (issue 22)
    assert "standaardleidraad" in str(seen["about"]) or "standaard" in str(seen["about"])

    window.show_area(MainWindow.SIDE_BY_SIDE)
    assert controller.live is not None
    live_keys = [part for key, _ in keys_of(window.pages.currentWidget()) for part in key.split(" / ")]
    assert {"1", "2", "3", "4", "5"} <= set(live_keys)


def test_typing_in_the_side_menu_does_not_switch_the_area(
    qtbot: QtBot, coach_app: tuple[AppController, MainWindow]
) -> None:
    _controller, window = coach_app
    window.show_area(MainWindow.RECORDINGS)
    window.navigation.setFocus()
    qtbot.keyClicks(window.navigation, "Verwijder")
    assert window.navigation.currentRow() == MainWindow.RECORDINGS
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.navigation.currentRow() == MainWindow.PLAYER  # the arrows still choose


# -- contrast ---------------------------------------------------------------------------------------------

STYLE = Path(__file__).resolve().parent.parent / "resources" / "style.qss"
HEX = r"#[0-9a-fA-F]{6}"


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    high, low = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_pairs(qss: str) -> list[tuple[str, str, str]]:
    """(selector, text colour, background) for every rule that sets a text colour. A rule without its own
    background takes the one of the nearest rule whose selector is a prefix (e.g. "#header QLabel" takes
    "#header"), else the window's background."""
    rules = [(sel.strip(), body) for sel, body in re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", qss))]

    def prop(body: str, name: str) -> str | None:
        found = re.search(rf"(?:^|;)\s*{name}\s*:\s*({HEX})", body)
        return found.group(1).lower() if found else None

    backgrounds = {sel: prop(body, "background(?:-color)?") for sel, body in rules}
    window = backgrounds.get("QMainWindow, #loginWindow, #lockScreen") or "#ffffff"
    pairs = []
    for selector, body in rules:
        for part in selector.split(","):
            part = part.strip()
            colour = prop(body, "color")
            if colour is None:
                continue
            background = backgrounds.get(selector)
            if background is None:
                words = part.split()
                for cut in range(len(words) - 1, 0, -1):
                    background = next(
                        (b for s, b in backgrounds.items() if b and s.split(":")[0] == " ".join(words[:cut])), None
                    )
                    if background:
                        break
            pairs.append((part, colour, background or window))
    for selector, body in rules:
        selected = prop(body, "selection-color")
        if selected is not None:
            pairs.append((selector + " (selection)", selected, prop(body, "selection-background-color") or window))
    return pairs


def test_text_contrast_in_the_style_sheet_is_at_least_4_5() -> None:
    pairs = text_pairs(STYLE.read_text(encoding="utf-8"))
    assert len(pairs) > 20
    low = [(s, f, b, round(contrast(f, b), 2)) for s, f, b in pairs if contrast(f, b) < 4.5]
    assert low == []


def test_the_contrast_check_catches_a_pale_colour() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    pairs = text_pairs("QMainWindow, #loginWindow, #lockScreen { background: #eef2f4; }\n#x { color: #9aa5ab; }")
    assert pairs == [("#x", "#9aa5ab", "#eef2f4")] and contrast("#9aa5ab", "#eef2f4") < 4.5


def test_the_cycle_colours_keep_their_text_readable() -> None:
    """Due and overdue are coloured beside their words ("aan de beurt", "te laat"); the text on them stays
    readable (WCAG AA, 4.5:1)."""
    from nunrec_desktop.ui.cycles_page import STATE_COLOURS, STATE_TEXT

    assert all(contrast(STATE_TEXT, background) >= 4.5 for background in STATE_COLOURS.values())
