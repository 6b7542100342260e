"""The synthetic scanned pages of the OCR reading-order checks: lab reports whose table columns stand
apart, single- and two-column prose (invented values and Faker text, fixed seeds; DejaVu Sans 34 px at
200 dpi), and the two measures of how a page was read. `benchmarks/ocr_rows.py` prints the figures,
`tests/test_scans_rows.py` asserts them; both import this, so the test needs nothing from benchmarks/.
"""

from __future__ import annotations

import itertools
import random
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
