"""The layout of the feedback PDF and the Dialog preparation pack (reportlab, A4, Dutch, embedded font).

Both are written to the employee, in the informal "je" the KCC uses internally, and carry on every page
the confidentiality line and "pagina N van M". There are no comparisons with colleagues, no rankings and no
overall grade: coaching, not appraisal (P5).

Every document is checked before it is written (P6, P13): `document_texts` collects the text of everything
laid out (paragraphs, table cells, chart labels, the footer and the PDF's metadata) with where it stands, and
the check the export passes in (`services.document_check`) refuses it before a byte is written. A flowable
it does not know how to read refuses too, so that nothing new slips past the check.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, unescape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.graphics.widgetbase import Widget
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from nunrec_desktop.domain import Mark, call_time
from nunrec_desktop.services.conversations import DONE, DROPPED, AgreedAction
from nunrec_desktop.services.document_check import DocumentCheck, DocumentText
from nunrec_desktop.services.drawn_calls import duration_text, how_drawn
from nunrec_desktop.services.drawn_calls import local as drawn_local
from nunrec_desktop.services.guideline import SECTION_KEYS
from nunrec_desktop.services.live_sessions import reason_text
from nunrec_desktop.services.reports import EvaluatedCall, FeedbackData, confidentiality_line, measures_per_cycle
from nunrec_desktop.services.self_evaluations import SelfEvaluation
from nunrec_desktop.services.subject_access import AnsweredSection, SubjectAccessData, answered_sections

TEAL = colors.HexColor("#0f4c5c")
LIGHT = colors.HexColor("#e3f0f2")
GREY = colors.HexColor("#5b6b74")
ANSWER_COLOURS = {
    "goed": colors.HexColor("#dff3e4"),
    "ja": colors.HexColor("#dff3e4"),
    "voldoende": colors.HexColor("#fff6dc"),
    "verbeterpunt": colors.HexColor("#fde3d6"),
    "nee": colors.HexColor("#fde3d6"),
}
SECTION_TITLES = dict(zip(SECTION_KEYS, ("Aanvang", "Analyse", "Antwoord", "Afsluiting", "Algemeen"), strict=True))
POSITIVE = {"goed", "ja"}
NEEDS_WORK = {"verbeterpunt", "nee"}


def register_fonts(fonts: Path) -> str:
    """Embed DejaVu Sans (full Dutch diacritics); returns the family name."""
    if "NunrecSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("NunrecSans", str(fonts / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("NunrecSans-Bold", str(fonts / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFont(TTFont("NunrecSans-Oblique", str(fonts / "DejaVuSans-Oblique.ttf")))
        pdfmetrics.registerFontFamily(
            "NunrecSans",
            normal="NunrecSans",
            bold="NunrecSans-Bold",
            italic="NunrecSans-Oblique",
            boldItalic="NunrecSans-Bold",
        )
    return "NunrecSans"


class _Styles:
    def __init__(self, font: str) -> None:
        self.title = ParagraphStyle("title", fontName=f"{font}-Bold", fontSize=20, leading=24, textColor=TEAL)
        self.h2 = ParagraphStyle(
            "h2", fontName=f"{font}-Bold", fontSize=13, leading=16, textColor=TEAL, spaceBefore=10, spaceAfter=4
        )
        self.h3 = ParagraphStyle("h3", fontName=f"{font}-Bold", fontSize=10.5, leading=13, spaceBefore=6)
        self.body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13, alignment=TA_LEFT)
        self.small = ParagraphStyle("small", fontName=font, fontSize=8.5, leading=11, textColor=GREY)
        self.cell = ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=11)
        self.cell_bold = ParagraphStyle("cellb", fontName=f"{font}-Bold", fontSize=8.5, leading=11)


def _numbered_canvas(employee_name: str, font: str) -> type[Canvas]:
    line = confidentiality_line(employee_name)

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Draws the footer after the last page is known, so every page says "pagina N van M"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Our embedded font from the first operator on: reportlab would start each page in Helvetica,
            # which is not embedded and shows differently (or not at all) on a workstation without it.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _ = A4
            self.setStrokeColor(TEAL)
            self.setLineWidth(0.6)
            self.line(18 * mm, 20 * mm, width - 18 * mm, 20 * mm)
            self.setFont(f"{font}-Bold", 7.5)
            self.setFillColor(TEAL)
            self.drawString(18 * mm, 15.5 * mm, line[: line.index(".") + 1])
            self.setFont(font, 7.5)
            self.setFillColor(GREY)
            self.drawString(18 * mm, 12 * mm, line[line.index(".") + 2 :])
            self.drawRightString(width - 18 * mm, 12 * mm, f"pagina {self._pageNumber} van {total}")

    return NumberedCanvas


def _document(path: Path, data: FeedbackData, title: str, subject: str) -> SimpleDocTemplate:
    return _document_for(path, data.employee_name, data.coach_name, title, subject)


def _fmt_time(seconds: float) -> str:
    return call_time(seconds)


def _local(moment: datetime | None) -> str:
    """ "01-10-2026 om 09:30": with "om", a date and a time never read as a phone number (digits run on)."""
    return moment.astimezone().strftime("%d-%m-%Y om %H:%M") if moment else "-"


@functools.lru_cache(maxsize=512)
def _wrapped(text: str, font: str, size: float, width: float) -> str:
    """Plain text broken to fit a table column: the same criteria recur in every call, so this is cached
    (a Paragraph per cell would be laid out again for every call)."""
    return "\n".join(simpleSplit(text, font, size, width))


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _header(data: FeedbackData, title: str, styles: _Styles) -> list[Any]:
    meta = Table(
        [
            ["Medewerker", data.employee_name],
            ["Coach", data.coach_name],
            ["Periode", f"{data.first_day:%d-%m-%Y} t/m {data.last_day:%d-%m-%Y}"],
            ["Datum", f"{data.made_on:%d-%m-%Y}"],
        ],
        colWidths=[30 * mm, 120 * mm],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),  # empty cells too
                ("BACKGROUND", (0, 0), (0, -1), LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (0, -1), styles.cell_bold.fontName),
                ("FONTNAME", (1, 0), (1, -1), styles.cell.fontName),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
            ]
        ),
        hAlign="LEFT",
    )
    return [_p(title, styles.title), Spacer(1, 4 * mm), meta, Spacer(1, 5 * mm)]


def render_feedback(data: FeedbackData, path: Path, fonts: Path, check: DocumentCheck) -> None:
    font = register_fonts(fonts)
    styles = _Styles(font)
    story: list[Any] = _header(data, "Terugkoppeling coaching", styles)
    first_name = data.employee_name.split()[0]
    conversation = data.conversation
    if conversation is not None:
        opening = (
            f"Beste {first_name}, dit is de terugkoppeling van de gesprekken die we op "
            f"{conversation.held_on:%d-%m-%Y} samen hebben besproken, met wat we hebben afgesproken."
        )
    else:
        opening = (
            f"Beste {first_name}, dit is de terugkoppeling op een aantal van je gesprekken. We bespreken ze nog "
            "samen in een gesprek; daarin maken we ook afspraken voor de volgende keer."
        )
    story.append(
        _p(
            opening + " Het gaat over de manier waarop je het gesprek voert (de 5 A's), niet over de inhoud of over "
            "de beller. Dit document is alleen voor jou.",
            styles.body,
        )
    )
    if data.cycle_infos:
        story.append(_p(replaced_sentence(data), styles.small))
    for index, call in enumerate(data.calls, 1):
        story += _call_block(index, call, styles)
        recording_id = call.evaluation.recording_id
        story += own_view_block(call, data.self_evaluations.get(recording_id) if recording_id else None, styles)
    story += drawn_calls_block(data, styles)
    story += _summary(data.calls, styles, data)
    doc = _document(path, data, "Terugkoppeling coaching", "Terugkoppeling op gesprekstechniek (5A)")
    _checked_build(doc, story, data.employee_name, font, check)


def replaced_sentence(data: FeedbackData) -> str:
    """How many drawn calls of the document's cycles were replaced by others (each with a reason, P7)."""
    replaced = sum(info.cycle.replaced for info in data.cycle_infos)
    where = "deze cyclus" if len(data.cycle_infos) == 1 else "deze cycli"
    if replaced == 0:
        return f"Van de gesprekken die voor {where} zijn geloot, is er geen vervangen door een ander."
    if replaced == 1:
        return f"Van de gesprekken die voor {where} zijn geloot, is er 1 met een reden vervangen door een ander."
    return f"Van de gesprekken die voor {where} zijn geloot, zijn er {replaced} met een reden vervangen door andere."


