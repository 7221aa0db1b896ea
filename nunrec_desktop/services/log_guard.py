"""The caller-data guard as the last wall before the technical log (`<workspace>/logs/nunrec.log`).

The log holds ids, counts and tracebacks, never caller data; but a file name in the store ("0612345678.wav"),
an export path or an exception's message can carry some. `MaskingFormatter` runs the guard over every
record's message, traceback and stack as it is written, and writes the masked text ([telefoonnummer],
[e-mailadres] ...). The time stamp at the start of the line is not scanned.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from nunrec_desktop.services.privacy import CallerDataGuard, mask

GuardFor = Callable[[date], CallerDataGuard]


class MaskingFormatter(logging.Formatter):
    """A formatter that masks caller data in what it formats; `guard_for(day)` gives the guard for a day."""

    def __init__(self, fmt: str, guard_for: GuardFor) -> None:
        super().__init__(fmt)
        self._guard_for = guard_for

    def format(self, record: logging.LogRecord) -> str:
        guard = self._guard_for(date.fromtimestamp(record.created))
        masked = logging.makeLogRecord(record.__dict__)  # the other handlers keep the record as it was
        masked.msg, masked.args = self._mask(guard, record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        masked.exc_info = None
        masked.exc_text = self._mask(guard, record.exc_text) if record.exc_text else None
        masked.stack_info = self._mask(guard, record.stack_info) if record.stack_info else None
        return super().format(masked)

    @staticmethod
    def _mask(guard: CallerDataGuard, text: str) -> str:
        findings = guard.scan(text)
        return mask(text, findings) if findings else text
