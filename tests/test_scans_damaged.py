"""A damaged PDF that pypdf cannot parse but PDFium rebuilds is read (text layer, or rendered
and OCR'd), with a notice that pages may be missing; its streams still pass the bomb caps, and a
file neither can read is refused as before. Synthetic content only (Faker, fixed seed)."""

from __future__ import annotations

import io

import pypdf
import pypdfium2 as pdfium
import pytest
from pypdf.errors import PyPdfError
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from tests.fixtures import bad_files as bad
from tests.fixtures.bad_files import SEED, _faker
from tests.test_scans_orientation import DPI, typed_page, word_accuracy


def run(paths, **settings):
    return ingest(paths, IngestionSettings(workers=1, **settings), estimate_tokens)


def cut_at_startxref(data: bytes) -> bytes:
    """The file cut after its trailer, as a transfer that stops a few bytes short leaves it: no
    startxref, no %%EOF. pypdf gives up; pdfium finds the trailer and rebuilds."""
    return data[: data.rindex(b"startxref")]


def text_pdf(pages: int = 2) -> tuple[bytes, list[str]]:
    fake = _faker(SEED + 51)
    lines = [f"Progress note page {n}: {fake.sentence(nb_words=10)}" for n in range(1, pages + 1)]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=letter, invariant=1)
    for line in lines:
        canvas.drawString(72, 720, line)
        canvas.showPage()
    canvas.save()
    return out.getvalue(), lines


def assert_pypdf_fails_and_pdfium_opens(data: bytes, pages: int) -> None:
    with pytest.raises((PyPdfError, ValueError, KeyError)):
        len(pypdf.PdfReader(io.BytesIO(data), strict=False).pages)
    document = pdfium.PdfDocument(data)
    assert len(document) == pages
    document.close()


def test_a_text_pdf_cut_short_is_read_with_a_notice(tmp_path):
    data, lines = text_pdf()
    damaged = cut_at_startxref(data)
    assert_pypdf_fails_and_pdfium_opens(damaged, 2)
    path = tmp_path / "progress.pdf"
    path.write_bytes(damaged)
    record = run([path])
    assert not record.errors
    [doc] = record.documents
    assert [p.text.strip() for p in doc.pages] == lines
    assert [n.error for n in record.notices] == [
        "progress.pdf is a damaged PDF; its pages were read as PDFium could rebuild them, and some may be missing."
    ]


def test_a_scanned_pdf_cut_short_is_rendered_and_read_by_ocr(tmp_path):
    page, truth, _ = typed_page(SEED + 52)
    out = io.BytesIO()
    page.save(out, "PDF", resolution=DPI)  # an image-only PDF: no text layer
    data = out.getvalue()
    damaged = cut_at_startxref(data)
    assert_pypdf_fails_and_pdfium_opens(damaged, 1)
    path = tmp_path / "fax.pdf"
    path.write_bytes(damaged)
    record = run([path])
    assert not record.errors
    [doc] = record.documents
    [read] = doc.pages
    assert read.ocr and word_accuracy(read.text, truth) >= 0.9
    assert "damaged PDF" in record.notices[0].error


def test_a_damaged_pdf_is_still_refused_when_pdfium_cannot_read_it_either(tmp_path):
    path = bad.make_truncated_pdf(tmp_path / "discharge.pdf")  # cut in the middle of its objects
    with pytest.raises(pdfium.PdfiumError):
        pdfium.PdfDocument(path.read_bytes())
    [error] = run([path]).errors
    assert "is an incomplete PDF" in error.error


def test_a_damaged_pdf_whose_counted_page_pdfium_cannot_find_is_refused(tmp_path):
    out = io.BytesIO()
    typed_page()[0].save(out, "PDF", resolution=DPI)
    data = out.getvalue()
    assert data.count(b"/Kids [") == 1
    # Two bytes of the page tree zeroed, as a bad sector leaves them: pdfium counts the page, but cannot load it.
    path = tmp_path / "fax.pdf"
    path.write_bytes(data.replace(b"/Kids [", b"/Kids \0\0"))
    [error] = run([path]).errors
    assert error.error == "fax.pdf is a damaged PDF whose page 1 cannot be read."


def test_a_damaged_decompression_bomb_is_refused_before_pdfium_parses_it(tmp_path):
    path = bad.make_bomb_pdf(tmp_path / "bomb.pdf", inflated_bytes=50_000_000)
    path.write_bytes(cut_at_startxref(path.read_bytes()))
    [error] = run([path], max_stream_bytes=5_000_000).errors
    assert "decompression bomb" in error.error


def test_a_damaged_pdf_with_an_unbounded_filter_is_refused(tmp_path):
    data, _ = text_pdf(1)
    path = tmp_path / "note.pdf"
    path.write_bytes(cut_at_startxref(data).replace(b"/FlateDecode", b"/LZWDecode", 1))
    [error] = run([path]).errors
    assert error.error == "note.pdf is a damaged PDF that cannot be read safely (it uses filters that cannot be checked)."