def drawn_calls_block(data: FeedbackData, styles: _Styles) -> list[Any]:
    """Which calls were drawn for the cycles in the document, how, and which were replaced (the employee
    should know what was listened to)."""
    evaluated = {c.evaluation.recording_id for c in data.calls if c.evaluation.recording_id}
    story: list[Any] = [_p("Welke gesprekken zijn getrokken", styles.h2)]
    shown = False
    for info in data.cycle_infos:
        draws = data.draws.get(info.cycle.id, [])
        if len(data.cycle_infos) > 1 and draws:
            story.append(_p(info.cycle.label.capitalize(), styles.h3))
        for draw in draws:
            shown = True
            explained = _p(how_drawn(draw), styles.body)
            rows: list[list[Any]] = [["Gesprek", "Duur", "Wat ermee gebeurde"]]
            for drawn in draw.picks:
                done = "beoordeeld" if drawn.recording_id in evaluated else "getrokken, niet beoordeeld"
                rows.append([f"Gesprek van {drawn_local(drawn.start)}", duration_text(drawn.duration_s), done])
            for replaced in draw.replacements:
                why = f"vervangen: {replaced.reason}" if replaced.reason else "vervangen door een ander gesprek"
                rows.append(
                    [
                        f"Gesprek van {drawn_local(replaced.old.start)}",
                        duration_text(replaced.old.duration_s),
                        _p(why, styles.cell),
                    ]
                )
            story.append(KeepTogether([explained, _plain_table(rows, [70 * mm, 20 * mm, 84 * mm], styles)]))
            if draw.replacements:
                count = len(draw.replacements)
                story.append(
                    _p(
                        f"{count} getrokken gesprek{'' if count == 1 else 'ken'} "
                        f"{'is' if count == 1 else 'zijn'} vervangen door een ander gesprek uit dezelfde trekking.",
                        styles.small,
                    )
                )
    if not shown:
        story.append(
            _p(
                "Voor deze gesprekken is geen trekking gedaan: de coach heeft ze zelf gekozen of naast je "
                "meegeluisterd.",
                styles.body,
            )
        )
    return story


