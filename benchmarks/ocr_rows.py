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
import itertools
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

DPI = 200
SIZE = (1700, 2200)  # US letter at 200 dpi
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian's fonts-dejavu-core
FONT_PX = 34
LEADING = 70
HEADER = ("Test", "Result", "Units", "Reference range")
TESTS = (  # (name, unit, low, high): invented reference ranges, typical in shape
    ("Haemoglobin", "g/dL", 13.0, 17.0),
    ("White cell count", "x10^9/L", 4.0, 11.0),
    ("Platelets", "x10^9/L", 150, 400),
    ("Sodium", "mmol/L", 135, 145),
    ("Potassium", "mmol/L", 3.5, 5.1),
    ("Creatinine", "umol/L", 60, 110),
    ("Urea", "mmol/L", 2.5, 7.8),
    ("C-reactive protein", "mg/L", 0, 5),
    ("Alanine transaminase", "U/L", 7, 56),
    ("Albumin", "g/L", 35, 50),
    ("Bilirubin", "umol/L", 3, 21),
    ("Magnesium", "mmol/L", 0.7, 1.0),
)
# Where each column starts (pixels) and which field it shows: the result second, or last.
LAYOUTS = (
    ((150, 800, 1050, 1350), (0, 1, 2, 3)),
    ((150, 650, 900, 1350), (0, 2, 3, 1)),
    ((150, 700, 950, 1300), (0, 1, 3, 2)),
    ((150, 580, 830, 1400), (0, 2, 3, 1)),
)


def _font() -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), FONT_PX)


def lab_table(seed: int, layout: int = 0, rows: int = 8) -> tuple[Image.Image, list[tuple[str, str]]]:
    """A scanned lab report: a title, a patient line and a table; its (test name, result) pairs."""
    rnd = random.Random(seed)
    columns, fields = LAYOUTS[layout % len(LAYOUTS)]
    image = Image.new("L", SIZE, 255)
    draw = ImageDraw.Draw(image)
    font = _font()
    draw.text((150, 150), "LABORATORY REPORT", font=font, fill=0)
    draw.text(
        (150, 220),
        f"Patient: {rnd.choice(['Avery', 'Jordan', 'Rowan'])} Testperson   MRN: {rnd.randrange(10**7, 10**8)}",
        font=font,
        fill=0,
    )
    y = 340
    for x, field in zip(columns, fields):
        draw.text((x, y), HEADER[field], font=font, fill=0)
    pairs = []
    for name, unit, low, high in rnd.sample(TESTS, rows):
        y += LEADING
        result = f"{rnd.uniform(low * 0.7, high * 1.3 + 1):.1f}"
        cells = (name, result, unit, f"{low} - {high}")
        for x, field in zip(columns, fields):
            draw.text((x, y), cells[field], font=font, fill=0)
        pairs.append((name, result))
    return image, pairs


def _sentences(seed: int, count: int) -> list[str]:
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(seed)
    return [fake.sentence(nb_words=12) for _ in range(count)]


def _wrap(text: str, width: float, font: ImageFont.FreeTypeFont) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and font.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def prose_page(seed: int) -> tuple[Image.Image, str]:
    """A single-column typed page: a title and wrapped paragraphs; its text, line by line."""
    font = _font()
    lines = ["PROGRESS NOTE", ""]
    for paragraph in range(3):
        lines += [*_wrap(" ".join(_sentences(seed + paragraph, 4)), SIZE[0] - 300, font), ""]
    image = Image.new("L", SIZE, 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((150, 150 + LEADING * index), line, font=font, fill=0)
    return image, "\n".join(lines)


def two_column_page(seed: int, lines_per_column: int = 18) -> tuple[Image.Image, list[str], list[str], float]:
    """Two columns of prose side by side, their lines level with each other (same font and
    leading); the lines of each column and the x of the gutter between them."""
    font = _font()
    left_x, right_x, width = 120, 900, 680
    columns = []
    for column in range(2):
        text = " ".join(_sentences(seed + 10 * column, 12))
        columns.append(_wrap(text, width, font)[:lines_per_column])
    image = Image.new("L", SIZE, 255)
    draw = ImageDraw.Draw(image)
    for x, lines in zip((left_x, right_x), columns):
        for index, line in enumerate(lines):
            draw.text((x, 150 + LEADING * index), line, font=font, fill=0)
    return image, columns[0], columns[1], (left_x + width + right_x) / 2


def rows_on_one_line(text: str, pairs: list[tuple[str, str]]) -> float:
    """Share of (name, result) pairs with both on one line of `text` (the name's first word suffices:
    OCR may misread a later one)."""
    lines = text.split("\n")
    return sum(
        any(name.split()[0] in line and result in line.split() for line in lines) for name, result in pairs
    ) / len(pairs)


def column_switches(words: list, gutter_pt: float) -> int:
    """How often the reading order jumps between the left and right column of a two-column page."""
    sides = [w.x0 > gutter_pt for w in sorted(words, key=lambda w: w.start)]
    return sum(a != b for a, b in itertools.pairwise(sides))


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
