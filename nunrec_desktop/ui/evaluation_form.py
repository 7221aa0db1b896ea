"""The 5A form beside the player, generated from the guideline: per A its criteria as compact rows
(`ui.criterion_row`), a short summary per A, tops, tips and notes; the player's marks are the evaluation's
timestamped notes. Every change is autosaved as a draft a moment after the typing pauses and at the latest ~1.2 s after
it was typed, also while the typing goes on (`ui.autosave.Debounce`). The caller-data guard marks findings
while the coach types and offers to mask each one, or to keep a name or an address as what it is instead
("Behouden als...": a colleague's name, an organisation's or the municipality's own address, a street as a
place - `services.keeping`; a phone number, BSN, IBAN, date of birth or e-mail address only masks); the
service stores undecided findings masked, while this screen keeps the typed text until the coach decides.
Submitting waits for that.
There are no scores across employees here, and no ranking: this is coaching, not appraisal (P5).

Long because it is the one owner of the evaluation's texts while they are
edited (answers, comments, tops, tips, notes, the marks' notes), and masking a caller detail, keeping one,
autosaving and submitting all act on those same texts in one order. Its parts with a job of their own are
widgets elsewhere: the rows (`ui.criterion_row`), the caller-data panel (`ui.caller_data_panel`), the bottom
row (`ui.form_actions`) and the cycle line (`ui.cycle_line`).
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import Mark, NunrecError
from nunrec_desktop.services.call_metrics import CallFigures
from nunrec_desktop.services.coach_desk import CycleOutlook
from nunrec_desktop.services.evaluation_progress import NEEDS_COMMENT, OpenItem, open_items
from nunrec_desktop.services.evaluations import (
    SUBMITTED,
    UNSAVED,
    Answer,
    Evaluation,
    EvaluationContent,
    KeptFinding,
    OpenFinding,
)
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.privacy import mask
from nunrec_desktop.services.recordings import VisibleRecording
from nunrec_desktop.ui.autosave import Debounce
from nunrec_desktop.ui.caller_data_panel import UNKEEPABLE, CallerDataPanel
from nunrec_desktop.ui.criterion_row import CriterionRow, SectionBox
from nunrec_desktop.ui.cycle_line import CycleLine
from nunrec_desktop.ui.form_actions import FormActions
from nunrec_desktop.ui.key_help import SubmitKeys
from nunrec_desktop.ui.messages import for_reader
from nunrec_desktop.ui.tasks import TaskRunner
from nunrec_desktop.ui.waveform_view import format_time

log = logging.getLogger(__name__)

GUARD_MS = 400
GUARD_MAX_MS = 1000
NEW_MARK = UNKEEPABLE  # the finding field of the note typed for the player's next mark


class EvaluationDesk(Protocol):
    """What the evaluation form asks of the coach's desk (`services.coach_desk.CoachDesk`)."""

    def save_draft(self, evaluation_id: int, content: EvaluationContent) -> EvaluationContent: ...

    def begin_evaluation(self, unsaved: Evaluation) -> Evaluation: ...

    def submit(self, evaluation_id: int, start_cycle: bool | None = False) -> Evaluation: ...

    def revise(self, evaluation_id: int) -> Evaluation: ...

    def cycle_outlook(self, evaluation: Evaluation) -> CycleOutlook: ...

    def open_findings(self, content: EvaluationContent) -> list[OpenFinding]: ...

    def next_chosen_call(self, evaluation: Evaluation) -> VisibleRecording | None: ...


class MarkHolder(Protocol):
    """The page whose marks are the evaluation's timestamped notes: the player, or the side-by-side page."""

    @property
    def marks(self) -> list[Mark]: ...

    def set_marks(self, marks: list[Mark]) -> None: ...


