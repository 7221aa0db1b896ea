"""Beheer > Toegangsreview: who has which access (every account with role, source, last sign-in and the
coaching assignments with dates), the changes since the last review, the PDF of it, and IT's sign-off with a
date and a remark. Also the Beheer overview, which reminds IT when a review is due (yearly; the IT rights
quarterly)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from nunrec_desktop.services.access_review import AccessReviewData
from nunrec_desktop.services.staffing import AssignmentRecord
from nunrec_desktop.ui.admin.base import AdminPage, fill, table
from nunrec_desktop.ui.qt_dates import from_qdate, to_qdate
from nunrec_desktop.ui.tasks import TaskRunner


class ReviewDesk(Protocol):
    def today(self) -> date: ...

    def access_review(self) -> AccessReviewData: ...

    def export_access_review(self, out: Path) -> Path: ...

    def sign_off_review(self, signed_on: date, remark: str, scope: str = "full") -> object: ...

    def review_reminders(self) -> list[str]: ...


class ReviewPage(AdminPage):
    def __init__(self, desk: ReviewDesk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Access review"), tasks, parent)
        self.setObjectName("reviewPage")
        self._desk = desk
        self.reminders = QLabel(self)
        self.reminders.setObjectName("reviewReminders")
        self.reminders.setWordWrap(True)
        self.body.addWidget(self.reminders)
        self.table = table(
            self,
            [self.tr("User name"), self.tr("Role"), self.tr("Source"), self.tr("Last sign-in"), self.tr("Coaches")],
            self.tr("Accounts under review"),
        )
        self.body.addWidget(self.table, 1)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)

        self.out = QLineEdit(self)
        self.out.setAccessibleName(self.tr("PDF file"))
        self.out.setText(str(Path.home() / f"toegangsreview-{desk.today().isoformat()}.pdf"))
        self.browse_button = QPushButton(self.tr("&Browse..."), self)
        self.pdf_button = QPushButton(self.tr("&Make PDF"), self)
        self.pdf_button.setObjectName("reviewPdfButton")
        self.signed_on = QDateEdit(self)
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setDisplayFormat("dd-MM-yyyy")
        self.signed_on.setDate(to_qdate(desk.today()))
        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("All accounts (yearly)"), "full")
        self.scope.addItem(self.tr("IT rights only (quarterly)"), "admin")
        self.remark = QLineEdit(self)
        self.remark.setMaxLength(300)
        self.remark.setPlaceholderText(self.tr("e.g. checked with the team leader; two accounts disabled"))
        self.sign_button = QPushButton(self.tr("Si&gn off"), self)
        self.sign_button.setObjectName("signOffButton")
        pdf_row = QHBoxLayout()
        pdf_label = QLabel(self.tr("&PDF file"), self)
        pdf_label.setBuddy(self.out)
        pdf_row.addWidget(pdf_label)
        pdf_row.addWidget(self.out, 1)
        pdf_row.addWidget(self.browse_button)
        pdf_row.addWidget(self.pdf_button)
        sign_row = QHBoxLayout()
        for text, widget in (
            (self.tr("&Date"), self.signed_on),
            (self.tr("S&cope"), self.scope),
            (self.tr("&Remark"), self.remark),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            sign_row.addWidget(label)
            sign_row.addWidget(widget, 1 if widget is self.remark else 0)
        sign_row.addWidget(self.sign_button)
        self.body.addLayout(pdf_row)
        self.body.addLayout(sign_row)
        self.guarded(self.pdf_button, self.sign_button)
        self.browse_button.clicked.connect(self._browse)
        self.pdf_button.clicked.connect(self._pdf)
        self.sign_button.clicked.connect(self._sign)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        self.work(lambda: (self._desk.access_review(), self._desk.review_reminders()), self._show_review)

    def _show_review(self, loaded: tuple[AccessReviewData, list[str]]) -> None:
        data, reminders = loaded
        self.reminders.setProperty("error", bool(reminders))
        self.reminders.setText(
            "\n".join(reminders) if reminders else self.tr("No review is due. Thank you for keeping access tidy.")
        )
        self.reminders.style().unpolish(self.reminders)
        self.reminders.style().polish(self.reminders)
        rows = []
        for a in data.accounts:
            role = {"coach": self.tr("coach"), "it": self.tr("IT support")}.get(a.role, a.role)
            source = self.tr("directory") if a.source == "directory" else self.tr("local")
            seen = a.last_sign_in.astimezone().strftime("%d-%m-%Y %H:%M") if a.last_sign_in else self.tr("never")
            rows.append([a.username, role, source, seen, self._assignments(a.assignments, data.employee_names)])
        fill(self.table, rows, [a.username for a in data.accounts])
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 4)
            if cell is not None:
                cell.setToolTip(cell.text().replace("; ", "\n"))  # the whole list, also when the column cuts it off
        last = data.last_review
        text = self.tr("Changes since the last review: %1.").replace("%1", str(len(data.changes)))
        if last is not None:
            text += " " + self.tr("Last review: %1 by %2.").replace("%1", f"{last.signed_on:%d-%m-%Y}").replace(
                "%2", last.signed_by
            )
        self.summary.setText(text)

    def _assignments(self, records: tuple[AssignmentRecord, ...], names: dict[str, str]) -> str:
        parts = []
        for r in records:
            until = f"{r.end:%d-%m-%Y}" if r.end else self.tr("ongoing")
            parts.append(f"{names.get(r.employee_id, r.employee_id)} {r.start:%d-%m-%Y} - {until}")
        return "; ".join(parts)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save access review"), self.out.text(), "PDF (*.pdf)")
        if chosen:
            self.out.setText(chosen)

    def _pdf(self) -> None:
        out = Path(self.out.text().strip()).expanduser()
        self.work(
            lambda: self._desk.export_access_review(out),
            lambda path: self.say(self.tr("The access review is written to %1.").replace("%1", str(path))),
        )

    def _sign(self) -> None:
        day, remark, scope = from_qdate(self.signed_on.date()), self.remark.text(), str(self.scope.currentData())

        def signed(_: object) -> None:
            self.remark.clear()
            self.say(self.tr("The review is signed off for %1.").replace("%1", f"{day:%d-%m-%Y}"))
            self.reload()

        self.work(lambda: self._desk.sign_off_review(day, remark, scope), signed)


class AdminOverview(AdminPage):
    """The first Beheer page: what is where, and which review is due."""

    def __init__(self, desk: ReviewDesk, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Administration"), tasks, parent)
        self.setObjectName("adminOverview")
        self._desk = desk
        intro = QLabel(
            self.tr(
                "As IT support you help the coach: employees and who coaches them, accounts, the recording store, "
                "erasure requests, the audit log and the yearly access review. You do not see recordings, "
                "evaluations or conversations."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.reminders = QLabel(self)
        self.reminders.setObjectName("reviewReminders")
        self.reminders.setWordWrap(True)
        self.body.addWidget(intro)
        self.body.addWidget(self.reminders)
        self.body.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.work(self._desk.review_reminders, self._show_reminders)

    def _show_reminders(self, reminders: list[str]) -> None:
        self.reminders.setProperty("error", bool(reminders))
        self.reminders.setText("\n".join(reminders) if reminders else self.tr("No access review is due."))
        self.reminders.style().unpolish(self.reminders)
        self.reminders.style().polish(self.reminders)
