"""The player page driven with pytest-qt: open a real recording from a real workspace, play on a clock
output, keys for play/pause, skip and marks, seeking by clicking the waveform, zoom, and honest notices."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, timedelta

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolTip
from pytestqt.qtbot import QtBot

from nunrec_desktop.adapters.audio.playback import ClockOutput
from nunrec_desktop.adapters.store.base import Segment
from nunrec_desktop.app import Services, players
from nunrec_desktop.domain import User
from nunrec_desktop.ui.player_page import PlayerPage
from nunrec_desktop.ui.tasks import TaskRunner
from nunrec_desktop.ui.translations import install_translators
from nunrec_desktop.ui.waveform_view import LABEL_WIDTH
from tests.conftest import FakeClock
from tests.recordings_factory import add_recording


def call_audio(seconds: float) -> bytes:
    t = np.arange(int(seconds * 8000)) / 8000
    data = np.stack(
        [0.4 * np.sin(2 * np.pi * 220 * t) * (t % 2 < 1), 0.4 * np.sin(2 * np.pi * 330 * t) * (t % 2 >= 1)], axis=1
    )
    buffer = io.BytesIO()
    sf.write(buffer, data, 8000, format="WAV", subtype="ALAW")
    return buffer.getvalue()


@pytest.fixture
def player(
    qtbot: QtBot, qapp: QApplication, services: Services, coach: User, clock: FakeClock
) -> Iterator[tuple[PlayerPage, Services, FakeClock]]:
    translators = install_translators(qapp)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    root = services.workspace.store_path
    add_recording(root, "rec-call", clock.now - timedelta(days=1), duration=20.0, audio=call_audio(20.0))
    add_recording(root, "rec-cut", clock.now - timedelta(days=1), duration=60.0, audio=call_audio(20.0))
    add_recording(root, "rec-bad", clock.now - timedelta(days=1), audio=b"not audio" * 50)
    add_recording(
        root,
        "rec-moved",
        clock.now - timedelta(days=1),
        duration=20.0,
        audio=call_audio(20.0),
        employee="E9",
        segments=(Segment("E9", 0, 8), Segment("E1", 8, 20)),
    )
    tasks = TaskRunner()
    page = PlayerPage(services.desk_for(coach), players(lambda: ClockOutput(clock)), tasks)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    yield page, services, clock
    tasks.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def open_in(qtbot: QtBot, page: PlayerPage, services: Services, coach_name: str, recording_id: str) -> None:
    coach = services.accounts.find(coach_name)
    assert coach is not None
    [recording] = [r for r in services.catalog.visible_for(coach).items if r.id == recording_id]
    page.open_recording(recording)
    qtbot.waitUntil(lambda: not page.loading and not page.measuring, timeout=10_000)  # the measures shown too


def test_open_play_pause_with_keys_and_audit(qtbot: QtBot, player: tuple[PlayerPage, Services, FakeClock]) -> None:
    page, services, clock = player
    open_in(qtbot, page, services, "marieke", "rec-call")
    assert page.recording is not None and page.recording.complete
    assert page.time_label.text() == "0:00.0 / 0:20"
    assert "Anouk de Vries" in page.info.text()
    page.waveform.setFocus()
    qtbot.keyClick(page.waveform, Qt.Key.Key_Space)
    assert page.engine is not None and page.engine.playing and page.play_button.text() == "Pauze"
    clock.advance(seconds=3)
    engine = page.engine
    qtbot.waitUntil(lambda: engine.position_s == pytest.approx(3.0, abs=0.05), timeout=10_000)  # the next frame
    qtbot.waitUntil(lambda: page.time_label.text().startswith("0:03.0"), timeout=10_000)
    qtbot.keyClick(page.waveform, Qt.Key.Key_Right)
    assert page.engine.position_s == pytest.approx(8.0, abs=0.05)
    qtbot.keyClick(page.waveform, Qt.Key.Key_Space)
    assert not page.engine.playing and page.play_button.text() == "Afspelen"
    starts = [e for e in services.audit.entries(action="recordings.play") if e.detail == "start; employees=E1"]
    opens = [e for e in services.audit.entries(action="recordings.play") if e.detail == "open; employees=E1"]
    assert len(starts) == 1 and len(opens) == 1 and starts[0].object_id == "rec-call"


def test_marks_by_key_with_note_and_clicking_one_seeks(
    qtbot: QtBot, player: tuple[PlayerPage, Services, FakeClock]
) -> None:
    page, services, _ = player
    open_in(qtbot, page, services, "marieke", "rec-call")
    assert page.engine is not None
    assert not page.mark_note.isEnabled()  # no note field waiting before there is a mark
    page.waveform.setFocus()
    qtbot.keyClick(page.waveform, Qt.Key.Key_Right)  # 5 s
    qtbot.keyClick(page.waveform, Qt.Key.Key_M)
    assert page.mark_note.isEnabled() and QApplication.focusWidget() is page.mark_note
    assert page.mark_note_label.text() == "Notitie bij 0:05.0"
    qtbot.keyClicks(page.mark_note, "goede open vraag")
    qtbot.keyClick(page.mark_note, Qt.Key.Key_Return)  # Enter keeps the note, the focus goes back
    assert QApplication.focusWidget() is page.waveform
    for _ in range(2):
        qtbot.keyClick(page.waveform, Qt.Key.Key_Right)
    qtbot.mouseClick(page.mark_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.mark_note, "half getypt")
    qtbot.keyClick(page.mark_note, Qt.Key.Key_Escape)  # Esc leaves the new mark bare
    assert [(m.at_s, m.note) for m in page.marks] == [(5.0, "goede open vraag"), (15.0, "")]
    assert page.mark_list.item(0).text() == "0:05.0  -  goede open vraag"
    assert page.mark_list.item(1).text() == "0:15.0"
    first = page.mark_list.item(0)
    qtbot.mouseClick(
        page.mark_list.viewport(), Qt.MouseButton.LeftButton, pos=page.mark_list.visualItemRect(first).center()
    )
    assert page.engine.position_s == pytest.approx(5.0, abs=0.01)


def test_marks_are_edited_deleted_and_visited_by_key(
    qtbot: QtBot, player: tuple[PlayerPage, Services, FakeClock]
) -> None:
    page, services, _ = player
    open_in(qtbot, page, services, "marieke", "rec-call")
    assert page.engine is not None
    page.waveform.setFocus()
    for note in ("eerste", "tweede", "derde"):
        qtbot.keyClick(page.waveform, Qt.Key.Key_Right)
        qtbot.keyClick(page.waveform, Qt.Key.Key_M)
        qtbot.keyClicks(page.mark_note, note)
        qtbot.keyClick(page.mark_note, Qt.Key.Key_Return)
    assert [(m.at_s, m.note) for m in page.marks] == [(5.0, "eerste"), (10.0, "tweede"), (15.0, "derde")]
    # The flags in the lanes carry the mark's number and note.
    assert [label for _rect, label in page.waveform.mark_flags()] == ["1 eerste", "2 tweede", "3 derde"]
    # , and . go to the previous and next mark.
    qtbot.keyClick(page.waveform, Qt.Key.Key_Comma)
    assert page.engine.position_s == pytest.approx(10.0, abs=0.01) and page.mark_list.currentRow() == 1
    qtbot.keyClick(page.waveform, Qt.Key.Key_Comma)
    assert page.engine.position_s == pytest.approx(5.0, abs=0.01)
    qtbot.keyClick(page.waveform, Qt.Key.Key_Period)
    assert page.engine.position_s == pytest.approx(10.0, abs=0.01)
    # Enter on a mark in the list edits its note; Esc keeps the note it had.
    page.mark_list.setFocus()
    qtbot.keyClick(page.mark_list, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.mark_note and page.mark_note.text() == "tweede"
    qtbot.keyClicks(page.mark_note, "tweede, herzien")
    qtbot.keyClick(page.mark_note, Qt.Key.Key_Return)
    page.mark_list.setFocus()
    qtbot.keyClick(page.mark_list, Qt.Key.Key_Return)
    qtbot.keyClicks(page.mark_note, "weg ermee")
    qtbot.keyClick(page.mark_note, Qt.Key.Key_Escape)
    assert [m.note for m in page.marks] == ["eerste", "tweede, herzien", "derde"]
    # Delete removes the chosen mark.
    page.mark_list.setFocus()
    qtbot.keyClick(page.mark_list, Qt.Key.Key_Delete)
    assert [m.note for m in page.marks] == ["eerste", "derde"]
    # The context menu deletes too.
    last = page.mark_list.item(1)
    page.mark_list.setCurrentItem(last)
    position = page.mark_list.visualItemRect(last).center()

    def choose_delete() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, choose_delete)
            return
        [action] = [a for a in menu.actions() if a.text() == "Markering verwijderen"]
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(0, choose_delete)
    viewport = page.mark_list.viewport()
    # A right click, as the window system delivers it: the context-menu event on the list.
    QApplication.sendEvent(
        viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position, viewport.mapToGlobal(position))
    )
    qtbot.waitUntil(lambda: [m.note for m in page.marks] == ["eerste"], timeout=3_000)


def test_a_read_only_evaluation_takes_no_marks_and_says_why(
    qtbot: QtBot, player: tuple[PlayerPage, Services, FakeClock]
) -> None:
    page, services, _ = player
    open_in(qtbot, page, services, "marieke", "rec-call")
    page.waveform.setFocus()
    qtbot.keyClick(page.waveform, Qt.Key.Key_M)
    qtbot.keyClick(page.mark_note, Qt.Key.Key_Return)
    page.set_marks_editable(False)  # what the form does when it shows a submitted evaluation
    page.waveform.setFocus()
    qtbot.keyClick(page.waveform, Qt.Key.Key_Right)
    qtbot.keyClick(page.waveform, Qt.Key.Key_M)
    assert len(page.marks) == 1 and page.marks_notice.isVisible()
    assert "ingediend" in page.marks_notice.text() and "Nieuwe versie" in page.marks_notice.text()
    assert QToolTip.isVisible() and "ingediend" in QToolTip.text()  # where the coach looks (issue 22)
    page.mark_list.setFocus()
    page.mark_list.setCurrentRow(0)
    qtbot.keyClick(page.mark_list, Qt.Key.Key_Delete)
    assert len(page.marks) == 1 and not page.delete_mark_button.isEnabled()


def test_clicking_the_waveform_seeks_and_keys_zoom(
    qtbot: QtBot, player: tuple[PlayerPage, Services, FakeClock]
) -> None:
    page, services, _ = player
    open_in(qtbot, page, services, "marieke", "rec-call")
    wave = page.waveform
    assert page.engine is not None
    middle = LABEL_WIDTH + (wave.width() - LABEL_WIDTH) // 2
    qtbot.mouseClick(wave, Qt.MouseButton.LeftButton, pos=QPoint(middle, 50))
    assert page.engine.position_s == pytest.approx(10.0, abs=20.0 / (wave.width() - LABEL_WIDTH) + 0.01)
    wave.setFocus()
    for _ in range(4):
        qtbot.keyClick(wave, Qt.Key.Key_Plus)
    first, last = wave.visible_seconds()
    assert last - first == pytest.approx(2.0, abs=0.01)  # zoomed in to a few seconds, no further
    assert first <= page.engine.position_s <= last
    qtbot.keyClick(wave, Qt.Key.Key_0)
    assert wave.visible_seconds() == (0.0, 20.0)
    assert wave.grab().size().width() == wave.width()  # it paints at every zoom without error


def test_incomplete_recording_and_no_sound_notice(qtbot: QtBot, player: tuple[PlayerPage, Services, FakeClock]) -> None:
    page, services, _ = player
    open_in(qtbot, page, services, "marieke", "rec-cut")
    assert page.notice.isVisible() and "onvolledig" in page.notice.text()
    assert "0:20" in page.notice.text() and "1:00" in page.notice.text()


def test_undecodable_recording_shows_a_dutch_message(
    qtbot: QtBot, player: tuple[PlayerPage, Services, FakeClock]
) -> None:
    page, services, _ = player
    open_in(qtbot, page, services, "marieke", "rec-bad")
    assert page.error_banner.isVisible() and "rec-bad kan niet worden afgespeeld" in page.error_banner.text()
    assert page.engine is None and not page.play_button.isEnabled()


def test_transferred_call_names_only_the_coachs_own_employee(
    qtbot: QtBot, player: tuple[PlayerPage, Services, FakeClock]
) -> None:
    page, services, _ = player
    open_in(qtbot, page, services, "marieke", "rec-moved")
    names = page.waveform._lane_names
    assert names["segment:E1"] == "Anouk de Vries" and names["segment:E9"] == "Andere medewerker"
    assert [page.recording.lane_label(c) for c in (0, 1)] == ["Medewerker", "Beller"]  # type: ignore[union-attr]


def test_muting_a_lane_from_the_page(qtbot: QtBot, player: tuple[PlayerPage, Services, FakeClock]) -> None:
    page, services, _ = player
    open_in(qtbot, page, services, "marieke", "rec-call")
    assert page.engine is not None and len(page.lane_controls) == 2
    _, caller_mute = page.lane_controls[1]
    caller_mute.setChecked(True)
    page.engine.play()
    page.engine.seek(1.5)  # the caller speaks in odd seconds only
    assert float(np.abs(page.engine.render(2000)).max()) < 1e-3
    page.engine.seek(0.2)
    assert float(np.abs(page.engine.render(2000)).max()) > 0.1


def test_double_click_in_the_list_opens_the_player_and_locking_stops_playback(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    coach: User,
    clock: FakeClock,
    workspace_dir,
    keyring_backend,
) -> None:
    from tests.ui_session import sign_in_app

    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    add_recording(
        services.workspace.store_path, "rec-call", clock.now - timedelta(days=1), duration=20.0, audio=call_audio(20.0)
    )
    controller, window, recordings = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    assert controller.player is not None
    qtbot.waitUntil(lambda: recordings.model.rowCount() == 1, timeout=10_000)
    recordings.table.doubleClicked.emit(recordings.model.index(0, 0))
    assert window.pages.currentWidget().isAncestorOf(controller.player)  # the player area, with the 5A form beside it
    qtbot.waitUntil(lambda: controller.player.engine is not None, timeout=10_000)
    controller.player.toggle()
    assert controller.player.engine.playing
    window.lock()
    assert not controller.player.engine.playing
    controller.shutdown()


def test_typing_a_note_does_not_trigger_the_player_keys(
    qtbot: QtBot, player: tuple[PlayerPage, Services, FakeClock]
) -> None:
    page, services, _ = player
    open_in(qtbot, page, services, "marieke", "rec-call")
    page.waveform.setFocus()
    qtbot.keyClick(page.waveform, Qt.Key.Key_M)
    qtbot.keyClicks(page.mark_note, "mooi maar kort, toch.")  # M, space, comma and full stop are text here
    assert page.mark_note.text() == "mooi maar kort, toch."
    assert page.engine is not None and not page.engine.playing and len(page.marks) == 1
    qtbot.keyClick(page.mark_note, Qt.Key.Key_Return)
    assert [m.note for m in page.marks] == ["mooi maar kort, toch."]
