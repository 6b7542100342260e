"""A page with no text and no image, only drawing (an empty form's rules and boxes), is blank,
not a scan OCR could not read; ruling lines alone do not make a scanned page worth reading."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

import ingestion.pdf
from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from ingestion.blank import is_blank
from tests.fixtures import scans
from tests.test_bad_input import assert_one_sentence


def run(paths):
    return ingest(paths, IngestionSettings(workers=1), estimate_tokens)


def empty_form(path, pages: int = 2, with_text: bool = False):
    """A form of rules and boxes with empty fields (fill-in lines, a grid, tick boxes)."""
    canvas = Canvas(str(path), pagesize=letter, invariant=1)
    if with_text:
        canvas.drawString(72, 740, "Pre-operative checklist, page 1: patient identity confirmed on the ward.")
        canvas.showPage()
    for _ in range(pages):
        canvas.rect(54, 54, 504, 684)  # the form's frame
        for row in range(10):
            y = 660 - 50 * row
            canvas.line(200, y, 540, y)  # a fill-in line
            canvas.acroForm.textfield(x=200, y=y + 2, width=340, height=18, borderWidth=0)
        for row in range(4):
            for col in range(5):
                canvas.rect(90 + 90 * col, 90 + 30 * row, 90, 30)  # a grid of empty cells
        canvas.showPage()
    canvas.save()
    return path


def tick_boxes(path):
    """Only small tick boxes and circles: drawing no rule detector removes, and no text."""
    canvas = Canvas(str(path), pagesize=letter, invariant=1)
    for row in range(10):
        for col in range(4):
            canvas.rect(100 + 120 * col, 650 - 50 * row, 10, 10)
            canvas.circle(160 + 120 * col, 655 - 50 * row, 6)
    canvas.showPage()
    canvas.save()
    return path


def test_a_two_page_empty_form_is_blank_not_unreadable(tmp_path):
    record = run([empty_form(tmp_path / "consent.pdf")])
    [error] = record.errors
    assert error.error == "consent.pdf has no readable text: its pages are blank."
    assert_one_sentence(error.error, "consent.pdf")


def test_the_empty_pages_of_a_form_are_skipped_before_ocr_with_one_notice(tmp_path, monkeypatch):
    def no_ocr(*args, **kwargs):
        raise AssertionError("an empty form page went to OCR")

    monkeypatch.setattr(ingestion.pdf, "ocr_image", no_ocr)
    record = run([empty_form(tmp_path / "checklist.pdf", with_text=True)])
    assert not record.errors
    [doc] = record.documents
    assert [p.skipped for p in doc.pages] == ["", "blank", "blank"]
    assert [n.error for n in record.notices] == ["Pages 2–3 of checklist.pdf are blank; they were skipped."]


def test_drawing_that_ocr_finds_no_text_in_is_blank_when_the_page_has_no_image(tmp_path):
    record = run([tick_boxes(tmp_path / "obs.pdf")])
    [error] = record.errors
    assert error.error == "obs.pdf has no readable text: its pages are blank."


def test_a_scan_of_noise_is_still_unreadable_not_blank(tmp_path):
    from tests.fixtures import bad_files as bad

    [error] = run([bad.make_noise_scan_pdf(tmp_path / "referral.pdf")]).errors
    assert "OCR could not read its scanned pages" in error.error


@pytest.mark.parametrize("dpi", [200, 72])
def test_rules_alone_are_blank_but_a_word_on_a_rule_is_not(dpi):
    page = scans._white()  # 200 dpi
    draw = ImageDraw.Draw(page)
    for y in range(300, 2000, 120):
        draw.line((150, y, 1550, y), fill=0, width=3)  # fill-in lines
    for x in range(150, 1551, 350):
        draw.line((x, 300, x, 1980), fill=0, width=3)  # a table's columns
    scale = dpi / 200
    ruled = page.resize((round(page.width * scale), round(page.height * scale)), Image.Resampling.BOX)
    assert is_blank(ruled, dpi)
    signed = scans._typed(["No change."])
    ImageDraw.Draw(signed).line((150, 200, 1550, 200), fill=0, width=3)  # the text sits on its line
    assert not is_blank(signed.resize(ruled.size, Image.Resampling.BOX), dpi)


def test_a_solid_bar_or_a_dark_photograph_is_not_a_rule():
    bar = scans._white()
    ImageDraw.Draw(bar).rectangle((200, 600, 700, 660), fill=0)  # a redaction bar, or a word an OCR test draws as one
    assert not is_blank(bar, 200)
    photo = scans._white()
    ImageDraw.Draw(photo).rectangle((300, 400, 1300, 1100), fill=60)  # a dark wound photograph
    assert not is_blank(photo, 200)
