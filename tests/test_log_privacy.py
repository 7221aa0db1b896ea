"""No caller data reaches the technical log (issue 15, observability): store entries named after a caller,
a sidecar full of caller data, an erasure search for a caller's number, a failing export to a path that
names the caller, and an unexpected exception whose message quotes a note. Every `logs/*.log` of the
workspace is read back; what was logged is there, masked, and the caller data is not."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from nunrec_desktop.app import Services
from nunrec_desktop.cli import Io, main
from nunrec_desktop.domain import User
from nunrec_desktop.services.evaluations import Answer, EvaluationContent
from tests.conftest import TEST_PASSWORD, FakeClock, MemoryKeyring
from tests.recordings_factory import add_recording, tone_audio
from tests.test_cli_errors import full_disk  # noqa: F401  (a real, full tmpfs; needs root)

CALLER_NUMBER = "+31612345678"
CALLER_DATA = ("0612345678", "06-12345678", "612345678", "Jansen", "j.jansen@example.nl", "1234 AB")


def _logs(workspace_dir: Path) -> str:
    files = sorted((workspace_dir / "logs").glob("*.log"))
    assert files, "nothing was logged at all"
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def _assert_no_caller_data(logged: str) -> None:
    for text in CALLER_DATA:
        assert text not in logged, f"{text!r} reached the log:\n{logged}"


def _run(workspace_dir: Path, clock: FakeClock, keyring: MemoryKeyring, *args: str) -> tuple[int, str]:
    err = io.StringIO()
    code = main(
        [*args, "--workspace", str(workspace_dir)],
        Io(
            stdin=io.StringIO(TEST_PASSWORD + "\n"),
            stdout=io.StringIO(),
            stderr=err,
            clock=clock,
            keyring_factory=lambda: keyring,
        ),
    )
    return code, err.getvalue()


def _scene(services: Services, coach: User, clock: FakeClock) -> Path:
    """Employee E1 with one good call from the caller, and the store's day folder."""
    services.people.add_employee("E1", "Bram Bakker")
    services.people.assign(coach.id, "E1", date(2026, 1, 1))
    start = clock.now - timedelta(days=1)
    add_recording(services.workspace.store_path, "rec-1", start, caller=CALLER_NUMBER, duration=95.0)
    return next(services.workspace.store_path.glob("2026/11/*"))


def test_store_entries_that_name_the_caller_are_logged_masked(
    services: Services, coach: User, workspace_dir: Path, clock: FakeClock, keyring_backend: MemoryKeyring
) -> None:
    day = _scene(services, coach, clock)
    # What a telephony export or a person copying files may leave: names that carry the caller.
    (day / "mevrouw Jansen 06-12345678.wav").write_bytes(tone_audio(1.0))
    (day / "j.jansen@example.nl.json").write_text('{"id": "x"}', encoding="utf-8")
    sidecar = json.loads((day / "rec-1.json").read_text(encoding="utf-8"))
    sidecar.update(id="rec-2", caller_number="mevrouw Jansen, 1234 AB 5, bel 06-12345678 of j.jansen@example.nl")
    sidecar["audio"]["file"] = "rec-2.wav"
    (day / "rec-2.json").write_text(json.dumps(sidecar), encoding="utf-8")
    (day / "rec-2.wav").write_bytes(tone_audio(1.0))

    code, err = _run(workspace_dir, clock, keyring_backend, "recordings", "--user", "marieke", "--password-stdin")
    assert code == 0 and "3 onderdelen in de opnameopslag zijn overgeslagen" in err
    around = (clock.now - timedelta(days=1)).astimezone().strftime("%Y-%m-%d %H:%M")
    code, err = _run(
        workspace_dir, clock, keyring_backend, "erase", "--user", "marieke", "--password-stdin",
        "--caller", "06-12345678", "--around", around,
    )  # fmt: skip
    assert code == 0 and "overgeslagen" in err

    logged = _logs(workspace_dir)
    assert logged.count("store entry skipped") >= 6  # listed twice, each of the three entries
    assert "[naam] [telefoonnummer].wav (no metadata sidecar)" in logged and "[e-mailadres]" in logged
    assert "field 'caller_number' is too long" in logged
    _assert_no_caller_data(logged)


def test_a_failing_export_to_a_path_that_names_the_caller_is_logged_masked(
    services: Services,
    coach: User,
    workspace_dir: Path,
    clock: FakeClock,
    keyring_backend: MemoryKeyring,
    full_disk: Path,  # noqa: F811  (the fixture imported above)
) -> None:
    """The PDF is written to a full disk, in a file named after the caller: the coach reads one Dutch sentence,
    and neither the file's name nor anything else of the caller ends up in the log."""
    _scene(services, coach, clock)
    guideline = services.guideline()
    start = clock.now - timedelta(days=1)
    draft = services.evaluations.for_recording(coach, guideline, "E1", "rec-1", start, 95.0)
    answers = {
        c.key: Answer("goed" if "goed" in c.scale.options else "ja") for s in guideline.sections for c in s.criteria
    }
    services.evaluations.save_draft(coach, draft.id, EvaluationContent(answers=answers, tops="Rustig tempo."))
    services.evaluations.submit(coach, draft.id, guideline, services.guard())
    out = full_disk / "terugkoppeling mevrouw Jansen 06-12345678.pdf"

    code, err = _run(
        workspace_dir, clock, keyring_backend, "export-feedback", "--user", "marieke", "--password-stdin",
        "--employee", "E1", "--out", str(out),
    )  # fmt: skip
    assert code == 1 and "schijf is vol" in err, err
    assert not list(full_disk.glob("terugkoppeling*"))  # no part left behind either
    _assert_no_caller_data(_logs(workspace_dir))


def test_an_unexpected_exception_quoting_a_note_is_logged_masked(services: Services, workspace_dir: Path) -> None:
    """The last wall: a slot raises with caller data in its message in the real windowed application."""
    script = f"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from nunrec_desktop.clock import system_clock
from nunrec_desktop.gui import run_gui

app = QApplication(sys.argv[:1])
state = dict(raised=False, polls=0)


def poll():
    state["polls"] += 1
    login = [w for w in app.topLevelWidgets() if type(w).__name__ == "LoginWindow"]
    if not state["raised"] and login and login[0].button.isEnabled():
        state["raised"] = True
        raise ValueError("note could not be saved: 'mevrouw Jansen belt terug op 06-12345678, j.jansen@example.nl'")
    boxes = [w for w in app.topLevelWidgets() if w.isVisible() and w.windowTitle() == "Onverwachte fout"]
    if boxes or state["polls"] > 600:
        app.quit()


timer = QTimer()
timer.timeout.connect(poll)
timer.start(50)
sys.exit(run_gui(Path({str(workspace_dir)!r}), keyring_factory=lambda: None, clock=system_clock))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    logged = _logs(workspace_dir)
    assert "unexpected error on the GUI thread" in logged and "ValueError: note could not be saved" in logged
    assert "[telefoonnummer]" in logged and "[e-mailadres]" in logged
    _assert_no_caller_data(logged)
