"""Writing a document so that a failure leaves no partial file and keeps an older one intact."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from nunrec_desktop.domain import InvalidInput


def write_atomically(out: Path, write: Callable[[Path], None]) -> Path:
    """`write` fills a temporary file beside `out`, which then replaces `out` in one rename."""
    out = out.resolve()
    if not out.parent.is_dir():
        raise InvalidInput(f"De map {out.parent} bestaat niet.")
    handle, temporary = tempfile.mkstemp(prefix=".nunrec-", suffix=".part", dir=out.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, out)
    except OSError as error:
        raise InvalidInput(f"Het document kon niet worden geschreven: {error.strerror or error}.") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return out
