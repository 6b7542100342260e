"""A scanned table reads row by row (issue 14): Tesseract reads a table whose columns stand apart
column by column, so a result ("13.5") became a passage of its own, cut off from its test name.
The OCR text is now laid out by the word boxes: side-by-side table columns share lines, wide gaps
become tabs. Prose keeps Tesseract's order, and two columns of prose are not interleaved.
Synthetic pages only (invented values and Faker text, fixed seeds; DejaVu Sans)."""

from __future__ import annotations

import re
from collections import Counter

import pytesseract
import pytest
from PIL import Image

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from ingestion.ocr import OcrPage, _reading_order, _Token, ocr_image
from tests.data.ocr_rows.render import (
    DPI,
    column_switches,
    lab_table,
    prose_page,
    rows_on_one_line,
    two_column_page,
)

SEED = 20240314


def read(image: Image.Image) -> OcrPage:
    return ocr_image(image, DPI, "eng", 120)


@pytest.fixture(scope="module")
def table() -> tuple[Image.Image, list[tuple[str, str]], OcrPage]:
    image, pairs = lab_table(SEED + 1, layout=1)
    return image, pairs, read(image)


def test_each_row_of_a_scanned_lab_table_is_one_line_with_its_result(table):
    _, pairs, page = table
    assert len(pairs) >= 5
    lines = page.text.split("\n")
    for name, result in pairs:
        [row] = [line for line in lines if line.startswith(name)]
        cells = row.split("\t")  # name, unit, range, result: one cell each, tab between
        assert cells[0] == name and cells[-1] == result and len(cells) == 4, row
    assert any(line.split("\t") == ["Test", "Units", "Reference range", "Result"] for line in lines)


def test_rows_stay_whole_wherever_the_result_column_is():
    # Layout 1 (above) puts units and ranges between name and result; layout 3 spreads them wider.
    # Tesseract's own order read both column by column: no row had its name and result together.
    image, pairs = lab_table(SEED + 3, layout=3)
    assert rows_on_one_line(read(image).text, pairs) == 1.0


def test_a_cited_result_of_a_scanned_table_is_in_a_passage_with_its_test_name(tmp_path):
    image, pairs = lab_table(SEED + 1, layout=1)
    path = tmp_path / "labs.png"
    image.save(path, dpi=(DPI, DPI))
    record = ingest([path], IngestionSettings(workers=1), estimate_tokens)
    assert not record.errors, record.errors
    [page] = record.documents[0].pages
    passages = [page.text[s:e] for s, e in page.spans]
    for name, result in pairs:
        assert any(name in p and result in p.split() for p in passages), (name, result, passages)
        assert result not in passages  # the issue: "13.5" was a passage of its own


def test_a_single_column_page_keeps_tesseracts_reading_word_for_word():
    image, truth = prose_page(SEED + 6)
    page = read(image)
    data = pytesseract.image_to_data(image, lang="eng", output_type=pytesseract.Output.DICT)
    tesseract_order = [t.strip() for t, c in zip(data["text"], data["conf"]) if t.strip() and float(c) >= 0]
    assert page.text.split() == tesseract_order
    assert "\t" not in page.text
    # and its lines are the page's lines, paragraphs apart as Tesseract found them
    truth_lines = [line for line in truth.split("\n") if line]
    read_lines = [line for line in page.text.split("\n") if line]
    assert len(read_lines) == len(truth_lines)
    assert _share(page.text, truth) >= 0.95


def test_two_columns_of_prose_are_read_one_after_the_other():
    image, left, right, gutter = two_column_page(SEED + 7)
    page = read(image)
    assert column_switches(page.words, gutter * 72 / DPI) == 1  # all of the left column, then the right
    sides: dict[int, set[bool]] = {}
    for w in page.words:  # no line of the text mixes the columns
        sides.setdefault(page.text.count("\n", 0, w.start), set()).add(w.x0 > gutter * 72 / DPI)
    assert all(len(s) == 1 for s in sides.values())
    assert "\t" not in page.text
    assert _share(page.text, "\n".join(left + right)) >= 0.95


