"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every Qt call that returns nothing and the
process aborts after a few thousand calls (design.md). We pin PySide6 below 6.12; this test makes
thousands of such calls in a separate process, so the pin can be lifted only when it passes there."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen
app = QGuiApplication([])
image = QImage(400, 200, QImage.Format.Format_ARGB32_Premultiplied)
pen = QPen(QColor("#0f4c5c"))
for frame in range(60):
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    for x in range(400):
        painter.setPen(pen)
        painter.drawLine(x, 100 - (x * frame) % 90, x, 100 + (x * frame) % 90)
    painter.drawLines([QLineF(0, 0, 10, 10)] * 50)
    painter.end()
print("ok", sys.getrefcount(None) > 0)
"""


def test_thousands_of_void_qt_calls_do_not_abort() -> None:
    result = subprocess.run([sys.executable, "-c", "import sys\n" + CODE], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-2000:]}"
    assert result.stdout.strip() == "ok True"


def test_pyside6_is_pinned_below_6_12() -> None:
    import PySide6

    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    assert (major, minor) < (6, 12)
