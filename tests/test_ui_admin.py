"""IT's Beheer screens driven like a person (issue 25): an IT colleague sets up a workspace from nothing to a
coach hearing their employees' calls without the CLI, against a real portal on 127.0.0.1; every Beheer page
shown as IT holds no recording, evaluation or conversation; a coach gets no Beheer page at all."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from nunrec_desktop.adapters.audio.playback import ClockOutput
from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.gui import gui_controller
from nunrec_desktop.ui.admin.accounts_page import AccountsPage
from nunrec_desktop.ui.admin.coaching_page import CoachingPage
from nunrec_desktop.ui.admin.employees_page import EmployeesPage
from nunrec_desktop.ui.admin.review_page import AdminOverview, ReviewPage
from nunrec_desktop.ui.admin.store_page import StorePage
from nunrec_desktop.ui.application import AppController, load_style
from nunrec_desktop.ui.audit_page import AuditPage
from nunrec_desktop.ui.main_window import MainWindow
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.store_server import Behaviour, serve_store
from tests.test_ui_layout import LOGICAL_1920_AT_150, TITLE_BAR, assert_fits, show_page
from tests.ui_dialogs import click_in_next_dialog
from tests.ui_session import sign_in_app

BEHEER = (
    MainWindow.EMPLOYEES,
    MainWindow.COACHING,
    MainWindow.ACCOUNTS,
    MainWindow.STORE,
    MainWindow.REVIEW,
)


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The application's own style sheet (padding and fonts change the sizes) and the Dutch texts."""
    translators = install_translators(qapp)
    qapp.setStyleSheet(load_style())
    yield
    qapp.setStyleSheet("")
    for translator in translators:
        qapp.removeTranslator(translator)


def _controller(qtbot: QtBot, workspace_dir: Path, clock: FakeClock, keyring: MemoryKeyring) -> AppController:
    controller = gui_controller(
        workspace_dir, keyring_factory=lambda: keyring, clock=clock, output_factory=lambda: ClockOutput(clock)
    )
    qtbot.addWidget(controller.login)
    controller.start()
    qtbot.waitUntil(controller.login.button.isEnabled, timeout=10_000)
    return controller


def _sign_in(qtbot: QtBot, controller: AppController, username: str) -> MainWindow:
    """Type the name and password and press Enter (the window is not handed to qtbot: sign-out deletes it)."""
    login = controller.login
    login.username.clear()
    qtbot.keyClicks(login.username, username)
    qtbot.keyClicks(login.password, TEST_PASSWORD)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    window = controller.main_window
    assert window is not None
    return window


def _page(window: MainWindow, position: int) -> object:
    return window.pages.widget(position)


def _show(qtbot: QtBot, window: MainWindow, position: int) -> None:
    window.navigation.setFocus()
    window.show_area(position)
    qtbot.waitUntil(lambda: window.pages.currentIndex() == position)


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def _click(qtbot: QtBot, button: object) -> None:
    """Click as a person does: once the button can be pressed (a page's buttons wait while it loads)."""
    qtbot.waitUntil(button.isEnabled)  # type: ignore[attr-defined]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def _select_row(qtbot: QtBot, table: QTableWidget, text: str) -> None:
    qtbot.waitUntil(lambda: any(table.item(r, 0).text() == text for r in range(table.rowCount())))
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == text)
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: bool(table.selectionModel().selectedRows()))


def _texts(widget: object) -> str:
    parts = [label.text() for label in widget.findChildren(QLabel)]  # type: ignore[attr-defined]
    for table in widget.findChildren(QTableWidget):  # type: ignore[attr-defined]
        parts += [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())]
    return " ".join(parts)


