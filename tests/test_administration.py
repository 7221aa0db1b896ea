"""IT's administration through the services the screens and the CLI share (issue 25): employees, dated
assignments with overlaps, gaps and backdating, accounts with unlock and audited before/after, the store's
connection test against a real HTTP portal on 127.0.0.1, the access review and its sign-off; a coach is
refused everywhere."""

from __future__ import annotations

import io
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from nunrec_desktop.app import Services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import AccessDenied, Employee, InvalidInput, NunrecError, User
from nunrec_desktop.services.staffing import BackdatedChange
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.store_server import Behaviour, serve_store


def _audit(services: Services, action: str) -> list[str]:
    return [e.detail for e in services.audit.entries() if e.action == action]


def test_employees_rename_deactivate_and_never_delete_with_evaluations(
    services: Services, it_user: User, coach: User, clock: FakeClock
) -> None:
    staff = services.staff
    staff.add_employee(it_user, "E1", "Anouk de Vries")
    staff.add_employee(it_user, "E2", "Bram Jansen")
    staff.rename_employee(it_user, "E1", "Anouk Jansen-de Vries")
    renamed = _audit(services, "employees.renamed")
    assert len(renamed) == 1 and renamed[0].startswith("name before #") and "Anouk" not in renamed[0]
    with pytest.raises(InvalidInput):
        staff.rename_employee(it_user, "E1", "Anouk 0612345678")
    staff.set_employee_active(it_user, "E2", False)
    assert _audit(services, "employees.deactivated") == ["active before True, after False"]
    with pytest.raises(InvalidInput, match="inactief"):
        staff.assign(it_user, "E2", "marieke", clock.now.date())
    # An evaluation refers to E1: it cannot be deleted, only deactivated.
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    evaluation = services.evaluations.for_recording(coach, services.guideline(), "E1", "rec-1", clock.now, 30.0)
    assert evaluation.id
    lines = {line.id: line for line in staff.employee_lines(it_user, clock.now.date())}
    assert lines["E1"].referenced and lines["E1"].coach == "marieke"
    assert not lines["E2"].active
    with pytest.raises(InvalidInput, match="inactief"):
        staff.delete_employee(it_user, "E1")
    staff.delete_employee(it_user, "E2")
    assert [e.id for e in services.people.employees()] == ["E1"]


def test_assignments_history_overlaps_gaps_and_backdating(services: Services, it_user: User, clock: FakeClock) -> None:
    services.accounts.add(it_user, "marieke", "coach", "Marieke Kok", TEST_PASSWORD)
    services.accounts.add(it_user, "joost", "coach", "Joost Bakker", TEST_PASSWORD)
    staff = services.staff
    staff.add_employee(it_user, "E1", "Anouk de Vries")
    today = clock.now.date()
    with pytest.raises(BackdatedChange, match="terugwerkende kracht"):
        staff.assign(it_user, "E1", "marieke", today - timedelta(days=10), today=today, backdated=False)
    staff.assign(it_user, "E1", "marieke", date(2026, 1, 1), date(2026, 3, 31), today=today, backdated=True)
    staff.assign(it_user, "E1", "joost", date(2026, 5, 1), None, today=today, backdated=True)
    staff.assign(it_user, "E1", "marieke", today, None, today=today, backdated=False)
    history = staff.history(it_user, "E1")
    assert [(h.record.coach_username, h.gap_days_before, h.overlaps) for h in history] == [
        ("marieke", 0, False),
        ("joost", 30, True),
        ("marieke", 0, True),
    ]
    joost = history[1].record
    with pytest.raises(BackdatedChange):
        staff.end_assignment(it_user, joost.id, today - timedelta(days=5), today=today)
    ended = staff.end_assignment(it_user, joost.id, today - timedelta(days=1), today=today)
    assert ended.end == today - timedelta(days=1)
    assert not any(h.overlaps for h in staff.history(it_user, "E1"))
    detail = _audit(services, "employees.assignment_ended")[0]
    assert "before 2026-05-01 to open" in detail and f"after 2026-05-01 to {ended.end.isoformat()}" in detail


