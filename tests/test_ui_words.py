"""Words on the coach's screens: an empty list says what to do (with a working button), the sort arrow always
matches the order shown (also after a reload), the minimum duration is typed in m:ss, one call's time is
written the same in the list, the player and the PDF, and the audit view shows Dutch words, not keys."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nunrec_desktop.domain import call_time
from nunrec_desktop.services.audit_words import ACTIONS, action_key, action_words, result_words
from nunrec_desktop.ui.recordings_page import RecordingsPage, parse_minutes_seconds
from nunrec_desktop.ui.tasks import TaskRunner
from nunrec_desktop.ui.waveform_view import format_time
from tests.test_ui_recordings import NOW, FakeCatalog, ids


@pytest.fixture
def page(qtbot: QtBot, qapp: QApplication) -> Iterator[RecordingsPage]:
    from nunrec_desktop.ui.translations import install_translators

    translators = install_translators(qapp)
    tasks = TaskRunner()
    widget = RecordingsPage(FakeCatalog(), tasks, NOW.date())
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.reload()
    qtbot.waitUntil(lambda: not widget.loading, timeout=5_000)
    yield widget
    tasks.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)


def test_an_empty_search_says_so_and_its_button_clears_the_filters(qtbot: QtBot, page: RecordingsPage) -> None:
    assert not page.empty_state.isVisible()
    qtbot.keyClicks(page.search, "niemand")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=3_000)
    assert page.empty_state.isVisible() and page.clear_filters_button.isVisible()
    assert page.empty_text.text() == "Geen opnames gevonden met deze filters."
    assert page.clear_filters_button.text() == "Filters wissen"
    assert page.status.text() == "0 van 6 opnames"
    page.not_evaluated.setChecked(True)
    qtbot.mouseClick(page.clear_filters_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 6 and page.search.text() == "" and not page.not_evaluated.isChecked()
    assert not page.empty_state.isVisible() and page.status.text() == "6 opnames"


def test_the_sort_arrow_matches_the_rows_after_a_reload(qtbot: QtBot, page: RecordingsPage) -> None:
    header = page.table.horizontalHeader()
    duration_x = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(duration_x, 5))
    assert header.sortIndicatorSection() == 1
    shown = ids(page.model)
    durations = [page.model.recording(r).duration_s for r in range(page.model.rowCount())]
    ascending = header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert durations == sorted(durations, reverse=not ascending)
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.loading, timeout=5_000)
    assert header.sortIndicatorSection() == 1 and ids(page.model) == shown  # was: back in date order


def test_the_minimum_duration_is_typed_and_shown_as_minutes_and_seconds(qtbot: QtBot, page: RecordingsPage) -> None:
    box = page.min_duration
    assert box.text() == "0:00"
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, "1:30")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.value() == 90
    assert sorted(ids(page.model)) == ["r1", "r3", "r4", "r5"]  # 120, 300, 90 and 200 s; not 45 or 61
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.value() == 120 and box.text() == "2:00"
    assert parse_minutes_seconds("2") == 120 and parse_minutes_seconds("0:75") is None
    assert parse_minutes_seconds("abc") is None
    # Typed without the colon, three or four digits are minutes and seconds (issue 22): "200" is 2:00.
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, "200")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.value() == 120 and box.text() == "2:00"
    assert parse_minutes_seconds("130") == 90 and parse_minutes_seconds("1000") == 600
    assert parse_minutes_seconds("175") is None


def test_one_call_is_written_the_same_everywhere() -> None:
    """289.6 s showed as 4:50 in the list, 4:49 in the player (truncated) and 04:50 in the PDF."""
    assert call_time(289.6) == "4:50" == format_time(289.6)
    assert call_time(3600) == "1:00:00" and call_time(59.5) == "1:00" and call_time(3725.2) == "1:02:05"
    assert format_time(289.96, precise=True) == "4:50.0" and format_time(12.34, precise=True) == "0:12.3"
    assert call_time(float("nan")) == "0:00"

    from nunrec_desktop.documents.pdf import _fmt_time
    from nunrec_desktop.ui.recordings_model import format_duration

    assert _fmt_time(289.6) == format_duration(289.6) == "4:50"


def test_the_audit_words_are_dutch_and_cover_what_the_services_record() -> None:
    import re
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "nunrec_desktop"
    recorded = {
        key
        for path in package.rglob("*.py")
        for key in re.findall(r'action="([a-z_]+\.[a-z_]+)"', path.read_text(encoding="utf-8"))
    }
    recorded |= {str(action) for action in ACTIONS}
    unknown = {key for key in recorded if action_words(key) == key}
    assert unknown == set()
    assert action_words("recordings.play") == "opname beluisterd" and result_words("denied") == "geweigerd"
    assert action_key("aangemeld") == "auth.sign_in" and action_key("auth.unlock") == "auth.unlock"


def test_what_a_person_reads_of_an_error_is_plain_dutch(qapp: QApplication) -> None:
    """The code cites the protocol ("(P6, P13)"); the coach's screen shows the sentence without the codes, and
    an unexpected error is one plain sentence, never a class name."""
    from nunrec_desktop.domain import InvalidInput
    from nunrec_desktop.ui.messages import for_reader

    refused = InvalidInput("Laat het weg; gegevens van bellers worden niet vastgelegd (P6, P13).")
    assert for_reader(refused) == "Laat het weg; gegevens van bellers worden niet vastgelegd."
    assert "(P6, P13)" in str(refused)  # the CLI, read by IT, keeps the citation
    assert (
        for_reader(InvalidInput("Alleen rollen coach en it (P3/P5); vraag IT."))
        == "Alleen rollen coach en it; vraag IT."
    )
    assert for_reader(InvalidInput("Geen code (zie de handleiding).")) == "Geen code (zie de handleiding)."
    from nunrec_desktop.ui.translations import install_translators

    translators = install_translators(qapp)
    try:
        assert for_reader(OSError("disk full")).startswith("Er ging iets onverwachts mis. Probeer het opnieuw")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