def _call_block(index: int, call: EvaluatedCall, styles: _Styles) -> list[Any]:
    evaluation, guideline = call.evaluation, call.guideline
    live = evaluation.source == "live"
    heading = (
        f"{index}. Side-by-side meegeluisterd op {_local(evaluation.call_start)}, "
        f"duur {_fmt_time(evaluation.call_duration_s or 0)}"
        if live
        else f"{index}. Gesprek van {_local(evaluation.call_start)}, duur {_fmt_time(evaluation.call_duration_s or 0)}"
    )
    rows: list[list[Any]] = [
        [
            "A",
            "Criterium",
            "Antwoord",
            "Toelichting",
        ]
    ]
    style = [
        ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),  # empty cells too
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d5dde2")),
        ("FONTNAME", (0, 0), (-1, 0), styles.cell_bold.fontName),
        ("FONTNAME", (0, 1), (0, -1), styles.cell_bold.fontName),
        ("FONTNAME", (1, 1), (2, -1), styles.cell.fontName),
        ("LEADING", (0, 1), (-1, -1), 11),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
    ]
    for section in guideline.sections:
        for position, criterion in enumerate(section.criteria):
            answer = evaluation.content.answers.get(criterion.key)
            value = answer.answer if answer else ""
            comment = answer.comment if answer else ""
            rows.append(  # short cells as plain text: far fewer Paragraphs to lay out
                [
                    section.title if position == 0 else "",
                    _wrapped(criterion.text, styles.cell.fontName, 8.5, 68 * mm),
                    value or "-",
                    _p(comment, styles.cell) if comment else "",
                ]
            )
            if value in ANSWER_COLOURS:
                style.append(("BACKGROUND", (2, len(rows) - 1), (2, len(rows) - 1), ANSWER_COLOURS[value]))
    table = Table(rows, colWidths=[22 * mm, 70 * mm, 24 * mm, 58 * mm], style=TableStyle(style), repeatRows=1)
    block: list[Any] = [_p(heading, styles.h2)]
    if live:
        reason = reason_text(evaluation.live_reason, evaluation.live_reason_note)
        block.append(_p(f"Live naast je meegeluisterd, niets opgenomen. Reden: {reason}.", styles.small))
    block.append(table)
    content = evaluation.content
    for label, text in (("Tops", content.tops), ("Tips", content.tips), ("Notities", content.notes)):
        if text.strip():
            block += [_p(label, styles.h3), _p(text, styles.body)]
    if content.marks:
        block.append(_p("Momenten in het gesprek" if not live else "Observaties tijdens het meeluisteren", styles.h3))
        titles = {section.key: section.title for section in guideline.sections}
        block += [_p(mark_text(m, titles), styles.body) for m in content.marks]
    keep = 3 if live else 2
    return [KeepTogether(block[:keep]), *block[keep:], Spacer(1, 3 * mm)]


def own_view_block(call: EvaluatedCall, own: SelfEvaluation | None, styles: _Styles) -> list[Any]:
    """ "Jouw eigen beoordeling": the employee's own answers beside the coach's, per criterion."""
    if own is None:
        return []
    rows: list[list[Any]] = [["Criterium", "Jouw eigen beoordeling", "Coach"]]
    differ = 0
    for section in call.guideline.sections:
        for criterion in section.criteria:
            mine = own.answers.get(criterion.key, "")
            answer = call.evaluation.content.answers.get(criterion.key)
            coach = answer.answer if answer else ""
            differ += int(bool(mine) and bool(coach) and mine != coach)
            rows.append([_wrapped(criterion.text, styles.cell.fontName, 8, 98 * mm), mine or "-", coach or "-"])
    summary = (
        "Je keek er hetzelfde naar als de coach."
        if not differ
        else f"Bij {differ} {'criterium' if differ == 1 else 'criteria'} keek je er anders naar dan de coach: "
        "daarover praten we samen."
    )
    return [
        KeepTogether(
            [
                _p("Jouw eigen beoordeling", styles.h3),
                _p(
                    "Je vulde tijdens het samen luisteren zelf het formulier in, voordat je dat van de coach zag.",
                    styles.small,
                ),
                _plain_table(rows, [100 * mm, 40 * mm, 34 * mm], styles),
            ]
        ),
        _p(summary, styles.body),
        Spacer(1, 3 * mm),
    ]


def mark_text(mark: Mark, section_titles: dict[str, str]) -> str:
    """ "01:23  note", or for a side-by-side observation "01:23  Aanvang (+)  note"."""
    parts = [_fmt_time(mark.at_s)]
    if mark.section:
        title = section_titles.get(mark.section, mark.section.capitalize())
        parts.append(f"{title} ({mark.valence})" if mark.valence else title)
    parts.append(mark.note or ("" if mark.section else "(markering)"))
    return "  ".join(p for p in parts if p)


