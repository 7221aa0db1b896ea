"""Listening together with an employee (P4): a clear banner, only that employee's own calls are listed,
and no path opens another employee's recording while the session is on; listens carry the purpose."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from nunrec_desktop.app import Services
from nunrec_desktop.domain import AccessDenied, User
from nunrec_desktop.services.listening import PURPOSE_WITH_EMPLOYEE
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.ui_session import sign_in_app


@pytest.fixture
def two_employees(services: Services, coach: User, clock: FakeClock) -> User:
    for employee, name in (("E1", "Anouk de Vries"), ("E2", "Bram Jansen")):
        services.people.add_employee(employee, name)
        services.people.assign(coach.id, employee, date(2026, 1, 1))
        for day in (1, 2):
            add_recording(
                services.workspace.store_path,
                f"rec-{employee}-{day}",
                clock.now - timedelta(days=day),
                employee=employee,
                duration=90,
            )
    return coach


def test_the_service_refuses_another_employees_call(services: Services, two_employees: User) -> None:
    opened = services.listening.open(two_employees, "rec-E1-1", PURPOSE_WITH_EMPLOYEE, only_employee="E1")
    services.listening.before_playback(two_employees, opened)
    assert services.audit.entries(action="recordings.play")[0].purpose == "terugluisteren met medewerker"
    with pytest.raises(AccessDenied, match="P4"):
        services.listening.open(two_employees, "rec-E2-1", PURPOSE_WITH_EMPLOYEE, only_employee="E1")
    assert services.audit.entries(action="recordings.play")[0].result == "denied"


def test_the_listening_session_in_the_app(
    qtbot: QtBot,
    qapp: QApplication,
    services: Services,
    two_employees: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    translators = install_translators(qapp)
    controller, window, recordings = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    assert recordings is not None and controller.player is not None
    qtbot.waitUntil(lambda: recordings.model.rowCount() == 4, timeout=10_000)
    other = next(
        recordings.model.recording(r) for r in range(4) if recordings.model.recording(r).employee_ids == ("E2",)
    )
    recordings.employee.setCurrentIndex(recordings.employee.findText("Anouk de Vries"))
    qtbot.mouseClick(recordings.together_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not recordings.loading and recordings.model.total() == 2, timeout=10_000)
    assert recordings.listening_banner.isVisible()
    assert recordings.listening_text.text() == "Terugluistersessie met Anouk de Vries"
    assert not recordings.employee.isEnabled()
    assert {recordings.model.recording(r).employee_ids for r in range(2)} == {("E1",)}
    # Another path (a pick from the cycles area, say) still cannot open Bram's call.
    controller.player.open_recording(other)
    qtbot.waitUntil(lambda: not controller.player.loading, timeout=10_000)
    assert "terugluistersessie" in controller.player.error_banner.text()
    recordings.recording_activated.emit(recordings.model.recording(0))
    qtbot.waitUntil(lambda: controller.player.engine is not None, timeout=10_000)
    assert services.audit.entries(action="recordings.play")[0].purpose == "terugluisteren met medewerker"
    qtbot.mouseClick(recordings.end_listening_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not recordings.loading and recordings.model.total() == 4, timeout=10_000)
    assert not recordings.listening_banner.isVisible() and recordings.employee.isEnabled()
    window.show_area(MainWindow.RECORDINGS)
    controller.shutdown()
    for translator in translators:
        qapp.removeTranslator(translator)
