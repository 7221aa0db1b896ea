"""The recordings list in the GUI: the model sorts and filters by itself, the page loads off the GUI thread,
shows store errors with a retry, and never shows a caller number."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nunrec_desktop.adapters.store.base import AudioInfo, SkippedEntry, StoreError
from nunrec_desktop.domain import User
from nunrec_desktop.services.coach_desk import DraftSummary
from nunrec_desktop.services.recordings import FilterCounts, RecordingList, VisibleRecording
from nunrec_desktop.ui.recordings_model import RecordingFilter, RecordingsTableModel
from nunrec_desktop.ui.recordings_page import RecordingsPage
from nunrec_desktop.ui.tasks import TaskRunner
from nunrec_desktop.ui.translations import install_translators

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
AUDIO = AudioInfo("x.wav", "wav/alaw", 8000, 2, ("employee", "caller"))


def rec(
    rec_id: str,
    days_ago: float,
    employee: tuple[str, str],
    duration: float,
    evaluated: bool = False,
    expires: int | None = None,
) -> VisibleRecording:
    return VisibleRecording(
        id=rec_id,
        start=NOW - timedelta(days=days_ago),
        duration_s=duration,
        employee_ids=(employee[0],),
        employee_names=employee[1],
        expires_in_days=expires if expires is not None else int(30 - days_ago),
        evaluated=evaluated,
        transferred=False,
        segments=(),
        audio=AUDIO,
    )


ANOUK, BRAM, ILSE = ("E1", "Anouk de Vries"), ("E2", "Bram Jansen"), ("E3", "Ilse Mulder")
ROWS = [
    rec("r1", 1, ANOUK, 120),
    rec("r2", 2, BRAM, 45),
    rec("r3", 3, ANOUK, 300, evaluated=True),
    rec("r4", 10, ILSE, 90),
    rec("r5", 25, BRAM, 200),
    rec("r6", 29.5, ILSE, 61),
]


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def ids(model: RecordingsTableModel) -> list[str]:
    return [model.recording(row).id for row in range(model.rowCount())]


def test_sorting_in_the_model(qapp: QApplication) -> None:
    model = RecordingsTableModel()
    model.set_recordings(list(ROWS))
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert ids(model) == ["r2", "r6", "r4", "r1", "r5", "r3"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.sort(2, Qt.SortOrder.AscendingOrder)  # by employee, then (stable) newest first within each
    assert ids(model) == ["r1", "r3", "r2", "r5", "r4", "r6"]


def test_filters_combine_and_keep_the_sort(qapp: QApplication) -> None:
    model = RecordingsTableModel()
    model.set_recordings(list(ROWS))
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_filter(RecordingFilter(employee_id="E2"))
    assert ids(model) == ["r5", "r2"]
    model.set_filter(RecordingFilter(min_duration_s=100))
    assert ids(model) == ["r3", "r5", "r1"]
    model.set_filter(RecordingFilter(only_not_evaluated=True, min_duration_s=100))
    assert ids(model) == ["r5", "r1"]
    first = (NOW - timedelta(days=5)).astimezone().date()
    model.set_filter(RecordingFilter(first_day=first))
    assert set(ids(model)) == {"r1", "r2", "r3"}
    model.set_filter(RecordingFilter(text="ILSE"))
    assert ids(model) == ["r4", "r6"]
    model.set_filter(RecordingFilter(text="R4"))
    assert ids(model) == ["r4"]
    model.set_filter(RecordingFilter(text="nobody"))
    assert ids(model) == [] and model.total() == 6


def test_display_and_expiry_highlight(qapp: QApplication, dutch: None) -> None:
    model = RecordingsTableModel()
    model.set_recordings(
        [
            rec("soon", 25, ANOUK, 3725, expires=4),
            rec("later", 2, BRAM, 59, expires=28),
            rec("today", 29.9, BRAM, 30, expires=0),
        ]
    )
    index = model.index
    assert model.data(index(0, 1)) == "1:02:05" and model.data(index(1, 1)) == "0:59"
    assert [model.data(index(r, 3)) for r in range(3)] == ["4 dagen", "28 dagen", "vandaag"]
    assert model.data(index(0, 3), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(index(1, 3), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(index(0, 4)) == "nee"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Datum en tijd", "Duur", "Medewerker", "Verdwijnt over", "Beoordeeld"]
    assert model.rowCount(QModelIndex()) == 3 and model.columnCount() == 5


class FakeCatalog:
    """Stands in for the coach's desk on the store side only (`RecordingsDesk`): the page under test is real."""

    def __init__(self) -> None:
        self.fail_with: Exception | None = None
        self.calls = 0
        self.together: list[str | None] = []

    def draft_recording_ids(self) -> list[str]:
        return []

    def live_drafts(self) -> list[DraftSummary]:
        return []

    def listen_together(self, employee_id: str | None) -> None:
        self.together.append(employee_id)

    def recordings(self) -> RecordingList:
        self.calls += 1
        if self.fail_with:
            raise self.fail_with
        return RecordingList(list(ROWS), FilterCounts(), [SkippedEntry("2026/11/20/x.json", "unreadable JSON")])


