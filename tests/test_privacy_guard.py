"""The caller-data guard: every kind of caller data in its common spellings, validity checks for BSN and
IBAN, masking, the `nunrec pii-scan` command, and precision and recall on a corpus of coach notes."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from nunrec_desktop.services.privacy import CallerDataGuard, mask, valid_bsn, valid_iban
from tests.privacy_corpus import CORPUS

TODAY = date(2026, 11, 29)


@pytest.fixture
def guard() -> CallerDataGuard:
    return CallerDataGuard(TODAY)


def test_corpus_precision_and_recall(guard: CallerDataGuard) -> None:
    true_positive = false_positive = false_negative = 0
    misses, wrong = [], []
    for text, labels in CORPUS:
        expected = []
        for kind, snippet in labels:
            start = text.index(snippet)
            expected.append((kind, start, start + len(snippet)))
        found = guard.scan(text)
        for finding in found:
            if any(k == finding.kind and s < finding.end and finding.start < e for k, s, e in expected):
                true_positive += 1
            else:
                false_positive += 1
                wrong.append((finding.kind, finding.text, text))
        for kind, start, end in expected:
            if not any(f.kind == kind and f.start < end and start < f.end for f in found):
                false_negative += 1
                misses.append((kind, text[start:end]))
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / (true_positive + false_negative)
    print(f"\ncaller-data guard on {len(CORPUS)} notes: precision {precision:.3f}, recall {recall:.3f}")
    assert recall >= 0.95, misses
    assert precision >= 0.9, wrong


@pytest.mark.parametrize(
    "spelling",
    [
        "06-12345678",
        "06 12345678",
        "06 12 34 56 78",
        "0612345678",
        "+31612345678",
        "+31 6 12345678",
        "0031 6 12345678",
        "+31 (0)6 12345678",
        "0341 25 99 11",
        "0341-259911",
        "(0341) 259911",
        "020 123 4567",
    ],
)
def test_phone_spellings(guard: CallerDataGuard, spelling: str) -> None:
    [finding] = guard.scan(f"Nummer {spelling} genoteerd.")
    assert finding.kind == "telefoonnummer" and finding.text == spelling


def test_bsn_and_iban_only_when_valid(guard: CallerDataGuard) -> None:
    assert valid_bsn("111222333") and not valid_bsn("111222334") and not valid_bsn("000000000")
    assert valid_iban("NL91ABNA0417164300") and not valid_iban("NL92ABNA0417164300")
    assert [f.kind for f in guard.scan("BSN 111222334 en NL92ABNA0417164300")] == []


def test_dates_of_birth_but_not_call_dates(guard: CallerDataGuard) -> None:
    assert [f.text for f in guard.scan("gesprek van 24-11-2026, geboren 01-01-2020")] == ["01-01-2020"]
    assert [f.text for f in guard.scan("afspraak op 3 december 2026")] == []
    assert [f.text for f in guard.scan("sinds 31-02-1980")] == []  # not a real date


def test_masking_keeps_the_rest(guard: CallerDataGuard) -> None:
    text = "Mevrouw Mulder (06-87654321) mailde naar m.mulder@example.org vanaf 8071 EF 3."
    assert mask(text, guard.scan(text)) == "[naam] ([telefoonnummer]) mailde naar [e-mailadres] vanaf [adres]."


def test_pii_scan_command() -> None:
    command = [sys.executable, "-m", "nunrec_desktop", "pii-scan"]
    found = subprocess.run(
        command, input="Meneer Jansen belde vanaf 06-12345678.\n", capture_output=True, text=True, timeout=60
    )
    assert found.returncode == 1
    rows = [json.loads(line) for line in found.stdout.splitlines()]
    assert rows == [
        {"kind": "naam", "start": 0, "end": 13, "text": "Meneer Jansen"},
        {"kind": "telefoonnummer", "start": 26, "end": 37, "text": "06-12345678"},
    ]
    clean = subprocess.run(command, input="Goede opening, vroeg door.\n", capture_output=True, text=True, timeout=60)
    assert clean.returncode == 0 and clean.stdout == ""
