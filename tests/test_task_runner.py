"""The task runner at sign-out: the work asked for so far runs to its end before the session ends."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from nunrec_desktop.ui.tasks import TaskRunner


def test_settle_waits_for_the_running_and_the_queued_work(qtbot: QtBot) -> None:
    runner = TaskRunner()
    started, release = threading.Event(), threading.Event()
    ran: list[str] = []
    delivered: list[object] = []

    def slow() -> str:
        started.set()
        release.wait(5)
        ran.append("slow")
        return "slow"

    runner.run(slow, delivered.append, delivered.append)
    runner.run(lambda: ran.append("queued") or "queued", delivered.append, delivered.append)
    assert started.wait(5)
    threading.Timer(0.2, release.set).start()
    assert runner.settle(timeout=5)
    assert ran == ["slow", "queued"]  # both finished before settle returned: nothing asked for is dropped
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5_000)
    assert delivered == ["slow", "queued"]
    runner.shutdown()


def test_settle_reports_a_task_that_outlives_its_timeout(qtbot: QtBot) -> None:
    runner = TaskRunner()
    started, release = threading.Event(), threading.Event()
    runner.run(lambda: started.set() or release.wait(5), lambda _: None, lambda _: None)
    assert started.wait(5)
    assert runner.settle(timeout=0.05) is False
    release.set()
    runner.shutdown()


def test_work_asked_for_after_shutdown_is_not_started(qtbot: QtBot) -> None:
    """A late callback (a list that reloads as the application closes) asks for more work: it is ignored
    instead of raising from the closed executor into the event loop."""
    runner = TaskRunner()
    runner.shutdown()
    ran: list[str] = []
    runner.run(lambda: ran.append("late") or "late", ran.append, ran.append)
    assert ran == [] and runner.pending == 0
