"""Answering the next modal dialog as a person does: wait for it, read it, click one of its buttons."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QPushButton, QRadioButton, QWidget

# A safety net, not a measure: on a busy machine a dialog can take many seconds to open (a watcher that gave up
# before it opened left the modal dialog waiting for ever). A watcher never outlives its test (`stop_watching`).
DIALOG_SAFETY_NET_S = 60.0
_watching: list[list[bool]] = []  # one [still watching] flag per watcher not yet done


def stop_watching() -> None:
    """End every watcher still waiting for its dialog (at the end of a test, so none answers the next test's)."""
    for flag in _watching:
        flag[0] = False
    _watching.clear()


def _when_next_dialog(act: Callable[[QWidget], None], within_s: float) -> list[str]:
    """Once the next modal dialog is open, note its label texts and `act` on it (nothing within `within_s`, or
    the test ended first: the returned list stays empty)."""
    seen: list[str] = []
    deadline = time.monotonic() + within_s
    watching = [True]
    _watching.append(watching)

    def answer() -> None:
        if not watching[0]:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if time.monotonic() < deadline:
                QTimer.singleShot(20, answer)
            return
        watching[0] = False
        if watching in _watching:
            _watching.remove(watching)
        seen.extend(label.text() for label in dialog.findChildren(QLabel))
        act(dialog)

    QTimer.singleShot(0, answer)
    return seen


def click_in_next_dialog(button_text: str, within_s: float = DIALOG_SAFETY_NET_S) -> list[str]:
    """When the next modal dialog opens, click its button `button_text` with the mouse. Returns the dialog's
    label texts once it was answered (empty when no dialog came within `within_s`)."""

    def click(dialog: QWidget) -> None:
        [button] = [b for b in dialog.findChildren(QAbstractButton) if b.text().replace("&", "") == button_text]
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    return _when_next_dialog(click, within_s)


def press_in_next_dialog(key: Qt.Key = Qt.Key.Key_Return, within_s: float = DIALOG_SAFETY_NET_S) -> list[str]:
    """When the next modal dialog opens, press `key` on the widget with the focus in it (Enter: the default
    button). Returns the dialog's label texts once it was answered."""

    def press(dialog: QWidget) -> None:
        target = dialog.focusWidget()  # the focus inside the dialog (its default button), else the dialog
        QTest.keyClick(target if target is not None else dialog, key)

    return _when_next_dialog(press, within_s)


def act_on_next_dialog(act: Callable[[QWidget], None], within_s: float = DIALOG_SAFETY_NET_S) -> list[str]:
    """When the next modal dialog opens, `act` on it (e.g. answer it, then wait for the one after it)."""
    return _when_next_dialog(act, within_s)


def choose_in(dialog: QWidget, option: str, button_text: str, typed: str = "") -> None:
    """Click the option (a radio button) `option` with the mouse, type `typed` into the dialog's line edit when
    given, then click `button_text`."""
    [radio] = [b for b in dialog.findChildren(QRadioButton) if b.text().replace("&", "") == option]
    # On the indicator, as a person aims: a radio button takes a click on its circle or its text only.
    QTest.mouseClick(radio, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(8, radio.height() // 2))
    if typed:
        [line] = dialog.findChildren(QLineEdit)
        line.clear()
        QTest.keyClicks(line, typed)
    [button] = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == button_text]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def choose_in_next_dialog(
    option: str, button_text: str, typed: str = "", within_s: float = DIALOG_SAFETY_NET_S
) -> list[str]:
    """When the next modal dialog opens, choose in it (`choose_in`). Returns the dialog's label texts."""
    return _when_next_dialog(lambda dialog: choose_in(dialog, option, button_text, typed), within_s)
