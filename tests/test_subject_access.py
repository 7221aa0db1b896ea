"""Subject access (AVG art. 15): everything stored about an employee, for IT or the employee's coach,
including every revision and who listened to their calls, when and why; never caller data."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from nunrec_desktop.app import Services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import AccessDenied, Role, User
from nunrec_desktop.services.evaluations import Answer, EvaluationContent
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording


@pytest.fixture
def history(services: Services, coach: User, clock: FakeClock) -> User:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.add_employee("E2", "Bram Jansen")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    services.people.assign(coach.id, "E2", date(2026, 1, 1))
    add_recording(services.workspace.store_path, "rec-anouk", clock.now - timedelta(days=1), caller="+31612345678")
    add_recording(services.workspace.store_path, "rec-bram", clock.now - timedelta(days=1), employee="E2")
    opened = services.listening.open(coach, "rec-anouk")
    services.listening.before_playback(coach, opened)
    services.listening.open(coach, "rec-bram")
    guideline = services.guideline()
    draft = services.evaluations.for_recording(coach, guideline, "E1", "rec-anouk", clock.now - timedelta(days=1), 2)
    answers = {c.key: Answer(c.scale.options[0]) for s in guideline.sections for c in s.criteria}
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(answers=answers, tips="Eerste tip"))
    services.evaluations.submit(coach, draft.id, guideline, services.guard())
    second = services.evaluations.revise(coach, draft.id)
    services.evaluations.save_draft(coach, second.id, EvaluationContent(answers=answers, tips="Gecorrigeerde tip"))
    return coach


def pdf_text(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_everything_about_the_employee(services: Services, history: User, it_user: User, tmp_path: Path) -> None:
    out = services.exports.subject_access(it_user, "E1", tmp_path / "inzage.pdf")
    pages = pdf_text(out)
    text = " ".join(pages)
    assert "Inzage: gegevens in nunrec desktop" in text and "Anouk de Vries" in text
    assert "Marieke Kok" in text and "lopend" in text  # the coaching assignment
    assert "Beoordelingen (2, met alle versies)" in text and "versie 1" in text and "versie 2" in text
    assert "Eerste tip" in text and "Gecorrigeerde tip" in text
    assert "Wie je gesprekken beluisterde (2)" in text  # the open and the start of playback
    assert "rec-anouk" in text and "rec-bram" not in text  # only her own calls
    assert all("Vertrouwelijk - uitsluitend bestemd voor Anouk de Vries." in page for page in pages)
    assert re.sub(r"\s", "", text).count("612345678") == 0
    entry = services.audit.entries(action="subject_access.")[0]
    assert (entry.object_id, entry.detail) == ("E1", "evaluations 2; listens 2")


def test_who_may_ask(services: Services, history: User, admin: User, tmp_path: Path) -> None:
    services.exports.subject_access(history, "E1", tmp_path / "by-coach.pdf")  # the employee's own coach
    other = services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    with pytest.raises(AccessDenied):
        services.exports.subject_access(other, "E1", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_cli(
    services: Services,
    history: User,
    it_user: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
    tmp_path: Path,
) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [
            "subject-access",
            "--workspace",
            str(workspace_dir),
            "--user",
            "dennis",
            "--password-stdin",
            "--employee",
            "E1",
            "--out",
            str(tmp_path / "inzage.pdf"),
        ],
        Io(
            stdin=io.StringIO(TEST_PASSWORD + "\n"),
            stdout=out,
            stderr=err,
            clock=clock,
            keyring_factory=lambda: keyring_backend,
        ),
    )
    assert code == 0, err.getvalue()
    assert (tmp_path / "inzage.pdf").read_bytes().startswith(b"%PDF")
