"""Prose set in columns, read column by column when the PDF draws it line by line across the page.

pdfium gives a text layer's characters in the order the PDF draws them. Most producers draw a
column to its end before the next, and that reads right; some draw each line across the page,
left column then right, and pdfium then writes "left line 1  right line 1" on one line: every
sentence comes apart. Such a page has a gutter: a vertical strip free of ink down a run of lines
that have text on both sides of it, with prose (several words a line, lines that carry on in
lower case) in every column. Its lines are rewritten column after column.

The rewritten text is no longer pdfium's index order, so it comes with the pdfium index of each
of its characters, from which the page's word boxes are built (a citation's highlight, as for
OCR'd pages). Tables have gutters too, between short cells that do not carry on from line to
line; they keep their rows (ingestion/rows.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingestion.models import Word

Box = Callable[[int], tuple[float, float, float, float]]  # pdfium index -> (left, right, bottom, top)

LINE_HYPHEN = "\ufffe"  # pdfium's mark for a hyphen that ended a line, its halves joined
_WORD = re.compile(r"\S+")
_LINE = re.compile(r"[^\n]+")
MIN_LINES = 4  # lines with text on both sides of a gutter, before a page counts as set in columns
MIN_WORDS = 3.5  # mean words per column line: prose, not table cells
MIN_CARRY = 0.3  # share of column lines that carry on the line before (start in lower case)
_GUTTER = 0.6  # least gutter width, in line heights (a justified space stays narrower, and is not aligned)
_SPACE = 0.2  # a space between words, in line heights (a little under most fonts' own)
_SAME_LINE = 2.0  # points: two lines' tops closer than this are one line's
_PITCH = 2.8  # most distance between two lines of a run, in line heights (one blank line between paragraphs)


@dataclass(slots=True)
class _Line:
    words: list[tuple[int, int, float, float]]  # (start, end, left, right)
    bottom: float
    height: float


def reading_order(text: str, box: Box) -> tuple[str, list[int] | None]:
    """The text with each run of lines set in columns written column by column, and the pdfium
    index of each of its characters (-1 for a line break it adds); no index when nothing moved."""
    lines = _lines(text, box)
    runs = _runs(text, lines)
    if not runs:
        return text, None
    out: list[str] = []
    index: list[int] = []
    at = 0
    for first, last, gutters in runs:
        start, end = lines[first].words[0][0], lines[last].words[-1][1]
        out.append(text[at:start])
        index.extend(range(at, start))
        _write(text, lines[first : last + 1], gutters, out, index)
        at = end
    out.append(text[at:])
    index.extend(range(at, len(text)))
    return "".join(out), index


def table_order(text: str, box: Box) -> tuple[str, list[int] | None]:
    """The text with each table's rows (runs of lines with cells, as ingestion/textlayer.py marks
    them with tabs) top to bottom, whatever order the PDF drew them in: a header row drawn after its
    rows goes above them. The index of each character in `text`; none when nothing moved."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if not m.group().isspace()]
    runs: list[list[tuple[int, int]]] = [[]]
    for start, end in lines:
        if "\t" in text[start:end]:
            runs[-1].append((start, end))
        elif runs[-1]:
            runs.append([])
    out: list[str] = []
    index: list[int] = []
    at = 0
    for run in runs:
        tops = [box(start + len(text[start:end]) - len(text[start:end].lstrip()))[3] for start, end in run]
        order = sorted(range(len(run)), key=lambda k: -round(tops[k] / _SAME_LINE))
        if order == sorted(order):
            continue
        out.append(text[at : run[0][0]])
        index.extend(range(at, run[0][0]))
        for n, k in enumerate(order):
            start, end = run[k]
            out.append(text[start:end] + "\n" * (n + 1 < len(order)))
            index.extend([*range(start, end), *[-1] * (n + 1 < len(order))])
        at = run[-1][1]
    if not out:
        return text, None
    out.append(text[at:])
    index.extend(range(at, len(text)))
    return "".join(out), index


def through(index: list[int], box: Box) -> Box:
    """The box of a rewritten text's character, by way of its pdfium index."""
    return lambda at: box(index[at])


def words(text: str, index: list[int], box: Box, height: float) -> list[Word]:
    """A box per word of a rewritten text, the union of its characters' boxes (origin top-left
    on a page `height` points high): geometry highlights it as it does an OCR'd word."""
    found = []
    for m in _WORD.finditer(text):
        boxes = [box(index[i]) for i in range(m.start(), m.end()) if index[i] >= 0]
        if boxes:
            found.append(Word(m.start(), m.end(), min(b[0] for b in boxes), height - max(b[3] for b in boxes),
                              max(b[1] for b in boxes), height - min(b[2] for b in boxes), confidence=100.0))
    return found