def _section_answers(calls: Sequence[EvaluatedCall]) -> dict[str, list[tuple[str, str]]]:
    """Per A: (criterion text, answer) over all calls."""
    result: dict[str, list[tuple[str, str]]] = {key: [] for key in SECTION_KEYS}
    for call in calls:
        for section in call.guideline.sections:
            for criterion in section.criteria:
                answer = call.evaluation.content.answers.get(criterion.key)
                if answer and answer.answer:
                    result[section.key].append((criterion.text, answer.answer))
    return result


def _summary(calls: list[EvaluatedCall], styles: _Styles, data: FeedbackData) -> list[Any]:
    story: list[Any] = [_p("Samenvatting over de gesprekken", styles.h2)]
    rows: list[list[Any]] = [
        [_p("A", styles.cell_bold), _p("Wat ging goed", styles.cell_bold), _p("Om aan te werken", styles.cell_bold)]
    ]
    for key, answers in _section_answers(calls).items():
        good = Counter(text for text, answer in answers if answer in POSITIVE)
        work = Counter(text for text, answer in answers if answer in NEEDS_WORK)
        rows.append(
            [
                _p(SECTION_TITLES[key], styles.cell_bold),
                _p("\n".join(f"{t} ({n}x)" for t, n in good.most_common(3)) or "-", styles.cell),
                _p("\n".join(f"{t} ({n}x)" for t, n in work.most_common(3)) or "-", styles.cell),
            ]
        )
    story.append(
        Table(
            rows,
            colWidths=[24 * mm, 75 * mm, 75 * mm],
            style=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),  # empty cells too
                    ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d5dde2")),
                ]
            ),
        )
    )
    tips = [c.evaluation.content.tips.strip() for c in calls if c.evaluation.content.tips.strip()]
    story.append(_p("Ontwikkelpunten uit de gesprekken", styles.h3))
    story += [_p(f"\u2022 {tip}", styles.body) for tip in dict.fromkeys(tips)] or [_p("-", styles.body)]
    story += open_actions_block(data, styles, "Afspraken uit eerdere gesprekken: hoe staat het ervoor?")
    story += conversation_block(data, styles)
    return story


def action_what(action: AgreedAction) -> str:
    return f"{action.what} (vóór {action.due_on:%d-%m-%Y})" if action.due_on else action.what


def action_status(action: AgreedAction) -> str:
    """The state of an agreed action in the employee's words, with when it was closed."""
    if action.state == DONE and action.closed_at:
        return f"gedaan (afgerond op {action.closed_at.astimezone():%d-%m-%Y})"
    if action.state == DROPPED and action.closed_at:
        return f"vervallen op {action.closed_at.astimezone():%d-%m-%Y}: {action.reason}"
    return f"open, afgesproken op {action.agreed_on:%d-%m-%Y}"


def open_actions_block(data: FeedbackData, styles: _Styles, title: str) -> list[Any]:
    """The follow-up of earlier agreements: what is still open (asked about), and what was closed since."""
    if not data.follow_up:
        return []
    story: list[Any] = [_p(title, styles.h3)]
    for action in data.follow_up:
        ask = " Hoe gaat het hiermee?" if action.open else ""
        story.append(_p(f"\u2022 {action_what(action)}: {action_status(action)}.{ask}", styles.body))
    return story


def conversation_block(data: FeedbackData, styles: _Styles) -> list[Any]:
    """After the conversation: what was agreed and the employee's own reaction; before it: that it is to come."""
    conversation = data.conversation
    if conversation is None:
        return [
            _p("Ons gesprek", styles.h2),
            _p(
                "Dit gesprek moet nog plaatsvinden. Lees de terugkoppeling gerust vooraf; je reactie en wat we "
                "afspreken voor de volgende keer komen in het gesprek aan bod.",
                styles.body,
            ),
        ]
    story: list[Any] = [
        _p(f"Ons gesprek van {conversation.held_on:%d-%m-%Y}", styles.h2),
        _p("Wat we hebben afgesproken voor de volgende keer", styles.h3),
    ]
    story += [_p(f"\u2022 {action_what(a)}", styles.body) for a in conversation.actions] or [
        _p("Geen afspraken vastgelegd.", styles.body)
    ]
    if conversation.actions and all(a.confirmed for a in conversation.actions):
        story.append(_p("We hebben deze afspraken in het gesprek samen doorgenomen en bevestigd.", styles.small))
    story.append(_p("Jouw reactie", styles.h3))
    story.append(_p(conversation.reaction or "Geen reactie vastgelegd.", styles.body))
    if conversation.agrees is True:
        story.append(_p("Je bent het eens met deze terugkoppeling.", styles.body))
    elif conversation.agrees is False:
        story.append(
            _p(
                "Je bent het niet (helemaal) eens met deze terugkoppeling"
                + (f": {conversation.disagreement.rstrip('.')}." if conversation.disagreement else "."),
                styles.body,
            )
        )
    return story


