"""A scan OCR reads with low confidence, once turned upright, is kept with a notice and its
passages marked low-confidence; a scan of noise, in which OCR finds no word, is a notice too.
Synthetic pages only (Faker, fixed seed)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from tests.fixtures import bad_files as bad
from tests.test_scans_orientation import DPI, SIZE, typed_page, word_accuracy


def run(paths, **settings):
    return ingest(paths, IngestionSettings(workers=1, **settings), estimate_tokens)


def tiff(path, pages: list[Image.Image]):
    pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_deflate", dpi=(DPI, DPI))
    return path


def noise(seed: int = 7) -> Image.Image:
    """A page of random grey: ink everywhere (not blank), not one letter."""
    return Image.fromarray(np.random.default_rng(seed).integers(0, 256, SIZE[::-1], dtype=np.uint8))


def test_a_page_of_noise_is_a_notice_and_the_readable_page_loads(tmp_path):
    page, truth, _ = typed_page()
    record = run([tiff(tmp_path / "fax.tiff", [page, noise()])])
    assert not record.errors
    [doc] = record.documents
    assert word_accuracy(doc.pages[0].text, truth) >= 0.9
    assert doc.pages[1].text == "" and doc.pages[1].skipped == ""
    assert [n.error for n in record.notices] == ["Page 2 of fax.tiff is a scan in which OCR found no words; it was left out."]
    assert not any(p.low_confidence for p in record.passages)


def test_a_blurred_scan_read_with_low_confidence_is_kept_with_a_notice_and_marked(tmp_path):
    page, _, _ = typed_page()
    blurred = page.filter(ImageFilter.GaussianBlur(4))  # Tesseract: about 60 %, half the words right
    text_pdf = bad.make_many_pages_pdf(tmp_path / "typed.pdf", 1)
    record = run([tiff(tmp_path / "fax.tiff", [page, blurred]), text_pdf])
    assert not record.errors
    fax = next(d for d in record.documents if d.file == "fax.tiff")
    settings = IngestionSettings()
    assert settings.ocr_min_confidence <= fax.pages[1].ocr_confidence < settings.ocr_low_confidence
    assert [p.low_confidence for p in fax.pages] == [False, True]
    assert fax.pages[1].text  # kept: low, not unreadable
    assert [n.error for n in record.notices] == [
        "Page 2 of fax.tiff was read by OCR with low confidence; its passages are marked low-confidence: check them against the page."
    ]
    index = record.documents.index(fax)
    marked = {(p.doc, p.page) for p in record.passages if p.low_confidence}
    assert marked == {(index, 2)}
    assert any(p.doc == index and p.page == 1 for p in record.passages)


def test_the_low_confidence_line_is_a_setting(tmp_path):
    page, _, _ = typed_page()
    record = run([tiff(tmp_path / "fax.tiff", [page, page.rotate(90, expand=True)])], ocr_low_confidence=99.5)
    [doc] = record.documents
    assert all(p.low_confidence for p in doc.pages)
    assert doc.pages[1].rotation == 90  # still read upright: the turn was found before the confidence was judged
    assert record.passages and all(p.low_confidence for p in record.passages)
    assert [n.error for n in record.notices] == [
        "Pages 1–2 of fax.tiff were read by OCR with low confidence; their passages are marked low-confidence: check them against the page."
    ]


def test_a_citation_of_a_low_confidence_page_carries_the_caveat_wherever_it_is_shown(tmp_path, store):
    """Stored, the page keeps its mark: the summary's citation, its Markdown and PDF exports and the
    source panel all say the quote was read by OCR with low confidence; a citation of a clear page
    does not."""
    from sqlalchemy import select

    from app import jobs
    from app.export import summary_pdf
    from app.output import summary_markdown
    from app.pipeline import prepare, request
    from app.sources import source_of
    from app.store.schema import Passage
    from app.store.summaries import LOW_CONFIDENCE, summary_of_job, view
    from app.worker import Worker
    from engine.stub import StubEngine
    from tests.test_main_job import _patient, _reply, _settings

    page, _, _ = typed_page()
    path = tiff(tmp_path / "fax.tiff", [page, page.filter(ImageFilter.GaussianBlur(4))])
    settings, engine = _settings(), StubEngine()
    stored = prepare([path], settings, store, engine, _patient(store))
    with store.transaction() as s:
        by_page = {p.page.number: f"P{p.number}" for p in s.scalars(select(Passage).where(Passage.record_id == stored.id))}
    engine.script(_reply(("Clear.", [by_page[1]]), ("Blurred.", [by_page[2]]), title="Hospital course"))
    job = request(store, stored, settings, None)
    worker = Worker(store, settings, lambda _name: engine)
    while jobs.state(store, job).status not in ("done", "failed"):
        worker.run_one(only=[job])
    shown = view(store, summary_of_job(store, job))
    cited = {c.passage_id: c for _, items in shown.sections for s in items for c in s.citations}
    assert not cited[by_page[1]].low_confidence and cited[by_page[2]].low_confidence
    assert cited[by_page[2]].as_dict()["low_confidence"] is True
    markdown = summary_markdown(shown)
    assert markdown.count(LOW_CONFIDENCE) == 1 and LOW_CONFIDENCE in next(line for line in markdown.splitlines() if "page 2" in line)
    assert summary_pdf(shown)[:4] == b"%PDF"
    assert source_of(store, shown.id, by_page[2]).low_confidence and not source_of(store, shown.id, by_page[1]).low_confidence
