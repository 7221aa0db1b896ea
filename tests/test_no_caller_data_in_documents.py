"""Issue 20, done when: caller data typed everywhere a coach can type in a demo workspace never reaches a
document (P5, P6, P13).

A demo workspace is built with the real `nunrec demo`; then, through the real services (the coach's desk)
and the real GUI for the keep path, a caller's number, BSN, IBAN, e-mail address, date of birth, address and
name - each in several spellings - are typed into mark notes, the explanation of every criterion, tops, tips
and notes, the feedback conversation (agreements, reaction, disagreement), a side-by-side session (its reason
explanation, observations and notes), and tried as kept findings with every choice that does not fit and a
client's label that lies (an address kept on purpose as "straatnaam als plaats" is printed: that is the coach's
own statement, see services.keeping).
Then every document of the workspace is exported (a feedback PDF and a Dialog pack per coached employee, a
subject access per employee by the coach and by IT) and read back with pypdf: none of the caller data is in
any PDF's text (normalised: case, spaces and separators removed). One feedback PDF is looked at as PNG.
Finally the last look before writing: a caller's number smuggled into the database past the service is
refused at export with a sentence that says where it is, and no file (not even a part) is written.
"""

from __future__ import annotations

import io
import itertools
import json
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from nunrec_desktop.adapters.db.models import AgreedActionRow, ConversationRow, CycleRow, UserRow
from nunrec_desktop.app import Services, open_services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import InvalidInput, Mark, User
from nunrec_desktop.services.coach_desk import CoachDesk
from nunrec_desktop.services.evaluations import Answer, EvaluationContent, KeptFinding
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.it_desk import ItDesk
from nunrec_desktop.services.keeping import KEEP_WORDS, may_keep
from nunrec_desktop.services.privacy import CallerDataGuard
from nunrec_desktop.ui.translations import install_translators
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.test_ui_evaluation import keep_as
from tests.ui_session import sign_in_app

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)

# What callers say, in spellings the guard knows (the guard's own coverage is tests/test_privacy_guard.py).
CALLER_DATA = (
    "06-12345678",
    "06 1234 5678",
    "0612345678",
    "+31 6 12345678",
    "+31(0)6-12345678",
    "(06) 12345678",
    "0031 6 12345678",
    "06 12 34 56 78",
    "111222333",
    "111 222 333",
    "111.222.333",
    "NL91ABNA0417164300",
    "NL91 ABNA 0417 1643 00",
    "nl91abna0417164300",
    "jan.pietersma@example.com",
    "J.Pietersma@Gmail.COM",
    "geboren 12-03-1985",
    "geboortedatum 12/03/1985",
    "geboren op 12 maart 1985",
    "Dorpsstraat 12",
    "8071 AB 12",
    "postcode 8071AB huisnummer 12",
    "Dorpsstraat 12, 8071 AB Nunspeet",
    "meneer Pietersma",
    "mevrouw Oudendijk",
    "dhr. Van Oudendijk",
)
# The same data as it would show in a PDF's text after `normalised`, whatever the spelling.
FORBIDDEN = (
    "612345678",
    "111222333",
    "nl91abna0417164300",
    "abna04171643",
    "pietersma",
    "oudendijk",
    "examplecom",
    "gmailcom",
    "12031985",
    "12maart1985",
    "dorpsstraat",
    "8071ab",
)
GUARD_KINDS = {t: k.kind for t in CALLER_DATA for k in CallerDataGuard(NOW.date()).scan(t)}
COLLEAGUE = "mevrouw De Wit"  # validly kept as a colleague's name: it is printed