def render_dialog(data: FeedbackData, path: Path, fonts: Path, check: DocumentCheck) -> None:
    font = register_fonts(fonts)
    styles = _Styles(font)
    story: list[Any] = _header(data, "Voorbereiding Dialog-gesprek", styles)
    story.append(
        _p(
            "Je ontwikkeling in de gesprekstechniek over de laatste coachingscycli: per A het deel van de criteria "
            "dat goed ging, de tips die terugkwamen en de afgesproken acties. Geen vergelijking met collega's en geen "
            "eindcijfer: dit is een gesprek over jouw ontwikkeling.",
            styles.body,
        )
    )
    cycles = data.cycles[-4:]
    infos = data.cycle_infos[-4:] if len(data.cycle_infos) == len(data.cycles) else []
    dates = [f"{(c[0].evaluation.submitted_at or c[0].evaluation.updated_at):%d-%m}" for c in cycles]
    if infos:
        dates = [f"{info.cycle.started_at.astimezone():%d-%m}" for info in infos]
    labels = [f"{d} ({len(c)})" + ("*" if len(c) == 1 else "") for d, c in zip(dates, cycles, strict=True)]
    story.append(_p("Ontwikkeling per A", styles.h2))
    charts = []
    for key in SECTION_KEYS:
        shares = []
        for cycle in cycles:
            answers = [a for _t, a in _section_answers(cycle)[key] if a != "n.v.t."]
            shares.append(round(100 * sum(a in POSITIVE for a in answers) / len(answers)) if answers else 0)
        charts.append(_trend_chart(SECTION_TITLES[key], labels, shares, font, [len(c) == 1 for c in cycles]))
    grid = Table(
        [charts[0:3], [*charts[3:5], ""]],
        colWidths=[58 * mm] * 3,
        style=TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName)]),  # empty cells too
    )
    story.append(grid)
    story.append(
        _p(
            "Percentage van de criteria per A dat 'goed' of 'ja' was, per cyclus (begindatum van de cyclus). Tussen "
            "haakjes: op hoeveel beoordelingen de staaf rust.",
            styles.small,
        )
    )
    if any(len(c) == 1 for c in cycles):
        story.append(
            _p(
                "* Deze cyclus rust op één beoordeling (lichtere staaf): één gesprek zegt weinig over een trend.",
                styles.small,
            )
        )
    story += _measures_trend(cycles, labels, styles)
    all_calls = [c for cycle in cycles for c in cycle]
    tips = Counter(c.evaluation.content.tips.strip() for c in all_calls if c.evaluation.content.tips.strip())
    story.append(_p("Tips die terugkwamen", styles.h2))
    recurring = [(t, n) for t, n in tips.most_common() if n >= 2]
    story += [_p(f"\u2022 {t} ({n}x)", styles.body) for t, n in recurring] or [
        _p("Geen tip kwam vaker dan één keer terug.", styles.body)
    ]
    story.append(_p("Afgesproken acties (uit de gesprekken na elke cyclus)", styles.h2))
    rows: list[list[Any]] = [
        [
            _p("Cyclus", styles.cell_bold),
            _p("Afgesproken actie", styles.cell_bold),
            _p("Stand", styles.cell_bold),
        ]
    ]
    for index in range(len(cycles)):
        conversation = infos[index].conversation if infos else None
        if conversation is not None:  # what was agreed in the feedback conversation of this cycle
            later = {c.evaluation.content.tips.strip() for cyc in cycles[index + 1 :] for c in cyc}
            for action in conversation.actions:
                status = action_status(action) + ("; kwam later terug als tip" if action.what in later else "")
                rows.append(
                    [_p(labels[index], styles.cell), _p(action_what(action), styles.cell), _p(status, styles.cell)]
                )
            if not conversation.agreements:
                rows.append([_p(labels[index], styles.cell), _p("geen afspraken", styles.cell), ""])
            continue
        rows.append(
            [
                _p(labels[index], styles.cell),
                _p("nog niet besproken: geen afspraken vastgelegd", styles.cell),
                _p("nog te bespreken", styles.cell),
            ]
        )
    story.append(
        Table(
            rows,
            colWidths=[22 * mm, 100 * mm, 52 * mm],
            style=TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),  # empty cells too
                    ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d5dde2")),
                ]
            ),
            repeatRows=1,
        )
    )
    story += open_actions_block(data, styles, "Afspraken uit eerdere gesprekken: hoe staat het ervoor?")
    doc = _document(path, data, "Voorbereiding Dialog-gesprek", "Ontwikkeling gesprekstechniek (5A)")
    _checked_build(doc, story, data.employee_name, font, check)


