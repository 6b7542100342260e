"""Blank and near-blank pages are skipped before OCR, with one notice per document."""

from __future__ import annotations

import time

import pytest

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from ingestion.blank import is_blank
from tests.fixtures import scans
from tests.test_bad_input import assert_one_sentence


def run(paths, settings):
    return ingest(paths, settings, estimate_tokens)


def test_empty_pages_of_a_pdf_are_skipped_with_one_notice_and_no_ocr(tmp_path, settings):
    path = scans.make_blank_pages_pdf(tmp_path / "obs_chart.pdf", pages=40)
    start = time.perf_counter()
    record = run([path], settings)
    assert time.perf_counter() - start < 20  # 39 pages through OCR take about a minute
    [doc] = record.documents
    assert not record.errors and not any(p.ocr for p in doc.pages)
    assert [n.error for n in record.notices] == ["Pages 2–40 of obs_chart.pdf are blank; they were skipped."]
    assert "observations stable" in record.passages[0].text


@pytest.mark.parametrize("name", ["fax.pdf", "fax.tiff"])
def test_white_and_speckled_scans_are_skipped_but_a_short_line_is_read(tmp_path, settings, name):
    record = run([scans.make_near_blank_scans(tmp_path / name)], settings)
    [doc] = record.documents
    assert [p.skipped for p in doc.pages] == ["", "blank", "", "blank"]
    assert "No change" in doc.pages[2].text  # one short line is a page worth reading
    assert [n.error for n in record.notices] == [f"Pages 2 and 4 of {name} are blank; they were skipped."]


def test_a_document_of_blank_pages_is_an_error_of_one_sentence(tmp_path, settings, sample_paths):
    good = next(p for p in sample_paths if p.suffix == ".md")
    record = run([scans.make_all_blank_pdf(tmp_path / "scan.pdf"), good], settings)
    assert [d.file for d in record.documents] == [good.name]
    [error] = record.errors
    assert error.error == "scan.pdf has no readable text: its pages are blank."
    assert_one_sentence(error.error, "scan.pdf")
    assert not record.notices


def test_the_blank_test_keeps_any_mark_of_text():
    page = scans._typed(["OK"])
    assert not is_blank(page, 200)
    assert not is_blank(scans._typed(["No change."]).resize((850, 1100)), 100)
    assert is_blank(scans._white(1, speckles=0.01, border=30), 200)
    assert is_blank(scans._white(), 200)


def test_five_thousand_blank_pages_make_one_notice(tmp_path):
    from ingestion.load import _numbers

    assert _numbers(list(range(2, 5001))) == "Pages 2–5000"
    assert _numbers([3]) == "Page 3"
    assert _numbers([2, 3, 4, 7, 9, 10]) == "Pages 2–4, 7 and 9–10"
