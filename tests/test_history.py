"""Issue 13 in the services: the evaluation history per employee (also when the recording is gone), explicit
cycles (no surprise cycle; moving audited), choosing the feedback's evaluations (read back with pypdf), the
feedback conversation in the PDF and in the next Dialog pack, and the migration of inferred cycles."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from pypdf import PdfReader

from nunrec_desktop.adapters.db.engine import MIGRATIONS_DIR, create_database_engine, migrate
from nunrec_desktop.app import Services
from nunrec_desktop.domain import AccessDenied, InvalidInput, Mark, Role, User
from nunrec_desktop.services.coaching_cycles import CycleDecisionNeeded
from nunrec_desktop.services.cycles import STATE_NEVER, STATE_RUNNING
from nunrec_desktop.services.evaluations import Answer, EvaluationContent
from tests.conftest import TEST_PASSWORD, FakeClock
from tests.recordings_factory import add_recording


def answers(services: Services, weak: str = "") -> dict[str, Answer]:
    guideline = services.guideline()
    given = {
        c.key: Answer("goed" if "goed" in c.scale.options else "ja") for s in guideline.sections for c in s.criteria
    }
    if weak:
        given[weak] = Answer("verbeterpunt", "Stopte te vroeg.")
    return given


def evaluate(
    services: Services,
    coach: User,
    recording_id: str,
    start_days_ago: float,
    clock: FakeClock,
    start_cycle: bool | None = False,
    tips: str = "Vraag één keer extra door.",
) -> int:
    guideline = services.guideline()
    start = clock.now - timedelta(days=start_days_ago)
    draft = services.evaluations.for_recording(coach, guideline, "E1", recording_id, start, 95.0)
    content = EvaluationContent(
        answers=answers(services, "doorvragen"), tops="Warme opening.", tips=tips, marks=[Mark(12.0, "goed")]
    )
    services.evaluations.save_draft(coach, draft.id, content)
    services.evaluations.submit(coach, draft.id, guideline, services.guard(), start_cycle=start_cycle)
    return draft.id


@pytest.fixture
def anouk(services: Services, coach: User) -> User:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.add_employee("E2", "Bram Jansen")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    services.people.assign(coach.id, "E2", date(2026, 1, 1))
    return coach


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_no_cycle_starts_by_surprise_and_a_draw_starts_one(services: Services, anouk: User, clock: FakeClock) -> None:
    for index in range(4):
        add_recording(services.workspace.store_path, f"rec-{index}", clock.now - timedelta(days=index + 1), duration=90)
    lone = evaluate(services, anouk, "rec-0", 1, clock)  # not drawn, no cycle runs: counts for none
    assert services.evaluations.get(anouk, lone).cycle_id is None
    [row] = [r for r in services.cycles.rows(anouk) if r.employee_id == "E1"]
    assert row.state == STATE_NEVER and row.evaluated_in_current == 0  # not "1 / 4" as before issue 13
    guideline = services.guideline()
    draft = services.evaluations.for_recording(anouk, guideline, "E1", "rec-1", clock.now, 90)
    services.evaluations.save_draft(anouk, draft.id, EvaluationContent(answers=answers(services)))
    with pytest.raises(CycleDecisionNeeded, match="geen coachingscyclus"):  # the screen asks the coach
        services.evaluations.submit(anouk, draft.id, guideline, services.guard(), start_cycle=None)
    assert services.evaluations.get(anouk, draft.id).status == "draft" and not services.cycle_book.cycles(anouk, "E1")

    clock.advance(hours=1)
    draw = services.draws.draw(anouk, "E1", 2, seed=5, min_duration_s=60)  # "Kies gesprekken" starts a cycle
    [cycle] = services.cycle_book.cycles(anouk, "E1")
    assert draw.cycle_id == cycle.id and cycle.started_by == "draw" and cycle.running
    [started] = services.audit.entries(action="evaluations.write", object_id="E1")[:1]
    assert started.detail == f"cycle start; by draw; draw {draw.id}"
    picked = {r.id for r in draw.picks}
    not_drawn = next(r for r in ("rec-1", "rec-2", "rec-3") if r not in picked)
    services.evaluations.submit(anouk, draft.id, guideline, services.guard()) if not_drawn == "rec-1" else None
    drawn_id = evaluate(services, anouk, sorted(picked - {"rec-1"})[0], 2, clock)
    extra_id = evaluate(services, anouk, not_drawn, 3, clock) if not_drawn != "rec-1" else draft.id
    drawn, extra = services.evaluations.get(anouk, drawn_id), services.evaluations.get(anouk, extra_id)
    assert (drawn.cycle_id, drawn.drawn) == (cycle.id, True)
    assert (extra.cycle_id, extra.drawn) == (cycle.id, False)  # "niet getrokken", in the running cycle
    assert services.evaluations.get(anouk, lone).cycle_id is None  # nothing moved by surprise
    [row] = [r for r in services.cycles.rows(anouk) if r.employee_id == "E1"]
    assert (row.state, row.evaluated_in_current) == (STATE_RUNNING, 2)


def test_moving_an_evaluation_to_another_cycle_is_audited_and_stays_within_the_employee(
    services: Services, anouk: User, admin: User, clock: FakeClock
) -> None:
    first = services.cycle_book.start(anouk, "E1")
    moved = evaluate(services, anouk, "rec-a", 2, clock)
    clock.advance(days=1)
    second = services.cycle_book.start(anouk, "E1")
    assert services.evaluations.get(anouk, moved).cycle_id == first.id
    correction = services.evaluations.revise(anouk, moved)  # every revision moves along
    services.cycle_book.move(anouk, moved, second.id)
    assert {services.evaluations.get(anouk, i).cycle_id for i in (moved, correction.id)} == {second.id}
    [entry] = services.audit.entries(action="evaluations.write", object_id=str(moved))[:1]
    assert entry.detail == f"cycle move; from {first.id} to {second.id}" and entry.actor == "marieke"
    bram = services.cycle_book.start(anouk, "E2")
    with pytest.raises(InvalidInput, match="dezelfde medewerker"):
        services.cycle_book.move(anouk, moved, bram.id)
    other = services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    with pytest.raises(InvalidInput, match="bestaat niet"):  # another coach's evaluation does not exist for him
        services.cycle_book.move(other, moved, first.id)


def test_the_history_with_a_gone_recording_a_correction_and_the_feedback_mark(
    services: Services, anouk: User, admin: User, clock: FakeClock, tmp_path: Path
) -> None:
    add_recording(services.workspace.store_path, "rec-new", clock.now - timedelta(days=2), duration=90)
    services.cycle_book.start(anouk, "E1")
    gone = evaluate(services, anouk, "rec-old", 40, clock)  # its recording is past 30 days: gone
    fresh = evaluate(services, anouk, "rec-new", 2, clock)
    correction = services.evaluations.revise(anouk, fresh)
    services.evaluations.submit(anouk, correction.id, services.guideline(), services.guard())
    draft = services.evaluations.for_recording(anouk, services.guideline(), "E1", "rec-draft", clock.now, 80)
    history = services.history.history(anouk, "E1")
    by_id = {e.id: e for e in history.entries}
    assert set(by_id) == {gone, correction.id, draft.id}  # one line per evaluation, the newest revision
    assert by_id[gone].recording_state == "expired" and by_id[gone].status == "submitted"
    assert (by_id[correction.id].status, by_id[correction.id].evaluation.revision) == ("corrected", 2)
    assert by_id[draft.id].status == "draft" and by_id[draft.id].cycle is None
    assert by_id[gone].answers["analyse"] == {"ja": 1, "verbeterpunt": 1}  # "doorvragen" was weak
    assert not any(e.in_feedback for e in history.entries)
    # The gone recording's evaluation is read and corrected: scores and notes stay.
    desk = services.desk_for(anouk)
    evaluation, guideline = desk.evaluation_by_id(gone)  # type: ignore[union-attr]
    assert evaluation.content.answers["doorvragen"].comment == "Stopte te vroeg." and guideline.sections
    revised = services.evaluations.revise(anouk, gone)
    assert revised.content.tops == "Warme opening." and revised.cycle_id == evaluation.cycle_id

    services.exports.document(anouk, "feedback", "E1", tmp_path / "t.pdf", evaluation_ids=[correction.id])
    marked = {e.id: e.in_feedback for e in services.history.history(anouk, "E1").entries}
    assert marked[correction.id] and not marked[revised.id]
    filtered = services.history.history(anouk, "E1", first=clock.now.date() - timedelta(days=5))
    assert {e.id for e in filtered.entries} == {correction.id, draft.id}
    # Same policy as the screen: IT and another coach are refused, audited.
    it = services.accounts.add(admin, "dennis", Role.IT, "Dennis Schouten", TEST_PASSWORD)
    with pytest.raises(AccessDenied, match="IT-medewerker"):
        services.history.history(it, "E1")
    other = services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    with pytest.raises(AccessDenied, match="niet onder jouw coaching"):
        services.history.history(other, "E1")
    denied = services.audit.entries(action="evaluations.read", object_id="E1")
    assert {e.actor for e in denied if e.result == "denied"} == {"dennis", "henk"}


def test_the_chosen_evaluations_and_only_those_go_into_the_feedback_pdf(
    services: Services, anouk: User, clock: FakeClock, tmp_path: Path
) -> None:
    services.cycle_book.start(anouk, "E1")
    ids = [evaluate(services, anouk, f"rec-{n}", days, clock) for n, days in enumerate((9, 6, 3))]
    default = services.exports.feedback_data(anouk, "E1")
    assert {c.evaluation.id for c in default.calls} == set(ids)  # the chosen cycle's, by default
    out = services.exports.document(anouk, "feedback", "E1", tmp_path / "keuze.pdf", evaluation_ids=[ids[0], ids[2]])
    text = pdf_text(out)
    assert text.count("Gesprek van") == 2
    assert "Gesprek van 11-11-2026" in text and "Gesprek van 17-11-2026" in text and "14-11-2026" not in text
    assert "11-11-2026 t/m 17-11-2026" in text
    [audited] = services.audit.entries(action="exports.feedback", object_id="E1")[:1]
    assert audited.detail == f"evaluations {ids[0]},{ids[2]}"
    with pytest.raises(InvalidInput, match="Geen ingediende beoordeling van deze medewerker: 999"):
        services.exports.document(anouk, "feedback", "E1", tmp_path / "x.pdf", evaluation_ids=[ids[0], 999])
    with pytest.raises(InvalidInput, match="minstens één"):
        services.exports.document(anouk, "feedback", "E1", tmp_path / "x.pdf", evaluation_ids=[])


def test_the_conversation_closes_the_cycle_and_reaches_the_pdf_the_form_and_the_next_dialog_pack(
    services: Services, anouk: User, clock: FakeClock, tmp_path: Path
) -> None:
    add_recording(services.workspace.store_path, "rec-z", clock.now - timedelta(days=1), duration=90)
    clock.advance(days=-40)
    first = services.cycle_book.start(anouk, "E1")
    evaluate(services, anouk, "rec-a", 1, clock, tips="Vat samen in je eigen woorden.")
    single = evaluate(services, anouk, "rec-b", 0.5, clock)
    before = services.exports.document(anouk, "feedback", "E1", tmp_path / "voor.pdf")
    text = pdf_text(before)
    assert "Dit gesprek moet nog plaatsvinden" in text and "samen hebben besproken" not in text
    [row] = [r for r in services.cycles.rows(anouk) if r.employee_id == "E1"]
    assert row.conversation == "nog te bespreken"

    clock.advance(days=3)
    with pytest.raises(
        InvalidInput, match=r"In de reactie staat mogelijk een gegeven van een beller \(telefoonnummer\)"
    ):
        services.conversations.record(anouk, "E1", clock.now.date(), ["Doorvragen"], "Bel me op 06-12345678")
    with pytest.raises(InvalidInput, match=r"In afspraak 1 .*\(e-mailadres\)"):
        services.conversations.record(anouk, "E1", clock.now.date(), ["Mail piet@example.com terug"])
    assert services.conversations.of_cycles(anouk, [first.id]) == {}  # nothing stored
    held = services.conversations.record(
        anouk,
        "E1",
        clock.now.date(),
        ["Eén keer extra doorvragen", "Afsluiten met de vraag of er nog iets is"],
        "Herkenbaar, ik ga het doorvragen oefenen.",
        agrees=False,
        disagreement="het tempo van de uitleg",
    )
    assert held.cycle_id == first.id
    [entry] = services.audit.entries(action="evaluations.write", object_id=str(first.id))[:1]
    assert entry.detail == "conversation recorded; held 2026-10-14; agreements 2; reaction yes; agrees no; confirmed no"
    assert "doorvragen" not in entry.detail.lower().replace("conversation", "")  # counts, never the text
    [row] = [r for r in services.cycles.rows(anouk) if r.employee_id == "E1"]
    assert row.conversation == "besproken op 14-10-2026" and not services.cycle_book.get(anouk, first.id).running

    after = services.exports.document(anouk, "feedback", "E1", tmp_path / "na.pdf")
    text = pdf_text(after)
    assert "de gesprekken die we op 14-10-2026 samen hebben besproken" in text
    assert "Eén keer extra doorvragen" in text and "Afsluiten met de vraag of er nog iets is" in text
    assert "Herkenbaar, ik ga het doorvragen oefenen." in text
    assert "niet (helemaal) eens met deze terugkoppeling: het tempo van de uitleg" in text
    assert "Dit gesprek moet nog plaatsvinden" not in text

    clock.advance(days=37)  # the next cycle: its form shows the agreements to the coach
    second = services.cycle_book.start(anouk, "E1")
    desk = services.desk_for(anouk)
    draft = services.evaluations.for_recording(anouk, services.guideline(), "E1", "rec-c", clock.now, 90)
    outlook = desk.cycle_outlook(draft)  # type: ignore[union-attr]
    assert outlook.cycle is not None and outlook.cycle.id == second.id and outlook.drawn is False
    assert outlook.agreed is not None and outlook.agreed.agreements[0] == "Eén keer extra doorvragen"
    evaluate(services, anouk, "rec-c", 1, clock)
    dialog = pdf_text(services.exports.document(anouk, "dialog", "E1", tmp_path / "dialog.pdf"))
    assert "Eén keer extra doorvragen" in dialog and "afgesproken op 14-10-2026" in dialog
    assert "nog niet besproken: geen afspraken vastgelegd" in dialog  # the second cycle is still to discuss
    assert "(2)" in dialog and "(1)*" in dialog and "rust op één beoordeling" in dialog
    assert services.evaluations.get(anouk, single).cycle_id == first.id


def test_the_migration_makes_inferred_cycles_explicit(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = create_database_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
    content = EvaluationContent().to_json()
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
                "INSERT INTO draws (id, coach_user_id, employee_id, seed, parameters, picks, replacements, "
                "created_at) VALUES (1, 1, 'E1', 5, '{}', :picks, '[]', '2026-10-30 08:00:00')"
            ),
            {"picks": json.dumps(["rec-2"])},
        )
        connection.execute(  # a second draw during the November run tops it up: no cycle of its own
            sa.text(
                "INSERT INTO draws (id, coach_user_id, employee_id, seed, parameters, picks, replacements, "
                "created_at) VALUES (2, 1, 'E1', 6, '{}', :picks, '[]', '2026-11-03 08:00:00')"
            ),
            {"picks": json.dumps(["rec-5"])},
        )
        # Two runs of submissions (September; November after the draw), a correction, and a draft.
        rows = [
            (1, "rec-1", None, "submitted", 1, "2026-09-01 10:00:00"),
            (2, "rec-x", None, "submitted", 1, "2026-09-10 10:00:00"),
            (3, "rec-2", None, "submitted", 1, "2026-11-02 10:00:00"),
            (4, "rec-3", None, "submitted", 1, "2026-11-05 10:00:00"),
            (5, "rec-3", 4, "submitted", 2, "2026-11-20 10:00:00"),
            (6, "rec-4", None, "draft", 1, None),
            (7, "rec-5", None, "submitted", 1, "2026-11-06 10:00:00"),
        ]
        for eid, rec, supersedes, status, revision, submitted in rows:
            connection.execute(
                sa.text(
                    "INSERT INTO evaluations (id, coach_user_id, employee_id, recording_id, source, call_start, "
                    "guideline_id, guideline_version, guideline_hash, status, revision, supersedes_id, content, "
                    "created_at, updated_at, submitted_at) VALUES (:id, 1, 'E1', :rec, 'recording', "
                    "'2026-09-01 09:00:00', 'g', '1', 'h', :status, :revision, :supersedes, :content, "
                    "'2026-09-01 09:00:00', '2026-09-01 09:00:00', :submitted)"
                ),
                {
                    "id": eid,
                    "rec": rec,
                    "status": status,
                    "revision": revision,
                    "supersedes": supersedes,
                    "content": content,
                    "submitted": submitted,
                },
            )
    migrate(engine)
    with engine.connect() as connection:
        cycles = connection.execute(
            sa.text("SELECT id, started_at, started_by, draw_id FROM coaching_cycles ORDER BY started_at")
        ).all()
        evaluations = dict(
            (r[0], (r[1], r[2])) for r in connection.execute(sa.text("SELECT id, cycle_id, drawn FROM evaluations"))
        )
    engine.dispose()
    assert [(c.started_by, c.draw_id) for c in cycles] == [("migration", None), ("draw", 1)]
    september, november = cycles[0].id, cycles[1].id
    assert str(cycles[1].started_at).startswith("2026-10-30 08:00")  # the draw started it
    assert evaluations[1] == (september, None) and evaluations[2] == (september, None)  # no draw: not known
    assert evaluations[3] == (november, True) and evaluations[4] == (november, False)  # drawn / "niet getrokken"
    assert evaluations[5] == (november, False)  # the correction counts where its first submission did
    assert evaluations[6] == (None, None)  # a draft is decided when it is submitted
    assert evaluations[7] == (november, True)  # drawn by the second draw of the same run


def test_a_conversation_without_a_named_cycle_is_about_the_evaluated_cycle_not_the_freshly_drawn_one(
    services: Services, coach: User, clock: FakeClock
) -> None:
    """The coach often draws the next calls (an empty new cycle) before the feedback conversation is held."""
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    evaluated = services.cycle_book.start(coach, "E1")
    evaluate(services, coach, "rec-a", 3, clock)
    clock.now += timedelta(days=1)
    fresh = services.cycle_book.start(coach, "E1")  # the next cycle, nothing evaluated in it yet
    services.conversations.record(coach, "E1", clock.now.date(), ["Een keer extra doorvragen"], "", None, "")
    found = services.conversations.of_cycles(coach, [evaluated.id, fresh.id])
    assert list(found) == [evaluated.id]
