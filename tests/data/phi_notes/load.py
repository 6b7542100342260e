"""The one loader of the PHI notes: synthetic, messy clinical notes with exact gold spans.

`notes.jsonl` holds one note a line, `{"id", "kind", "split", "text", "spans": [{"start", "end",
"type", "text"}]}`; `make.py` beside it wrote it (its docstring gives the labelling rules) and
rewrites it only when the corpus is meant to change. Dev and held-out notes of a kind come from
different writers, so tuning on dev cannot memorise the held-out phrasing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FILE = Path(__file__).resolve().parent / "notes.jsonl"
SPLITS = ("dev", "heldout")


@dataclass(frozen=True)
class PhiSpan:
    start: int
    end: int
    entity_type: str
    value: str


@dataclass(frozen=True)
class Note:
    id: str
    kind: str
    split: str
    text: str
    spans: tuple[PhiSpan, ...]


@cache
def _all() -> tuple[Note, ...]:
    out = []
    for number, line in enumerate(FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        spans = tuple(PhiSpan(s["start"], s["end"], s["type"], s["text"]) for s in row["spans"])
        for s in spans:
            if row["text"][s.start : s.end] != s.value:
                raise ValueError(f"{FILE.name} line {number}: span {s.start}-{s.end} {s.entity_type} does not match its text")
        out.append(Note(row["id"], row["kind"], row["split"], row["text"], spans))
    return tuple(out)


def notes(split: str | None = None) -> list[Note]:
    """The corpus (or one split of it), in file order."""
    if split not in (None, *SPLITS):
        raise ValueError(f"split must be one of {SPLITS} or None, not {split!r}")
    return [n for n in _all() if split in (None, n.split)]


def as_row(note: Note) -> dict:
    """A note as its line of notes.jsonl."""
    return {"id": note.id, "kind": note.kind, "split": note.split, "text": note.text,
            "spans": [{"start": s.start, "end": s.end, "type": str(s.entity_type), "text": s.value} for s in note.spans]}
