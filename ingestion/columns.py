"""Prose set in columns, read column by column whatever order the PDF draws its lines in.

pdfium gives a text layer's characters in the order the PDF draws them. Some producers draw each
line across the page, left column then right, and pdfium then writes "left line 1  right line 1"
on one line (after a line-end hyphen it even runs on into whichever line was drawn next): every
sentence comes apart. Others draw a column to its end, and a narrow column's short lines then read
as headings. So the page's lines are rebuilt from the word boxes (pieces of text on one baseline,
grouped with the other columns' pieces beside them, a little off their baseline or not), and a
run of them that has a gutter (a vertical strip free of ink, text on both sides) with prose in
every column (lines of several words that start at the column's edge, mostly reach its other
edge, and often carry on in lower case) is rewritten column after column, a wrapped line joined
to the next by a space.

The rewritten text is no longer pdfium's index order, so it comes with the pdfium index of each
of its characters, from which the page's word boxes are built (a citation's highlight, as for
OCR'd pages). Tables have gutters too, between cells that start at several places, stop short
and do not carry on; they keep their rows (ingestion/rows.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingestion.models import Word

Box = Callable[[int], tuple[float, float, float, float]]  # pdfium index -> (left, right, bottom, top)

LINE_HYPHEN = "\ufffe"  # pdfium's mark for a hyphen that ended a line, its halves joined
_WORD = re.compile(r"\S+")
_WORD_PIECE = re.compile(r"[^\s\ufffe]+\ufffe?")  # a word; a hyphenated one's first half ends at pdfium's mark
_SAME_LINE_SHARE = 0.5  # two words whose bottoms differ by less than half a line height share a line
_OVERLAP = 0.3  # two pieces whose heights overlap by this share of the lower one are one line's
_LINE = re.compile(r"[^\n]+")
MIN_LINES = 4  # lines with text on both sides of a gutter, before a page counts as set in columns
MIN_WORDS = 3.5  # mean words per column line: prose, not table cells
MIN_ALIGNED = 0.6  # share of a column's lines that start at its left edge (the rest: indents, centred headings)
_ALIGN = 2.0  # points: two lines start at the same x
MAX_WIDE = 0.2  # share of column lines with a gap inside as wide as the gutter (a justified line may have one)
MIN_FULL = 0.5  # share of a column's lines that reach near its right edge (wrapped prose fills its column)
_FULL = 0.75  # ... that is, this share of its width
MIN_CARRY = 0.3  # share of column lines that carry on the line before (start in lower case)
_GUTTER = 0.6  # least gutter width, in line heights (a justified space stays narrower, and is not aligned)
_SPACE = 0.2  # a space between words, in line heights (a little under most fonts' own)
_SAME_LINE = 2.0  # points: two lines' tops closer than this are one line's
_PARAGRAPH = 1.3  # a gap between a column's lines this many times their usual one starts a paragraph
_PITCH = 2.8  # most distance between two lines of a run, in line heights (one blank line between paragraphs)


@dataclass(slots=True)
class _Line:
    """A line as drawn: pieces of text (pdfium's own lines, or parts of them) that share a baseline."""

    words: list[tuple[int, int, float, float]]  # (start, end, left, right), left to right
    bottom: float
    height: float
    pieces: list[int]  # the pieces it is made of, by number in text order
    base: dict[int, float]  # each word's own baseline, by its start (one column's may sit off another's)


def reading_order(text: str, box: Box) -> tuple[str, list[int] | None]:
    """The text with each run of lines set in columns written column by column, and the pdfium
    index of each of its characters (-1 for a space or line break it adds); no index when no run
    was found. Text outside the runs keeps pdfium's order, and a run is written where its first
    piece was."""
    pieces = _pieces(text, box)
    lines = _lines(pieces)
    runs = _runs(text, lines)
    if not runs:
        return text, None
    run_of = {}
    for n, (first, last, _) in enumerate(runs):
        for line in lines[first : last + 1]:
            run_of.update(dict.fromkeys(line.pieces, n))
    out: list[str] = []
    index: list[int] = []
    at = 0
    for number, (words, _, _) in enumerate(pieces):
        start, end = words[0][0], words[-1][1]
        run = run_of.get(number)
        if run is None:
            out.append(text[at:end])
            index.extend(range(at, end))
        elif runs[run] is not None:
            out.append(text[at:start])
            index.extend(range(at, start))
            first, last, gutters = runs[run]
            _write(text, lines[first : last + 1], gutters, out, index)
            out.append("\n")
            index.append(-1)
            runs[run] = None  # written
        at = end
    out.append(text[at:])
    index.extend(range(at, len(text)))
    return "".join(out), index


def _pieces(text: str, box: Box) -> list[tuple[list[tuple[int, int, float, float]], float, float]]:
    """Runs of words in text order on one baseline, left to right: (words, bottom, height).
    pdfium's line breaks do not say where a line ends when lines are drawn across columns (after a
    line-end hyphen it writes the next line drawn, whichever column it is in, straight on), so a
    word lower or higher than the one before, or back to its left, starts a piece, and so does a
    word after pdfium's hyphen mark."""
    pieces: list[tuple[list[tuple[int, int, float, float]], float, float]] = []
    words: list[tuple[int, int, float, float]] = []
    bottoms: list[float] = []
    tops: list[float] = []
    for w in _WORD_PIECE.finditer(text):
        s, e = w.start(), w.end()
        left, _, b0, t0 = box(s)
        _, right, b1, t1 = box(e - 1)
        bottom, top = max(b0, b1), max(t0, t1)  # the higher bottom: a descender's is not the baseline
        if words and (abs(bottom - bottoms[-1]) > _SAME_LINE_SHARE * max(tops[-1] - bottoms[-1], top - bottom, 1.0)
                      or left < words[-1][3] - _ALIGN or text[words[-1][1] - 1] == LINE_HYPHEN):
            pieces.append(_piece(words, bottoms, tops))
            words, bottoms, tops = [], [], []
        words.append((s, e, left, right))
        bottoms.append(bottom)
        tops.append(top)
    if words:
        pieces.append(_piece(words, bottoms, tops))
    return pieces


def _piece(words, bottoms: list[float], tops: list[float]):
    """Its baseline (most words' bottom) and its height up to its tallest letters (a line of
    lower-case words is no lower than one with capitals)."""
    bottom = sorted(bottoms)[len(bottoms) // 2]
    return words, bottom, max(max(tops) - bottom, 1.0)


def _lines(pieces) -> list[_Line]:
    """The pieces grouped into lines, top of the page first: a piece joins a line it overlaps
    in height and not in width (two columns' lines drawn apart, or a little off each other's
    baseline, as a heading in one column sets the other off)."""
    order = sorted(range(len(pieces)), key=lambda n: -(pieces[n][1] + pieces[n][2] / 2))
    lines: list[_Line] = []
    for n in order:
        words, bottom, height = pieces[n]
        line = lines[-1] if lines else None
        if line is not None and min(line.bottom + line.height, bottom + height) - max(line.bottom, bottom) \
                >= _OVERLAP * min(line.height, height) and not _crosses(line.words, words):
            line.words = sorted(line.words + words, key=lambda w: w[2])
            line.pieces.append(n)
            line.base.update((w[0], bottom) for w in words)
        else:
            lines.append(_Line(list(words), bottom, height, [n], {w[0]: bottom for w in words}))
    return lines


def _crosses(a: list[tuple[int, int, float, float]], b: list[tuple[int, int, float, float]]) -> bool:
    return a[0][2] < b[-1][3] and b[0][2] < a[-1][3]


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
            i = j + 1
        else:  # not prose (a table), or a gap of a title above the columns that their gutter ends
            i += 1
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
    gutter = min(b - a for a, b in gutters)
    wide = sum(any(b[2] - a[3] >= gutter for a, b in zip(c, c[1:])) for row in cells for c in row)
    if wide > MAX_WIDE * sum(bool(c) for row in cells for c in row):
        return False  # gaps inside the columns as wide as the gutter: cells of a table, not a page's columns
    carried = starts = 0
    for column in zip(*cells):
        filled = [c for c in column if c]
        if sum(len(c) for c in filled) < MIN_WORDS * len(filled):
            return False
        lefts = sorted(c[0][2] for c in filled)
        margin = lefts[len(lefts) // 4]  # the column's left edge (a quarter of its lines may be indented)
        if sum(abs(x - margin) <= _ALIGN for x in lefts) < MIN_ALIGNED * len(lefts):
            return False  # lines that start at several places: the cells of a table's columns
        edge = max(c[-1][3] for c in filled)
        if sum(c[-1][3] >= margin + _FULL * (edge - margin) for c in filled) < MIN_FULL * len(filled):
            return False  # most lines short of the column's edge: a table's cells, not wrapped prose
        starts += len(filled) - 1
        carried += sum(text[c[0][0]].islower() for c in filled[1:])
    return carried >= MIN_CARRY * starts


def _cell(text: str, cell: list[tuple[int, int, float, float]], out: list[str], index: list[int]) -> None:
    """A column's words on one line, with the spaces between them (one of its own where they came
    from two of pdfium's lines)."""
    at = None
    for s, e, _, _ in cell:
        if at is not None:
            between = text[at:s]
            if at < s and between.isspace() and "\n" not in between:
                out.extend(" " * len(between))
                index.extend(range(at, s))
            else:
                out.append(" ")
                index.append(-1)
        out.extend(text[s:e])
        index.extend(range(s, e))
        at = e


def _write(text: str, lines: list[_Line], gutters: list[tuple[float, float]], out: list[str], index: list[int]) -> None:
    """The run's lines column by column. A column line the next one's first word would not have
    fitted on was wrapped: a space joins them, so that a narrow column's prose reads as prose; after
    a line-end hyphen (a column's last line's too), nothing and pdfium's own mark for that hyphen
    (resolved as pdfium's is, in ingestion/textlayer.py); else, and before a wider gap than the
    column's lines keep (a new paragraph or a heading), a line break."""
    cells = [_columns(line, gutters) for line in lines]
    flow = []  # (cell, its line, the next cell in the same column and its line or None, the column's edge, its pitch)
    for column in zip(*cells):
        filled = [(c, line) for c, line in zip(column, lines) if c]
        edge = max(c[-1][3] for c, _ in filled)
        pitches = sorted(a.base[c[0][0]] - b.base[d[0][0]] for (c, a), (d, b) in zip(filled, filled[1:]))
        pitch = pitches[len(pitches) // 2] if pitches else 0.0
        for n, (cell, line) in enumerate(filled):
            below = filled[n + 1] if n + 1 < len(filled) else None
            flow.append((cell, line, below, edge, pitch))
    for k, (cell, line, below, edge, pitch) in enumerate(flow):
        _cell(text, cell, out, index)
        if k + 1 == len(flow):
            break
        start, end = cell[0][0], cell[-1][1]
        first = flow[k + 1][0][0]
        if text[end - 1] == LINE_HYPHEN:  # pdfium marked the hyphen: its halves join as pdfium's do
            continue
        if text[end - 1] == "-" and end - start > 1 and text[end - 2].isalpha() and text[first[0]].islower():
            out[-1] = LINE_HYPHEN
            continue
        wrapped = below is not None and line.base[start] - below[1].base[first[0]] <= _PARAGRAPH * pitch \
            and cell[-1][3] + _SPACE * line.height + (first[3] - first[2]) > edge
        out.append(" " if wrapped else "\n")
        index.append(-1)
