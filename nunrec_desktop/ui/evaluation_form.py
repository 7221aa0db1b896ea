"""The 5A form beside the player, generated from the guideline: per A its criteria with answer buttons and
a comment, a short summary per A, tops, tips and notes; the player's marks are the evaluation's timestamped
notes. Every change is autosaved as a draft a moment after the typing pauses and at the latest ~1.2 s after
it was typed, also while the typing goes on (`ui.autosave.Debounce`). The caller-data guard marks findings
while the coach types and offers to mask each one or keep it with a reason (only names and phone numbers,
with a reason of at least 10 characters); the service stores undecided findings masked, while this screen
keeps the typed text until the coach decides. Submitting waits for that.
There are no scores across employees here, and no ranking: this is coaching, not appraisal (P5).
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from nunrec_desktop.domain import Mark, NunrecError
from nunrec_desktop.services import privacy
from nunrec_desktop.services.call_metrics import CallFigures
from nunrec_desktop.services.evaluations import (
    SUBMITTED,
    Answer,
    Evaluation,
    EvaluationContent,
    KeptFinding,
    OpenFinding,
)
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.privacy import mask
from nunrec_desktop.ui.autosave import Debounce
from nunrec_desktop.ui.key_help import SubmitKeys
from nunrec_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

GUARD_MS = 400
GUARD_MAX_MS = 1000
NEW_MARK = "new mark"  # the finding field of the note typed for the player's next mark


class EvaluationDesk(Protocol):
    """What the evaluation form asks of the coach's desk (`services.desk.CoachDesk`)."""

    def save_draft(self, evaluation_id: int, content: EvaluationContent) -> EvaluationContent: ...

    def submit(self, evaluation_id: int) -> Evaluation: ...

    def revise(self, evaluation_id: int) -> Evaluation: ...

    def open_findings(self, content: EvaluationContent) -> list[OpenFinding]: ...


class MarkHolder(Protocol):
    """The page whose marks are the evaluation's timestamped notes: the player, or the side-by-side page."""

    @property
    def marks(self) -> list[Mark]: ...

    def set_marks(self, marks: list[Mark]) -> None: ...


