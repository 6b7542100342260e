"""Scoring of the extractive-sections set: the one loader of its JSONL parts, and per section how
many expected passages the extractive engine found and how many of its statements are right.

`benchmarks/extractive_sections.py` prints the figures; `tests/test_extractive_sections.py` holds the
tuned part to a floor. Both import this, so the test needs nothing from benchmarks/.
"""

from __future__ import annotations

import json
from pathlib import Path

from app.prompts import record_passages
from engine.extractive import summarize
from engine.summary_format import NOT_DOCUMENTED, SECTIONS

DATA = Path(__file__).resolve().parent


def load(part: str) -> list[dict]:
    with open(DATA / f"{part}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(records: list[dict], misses: list[str] | None = None) -> dict[str, list[int]]:
    """Per section: [found, expected, right statements, statements]."""
    counts = {s: [0, 0, 0, 0] for s in SECTIONS}
    for record in records:
        passages = record_passages(record["prompt"])  # what the app hands the engine with this prompt
        summary = summarize(passages)
        text = {p.id: p.text for p in passages}
        for section in summary.sections:
            expected = set(record["expected"].get(section.title, []))
            ok = expected | set(record["allowed"].get(section.title, []))
            cited = set()
            c = counts.setdefault(section.title, [0, 0, 0, 0])
            for st in section.statements:
                if st.text == NOT_DOCUMENTED:
                    continue
                cited.update(st.citations)
                c[3] += 1
                if ok & set(st.citations):
                    c[2] += 1
                elif misses is not None:
                    misses.append(f"{record['id']}  wrong in {section.title}: {st.text}")
            c[0] += len(expected & cited)
            c[1] += len(expected)
            if misses is not None:
                for pid in sorted(expected - cited, key=lambda p: int(p[1:])):
                    misses.append(f"{record['id']}  missed in {section.title}: [{pid}] {text.get(pid, '')}")
    return counts
