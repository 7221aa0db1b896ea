"""The last look before a document is written (issue 20): the layout hands the whole text of the document
to the check, which refuses a caller's detail with a sentence naming where it is, before anything is written;
what the coach validly kept passes; a flowable the check cannot read refuses too."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from reportlab.platypus import HRFlowable

from nunrec_desktop.documents.pdf import document_texts, render_dialog, render_feedback
from nunrec_desktop.domain import InvalidInput, Mark
from nunrec_desktop.resource_files import resources_dir
from nunrec_desktop.services.document_check import document_check, permitted_texts
from nunrec_desktop.services.evaluations import Answer, Evaluation, EvaluationContent, KeptFinding
from nunrec_desktop.services.guideline import Guideline, default_guideline_path, load_guideline
from nunrec_desktop.services.privacy import CallerDataGuard
from nunrec_desktop.services.reports import EvaluatedCall, FeedbackData

TODAY = date(2026, 11, 20)
FONTS = resources_dir() / "fonts"


@pytest.fixture(scope="module")
def guideline() -> Guideline:
    return load_guideline(default_guideline_path(resources_dir()))


def feedback(guideline: Guideline, content: EvaluationContent, live_note: str = "") -> FeedbackData:
    start = datetime(2026, 11, 19, 10, 2, tzinfo=UTC)
    evaluation = Evaluation(
        7, 1, "E1", None if live_note else "rec-7", "live" if live_note else "recording", start, 140.0,
        guideline.version, guideline.content_hash, "submitted", 1, None, content, start, start,
        live_reason="other" if live_note else None, live_reason_note=live_note,
    )  # fmt: skip
    call = EvaluatedCall(evaluation, guideline)
    return FeedbackData("E1", "Anouk de Vries", "Marieke Kok", TODAY, TODAY, TODAY, [call], [[call]])


def answered(guideline: Guideline, comment: str = "") -> dict[str, Answer]:
    return {c.key: Answer(c.scale.options[0], comment) for s in guideline.sections for c in s.criteria}


def test_a_callers_detail_anywhere_refuses_the_document_naming_where(guideline: Guideline, tmp_path: Path) -> None:
    guard = CallerDataGuard(TODAY)
    out = tmp_path / "feedback.pdf"
    cases = [
        (EvaluationContent(answers=answered(guideline), tops="Bel terug op 06-12345678"), "", "> 'Tops'"),
        (
            EvaluationContent(answers=answered(guideline), marks=[Mark(62.0, "beller noemt 06 1234 5678")]),
            "",
            "> 'Momenten in het gesprek'",
        ),
        (EvaluationContent(answers=answered(guideline, "BSN 111222333 genoemd")), "", "kolom 'Toelichting'"),
        (EvaluationContent(answers=answered(guideline)), "beller 06-12345678 vroeg het", "Side-by-side meegeluisterd"),
    ]
    for content, live_note, where in cases:
        data = feedback(guideline, content, live_note)
        with pytest.raises(InvalidInput) as refusal:
            render_feedback(data, out, FONTS, document_check(guard, "De terugkoppeling"))
        sentence = str(refusal.value)
        assert sentence.startswith("De terugkoppeling is niet gemaakt: in '1. ") and where in sentence, sentence
        assert "12345678" not in sentence and "111222333" not in sentence
        assert not out.exists()
    one = feedback(guideline, EvaluationContent(answers=answered(guideline), tips="mail jan@example.com"))
    twice = dataclasses.replace(one, calls=one.calls * 2, cycles=[one.calls * 2])  # a tip that came back
    with pytest.raises(InvalidInput, match=r"in 'Tips die terugkwamen'.*een e-mailadres"):
        render_dialog(twice, out, FONTS, document_check(guard, "De voorbereiding van het Dialog-gesprek"))
    assert not out.exists()


def test_what_the_coach_validly_kept_passes_and_nothing_else(guideline: Guideline, tmp_path: Path) -> None:
    guard = CallerDataGuard(TODAY)
    content = EvaluationContent(
        answers=answered(guideline),
        notes="Verwees naar mevrouw De Wit; omleiding bij Stationsstraat 12.",
        kept=[
            KeptFinding("notes", "naam", "mevrouw De Wit", "collega"),
            KeptFinding("notes", "postcode_huisnummer", "Stationsstraat 12", "straat"),
        ],
    )
    data = feedback(guideline, content)
    permitted = permitted_texts([c.evaluation for c in data.calls], guard)
    assert permitted == {("naam", "mevrouw De Wit"), ("postcode_huisnummer", "Stationsstraat 12")}
    render_feedback(data, tmp_path / "ok.pdf", FONTS, document_check(guard, "De terugkoppeling", permitted))
    assert (tmp_path / "ok.pdf").stat().st_size > 1000
    # A kept entry that does not fit the guard's kind of its text permits nothing (the label is not trusted).
    lying = dataclasses.replace(
        content, notes="Bel 06-12345678.", kept=[KeptFinding("notes", "naam", "06-12345678", "collega")]
    )
    assert permitted_texts([feedback(guideline, lying).calls[0].evaluation], guard) == frozenset()


def test_the_check_sees_every_text_and_refuses_what_it_cannot_read(guideline: Guideline) -> None:
    data = feedback(guideline, EvaluationContent(answers=answered(guideline), tips="Vraag door."))
    texts: list[tuple[str, str]] = []

    def grab(found: object) -> None:
        texts.extend(found)  # type: ignore[call-overload]
        raise InvalidInput("stop")  # nothing is written after the check

    with pytest.raises(InvalidInput, match="stop"):
        render_feedback(data, Path("/nonexistent/never-written.pdf"), FONTS, grab)
    places = {where for where, _text in texts}
    assert ("in de voettekst", "Vertrouwelijk - uitsluitend bestemd voor Anouk de Vries. Niet bestemd voor "
            "beoordelingsgesprekken (Protocol opname telefoongesprekken).") in texts  # fmt: skip
    assert any(t == "Vraag door." for _w, t in texts) and any("'Tips'" in w for w in places)
    assert ("in de titel van het document", "Terugkoppeling coaching - Anouk de Vries") in texts
    with pytest.raises(TypeError, match="cannot read a HRFlowable"):
        document_texts([HRFlowable()])
