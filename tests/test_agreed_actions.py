# ruff: noqa: F811
"""Agreements as actions (issue 26): each agreement of the feedback conversation has a what, an optional date
and a state (open, done, dropped with a reason), confirmed with the employee; the next cycle's form, feedback
PDF and Dialog pack show the open ones and ask about them; the history says when each was closed. Through the
CLI (`nunrec conversation add --action/--confirmed`, `conversation actions`, `conversation close`), guarded for
caller data and audited; old free-text agreements became one open action each (migration)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from pypdf import PdfReader

from nunrec_desktop.adapters.db.engine import MIGRATIONS_DIR, create_database_engine, migrate
from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from tests.conftest import FakeClock
from tests.test_cli_coaching import history, run  # noqa: F401 (fixtures)
from tests.test_history import evaluate


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_actions_are_agreed_followed_up_and_closed_through_the_cli(  # type: ignore[no-untyped-def]
    run,
    history: list[int],
    services: Services,
    coach: User,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    base = ("conversation", "add", "--user", "marieke", "--password-stdin", "--employee", "E1", "--date", "2026-11-20")
    code, _, err = run(*base, "--action", "Bel 06-12345678 terug|2026-12-15")
    assert code == 1 and "In afspraak 1 staat mogelijk een gegeven van een beller (telefoonnummer)" in err
    code, _, err = run(*base, "--action", "Doorvragen|15-12-2026")
    assert code == 1 and "TEKST|JJJJ-MM-DD" in err
    code, _, err = run(*base, "--action", "Doorvragen|2026-11-01")
    assert code == 1 and "ligt voor het gesprek" in err
    code, out, err = run(
        *base, "--action", "Eén keer extra doorvragen|2026-12-15", "--action", "Afsluiten met een check",
        "--confirmed",
    )  # fmt: skip
    assert code == 0 and "afspraken: 2." in out, err

    # The next cycle: its form (cycle outlook) and its feedback PDF ask about the open actions.
    clock.now += timedelta(days=3)
    services.cycle_book.start(coach, "E1")
    evaluate(services, coach, "rec-next", 0.5, clock)  # the next cycle has a call: its feedback can be made
    desk = services.desk_for(coach)
    draft = services.evaluations.for_recording(
        coach, services.guideline(), "E1", "rec-later", clock.now - timedelta(hours=1), 95.0
    )
    outlook = desk.cycle_outlook(draft)  # type: ignore[union-attr]  # what the form shows beside the 5A's
    assert [a.what for a in outlook.open_actions] == ["Eén keer extra doorvragen", "Afsluiten met een check"]
    feedback = _text(services.exports.document(coach, "feedback", "E1", tmp_path / "f.pdf"))
    assert "Afspraken uit eerdere gesprekken: hoe staat het ervoor?" in feedback
    assert (
        "Eén keer extra doorvragen (vóór 15-12-2026): open, afgesproken op 20-11-2026. Hoe gaat het hiermee?"
        in feedback
    )

    code, out, err = run(
        "conversation", "actions", "--user", "marieke", "--password-stdin", "--employee", "E1", "--json"
    )
    assert code == 0, err
    listed = [json.loads(line) for line in out.splitlines()]
    assert [(a["what"], a["due_on"], a["state"], a["confirmed"]) for a in listed] == [
        ("Eén keer extra doorvragen", "2026-12-15", "open", True),
        ("Afsluiten met een check", None, "open", True),
    ]
    first, second = listed[0]["id"], listed[1]["id"]
    close = ("conversation", "close", "--user", "marieke", "--password-stdin", "--action")
    code, _, err = run(*close, str(second), "--state", "dropped")
    assert code == 1 and "Zeg waarom de afspraak vervalt." in err
    code, _, err = run(*close, str(second), "--state", "dropped", "--reason", "Beller 0612345678 wilde dat")
    assert code == 1 and "telefoonnummer" in err and "0612345678" not in err
    code, _, err = run(*close, "99999", "--state", "done")
    assert code == 1 and "Deze afspraak bestaat niet." in err
    clock.now += timedelta(days=1)
    code, out, err = run(*close, str(first), "--state", "done")
    assert code == 0 and f"Afspraak {first}: gedaan." in out, err
    code, out, err = run(*close, str(second), "--state", "dropped", "--reason", "Past niet meer bij het werk")
    assert code == 0, err
    code, out, err = run("conversation", "actions", "--user", "marieke", "--password-stdin", "--employee", "E1")
    assert (
        code == 0 and "gedaan, afgesloten op 24-11-2026" in out and "vervallen, afgesloten op 24-11-2026: Past" in out
    )
    assert "Afspraken: 2, open: 0" in out
    code, out, err = run(
        "conversation", "actions", "--user", "marieke", "--password-stdin", "--employee", "E1", "--open"
    )
    assert "Afspraken: 0, open: 0" in out

    entries = [e for e in services.audit.entries() if "agreed action" in e.detail]
    assert any(f"agreed action {first} -> done" in e.detail for e in entries)
    assert all("Past niet" not in e.detail and "0612345678" not in e.detail for e in services.audit.entries())

    # Closed since the cycle began: the feedback PDF says how; the Dialog pack lists each action's state.
    feedback = _text(services.exports.document(coach, "feedback", "E1", tmp_path / "f2.pdf"))
    assert "gedaan (afgerond op 24-11-2026)" in feedback and "Hoe gaat het hiermee?" not in feedback
    dialog = _text(services.exports.document(coach, "dialog", "E1", tmp_path / "d.pdf"))
    assert "vervallen op 24-11-2026: Past niet meer bij het werk" in dialog
    assert "Eén keer extra doorvragen (vóór 15-12-2026)" in dialog

    # Henk (another coach) cannot list or close Marieke's actions.
    code, _, err = run("conversation", "actions", "--user", "henk", "--password-stdin", "--employee", "E1")
    assert code == 1
    code, _, err = run(
        "conversation", "close", "--user", "henk", "--password-stdin", "--action", str(first), "--state", "open"
    )
    assert code == 1 and "Deze afspraak bestaat niet." in err


def test_recording_again_keeps_the_state_of_unchanged_actions(  # type: ignore[no-untyped-def]
    history: list[int],
    services: Services,
    coach: User,
    clock: FakeClock,
) -> None:
    held = services.conversations.record(coach, "E1", clock.now.date(), ["Doorvragen", "Samenvatten"], confirmed=True)
    [first, second] = held.actions
    services.conversations.close_action(coach, first.id, "done")
    again = services.conversations.record(coach, "E1", clock.now.date(), ["Doorvragen", "Rustiger praten"])
    assert [(a.what, a.state) for a in again.actions] == [("Doorvragen", "done"), ("Rustiger praten", "open")]
    assert again.agreements == ["Doorvragen", "Rustiger praten"] and second.id not in {a.id for a in again.actions}


def test_the_migration_turns_old_agreements_into_open_actions(tmp_path: Path) -> None:
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
                "INSERT INTO coaching_cycles (id, coach_user_id, employee_id, started_at, started_by) "
                "VALUES (1, 1, 'E1', '2026-10-01 08:00:00', 'explicit')"
            )
        )
        connection.execute(
            sa.text(
                "INSERT INTO feedback_conversations (id, cycle_id, held_on, agreements, reaction, agrees, "
                "disagreement, recorded_at) VALUES (1, 1, '2026-10-20', :a, '', NULL, '', '2026-10-20 10:00:00')"
            ),
            {"a": json.dumps(["Eén keer extra doorvragen", "  ", "Afsluiten met een check"])},
        )
    migrate(engine)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT conversation_id, position, what, due_on, state, confirmed FROM agreed_actions ORDER BY id")
        ).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [
        (1, 0, "Eén keer extra doorvragen", None, "open", False),
        (1, 1, "Afsluiten met een check", None, "open", False),
    ]