def _measures_trend(cycles: list[list[EvaluatedCall]], labels: list[str], styles: _Styles) -> list[Any]:
    """The employee's own call measures per cycle (stored with the evaluations, so they outlive the recordings)."""
    per_cycle = measures_per_cycle(cycles)
    if all(m is None for m in per_cycle):
        return []

    def seconds(value: float | None) -> str:
        return "-" if value is None else _fmt_time(value)

    def number(value: float | None) -> str:
        return "-" if value is None else f"{value:.1f}".replace(".", ",")

    header = [
        "Cyclus",
        "Aantal",
        "Jouw spreektijd",
        "Stilte per gesprek",
        "Stiltes per gesprek",
        "Door elkaar per gesprek",
        "Jouw langste monoloog",
    ]
    rows: list[list[Any]] = [[_p(h, styles.cell_bold) for h in header]]
    spans = []
    for label, measures in zip(labels, per_cycle, strict=True):
        if measures is None:  # one cell over the figures: "metingen" is wider than the "Aantal" column
            spans.append(("SPAN", (1, len(rows)), (-1, len(rows))))
            rows.append([_p(label, styles.cell), _p("geen metingen", styles.cell), "", "", "", "", ""])
            continue
        share = "-" if measures.talk_share_employee is None else f"{round(100 * measures.talk_share_employee)} %"
        cells = [
            label,
            str(measures.calls),
            share,
            seconds(measures.hold_s_per_call),
            number(measures.holds_per_call),
            number(measures.overlaps_per_call),
            seconds(measures.longest_monologue_s),
        ]
        rows.append([_p(c, styles.cell) for c in cells])
    return [
        _p("Hoe je gesprekken verliepen", styles.h2),
        _p(
            "Gemeten aan het geluid van je gesprekken die de coach besprak: wie wanneer sprak, niet wat er gezegd "
            "werd. Het zijn alleen jouw eigen gesprekken, gemiddeld per cyclus. Geen score en geen goede of foute "
            "waarde: het helpt om samen terug te kijken, bijvoorbeeld naar lange stiltes (wachten) of door elkaar "
            "praten.",
            styles.body,
        ),
        KeepTogether(
            Table(
                rows,
                # each column as wide as its longest word (a label "11-10 (12)*", "spreektijd", "Jouw langste"):
                # no cell breaks a word or a cycle's label
                colWidths=[23 * mm, 16 * mm, 23 * mm, 27 * mm, 27 * mm, 31 * mm, 27 * mm],
                style=TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),  # empty cells too
                        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d5dde2")),
                        *spans,
                    ]
                ),
                repeatRows=1,
            )
        ),
        _p(
            "Spreektijd: jouw deel van de tijd dat er gesproken werd. Stilte: jij en de beller allebei 2 seconden "
            "of langer stil. Spreektijd, door elkaar praten en monologen zijn alleen gemeten bij stereo-opnames.",
            styles.small,
        ),
    ]


def _trend_chart(title: str, labels: list[str], values: list[int], font: str, single: list[bool]) -> Drawing:
    drawing = Drawing(55 * mm, 42 * mm, initialFontName=font)  # not reportlab's Helvetica, which is not embedded
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 10 * mm, 7 * mm, 42 * mm, 26 * mm
    chart.data = [values or [0]]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 6
    chart.categoryAxis.categoryNames = labels or ["-"]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6
    chart.bars[0].fillColor = TEAL
    chart.bars[0].strokeColor = None
    for position, alone in enumerate(single):
        if alone:  # a cycle that rests on one evaluation: a lighter bar
            chart.bars[(0, position)].fillColor = colors.HexColor("#9cc3cc")
    drawing.add(chart)
    drawing.add(String(10 * mm, 37 * mm, title, fontName=f"{font}-Bold", fontSize=8, fillColor=TEAL))
    return drawing


def render_subject_access(data: SubjectAccessData, path: Path, fonts: Path, check: DocumentCheck) -> None:
    """Everything stored about one employee (AVG art. 15), for that employee."""
    font = register_fonts(fonts)
    styles = _Styles(font)
    name = data.employee.name
    if data.periods is None:
        scope = "Dit overzicht bevat alles wat nunrec over je bewaart (AVG artikel 15)."
    else:
        spans = ", ".join(
            f"{p.start:%d-%m-%Y} tot en met {p.end:%d-%m-%Y}" if p.end else f"vanaf {p.start:%d-%m-%Y}"
            for p in data.periods
        )
        scope = (
            f"Dit overzicht beslaat alleen de periode waarin {data.requested_by} je coach is of was "
            f"({spans or 'geen'}): wat in die periode over je is vastgelegd (AVG artikel 15). Het overzicht over "
            "alle coaches samen vraag je aan bij IT."
        )
    story: list[Any] = [
        _p("Inzage: gegevens in nunrec desktop", styles.title),
        Spacer(1, 3 * mm),
        _p(
            f"Voor {name} (medewerkersnummer {data.employee.id}). Gemaakt op {data.made_on:%d-%m-%Y} door "
            f"{data.requested_by}. {scope} Opnames zelf staan niet in nunrec; ze blijven bij de leverancier en "
            "worden na 30 dagen gewist.",
            styles.body,
        ),
        _p("Coaching", styles.h2),
    ]
    rows: list[list[Any]] = [["Coach", "Van", "Tot en met"]]
    rows += [
        [coach, f"{a.start:%d-%m-%Y}", f"{a.end:%d-%m-%Y}" if a.end else "lopend"] for a, coach in data.assignments
    ]
    story.append(_plain_table(rows, [80 * mm, 40 * mm, 40 * mm], styles))
    story.append(_p(f"Beoordelingen ({len(data.evaluations)}, met alle versies)", styles.h2))
    for evaluation, coach in data.evaluations:
        kind = (
            f"side-by-side (reden: {reason_text(evaluation.live_reason, evaluation.live_reason_note)})"
            if evaluation.source == "live"
            else f"gesprek {evaluation.recording_id or ''}"
        )
        submitted = evaluation.submitted_at.astimezone().strftime("%d-%m-%Y") if evaluation.submitted_at else "-"
        story.append(
            _p(
                f"{_local(evaluation.call_start)}, {kind}: versie {evaluation.revision}, "
                f"{'ingediend op ' + submitted if evaluation.status == 'submitted' else 'concept'}, coach {coach}",
                styles.h3,
            )
        )
        answers = {
            key: a.answer + (f" ({a.comment})" if a.comment else "") for key, a in evaluation.content.answers.items()
        }
        if answers:
            sections = answered_sections(data.guidelines.get(evaluation.guideline_hash), answers)
            story.append(_answers_table(sections, "Antwoord", styles))
        for label, text in (
            ("Tops", evaluation.content.tops),
            ("Tips", evaluation.content.tips),
            ("Notities", evaluation.content.notes),
            ("Markeringen", "; ".join(mark_text(m, {}) for m in evaluation.content.marks)),
        ):
            if text.strip():
                story.append(_p(f"{label}: {text}", styles.small))
    story += _own_assessments_block(data, styles)
    story += _calibrations_block(data, styles)
    story.append(_p(f"Wie je gesprekken beluisterde ({len(data.listens)})", styles.h2))
    rows = [["Wanneer", "Wie", "Wat", "Gesprek", "Waarom"]]
    rows += [
        [
            _local(datetime.fromisoformat(e.occurred_at)),
            data.names.get(e.actor, e.actor),
            _listen_words(e.action, e.detail),
            e.object_id,
            e.purpose or "-",
        ]
        for e in data.listens
    ]
    story.append(_plain_table(rows, [36 * mm, 32 * mm, 38 * mm, 42 * mm, 26 * mm], styles))
    doc = _document_for(path, name, data.requested_by, "Inzage persoonsgegevens", "Inzage (AVG art. 15)")
    _checked_build(doc, story, name, font, check)


