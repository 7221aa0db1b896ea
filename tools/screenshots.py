"""Screenshots of every coach screen, for looking at the layout on a real (virtual) display.

Run under an X server with a window manager, e.g. through `tools/screenshots.sh`, which starts Xvfb and
openbox at the asked screen size. The application runs on the given workspace (the demo workspace); the
script signs in, maximises the window, walks the areas, opens a call in the player, provokes the form's
messages and the caller-data panel, and saves the whole screen per step with ImageMagick's `import`.
Only for developers; nothing here ships.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


class _MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def add_long_call(workspace: Path, minutes: float) -> None:
    """A generated stereo A-law call of `minutes` by the demo's first employee, started an hour ago, with a
    hold of 25-70 s every ten minutes (both lanes quiet but for line noise), written into the demo's store."""
    from datetime import UTC, datetime, timedelta

    import numpy as np

    from nunrec_desktop.adapters.store.base import AudioInfo, RecordingMeta
    from nunrec_desktop.adapters.store.folder import write_recording
    from nunrec_desktop.demo.audio import encode, synthesize_call
    from nunrec_desktop.demo.workspace import EMPLOYEES
    from nunrec_desktop.settings import load_workspace

    rate = 8000
    place = load_workspace(workspace)
    samples, _ = synthesize_call(4242, minutes * 60, rate)
    rng = np.random.default_rng(4242)
    for start in np.arange(300.0, minutes * 60 - 120, 600.0):
        first, last = int(start * rate), int((start + rng.uniform(25, 70)) * rate)
        samples[first:last] = (rng.standard_normal((last - first, 2)) * 0.001).astype(samples.dtype)
    meta = RecordingMeta(
        id="demo-long-call",
        start=datetime.now(UTC) - timedelta(hours=1),
        duration_s=len(samples) / rate,
        direction="inbound",
        called_number=place.settings.general_number,
        employee_id=EMPLOYEES[0][0],
        audio=AudioInfo("demo-long-call.wav", "wav/alaw", rate, 2, ("employee", "caller")),
        segments=(),
        caller_number=None,
    )
    write_recording(place.store_path, meta, encode(samples, rate, "WAV", "ALAW"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workspace", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--user", default="coach")
    parser.add_argument("--password", default="nunspeet-demo")
    parser.add_argument(
        "--long-call-minutes",
        type=float,
        default=0.0,
        help="first add a call of this length (with holds) as the newest one, so the player opens it",
    )
    parser.add_argument(
        "--calibration",
        action="store_true",
        help="only the Kalibratie area: the shared call opened in its player (sign in as a participating coach)",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.long_call_minutes > 0:
        add_long_call(args.workspace, args.long_call_minutes)

    from nunrec_desktop.adapters.audio.playback import ClockOutput
    from nunrec_desktop.clock import system_clock
    from nunrec_desktop.gui import gui_controller
    from nunrec_desktop.ui.application import load_style
    from nunrec_desktop.ui.translations import install_translators

    app = QApplication(sys.argv[:1])
    translators = install_translators(app)
    app.setStyleSheet(load_style())
    keyring = _MemoryKeyring()
    controller = gui_controller(
        args.workspace,
        keyring_factory=lambda: keyring,
        clock=system_clock,
        output_factory=lambda: ClockOutput(system_clock),
    )

    def shoot(name: str) -> None:
        QApplication.processEvents()
        path = args.out / f"{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        window = controller.main_window
        size = f"{window.width()}x{window.height()} min {window.minimumSizeHint().width()}" if window else ""
        print(f"{path} {size}", flush=True)

    def history_steps(window: Any) -> Iterator[int]:
        """The history of the first employee, the feedback choice and the conversation dialog (issue 13)."""
        window.show_area(2)
        overview = window.pages.widget(2)
        if overview.table.rowCount() == 0:
            return
        overview.table.selectRow(0)
        yield 1200
        shoot("20-history")
        QTimer.singleShot(0, overview.feedback_button.click)  # a modal dialog: the next steps run in its loop
        yield 1500
        dialog = overview.choice
        if dialog is not None:
            shoot("21-feedback-choice")
            dialog.reject()
            yield 500
        QTimer.singleShot(0, overview.history.conversation_button.click)
        yield 1500
        conversation = QApplication.activeModalWidget()
        if conversation is not None:
            shoot("22-conversation")
            conversation.close()
            yield 500

    def admin_steps(window: Any) -> Iterator[int]:
        """IT's Beheer pages (issue 25), each shown once its list has loaded."""
        names = ("beheer", "audit", "erasure", "employees", "coaching", "accounts", "store", "review")
        for row, name in enumerate(names):
            window.show_area(row)
            yield 1800
            if name == "audit":
                page = window.pages.widget(row)
                QTest.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
                yield 800
            if name in ("employees", "accounts"):
                page = window.pages.widget(row)
                if page.table.rowCount():
                    page.table.selectRow(0)
                    yield 300
            shoot(f"it-{row:02d}-{name}")
        window.close()
        yield 300
        app.quit()

    def live_steps(window: Any) -> Iterator[int]:
        """A side-by-side session with long observations, ended into the form beside them (issue 22)."""
        live = controller.live
        if live is None:
            return
        window.show_area(4)
        yield 1000
        if live.stages.currentIndex() == live.START:
            live.reasons.buttons()[0].click()
            QTest.mouseClick(live.start_button, Qt.MouseButton.LeftButton)
            yield 1000
        for key, note in (
            (Qt.Key.Key_2, "+ Goede doorvraag naar wat de beller eigenlijk wilde weten"),
            (Qt.Key.Key_5, "- Praatte twee keer door de beller heen bij de uitleg over de afspraak"),
        ):
            QTest.keyClick(live.running_page, key)
            QTest.keyClicks(live.observation_note, note)
            QTest.keyClick(live.observation_note, Qt.Key.Key_Return)
            yield 300
        shoot("23-side-by-side-running")
        QTest.mouseClick(live.end_button, Qt.MouseButton.LeftButton)
        yield 2000
        shoot("24-side-by-side-evaluate")

    def key_help_step(window: Any) -> Iterator[int]:
        """F1 on the player: the keys in Dutch, and "Sluiten" (issue 22)."""
        window.show_area(1)
        yield 500
        help_ = controller.key_help
        if help_ is None:
            return
        QTimer.singleShot(0, help_.show_help)  # a modal dialog: the next steps run in its loop
        yield 1200
        dialog = help_.dialog
        if dialog is not None:
            shoot("25-keys")
            dialog.reject()
            yield 300

    def calibration_steps(window: Any) -> Iterator[int]:
        """The Kalibratie area with the shared call in its player beside the answers (issue 26)."""
        from nunrec_desktop.ui.main_window import MainWindow

        window.show_area(MainWindow.CALIBRATION)
        page = window.pages.widget(MainWindow.CALIBRATION)
        yield 1500
        shoot("26-calibration")
        QTest.mouseClick(page.listen_button, Qt.MouseButton.LeftButton)
        yield 4000
        shoot("27-calibration-player")
        window.close()
        yield 300
        app.quit()

    def steps() -> Iterator[int]:
        controller.start()
        yield 1500
        shoot("01-sign-in")
        login = controller.login
        QTest.keyClicks(login.username, args.user)
        QTest.keyClicks(login.password, args.password)
        QTest.keyClick(login.password, Qt.Key.Key_Return)
        yield 2500
        window = controller.main_window
        assert window is not None
        window.showMaximized()
        yield 2500
        if controller.recordings is None:  # the IT role: the Beheer pages
            yield from admin_steps(window)
            return
        if args.calibration:
            yield from calibration_steps(window)
            return
        shoot("02-recordings")
        recordings = controller.recordings
        assert recordings is not None
        if recordings.model.rowCount():
            recordings.table.setFocus()
            recordings.table.selectRow(0)
            QTest.keyClick(recordings.table, Qt.Key.Key_Return)
        yield 3000 if args.long_call_minutes <= 0 else 8000  # a long call: the measures follow the waveform
        shoot("03-player-form")
        player = controller.player
        if player is not None and player.engine is not None:
            for note in ("goede open vraag", "onderbreekt de beller"):
                player.waveform.setFocus()
                for _ in range(4):
                    QTest.keyClick(player.waveform, Qt.Key.Key_Right)
                QTest.keyClick(player.waveform, Qt.Key.Key_M)
                QTest.keyClicks(player.mark_note, note)
                QTest.keyClick(player.mark_note, Qt.Key.Key_Return)
            QTest.keyClick(player.waveform, Qt.Key.Key_M)
            QTest.keyClicks(player.mark_note, "samenvatting")
            yield 600
            shoot("03b-player-marks")
            QTest.keyClick(player.mark_note, Qt.Key.Key_Return)
        form = controller.form
        if form is not None and form.isEnabled():
            QTest.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
            yield 800
            shoot("04-form-submit-too-early")
            form.notes.setFocus()
            QTest.keyClicks(form.notes, "Meneer Jansen belde vanaf 06-12345678.")
            yield 1500
            shoot("05-form-caller-data")
            workspace = window.pages.widget(1)
            below = getattr(workspace, "form_below", None)
            if below is not None:
                QTest.mouseClick(below, Qt.MouseButton.LeftButton)
                yield 800
                shoot("06-form-under-the-player")
                QTest.mouseClick(below, Qt.MouseButton.LeftButton)
                yield 300
        for row, name in enumerate(
            ("recordings", "player", "evaluations", "cycles", "side-by-side", "erasure"), start=0
        ):
            if row in (0, 1):
                continue
            window.show_area(row)
            yield 1500
            shoot(f"{row + 5:02d}-{name}")
        yield from history_steps(window)
        yield from key_help_step(window)
        yield from live_steps(window)
        window.show_area(1)
        yield 300
        window.close()
        yield 300
        app.quit()

    runner = steps()

    def advance() -> None:
        try:
            wait = next(runner)
        except StopIteration:
            return
        QTimer.singleShot(wait, advance)

    QTimer.singleShot(0, advance)
    status = app.exec()
    controller.shutdown()
    del translators
    return status


if __name__ == "__main__":
    result: Any = main()
    sys.exit(result)