def test_it_sets_up_a_workspace_from_nothing_until_the_coach_sees_the_calls(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    it_user: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
    tmp_path: Path,
) -> None:
    portal_root = tmp_path / "portal"
    for n in range(3):
        add_recording(portal_root, f"rec-e1-{n}", clock.now - timedelta(days=n + 1), employee="1042")
    add_recording(portal_root, "rec-other", clock.now - timedelta(days=1), employee="2077")
    add_recording(portal_root, "rec-before", clock.now - timedelta(days=12), employee="1042")
    with serve_store(portal_root, Behaviour(token="portal-secret", now=clock.now)) as (url, _):
        controller = _controller(qtbot, workspace_dir, clock, keyring_backend)
        window = _sign_in(qtbot, controller, "dennis")
        try:
            # Medewerkers: add the employee.
            _show(qtbot, window, MainWindow.EMPLOYEES)
            employees = _page(window, MainWindow.EMPLOYEES)
            assert isinstance(employees, EmployeesPage)
            _type(qtbot, employees.new_id, "1042")
            _type(qtbot, employees.new_name, "Anouk de Vries")
            _click(qtbot, employees.add_button)
            qtbot.waitUntil(lambda: employees.table.rowCount() == 1)
            assert "Medewerker 1042 is toegevoegd." in employees.status.text()

            # Accounts: add the coach, the password typed twice.
            _show(qtbot, window, MainWindow.ACCOUNTS)
            accounts = _page(window, MainWindow.ACCOUNTS)
            assert isinstance(accounts, AccountsPage)
            _type(qtbot, accounts.username, "marieke")
            _type(qtbot, accounts.display_name, "Marieke Kok")
            _type(qtbot, accounts.password, TEST_PASSWORD)
            _type(qtbot, accounts.password_again, TEST_PASSWORD + "x")
            _click(qtbot, accounts.add_button)
            assert accounts.status.text() == "De twee wachtwoorden zijn niet gelijk."
            _type(qtbot, accounts.password_again, TEST_PASSWORD)
            _click(qtbot, accounts.add_button)
            qtbot.waitUntil(lambda: "Account marieke is toegevoegd." in accounts.status.text())
            _select_row(qtbot, accounts.table, "marieke")

            # Coaching: the new coach takes over from a week ago, which the screen asks about first.
            _show(qtbot, window, MainWindow.COACHING)
            coaching = _page(window, MainWindow.COACHING)
            assert isinstance(coaching, CoachingPage)
            qtbot.waitUntil(lambda: coaching.employee.count() == 1 and coaching.coach.count() == 1)
            coaching.start.setFocus()
            for _ in range(7):
                qtbot.keyClick(coaching.start, Qt.Key.Key_Down)
            seen = click_in_next_dialog("Ja")
            _click(qtbot, coaching.assign_button)
            qtbot.waitUntil(lambda: coaching.table.rowCount() == 1)
            assert any("terugwerkende kracht gelden vanaf 13-11-2026" in text for text in seen), seen
            assert coaching.table.item(0, 0).text() == "marieke"
            assert coaching.table.item(0, 1).text() == "13-11-2026"
            assert coaching.table.item(0, 2).text() == "lopend"

            # Opnameopslag: the portal's address, its token into the keyring, and the connection test.
            _show(qtbot, window, MainWindow.STORE)
            store = _page(window, MainWindow.STORE)
            assert isinstance(store, StorePage)
            qtbot.waitUntil(lambda: store.location.text() == "recordings")
            store.kind.setFocus()
            qtbot.keyClick(store.kind, Qt.Key.Key_Down)
            assert store.kind.currentData() == "http"
            _type(qtbot, store.location, url)
            _click(qtbot, store.test_button)
            qtbot.waitUntil(lambda: "mislukt" in store.result.text())
            assert "inloggegevens" in store.result.text()
            _type(qtbot, store.token, "portal-secret")
            _click(qtbot, store.token_button)
            qtbot.waitUntil(lambda: store.token.text() == "" and "sleutelhanger" in store.status.text())
            _click(qtbot, store.test_button)
            qtbot.waitUntil(lambda: "De verbinding werkt" in store.result.text())
            assert "5 opnames" in store.result.text() and "waarvan 5 inkomend" in store.result.text()
            _click(qtbot, store.save_button)
            qtbot.waitUntil(lambda: store.status.text().startswith("Opgeslagen."))
            assert keyring_backend.secrets and "portal-secret" not in (workspace_dir / "nunrec.toml").read_text()

            # Sign out, and the coach signs in and sees their employee's calls (and only those).
            _click(qtbot, window.findChild(object, "signOutButton"))
            qtbot.waitUntil(lambda: controller.main_window is None and controller.login.isVisible())
            _sign_in(qtbot, controller, "marieke")
            recordings = controller.recordings
            assert recordings is not None
            qtbot.waitUntil(lambda: recordings.model.rowCount() == 3, timeout=10_000)
            ids = {recordings.model.recording(r).id for r in range(3)}
            assert ids == {"rec-e1-0", "rec-e1-1", "rec-e1-2"}
        finally:
            controller.shutdown()
    changes = [e.action for e in services.audit.entries() if e.actor == "dennis"]
    for action in ("employees.added", "users.added", "employees.assigned", "store.token_set", "store.configured"):
        assert action in changes


