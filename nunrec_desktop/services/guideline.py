"""The conversation guideline (gespreksleidraad): a TOML file the municipality can replace without a
developer, from which the 5A evaluation form is built.

It holds the five sections in their fixed order (Aanvang, Analyse, Antwoord, Afsluiting, Algemeen) and per
section the criteria: text, a short explanation for the coach, the answer scale, for which answers a comment
is required, an optional weight and an optional "essential" flag. A malformed file is refused with a Dutch
message that names the field and its line. Each evaluation keeps the guideline version (and the file's
hash) it was made with, so replacing the file never changes an old evaluation.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nunrec_desktop.domain import InvalidInput

SECTION_KEYS = ("aanvang", "analyse", "antwoord", "afsluiting", "algemeen")
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class GuidelineError(InvalidInput):
    """The guideline file cannot be used; the message names the file, the line and the field."""


@dataclass(frozen=True, slots=True)
class Scale:
    key: str
    options: tuple[str, ...]
    comment_required_for: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Criterion:
    key: str
    text: str
    help: str
    scale: Scale
    weight: float = 1.0
    essential: bool = False

    def needs_comment(self, answer: str) -> bool:
        return answer in self.scale.comment_required_for


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True, slots=True)
class Guideline:
    id: str
    version: str
    title: str
    is_default: bool
    sections: tuple[Section, ...]
    content_hash: str
    source: str = field(default="", repr=False, compare=False)

    def criterion(self, section_key: str, criterion_key: str) -> Criterion:
        for section in self.sections:
            if section.key == section_key:
                for criterion in section.criteria:
                    if criterion.key == criterion_key:
                        return criterion
        raise KeyError(f"{section_key}.{criterion_key}")


def default_guideline_path(resources: Path) -> Path:
    return resources / "guideline" / "gespreksleidraad.toml"


class _Locator:
    """Finds the line of a field in the TOML text (tomllib gives values, not positions)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def _headers(self, header: str) -> list[int]:
        pattern = re.compile(r"^\s*" + re.escape(header) + r"\s*(#.*)?$")
        return [i for i, line in enumerate(self.lines) if pattern.match(line)]

    def line_of(self, path: list[Any]) -> int:
        start = 0
        if path and path[0] == "sections" and len(path) >= 2:
            sections = self._headers("[[sections]]")
            if path[1] < len(sections):
                start = sections[path[1]]
                if len(path) >= 4 and path[2] == "criteria":
                    following = [i for i in self._headers("[[sections.criteria]]") if i > start]
                    if path[3] < len(following):
                        start = following[path[3]]
        elif path and path[0] in ("guideline", "scales"):
            header = "[guideline]" if path[0] == "guideline" else f"[scales.{path[1]}]" if len(path) > 1 else ""
            found = self._headers(header) if header else []
            start = found[0] if found else 0
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
        for index in range(start, len(self.lines)):
            if index > start and self.lines[index].lstrip().startswith("["):
                break
            if pattern.match(self.lines[index]):
                return index + 1
        return start + 1


