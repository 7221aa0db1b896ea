"""Writing a document so that a failure leaves no partial file and keeps an older one intact."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from nunrec_desktop.domain import InvalidInput

PART_PREFIX = ".nunrec-"
PART_SUFFIX = ".part"


def write_atomically(out: Path, write: Callable[[Path], None]) -> Path:
    """`write` fills a temporary file beside `out`, which then replaces `out` in one rename."""
    out = out.resolve()
    if not out.parent.is_dir():
        raise InvalidInput(f"De map {out.parent} bestaat niet.")
    if out.is_dir():
        raise InvalidInput(f"{out} is een map; geef de naam van een bestand.")
    if out.exists() and not out.is_file():
        raise InvalidInput(f"{out} is geen gewoon bestand; kies een andere plek voor het document.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=PART_PREFIX, suffix=PART_SUFFIX, dir=out.parent)
    except OSError as error:
        raise InvalidInput(f"In de map {out.parent} kan niet worden geschreven: {error.strerror or error}.") from error
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, out)
    except OSError as error:
        raise InvalidInput(f"Het document kon niet worden geschreven: {_reason(error)}.") from error
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    return out


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return f"{error.strerror}; de schijf is vol"
    return str(error.strerror or error)
