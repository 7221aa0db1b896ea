"""The one source of "now" for services, so tests can move time instead of sleeping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The current moment as an aware UTC datetime."""
    return datetime.now(UTC)
