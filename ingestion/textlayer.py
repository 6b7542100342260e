"""The text of a PDF page's text layer, as pdfium gives it, made readable without moving an offset.

Each character of the text is the character with that index on pdfium's text page, so a span
maps straight to rectangles (ingestion/geometry.py), unless prose set in columns had to be put
in reading order (ingestion/columns.py): then the page's words carry their boxes. Everything
else here replaces one character with one character: control characters with spaces, pdfium's line-end hyphen mark with a hyphen
or a soft hyphen, the space across a table cell's gap with a tab; and it finds the table rows
that wrap over several lines (ingestion/rows.py) from the lines' boxes.
"""

from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingestion import columns, rows
from ingestion.models import SOFT_HYPHEN, Word

# Control characters pdfium emits (\r before \n, \x02 for soft hyphens), replaced one for one
# by a space so that text offsets stay character indices of the text page.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f\ufffe\uffff]")
# pdfium's mark for a hyphen that ended a line, the two halves already joined: "adip\ufffeiscing"
_LINE_HYPHEN = re.compile(r"([A-Za-z]+)\ufffe([A-Za-z]+)")
_SPACE_RUN = re.compile(r" +")
_JUSTIFIED_GAPS = 3  # gaps on a line before their evenness says justified prose rather than cells
_LINE = re.compile(r"[^\n]+")


def read(textpage: pdfium.PdfTextPage, height: float) -> tuple[str, list[tuple[int, int]], list[Word]]:
    """The page's text, its table rows that span several lines (start, end), and, when prose set
    in columns or a table's rows were rewritten in reading order (ingestion/columns.py), the box
    of every word."""
    pdfium_box = _Boxes(textpage)
    text, index = columns.reading_order(textpage.get_text_range(), pdfium_box)
    box = pdfium_box if index is None else columns.through(index, pdfium_box)
    text = _mark_columns(box, _CONTROL.sub(" ", _LINE_HYPHEN.sub(_hyphen, text)))
    text, moved = columns.table_order(text, box)
    if moved is not None:
        index = moved if index is None else [-1 if i < 0 else index[i] for i in moved]
        box = columns.through(index, pdfium_box)
    words = [] if index is None else columns.words(text, index, pdfium_box, height)
    return text, _rows(box, text), words


class _Boxes:
    """Character boxes, pdfium's call made with its out-parameters once: the helper's get_charbox
    makes four calls per character, and measuring a page's hundreds of gaps was half the time of
    reading it. Each box is asked for once: the column finder and the cell marker want the same ones."""

    def __init__(self, textpage: pdfium.PdfTextPage):
        self.raw = textpage.raw
        self.out = tuple(ctypes.c_double() for _ in range(4))
        self.seen: dict[int, tuple[float, float, float, float]] = {}

    def __call__(self, index: int) -> tuple[float, float, float, float]:
        """(left, right, bottom, top) of the character at `index`, in PDF points."""
        if (known := self.seen.get(index)) is not None:
            return known
        left, right, bottom, top = self.out
        if not pdfium_c.FPDFText_GetCharBox(self.raw, index, left, right, bottom, top):
            raise pdfium.PdfiumError("Failed to get charbox.")
        self.seen[index] = found = (left.value, right.value, bottom.value, top.value)
        return found


def _mark_columns(box: columns.Box, text: str) -> str:
    """Turn a space that spans a wide gap (between table cells) into a tab, in place.

    pdfium writes one space between table cells as between words; the gap on the page is
    what tells them apart, and a tab keeps every offset while telling the passage splitter
    that the line is a table row, not wrapped prose.
    """
    chars = list(text)
    gaps: list[list[tuple[int, float, float]]] = []  # per line as drawn: (space offset, gap, text height)
    line_start, last = -2, (0.0, 0.0)
    for match in _SPACE_RUN.finditer(text):
        before, after = match.start() - 1, match.end()
        if before < 0 or after >= len(text) or text[before] == "\n" or text[after] in "\n\t":
            continue
        _, gap_start, bottom, top = box(before)
        gap = box(after)[0] - gap_start
        # A new line of text, or of the page: a text line put in reading order holds several of the page's.
        start = text.rfind("\n", 0, match.start())
        if start != line_start or min(top, last[1]) <= max(bottom, last[0]) or gap < 0:
            gaps.append([])
        line_start, last = start, (bottom, top)
        if gap >= 0:  # else the space joins a wrapped line to the next, back at the column's left
            gaps[-1].append((match.start(), gap, top - bottom))
    for line in gaps:
        widths = [gap for _, gap, _ in line]
        # Justified prose widens every gap of its line alike, and not past a few letters: no cells.
        if len(line) >= _JUSTIFIED_GAPS and max(widths) <= 1.5 * max(min(widths), 0.1) and max(widths) < 4.0 * max(h for _, _, h in line):
            continue
        for at, gap, height in line:
            if rows.cell_gap(gap, height):
                chars[at] = "\t"
    return "".join(chars)


def _hyphen(m: re.Match[str]) -> str:
    """A line-end hyphen, one character as pdfium gave: a hyphen where both halves are words and
    the joined word is not ("well-known"), else a soft hyphen the prompt drops ("adipiscing",
    "hyper-tension" -> "hypertension")."""
    from ingestion.deid.lexicon import word_frequency

    left, right = m.group(1), m.group(2)
    joined = word_frequency((left + right).lower())
    keep = joined < 2.0 and word_frequency(left.lower()) >= 3.0 and word_frequency(right.lower()) >= 3.0
    return f"{left}{'-' if keep else SOFT_HYPHEN}{right}"


def _rows(box: columns.Box, text: str) -> list[tuple[int, int]]:
    """Table rows whose cells wrap over several lines, from the lines' boxes. Pages without two
    tabbed lines have no table and cost nothing more."""
    if text.count("\t") < 2:
        return []
    lines = []
    for m in _LINE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        first, last = box(start), box(end - 1)
        cells = (first[0], *(box(t + 1)[0] for t in range(start, end) if text[t] == "\t" and not text[t + 1].isspace())) \
            if "\t" in text[start:end] else ()
        lines.append(rows.Line(start, end, first[0], last[1], min(first[2], last[2]), max(first[3], last[3]), cells))
    return rows.table_rows(lines)
