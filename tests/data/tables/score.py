"""Scoring of the table-row set: the one loader of its JSONL parts, and each body row's outcome
(one passage, split, or merged with another row) given a page's passages."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from tests.data.tables.render import other_text, rows

DATA = Path(__file__).resolve().parent


def load(part: str) -> list[dict]:
    with open(DATA / f"{part}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _bigrams(words: list[str]) -> set[tuple[str, str]]:
    return set(zip(words, words[1:]))


def _units(cells: list[str]) -> tuple[set[str], set[tuple[str, str]]]:
    """A row's words, and its adjacent word pairs within a cell and across neighbouring cells."""
    words = " ".join(cells).split()
    pairs = _bigrams(words)
    for cell in cells:
        pairs |= _bigrams(cell.split())
    return set(words), pairs


def classify(spec: dict, passages: list[str]) -> list[tuple[list[str], str, list[str]]]:
    """(cells, outcome, passages to show) for each body row of the page."""
    table_rows = rows(spec)
    units = [_units(cells) for cells in table_rows]
    rest_words, rest_pairs = set(), set()
    for text in other_text(spec):
        rest_words |= set(text.split())
        rest_pairs |= _bigrams(text.split())
    # what only row i has: in no other row and nowhere else on the page
    only: list[tuple[set[str], set[tuple[str, str]]]] = []
    for i, (words, pairs) in enumerate(units):
        other_words = rest_words.union(*(u[0] for j, u in enumerate(units) if j != i))
        other_pairs = rest_pairs.union(*(u[1] for j, u in enumerate(units) if j != i))
        only.append((words - other_words, pairs - other_pairs))
    split = [(Counter(p.split()), set(p.split()), _bigrams(p.split())) for p in passages]
    out = []
    for i, cells in enumerate(table_rows):
        need = Counter(" ".join(cells).split())
        whole = [k for k, (count, _, _) in enumerate(split) if not need - count]
        if not whole:
            mine = only[i][0] or set(need)
            touched = [passages[k] for k, (_, ws, _) in enumerate(split) if ws & mine]
            out.append((cells, "split", touched))
            continue

        def foreign(k: int) -> bool:
            _, ws, ps = split[k]
            return any(ws & only[j][0] or ps & only[j][1] for j in range(len(table_rows)) if j != i)

        clean = [k for k in whole if not foreign(k)]
        if clean:
            out.append((cells, "one", [passages[clean[0]]]))
        else:
            out.append((cells, "merged", [min((passages[k] for k in whole), key=len)]))
    return out