def set_state(widget: QWidget, name: str, value: str) -> None:
    """A style property (see style.qss) that changes how a widget looks; re-polished so it shows at once."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class EvaluationForm(QWidget):
    submitted = Signal(object)  # Evaluation
    next_call_requested = Signal(object)  # VisibleRecording: the next chosen call of the cycle
    back_to_list_requested = Signal()
    editable_changed = Signal(bool)  # False while a submitted (read-only) evaluation is shown

    def __init__(
        self,
        desk: EvaluationDesk,
        marks: MarkHolder,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationForm")
        self._desk, self._holder = desk, marks
        self._tasks = tasks
        self.evaluation: Evaluation | None = None
        self.guideline: Guideline | None = None
        self._kept: list[KeptFinding] = []
        self._mark_note: QLineEdit | None = None
        self._measures: CallFigures | None = None
        self._loading = False
        self._touched = False
        self.answer_groups: dict[str, QButtonGroup] = {}
        self.comments: dict[str, QPlainTextEdit] = {}
        self.rows: dict[str, CriterionRow] = {}
        self.summaries: dict[str, QLabel] = {}
        self.criterion_boxes: dict[str, QFrame] = {}  # per criterion its row: text, help, answers and comment
        self.help_buttons: dict[str, QToolButton] = {}
        self._labels: dict[str, str] = {}  # criterion key -> "Aanvang - <the criterion's text>"
        self._open: list[OpenItem] = []
        self._tried = False  # a submit was tried: open questions are marked plainly, not only subtly
        self.saves = 0

        self.title = QLabel(self.tr("Evaluation (5A)"), self)
        self.title.setObjectName("formTitle")
        self.status = QLabel(self.tr("Open a call to evaluate it."), self)
        self.status.setObjectName("listStatus")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.cycle_line = CycleLine(desk, self)  # which cycle it counts for, and what was agreed for it
        self.default_notice = QLabel(self)
        self.default_notice.setObjectName("noticeBanner")
        self.default_notice.setWordWrap(True)
        self.default_notice.hide()

        self.body = QWidget()
        self.body.setObjectName("formBody")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 6, 0)
        self.body_layout.setSpacing(2)
        scroll = QScrollArea(self)
        scroll.setObjectName("formScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # texts wrap instead
        scroll.setWidget(self.body)
        self.scroll_area = scroll

        self.tops = QPlainTextEdit(self)
        self.tips = QPlainTextEdit(self)
        self.notes = QPlainTextEdit(self)
        for edit, placeholder in (
            (self.tops, self.tr("What went well")),
            (self.tips, self.tr("Development points")),
            (self.notes, self.tr("Notes about the manner of the call (no caller details)")),
        ):
            edit.setPlaceholderText(placeholder)
            edit.setAccessibleName(placeholder)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(56)
            edit.setMaximumHeight(80)
            edit.textChanged.connect(self._changed)

        # The caller-data panel and the message lie over the lower edge of the questions while they have
        # something to say: them appearing never moves the form or the buttons (`_place_overlays`).
        self.guard_box = CallerDataPanel(parent=self)
        self.findings = self.guard_box.list
        self.findings_title = self.guard_box.title
        self.mask_button = self.guard_box.mask_button
        self.keep_button = self.guard_box.keep_button
        self.keep_menu = self.guard_box.keep_menu
        self.mask_all_button = self.guard_box.mask_all_button
        self.guard_box.mask_requested.connect(self._mask_requested)
        self.guard_box.keep_requested.connect(self._keep)
        self.guard_box.refused.connect(lambda text: self.show_message(text, "error"))

        # The bottom row: the buttons and, beside them, what is still open (`ui.form_actions`).
        self.action_row = FormActions(self)
        self.action_row.submit_requested.connect(self.submit)
        self.action_row.next_open_requested.connect(self.go_to_next_open)
        self.action_row.revise_requested.connect(self.revise)
        self.action_row.next_call_requested.connect(self.next_call_requested)
        self.action_row.back_to_list_requested.connect(self.back_to_list_requested)
        self.submit_button, self.next_open_button = self.action_row.submit_button, self.action_row.next_open_button
        self.revise_button, self.next_call_button = self.action_row.revise_button, self.action_row.next_call_button
        self.back_button, self.progress_line = self.action_row.back_button, self.action_row.progress_line
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("kind", "")
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.message.hide()
        SubmitKeys(self, self.submit_button)  # Ctrl+Enter

        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(self.title)
        head.addWidget(self.status, 1)
        cycle_row = QHBoxLayout()
        cycle_row.setSpacing(8)
        cycle_row.addWidget(self.cycle_line, 1)
        cycle_row.addWidget(self.cycle_line.agreements_toggle, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addLayout(cycle_row)
        layout.addWidget(self.default_notice)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.action_row)
        self._reserve_line()

        self._autosave = Debounce(self.save_now, self)
        self._guard_timer = Debounce(self.refresh_findings, self, quiet_ms=GUARD_MS, max_wait_ms=GUARD_MAX_MS)
        self.setEnabled(False)

    # -- building from the guideline --------------------------------------------------------------

    def load(self, evaluation: Evaluation, guideline: Guideline) -> None:
        self._loading = True
        self._touched = False  # nothing answered or written yet: a new evaluation is not stored until then
        self.evaluation, self.guideline = evaluation, guideline
        self._kept = list(evaluation.content.kept)
        self._measures = evaluation.content.measures
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget not in (self.tops, self.tips, self.notes, self.cycle_line.agreements):
                widget.deleteLater()
        self.body_layout.addWidget(self.cycle_line.agreements)
        self.answer_groups, self.comments, self.summaries = {}, {}, {}
        self.criterion_boxes, self.help_buttons, self._labels, self.rows = {}, {}, {}, {}
        self._tried = False
        for section in guideline.sections:
            box = SectionBox(section.title, self.body)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.setSpacing(1)
            for criterion in section.criteria:
                self._labels[criterion.key] = f"{section.title} - {criterion.text}"
                row = CriterionRow(criterion, box)
                row.changed.connect(self._changed)
                box_layout.addWidget(row)
                self.rows[criterion.key] = row
                self.answer_groups[criterion.key] = row.group
                self.comments[criterion.key] = row.comment
                self.criterion_boxes[criterion.key] = row
                if row.help_button is not None:
                    self.help_buttons[criterion.key] = row.help_button
            self.summaries[section.key] = box.summary
            self.body_layout.addWidget(box)
            box.show()  # at once, not at the next turn of the event loop: Tab reaches its answers straight away
        for caption, edit in (
            (self.tr("Tops"), self.tops),
            (self.tr("Tips"), self.tips),
            (self.tr("Notes"), self.notes),
        ):
            title = QLabel(caption, self.body)
            title.setObjectName("sectionTitle")
            self.body_layout.addWidget(title)
            edit.setParent(self.body)  # (re)parenting hides a widget: shown at once, so Tab reaches it straight away
            self.body_layout.addWidget(edit)
            title.show()
            edit.show()
        self.body_layout.addStretch(1)
        self._set_tab_order()
        content = evaluation.content
        for key, answer in content.answers.items():
            if key in self.rows:
                self.rows[key].set_answer(answer.answer, answer.comment)
        self.tops.setPlainText(content.tops)
        self.tips.setPlainText(content.tips)
        self.notes.setPlainText(content.notes)
        self.default_notice.setText(
            self.tr(
                "This is the default guideline shipped with nunrec (version %1). The municipality replaces it "
                "with its own conversation guideline."
            ).replace("%1", guideline.version)
        )
        self.default_notice.setVisible(False)  # the guideline's status is in "Over nunrec" (F1), not on the form
        self.cycle_line.show_for(evaluation)
        self._loading = False
        self._apply_status()
        self._update_summaries()
        self.refresh_findings()
        self.show_message("")
        if content.undecided and self.editable():  # e.g. after a crash: what was typed was stored masked
            self.show_message(
                self.tr(
                    "When this draft was saved, %1 possible caller details were masked in it. Check the text."
                ).replace("%1", str(len(content.undecided))),
                "info",
            )
        self.setEnabled(True)
        self.scroll_area.verticalScrollBar().setValue(0)

    def _set_tab_order(self) -> None:
        """Criteria (answers, comment) in reading order, then tops, tips, notes, the guard, and Indienen: the
        widgets made in `load` would otherwise come last in the window's chain, after the side menu."""
        chain: list[QWidget] = [self.scroll_area]  # from the player: into the form's first criterion
        for key, group in self.answer_groups.items():
            chain += [*group.buttons(), self.comments[key]]
        chain += [self.tops, self.tips, self.notes, self.findings, self.mask_button, self.keep_button]
        chain += [self.mask_all_button, self.submit_button, self.revise_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- reading the form --------------------------------------------------------------------------

    def content(self) -> EvaluationContent:
        answers = {}
        for key, group in self.answer_groups.items():
            checked = group.checkedButton()
            answer = str(checked.property("answer")) if checked else ""
            comment = self.comments[key].toPlainText()
            if answer or comment:
                answers[key] = Answer(answer, comment)
        return EvaluationContent(
            answers=answers,
            tops=self.tops.toPlainText(),
            tips=self.tips.toPlainText(),
            notes=self.notes.toPlainText(),
            marks=list(self._holder.marks),
            kept=list(self._kept),
            measures=self._measures,
        )

    def set_measures(self, figures: CallFigures | None) -> None:
        """The measures of the call being evaluated; they are kept with the draft (numbers only)."""
        if self.editable():
            self._measures = figures

    def editable(self) -> bool:
        return self.evaluation is not None and self.evaluation.status != SUBMITTED

    # -- autosave ----------------------------------------------------------------------------------

    def marks_changed(self) -> None:
        self._changed()

    def _changed(self) -> None:
        if self._loading or not self.editable():
            return
        self._touched = True
        self._autosave.changed()
        self._guard_timer.changed()
        self._update_summaries()
        self.status.setText(self.tr("Draft - changes not saved yet"))
        if self.message.property("kind") in ("error", "info"):
            self.show_message("")  # the live line and the marks in the form say what is open now

    def save_now(self) -> None:
        """A new evaluation is stored as a draft here, at its first change: opening a call stores nothing."""
        if not self.editable() or self.evaluation is None:
            return
        self._autosave.stop()
        evaluation, content = self.evaluation, self.content()

        def save() -> tuple[Evaluation, EvaluationContent]:
            stored = self._desk.begin_evaluation(evaluation)
            return stored, self._desk.save_draft(stored.id, content)

        self._tasks.run(save, lambda result: self._saved(evaluation, *result), self._save_failed, owner=self)

    def _stored(self) -> Evaluation | None:
        """The evaluation on the form, stored now if it was not yet (on this thread)."""
        if self.evaluation is not None and self.evaluation.id == UNSAVED:
            # a first save may be under way in the background: let it store the draft, then find that one. Waited
            # for as long as at sign-out: on a busy computer the worker may first finish a list or the measures,
            # and giving up after a few seconds let that save land on the evaluation just submitted.
            self._tasks.settle()
            self.evaluation = self._desk.begin_evaluation(self.evaluation)
        return self.evaluation

    def flush(self) -> None:
        """Signing out or closing, the task runner settled or stopped: save the newest content now, here. An
        evaluation nobody answered or wrote in stays unstored."""
        if not self.editable() or self.evaluation is None or (self.evaluation.id == UNSAVED and not self._touched):
            return
        self._autosave.stop()
        try:
            evaluation = self._stored()
            if evaluation is not None:
                self._desk.save_draft(evaluation.id, self.content())
        except NunrecError:
            log.exception("draft %s could not be saved at exit", self.evaluation.id)

    def _saved(self, sent: Evaluation, stored: Evaluation, result: EvaluationContent) -> None:
        if self.evaluation is sent and sent.id == UNSAVED:
            self.evaluation = stored  # the first change stored the draft: from now on it is saved by its id
        self.saves += 1
        if not self._autosave.pending():  # else newer changes are still waiting for their save
            self._apply_status()
            if isinstance(result, EvaluationContent) and result.undecided:
                self.status.setText(
                    self.tr(
                        "Draft - saved automatically; %1 possible caller details are stored masked until you "
                        "mask or keep them."
                    ).replace("%1", str(len(result.undecided)))
                )

    def _save_failed(self, error: Exception) -> None:
        self.status.setText(self.tr("The draft could not be saved: %1").replace("%1", for_reader(error)))

    def _apply_status(self) -> None:
        evaluation = self.evaluation
        if evaluation is None:
            return
        version = (  # a correction is a new version; which guideline it follows is in "Over nunrec" (F1)
            " " + self.tr("Version %1.").replace("%1", str(evaluation.revision)) if evaluation.revision > 1 else ""
        )
        if evaluation.status == SUBMITTED:
            when = evaluation.submitted_at.astimezone().strftime("%d-%m-%Y %H:%M") if evaluation.submitted_at else ""
            self.status.setText(self.tr("Submitted on %1. Read only.").replace("%1", when) + version)
        elif evaluation.id == UNSAVED:
            self.status.setText(self.tr("New - stored as a draft from your first answer or note."))
        else:
            self.status.setText(self.tr("Draft - saved automatically.") + version)
        editable = evaluation.status != SUBMITTED
        self.action_row.set_editable(editable)
        self.body.setEnabled(editable)
        if not editable:
            self.guard_box.hide()
        self.editable_changed.emit(editable)

    def _update_summaries(self) -> None:
        if self.guideline is None:
            return
        for section in self.guideline.sections:
            counts: dict[str, int] = {}
            for criterion in section.criteria:
                checked = self.answer_groups[criterion.key].checkedButton()
                if checked is not None:
                    answer = str(checked.property("answer"))
                    counts[answer] = counts.get(answer, 0) + 1
            open_count = len(section.criteria) - sum(counts.values())
            parts = [f"{n}x {answer}" for answer, n in counts.items()]
            if open_count:
                parts.append(self.tr("%1 open").replace("%1", str(open_count)))
            self.summaries[section.key].setText(", ".join(parts))
        self._update_progress()

    # -- the live line, the open questions and messages --------------------------------------------

    def open_questions(self) -> list[OpenItem]:
        return list(self._open)

    def _update_progress(self) -> None:
        """Recount what is open (service rules), mark it where it is, and say it in the live line."""
        if self.guideline is None or self.evaluation is None:
            return
        editable = self.editable()
        self._open = open_items(self.content(), self.guideline) if editable else []
        open_keys = {item.criterion_key for item in self._open}
        for key, frame in self.criterion_boxes.items():
            set_state(frame, "state", ("missing" if self._tried else "open") if key in open_keys else "")
        if not editable:
            return
        findings = self.findings.count()
        count = len(self._open)
        parts = [
            self.tr("All questions answered")
            if count == 0
            else self.tr("1 question open")
            if count == 1
            else self.tr("%1 questions open").replace("%1", str(count))
        ]
        if findings:
            parts.append(
                self.tr("1 possible caller detail")
                if findings == 1
                else self.tr("%1 possible caller details").replace("%1", str(findings))
            )
        elif count == 0:
            parts.append(self.tr("ready to submit"))
        self.action_row.show_progress(" - ".join(parts), count == 0 and not findings, bool(count or findings))

    def show_message(self, text: str, kind: str = "") -> None:
        """One message over the lower edge of the questions (above the caller-data panel when that is there):
        kind "error", "success" or "info" (each its own style); "" clears it. Nothing moves when one appears."""
        self.message.setText(text)
        set_state(self.message, "kind", kind if text else "")
        self.message.setVisible(bool(text))
        self._place_overlays()

    def go_to_next_open(self) -> None:
        """Scroll to the next open question (after the one with the focus) and put the focus in it; with no
        open question left, go to the caller-data findings, or else to Submit."""
        if self._open:
            keys = [item.criterion_key for item in self._open]
            focused = QApplication.focusWidget()
            order = list(self.criterion_boxes)
            current = next(
                (k for k, frame in self.criterion_boxes.items() if focused is not None and frame.isAncestorOf(focused)),
                None,
            )
            after = order.index(current) if current in order else -1
            target = next((k for k in keys if order.index(k) > after), keys[0])
            item = next(i for i in self._open if i.criterion_key == target)
            frame = self.criterion_boxes[target]
            self.scroll_area.ensureWidgetVisible(frame, 0, 24)
            if item.what == NEEDS_COMMENT:
                widget: QWidget = self.comments[target]
            else:
                group = self.answer_groups[target]
                widget = group.checkedButton() or group.buttons()[0]
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        if self.findings.count():
            self.findings.setFocus(Qt.FocusReason.TabFocusReason)
            return
        self.submit_button.setFocus(Qt.FocusReason.TabFocusReason)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_overlays()

    def _reserve_line(self) -> None:
        """The status beside the title keeps room for two lines: it changing never moves the questions."""
        self.status.setFixedHeight(2 * self.status.fontMetrics().lineSpacing() + 2)

    def _place_overlays(self) -> None:
        """The caller-data panel over the lower edge of the questions, or over their upper edge when the field
        being typed in lies under the lower one; the message just above the panel (or at the lower edge)."""
        area = self.scroll_area.geometry()
        if self.guard_box.isVisible():
            focused = QApplication.focusWidget()
            avoid = None
            if focused is not None and self.isAncestorOf(focused) and not self.guard_box.isAncestorOf(focused):
                avoid = QRect(focused.mapTo(self, QPoint(0, 0)), focused.size())
            self.guard_box.place_over(area, avoid)
            self.guard_box.raise_()
            if self.guard_box.geometry().bottom() == area.bottom():
                area.setBottom(self.guard_box.geometry().top() - 2)
        if self.message.isVisible():
            height = self.message.heightForWidth(area.width())
            self.message.setGeometry(area.left(), area.bottom() - height + 1, area.width(), height)
            self.message.raise_()

    # -- the caller-data guard ---------------------------------------------------------------------

    def refresh_findings(self) -> None:
        findings = self._desk.open_findings(self.content()) if self.evaluation is not None else []
        if self.evaluation is not None and self._mark_note is not None and self._mark_note.text():
            pending = EvaluationContent(notes=self._mark_note.text())  # the mark's note being typed
            findings += [OpenFinding(NEW_MARK, f.finding) for f in self._desk.open_findings(pending)]
        self.guard_box.show_findings([(f, self.field_name(f.field)) for f in findings], self.editable())
        self._place_overlays()
        self._highlight(findings)
        self._update_progress()

    def field_name(self, field: str) -> str:
        """Where a finding is, in the words of the form: the A and the criterion's text, Tops, a mark..."""
        names = {"tops": self.tr("Tops"), "tips": self.tr("Tips"), "notes": self.tr("Notes")}
        if field in names:
            return names[field]
        if field == NEW_MARK:
            return self.tr("the note you are typing")
        kind, _, rest = field.partition(":")
        if kind == "comment":
            label = self._labels.get(rest, rest)
            short = label if len(label) <= 70 else label[:69].rstrip() + "\u2026"
            return self.tr("comment at %1").replace("%1", short)
        if kind == "mark" and rest.isdigit():
            index = int(rest)
            marks = self._holder.marks
            at = f" ({format_time(marks[index].at_s)})" if 0 <= index < len(marks) else ""
            return self.tr("mark %1").replace("%1", str(index + 1)) + at
        return field

    def _highlight(self, findings: list[OpenFinding]) -> None:
        underline = QTextCharFormat()
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        underline.setUnderlineColor(QColor("#c0392b"))
        underline.setBackground(QColor("#fdecea"))
        for name, edit in (("tops", self.tops), ("tips", self.tips), ("notes", self.notes)):
            selections = []
            for open_finding in findings:
                if open_finding.field != name:
                    continue
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(edit.document())
                cursor.setPosition(open_finding.finding.start)
                cursor.setPosition(open_finding.finding.end, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = underline
                selections.append(selection)
            edit.setExtraSelections(selections)

    def _field_widget(self, name: str) -> QPlainTextEdit | QLineEdit | None:
        if name in ("tops", "tips", "notes"):
            return {"tops": self.tops, "tips": self.tips, "notes": self.notes}[name]
        if name.startswith("comment:"):
            return self.comments.get(name.split(":", 1)[1])
        if name == NEW_MARK:
            return self._mark_note
        return None

    def watch_mark_note(self, edit: QLineEdit) -> None:
        """The player's note for the next mark: checked while typing like every other field (mask only: it
        is not part of the evaluation until the mark is dropped)."""
        self._mark_note = edit
        edit.textChanged.connect(lambda _text: self._guard_timer.changed())

    def _mask_requested(self, chosen: list[OpenFinding]) -> None:
        """From the caller-data panel: mask these (as they are now: the text may have moved on, e.g. a mark's
        note was just kept)."""
        self.refresh_findings()
        current = self.guard_box.findings()
        picked = []
        for wanted in chosen:
            same = [f for f in current if f.finding.text == wanted.finding.text]
            exact = [f for f in same if f.field == wanted.field]
            if exact or same:
                picked.append((exact or same)[0])
        if len(chosen) > 1:
            picked = current
        if picked:
            self._mask(picked)

    def _mask(self, findings: list[OpenFinding]) -> None:
        by_field: dict[str, list[OpenFinding]] = {}
        for open_finding in findings:
            by_field.setdefault(open_finding.field, []).append(open_finding)
        marks = list(self._holder.marks)
        for name, items in by_field.items():
            if name.startswith("mark:"):  # a mark's or observation's note
                index = int(name.split(":", 1)[1])
                if 0 <= index < len(marks):
                    marks[index] = replace(marks[index], note=mask(marks[index].note, [f.finding for f in items]))
                continue
            widget = self._field_widget(name)
            if widget is None:
                continue
            text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
            items = [f for f in items if text[f.finding.start : f.finding.end] == f.finding.text]
            if not items:
                continue
            masked = mask(text, [f.finding for f in items])
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(masked)
            else:
                widget.setText(masked)
        if marks != list(self._holder.marks):
            self._holder.set_marks(marks)
        self.refresh_findings()
        self.save_now()

    def _keep(self, kept: KeptFinding) -> None:
        """From the caller-data panel: keep this finding, with the coach's reason."""
        self.show_message("")
        self._kept.append(kept)
        self.refresh_findings()
        self.save_now()

    # -- submitting --------------------------------------------------------------------------------

    def submit(self) -> None:
        """Submit when nothing is open; otherwise mark what is open, say it in one short line and go there."""
        if self.evaluation is None or not self.editable():
            return
        self._autosave.stop()
        self._guard_timer.stop()
        self.refresh_findings()
        if self._open or self.findings.count():
            self._tried = True
            self._update_progress()
            self.show_message(self._not_ready_text(), "error")
            self.go_to_next_open()
            self.save_now()  # the autosave was stopped above: what is on the form is kept as a draft
            return
        stored = self._stored()
        assert stored is not None
        self._desk.save_draft(stored.id, self.content())
        try:
            self.evaluation = self.cycle_line.submit(stored.id)  # asks when no cycle runs
        except NunrecError as error:
            self.show_message(for_reader(error), "error")
            self.refresh_findings()
            return
        self._apply_status()
        self.cycle_line.show_for(self.evaluation)
        self._update_progress()
        self._offer_next_steps(self.evaluation)
        self.submitted.emit(self.evaluation)

    def _not_ready_text(self) -> str:
        count, findings = len(self._open), self.findings.count()
        parts = []
        if count:
            parts.append(
                self.tr("1 question is still open")
                if count == 1
                else self.tr("%1 questions are still open").replace("%1", str(count))
            )
        if findings:
            parts.append(
                self.tr("1 possible caller detail is not masked or kept")
                if findings == 1
                else self.tr("%1 possible caller details are not masked or kept").replace("%1", str(findings))
            )
        return self.tr("Not submitted yet: %1. What is open is marked in the form.").replace(
            "%1", self.tr(" and ").join(parts)
        )

    def _offer_next_steps(self, evaluation: Evaluation) -> None:
        """After submitting a call: the next chosen call of the cycle (if one is left) and the way back."""
        next_recording = None
        if evaluation.recording_id is not None:
            try:
                next_recording = self._desk.next_chosen_call(evaluation)
            except NunrecError:
                log.exception("the next chosen call could not be looked up")
        text = self.tr("Submitted. A correction becomes a new version; this one stays readable.")
        if evaluation.recording_id is not None and next_recording is None:
            text += " " + self.tr("There is no other chosen call left to evaluate in this cycle.")
        self.show_message(text, "success")
        self.action_row.offer_next_steps(evaluation.recording_id is not None, next_recording)

    def revise(self) -> None:
        if self.evaluation is None or self.guideline is None:
            return
        try:
            revised = self._desk.revise(self.evaluation.id)
        except NunrecError as error:
            self.show_message(for_reader(error), "error")
            return
        self.show_message("")
        self.load(revised, self.guideline)
