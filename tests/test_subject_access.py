"""Subject access (AVG art. 15): everything stored about an employee, for IT or the employee's coach,
including every revision, their own answers given while listening together, the calibrations of their calls
(the agreed result, never a coach's blind score) and who listened to their calls, when and why; never caller
data."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from nunrec_desktop.app import Services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import AccessDenied, Role, User
from nunrec_desktop.services.coach_desk import CoachDesk
from nunrec_desktop.services.evaluations import Answer, EvaluationContent
from nunrec_desktop.services.exports import masked_subject_access
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
    assert "geopend" in text and "afgespeeld" in text  # what happened, in words, by whom by name
    listens = text[text.index("Wie je gesprekken beluisterde") :]
    assert "Marieke Kok" in listens and "marieke" not in listens
    guideline = services.guideline()
    first = guideline.sections[0].criteria[0]
    assert guideline.sections[0].title in text and first.text[:30] in text  # criteria by their text ...
    assert f"{first.key}:" not in text  # ... never by the internal key
    assert "rec-anouk" in text and "rec-bram" not in text  # only her own calls
    assert all("Vertrouwelijk - uitsluitend bestemd voor Anouk de Vries." in page for page in pages)
    assert re.sub(r"\s", "", text).count("612345678") == 0
    entry = services.audit.entries(action="subject_access.")[0]
    assert (entry.object_id, entry.detail) == ("E1", "evaluations 2; listens 2; self-evaluations 0; calibrations 0")


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


def test_a_coach_sees_only_their_own_coaching_period_and_it_the_whole_history(
    services: Services,
    coach: User,
    admin: User,
    it_user: User,
    clock: FakeClock,
    workspace_dir: Path,
    keyring_backend: MemoryKeyring,
    tmp_path: Path,
) -> None:
    """Issue 20 item 9: Henk coached Anouk until 10 November, Marieke since 11 November. Marieke's subject
    access (service and CLI) holds her own period only, as her `evaluations` does; IT's holds everything."""
    now = clock.now
    henk = services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(henk.id, "E1", date(2026, 1, 1), date(2026, 11, 10))
    services.people.assign(coach.id, "E1", date(2026, 11, 11))
    root = services.workspace.store_path
    add_recording(root, "rec-henk", now - timedelta(days=15))
    add_recording(root, "rec-marieke", now - timedelta(days=1))
    guideline = services.guideline()
    answers = {c.key: Answer(c.scale.options[0]) for s in guideline.sections for c in s.criteria}

    def evaluate(user: User, recording: str, tips: str) -> None:
        services.listening.open(user, recording)
        meta = services.store().get(recording)
        draft = services.evaluations.for_recording(user, guideline, "E1", recording, meta.start, meta.duration_s)
        services.evaluations.save_draft(user, draft.id, EvaluationContent(answers=answers, tips=tips))
        services.evaluations.submit(user, draft.id, guideline, services.guard())

    clock.now = now - timedelta(days=14)  # Henk's time
    evaluate(henk, "rec-henk", "Tip van Henk")
    clock.now = now
    evaluate(coach, "rec-marieke", "Tip van Marieke")

    mine = services.exports.subject_access(coach, "E1", tmp_path / "marieke.pdf")
    text = " ".join(pdf_text(mine))
    assert "Tip van Marieke" in text and "rec-marieke" in text
    assert "Tip van Henk" not in text and "rec-henk" not in text and "Henk Smit" not in text
    assert "Beoordelingen (1, met alle versies)" in text and "Wie je gesprekken beluisterde (1)" in text
    assert "alleen de periode waarin Marieke Kok je coach is of was (vanaf 11-11-2026)" in text
    assert services.audit.entries(action="subject_access.")[0].detail == (
        "evaluations 1; listens 1; self-evaluations 0; calibrations 0"
    )

    everything = " ".join(pdf_text(services.exports.subject_access(it_user, "E1", tmp_path / "it.pdf")))
    assert "Tip van Henk" in everything and "Tip van Marieke" in everything and "Henk Smit" in everything
    assert "Beoordelingen (2, met alle versies)" in everything and "Wie je gesprekken beluisterde (2)" in everything
    assert "Dit overzicht bevat alles wat nunrec over je bewaart" in everything

    out, err = io.StringIO(), io.StringIO()
    code = main(
        [
            "subject-access",
            "--workspace",
            str(workspace_dir),
            "--user",
            "marieke",
            "--password-stdin",
            "--employee",
            "E1",
            "--out",
            str(tmp_path / "cli.pdf"),
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
    by_cli = " ".join(pdf_text(tmp_path / "cli.pdf"))
    assert "Tip van Marieke" in by_cli and "Tip van Henk" not in by_cli and "rec-henk" not in by_cli


def test_self_evaluations_and_calibrations_for_it_and_only_the_coachs_own_for_the_coach(
    services: Services,
    coach: User,
    admin: User,
    it_user: User,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    """Issue 26's records about the employee: the 5A answers Anouk gave herself while listening together, and the
    calls of hers the coaches calibrated on. IT's subject access has all of them, with the agreed result of a
    calibration but no coach's own blind score; Marieke's has only what was given at her workstation in her own
    coaching period and the calibration she shared herself, never what happened at Henk's."""
    now = clock.now
    henk = services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(henk.id, "E1", date(2026, 1, 1), date(2026, 11, 10))
    services.people.assign(coach.id, "E1", date(2026, 11, 11))
    root = services.workspace.store_path
    add_recording(root, "rec-henk", now - timedelta(days=15), duration=125.0)
    add_recording(root, "rec-marieke", now - timedelta(days=1), duration=95.0)
    guideline = services.guideline()
    criteria = [c for s in guideline.sections for c in s.criteria]
    first = {c.key: c.scale.options[0] for c in criteria}  # "goed" / "ja"

    def evaluate(user: User, recording: str) -> int:
        services.listening.open(user, recording)
        meta = services.store().get(recording)
        draft = services.evaluations.for_recording(user, guideline, "E1", recording, meta.start, meta.duration_s)
        answers = {key: Answer(answer) for key, answer in first.items()}
        services.evaluations.save_draft(user, draft.id, EvaluationContent(answers=answers))
        services.evaluations.submit(user, draft.id, guideline, services.guard())
        return draft.id

    def together(user: User, recording: str, answers: dict[str, str]) -> None:
        desk = services.desk_for(user)
        assert isinstance(desk, CoachDesk)
        desk.listen_together("E1")
        desk.record_self_evaluation(recording, answers)
        desk.listen_together(None)

    clock.now = now - timedelta(days=14)  # Henk's time: Anouk's own answers at his workstation, a calibration
    together(henk, "rec-henk", first | {"doorvragen": "verbeterpunt"})
    services.calibrations.share(henk, evaluate(henk, "rec-henk"))  # never agreed
    clock.now = now
    together(coach, "rec-marieke", first | {"samenvatten": "nee"})
    calibration_id = services.calibrations.share(coach, evaluate(coach, "rec-marieke"))
    services.calibrations.score(coach, calibration_id, first)
    services.calibrations.score(henk, calibration_id, first | {"regie": "voldoende"})  # Henk's blind score
    services.calibrations.agree(coach, calibration_id, first, "Regie samen besproken, uitkomst goed.")

    def text_of(user: User, name: str) -> str:
        out = services.exports.subject_access(user, "E1", tmp_path / name)
        return " ".join(pdf_text(out))

    everything = text_of(it_user, "it.pdf")
    assert "Je eigen beoordelingen (2)" in everything
    assert "Gesprek van 05-11-2026 om 09:30, duur 2:05 (gesprek rec-henk): ingevuld op 06-11-2026" in everything
    assert "bij coach Henk Smit" in everything and "bij coach Marieke Kok" in everything
    assert "Vraagt door met open vragen" in everything and "verbeterpunt" in everything  # per criterion
    assert "Analyse" in everything and "Jouw antwoord" in everything and " nee " in everything
    assert "Gesprekken gebruikt voor kalibratie (2)" in everything
    assert "gedeeld op" in everything and "door Henk Smit, 2 coaches deden mee" in everything
    assert "Er is nog geen uitkomst afgesproken." in everything
    assert "De coaches spraken op 20-11-2026 deze uitkomst af." in everything
    assert "Toelichting: Regie samen besproken, uitkomst goed." in everything
    assert "De losse beoordelingen van de coaches staan er niet in" in everything
    assert "voldoende" not in everything  # Henk's blind answer is his, not in Anouk's record
    entry = services.audit.entries(action="subject_access.")[0]
    assert entry.detail == "evaluations 2; listens 2; self-evaluations 2; calibrations 2"

    mine = text_of(coach, "marieke.pdf")
    assert "Je eigen beoordelingen (1)" in mine and "rec-marieke" in mine and "bij coach Marieke Kok" in mine
    assert "rec-henk" not in mine and "Henk Smit" not in mine and "verbeterpunt" not in mine
    assert "Gesprekken gebruikt voor kalibratie (1)" in mine and "door Marieke Kok, 2 coaches" in mine
    assert "Regie samen besproken" in mine and "nog geen uitkomst" not in mine and "voldoende" not in mine
    entry = services.audit.entries(action="subject_access.")[0]
    assert entry.detail == "evaluations 1; listens 1; self-evaluations 1; calibrations 1"

    # A note agreed before the guard knew a kind of caller data is masked when rendered, as evaluations are.
    data = services.subject_access.gather(it_user, "E1")
    old = [dataclasses.replace(c, agreed_note="Terugbellen op 0612345678.") for c in data.calibrations]
    masked = masked_subject_access(dataclasses.replace(data, calibrations=old), services.guard())
    assert all("12345678" not in c.agreed_note for c in masked.calibrations)

    subprocess.run(["pdftoppm", "-r", "60", "-png", str(tmp_path / "it.pdf"), str(tmp_path / "it")], check=True)
    assert sorted(p.name for p in tmp_path.glob("it-*.png"))