def test_every_beheer_page_as_it_shows_no_recording_evaluation_or_conversation(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    it_user: User,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    services.staff.add_employee(it_user, "1042", "Anouk de Vries")
    services.staff.assign(it_user, "1042", "marieke", date(2026, 1, 1))
    add_recording(services.workspace.store_path, "rec-secret-id", clock.now - timedelta(days=1), employee="1042")
    evaluation = services.evaluations.for_recording(
        coach, services.guideline(), "1042", "rec-secret-id", clock.now, 30.0
    )
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend, username="dennis")
    try:
        for position in (0, *BEHEER):
            _show(qtbot, window, position)
            page = window.pages.widget(position)
            assert isinstance(page, (AdminOverview, EmployeesPage, CoachingPage, AccountsPage, StorePage, ReviewPage))
            qtbot.waitUntil(lambda page=page: controller.tasks.pending == 0)
            shown = _texts(page)
            assert "rec-secret-id" not in shown and f"beoordeling {evaluation.id}" not in shown
            assert page.status.property("error") in (None, False), page.status.text()
        review = _page(window, MainWindow.REVIEW)
        assert isinstance(review, ReviewPage)
        assert "nog nooit een toegangsreview" in review.reminders.text()
        employees = _page(window, MainWindow.EMPLOYEES)
        assert isinstance(employees, EmployeesPage)
        _show(qtbot, window, MainWindow.EMPLOYEES)
        _select_row(qtbot, employees.table, "1042")
        assert employees.table.item(0, 4).text() == "ja (kan niet worden verwijderd)"
        assert not employees.delete_button.isEnabled()
        # The access review: the PDF from the screen, then the sign-off with a remark that is checked.
        _show(qtbot, window, MainWindow.REVIEW)
        out = workspace_dir.parent / "review-from-screen.pdf"
        _type(qtbot, review.out, str(out))
        _click(qtbot, review.pdf_button)
        qtbot.waitUntil(lambda: out.exists() and "opgeslagen" in review.status.text())
        _type(qtbot, review.remark, "Nagelopen, beller 06-12345678 gebeld")
        _click(qtbot, review.sign_button)
        qtbot.waitUntil(lambda: review.status.property("error") is True)
        assert "niet opgeslagen" in review.status.text()
        _type(qtbot, review.remark, "Nagelopen met de teamleider.")
        _click(qtbot, review.sign_button)
        qtbot.waitUntil(lambda: "afgetekend" in review.status.text())
        qtbot.waitUntil(lambda: review.reminders.text() == "Er is geen review nodig.")
        # The audit page writes an anchor to a file.
        _show(qtbot, window, MainWindow.AUDIT)
        audit = _page(window, MainWindow.AUDIT)
        assert isinstance(audit, AuditPage)
        anchors = workspace_dir.parent / "anchors.txt"
        _type(qtbot, audit.anchor_file, str(anchors))
        _click(qtbot, audit.anchor_button)
        qtbot.waitUntil(lambda: "Anker van regel" in audit.chain_result.text())
        assert anchors.read_text().count("\n") == 1
    finally:
        controller.shutdown()


