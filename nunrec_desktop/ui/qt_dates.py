"""Dates between Python and Qt, typed: the PySide6 stubs type `QDate.toPython()` as `object`."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def to_qdatetime(moment: datetime) -> QDateTime:
    """A naive local moment as Qt's local date and time (seconds; Qt edits show no more)."""
    return QDateTime(to_qdate(moment.date()), QTime(moment.hour, moment.minute, moment.second))


def from_qdatetime(moment: QDateTime) -> datetime:
    """Qt's local date and time as a naive Python datetime (seconds)."""
    day, clock = moment.date(), moment.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), clock.second())
