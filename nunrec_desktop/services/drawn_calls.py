"""Which calls were drawn for a coaching cycle, as the employee reads it in the feedback PDF (transparency).

The Dutch data protection authority asks that employees know which of their calls were listened to. A draw
(`services/draws.py`) keeps its seed, its parameters and its picks; since this slice it also keeps the start and
duration of each drawn call (`parameters["calls"]`), so the feedback PDF can list them after the recording
itself is gone (P10: 30 days). Only the call's own moment and length are kept: no caller data, no audio.

This module only turns stored draw values into plain data and plain Dutch; it imports no other service, so
both the cycles and the reports can use it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from nunrec_desktop.domain import call_time

# The reasons a drawn call may be replaced (services/draws.py REPLACE_REASONS), in the employee's words.
REASON_WORDS = {
    "technical": "technisch mankement in de opname",
    "unfit": "gesprek niet geschikt om te beoordelen",
    "not_customer": "geen klantgesprek",
}


@dataclass(frozen=True)
class DrawnCall:
    recording_id: str
    start: datetime | None  # None: an older draw whose call is gone (kept no moment then)
    duration_s: float | None


@dataclass(frozen=True)
class Replacement:
    old: DrawnCall
    new: DrawnCall
    reason: str  # "" when the draw predates reasons


@dataclass(frozen=True)
class DrawSummary:
    """One draw of a cycle: when, how, what it picked (the current picks) and what was replaced."""

    created_at: datetime
    seed: int
    count: int
    min_duration_s: float
    candidates: int
    picks: list[DrawnCall]
    replacements: list[Replacement]


def call_facts(start: datetime, duration_s: float) -> list[Any]:
    """How a drawn call is kept in the draw's parameters: [ISO start with offset, seconds]."""
    return [start.isoformat(), round(float(duration_s), 1)]


def summarize(
    created_at: datetime,
    seed: int,
    parameters_json: str,
    picks_json: str,
    replacements_json: str,
    known: dict[str, tuple[datetime | None, float | None]] | None = None,
) -> DrawSummary:
    """A stored draw as plain data. `known` fills in calls an older draw kept no facts of (from evaluations)."""
    parameters: dict[str, Any] = json.loads(parameters_json)
    facts: dict[str, Any] = parameters.get("calls", {}) if isinstance(parameters.get("calls"), dict) else {}
    known = known or {}

    def call(recording_id: str) -> DrawnCall:
        kept = facts.get(recording_id)
        if isinstance(kept, list) and len(kept) == 2:
            try:
                return DrawnCall(recording_id, datetime.fromisoformat(str(kept[0])), float(kept[1]))
            except (TypeError, ValueError):
                pass
        start, duration = known.get(recording_id, (None, None))
        return DrawnCall(recording_id, start, duration)

    replacements = [
        Replacement(call(str(r.get("old", ""))), call(str(r.get("new", ""))), _reason(r))
        for r in json.loads(replacements_json)
        if isinstance(r, dict)
    ]
    candidates = parameters.get("candidates", [])
    return DrawSummary(
        created_at,
        seed,
        int(parameters.get("count", 0)),
        float(parameters.get("min_duration_s", 0.0)),
        len(candidates) if isinstance(candidates, list) else 0,
        [call(str(i)) for i in json.loads(picks_json)],
        replacements,
    )


def _reason(replacement: dict[str, Any]) -> str:
    """The reason in words: the code's Dutch. The coach's own text for "other" stays with the draw (as in the
    audit log, which keeps only the code): the employee reads that there was another reason."""
    code = str(replacement.get("reason", "") or "")
    if code == "other":
        return "een andere reden"
    return REASON_WORDS.get(code, "")


def local(moment: datetime | None) -> str:
    """ "01-10-2026 om 09:30": with "om" a date and a time never read as a phone number."""
    return moment.astimezone().strftime("%d-%m-%Y om %H:%M") if moment else "niet meer bekend"


def duration_text(seconds: float | None) -> str:
    return call_time(seconds) if seconds is not None else "-"


def how_drawn(draw: DrawSummary) -> str:
    """The draw in plain Dutch, addressed to the employee."""
    count = f"{draw.count} gesprek" if draw.count == 1 else f"{draw.count} gesprekken"
    return (
        f"Op {local(draw.created_at)} zijn {count} willekeurig getrokken uit de {draw.candidates} gesprekken van jou "
        f"die in aanmerking kwamen: gesprekken van minstens {draw.min_duration_s:g} seconden die nog niet "
        "beoordeeld waren, zo veel mogelijk verspreid over verschillende dagen en dagdelen. De trekking is te "
        f"controleren: met lotnummer {draw.seed} levert dezelfde trekking dezelfde gesprekken op."
    )
