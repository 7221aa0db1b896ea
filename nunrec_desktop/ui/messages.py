"""What a person reads of an error: the service's Dutch sentence without the protocol citations that the code
carries for its readers ("(P6, P13)"; the CLI, read by IT, keeps them), or one plain sentence for anything
unexpected (never an exception's class name)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from nunrec_desktop.domain import NunrecError

_CITATION = re.compile(r"\s*\(P\d+(?:\s*[,;/]\s*P\d+)*\)")


def without_citations(text: str) -> str:
    """ "... niet vastgelegd (P6, P13)." -> "... niet vastgelegd." """
    return _CITATION.sub("", text)


def for_reader(error: BaseException) -> str:
    if isinstance(error, NunrecError):
        return without_citations(str(error))
    return QCoreApplication.translate(
        "Messages",
        "Something unexpected went wrong. Try again; if it keeps "
        "happening, give IT the log file (logs/nunrec.log in the workspace).",
    )
