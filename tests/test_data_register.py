"""The data register (AVG art. 30) lists every stored column: a new column without an entry fails here."""

from __future__ import annotations

import re
from pathlib import Path

from nunrec_desktop.adapters.db.models import Base

REGISTER = Path(__file__).resolve().parent.parent / "docs" / "verwerkingsregister.md"


def test_every_database_column_is_in_the_register() -> None:
    text = REGISTER.read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", text, flags=re.MULTILINE))
    columns = {f"{table.name}.{column.name}" for table in Base.metadata.sorted_tables for column in table.columns}
    assert columns - listed == set(), "add these columns to docs/verwerkingsregister.md"
    assert listed - columns == set(), "the register lists columns that no longer exist"


def test_each_entry_says_what_why_who_and_how_long() -> None:
    for line in REGISTER.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            assert len(cells) == 5 and all(cells), line
