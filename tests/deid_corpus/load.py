"""The one loader of the de-identification corpus: JSONL notes with gold spans, checked on load."""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "untouched")  # dev2..dev13: more tuned splits (dev9: documents around a stay; dev10: ICU team notes; dev11: outpatient and community notes; dev12: life outside the hospital; dev13: inpatient services - ED, EMS, OR, L&D, psych, oncology, death, lab; all five written blind); untouched: scored once per change, its misses never read
TYPES = ("PATIENT", "CLINICIAN", "RELATIVE", "DATE", "FACILITY", "LOCATION", "PHONE", "ID", "EMAIL", "AGE")
IGNORED = ("YEAR",)  # neither PHI to find nor a mistake to mask (Safe Harbor lets years stay)


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    type: str  # one of TYPES or IGNORED
    text: str


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    patient: str
    genre: str
    text: str
    spans: tuple[Gold, ...]


def load(split: str) -> list[Note]:
    """Every note of a split, in file order; a span that does not match its text is an error."""
    if split not in SPLITS:
        raise ValueError(f"no split {split!r}; the splits are {', '.join(SPLITS)}")
    notes = []
    for number, line in enumerate((HERE / f"{split}.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        spans = tuple(Gold(s["start"], s["end"], s["type"], s["text"]) for s in row["spans"])
        for s in spans:
            if s.type not in TYPES + IGNORED or row["text"][s.start : s.end] != s.text:
                raise ValueError(f"{split}.jsonl line {number}: span {s.start}-{s.end} {s.type} does not match its text")
        notes.append(Note(row["id"], row["patient"], row["genre"], row["text"], spans))
    return notes


def by_patient(notes: list[Note]) -> list[list[Note]]:
    """Notes grouped by patient, in file order: one record, de-identified in one call."""
    ordered = sorted(notes, key=lambda n: n.patient)
    return [list(group) for _, group in groupby(ordered, key=lambda n: n.patient)]
