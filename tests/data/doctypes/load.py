"""The one loader of the document type and date set: JSONL files, each checked on load."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = ("tuned", "dev", "untouched")  # untouched: scored once per change, its misses never read


def load(split: str) -> list[dict]:
    """The labelled files of a split: {"id", "pages": [text], "parts": [{first_page, last_page, type, date}]}."""
    if split not in SPLITS:
        raise ValueError(f"no split {split!r}; the splits are {', '.join(SPLITS)}")
    rows = [json.loads(line) for line in (HERE / f"{split}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        covered = [n for part in row["parts"] for n in range(part["first_page"], part["last_page"] + 1)]
        if covered != list(range(1, len(row["pages"]) + 1)):
            raise ValueError(f"{split}.jsonl {row['id']}: its parts do not cover its pages in order")
    return rows
