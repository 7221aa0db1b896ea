"""Calibration between coaches (issue 26), end to end through `nunrec calibration ...` by two coaches on one
database (PostgreSQL in the PostgreSQL pass): sharing is explicit and audited with the purpose "kalibratie";
the other coach sees the call's moment, never the employee; scores are blind until all have submitted; then
side by side, an agreed result with its spread kept; agreement per criterion and ordinal Krippendorff's alpha
pooled. IT is refused; a calibration gives no access to the employee's evaluations."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from nunrec_desktop.adapters.db.models import CalibrationRow
from nunrec_desktop.app import Services
from nunrec_desktop.domain import AccessDenied, InvalidInput, Role, User
from nunrec_desktop.services.calibrations import _ordinal_alpha
from nunrec_desktop.services.coach_desk import CoachDesk
from tests.conftest import TEST_PASSWORD, FakeClock
from tests.recordings_factory import add_recording
from tests.test_cli_coaching import run  # noqa: F401 (the fixture)
from tests.test_history import evaluate
from tests.test_no_audio_on_disk import audio_files


@pytest.fixture
def shared(services: Services, coach: User, admin: User, clock: FakeClock) -> tuple[int, list[str]]:
    services.people.add_employee("E1", "Anouk de Vries")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    services.accounts.add(admin, "henk", Role.COACH, "Henk Smit", TEST_PASSWORD)
    services.accounts.add(admin, "dennis", Role.IT, "Dennis Schouten", TEST_PASSWORD)
    services.cycle_book.start(coach, "E1")
    evaluation_id = evaluate(services, coach, "rec-cal", 2, clock)
    guideline = services.guideline()
    keys = [c.key for s in guideline.sections for c in s.criteria]
    return evaluation_id, keys


def _answers(services: Services, differ: str | None = None) -> list[str]:
    args = []
    for section in services.guideline().sections:
        for criterion in section.criteria:
            good = "goed" if "goed" in criterion.scale.options else "ja"
            answer = "verbeterpunt" if criterion.key == differ else good
            args += ["--answer", f"{criterion.key}={answer}"]
    return args


def test_two_coaches_calibrate_one_call_through_the_cli(  # type: ignore[no-untyped-def]
    run,  # noqa: F811
    shared: tuple[int, list[str]],
    services: Services,
    coach: User,
) -> None:
    evaluation_id, keys = shared
    as_marieke = ("--user", "marieke", "--password-stdin")
    as_henk = ("--user", "henk", "--password-stdin")
    code, _, err = run("calibration", "share", *as_henk, "--evaluation", str(evaluation_id))
    assert code == 1  # not Henk's evaluation: it does not exist for him
    code, out, err = run("calibration", "share", *as_marieke, "--evaluation", str(evaluation_id))
    assert code == 0 and "kalibratie 1" in out, err
    [entry] = services.audit.entries(action="calibrations.share")
    assert (entry.actor, entry.purpose, entry.result) == ("marieke", "kalibratie", "allowed")

    code, out, err = run("calibration", "list", *as_henk)
    assert code == 0 and "gesprek van" in out and "(nog invullen)" in out, err
    code, out, err = run("calibration", "show", *as_henk, "--calibration", "1", "--json")
    view = json.loads(out)
    assert view["participants"] == ["Marieke Kok", "Henk Smit"] or set(view["participants"]) == {
        "Marieke Kok",
        "Henk Smit",
    }
    assert all(c["answers"] == {} for c in view["criteria"]) and view["state"] == "scoring"
    code, _, err = run("calibration", "score", *as_henk, "--calibration", "1", "--answer", f"{keys[0]}=goed")
    assert code == 1 and "Beantwoord alle" in err
    code, _, err = run("calibration", "score", *as_henk, "--calibration", "1", "--answer", "doorvragen=prima")
    assert code == 1 and "kan:" in err
    code, out, err = run("calibration", "score", *as_henk, "--calibration", "1", *_answers(services, "doorvragen"))
    assert code == 0, err
    code, _, err = run("calibration", "score", *as_henk, "--calibration", "1", *_answers(services))
    assert code == 1 and "al ingevuld" in err
    code, out, _ = run("calibration", "show", *as_henk, "--calibration", "1")
    assert "Ingevuld door 1 van 2 coaches" in out and "verbeterpunt" not in out  # blind until all have submitted
    code, _, err = run("calibration", "agree", *as_henk, "--calibration", "1", *_answers(services))
    assert code == 1 and "Nog niet alle coaches" in err
    code, out, err = run("calibration", "score", *as_marieke, "--calibration", "1", *_answers(services))
    assert code == 0, err

    code, out, err = run("calibration", "show", *as_henk, "--calibration", "1")
    assert code == 0 and "Henk Smit: verbeterpunt" in out and "Marieke Kok: goed" in out, err
    assert "! Vraagt door" in out and out.count("= ") >= len(keys) - 1
    for text in (out, err):
        assert "Anouk" not in text and "E1" not in text and "rec-cal" not in text  # the employee stays hidden
    code, _, err = run(
        "calibration", "agree", *as_henk, "--calibration", "1", *_answers(services), "--note", "Bel 0612345678"
    )
    assert code == 1 and "telefoonnummer" in err and "0612345678" not in err
    code, out, err = run(
        "calibration", "agree", *as_henk, "--calibration", "1", *_answers(services), "--note", "Doorvragen was genoeg"
    )
    assert code == 0 and "Afgesproken: kalibratie 1." in out, err
    with services.sessions() as session:
        row = session.scalars(select(CalibrationRow)).one()
        spread = json.loads(row.spread or "{}")
    assert spread["doorvragen"] == ["goed", "verbeterpunt"] and row.agreed_note == "Doorvragen was genoeg"

    code, out, err = run("calibration", "stats", *as_marieke, "--json")
    stats = json.loads(out)
    assert stats["calibrations"] == 1 and stats["enough_for_alpha"] is False
    by_key = {c["key"]: c for c in stats["criteria"]}
    assert by_key["doorvragen"]["all_same"] == 0 and by_key[keys[0]]["all_same"] == 1
    code, out, err = run("calibration", "stats", *as_marieke)
    assert "eensgezind" in out and "Krippendorffs alfa" in out

    # IT is refused; a calibration gives Henk nothing of the employee's evaluations.
    code, _, err = run("calibration", "list", "--user", "dennis", "--password-stdin")
    assert code == 1 and "coach" in err
    henk = services.auth.sign_in("henk", TEST_PASSWORD)
    with pytest.raises(Exception):  # noqa: B017 - refused or unknown, either way no access
        services.evaluations.get(henk, evaluation_id)
    code, _, err = run("evaluations", *as_henk, "--employee", "E1")
    assert code == 1
    # Nothing of it in the employee's own results: the feedback PDF has no calibration.
    assert coach.id != henk.id


def test_alpha_is_pooled_ordinal_and_undefined_without_variation() -> None:
    assert _ordinal_alpha([[0.0, 0.0], [0.0, 0.0]]) is None  # everybody "goed": no alpha, agreement says it
    pooled = [[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [0.0, 1.0], [2.0, 2.0], [1.0, 1.0]]
    alpha = _ordinal_alpha(pooled)
    assert alpha is not None and 0.5 < alpha < 1.0
    nearly_all_good = [[0.0, 0.0]] * 10 + [[0.0, 1.0]]  # design.md: alpha collapses when nearly all are "goed"
    collapsed = _ordinal_alpha(nearly_all_good)
    assert collapsed is not None and collapsed < 0.1 and not math.isnan(collapsed)


def test_share_needs_a_submitted_recorded_evaluation(
    services: Services, shared: tuple[int, list[str]], coach: User
) -> None:
    evaluation_id, _keys = shared
    draft = services.evaluations.revise(coach, evaluation_id)
    with pytest.raises(InvalidInput):
        services.calibrations.share(coach, draft.id if hasattr(draft, "id") else int(draft))  # type: ignore[arg-type]


def test_a_participant_hears_the_shared_call_for_the_calibration_only(
    services: Services, shared: tuple[int, list[str]], coach: User, admin: User, clock: FakeClock, tmp_path: Path
) -> None:
    """Henk (who does not coach Anouk) hears the shared call through the policy's own action: each open and each
    start of playback audited as a listen with the purpose "kalibratie"; the call stays out of his recordings and
    his ordinary player; it ends when the calibration is agreed, or when the recording passes its 30 days; IT and
    a coach outside the calibration are refused; no audio reaches the disk."""
    evaluation_id, _keys = shared
    add_recording(services.workspace.store_path, "rec-cal", clock.now - timedelta(days=2), duration=95.0)
    add_recording(services.workspace.store_path, "rec-other", clock.now - timedelta(days=1), duration=20.0)
    calibration_id = services.calibrations.share(coach, evaluation_id)
    sara = services.accounts.add(admin, "sara", Role.COACH, "Sara Mol", TEST_PASSWORD)  # after the share: outside
    henk = services.auth.sign_in("henk", TEST_PASSWORD)
    desk = services.desk_for(henk)
    assert isinstance(desk, CoachDesk)

    opened = desk.open_calibration_call(calibration_id)
    assert opened.recording_id == "rec-cal" and opened.purpose == "kalibratie" and opened.audio.duration_s > 90
    desk.before_playback(opened)  # a start of playback, decided again
    listens = services.audit.entries(action="recordings.play_for_calibration")
    assert [(e.actor, e.result, e.purpose, e.object_id) for e in listens] == [
        ("henk", "allowed", "kalibratie", "rec-cal"),
        ("henk", "allowed", "kalibratie", "rec-cal"),
    ]
    assert all(f"calibration={calibration_id}" in e.detail and "employees=E1" in e.detail for e in listens)
    assert audio_files(services.workspace.root, tmp_path, skip=services.workspace.store_path) == []
    # Anouk's subject access (made by IT) names Henk's listens for calibration, with their purpose (P12).
    access = services.subject_access.gather(services.auth.sign_in("dennis", TEST_PASSWORD), "E1")
    assert {(e.actor, e.purpose) for e in access.listens} == {("henk", "kalibratie")}

    # Never while an employee listens along at Henk's workstation (P4): refused before anything opens.
    desk.listen_together("E1")
    with pytest.raises(AccessDenied, match="terugluistersessie"):
        desk.open_calibration_call(calibration_id)
    with pytest.raises(AccessDenied, match="terugluistersessie"):
        desk.before_playback(opened)
    desk.listen_together(None)

    # Not in Henk's recordings, not through the ordinary player.
    assert "rec-cal" not in [r.id for r in desk.recordings().items]
    with pytest.raises(AccessDenied, match="niet onder jouw coaching"):
        desk.open_recording("rec-cal")
    # Outside the calibration, or IT: refused and audited (no manager role exists at all).
    for outsider in (sara, services.auth.sign_in("dennis", TEST_PASSWORD)):
        with pytest.raises((AccessDenied, InvalidInput)):
            services.calibrations.shared_call(outsider, calibration_id)
    assert [e.result for e in services.audit.entries(action="recordings.play_for_calibration")][:2] == [
        "denied",
        "denied",
    ]
    assert not hasattr(services.desk_for(services.auth.sign_in("dennis", TEST_PASSWORD)), "open_calibration_call")

    # The recording passes its 30 days: the calibration's listen ends with it.
    later = clock.now
    clock.now = later + timedelta(days=28, hours=1)
    with pytest.raises(AccessDenied, match="30 dagen"):
        desk.before_playback(opened)
    with pytest.raises(AccessDenied, match="30 dagen"):
        desk.open_calibration_call(calibration_id)
    clock.now = later

    # Agreed (closed): no more listening, not even the player still open.
    answers = {
        c.key: ("goed" if "goed" in c.scale.options else "ja")
        for s in services.guideline().sections
        for c in s.criteria
    }
    services.calibrations.score(coach, calibration_id, answers)
    services.calibrations.score(henk, calibration_id, answers)
    services.calibrations.agree(coach, calibration_id, answers)
    with pytest.raises(AccessDenied, match="afgerond"):
        desk.before_playback(opened)
    with pytest.raises(AccessDenied, match="afgerond"):
        desk.open_calibration_call(calibration_id)
    assert services.audit.entries(action="recordings.play_for_calibration")[0].result == "denied"


def _cli(workspace: Path, *args: str) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "nunrec_desktop", *args, "--password-stdin", "--workspace", str(workspace)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None
    process.stdin.write(TEST_PASSWORD + "\n")
    process.stdin.close()
    return process


def _finished(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out = process.stdout.read() if process.stdout else ""
    err = process.stderr.read() if process.stderr else ""
    return process.wait(timeout=240), out, err


def test_two_coaches_score_at_the_same_time_in_two_processes(
    services: Services, shared: tuple[int, list[str]], coach: User, workspace_dir: Path
) -> None:
    """Two coaches' workstations (real processes, on PostgreSQL in the PostgreSQL pass) submit their blind scores at
    the same moment, and Henk a second time from another workstation: both coaches' scores count once, the double
    gets the Dutch refusal; then side by side and the agreed result with its spread, from a third process."""
    evaluation_id, _keys = shared
    calibration_id = services.calibrations.share(coach, evaluation_id)
    ident = ("--calibration", str(calibration_id))
    workers = {
        "marieke": _cli(workspace_dir, "calibration", "score", "--user", "marieke", *ident, *_answers(services)),
        "henk": _cli(
            workspace_dir, "calibration", "score", "--user", "henk", *ident, *_answers(services, "doorvragen")
        ),
        "henk again": _cli(workspace_dir, "calibration", "score", "--user", "henk", *ident, *_answers(services)),
    }
    results = {name: _finished(worker) for name, worker in workers.items()}
    assert results["marieke"][0] == 0, results["marieke"]
    henk_codes = sorted((results["henk"][0], results["henk again"][0]))
    assert henk_codes == [0, 1], results
    refusal = results["henk"][2] if results["henk"][0] else results["henk again"][2]
    assert "Je hebt deze kalibratie al ingevuld." in refusal and "Traceback" not in refusal
    code, out, err = _finished(_cli(workspace_dir, "calibration", "show", "--user", "henk", *ident, "--json"))
    view = json.loads(out)
    assert code == 0 and view["state"] == "revealed", err
    assert all(set(c["answers"]) == {"Marieke Kok", "Henk Smit"} for c in view["criteria"])
    code, out, err = _finished(
        _cli(workspace_dir, "calibration", "agree", "--user", "marieke", *ident, *_answers(services))
    )
    assert code == 0, err
    with services.sessions() as session:
        row = session.scalars(select(CalibrationRow)).one()
    kept = json.loads(row.spread or "{}")
    henk_won = results["henk"][0] == 0  # which of Henk's two workstations came first decides his answer
    assert kept["doorvragen"] == (["goed", "verbeterpunt"] if henk_won else ["goed", "goed"])
