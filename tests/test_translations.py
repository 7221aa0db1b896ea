"""The Dutch translation is complete and compiled: every tr() string in the UI has a finished Dutch text,
and the shipped .qm is exactly what lrelease makes of the .ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "nunrec_nl.ts"


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path(sys.executable).with_name(name))


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message.find("translation")
        for context in tree.iter("context")
        for message in context.iter("message")
    }


def test_every_message_has_a_finished_dutch_translation() -> None:
    unfinished = [
        source
        for (_, source), translation in _messages(TS).items()
        if translation is None
        or translation.get("type") in ("unfinished", "obsolete", "vanished")
        or not (translation.text or "").strip()
    ]
    assert unfinished == []


def test_every_ui_string_is_in_the_ts_file(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "nunrec_desktop" / "ui").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(_messages(fresh)) - set(_messages(TS))
    assert missing == set(), "run tools/update_translations.py and translate the new strings"


def test_the_compiled_qm_is_up_to_date(tmp_path: Path) -> None:
    compiled = tmp_path / "nunrec_nl.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == TS.with_suffix(".qm").read_bytes()


# Sources whose Dutch is rightly the same text: Dutch words spelled as in English, units, names, numbers.
SAME_IN_DUTCH = {
    "Object",
    "Details",
    "Status",
    "Tops",
    "Tips",
    "%1 open",
    "nunrec",
    "coach",
    "Side-by-side",
    "side-by-side",
    " min",
    " s",
    "-5 s",
    "+5 s",
    "Volume %1",
    "Enter",
    "BSN",
}


def test_every_translation_is_dutch_not_the_english_source() -> None:
    """An entry "translated" by copying the English source would show English on the coach's screen."""
    copied = sorted(
        source
        for (_, source), translation in _messages(TS).items()
        if translation is not None
        and (translation.text or "").strip() == source.strip()
        and source not in SAME_IN_DUTCH
    )
    assert copied == []


def test_the_coach_is_addressed_as_je_only() -> None:
    """One form of address: "je", never "u"/"uw" (the sign-in window said "meld u aan")."""
    formal = sorted(
        translation.text or ""
        for translation in _messages(TS).values()
        if translation is not None and re.search(r"\b(u|uw|U|Uw|heeft u|kunt u)\b", translation.text or "")
    )
    assert formal == []


def test_plurals_are_written_out() -> None:
    """ "1 opname gevonden", never "opname(s)" or "gesprek(ken)"."""
    hedged = sorted(
        translation.text or ""
        for translation in _messages(TS).values()
        if translation is not None and re.search(r"\w\((s|en|ken|n)\)", translation.text or "")
    )
    assert hedged == []