@pytest.fixture
def page(qtbot: QtBot, dutch: None) -> Iterator[tuple[RecordingsPage, FakeCatalog, TaskRunner]]:
    catalog = FakeCatalog()
    tasks = TaskRunner()
    widget = RecordingsPage(catalog, tasks, NOW.date())
    qtbot.addWidget(widget)
    widget.show()
    yield widget, catalog, tasks
    tasks.shutdown()


def test_page_loads_in_the_background(qtbot: QtBot, page: tuple[RecordingsPage, FakeCatalog, TaskRunner]) -> None:
    widget, _catalog, _ = page
    widget.reload()
    assert widget.loading and "opgehaald" in widget.status.text()
    qtbot.waitUntil(lambda: not widget.loading, timeout=5_000)
    assert widget.model.rowCount() == 6 and widget.status.text() == "6 opnames"
    assert widget.notice.isVisible() and "1 onderdeel in" in widget.notice.text()
    names = [widget.employee.itemText(i) for i in range(widget.employee.count())]
    assert names == ["Alle medewerkers", "Anouk de Vries", "Bram Jansen", "Ilse Mulder"]
    widget.employee.setCurrentIndex(2)
    assert {widget.model.recording(r).id for r in range(widget.model.rowCount())} == {"r2", "r5"}
    assert widget.status.text() == "2 van 6 opnames"


def test_search_is_debounced(qtbot: QtBot, page: tuple[RecordingsPage, FakeCatalog, TaskRunner]) -> None:
    widget, _, _ = page
    widget.reload()
    qtbot.waitUntil(lambda: not widget.loading, timeout=5_000)
    qtbot.keyClicks(widget.search, "ilse")
    assert widget.model.rowCount() == 6  # not yet: the search waits for the typing to stop
    qtbot.waitUntil(lambda: widget.model.rowCount() == 2, timeout=3_000)


def test_store_error_shows_a_message_and_retry_works(
    qtbot: QtBot, page: tuple[RecordingsPage, FakeCatalog, TaskRunner]
) -> None:
    widget, catalog, _ = page
    catalog.fail_with = StoreError("Het TSV-opnameportaal (portal.example) is niet bereikbaar.")
    widget.reload()
    qtbot.waitUntil(lambda: not widget.loading, timeout=5_000)
    assert widget.error_banner.isVisible() and "niet bereikbaar" in widget.error_text.text()
    assert widget.retry_button.text() == "Opnieuw proberen"
    catalog.fail_with = None
    qtbot.mouseClick(widget.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not widget.loading, timeout=5_000)
    assert not widget.error_banner.isVisible() and widget.model.rowCount() == 6 and catalog.calls == 2


def test_unexpected_errors_do_not_crash_the_page(
    qtbot: QtBot, page: tuple[RecordingsPage, FakeCatalog, TaskRunner], tmp_path: Path
) -> None:
    from nunrec_desktop.app import configure_logging
    from nunrec_desktop.settings import Settings, Workspace

    configure_logging(Workspace(tmp_path, Settings()))
    widget, catalog, _ = page
    catalog.fail_with = RuntimeError("boom-in-a-task")
    widget.reload()
    qtbot.waitUntil(lambda: not widget.loading, timeout=5_000)
    assert "Er ging iets onverwachts mis" in widget.error_text.text()  # one Dutch sentence, no class name
    assert "RuntimeError" not in widget.error_text.text()
    logged = (tmp_path / "logs" / "nunrec.log").read_text(encoding="utf-8")
    assert "unexpected error in a background task" in logged and "Traceback" in logged
    assert "RuntimeError: boom-in-a-task" in logged


def test_activating_a_row_names_the_recording(
    qtbot: QtBot, page: tuple[RecordingsPage, FakeCatalog, TaskRunner]
) -> None:
    widget, _, _ = page
    widget.reload()
    qtbot.waitUntil(lambda: not widget.loading, timeout=5_000)
    with qtbot.waitSignal(widget.recording_activated) as signal:
        widget.table.activated.emit(widget.model.index(0, 0))
    assert signal.args[0].id == widget.model.recording(0).id


def test_the_main_window_shows_the_real_list_for_a_coach(
    qtbot: QtBot, dutch: None, services, coach: User, workspace_dir, clock, keyring_backend
) -> None:
    from tests.recordings_factory import add_recording
    from tests.ui_session import sign_in_app

    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    add_recording(services.workspace.store_path, "rec-a", clock.now - timedelta(days=1), caller="+31612345678")
    add_recording(services.workspace.store_path, "rec-b", clock.now - timedelta(days=26), caller="+31687654321")
    controller, _window, page = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    qtbot.waitUntil(lambda: not page.loading and page.model.rowCount() == 2, timeout=10_000)
    shown = " ".join(str(page.model.data(page.model.index(r, c))) for r in range(2) for c in range(5))
    assert "Anouk de Vries" in shown and "612345678" not in shown and "687654321" not in shown
    assert page.model.data(page.model.index(1, 3)) == "4 dagen"
    controller.shutdown()