def normalised(text: str) -> str:
    """Lower case, compatibility forms folded, whitespace and separators gone: "06 - 1234 5678" -> "0612345678"."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if ch.isalnum() or ch in "@[]")


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() or "" for page in reader.pages) + " ".join(
        str(v) for v in (reader.metadata or {}).values()
    )


def assert_no_caller_data(path: Path) -> str:
    flat = normalised(pdf_text(path))
    leaked = [token for token in FORBIDDEN if token in flat]
    assert not leaked, f"{path.name} holds caller data: {leaked}"
    return flat


def spelled(start: int) -> itertools.cycle[str]:
    return itertools.cycle(CALLER_DATA[start:] + CALLER_DATA[:start])


def typed_everywhere(guideline: Guideline, data: itertools.cycle[str], marks: int = 4) -> EvaluationContent:
    """Every field of the form holds caller data; every criterion answered; keep attempts with every choice."""
    answers = {
        c.key: Answer(c.scale.options[-1], f"Vroeg door; beller noemt {next(data)} tijdens het gesprek.")
        for s in guideline.sections
        for c in s.criteria
    }
    texts = [next(data) for _ in range(3)]
    attempts = [  # every choice that does not fit the guard's kind of the text, and labels that lie about it
        KeptFinding(field, label, text, choice)
        for text, kind in GUARD_KINDS.items()
        for field in ("tops", "tips", "notes", "mark:0")
        for label in ("naam", "postcode_huisnummer", kind)
        for choice in (*(c for c in KEEP_WORDS if not may_keep(kind, c)), "Beller wil teruggebeld worden")
    ]
    return EvaluationContent(
        answers=answers,
        tops=f"Rustig gebleven toen de beller {texts[0]} noemde.",
        tips=f"Herhaal niet hardop: {texts[1]}.",
        notes=f"Beller wil teruggebeld worden op {texts[2]}; verwees naar {COLLEAGUE}.",
        marks=[Mark(5.0 + 7 * i, f"Goede doorvraag, beller noemt {next(data)}") for i in range(marks)],
        kept=[*attempts, KeptFinding("notes", "naam", COLLEAGUE, "collega")],
    )


def submit_masked(desk: CoachDesk, evaluation_id: int, content: EvaluationContent) -> None:
    """Save what the coach typed; submitting is refused while anything is undecided; the coach masks (saves
    what the service stored, which is masked) and submits."""
    stored = desk.save_draft(evaluation_id, content)
    assert stored.undecided, "the caller data was found"
    with pytest.raises(InvalidInput, match="mogelijke gegevens van de beller"):
        desk.submit(evaluation_id, start_cycle=True)
    again = desk.save_draft(evaluation_id, stored)
    assert again.undecided == [] and [k.text for k in again.kept] == [COLLEAGUE]
    assert desk.submit(evaluation_id, start_cycle=True).status == "submitted"


@pytest.fixture
def demo(tmp_path: Path, database_url: str, keyring_backend: MemoryKeyring) -> Path:
    root = tmp_path / "demo"
    args = ["demo", "--workspace", str(root), "--seed", "5", "--password-stdin"]
    if database_url:
        args += ["--database-url", database_url]
    err = io.StringIO()
    code = main(
        args,
        Io(
            stdin=io.StringIO(TEST_PASSWORD + "\n"),
            stdout=io.StringIO(),
            stderr=err,
            clock=FakeClock(NOW),
            keyring_factory=lambda: keyring_backend,
        ),
    )
    assert code == 0, err.getvalue()
    return root


def type_through_the_services(services: Services, coach: User, clock: FakeClock) -> None:
    desk = services.desk_for(coach)
    assert isinstance(desk, CoachDesk)
    guideline = desk.guideline()
    employees = [e.id for e in desk.coached_employees()]
    for number, employee_id in enumerate(employees[:3]):
        # A recorded call: every field, every keep attempt.
        visible = [r for r in desk.recordings(employee_id).items if employee_id in r.employee_ids]
        evaluation, _ = desk.evaluation_of(visible[-1])
        if evaluation.status == "submitted":
            evaluation = desk.revise(evaluation.id)
        submit_masked(desk, evaluation.id, typed_everywhere(guideline, spelled(5 * number)))

    # A side-by-side session: the reason's explanation is refused, observations and notes are masked.
    for spelling in CALLER_DATA[::5]:
        with pytest.raises(InvalidInput, match="gegevens van een beller"):
            desk.start_session(employees[0], "other", f"beller {spelling} vroeg erom")
    session = desk.start_session(employees[0], "employee_request", "")
    data = spelled(2)
    live = replace(
        typed_everywhere(guideline, data, marks=0),
        marks=[Mark(10.0 * i, f"beller noemt {next(data)}", "aanvang", "+") for i in range(1, 6)],
    )
    desk.save_draft(session.id, replace(live, answers={}))  # while it runs: observations and notes only
    clock.now += timedelta(minutes=12)
    ended = desk.end_session(desk.live_session(session.id))
    submit_masked(desk, ended.id, live)

    # The feedback conversation: a text with caller data is refused, naming the kind; a clean one is kept.
    for spelling in CALLER_DATA:
        for texts in (
            {"agreements": [f"Terugbellen op {spelling}"]},
            {"agreements": ["Doorvragen"], "reaction": f"Beller gaf {spelling}"},
            {"agreements": [], "agrees": False, "disagreement": f"over {spelling}"},
        ):
            with pytest.raises(InvalidInput, match="gegeven van een beller"):
                desk.record_conversation(employees[0], NOW.date(), **texts)  # type: ignore[arg-type]
    desk.record_conversation(employees[0], NOW.date(), ["Eerst de vraag samenvatten"], "Herken ik", True)


def type_through_the_gui(qtbot: QtBot, demo: Path, clock: FakeClock, keyring: MemoryKeyring) -> None:
    """The keep path as a coach takes it: a caller's detail cannot be kept, a colleague's name can."""
    translators = install_translators(QApplication.instance())  # type: ignore[arg-type]
    controller, window, recordings = sign_in_app(qtbot, demo, clock, keyring, username="coach")
    try:
        assert recordings is not None and controller.form is not None
        window.resize(1500, 900)
        qtbot.waitUntil(lambda: recordings.model.rowCount() > 0, timeout=15_000)
        row = next(
            r for r in range(recordings.model.rowCount()) if "Fatima" in str(recordings.model.index(r, 2).data())
        )
        recordings.table.doubleClicked.emit(recordings.model.index(row, 0))
        form = controller.form
        qtbot.waitUntil(lambda: form.evaluation is not None, timeout=15_000)
        if not form.editable():
            qtbot.mouseClick(form.revise_button, Qt.MouseButton.LeftButton)
        form.notes.clear()
        qtbot.keyClicks(form.notes, "Beller gaf 06-12345678, BSN 111.222.333 en jan.pietersma@example.com. ")
        qtbot.keyClicks(form.notes, f"Verwees naar {COLLEAGUE}.")
        qtbot.waitUntil(lambda: form.findings.count() == 4, timeout=5_000)
        for index in range(form.findings.count()):
            form.findings.setCurrentRow(index)
            if COLLEAGUE in form.findings.item(index).text():
                continue
            assert not form.keep_button.isEnabled()
            qtbot.mouseClick(form.keep_button, Qt.MouseButton.LeftButton)
            assert not form.keep_menu.isVisible()
        [name_row] = [i for i in range(4) if COLLEAGUE in form.findings.item(i).text()]
        form.findings.setCurrentRow(name_row)
        assert keep_as(qtbot, form, "naam van een collega") == ["naam van een collega"]
        qtbot.mouseClick(form.mask_all_button, Qt.MouseButton.LeftButton)
        assert form.findings.count() == 0
        assert form.notes.toPlainText().startswith("Beller gaf [telefoonnummer], BSN [bsn] en [e-mailadres].")
        for group in form.answer_groups.values():
            qtbot.mouseClick(group.buttons()[0], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: form.evaluation is not None and form.evaluation.status == "submitted", timeout=5_000)
    finally:
        controller.shutdown()
        for translator in translators:
            QApplication.instance().removeTranslator(translator)  # type: ignore[union-attr]


def test_caller_data_typed_everywhere_reaches_no_document(
    qtbot: QtBot, demo: Path, keyring_backend: MemoryKeyring, tmp_path: Path
) -> None:
    clock = FakeClock(NOW)
    type_through_the_gui(qtbot, demo, clock, keyring_backend)
    services = open_services(demo, clock=clock, keyring_factory=lambda: keyring_backend)
    try:
        coach = services.auth.sign_in("coach", TEST_PASSWORD)
        type_through_the_services(services, coach, clock)
        desk = services.desk_for(coach)
        it = services.desk_for(services.auth.sign_in("it", TEST_PASSWORD))
        assert isinstance(desk, CoachDesk) and isinstance(it, ItDesk)
        out = tmp_path / "documents"
        out.mkdir()
        written: list[Path] = []
        for employee in desk.coached_employees():
            ids = [c.evaluation.id for c in desk.feedback_candidates(employee.id).calls]
            if ids:
                written.append(
                    desk.export_document(
                        "feedback", employee.id, out / f"feedback-{employee.id}.pdf", evaluation_ids=ids
                    )
                )
                written.append(desk.export_document("dialog", employee.id, out / f"dialog-{employee.id}.pdf"))
            written.append(desk.export_subject_access(employee.id, out / f"inzage-coach-{employee.id}.pdf"))
        for employee in services.people.employees():
            written.append(it.export_subject_access(employee.id, out / f"inzage-it-{employee.id}.pdf"))
        assert len(written) >= 3 * 6 and sorted(out.iterdir()) == sorted(written)  # no part left anywhere
        texts = {path.name: assert_no_caller_data(path) for path in written}
        # What was validly kept and what was masked is there: the check did not simply empty the documents.
        feedback = [t for name, t in texts.items() if name.startswith("feedback-")]
        assert any(normalised(COLLEAGUE) in t for t in feedback)
        assert all("[telefoonnummer]" in t for t in feedback[:3])
        assert any("vroegdoorbellernoemt[" in t for t in feedback)

        # Looked at as a person would: the first feedback PDF's first page as PNG.
        if shutil.which("pdftoppm"):
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(written[0]), str(tmp_path / "page")],
                check=True,
            )
            assert sorted(tmp_path.glob("page-*.png"))[0].stat().st_size > 10_000  # page-1 or page-01 (10+ pages)

        # The last look before writing: text put into the database past the services refuses the export with
        # a sentence that says where it is (never what); nothing is written, not even a part.
        employee_id = desk.coached_employees()[0].id
        with services.sessions.begin() as session:
            conversation = session.scalars(
                select(ConversationRow)
                .join(CycleRow, CycleRow.id == ConversationRow.cycle_id)
                .where(CycleRow.employee_id == employee_id)
            ).first()
            assert conversation is not None
            conversation.agreements = json.dumps(["Bel me terug op 06-12345678"])
            # Since issue 26 the agreements are read as actions: smuggle the text into those too.
            smuggled = session.scalars(
                select(AgreedActionRow).where(AgreedActionRow.conversation_id == conversation.id)
            ).first()
            if smuggled is None:
                smuggled = AgreedActionRow(
                    conversation_id=conversation.id,
                    position=0,
                    state="open",
                    reason="",
                    confirmed=False,
                    created_at=conversation.recorded_at,
                )
                session.add(smuggled)
            smuggled.what = "Bel me terug op 06-12345678"
            user = session.scalars(select(UserRow).where(UserRow.username == "coach")).one()
            user.display_name = "Marieke Kok 06 1234 5678"
        refused = tmp_path / "refused"
        refused.mkdir()
        with pytest.raises(InvalidInput) as dialog_refusal:
            desk.export_document("dialog", employee_id, refused / "dialog.pdf")
        with pytest.raises(InvalidInput) as access_refusal:
            it.export_subject_access(employee_id, refused / "inzage.pdf")
        for refusal in (dialog_refusal, access_refusal):
            sentence = str(refusal.value)
            assert "niet gemaakt" in sentence and "een telefoonnummer van een beller" in sentence, sentence
            assert "Er is niets geschreven" in sentence and "1234" not in sentence
        assert "'Afgesproken acties" in str(dialog_refusal.value)
        assert "in 'Coaching', regel 'Marieke Kok [telefoonnummer]" in str(access_refusal.value)
        assert "kolom 'Coach'" in str(access_refusal.value)
        assert list(refused.iterdir()) == []
    finally:
        services.close()