class EvaluationForm(QWidget):
    submitted = Signal(object)  # Evaluation

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
        self.answer_groups: dict[str, QButtonGroup] = {}
        self.comments: dict[str, QLineEdit] = {}
        self.summaries: dict[str, QLabel] = {}
        self.saves = 0

        self.title = QLabel(self.tr("Evaluation (5A)"), self)
        self.title.setObjectName("areaTitle")
        self.status = QLabel(self.tr("Open a call to evaluate it."), self)
        self.status.setObjectName("listStatus")
        self.status.setWordWrap(True)
        self.default_notice = QLabel(self)
        self.default_notice.setObjectName("noticeBanner")
        self.default_notice.setWordWrap(True)
        self.default_notice.hide()

        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 8, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        self._scroll = scroll

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
            edit.setMaximumHeight(80)
            edit.textChanged.connect(self._changed)

        self.findings = QListWidget(self)
        self.findings.setObjectName("findingsList")
        self.findings.setAccessibleName(self.tr("Possible caller details"))
        self.findings.setMaximumHeight(110)
        self.findings_title = QLabel(self.tr("Possible caller details"), self)
        self.findings_title.setObjectName("guardTitle")
        self.mask_button = QPushButton(self.tr("Mask"), self)
        self.keep_button = QPushButton(self.tr("Keep with a reason..."), self)
        self.mask_all_button = QPushButton(self.tr("Mask all"), self)
        self.mask_button.clicked.connect(self.mask_selected)
        self.keep_button.clicked.connect(lambda: self.keep_selected())  # not `checked` as the reason
        self.mask_all_button.clicked.connect(self.mask_all)
        self.findings.currentItemChanged.connect(lambda _current, _previous: self._update_keep_button())
        self.guard_box = QFrame(self)
        self.guard_box.setObjectName("guardBox")
        guard_layout = QVBoxLayout(self.guard_box)
        guard_layout.addWidget(self.findings_title)
        guard_layout.addWidget(self.findings)
        buttons = QHBoxLayout()
        for button in (self.mask_button, self.keep_button, self.mask_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        guard_layout.addLayout(buttons)
        self.guard_box.hide()

        self.submit_button = QPushButton(self.tr("Submit"), self)
        self.submit_button.setObjectName("submitButton")
        self.submit_button.clicked.connect(self.submit)
        self.revise_button = QPushButton(self.tr("New version (correct)"), self)
        self.revise_button.clicked.connect(self.revise)
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.submit_button)
        actions.addWidget(self.revise_button)
        actions.addStretch(1)
        SubmitKeys(self, self.submit_button)  # Ctrl+Enter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 20, 16, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.default_notice)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.guard_box)
        layout.addWidget(self.message)
        layout.addLayout(actions)

        self._autosave = Debounce(self.save_now, self)
        self._guard_timer = Debounce(self.refresh_findings, self, quiet_ms=GUARD_MS, max_wait_ms=GUARD_MAX_MS)
        self.setEnabled(False)

    # -- building from the guideline --------------------------------------------------------------

    def load(self, evaluation: Evaluation, guideline: Guideline) -> None:
        self._loading = True
        self.evaluation, self.guideline = evaluation, guideline
        self._kept = list(evaluation.content.kept)
        self._measures = evaluation.content.measures
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget not in (self.tops, self.tips, self.notes):
                widget.deleteLater()
        self.answer_groups, self.comments, self.summaries = {}, {}, {}
        for section in guideline.sections:
            box = QGroupBox(section.title, self.body)
            box_layout = QVBoxLayout(box)
            for criterion in section.criteria:
                label = QLabel(criterion.text + (" *" if criterion.essential else ""), box)
                label.setWordWrap(True)
                label.setObjectName("criterionText")
                if criterion.help:
                    label.setToolTip(criterion.help)
                row = QHBoxLayout()
                group = QButtonGroup(box)
                for option in criterion.scale.options:
                    button = QRadioButton(option, box)
                    button.setAccessibleName(f"{criterion.text}: {option}")  # the group, named by its criterion
                    button.setProperty("answer", option)
                    group.addButton(button)
                    row.addWidget(button)
                row.addStretch(1)
                group.buttonToggled.connect(self._answer_toggled)
                comment = QLineEdit(box)
                comment.setPlaceholderText(
                    self.tr("Comment (required for: %1)").replace("%1", ", ".join(criterion.scale.comment_required_for))
                    if criterion.scale.comment_required_for
                    else self.tr("Comment (optional)")
                )
                comment.setAccessibleName(self.tr("Comment on: %1").replace("%1", criterion.text))
                comment.textChanged.connect(self._changed)
                box_layout.addWidget(label)
                box_layout.addLayout(row)
                box_layout.addWidget(comment)
                self.answer_groups[criterion.key] = group
                self.comments[criterion.key] = comment
            summary = QLabel(box)
            summary.setObjectName("sectionSummary")
            box_layout.addWidget(summary)
            self.summaries[section.key] = summary
            self.body_layout.addWidget(box)
        for caption, edit in (
            (self.tr("Tops"), self.tops),
            (self.tr("Tips"), self.tips),
            (self.tr("Notes"), self.notes),
        ):
            title = QLabel(caption, self.body)
            title.setObjectName("sectionTitle")
            self.body_layout.addWidget(title)
            edit.setParent(self.body)
            self.body_layout.addWidget(edit)
        self.body_layout.addStretch(1)
        self._set_tab_order()
        content = evaluation.content
        for key, answer in content.answers.items():
            answers = self.answer_groups.get(key)
            if answers is not None:
                for choice in answers.buttons():
                    choice.setChecked(choice.property("answer") == answer.answer)
            if key in self.comments:
                self.comments[key].setText(answer.comment)
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
        self._loading = False
        self._apply_status()
        self._update_summaries()
        self.refresh_findings()
        self.message.clear()
        if content.undecided and self.editable():  # e.g. after a crash: what was typed was stored masked
            self.message.setText(
                self.tr(
                    "When this draft was saved, %1 possible caller details were masked in it. Check the text."
                ).replace("%1", str(len(content.undecided)))
            )
        self.setEnabled(True)

    def _set_tab_order(self) -> None:
        """Criteria (answers, comment) in reading order, then tops, tips, notes, the guard, and Indienen: the
        widgets made in `load` would otherwise come last in the window's chain, after the side menu."""
        chain: list[QWidget] = [self._scroll]  # from the player: into the form's first criterion
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
            comment = self.comments[key].text()
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

    def _answer_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._changed()

    def _changed(self) -> None:
        if self._loading or not self.editable():
            return
        self._autosave.changed()
        self._guard_timer.changed()
        self._update_summaries()
        self.status.setText(self.tr("Draft - changes not saved yet"))

    def save_now(self) -> None:
        if not self.editable() or self.evaluation is None:
            return
        self._autosave.stop()
        evaluation_id, content = self.evaluation.id, self.content()
        self._tasks.run(
            lambda: self._desk.save_draft(evaluation_id, content), self._saved, self._save_failed, owner=self
        )

    def flush(self) -> None:
        """The application closes and the task runner has stopped: save the newest content now, here."""
        if not self.editable() or self.evaluation is None:
            return
        self._autosave.stop()
        try:
            self._desk.save_draft(self.evaluation.id, self.content())
        except NunrecError:
            log.exception("draft %s could not be saved at exit", self.evaluation.id)

    def _saved(self, result: object) -> None:
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
        self.status.setText(self.tr("The draft could not be saved: %1").replace("%1", str(error)))

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
        else:
            self.status.setText(self.tr("Draft - saved automatically.") + version)
        self.submit_button.setVisible(evaluation.status != SUBMITTED)
        self.revise_button.setVisible(evaluation.status == SUBMITTED)
        self.body.setEnabled(evaluation.status != SUBMITTED)

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
            self.summaries[section.key].setText(self.tr("Summary: %1").replace("%1", ", ".join(parts)))

    # -- the caller-data guard ---------------------------------------------------------------------

    def refresh_findings(self) -> None:
        findings = self._desk.open_findings(self.content()) if self.evaluation is not None else []
        if self.evaluation is not None and self._mark_note is not None and self._mark_note.text():
            pending = EvaluationContent(notes=self._mark_note.text())  # the note of the next mark, being typed
            findings += [OpenFinding(NEW_MARK, f.finding) for f in self._desk.open_findings(pending)]
        self.findings.clear()
        names = {
            "tops": self.tr("Tops"),
            "tips": self.tr("Tips"),
            "notes": self.tr("Notes"),
            NEW_MARK: self.tr("new mark"),
        }
        for open_finding in findings:
            name, _, index = open_finding.field.partition(":")
            where = names.get(
                open_finding.field,
                self.tr("mark %1").replace("%1", str(int(index) + 1)) if name == "mark" else index,
            )
            item = QListWidgetItem(f"{open_finding.finding.kind}: \u201c{open_finding.finding.text}\u201d - {where}")
            item.setData(Qt.ItemDataRole.UserRole, open_finding)
            self.findings.addItem(item)
        if findings:
            self.findings.setCurrentRow(0)
        self._update_keep_button()
        self.findings_title.setText(
            self.tr("1 possible detail of a caller: mask it, or keep it with a reason.")
            if len(findings) == 1
            else self.tr("%1 possible details of callers: mask them, or keep them with a reason.").replace(
                "%1", str(len(findings))
            )
        )
        self.guard_box.setVisible(bool(findings) and self.editable())
        self._highlight(findings)

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

    def mask_selected(self) -> None:
        item = self.findings.currentItem()
        if item is not None:
            self._mask([item.data(Qt.ItemDataRole.UserRole)])

    def mask_all(self) -> None:
        self._mask([self.findings.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.findings.count())])

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
            masked = mask(text, [f.finding for f in items])
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(masked)
            else:
                widget.setText(masked)
        if marks != list(self._holder.marks):
            self._holder.set_marks(marks)
        self.refresh_findings()
        self.save_now()

    def _update_keep_button(self) -> None:
        """Only names and phone numbers can be kept; a BSN, IBAN, date of birth, e-mail or address cannot."""
        item = self.findings.currentItem()
        open_finding: OpenFinding | None = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        keepable = (
            open_finding is not None
            and open_finding.finding.kind in privacy.KEEPABLE_KINDS
            and open_finding.field != NEW_MARK
        )
        self.keep_button.setEnabled(keepable)
        self.keep_button.setToolTip(
            ""
            if keepable or open_finding is None
            else self.tr("This cannot be kept; mask it. Only names and phone numbers can be kept, with a reason.")
        )

    def keep_selected(self) -> None:
        item = self.findings.currentItem()
        if item is None:
            return
        open_finding: OpenFinding = item.data(Qt.ItemDataRole.UserRole)
        refusal = privacy.keep_refusal(open_finding.finding.kind, "-" * privacy.KEEP_REASON_MIN)
        if refusal is not None:  # never keepable, whatever the reason
            self.message.setText(refusal)
            return
        reason, accepted = QInputDialog.getText(
            self,
            self.tr("Keep this text"),
            self.tr("Why may \u201c%1\u201d stay? At least %2 characters (for example: the name of a colleague).")
            .replace("%1", open_finding.finding.text)
            .replace("%2", str(privacy.KEEP_REASON_MIN)),
        )
        if not accepted:
            return
        refusal = privacy.keep_refusal(open_finding.finding.kind, reason)
        if refusal is not None:
            self.message.setText(refusal)
            return
        self.message.clear()
        self._kept.append(
            KeptFinding(open_finding.field, open_finding.finding.kind, open_finding.finding.text, reason.strip())
        )
        self.refresh_findings()
        self.save_now()

    # -- submitting --------------------------------------------------------------------------------

    def submit(self) -> None:
        if self.evaluation is None:
            return
        self._autosave.stop()
        self._desk.save_draft(self.evaluation.id, self.content())
        try:
            self.evaluation = self._desk.submit(self.evaluation.id)
        except NunrecError as error:
            self.message.setText(str(error))
            self.refresh_findings()
            return
        self.message.setText(self.tr("Submitted. A correction becomes a new version; this one stays readable."))
        self._apply_status()
        self.guard_box.hide()
        self.submitted.emit(self.evaluation)

    def revise(self) -> None:
        if self.evaluation is None or self.guideline is None:
            return
        try:
            revised = self._desk.revise(self.evaluation.id)
        except NunrecError as error:
            self.message.setText(str(error))
            return
        self.message.clear()
        self.load(revised, self.guideline)
