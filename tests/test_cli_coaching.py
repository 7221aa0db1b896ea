"""The commands of issue 13 as IT scripts and outside checks call them: `nunrec evaluations` (JSON lines, no
caller data or note text), `nunrec export-feedback --evaluations`, `nunrec conversation add`; and their
refusals (another coach's employee, the IT role, caller data in a text), exit 1 with a Dutch sentence."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from nunrec_desktop.app import Services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import Role, User
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording
from tests.test_history import evaluate


@pytest.fixture
def run(workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring):  # type: ignore[no-untyped-def]
    def run(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(
            [*args, "--workspace", str(workspace_dir)],
            Io(
                stdin=io.StringIO(TEST_PASSWORD + "\n"),
                stdout=out,
                stderr=err,
                clock=clock,
                keyring_factory=lambda: keyring_backend,
            ),
        )
        return code, out.getvalue(), err.getvalue()

    return run


@pytest.fixture
def history(services: Services, coach: User, admin: User, clock: FakeClock) -> list[int]:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    services.accounts.add(admin, "dennis", Role.IT, "Dennis Schouten", TEST_PASSWORD)
    add_recording(services.workspace.store_path, "rec-new", clock.now - timedelta(days=2), duration=90)
    lone = evaluate(services, coach, "rec-lone", 50, clock)  # before any cycle: counts for none
    services.cycle_book.start(coach, "E1")
    ids = [evaluate(services, coach, "rec-old", 40, clock), evaluate(services, coach, "rec-new", 2, clock)]
    services.evaluations.revise(coach, ids[1])  # an open correction: a draft, version 2
    return [lone, *ids]


def test_evaluations_lists_the_history_as_json_lines(run, history: list[int]) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("evaluations", "--user", "marieke", "--password-stdin", "--employee", "E1", "--json")
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 3
    by_start = {r["call_start"][:10]: r for r in records}
    lone, old, new = by_start["2026-10-01"], by_start["2026-10-11"], by_start["2026-11-18"]
    for record in records:
        assert {
            "id",
            "source",
            "call_start",
            "status",
            "version",
            "cycle_start",
            "submitted_at",
            "in_feedback",
            "answers",
        } <= set(record)
        assert record["source"] == "recording" and record["in_feedback"] is False
    assert lone["cycle_start"] is None and lone["status"] == "submitted"
    assert old["cycle_start"] == "2026-11-20T09:30:00Z" and old["recording"] == "expired" and old["drawn"] is False
    assert (new["status"], new["version"], new["submitted_at"]) == ("draft", 2, None)
    assert old["answers"]["analyse"] == {"ja": 1, "verbeterpunt": 1}
    raw = out.lower()
    for text in ("warme opening", "stopte te vroeg", "vraag één keer", "+316", "0612"):  # no notes, no caller
        assert text not in raw

    code, out, _ = run("evaluations", "--user", "marieke", "--password-stdin", "--employee", "E1")
    assert code == 0 and "Beoordelingen: 3" in out and "concept, versie 2" in out


def test_the_same_policy_as_the_screen(run, history: list[int], services: Services) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("evaluations", "--user", "henk", "--password-stdin", "--employee", "E1", "--json")
    assert (code, out) == (1, "") and "niet onder jouw coaching" in err
    code, out, err = run("evaluations", "--user", "dennis", "--password-stdin", "--employee", "E1", "--json")
    assert (code, out) == (1, "") and "Als IT-medewerker mag je geen beoordelingen inzien" in err
    code, _, err = run(
        "conversation", "add", "--user", "dennis", "--password-stdin", "--employee", "E1", "--date", "2026-11-19"
    )
    assert code == 1 and "IT-medewerker" in err
    code, _, err = run(
        "conversation", "add", "--user", "henk", "--password-stdin", "--employee", "E1", "--date", "2026-11-19"
    )
    assert code == 1 and "niet onder jouw coaching" in err
    denied = [e for e in services.audit.entries(action="evaluations.read") if e.result == "denied"]
    assert {e.actor for e in denied} == {"henk", "dennis"}


def test_export_feedback_with_chosen_evaluations(  # type: ignore[no-untyped-def]
    run, history: list[int], tmp_path: Path
) -> None:
    lone, old, _new = history
    out_pdf = tmp_path / "keuze.pdf"
    code, out, err = run(
        "export-feedback", "--user", "marieke", "--password-stdin", "--employee", "E1",
        "--evaluations", f"{lone},{old}", "--out", str(out_pdf),
    )  # fmt: skip
    assert code == 0, err
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out_pdf).pages).split())
    assert text.count("Gesprek van") == 2 and "01-10-2026 t/m 11-10-2026" in text
    code, out, _ = run("evaluations", "--user", "marieke", "--password-stdin", "--employee", "E1", "--json")
    marked = {json.loads(line)["id"]: json.loads(line)["in_feedback"] for line in out.splitlines()}
    assert marked[lone] and marked[old] and not any(v for k, v in marked.items() if k not in (lone, old))
    code, _, err = run(
        "export-feedback", "--user", "marieke", "--password-stdin", "--employee", "E1",
        "--evaluations", "4242", "--out", str(tmp_path / "x.pdf"),
    )  # fmt: skip
    assert code == 1 and "Geen ingediende beoordeling van deze medewerker: 4242" in err
    with pytest.raises(SystemExit) as exit_:
        run("export-feedback", "--user", "marieke", "--employee", "E1", "--evaluations", "a,b", "--out", "x.pdf")
    assert exit_.value.code == 2


def test_conversation_add_for_the_latest_cycle(  # type: ignore[no-untyped-def]
    run, history: list[int], services: Services, coach: User, tmp_path: Path
) -> None:
    base = ("conversation", "add", "--user", "marieke", "--password-stdin", "--employee", "E1")
    code, _, err = run(*base, "--date", "2026-11-20", "--reaction", "Mail me op piet@example.com")
    assert code == 1 and "In de reactie staat mogelijk een gegeven van een beller (e-mailadres)" in err
    assert "piet@example.com" not in err  # the finding is named, not repeated
    code, _, err = run(*base, "--date", "2026-11-20", "--agreement", "Bel 06-12345678 terug")
    assert code == 1 and "In afspraak 1 staat mogelijk een gegeven van een beller (telefoonnummer)" in err
    code, _, err = run(*base, "--date", "2026-12-01")
    assert code == 1 and "in de toekomst" in err
    code, out, err = run(
        *base, "--date", "2026-11-20", "--agreement", "Eén keer extra doorvragen", "--agreement",
        "Afsluiten met een check", "--reaction", "Herkenbaar.", "--agrees", "no", "--disagreement", "het tempo",
    )  # fmt: skip
    assert code == 0, err
    assert "Vastgelegd: het gesprek van 20-11-2026" in out and "afspraken: 2." in out
    [cycle] = services.cycle_book.cycles(coach, "E1")
    [held] = services.conversations.of_cycles(coach, [cycle.id]).values()
    assert held.agreements == ["Eén keer extra doorvragen", "Afsluiten met een check"] and held.agrees is False
    code, _, err = run(*base, "--date", "2026-11-20", "--disagreement", "x")
    assert code == 1 and "--agrees no" in err
    services.evaluations.submit(coach, history[2] + 1, services.guideline(), services.guard())
    code, out, err = run(
        "export-feedback", "--user", "marieke", "--password-stdin", "--employee", "E1", "--out", str(tmp_path / "n.pdf")
    )
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "n.pdf").pages).split())
    assert code == 0 and "op 20-11-2026 samen hebben besproken" in text and "Herkenbaar." in text