def _lines(text: str, box: Box) -> list[_Line]:
    lines = []
    for m in _LINE.finditer(text):
        found = []
        bottom, top = float("inf"), float("-inf")
        for w in _WORD.finditer(m.group()):
            s, e = m.start() + w.start(), m.start() + w.end()
            left, _, b0, t0 = box(s)
            _, right, b1, t1 = box(e - 1)
            found.append((s, e, left, right))
            bottom, top = min(bottom, b0, b1), max(top, t0, t1)
        if found:
            lines.append(_Line(found, bottom, max(top - bottom, 1.0)))
    return lines


def _free(line: _Line) -> list[tuple[float, float]]:
    """The strips of the line free of ink, from far left to far right."""
    strips, at = [], float("-inf")
    for _, _, left, right in line.words:
        if left > at:
            strips.append((at, left))
        at = max(at, right)
    return [*strips, (at, float("inf"))]


def _inner(line: _Line, least: float) -> list[tuple[float, float]]:
    """The gaps between the line's words at least `least` wide: where a gutter could be."""
    return [(a, b) for a, b in _free(line)[1:-1] if b - a >= least]


def _intersect(strips: list[tuple[float, float]], free: list[tuple[float, float]], least: float) -> list[tuple[float, float]]:
    both = [(max(a, c), min(b, d)) for a, b in strips for c, d in free]
    return [(a, b) for a, b in both if b - a >= least]


def _runs(text: str, lines: list[_Line]) -> list[tuple[int, int, list[tuple[float, float]]]]:
    """(first line, last line, gutters) of each run of lines set in prose columns."""
    runs = []
    i = 0
    while i < len(lines):
        least = _GUTTER * lines[i].height
        gutters = _inner(lines[i], least)
        j = i
        while gutters and j + 1 < len(lines):
            pitch = lines[j].bottom - lines[j + 1].bottom
            if not 0 < pitch <= _PITCH * max(lines[j].height, lines[j + 1].height):
                break
            narrower = _intersect(gutters, _free(lines[j + 1]), least)
            if not narrower:
                break
            gutters, j = narrower, j + 1
        if gutters and _prose(text, lines[i : j + 1], gutters):
            runs.append((i, j, gutters))
        # A run that is not prose (a table) is left whole: no tail of it is read as columns.
        i = j + 1
    return runs


def _columns(line: _Line, gutters: list[tuple[float, float]]) -> list[list[tuple[int, int, float, float]]]:
    """The line's words in each column, left to right."""
    cells: list[list[tuple[int, int, float, float]]] = [[] for _ in range(len(gutters) + 1)]
    for word in line.words:
        cells[sum(word[2] >= b for _, b in gutters)].append(word)
    return cells


def _prose(text: str, lines: list[_Line], gutters: list[tuple[float, float]]) -> bool:
    """Enough lines with text across the gutters, and prose in every column: lines of several
    words that often carry on the line before it (a table's cells start afresh on each row)."""
    cells = [_columns(line, gutters) for line in lines]
    if sum(all(c) for c in cells) < MIN_LINES:
        return False
    carried = starts = 0
    for column in zip(*cells):
        filled = [c for c in column if c]
        if sum(len(c) for c in filled) < MIN_WORDS * len(filled):
            return False
        starts += len(filled) - 1
        carried += sum(text[c[0][0]].islower() for c in filled[1:])
    return carried >= MIN_CARRY * starts


def _write(text: str, lines: list[_Line], gutters: list[tuple[float, float]], out: list[str], index: list[int]) -> None:
    """The run's lines column by column. A column line the next one's first word would not have
    fitted on was wrapped: a space joins them, so that a narrow column's prose reads as prose; after
    a line-end hyphen, nothing and pdfium's own mark for that hyphen (resolved as pdfium's is, in
    ingestion/textlayer.py); else a line break."""
    cells = [_columns(line, gutters) for line in lines]
    for column in zip(*cells):
        filled = [(c, line.height) for c, line in zip(column, lines) if c]
        edge = max(c[-1][3] for c, _ in filled)
        for n, (cell, height) in enumerate(filled):
            start, end = cell[0][0], cell[-1][1]
            for i in range(start, end):
                out.append(" " if text[i] == "\t" else text[i])
                index.append(i)
            if n + 1 == len(filled):
                break
            first = filled[n + 1][0][0]
            if text[end - 1] == "-" and end - start > 1 and text[end - 2].isalpha() and text[first[0]].islower():
                out[-1] = LINE_HYPHEN
                continue
            wrapped = cell[-1][3] + _SPACE * height + (first[3] - first[2]) > edge
            out.append(" " if wrapped else "\n")
            index.append(-1)
        out.append("\n")
        index.append(-1)
    out.pop()
    index.pop()
