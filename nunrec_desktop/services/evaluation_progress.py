"""What is still open in an evaluation, and which chosen call comes next in the cycle.

The form shows a live line ("3 questions open") and jumps to the next open question; after a submit it offers
the next call of the cycle's draw. Both rules live here, without Qt, so that the form only shows them.
`open_items` follows the same rules that `EvaluationService.submit` checks (a test keeps them in step).
"""

from __future__ import annotations

from dataclasses import dataclass

from nunrec_desktop.services.draws import Draw
from nunrec_desktop.services.evaluations import Answer, EvaluationContent
from nunrec_desktop.services.guideline import Guideline
from nunrec_desktop.services.recordings import VisibleRecording

NOT_ANSWERED = "answer"
NEEDS_COMMENT = "comment"


@dataclass(frozen=True, slots=True)
class OpenItem:
    """A criterion that keeps the evaluation from being submitted: not answered, or its comment missing."""

    section_key: str
    criterion_key: str
    what: str  # NOT_ANSWERED or NEEDS_COMMENT


def open_items(content: EvaluationContent, guideline: Guideline) -> list[OpenItem]:
    """The open criteria in the order of the form."""
    items = []
    for section in guideline.sections:
        for criterion in section.criteria:
            answer = content.answers.get(criterion.key, Answer())
            if answer.answer not in criterion.scale.options:
                items.append(OpenItem(section.key, criterion.key, NOT_ANSWERED))
            elif criterion.needs_comment(answer.answer) and not answer.comment.strip():
                items.append(OpenItem(section.key, criterion.key, NEEDS_COMMENT))
    return items


def next_pick(draw: Draw | None, current_recording_id: str | None) -> VisibleRecording | None:
    """The next chosen call of the draw that is not evaluated yet: the first such pick after the current one
    in the draw's order, else the first such pick before it; None when every pick is done (or no draw)."""
    if draw is None:
        return None
    ids = [r.id for r in draw.picks]
    start = ids.index(current_recording_id) + 1 if current_recording_id in ids else 0
    ordered = draw.picks[start:] + draw.picks[:start]
    return next((r for r in ordered if not r.evaluated and r.id != current_recording_id), None)
