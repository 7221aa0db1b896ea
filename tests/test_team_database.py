"""A team: two coaches, each in their own application process, work at the same time on one database (the
PostgreSQL server in the PostgreSQL pass, the workspace's SQLite file otherwise). Drafts, submissions,
draws and the audit chain stay intact, and neither coach sees the other's work."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from nunrec_desktop.app import Services
from nunrec_desktop.domain import Role, User
from tests.conftest import TEST_PASSWORD, FakeClock
from tests.recordings_factory import add_recording, tone_audio

COACH_AT_WORK = """
import json, sys
from pathlib import Path
from nunrec_desktop.app import open_services
from nunrec_desktop.services.evaluations import Answer, EvaluationContent

root, username, password, employee = sys.argv[1:5]
services = open_services(Path(root), keyring_factory=lambda: None)
user = services.auth.sign_in(username, password)
guideline = services.guideline()
guard = services.guard()
visible = [r for r in services.catalog.visible_for(user).items if employee in r.employee_ids]
draw = services.draws.draw(user, employee, 2, min_duration_s=1.0)
submitted = []
for recording in visible:
    draft = services.evaluations.for_recording(
        user, guideline, employee, recording.id, recording.start, recording.duration_s
    )
    answers = {c.key: Answer("goed" if "goed" in c.scale.options else "ja")
               for s in guideline.sections for c in s.criteria}
    for step in range(12):  # autosave, again and again, while the other coach does the same
        services.evaluations.save_draft(user, draft.id, EvaluationContent(answers=answers, tops=f"stap {step}"))
    submitted.append(services.evaluations.submit(user, draft.id, guideline, guard).id)
services.auth.record_sign_out(user)
services.close()
print(json.dumps({"visible": [r.id for r in visible], "submitted": submitted, "draw": draw.seed}))
"""


def _coach(services: Services, admin: User, name: str, full: str, employee: str, full_employee: str) -> User:
    coach = services.accounts.add(admin, name, Role.COACH, full, TEST_PASSWORD)
    services.people.add_employee(employee, full_employee)
    services.people.assign(coach.id, employee, date(2026, 1, 1))
    return coach


def test_two_coaches_in_two_processes_on_one_database(
    services: Services, admin: User, workspace_dir: Path, clock: FakeClock
) -> None:
    first = _coach(services, admin, "marieke", "Marieke Kok", "E1", "Anouk de Vries")
    second = _coach(services, admin, "henk", "Henk Smit", "E2", "Bram Jansen")
    now = clock.now = datetime.now(UTC)  # the child processes run on the real clock
    audio = tone_audio(3.0)
    for number in range(4):
        for employee in ("E1", "E2"):
            start = now - timedelta(days=1 + number, hours=number)
            add_recording(
                services.workspace.store_path,
                f"rec-{employee}-{number}",
                start,
                employee=employee,
                duration=3.0,
                audio=audio,
            )
    chain_before = services.audit.verify().checked

    workers = [
        subprocess.Popen(
            [sys.executable, "-c", COACH_AT_WORK, str(workspace_dir), name, TEST_PASSWORD, employee],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, employee in (("marieke", "E1"), ("henk", "E2"))
    ]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        results.append(json.loads(out))

    for result, employee in zip(results, ("E1", "E2"), strict=True):
        assert sorted(result["visible"]) == [f"rec-{employee}-{n}" for n in range(4)]  # only their own calls
        assert len(result["submitted"]) == 4
    for coach, employee in ((first, "E1"), (second, "E2")):
        assert services.evaluations.evaluated_recordings(coach) == {f"rec-{employee}-{n}" for n in range(4)}
        assert services.evaluations.drafts(coach) == []  # every draft became its submission
        latest = services.draws.latest(coach, employee)
        assert latest is not None and len(latest.picks) == 2
    from nunrec_desktop.adapters.db.models import EvaluationRow

    with services.sessions() as session:
        rows = session.execute(select(EvaluationRow.coach_user_id, func.count()).group_by(EvaluationRow.coach_user_id))
        assert dict(rows.all()) == {first.id: 4, second.id: 4}  # one row per call: twelve autosaves, no copies
    report = services.audit.verify()
    assert report.intact, report.reason
    assert report.checked > chain_before + 2 * (1 + 4 * 2)  # sign-ins, draws, drafts and submissions, interleaved
