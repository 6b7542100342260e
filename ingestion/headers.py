"""Which header row each table row sits under, so a prompt can show a row with its column names.

A cited row ("Creatinine  1.00  mg/dL  0.70 - 1.30") is its own passage, and its header row
("Test  Result  Units  Reference range") is another: wherever the two end up apart (further down
a long table, the next page, the next prompt, or a header a PDF draws after its rows), the row
alone does not say which number is the result and which the range. The header goes beside the
row in the prompt as context, never into the row's passage (a citation quotes the row alone).

A table is a run of passages with cells (tabs, wide spaces or Markdown bars); its header is the
run's first or last row when that row names columns (short cells, no digits) and the other rows
hold values (digits); two cells ("Ward  Cardiology") are a form's label and value as often as
columns, so a header names three or more. A table at the top of a page that has no header of its own continues the
previous page's last table when it has as many cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_CELL_GAP = re.compile(r"\t+| {3,}")
_RULE = re.compile(r":?-{2,}:?")  # a Markdown table's rule row: "|---|---|"
MAX_HEADER_WORDS = 4  # words in one header cell: "Reference range", "Date of service"
MIN_COLUMNS = 3  # a header names three columns or more: two cells are as often a form's label and value


def cells(text: str) -> list[str]:
    """The cells of a passage's first line; one cell when it is not a table row."""
    line = text.strip().split("\n", 1)[0].strip()
    parts = line.strip("|").split("|") if line.startswith("|") else _CELL_GAP.split(line)
    return [c.strip() for c in parts if c.strip()]


def _is_rule(row: list[str]) -> bool:
    return all(_RULE.fullmatch(c) for c in row)


def _names_columns(row: list[str]) -> bool:
    """Column names: short cells of words, no digits, no "Label:" (a form's field and its value)."""
    return len(row) >= MIN_COLUMNS and all(c[0].isalpha() and not c.endswith(":") and len(c.split()) <= MAX_HEADER_WORDS
               and not any(ch.isdigit() for ch in c) for c in row)


def of_pages(pages: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[list[tuple[int, int] | None]]:
    """For each page (its text and passage spans) of one document, each span's header row: the
    (page index, span index) of the header of the table the span is a body row of, else None."""
    found: list[list[tuple[int, int] | None]] = []
    carried: tuple[int, int] | None = None  # the header of the table the previous page ended with
    for number, (text, spans) in enumerate(pages):
        rows = [cells(text[s:e]) for s, e in spans]
        headers: list[tuple[int, int] | None] = [None] * len(spans)
        runs = _runs(rows)
        for n, run in enumerate(runs):
            body = [i for i in run if not _is_rule(rows[i])]
            header = next((i for i in (body[0], body[-1]) if _names_columns(rows[i])), None)
            values = [i for i in body if i != header]
            if header is not None and 2 * sum(any(ch.isdigit() for c in rows[i] for ch in c) for i in values) >= len(values):
                for i in values:
                    headers[i] = (number, header)
            elif n == 0 and carried is not None and len(rows[body[0]]) == _width(pages, carried):
                for i in body:
                    headers[i] = carried
        found.append(headers)
        carried = next((headers[i] for i in runs[-1] if headers[i]), None) if runs else None
    return found


def _width(pages: Sequence[tuple[str, Sequence[tuple[int, int]]]], at: tuple[int, int]) -> int:
    text, spans = pages[at[0]]
    return len(cells(text[slice(*spans[at[1]])]))


def _runs(rows: list[list[str]]) -> list[list[int]]:
    """Runs of two or more consecutive table rows (passages of two or more cells)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, row in enumerate([*rows, []]):
        if len(row) >= 2:
            current.append(i)
            continue
        if len([j for j in current if not _is_rule(rows[j])]) >= 2:
            runs.append(current)
        current = []
    return runs