def test_accounts_unlock_and_every_change_audited_without_secrets(
    services: Services, it_user: User, clock: FakeClock
) -> None:
    accounts = services.accounts
    accounts.add(it_user, "marieke", "coach", "Marieke Kok", TEST_PASSWORD)
    for _ in range(5):
        with pytest.raises(NunrecError):
            services.auth.sign_in("marieke", "wrong-password-here")
    assert next(a for a in accounts.list(it_user) if a.username == "marieke").locked_until is not None
    accounts.unlock(it_user, "marieke")
    status = next(a for a in accounts.list(it_user) if a.username == "marieke")
    assert status.locked_until is None and status.failed_attempts == 0
    accounts.set_disabled(it_user, "marieke", True)
    accounts.set_password(it_user, "marieke", "another-long-password")
    assert "before none, after role coach, active" in _audit(services, "users.added")
    assert _audit(services, "users.disabled") == ["disabled before False, after True"]
    assert _audit(services, "users.unlocked")[0].startswith("before failed attempts 5, locked True")
    every = " ".join(e.detail for e in services.audit.entries())
    assert "another-long-password" not in every and TEST_PASSWORD not in every and "argon2" not in every
    with pytest.raises(InvalidInput):
        accounts.add(it_user, "joost", "coach", "Joost +31612345678", TEST_PASSWORD)


def test_a_coach_is_refused_every_administration(services: Services, it_user: User, coach: User) -> None:
    services.staff.add_employee(it_user, "E1", "Anouk de Vries")
    today = date(2026, 11, 20)
    refused = [
        lambda: services.staff.employee_lines(coach, today),
        lambda: services.staff.add_employee(coach, "E2", "Bram Jansen"),
        lambda: services.staff.rename_employee(coach, "E1", "Anouk"),
        lambda: services.staff.set_employee_active(coach, "E1", False),
        lambda: services.staff.delete_employee(coach, "E1"),
        lambda: services.staff.history(coach, "E1"),
        lambda: services.staff.assign(coach, "E1", "marieke", today),
        lambda: services.accounts.list(coach),
        lambda: services.accounts.unlock(coach, "dennis"),
        lambda: services.accounts.set_password(coach, "dennis", "another-long-password"),
        lambda: services.store_admin.status(coach),
        lambda: services.store_admin.configure(coach, "folder", "elders"),
        lambda: services.store_admin.set_token(coach, "secret-token"),
        lambda: services.store_admin.test(coach, "folder", "recordings"),
        lambda: services.access_review.gather(coach),
        lambda: services.access_review.sign_off(coach, today, "ok"),
    ]
    for call in refused:
        with pytest.raises(AccessDenied):
            call()
    assert services.access_review.reminders(coach) == []
    assert services.workspace.settings.store_location == "recordings"
    assert services.store_credentials().token() is None


def test_store_settings_and_connection_test_against_a_real_portal(
    services: Services, it_user: User, clock: FakeClock, tmp_path: Path, keyring_backend: MemoryKeyring
) -> None:
    portal_root = tmp_path / "portal"
    for n in range(3):
        add_recording(portal_root, f"rec-{n}", clock.now - timedelta(days=n + 1))
    add_recording(portal_root, "rec-out", clock.now - timedelta(days=1), direction="outbound")
    admin = services.store_admin
    with serve_store(portal_root, Behaviour(token="portal-secret", now=clock.now)) as (url, _):
        report = admin.test(it_user, "http", url)
        assert not report.ok and "inloggegevens" in report.problem
        admin.set_token(it_user, "wrong-token")
        refused = admin.test(it_user, "http", url)
        assert not refused.ok and refused.problem, refused
        admin.set_token(it_user, "portal-secret")
        report = admin.test(it_user, "http", url)
        assert report.ok, report.problem
        assert (report.listed, report.inbound) == (4, 3)
        status = admin.configure(it_user, "http", url)
        assert (status.kind, status.location, status.token_set) == ("http", url, True)
        assert services.workspace.settings.store_kind == "http"
        assert f'location = "{url}"' in services.workspace.settings_file.read_text(encoding="utf-8")
    report = admin.test(it_user, "http", url)  # the server is gone
    assert not report.ok and report.problem
    with pytest.raises(InvalidInput):
        admin.configure(it_user, "http", "ftp://elders")
    every = " ".join(e.detail for e in services.audit.entries())
    assert "portal-secret" not in every
    assert "token before none, after set (keyring)" in _audit(services, "store.token_set")


