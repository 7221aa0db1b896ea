"""The operating system's keyring (Windows Credential Manager on the coach's workstation), the one factory
the entry points hand to the application.

`keyring` is imported on first use, not with this module: loading it and its backends costs ~0.15 s, which
neither the sign-in window nor a console command without a workspace should pay. Tests hand in their own
in-memory keyring instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

KeyringFactory = Callable[[], Any]


def system_keyring() -> Any:
    """The keyring backend of this machine (see above for why `keyring` is imported here)."""
    import keyring

    return keyring.get_keyring()
