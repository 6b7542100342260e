"""Benchmark: table rows of a scanned lab report read on one line, before and after reading order by geometry.

A few synthetic 200 dpi lab reports (invented values, seeded; DejaVu Sans 34 px, about 12 pt)
set a table of 8 tests in four columns with wide gaps, the result column in different places.
Tesseract's layout analysis reads such a table column by column. Each page is read:

- before: Tesseract's default (--psm 3), its words joined in its own block/paragraph/line order
  (as ingestion/ocr.py did until issue 14);
- psm 4, psm 6: the same, with Tesseract's single-column / single-block segmentation;
- after: ingestion.ocr.ocr_image (--psm 3, lines rebuilt by their boxes).

"Rows" is the share of table rows whose test name and result are on one line of the text.
A single-column prose page and a two-column prose page (its columns' lines level with each
other: the hardest case for a merge by rows) are read too: "prose same" says whether the
single-column text is word for word what "before" gave, "2-col switches" how many times the
reading jumps between the columns (1 is right; one per line is interleaved).

    python -m benchmarks.ocr_rows [--tables 4] [--runs 3]

Prints a Markdown table; seconds per page are medians of the runs (readings are deterministic).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from PIL import Image

from tests.data.ocr_rows.render import (
    DPI,
    column_switches,
    lab_table,
    prose_page,
    rows_on_one_line,
    two_column_page,
)


def _tesseract_order(image: Image.Image, psm: int = 3) -> tuple[str, list]:
    """The reading before issue 14: Tesseract's words in its own order (one space between words,
    a newline between lines, a blank line between paragraphs), with their boxes in points."""
    import pytesseract

    from ingestion.models import Word

    config = f"--psm {psm}" if psm != 3 else ""
    data = pytesseract.image_to_data(image, lang="eng", config=config, output_type=pytesseract.Output.DICT)
    parts: list[str] = []
    words = []
    pos = 0
    last_line = last_par = None
    to_pt = 72.0 / DPI
    for i, raw in enumerate(data["text"]):
        token = raw.strip()
        conf = float(data["conf"][i])
        if not token or conf < 0:
            continue
        par = (data["block_num"][i], data["par_num"][i])
        line = (*par, data["line_num"][i])
        if last_line is not None:
            sep = " " if line == last_line else ("\n" if par == last_par else "\n\n")
            parts.append(sep)
            pos += len(sep)
        last_line, last_par = line, par
        left, top = data["left"][i], data["top"][i]
        box = (left, top, left + data["width"][i], top + data["height"][i])
        words.append(Word(pos, pos + len(token), *(v * to_pt for v in box), confidence=conf))
        parts.append(token)
        pos += len(token)
    return "".join(parts), words


def _after(image: Image.Image) -> tuple[str, list]:
    from ingestion.ocr import ocr_image

    page = ocr_image(image, DPI, "eng", 120)
    return page.text, page.words


def _layout_ms(image: Image.Image) -> float:
    """Milliseconds ingestion/ocr.py spends putting one page's words in reading order (Tesseract aside)."""
    from ingestion import ocr

    spent: list[float] = []
    inner = ocr._reading_order

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    ocr._reading_order = timed
    try:
        ocr.ocr_image(image, DPI, "eng", 120)
    finally:
        ocr._reading_order = inner
    return 1000 * sum(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import os

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # as ingestion/ocr.py runs Tesseract
    readers: dict[str, Callable[[Image.Image], tuple[str, list]]] = {
        "before (psm 3, Tesseract's order)": _tesseract_order,
        "psm 4, Tesseract's order": lambda image: _tesseract_order(image, 4),
        "psm 6, Tesseract's order": lambda image: _tesseract_order(image, 6),
        "after (psm 3, rows by geometry)": _after,
    }
    tables = [lab_table(20240314 + n, layout=n) for n in range(args.tables)]
    prose, _ = prose_page(20240320)
    two_col, _, _, gutter_px = two_column_page(20240330)
    pages = [image for image, _ in tables] + [prose, two_col]
    # Runs interleave the readers, so a busy machine slows them alike.
    texts: dict[tuple[str, int], tuple[str, list]] = {}
    seconds: dict[tuple[str, int], list[float]] = {}
    for _ in range(args.runs):
        for n, image in enumerate(pages):
            for label, read in readers.items():
                start = time.perf_counter()
                texts[label, n] = read(image)
                seconds.setdefault((label, n), []).append(time.perf_counter() - start)
    median = {key: statistics.median(times) for key, times in seconds.items()}
    baseline = texts["before (psm 3, Tesseract's order)", len(tables)][0]
    print("| reading | rows on one line | s / table page | prose same | s / prose page | 2-col switches |")
    print("|---|---|---|---|---|---|")
    for label in readers:
        shares = [rows_on_one_line(texts[label, n][0], pairs) for n, (_, pairs) in enumerate(tables)]
        same = " ".join(texts[label, len(tables)][0].split()) == " ".join(baseline.split())
        print(
            f"| {label} | {100 * statistics.mean(shares):.1f} % ({', '.join(f'{100 * s:.0f}' for s in shares)}) "
            f"| {statistics.mean(median[label, n] for n in range(len(tables))):.2f} | {'yes' if same else 'no'} "
            f"| {median[label, len(tables)]:.2f} | {column_switches(texts[label, len(tables) + 1][1], gutter_px * 72 / DPI)} |"
        )
    print()
    print(
        "Reading order by geometry alone, ms per page: "
        + ", ".join(
            f"{name} {_layout_ms(image):.1f}"
            for name, image in (("table", tables[0][0]), ("prose", prose), ("two columns", two_col))
        )
    )


if __name__ == "__main__":
    main()