def test_access_review_pdf_sign_off_and_reminders(
    services: Services,
    it_user: User,
    coach: User,
    clock: FakeClock,
    tmp_path: Path,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
) -> None:
    services.staff.add_employee(it_user, "E1", "Anouk de Vries")
    services.staff.assign(it_user, "E1", "marieke", date(2026, 1, 1))
    services.auth.sign_in("marieke", TEST_PASSWORD)
    review = services.access_review
    assert len(review.reminders(it_user)) == 1  # never reviewed
    out = tmp_path / "review.pdf"
    result = main(["--workspace", str(workspace_dir), "access-review", "--out", str(out)], _io(clock, keyring_backend))
    assert result == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    for expected in (
        "Toegangsreview",
        "marieke",
        "dennis",
        "coach",
        "IT (beheerrechten)",
        "lokaal account",
        "20-11-2026",
        "01-01-2026",
        "Anouk de Vries (E1)",
        "medewerker aan coach gekoppeld",
    ):
        assert expected in text, expected
    png = tmp_path / "review"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(out), str(png)], check=True)
    assert png.with_name("review-1.png").stat().st_size > 5000
    with pytest.raises(InvalidInput, match="beller"):
        review.sign_off(it_user, clock.now.date(), "Gebeld door 06-12345678")
    review.sign_off(it_user, clock.now.date(), "Alles nagelopen, niets gewijzigd.")
    assert review.reminders(it_user) == []
    assert _audit(services, "access_review.signed") == ["scope full; date 2026-11-20; accounts 2"]
    assert review.gather(it_user).changes == []  # nothing changed since the sign-off
    clock.advance(days=100)
    assert [r for r in review.reminders(it_user) if "kwartaal" in r]
    clock.advance(days=300)
    assert len(review.reminders(it_user)) == 2


def _io(clock: FakeClock, keyring: MemoryKeyring) -> Io:
    return Io(
        stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), keyring_factory=lambda: keyring, clock=clock
    )


def test_cli_unlock_rename_and_deactivate_call_the_same_services(
    services: Services, coach: User, clock: FakeClock, workspace_dir: Path, keyring_backend: MemoryKeyring
) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    for _ in range(5):
        with pytest.raises(NunrecError):
            services.auth.sign_in("marieke", "wrong-password-here")
    ws = ["--workspace", str(workspace_dir)]
    for args, said in (
        (["users", "unlock", "marieke"], "De blokkade van 'marieke' is opgeheven."),
        (["employees", "rename", "E1", "Anouk Jansen"], "De naam van medewerker E1 is gewijzigd."),
        (["employees", "deactivate", "E1"], "Medewerker E1 is inactief."),
    ):
        streams = _io(clock, keyring_backend)
        assert main([*ws, *args], streams) == 0, streams.stderr.getvalue()  # type: ignore[attr-defined]
        assert said in streams.stdout.getvalue()  # type: ignore[attr-defined]
    services.auth.sign_in("marieke", TEST_PASSWORD)
    assert services.people.employee("E1") == Employee("E1", "Anouk Jansen")
    assert [e.actor.startswith("os:") for e in services.audit.entries() if e.action == "employees.deactivated"] == [
        True
    ]


def test_the_migration_keeps_existing_employees_active_while_evaluations_refer_to_them(tmp_path: Path) -> None:
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    from nunrec_desktop.adapters.db.engine import MIGRATIONS_DIR, create_database_engine, migrate

    engine = create_database_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "history")
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO users (id, username, display_name, role, password_hash, disabled, failed_attempts, "
                "created_at) VALUES (1, 'marieke', 'Marieke Kok', 'coach', 'x', 0, 0, '2026-01-01 00:00:00')"
            )
        )
        connection.execute(sa.text("INSERT INTO employees (id, name) VALUES ('E1', 'Anouk de Vries')"))
        connection.execute(
            sa.text(
                "INSERT INTO evaluations (id, coach_user_id, employee_id, recording_id, source, guideline_id, "
                "guideline_version, guideline_hash, status, revision, content, created_at, updated_at) VALUES "
                "(1, 1, 'E1', 'rec-1', 'recording', 'g', '1', 'h', 'draft', 1, '{}', '2026-09-01 09:00:00', "
                "'2026-09-01 09:00:00')"
            )
        )
    migrate(engine)
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT id, active FROM employees")).all() == [("E1", 1)]
        assert connection.execute(sa.text("SELECT count(*) FROM access_reviews")).scalar_one() == 0
        assert connection.execute(sa.text("SELECT count(*) FROM evaluations")).scalar_one() == 1
    engine.dispose()
