"""The bundled sample record, loaded as a clinician's upload would be."""

from __future__ import annotations

from datetime import date

import pytest
from PIL import Image

from engine import estimate_tokens
from ingestion import DocType, IngestionSettings, ingest
from ingestion.geometry import span_rects
from ingestion.ocr import ocr_image


@pytest.fixture(scope="module")
def record(sample_paths):
    return ingest(sample_paths, IngestionSettings(workers=1), estimate_tokens)


def test_every_sample_document_loads_with_its_type_date_and_pages(record):
    got = [(d.file, d.doc_type, d.date, len(d.pages), d.ocr_pages) for d in record.documents]
    assert got == [
        ("2023-03-14_progress_note.txt", DocType.PROGRESS_NOTE, date(2023, 3, 14), 1, 0),
        ("2023-03-28_chest_xray_report.pdf", DocType.RADIOLOGY, date(2023, 3, 28), 1, 0),
        ("2023-03-28_lab_report.pdf", DocType.LABORATORY, date(2023, 3, 28), 1, 0),
        ("2023-04-02_discharge_summary.pdf", DocType.DISCHARGE_SUMMARY, date(2023, 4, 2), 3, 0),
        ("2023-04-20_cardiology_letter_fax.pdf", DocType.CONSULT, date(2023, 4, 20), 1, 1),
        ("2023-05-10_progress_note.md", DocType.PROGRESS_NOTE, date(2023, 5, 10), 1, 0),
    ]
    assert not record.errors and not record.notices


def test_documents_are_stitched_in_date_order_whatever_the_upload_order(sample_paths):
    shuffled = list(reversed(sample_paths))
    record = ingest(shuffled, IngestionSettings(workers=1), estimate_tokens)
    assert [d.date for d in record.documents] == sorted(d.date for d in record.documents)
    first = record.documents[0]
    assert first.date == date(2023, 3, 14)
    # The header carries the date as the model sees every date: shifted by the patient's offset.
    assert record.prompts[0].text.startswith(f"## Document 1 · Progress note · {first.prompt_date.isoformat()}\n[P1] ")


def test_passages_map_back_to_the_exact_page_text(record):
    for passage in record.passages:
        page = record.documents[passage.doc].pages[passage.page - 1]
        assert page.text[passage.start : passage.end] == passage.text
    assert [p.id for p in record.passages] == [f"P{i}" for i in range(1, len(record.passages) + 1)]
    # page offsets place each page's text inside the document's text
    for doc in record.documents:
        for page in doc.pages:
            assert doc.text[page.offset : page.offset + len(page.text)] == page.text


def test_a_lab_table_row_is_one_passage(record):
    lab = next(i for i, d in enumerate(record.documents) if d.doc_type is DocType.LABORATORY)
    rows = [" ".join(p.text.split()) for p in record.passages if p.doc == lab]
    assert "Sodium 134 mmol/L 136 - 145 L" in rows
    assert "BNP 1840 pg/mL < 100 H" in rows


def test_the_scanned_fax_is_read_by_ocr_with_confidence_and_word_boxes(record):
    fax = next(d for d in record.documents if d.ocr_pages)
    [page] = fax.pages
    assert page.ocr and page.ocr_confidence > 80
    assert "sacubitril/valsartan" in page.text and "ejection fraction" in page.text
    for word in page.words:
        assert page.text[word.start : word.end].strip() == page.text[word.start : word.end]
        assert 0 <= word.x0 < word.x1 <= page.width and 0 <= word.y0 < word.y1 <= page.height


def _crop_and_read(doc, page, rects) -> str:
    """Render the page, cut out the rectangles, and OCR them: what a highlight would show."""
    import pypdfium2 as pdfium

    scale = 300 / 72
    pdf = pdfium.PdfDocument(doc.path)
    image: Image.Image = pdf[page.number - 1].render(scale=scale, grayscale=True).to_pil()
    pdf.close()
    words = []
    for r in rects:
        box = (r.x0 * scale - 4, r.y0 * scale - 4, r.x1 * scale + 4, r.y1 * scale + 4)
        words.append(ocr_image(image.crop(tuple(int(v) for v in box)), 300, "eng", 30).text)
    return " ".join(words)


@pytest.mark.parametrize("needle", ["Small bilateral pleural effusions", "Cardiomegaly"])
def test_a_span_of_a_text_pdf_maps_to_the_rectangles_where_it_is_printed(record, needle):
    doc = next(d for d in record.documents if d.doc_type is DocType.RADIOLOGY)
    page = doc.pages[0]
    start = page.text.index(needle)
    rects = span_rects(doc, page, start, start + len(needle))
    assert rects and all(0 <= r.x0 < r.x1 <= page.width and 0 <= r.y0 < r.y1 <= page.height for r in rects)
    assert needle.lower() in _crop_and_read(doc, page, rects).lower()


def test_a_span_of_a_scanned_page_maps_to_its_word_boxes(record):
    doc = next(d for d in record.documents if d.ocr_pages)
    page = doc.pages[0]
    start = page.text.index("ejection fraction")
    rects = span_rects(doc, page, start, start + len("ejection fraction"))
    assert len(rects) == 1
    assert "ejection fraction" in _crop_and_read(doc, page, rects).lower()