def test_backdated_assignment_asks_first_and_a_no_changes_nothing(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    it_user: User,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    services.staff.add_employee(it_user, "1042", "Anouk de Vries")
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend, username="dennis")
    try:
        _show(qtbot, window, MainWindow.COACHING)
        coaching = _page(window, MainWindow.COACHING)
        assert isinstance(coaching, CoachingPage)
        qtbot.waitUntil(lambda: coaching.coach.count() == 1)
        coaching.start.setFocus()
        for _ in range(3):  # the day section: three days back
            qtbot.keyClick(coaching.start, Qt.Key.Key_Down)
        assert coaching.start.date().toPython() == clock.now.date() - timedelta(days=3)
        seen = click_in_next_dialog("Nee")
        _click(qtbot, coaching.assign_button)
        qtbot.waitUntil(lambda: coaching.status.text() == "Er is niets gewijzigd.")
        assert any("terugwerkende kracht" in text for text in seen)
        assert coaching.table.rowCount() == 0
        seen = click_in_next_dialog("Ja")
        _click(qtbot, coaching.assign_button)
        qtbot.waitUntil(lambda: coaching.table.rowCount() == 1)
    finally:
        controller.shutdown()


def test_a_coach_gets_no_beheer_page(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend)
    try:
        areas = [window.navigation.item(i).text() for i in range(window.navigation.count())]
        for word in ("Beheer", "Medewerkers", "Accounts", "Opnameopslag", "Toegangsreview", "Auditlog"):
            assert word not in areas
        for kind in (AdminOverview, EmployeesPage, CoachingPage, AccountsPage, StorePage, ReviewPage, AuditPage):
            assert window.findChildren(kind) == []
        assert controller.desk is not None and not hasattr(controller.desk, "employee_lines")
    finally:
        controller.shutdown()


@pytest.mark.parametrize("size", [(1366, 768), LOGICAL_1920_AT_150])
def test_every_beheer_page_fits_a_laptop_screen_with_the_style_sheet(
    qtbot: QtBot,
    styled: None,
    services: Services,
    it_user: User,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
    size: tuple[int, int],
) -> None:
    services.staff.add_employee(it_user, "1042", "Gerrit van den Berg-Schoonhoven")
    services.staff.assign(it_user, "1042", "marieke", date(2026, 1, 1))
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend, username="dennis")
    try:
        width, height = size
        window.resize(width, height - TITLE_BAR)
        for row in range(window.navigation.count()):
            show_page(qtbot, window, row)
            qtbot.waitUntil(lambda: controller.tasks.pending == 0)
            assert_fits(window, width, height)
            assert window.pages.currentWidget().width() <= window.width() - window.navigation.width()
    finally:
        controller.shutdown()


def test_with_the_directory_the_accounts_page_only_shows(
    qtbot: QtBot,
    dutch: None,
    services: Services,
    it_user: User,
    coach: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`auth.kind = "directory"` (issue 24): who may sign in with which role is managed in the directory."""
    monkeypatch.setattr(Services, "account_source", lambda self: "directory")
    controller, window, _ = sign_in_app(qtbot, workspace_dir, clock, keyring_backend, username="dennis")
    try:
        _show(qtbot, window, MainWindow.ACCOUNTS)
        accounts = _page(window, MainWindow.ACCOUNTS)
        assert isinstance(accounts, AccountsPage)
        qtbot.waitUntil(lambda: accounts.table.rowCount() == 2)
        assert not accounts.add_form.isVisible() and not accounts.account_actions.isVisible()
        assert "directory" in accounts.source_note.text()
        _show(qtbot, window, MainWindow.REVIEW)
        review = _page(window, MainWindow.REVIEW)
        assert isinstance(review, ReviewPage)
        qtbot.waitUntil(lambda: review.table.rowCount() == 2)
        assert {review.table.item(r, 2).text() for r in range(2)} == {"directory"}
    finally:
        controller.shutdown()
