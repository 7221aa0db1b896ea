"""Benchmark: a fast start (issue 15). Two ratios, each against an anchor measured in the same run:

1. Cold start to the painted sign-in window: a new process running the coach's entry point (`nunrec-gui`,
   i.e. nunrec_desktop.gui.main) on a real workspace, against a new process that shows an empty QMainWindow.
   Target: within 1.3x.
2. `nunrec pii-scan` on a short text, against `python -c "import nunrec_desktop.services.privacy"`.
   Target: within 1.3x (issue 23: CLI start within 1.3x the guard module's import).

How "painted" is seen, without a hook in the application: both processes run the same small watcher
(WATCHER below). It creates the QApplication, installs an event filter and starts the program under test
(which reuses that QApplication). At the first Paint event of the watched window the filter queues a
report; it runs once that paint has been handled (and flushed to the window), writes one line to stdout
and ends the process at once. This parent takes the time from just before starting the process to
reading that line, so interpreter start, imports, Qt start and the paint are all inside.

By default the windows are real X11 windows on a private Xvfb display (started here when Xvfb is
installed and --platform is not given); `--platform offscreen` uses Qt's offscreen platform instead.
The machine is shared and noisy: each pair is run --runs times, alternating, and min and median are shown;
a goal is met when the median of the paired ratios is. Bytecode is cached (PYTHONDONTWRITEBYTECODE is
dropped for the processes measured), as in an installed application.

Run: .venv/bin/python benchmarks/startup.py [--runs 15] [--platform xcb|offscreen]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

WATCHER = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
mode = sys.argv[1]
target = "loginWindow" if mode == "app" else "emptyMainWindow"


def report():
    os.write(1, b"painted\n")
    os._exit(0)


class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.objectName() == target:
            app.removeEventFilter(self)
            QTimer.singleShot(0, report)
        return False


watch = Watch()
app.installEventFilter(watch)
if mode == "app":
    from nunrec_desktop.gui import main

    main(["--workspace", sys.argv[2]])
else:
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    window.setObjectName("emptyMainWindow")
    window.resize(420, 360)
    window.show()
    app.exec()
"""

PII_TEXT = "Mevrouw belde over haar aanslag; terugbellen op 06-12345678 of mail naar j.jansen@example.nl.\n"


def time_to_paint(mode: str, workspace: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", WATCHER, mode, str(workspace)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait(timeout=30)
    if line.strip() != b"painted":
        raise SystemExit(f"{mode}: the window was never painted (exit code {process.returncode})")
    return elapsed


def time_to_exit(command: list[str], env: dict[str, str], stdin: str = "") -> float:
    """Wall time from start to exit. Waited for without a timeout (a watchdog kills a hung process): with a
    timeout, `Popen.wait` polls with sleeps doubling up to 50 ms, so every time came out as one of 63.5,
    113.5, 163.5 ... ms."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env)
    watchdog = threading.Timer(60, process.kill)
    watchdog.start()
    try:
        process.communicate(stdin.encode())
    finally:
        watchdog.cancel()
    return time.perf_counter() - started


@contextmanager
def display(platform: str | None, base: dict[str, str]) -> Iterator[dict[str, str]]:
    """The environment for the GUI processes: a private Xvfb display, or Qt's offscreen platform."""
    env = {**base}
    if platform is None:
        platform = "xcb" if shutil.which("Xvfb") else "offscreen"
    if platform == "offscreen":
        env["QT_QPA_PLATFORM"] = "offscreen"
        yield env
        return
    number = 90 + os.getpid() % 9
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.05)
        env.update(DISPLAY=f":{number}", QT_QPA_PLATFORM="xcb")
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


def summary(label: str, samples: list[float]) -> str:
    return f"{label:<44} min {min(samples) * 1000:7.1f} ms   median {statistics.median(samples) * 1000:7.1f} ms"


def ratio(label: str, ours: list[float], anchor: list[float], target: float) -> str:
    """By min, by median, and the median of the paired ratios (each run against the anchor run just before it),
    which decides whether the goal is met."""
    by_min = min(ours) / min(anchor)
    by_median = statistics.median(ours) / statistics.median(anchor)
    paired = statistics.median(o / a for o, a in zip(ours, anchor, strict=True))
    verdict = "met" if paired <= target else "NOT met"
    return (
        f"{label:<44} {by_min:5.2f}x by min, {by_median:5.2f}x by median, {paired:5.2f}x paired median "
        f"[goal <= {target}x: {verdict}]"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--platform", choices=("xcb", "offscreen"), default=None)
    parser.add_argument("--quick", action="store_true", help="one run each, offscreen (CI)")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.platform = 1, args.platform or "offscreen"

    with tempfile.TemporaryDirectory(prefix="nunrec-startup-") as folder:
        home = Path(folder) / "home"
        home.mkdir()
        env = {
            **os.environ,
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        }
        # An installed application has its bytecode cached; without the cache every start compiles the
        # modules it imports (the application more than the anchors), which is not what a coach waits for.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        workspace = Path(folder) / "workspace"
        nunrec = [sys.executable, "-m", "nunrec_desktop"]
        script = Path(sys.executable).with_name("nunrec")
        if script.exists():
            nunrec = [str(script)]  # what IT runs
        subprocess.run([*nunrec, "init", "--workspace", str(workspace)], env=env, check=True, capture_output=True)

        with display(args.platform, env) as gui_env:
            time_to_paint("empty", workspace, gui_env)  # warm the file cache once, not measured
            time_to_paint("app", workspace, gui_env)
            empty: list[float] = []
            app: list[float] = []
            for _ in range(args.runs):
                empty.append(time_to_paint("empty", workspace, gui_env))
                app.append(time_to_paint("app", workspace, gui_env))
            platform = gui_env["QT_QPA_PLATFORM"]

        guard = [sys.executable, "-c", "import nunrec_desktop.services.privacy"]
        scan = [*nunrec, "pii-scan", "--workspace", str(workspace)]
        time_to_exit(guard, env)
        time_to_exit(scan, env, PII_TEXT)
        imports: list[float] = []
        scans: list[float] = []
        for _ in range(args.runs):
            imports.append(time_to_exit(guard, env))
            scans.append(time_to_exit(scan, env, PII_TEXT))

    print(f"Start to painted window ({platform}, {args.runs} runs each, alternating)")
    print(summary("  empty QMainWindow process", empty))
    print(summary("  nunrec-gui, sign-in window", app))
    print(ratio("  ratio", app, empty, 1.3))
    print(f"pii-scan ({args.runs} runs each, alternating; `{Path(scan[0]).name}`)")
    print(summary("  python -c 'import ...services.privacy'", imports))
    print(summary("  nunrec pii-scan", scans))
    print(ratio("  ratio", scans, imports, 1.3))


if __name__ == "__main__":
    main()
