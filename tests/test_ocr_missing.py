"""Without Tesseract, scans are a notice (or, with nothing else to read, a one-sentence error);
the rest of the page range, the document and the batch load, in one process and on the pool."""

from __future__ import annotations

import pickle

import pytesseract
import pytest

from engine import estimate_tokens
from ingestion import IngestionSettings, errors, ingest
from tests.fixtures import bad_files as bad
from tests.fixtures import scans
from tests.test_bad_input import assert_one_sentence

NOWHERE = "/nonexistent/bin/tesseract"


def run(paths, settings):
    return ingest(paths, settings, estimate_tokens)


def _pdf_of(tmp_path, name: str, *parts) -> str:
    """The pages of several PDFs, in order, as one PDF."""
    import pypdf

    writer = pypdf.PdfWriter()
    for part in parts:
        writer.append(str(part))
    path = tmp_path / name
    writer.write(path)
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_scanned_pages_are_a_notice_and_the_text_pages_and_other_files_load(tmp_path, sample_paths, workers):
    # Pages 1-3 scans, 4-11 text: 11 pages, so two workers share it.
    fax = _pdf_of(tmp_path, "fax.pdf", scans.make_scanned_pages(tmp_path / "s.pdf", 3), bad.make_many_pages_pdf(tmp_path / "t.pdf", 8))
    good = next(p for p in sample_paths if p.suffix == ".md")
    record = run([fax, good], IngestionSettings(workers=workers, ocr_command=NOWHERE))
    assert not record.errors
    assert sorted(d.file for d in record.documents) == sorted(["fax.pdf", good.name])
    fax_doc = next(d for d in record.documents if d.file == "fax.pdf")
    assert [p.skipped for p in fax_doc.pages] == ["no_ocr"] * 3 + [""] * 8
    assert [n.error for n in record.notices] == [
        "Pages 1–3 of fax.pdf are scans, and Tesseract (OCR) is not installed, so they were not read; install tesseract-ocr to read them."
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_of_scans_only_is_one_sentence_naming_tesseract(tmp_path, sample_paths, workers):
    fax = scans.make_scanned_pages(tmp_path / "referral.tiff", 9)
    good = next(p for p in sample_paths if p.suffix == ".md")
    record = run([fax, good], IngestionSettings(workers=workers, ocr_command=NOWHERE))
    assert [d.file for d in record.documents] == [good.name]
    [error] = record.errors
    assert error.file == "referral.tiff" and "Tesseract (OCR) is not installed" in error.error
    assert_one_sentence(error.error, "referral.tiff")


def test_tesseract_missing_from_the_process_is_a_notice_too(tmp_path, settings, monkeypatch):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", NOWHERE)
    fax = _pdf_of(tmp_path, "fax.pdf", bad.make_many_pages_pdf(tmp_path / "t.pdf", 1), scans.make_scanned_pages(tmp_path / "s.pdf", 1))
    record = run([fax], settings)
    assert [n.error for n in record.notices] == [
        "Page 2 of fax.pdf is a scan, and Tesseract (OCR) is not installed, so it was not read; install tesseract-ocr to read it."
    ]


@pytest.mark.parametrize("name", ["IngestError", "OutOfTime", "OcrUnavailable"])
def test_every_ingestion_exception_pickles_back_from_a_worker(name):
    kind = getattr(errors, name)
    exc = kind("scan.pdf", "is a damaged PDF.") if kind is errors.IngestError else kind()
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is kind and str(back) == str(exc)
    if kind is errors.IngestError:
        assert (back.file, back.reason) == ("scan.pdf", "is a damaged PDF.")


def test_a_damaged_page_found_by_a_worker_is_an_error_not_a_broken_pool(tmp_path, sample_paths):
    # The error is found in a worker (page work), so it must pickle back to the caller.
    bomb = bad.make_bomb_pdf(tmp_path / "consult_note.pdf")
    chart = bad.make_many_pages_pdf(tmp_path / "chart.pdf", 12)
    record = run([bomb, chart], IngestionSettings(workers=2))
    assert [d.file for d in record.documents] == ["chart.pdf"]
    [error] = record.errors
    assert error.file == "consult_note.pdf" and "decompression bomb" in error.error