@pytest.mark.parametrize("make", ["table", "prose", "two_columns"])
def test_every_word_points_at_its_text_and_keeps_tesseracts_box(make):
    image = {
        "table": lambda: lab_table(SEED + 2, layout=3)[0],
        "prose": lambda: prose_page(SEED + 8)[0],
        "two_columns": lambda: two_column_page(SEED + 9)[0],
    }[make]()
    page = read(image)
    data = pytesseract.image_to_data(image, lang="eng", output_type=pytesseract.Output.DICT)
    to_pt = 72 / DPI
    tesseract = Counter(
        (t.strip(), *(round(v * to_pt, 6) for v in (x, y, x + w, y + h)))
        for t, c, x, y, w, h in zip(
            data["text"], data["conf"], data["left"], data["top"], data["width"], data["height"]
        )
        if t.strip() and float(c) >= 0
    )
    ours = Counter(
        (page.text[w.start : w.end], *(round(v, 6) for v in (w.x0, w.y0, w.x1, w.y1))) for w in page.words
    )
    assert ours == tesseract  # every word once, its text exact and its box Tesseract's
    # the words are in text order, never overlap, and only whitespace lies between them
    ends = [0, *(p for w in page.words for p in (w.start, w.end)), len(page.text)]
    assert ends == sorted(ends)
    gaps = [page.text[a:b] for a, b in zip(ends[::2], ends[1::2])]
    assert all(g == "" or g in (" ", "\t", "\n", "\n\n") for g in gaps), set(gaps)


def test_a_turned_scan_of_a_table_is_read_upright_row_by_row():
    image, pairs = lab_table(SEED + 1, layout=1)
    page = ocr_image(image.rotate(90, expand=True, fillcolor=255), DPI, "eng", 120, check_below=65)
    assert page.rotation == 90
    assert rows_on_one_line(page.text, pairs) == 1.0
    width, height = image.size  # boxes stay on the page as given (turned): taller than wide
    words = [w for w in page.words if len(page.text[w.start : w.end]) >= 4]
    assert sum(w.y1 - w.y0 > w.x1 - w.x0 for w in words) * 2 > len(words)
    assert all(w.x1 <= height * 72 / DPI and w.y1 <= width * 72 / DPI for w in page.words)


def _words(text: str) -> list[str]:
    return [w for w in (re.sub(r"[^\w]", "", t).lower() for t in text.split()) if w]


def _share(read_text: str, truth: str) -> float:
    truth_words = Counter(_words(truth))
    return sum((Counter(_words(read_text)) & truth_words).values()) / sum(truth_words.values())


def _cell(text: str, left: int, top: int, line: tuple[int, int, int]) -> _Token:
    return _Token(text, 90.0, left, top, left + 24 * len(text), top + 30, line)


def _text(tokens: list[_Token]) -> str:
    return "".join(sep + token.text for sep, token in _reading_order(tokens, min_tab=33))


def test_one_row_of_cells_tesseract_cut_into_blocks_is_one_line():
    row = [
        _cell("Sodium", 150, 400, (3, 1, 1)),
        _cell("141", 800, 402, (4, 1, 1)),
        _cell("mmol/L", 1100, 400, (5, 1, 1)),
    ]
    title = [_cell("CHEMISTRY", 150, 200, (1, 1, 1))]
    assert _text(title + row) == "CHEMISTRY\n\nSodium\t141\tmmol/L"


def test_headings_level_with_each_other_on_a_two_column_page_stay_in_their_columns():
    def column(block: int, left: int) -> list[_Token]:  # a heading, then prose: six words a line
        heading = [_cell("History" if left < 800 else "Plan", left, 150, (block, 1, 1))]
        prose = [
            _cell(f"w{block}{n}{k}", left + 110 * k, 220 + 70 * n, (block + 1, 1, n + 1))
            for n in range(4)
            for k in range(6)
        ]
        return heading + prose

    text = _text(column(1, 120) + column(3, 900))
    assert text.startswith("History\n\nw100 w101") and "w135\n\nPlan\n\nw300 w301" in text
    assert "\t" not in text
