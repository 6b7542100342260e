"""Scanned pages: Tesseract reads a page image into text, word boxes and a confidence.

A page fed in sideways or upside down reads as garbage at 40-45 % confidence, which is above
the loader's floor. So a page whose reading looks wrong (low confidence, or words taller than
wide: Tesseract read a sideways page as vertical lines) gets Tesseract's orientation detection
(OSD), is turned upright and read again. OSD is only run then: it takes longer than the OCR
itself (1 s against 0.6 s for a 200 dpi page), and most pages are upright.

The boxes always refer to the page as given (as the file renders it), not to the upright
image: the source panel draws highlights on the file's own rendering, and a turn by a multiple
of 90 degrees maps a box to a box exactly. `rotation` records the turn, for a viewer that
wants to show the page upright (it turns the rendering and the boxes alike).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image

from ingestion.errors import OcrUnavailable
from ingestion.models import Word
from ingestion.rows import MIN_CELL_GAP_PT, cell_gap

log = logging.getLogger(__name__)

# Tesseract's OpenMP threads made one page five times slower on the 2-core machines we
# measured (6.7 s against 1.2 s); parallelism comes from the loader's processes instead. The
# limit goes to Tesseract's environment only: in ours, it would cap the OpenMP runtime of a
# torch imported later, and vLLM's CPU kernels then returned garbage.
_TESSERACT_ENV = {"OMP_THREAD_LIMIT": "1"}
# OSD's "rotate" is the clockwise turn that makes the page upright; PIL's transposes turn counterclockwise.
_UPRIGHT = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
# OSD's orientation confidence on a page of text is 2-20; below 1 it is a guess (a few characters, noise).
_MIN_OSD_CONFIDENCE = 1.0
# A re-read upright that is a little less confident than a sideways reading Tesseract managed
# anyway is still the better one: it reads in lines, as the page was written.
_SIDEWAYS_MARGIN = 5.0


@dataclass(frozen=True, slots=True)
class OcrPage:
    text: str
    words: list[Word]
    confidence: float | None  # mean word confidence 0-100; None when no word was read
    rotation: int = 0  # degrees clockwise the page was turned to read it; boxes stay on the page as given


def ocr_image(
    image: Image.Image,
    dpi: float,
    language: str,
    timeout_s: float,
    command: str | None = None,
    check_below: float = 0.0,
) -> OcrPage:
    """OCR one page image; boxes come back in points (1/72 inch), origin top-left.

    The text is rebuilt from Tesseract's words (one space between words, a tab across a wide
    gap, a newline between lines, a blank line between paragraphs) so that each word's span in
    it is known exactly; a table Tesseract read column by column is put back row by row.
    A reading with mean confidence below `check_below`, or one of sideways words, has its
    orientation detected and, if the page is turned, is read again upright. `timeout_s` covers
    all of it. Raises OcrUnavailable when Tesseract is not installed (pytesseract's own error
    does not pickle back from a worker), RuntimeError when it times out.
    """
    if image.mode not in ("L", "1", "RGB"):
        image = image.convert("RGB")
    end = time.monotonic() + timeout_s
    with _tesseract(command):
        first = _read(image, dpi, language, end)
        sideways = _sideways(first.words)
        if not sideways and first.confidence is not None and first.confidence >= check_below:
            return first
        turn = _orientation(image, dpi, end)
        if not turn:
            return first
        second = _read(image.transpose(_UPRIGHT[turn]), dpi, language, end, turn, image.size)
    log.debug("ocr turned=%d confidence %s -> %s", turn, first.confidence, second.confidence)
    if second.confidence is None:
        return first
    if first.confidence is None or second.confidence >= first.confidence - (_SIDEWAYS_MARGIN if sideways else 0.0):
        return second
    return first


@contextlib.contextmanager
def _tesseract(command: str | None) -> Iterator[None]:
    """pytesseract takes its command and environment from module globals (one OCR at a time per process)."""
    import pytesseract  # imports pandas: 0.3 s that an app or CLI start without a scan need not pay

    module = pytesseract.pytesseract
    before = module.tesseract_cmd, module.environ
    if command:
        module.tesseract_cmd = command
    module.environ = {**_TESSERACT_ENV, **os.environ}  # a limit set by the user wins
    try:
        yield
    except (pytesseract.TesseractNotFoundError, OSError):  # OSError: there, but not a program we may run
        raise OcrUnavailable() from None
    finally:
        module.tesseract_cmd, module.environ = before


def _left(end: float) -> float:
    """Seconds left before `end`; RuntimeError (as pytesseract's timeout) when none are."""
    left = end - time.monotonic()
    if left <= 0:
        raise RuntimeError("Tesseract process timeout")
    return left


def _orientation(image: Image.Image, dpi: float, end: float) -> int:
    """The clockwise turn (90, 180, 270) that makes the page upright, or 0: upright, or OSD could not tell."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(
            image, config=f"--dpi {round(dpi)}", output_type=pytesseract.Output.DICT, timeout=_left(end)
        )
    except pytesseract.TesseractError:  # too few characters to tell, or no osd data installed
        return 0
    turn = int(osd.get("rotate", 0)) % 360
    if turn not in _UPRIGHT or float(osd.get("orientation_conf", 0.0)) < _MIN_OSD_CONFIDENCE:
        return 0
    return turn


def _sideways(words: list[Word]) -> bool:
    """Most words of three or more letters are taller than wide: the lines run down the page."""
    boxes = [w for w in words if w.end - w.start >= 3]
    return len(boxes) >= 3 and sum(w.y1 - w.y0 > w.x1 - w.x0 for w in boxes) * 2 > len(boxes)


def _read(
    image: Image.Image, dpi: float, language: str, end: float, turn: int = 0, size: tuple[int, int] = (0, 0)
) -> OcrPage:
    """One Tesseract pass over `image`; with `turn`, the image is the page of `size` turned upright."""
    import pytesseract

    data = pytesseract.image_to_data(image, lang=language, output_type=pytesseract.Output.DICT, timeout=_left(end))
    tokens: list[_Token] = []
    for i, raw in enumerate(data["text"]):
        token = raw.strip()
        conf = float(data["conf"][i])
        if not token or conf < 0:
            continue
        left, top = data["left"][i], data["top"][i]
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        tokens.append(_Token(token, conf, left, top, left + data["width"][i], top + data["height"][i], key))
    to_pt = 72.0 / dpi
    parts: list[str] = []
    words: list[Word] = []
    pos = 0
    for sep, tok in _reading_order(tokens, min_tab=MIN_CELL_GAP_PT / to_pt):
        parts += (sep, tok.text)
        pos += len(sep)
        box = _unturn((tok.left, tok.top, tok.right, tok.bottom), turn, *size)
        words.append(Word(pos, pos + len(tok.text), *(v * to_pt for v in box), confidence=tok.conf))
        pos += len(tok.text)
    confidence = sum(w.confidence for w in words) / len(words) if words else None
    return OcrPage("".join(parts), words, confidence, turn)


# Reading order. Tesseract's page layout analysis (--psm 3, its default) cuts a table whose
# columns stand apart into one block or paragraph per column (or per cell), and reads them one
# after another: every test name, then every result. So side-by-side paragraphs are put back
# together by their boxes, under one rule:
#
#   Paragraphs whose lines sit beside each other (overlapping vertically by half the smaller
#   height, apart horizontally) are linked, unless one of them is in a block of prose. A linked
#   set is a table, read row by row (top to bottom, each row left to right), where the first of
#   its paragraphs was read. On a two-column page of prose it takes two such rows to make one.
#   Everything else keeps Tesseract's order.
#
# Prose: a block of three or more lines whose lines hold, as a median, five or more words between
# wide gaps; a table column is a name, a number, a unit or a range. Two genuine columns of prose
# line up row by row (same font, same leading), so row alignment alone cannot tell them from a
# table; the prose test does, and it also keeps a heading, a list or a table in one column of a
# two-column page from being threaded into the prose beside it. A two-column page (two prose
# blocks side by side) asks for two rows, not one: a heading level with the other column's
# heading is not a table row, while on other pages one row of cells Tesseract cut apart
# ("Sodium", "141", "mmol/L" as three blocks) is. Tesseract's own single-block modes (--psm 4,
# 6) keep table rows together as well, but run the lines of a two-column page into each other
# (benchmarks/ocr_rows.py), and the geometry costs a millisecond, not a second Tesseract pass.
_PROSE_WORDS = 5  # median words per cell of a prose block's lines
_PROSE_LINES = 3
_ROW_OVERLAP = 0.5  # share of the smaller height two lines overlap by to be one row
_MIN_ROWS_TWO_COLUMNS = 2  # rows with lines beside each other that make a table on a two-column page


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    conf: float
    left: int
    top: int
    right: int
    bottom: int
    line: tuple[int, int, int]  # Tesseract's (block, paragraph, line)


@dataclass(slots=True)
class _Line:
    tokens: list[_Token]
    top: int
    bottom: int
    left: int
    right: int

    @classmethod
    def of(cls, tokens: list[_Token]) -> _Line:
        return cls(
            tokens,
            min(t.top for t in tokens),
            max(t.bottom for t in tokens),
            min(t.left for t in tokens),
            max(t.right for t in tokens),
        )


def _height(tokens: list[_Token]) -> float:
    """The text height of a line: the median word height (a word with a descender is taller)."""
    heights = sorted(t.bottom - t.top for t in tokens)
    return float(heights[len(heights) // 2])


def _separators(tokens: list[_Token], min_tab: float) -> list[str]:
    """What goes before each word of a line: a tab across a wide gap (a table cell boundary:
    over twice the line's text height and `min_tab` pixels), else a space; "" before the first."""
    height = _height(tokens)
    return [""] + ["\t" if cell_gap(b.left - a.right, height, min_tab) else " " for a, b in itertools.pairwise(tokens)]


def _prose(lines: list[_Line], min_tab: float) -> bool:
    """A block of lines of running text: several lines, with many words between wide gaps."""
    if len(lines) < _PROSE_LINES:
        return False
    cells = []
    for line in lines:
        longest = run = 1
        for sep in _separators(line.tokens, min_tab)[1:]:
            run = 1 if sep == "\t" else run + 1
            longest = max(longest, run)
        cells.append(longest)
    return sorted(cells)[len(cells) // 2] >= _PROSE_WORDS


def _same_row(a: _Line, b: _Line) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap >= _ROW_OVERLAP * min(a.bottom - a.top, b.bottom - b.top)


def _reading_order(tokens: list[_Token], min_tab: float) -> list[tuple[str, _Token]]:
    """The words in reading order, each with the separator that goes before it.

    Tesseract's paragraphs keep its order, their lines and words too; paragraphs that sit side
    by side as the columns of a table become one run of rows (see above), where the first of
    them was. Lines end with a newline, paragraphs with a blank line, as Tesseract reads them;
    a wide gap between two words of a line is a tab.
    """
    by_line: dict[tuple[int, int, int], list[_Token]] = {}
    for token in tokens:
        by_line.setdefault(token.line, []).append(token)
    paragraphs: dict[tuple[int, int], list[_Line]] = {}
    blocks: dict[int, list[_Line]] = {}
    owner: dict[int, tuple[int, int]] = {}  # id of a line -> its paragraph
    for (block, par, _), words in by_line.items():
        line = _Line.of(words)
        paragraphs.setdefault((block, par), []).append(line)
        blocks.setdefault(block, []).append(line)
        owner[id(line)] = (block, par)
    prose = {block for block, lines in blocks.items() if _prose(lines, min_tab)}
    columns = [_Line.of([t for line in blocks[block] for t in line.tokens]) for block in prose]
    two_columns = any(_side_by_side(a, b) for a, b in itertools.combinations(columns, 2))
    min_rows = _MIN_ROWS_TWO_COLUMNS if two_columns else 1
    parent = {k: k for k in paragraphs}

    def root(k: tuple[int, int]) -> tuple[int, int]:
        while parent[k] != k:
            parent[k] = k = parent[parent[k]]
        return k

    # Link paragraphs with lines beside each other: the lines sorted by top, each is checked
    # against the lines that start above its bottom.
    candidates = [line for k, lines in paragraphs.items() if k[0] not in prose for line in lines]
    candidates.sort(key=lambda line: line.top)
    for i, a in enumerate(candidates):
        for b in candidates[i + 1 :]:
            if b.top >= a.bottom:
                break
            p, q = owner[id(a)], owner[id(b)]
            if p != q and _beside(a, b):
                parent[root(q)] = root(p)
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for k in paragraphs:
        groups.setdefault(root(k), []).append(k)
    tables: dict[tuple[int, int], list[list[_Line]]] = {}  # first paragraph -> the table's rows
    for members in groups.values():
        rows = _rows([line for k in members for line in paragraphs[k]]) if len(members) > 1 else []
        if sum(len(row) > 1 for row in rows) >= min_rows:
            tables[members[0]] = rows
    in_table = {k for k in paragraphs if len(groups[root(k)]) > 1 and groups[root(k)][0] in tables}
    out: list[tuple[str, _Token]] = []
    for k, lines in paragraphs.items():  # in Tesseract's order; a table where its first paragraph was
        if k in tables:
            rows = tables[k]
        elif k in in_table:
            continue
        else:
            rows = [[line] for line in lines]
        for r, row in enumerate(rows):
            row_tokens = [t for line in sorted(row, key=lambda line: line.left) for t in line.tokens]
            for n, (sep, token) in enumerate(zip(_separators(row_tokens, min_tab), row_tokens)):
                if n == 0:
                    sep = "" if not out else ("\n" if r else "\n\n")
                out.append((sep, token))
    return out


def _beside(a: _Line, b: _Line) -> bool:
    """Two lines in one row of a table: level with each other, apart horizontally."""
    return _same_row(a, b) and (a.right <= b.left or b.right <= a.left)


def _side_by_side(a: _Line, b: _Line) -> bool:
    """Two blocks (as one box each) next to each other: overlapping vertically, apart horizontally."""
    return min(a.bottom, b.bottom) > max(a.top, b.top) and (a.right <= b.left or b.right <= a.left)


def _rows(lines: list[_Line]) -> list[list[_Line]]:
    """Lines of side-by-side columns grouped into rows, top to bottom: a line joins the row
    above when it overlaps that row's lines vertically (by half the smaller height)."""
    rows: list[list[_Line]] = []
    for line in sorted(lines, key=lambda line: (line.top + line.bottom, line.left)):
        if rows and any(_same_row(line, other) for other in rows[-1]):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _unturn(box: tuple[int, int, int, int], turn: int, width: int, height: int) -> tuple[int, int, int, int]:
    """A box (left, top, right, bottom) on the page turned `turn` degrees clockwise, as a box
    on the page as given (`width` x `height` pixels)."""
    left, top, right, bottom = box
    if turn == 90:  # upright (u, v) shows the page's (v, height - u)
        return top, height - right, bottom, height - left
    if turn == 180:
        return width - right, height - bottom, width - left, height - top
    if turn == 270:  # upright (u, v) shows the page's (width - v, u)
        return width - bottom, left, width - top, right
    return box
