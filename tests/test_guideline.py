"""The guideline file: the shipped default loads; broken files are refused naming the field and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from nunrec_desktop.resource_files import resources_dir
from nunrec_desktop.services.guideline import SECTION_KEYS, GuidelineError, default_guideline_path, load_guideline

DEFAULT = default_guideline_path(resources_dir())


def test_the_default_guideline_has_the_five_as_in_order() -> None:
    guideline = load_guideline(DEFAULT)
    assert tuple(s.key for s in guideline.sections) == SECTION_KEYS
    assert [s.title for s in guideline.sections] == ["Aanvang", "Analyse", "Antwoord", "Afsluiting", "Algemeen"]
    assert guideline.is_default and guideline.version and len(guideline.content_hash) == 64
    welcome = guideline.criterion("aanvang", "welkomstgroet")
    assert welcome.essential and welcome.scale.options == ("goed", "voldoende", "verbeterpunt", "n.v.t.")
    assert welcome.needs_comment("verbeterpunt") and not welcome.needs_comment("goed")
    keys = {c.key for s in guideline.sections for c in s.criteria}
    assert {"welkomstgroet", "doorvragen", "kennis", "klantvriendelijkheid"} <= keys  # what the protocol names
    assert guideline.criterion("analyse", "doorvragen").weight == 1.5


def _broken(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = DEFAULT.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "leidraad.toml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def _line_of(path: Path, snippet: str, occurrence: int = 1) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if snippet in line]
    return hits[occurrence - 1]


def test_unknown_scale_names_field_and_line(tmp_path: Path) -> None:
    text = DEFAULT.read_text(encoding="utf-8")
    start = text.index('key = "kennis"')
    path = tmp_path / "leidraad.toml"
    path.write_text(
        text[:start] + text[start:].replace('scale = "kwaliteit"', 'scale = "kwaliteitt"', 1), encoding="utf-8"
    )
    with pytest.raises(GuidelineError) as error:
        load_guideline(path)
    line = _line_of(path, 'scale = "kwaliteitt"')
    assert str(error.value) == (
        f"leidraad.toml, regel {line}: veld 'sections[2].criteria[0].scale' verwijst naar "
        "een onbekende schaal 'kwaliteitt'."
    )


def test_missing_text_is_named(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'text = "Vat de vraag samen en checkt of die goed begrepen is"\n', "")
    with pytest.raises(GuidelineError, match=r"veld 'sections\[1\]\.criteria\[1\]\.text' ontbreekt"):
        load_guideline(path)


def test_sections_in_the_wrong_order_are_refused(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'key = "analyse"', 'key = "antwoord_"')
    with pytest.raises(GuidelineError) as error:
        load_guideline(path)
    line = _line_of(path, 'key = "antwoord_"')
    assert f"regel {line}" in str(error.value)
    assert "precies de vijf A's" in str(error.value)


def test_wrong_types_and_values(tmp_path: Path) -> None:
    with pytest.raises(GuidelineError, match=r"'sections\[1\]\.criteria\[0\]\.weight' moet een getal zijn"):
        load_guideline(_broken(tmp_path, "weight = 1.5", 'weight = "veel"'))
    with pytest.raises(GuidelineError, match=r"'sections\[0\]\.criteria\[0\]\.weight' moet groter dan 0"):
        load_guideline(_broken(tmp_path, "weight = 1.0", "weight = 0"))
    with pytest.raises(GuidelineError, match=r"'scales\.janee\.comment_required_for' noemt antwoorden"):
        load_guideline(_broken(tmp_path, 'comment_required_for = ["nee"]', 'comment_required_for = ["misschien"]'))
    with pytest.raises(GuidelineError, match=r"moet uniek zijn"):
        load_guideline(_broken(tmp_path, 'key = "aandacht"', 'key = "welkomstgroet"'))


def test_invalid_toml_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(GuidelineError, match=r"geen geldige TOML .*line 11"):
        load_guideline(_broken(tmp_path, 'id = "nunspeet-kcc"', 'id = "nunspeet-kcc'))
    with pytest.raises(GuidelineError, match="niet leesbaar"):
        load_guideline(tmp_path / "missing.toml")
    (tmp_path / "latin1.toml").write_bytes("titel = 'co\xf6rdinator'".encode("latin-1"))
    with pytest.raises(GuidelineError, match="geen UTF-8"):
        load_guideline(tmp_path / "latin1.toml")
