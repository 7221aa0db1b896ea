"""Issue 20 item 7: one open draft per coach and recording, also from two workstations at once.

Two real processes of one coach open the same call at the same moment on the team's PostgreSQL database: one
gets the draft, the other a Dutch sentence, and the next open continues that one draft. A correction made
twice at once gets the same answer. The migration keeps existing duplicates (every one stays visible as a
version) and then makes (coach, recording, revision) unique.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from nunrec_desktop.adapters.db.engine import MIGRATIONS_DIR, create_database_engine, migrate
from nunrec_desktop.adapters.db.models import EvaluationRow
from nunrec_desktop.app import Services
from nunrec_desktop.domain import User
from nunrec_desktop.services.evaluations import Answer, ConcurrentEvaluation, EvaluationContent
from tests.conftest import POSTGRES_URL, TEST_PASSWORD, FakeClock
from tests.recordings_factory import add_recording

# One workstation: sign in, open the call; the draft is made only when both workstations have looked and
# found none (a file barrier in the shared folder), so the two inserts really meet. Then fill in and submit.
WORKSTATION = """
import json, sys, time
from pathlib import Path
from nunrec_desktop.app import open_services
from nunrec_desktop.domain import NunrecError
from nunrec_desktop.services.evaluations import Answer, EvaluationContent, EvaluationService

root, barrier, me, recording_id, password = sys.argv[1:6]
services = open_services(Path(root), keyring_factory=lambda: None)
user = services.auth.sign_in("marieke", password)
guideline, guard = services.guideline(), services.guard()
original = EvaluationService._new_draft

