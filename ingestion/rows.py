"""Table rows that span several text lines, found by geometry: each becomes one passage.

A PDF's text layer writes a table cell that wraps as lines of its own: "Tab. Augmentin" /
"625mg" / "TABLET" / "Amoxicillin + Clavulanic acid", then "1 tab<TAB>1-0-1<TAB>After Food". Cut at
lines, a cited dose loses its drug. Three shapes join lines into one row, all read from the
lines' boxes (points, PDF coordinates: y grows upward):
- a line that rises back up the page sits beside lines written before it: a top- or
  middle-aligned row whose first cell wrapped ("1 tab  1-0-1" beside "Tab. Augmentin");
- lines in a row's first column just above it, tight and narrower than that column: its first
  cell wrapped above the rest ("Creatinine" above "Method: Jaffe  1.00  mg/dL");
- a line just below a row that starts at one of the table's later columns: a later cell wrapped
  (the columns are where the cells of the tabbed lines above start, the header's too).
Rows are contiguous stretches of the page text (start, end), so passages stay exact slices.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_CELL_GAP_PT = 12.0  # a gap between table cells is at least this wide (and twice the text's height)
_WINDOW = 12  # lines looked back for one that shares a line's height
_TIGHT = 1.6  # line gap within a cell, in line heights
_ALIGN = 3.0  # points: two columns start at the same x
_MAX_ABOVE = 8  # first-cell lines joined above a row


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # offsets of its text in the page text
    end: int
    x0: float
    x1: float
    bottom: float
    top: float
    cells: tuple[float, ...] = ()  # x where each tab-separated cell starts; () for a line without tabs

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)

    @property
    def center(self) -> float:
        return (self.top + self.bottom) / 2


def cell_gap(gap: float, height: float, least: float = MIN_CELL_GAP_PT) -> bool:
    """A gap between words wide enough to part two table cells (text layers and OCR alike):
    over twice the line's text height and `least` (points, or the pixels they make)."""
    return gap > max(least, 2.0 * height)


def table_rows(lines: list[Line]) -> list[tuple[int, int]]:
    """(start, end) of each group of two or more lines that form one table row, in order."""
    if sum(bool(line.cells) for line in lines) < 2:
        return []  # no table on the page: prose keeps its own lines
    group = list(range(len(lines)))  # each line's group: the index of its first line

    def join(first: int, last: int) -> None:
        head = group[first]
        for k in range(first, last + 1):
            group[k] = head

    for i, line in enumerate(lines):
        if i > 0 and line.center > lines[i - 1].top:
            # it rises back beside the row just written (a later cell, written after the row's
            # bottom-aligned first cell): that row's
            head = group[i - 1]
            if _in_row(lines, group, i - 1) and min(m.bottom for m in lines[head:i]) <= line.center <= max(m.top for m in lines[head:i]):
                join(head, i)
                continue
            # or beside lines written before it: the nearest of them since the last row, and the
            # first cell's lines above that one, are its row (top- or middle-aligned)
            since = max(max((k for k in range(max(0, i - _WINDOW), i) if lines[k].cells), default=-1) + 1, i - _WINDOW, 0)
            if since < i and _near_table(lines, line):
                j = min(range(since, i), key=lambda k: abs(lines[k].center - line.center))
                k = group[j]
                while k > since and _first_cell_above(lines[k - 1], lines[k], lines[k]):
                    k -= 1
                join(k, i)
                continue
        if i > 0 and _in_row(lines, group, i - 1) and _later_cell_below(line, lines[i - 1], _columns(lines, i)):
            join(group[i - 1], i)  # it starts at a later column, with or without cells of its own
            continue
        if line.cells and len(line.cells) > 1:
            # first-cell lines just above the row
            k = i
            while k > 0 and i - k < _MAX_ABOVE and _first_cell_above(lines[k - 1], lines[k], line):
                k -= 1
            if k < i and _had_row_before(lines, k):
                join(group[k], i)
    spans, i = [], 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and group[j + 1] == group[i]:
            j += 1
        if j > i:
            spans.append((lines[i].start, lines[j].end))
        i = j + 1
    return spans


def _overlap(a: Line, b: Line) -> float:
    return min(a.top, b.top) - max(a.bottom, b.bottom)


def _tight(upper: Line, lower: Line) -> bool:
    return 0 <= upper.bottom - lower.top <= _TIGHT * lower.height or _overlap(upper, lower) > 0


def _first_cell_above(above: Line, below: Line, row: Line) -> bool:
    """`above` is a wrapped part of `row`'s first cell: no tabs, same left edge, inside the column."""
    inside = len(row.cells) < 2 or above.x1 < row.cells[1] - _ALIGN
    return not above.cells and abs(above.x0 - row.x0) <= _ALIGN and inside and _tight(above, below)


def _later_cell_below(line: Line, above: Line, columns: list[float]) -> bool:
    """`line` continues a later cell of the row `above` ends: it starts at one of the table's
    columns other than the first, just below."""
    return any(abs(line.x0 - x) <= _ALIGN for x in columns) and _tight(above, line)


def _columns(lines: list[Line], i: int) -> list[float]:
    """Where the table's later columns start: the cells of the tabbed lines (its header too) above."""
    return [x for line in lines[max(0, i - 3 * _WINDOW) : i] for x in line.cells[1:]]


def _near_table(lines: list[Line], line: Line) -> bool:
    """A tabbed line within a wrapped cell's reach of `line`: the top of a second column of prose
    drawn after the first rises back up the page too, far from any table."""
    return any(other.cells and abs(other.center - line.center) <= _MAX_ABOVE * 1.5 * line.height for other in lines)


def _in_row(lines: list[Line], group: list[int], k: int) -> bool:
    """Line k belongs to a table row: its group holds a line with cells."""
    return any(lines[m].cells for m in range(group[k], k + 1))


def _had_row_before(lines: list[Line], k: int) -> bool:
    """A row above the joined lines: the row is not a table's header under its title."""
    return any(line.cells for line in lines[max(0, k - _WINDOW) : k])