def _listen_words(action: str, detail: str) -> str:
    """What a listen in the audit log was, in the employee's words ("geopend", "afgespeeld", ...)."""
    if action == "recordings.retrieve_for_coach":
        return "opgehaald voor de coach"
    what = {"open": "geopend", "start": "afgespeeld"}.get(detail.split(";")[0].strip(), "beluisterd")
    return what + (" voor kalibratie" if action == "recordings.play_for_calibration" else "")


def _call_words(start: datetime | None, duration_s: float | None, recording_id: str | None) -> str:
    """ "Gesprek van 01-10-2026 om 09:30, duur 2:05 (gesprek rec-1)"."""
    return f"Gesprek van {_local(start)}, duur {duration_text(duration_s)}" + (
        f" (gesprek {recording_id})" if recording_id else ""
    )


def _day(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%d-%m-%Y") if moment else "-"


def _answers_table(sections: Sequence[AnsweredSection], answer_header: str, styles: _Styles) -> Table:
    """Per A a heading row, then each criterion with its answer."""
    rows: list[list[Any]] = [["Criterium", answer_header]]
    extra: list[Any] = []
    for section in sections:
        extra += [
            ("SPAN", (0, len(rows)), (-1, len(rows))),
            ("FONTNAME", (0, len(rows)), (-1, len(rows)), styles.cell_bold.fontName),
        ]
        rows.append([section.title, ""])
        rows += [[_wrapped(text, styles.cell.fontName, 8, 128 * mm), answer or "-"] for text, answer in section.answers]
    return _plain_table(rows, [132 * mm, 42 * mm], styles, extra)


def _own_assessments_block(data: SubjectAccessData, styles: _Styles) -> list[Any]:
    """The employee's own 5A answers, given while listening together with a coach (self-evaluations)."""
    items = [
        [
            _p(
                f"{_call_words(own.call_start, own.call_duration_s, own.recording_id)}: ingevuld op "
                f"{_day(own.given_at)} bij coach {own.coach}",
                styles.h3,
            ),
            _answers_table(own.sections, "Jouw antwoord", styles),
        ]
        for own in data.self_evaluations
    ]
    return _section_block(
        f"Je eigen beoordelingen ({len(items)})",
        "Tijdens het samen luisteren met je coach vulde je zelf het 5A-formulier in voor een gesprek van jou. "
        "Dit zijn jouw antwoorden.",
        items,
        styles,
    )


def _calibrations_block(data: SubjectAccessData, styles: _Styles) -> list[Any]:
    """The employee's calls the coaches used to calibrate, with the agreed result (no coach's own scores)."""
    items: list[list[Any]] = []
    for calibration in data.calibrations:
        coaches = f"{calibration.coaches} {'coach' if calibration.coaches == 1 else 'coaches'}"
        item: list[Any] = [
            _p(
                f"{_call_words(calibration.call_start, calibration.call_duration_s, calibration.recording_id)}: "
                f"gedeeld op {_day(calibration.shared_at)} door {calibration.shared_by}, {coaches} deden mee",
                styles.h3,
            )
        ]
        if calibration.agreed_at is None:
            item.append(_p("Er is nog geen uitkomst afgesproken.", styles.body))
        else:
            item.append(_p(f"De coaches spraken op {_day(calibration.agreed_at)} deze uitkomst af.", styles.body))
            if calibration.agreed:
                item.append(_answers_table(calibration.agreed, "Afgesproken", styles))
            if calibration.agreed_note.strip():
                item += [Spacer(1, 1.5 * mm), _p(f"Toelichting: {calibration.agreed_note}", styles.body)]
        items.append(item)
    return _section_block(
        f"Gesprekken gebruikt voor kalibratie ({len(items)})",
        "Bij een kalibratie beoordelen de coaches hetzelfde gesprek eerst elk apart, zonder je naam te zien. "
        "Daarna spreken ze samen een uitkomst af. Zo leren de coaches op dezelfde manier te beoordelen. Hier "
        "staat welk gesprek van jou daarvoor is gebruikt en wat er is afgesproken. De losse beoordelingen van "
        "de coaches staan er niet in: die zeggen iets over hoe elke coach beoordeelt, niet over jou.",
        items,
        styles,
    )


def _section_block(heading: str, intro: str, items: list[list[Any]], styles: _Styles) -> list[Any]:
    """A heading with its explanation kept together with the first item (never alone at the foot of a page);
    each item kept together on one page; "Geen." when there is nothing."""
    top = [_p(heading, styles.h2), _p(intro, styles.small)]
    if not items:
        return [KeepTogether([*top, _p("Geen.", styles.body)])]
    first, *rest = items
    return [KeepTogether([*top, *first]), Spacer(1, 2 * mm)] + [
        flowable for item in rest for flowable in (KeepTogether(item), Spacer(1, 2 * mm))
    ]


def _plain_table(rows: list[list[Any]], widths: list[float], styles: _Styles, extra: Sequence[Any] = ()) -> Table:
    return Table(
        rows,
        colWidths=widths,
        repeatRows=1,
        hAlign="LEFT",
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),  # empty cells too
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("FONTNAME", (0, 0), (-1, 0), styles.cell_bold.fontName),
                ("FONTNAME", (0, 1), (-1, -1), styles.cell.fontName),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d5dde2")),
                *extra,
            ]
        ),
    )


