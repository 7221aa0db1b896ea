"""Benchmark: a 5-call feedback PDF, warm (issue target <= 50 ms), next to a plain reportlab "hello" PDF
measured in the same run as anchor, with the caller-data check of the whole document before it is written
(`services.document_check`) and, for its cost, without it. Run: .venv/bin/python benchmarks/feedback_pdf.py
[--quick] (--quick: one round, as CI runs it so the benchmark cannot rot)."""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from nunrec_desktop.documents.pdf import render_dialog, render_feedback
from nunrec_desktop.domain import Mark
from nunrec_desktop.resource_files import resources_dir
from nunrec_desktop.services.document_check import document_check
from nunrec_desktop.services.evaluations import Answer, Evaluation, EvaluationContent
from nunrec_desktop.services.guideline import default_guideline_path, load_guideline
from nunrec_desktop.services.privacy import CallerDataGuard
from nunrec_desktop.services.reports import EvaluatedCall, FeedbackData

REPEAT = 15


def best(action: Callable[[], object], repeat: int | None = None) -> float:
    action()  # warm
    times = []
    for _ in range(REPEAT if repeat is None else repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return min(times)


def data() -> FeedbackData:
    guideline = load_guideline(default_guideline_path(resources_dir()))
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    calls = []
    for index in range(5):
        answers = {
            c.key: Answer("goed" if "goed" in c.scale.options else "ja") for s in guideline.sections for c in s.criteria
        }
        answers["doorvragen"] = Answer("verbeterpunt", "Stopte te vroeg met doorvragen.")
        content = EvaluationContent(
            answers=answers,
            tops="Warme opening.",
            tips="Vraag één keer extra door.",
            notes="Rustig tempo.",
            marks=[Mark(83.0, "samenvatting")],
        )
        start = now - timedelta(days=index)
        evaluation = Evaluation(
            index,
            1,
            "E1",
            f"rec-{index}",
            "recording",
            start,
            140.0,
            guideline.version,
            guideline.content_hash,
            "submitted",
            1,
            None,
            content,
            start,
            start,
        )
        calls.append(EvaluatedCall(evaluation, guideline))
    return FeedbackData(
        "E1",
        "Anouk de Vries",
        "Marieke Kok",
        date(2026, 11, 1),
        date(2026, 11, 20),
        date(2026, 11, 20),
        calls,
        [calls],
    )


def main() -> None:
    global REPEAT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one round (CI)")
    if parser.parse_args().quick:
        REPEAT = 1
    fonts = resources_dir() / "fonts"
    feedback = data()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "f.pdf"

        def hello() -> None:
            SimpleDocTemplate(io.BytesIO()).build([Paragraph("hello", getSampleStyleSheet()["Normal"])])

        anchor = best(hello)
        check = document_check(CallerDataGuard(date(2026, 11, 20)), "De terugkoppeling")

        def unchecked(_texts: object) -> None:
            return None

        ours = best(lambda: render_feedback(feedback, out, fonts, check))
        bare = best(lambda: render_feedback(feedback, out, fonts, unchecked))
        pages = out.read_bytes().count(b"/Type /Page\n") or out.read_bytes().count(b"/Type /Page")
        dialog = best(lambda: render_dialog(feedback, out, fonts, check))
    print(f"{'document':<32}{'ms (warm)':>10}{'x anchor':>10}{'target':>9}")
    print(f"{'reportlab hello (anchor)':<32}{anchor:>10.1f}{1:>10.1f}")
    verdict = "ok" if ours <= 50 else "OVER"
    print(f"{'feedback PDF, 5 calls':<32}{ours:>10.1f}{ours / anchor:>10.1f}{'<= 50':>9}  {verdict}")
    print(f"{'  the same without the check':<32}{bare:>10.1f}{bare / anchor:>10.1f}")
    print(f"{'Dialog pack, 5 calls':<32}{dialog:>10.1f}{dialog / anchor:>10.1f}")
    print(f"(feedback PDF had {pages} page objects)")


if __name__ == "__main__":
    main()
