"""The PDF layout as the export use case sees it (`services.exports.DocumentLayout`), with the shipped fonts.

reportlab is imported on first use, so the CLI and the GUI start without it. Each method gets the check the
export made for this document and calls it with the document's whole text before writing anything.
"""

from __future__ import annotations

from pathlib import Path

from nunrec_desktop.services.access_review import AccessReviewData
from nunrec_desktop.services.document_check import DocumentCheck
from nunrec_desktop.services.reports import FeedbackData
from nunrec_desktop.services.subject_access import SubjectAccessData


class PdfLayout:
    def __init__(self, fonts: Path) -> None:
        self._fonts = fonts

    def feedback(self, data: FeedbackData, out: Path, check: DocumentCheck) -> None:
        from nunrec_desktop.documents.pdf import render_feedback

        render_feedback(data, out, self._fonts, check)

    def dialog(self, data: FeedbackData, out: Path, check: DocumentCheck) -> None:
        from nunrec_desktop.documents.pdf import render_dialog

        render_dialog(data, out, self._fonts, check)

    def subject_access(self, data: SubjectAccessData, out: Path, check: DocumentCheck) -> None:
        from nunrec_desktop.documents.pdf import render_subject_access

        render_subject_access(data, out, self._fonts, check)

    def access_review(self, data: AccessReviewData, out: Path, check: DocumentCheck) -> None:
        from nunrec_desktop.documents.access_review_pdf import render_access_review

        render_access_review(data, out, self._fonts, check)