def _document_for(path: Path, employee_name: str, author: str, title: str, subject: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=28 * mm,
        title=f"{title} - {employee_name}",
        author=author,
        subject=subject,
        lang="nl-NL",
        creator="nunrec desktop",
    )


def _checked_build(
    doc: SimpleDocTemplate, story: list[Any], employee_name: str, font: str, check: DocumentCheck
) -> None:
    """Check the document's whole text, then write it; a refusal writes nothing."""
    extras = [
        ("in de titel van het document", doc.title),
        ("in de auteur van het document", doc.author),
        ("in het onderwerp van het document", doc.subject),
        ("in de voettekst", confidentiality_line(employee_name)),
    ]
    check(document_texts(story, extras))
    doc.build(story, canvasmaker=_numbered_canvas(employee_name, font))


def _plain(paragraph: Paragraph) -> str:
    """A paragraph's text as `_p` was given it (line breaks back as line breaks)."""
    return unescape(str(paragraph.text).replace("<br/>", "\n"))


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _cell_text(cell: Any) -> str:
    if isinstance(cell, str):
        return cell
    if isinstance(cell, Paragraph):
        return _plain(cell)
    return ""


def document_texts(story: Sequence[Any], extras: Sequence[DocumentText] = ()) -> list[DocumentText]:
    """Every text of the story with where it stands ("in '2. Gesprek van ...' > 'Tops'"), plus `extras`.

    Raises TypeError on a flowable it cannot read: the check must see everything the document shows."""
    texts: list[DocumentText] = list(extras)
    headings = {"h2": "", "h3": ""}

    def place(detail: str = "") -> str:
        parts = [f"'{_short(headings[level])}'" for level in ("h2", "h3") if headings[level]]
        where = ("in " + " > ".join(parts)) if parts else "aan het begin van het document"
        return f"{where}{detail}"

    def drawing_texts(node: Any, where: str) -> None:
        for item in getattr(node, "contents", []):
            if isinstance(item, Widget):
                item = item.draw()
            if isinstance(item, String):
                texts.append((where, str(item.text)))
            elif isinstance(item, Group):
                drawing_texts(item, where)

    def walk(item: Any, detail: str = "") -> None:
        if isinstance(item, Paragraph):
            text = _plain(item)
            level = item.style.name
            if level in ("title", "h2"):
                headings["h2"], headings["h3"] = ("" if level == "title" else text), ""
            elif level == "h3":
                headings["h3"] = text
            texts.append((place(detail), text))
        elif isinstance(item, Table):
            rows = item._cellvalues
            header = [_cell_text(c) for c in rows[0]] if rows else []
            carried = ""
            for number, row in enumerate(rows):
                first = _cell_text(row[0]) if row else ""
                carried = first or carried
                label = " - ".join(_short(t, 40) for t in (carried, *(_cell_text(c) for c in row[1:2])) if t.strip())
                for column, cell in enumerate(row):
                    name = header[column] if number and column < len(header) and header[column] else ""
                    where = (f", regel '{label}'" if number and label else "") + (f", kolom '{name}'" if name else "")
                    if isinstance(cell, str):
                        texts.append((place(where), cell))
                    elif isinstance(cell, Drawing):
                        drawing_texts(cell, place(where))
                    elif cell is not None:
                        walk(cell, where)
        elif isinstance(item, KeepTogether):
            for inner in item._content:
                walk(inner, detail)
        elif isinstance(item, Drawing):
            drawing_texts(item, place(detail))
        elif isinstance(item, (list, tuple)):
            for inner in item:
                walk(inner, detail)
        elif not isinstance(item, Spacer):
            raise TypeError(f"the document check cannot read a {type(item).__name__}")

    walk(list(story))
    return texts