def _dotted(path: list[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def load_guideline(path: Path) -> Guideline:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise GuidelineError(f"De gespreksleidraad {path} is niet leesbaar: {error.strerror or error}.") from error
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise GuidelineError(f"{path.name}: het bestand is geen UTF-8-tekst.") from error
    return parse_guideline(text, path.name)


def parse_guideline(text: str, name: str = "gespreksleidraad") -> Guideline:
    """Parse guideline text (a file's, or a snapshot kept with old evaluations)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise GuidelineError(f"{name}: geen geldige TOML ({error}).") from error
    guideline = _build(data, _Locator(text), name, hashlib.sha256(text.encode("utf-8")).hexdigest())
    return dataclasses.replace(guideline, source=text)


def _build(data: dict[str, Any], locator: _Locator, name: str, content_hash: str) -> Guideline:
    def fail(field_path: list[Any], problem: str) -> GuidelineError:
        return GuidelineError(f"{name}, regel {locator.line_of(field_path)}: veld '{_dotted(field_path)}' {problem}.")

    def need(obj: Any, field_path: list[Any], kind: type, required: bool = True, default: Any = None) -> Any:
        key = field_path[-1]
        if not isinstance(obj, dict) or key not in obj:
            if required:
                raise fail(field_path, "ontbreekt")
            return default
        value = obj[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise fail(field_path, f"moet {_TYPE_NAMES.get(kind, kind.__name__)} zijn")
        if isinstance(value, str) and not value.strip():
            raise fail(field_path, "is leeg")
        return value

    head = need(data, ["guideline"], dict)
    guideline_id = need(head, ["guideline", "id"], str)
    version = need(head, ["guideline", "version"], str)
    title = need(head, ["guideline", "title"], str)
    is_default = need(head, ["guideline", "default"], bool, required=False, default=False)

    scales: dict[str, Scale] = {}
    for scale_key, raw_scale in need(data, ["scales"], dict).items():
        options = need(raw_scale, ["scales", scale_key, "options"], list)
        if len(options) < 2 or not all(isinstance(o, str) and o.strip() for o in options):
            raise fail(["scales", scale_key, "options"], "moet minstens twee antwoorden (tekst) bevatten")
        required_for = need(raw_scale, ["scales", scale_key, "comment_required_for"], list, False, [])
        unknown = [o for o in required_for if o not in options]
        if unknown:
            raise fail(
                ["scales", scale_key, "comment_required_for"],
                f"noemt antwoorden die niet in de schaal staan: {unknown}",
            )
        scales[scale_key] = Scale(scale_key, tuple(options), tuple(required_for))

    raw_sections = need(data, ["sections"], list)
    keys = [s.get("key") if isinstance(s, dict) else None for s in raw_sections]
    if tuple(keys) != SECTION_KEYS:
        where = next((i for i, (k, e) in enumerate(zip(keys, SECTION_KEYS, strict=False)) if k != e), len(keys))
        raise fail(
            ["sections", min(where, max(len(keys) - 1, 0)), "key"],
            "klopt niet: de leidraad heeft precies de vijf A's in deze volgorde: " + ", ".join(SECTION_KEYS),
        )
    sections = []
    seen: set[str] = set()
    for s_index, raw_section in enumerate(raw_sections):
        base: list[Any] = ["sections", s_index]
        section_title = need(raw_section, [*base, "title"], str)
        raw_criteria = need(raw_section, [*base, "criteria"], list)
        if not raw_criteria:
            raise fail([*base, "criteria"], "moet minstens één criterium bevatten")
        criteria = []
        for c_index, raw_criterion in enumerate(raw_criteria):
            cbase = [*base, "criteria", c_index]
            key = need(raw_criterion, [*cbase, "key"], str)
            if not _KEY.match(key) or key in seen:
                raise fail([*cbase, "key"], "moet uniek zijn en bestaan uit kleine letters, cijfers en _")
            seen.add(key)
            scale_key = need(raw_criterion, [*cbase, "scale"], str)
            if scale_key not in scales:
                raise fail([*cbase, "scale"], f"verwijst naar een onbekende schaal '{scale_key}'")
            weight = need(raw_criterion, [*cbase, "weight"], float, False, 1.0)
            if weight <= 0:
                raise fail([*cbase, "weight"], "moet groter dan 0 zijn")
            criteria.append(
                Criterion(
                    key=key,
                    text=need(raw_criterion, [*cbase, "text"], str),
                    help=need(raw_criterion, [*cbase, "help"], str, False, ""),
                    scale=scales[scale_key],
                    weight=weight,
                    essential=need(raw_criterion, [*cbase, "essential"], bool, False, False),
                )
            )
        sections.append(Section(SECTION_KEYS[s_index], section_title, tuple(criteria)))
    return Guideline(guideline_id, version, title, is_default, tuple(sections), content_hash)


_TYPE_NAMES = {str: "een tekst", float: "een getal", bool: "true of false", list: "een lijst", dict: "een tabel"}