def meet_then_insert(self, *args, **kwargs):
    Path(barrier, me).touch()
    deadline = time.monotonic() + 60
    while len(list(Path(barrier).iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.005)
    return original(self, *args, **kwargs)

EvaluationService._new_draft = meet_then_insert
meta = services.store().get(recording_id)
result = {}
try:
    draft = services.evaluations.for_recording(user, guideline, "E1", recording_id, meta.start, meta.duration_s)
except NunrecError as error:
    result["refused"] = str(error)
    EvaluationService._new_draft = original
    draft = services.evaluations.for_recording(user, guideline, "E1", recording_id, meta.start, meta.duration_s)
    result["reopened"] = draft.id
else:
    result["draft"] = draft.id
    answers = {c.key: Answer("goed" if "goed" in c.scale.options else "ja")
               for s in guideline.sections for c in s.criteria}
    services.evaluations.save_draft(user, draft.id, EvaluationContent(answers=answers, tops="werkplek " + me))
    result["submitted"] = services.evaluations.submit(user, draft.id, guideline, guard).id
services.close()
print(json.dumps(result))
"""


def _scene(services: Services, coach: User, clock: FakeClock) -> None:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    root = services.workspace.store_path
    add_recording(root, "rec-1", clock.now - timedelta(days=1))
    add_recording(root, "rec-0", clock.now - timedelta(days=2))


@pytest.mark.skipif(not POSTGRES_URL, reason="two workstations share the team's PostgreSQL database")
def test_two_workstations_of_one_coach_open_one_call_at_once_and_there_is_one_draft(
    services: Services, coach: User, clock: FakeClock, workspace_dir: Path, tmp_path: Path
) -> None:
    clock.now = datetime.now(UTC)  # the workstations run on the real clock
    _scene(services, coach, clock)
    meta = services.store().get("rec-0")
    guideline = services.guideline()
    # The guideline's snapshot exists already, as on any day but the very first.
    services.evaluations.for_recording(coach, guideline, "E1", "rec-0", meta.start, meta.duration_s)
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKSTATION, str(workspace_dir), str(barrier), name, "rec-1", TEST_PASSWORD],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("werkplek-1", "werkplek-2")
    ]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=240)
        assert worker.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    made = [r for r in results if "draft" in r]
    refused = [r for r in results if "refused" in r]
    assert len(made) == 1 and len(refused) == 1, results
    assert "andere werkplek" in refused[0]["refused"] and "Open het gesprek opnieuw" in refused[0]["refused"]
    assert refused[0]["reopened"] == made[0]["draft"]  # the second workstation continues the same evaluation
    with services.sessions() as session:
        rows = session.execute(
            select(EvaluationRow.revision, EvaluationRow.status).where(EvaluationRow.recording_id == "rec-1")
        ).all()
    assert rows == [(1, "submitted")]
    assert [e.id for e in services.evaluations.history(coach, "rec-1")] == [made[0]["draft"]]


def test_a_correction_made_twice_at_once_is_refused_the_second_time(
    services: Services, coach: User, clock: FakeClock
) -> None:
    _scene(services, coach, clock)
    meta = services.store().get("rec-1")
    guideline = services.guideline()
    draft = services.evaluations.for_recording(coach, guideline, "E1", "rec-1", meta.start, meta.duration_s)
    answers = {
        c.key: Answer("goed" if "goed" in c.scale.options else "ja") for s in guideline.sections for c in s.criteria
    }
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(answers=answers))
    submitted = services.evaluations.submit(coach, draft.id, guideline, services.guard())
    first = services.evaluations.revise(coach, submitted.id)  # workstation 1
    with pytest.raises(ConcurrentEvaluation, match="al een nieuwe versie"):
        services.evaluations.revise(coach, submitted.id)  # workstation 2, from its stale history
    assert [(e.revision, e.status) for e in services.evaluations.history(coach, "rec-1")] == [
        (1, "submitted"),
        (2, "draft"),
    ]
    assert services.evaluations.for_recording(coach, guideline, "E1", "rec-1", meta.start, meta.duration_s).id == (
        first.id
    )


def _alembic(connection_url: str, target: str) -> None:
    engine = create_database_engine(connection_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
    engine.dispose()


@pytest.mark.fresh_schema  # migrates from an older revision itself
def test_the_migration_keeps_existing_duplicates_as_versions_and_then_refuses_new_ones(
    database_url: str, tmp_path: Path
) -> None:
    url = database_url or f"sqlite:///{tmp_path / 'old.sqlite3'}"
    _alembic(url, "history")  # a team database from before this version
    engine = create_database_engine(url)
    t = datetime(2026, 11, 2, 9, 0)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO users (id, username, role, display_name, password_hash, disabled, failed_attempts, "
                "created_at) VALUES (1, 'marieke', 'coach', 'Marieke Kok', 'x', false, 0, :t)"
            ),
            {"t": t},
        )
        connection.execute(text("INSERT INTO employees (id, name) VALUES ('E1', 'Anouk de Vries')"))
        rows = [  # id, recording, revision, status, supersedes, submitted minutes after t
            (1, "rec-1", 1, "submitted", None, 30),  # workstation 1
            (2, "rec-1", 1, "submitted", None, 10),  # workstation 2, submitted earlier
            (3, "rec-1", 2, "draft", 1, None),  # a correction of workstation 1's
            (4, "rec-2", 1, "submitted", None, 5),  # no duplicate: untouched
            (5, "rec-2", 2, "submitted", 4, 6),
            (6, None, 1, "submitted", None, 7),  # two live sessions: no recording, never a duplicate
            (7, None, 1, "draft", None, None),
        ]
        for id_, recording, revision, status, supersedes, minutes in rows:
            connection.execute(
                text(
                    "INSERT INTO evaluations (id, coach_user_id, employee_id, recording_id, source, call_start, "
                    "guideline_id, guideline_version, guideline_hash, status, revision, supersedes_id, content, "
                    "created_at, updated_at, submitted_at) VALUES (:id, 1, 'E1', :recording, :source, :t, 'g', "
                    "'1', 'h', :status, :revision, :supersedes, '{}', :t, :updated, :submitted)"
                ),
                {
                    "id": id_,
                    "recording": recording,
                    "source": "recording" if recording else "live",
                    "t": t,
                    "status": status,
                    "revision": revision,
                    "supersedes": supersedes,
                    "updated": t + timedelta(minutes=minutes or 50),
                    "submitted": t + timedelta(minutes=minutes) if minutes is not None else None,
                },
            )
    migrate(engine)
    with engine.connect() as connection:
        after = connection.execute(
            text("SELECT id, recording_id, revision, status, supersedes_id FROM evaluations ORDER BY id")
        ).all()
    assert [tuple(r) for r in after] == [
        (1, "rec-1", 2, "submitted", 2),  # numbered again in the order they were submitted
        (2, "rec-1", 1, "submitted", None),
        (3, "rec-1", 3, "draft", 1),  # the open draft stays the newest version
        (4, "rec-2", 1, "submitted", None),
        (5, "rec-2", 2, "submitted", 4),
        (6, None, 1, "submitted", None),
        (7, None, 1, "draft", None),
    ]
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO evaluations (coach_user_id, employee_id, recording_id, source, guideline_id, "
                "guideline_version, guideline_hash, status, revision, content, created_at, updated_at) "
                "VALUES (1, 'E1', 'rec-2', 'recording', 'g', '1', 'h', 'draft', 2, '{}', :t, :t)"
            ),
            {"t": t},
        )
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(EvaluationRow.__table__)).scalar_one() == 7
    engine.dispose()
