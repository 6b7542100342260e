"""A scan fed in sideways or upside down is detected (Tesseract's OSD), turned upright and read;
its word boxes stay on the page as the file shows it, where the highlights are drawn.
Synthetic pages only (Faker, fixed seed)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from ingestion.geometry import span_rects
from ingestion.models import Document
from ingestion.ocr import _unturn, ocr_image
from tests.fixtures.bad_files import FONT, SEED, _faker, _patient_line

DPI = 200
SIZE = (1700, 2200)  # US letter at 200 dpi
TITLE = "DISCHARGE SUMMARY"


def typed_page(seed: int = SEED + 41) -> tuple[Image.Image, str, tuple[int, int, int, int]]:
    """An upright 200 dpi page of typed lines; its text, and the pixel box of the title's first word."""
    fake = _faker(seed)
    lines = [TITLE, _patient_line(fake), *fake.sentences(nb=7)]
    page = Image.new("L", SIZE, 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 36)
    for index, line in enumerate(lines):
        draw.text((150, 150 + 70 * index), line, font=font, fill=0)
    return page, "\n".join(lines), draw.textbbox((150, 150), TITLE.split()[0], font=font)


def word_accuracy(read: str, truth: str) -> float:
    """Share of the true words (case-folded, punctuation stripped) found in the reading, with multiplicity."""
    def words(text: str) -> Counter:
        return Counter(w for w in (re.sub(r"[^\w]", "", t).lower() for t in text.split()) if w)

    truth_words = words(truth)
    return sum((words(read) & truth_words).values()) / sum(truth_words.values())


def turned(page: Image.Image, degrees: int) -> Image.Image:
    """The page as a scanner that took it turned `degrees` counterclockwise delivers it."""
    return page.rotate(degrees, expand=True)


def save(image: Image.Image, path: Path) -> Path:
    if path.suffix == ".pdf":  # an image-only PDF: no text layer
        image.save(path, "PDF", resolution=DPI)
    else:
        image.save(path, dpi=(DPI, DPI))
    return path


def load(path: Path, **settings) -> tuple[Document, list]:
    record = ingest([path], IngestionSettings(workers=1, **settings), estimate_tokens)
    assert not record.errors, record.errors
    [doc] = record.documents
    return doc, record.notices


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_a_turned_scan_is_read_upright_and_says_so(tmp_path, degrees):
    page, truth, _ = typed_page()
    doc, notices = load(save(turned(page, degrees), tmp_path / f"fax{degrees}.png"))
    [read] = doc.pages
    assert word_accuracy(read.text, truth) >= 0.9
    assert read.text.startswith(TITLE)
    assert read.rotation == degrees  # turned back clockwise by as much as it was turned
    assert read.ocr_confidence > 80 and not read.low_confidence
    assert not notices


def test_a_turned_page_of_an_image_only_pdf_is_read_upright(tmp_path):
    page, truth, _ = typed_page(SEED + 42)
    doc, _ = load(save(turned(page, 90), tmp_path / "referral.pdf"))
    [read] = doc.pages
    assert read.ocr and read.rotation == 90
    assert word_accuracy(read.text, truth) >= 0.9


@pytest.mark.parametrize("degrees", [90, 270])
def test_the_boxes_of_a_turned_scan_point_into_the_page_as_shown(tmp_path, degrees):
    page, _, box = typed_page()
    # Where the title's first word lies on the turned page, found by turning a mask of its box.
    mask = Image.new("L", SIZE, 0)
    ImageDraw.Draw(mask).rectangle(box, fill=255)
    expected = turned(mask, degrees).getbbox()
    path = save(turned(page, degrees), tmp_path / "fax.png")
    doc, _ = load(path)
    [read] = doc.pages
    assert (read.width, read.height) == pytest.approx((SIZE[1] * 72 / DPI, SIZE[0] * 72 / DPI), rel=1e-3)  # the page as given (PNG stores dots per metre)
    start = read.text.index(TITLE.split()[0])
    [rect] = span_rects(doc, read, start, start + len(TITLE.split()[0]))
    got = [v * DPI / 72 for v in (rect.x0, rect.y0, rect.x1, rect.y1)]
    assert got == pytest.approx(expected, abs=8)  # pixels: Tesseract's box hugs the ink, the font's box has room


def test_an_upright_page_is_read_once_without_orientation_detection(monkeypatch):
    from ingestion import ocr

    def no_osd(*args, **kwargs):
        raise AssertionError("OSD ran on a page that read well")

    monkeypatch.setattr(ocr, "_orientation", no_osd)
    page, truth, _ = typed_page()
    result = ocr_image(page, DPI, "eng", 60, check_below=65)
    assert result.rotation == 0 and word_accuracy(result.text, truth) >= 0.9


def test_a_page_with_too_little_text_for_osd_is_kept_as_it_is():
    page = Image.new("L", SIZE, 255)
    ImageDraw.Draw(page).text((150, 150), "No change.", font=ImageFont.truetype(str(FONT), 36), fill=0)
    # Above 100 no reading is confident enough: OSD is asked, cannot tell, and the reading stands.
    result = ocr_image(page, DPI, "eng", 60, check_below=101)
    assert result.rotation == 0
    assert "No change" in result.text


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_box_on_the_upright_image_maps_back_onto_the_page_as_given(turn):
    width, height = 40, 30
    upright = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}[turn]
    page = Image.new("L", (width, height), 0)
    page.putpixel((7, 3), 255)
    shown = page.transpose(upright)  # the page turned `turn` degrees clockwise, as OCR reads it
    left, top, right, bottom = shown.getbbox()
    assert _unturn((left, top, right, bottom), turn, width, height) == page.getbbox()
