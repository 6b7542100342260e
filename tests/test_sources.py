"""The source panel's data: a cited passage with its page rendered and the passage highlighted.

One store per database holds the sample record and its extractive summary; the tests open its
citations the way the UI does and check what a user would see.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from cryptography.fernet import Fernet
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageDraw
from sqlalchemy import select

from app.sources import SourceView, _scale, source_of, to_pixels
from app.store import Store
from app.store.db import migrate
from app.store.schema import AuditEvent, Page, Passage, Summary
from app.store.summaries import CitationView, summary_of_job, view
from engine import make_engine
from engine.config import EngineSettings
from ingestion.geometry import Rect
from ingestion.models import Page as LoadedPage
from ingestion.models import Word
from ingestion.ocr import OcrPage
from tests.conftest import SAMPLES, postgres_schema
from tests.test_main_job import _run

PNG = b"\x89PNG\r\n\x1a\n"
ZOOM = 1.5  # source_of's default: a letter page (612 pt) renders 918 px wide


@contextlib.contextmanager
def _open_store(kind: str, folder: Path) -> Iterator[Store]:
    with contextlib.ExitStack() as stack:
        url = f"sqlite:///{folder / 'clinsum.db'}" if kind == "sqlite" else stack.enter_context(postgres_schema())
        store = stack.enter_context(contextlib.closing(Store(url, folder / "files", Fernet.generate_key().decode())))
        migrate(store.engine)
        yield store


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def record(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, int, list[CitationView]]]:
    """The sample record, ingested and summarized by the extractive engine: (store, summary id, its citations)."""
    with _open_store(request.param, tmp_path_factory.mktemp("sources")) as store:
        _, job = _run(store, make_engine(EngineSettings(backend="extractive")), paths=SAMPLES)
        summary_id = summary_of_job(store, job)
        citations = [c for _, items in view(store, summary_id).sections for s in items for c in s.citations]
        yield store, summary_id, citations


def _cited(citations: list[CitationView], suffix: str) -> CitationView:
    return next(c for c in citations if c.file and c.file.endswith(suffix))


def _inside(x: int, y: int, boxes: list[tuple[int, int, int, int]]) -> bool:
    return any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in boxes)


def _has_ink(picture: Image.Image, box: tuple[int, int, int, int]) -> bool:
    """Whether the box covers something dark on the page (text), not only margin."""
    x0, y0, x1, y1 = box
    return picture.convert("L").crop((x0, y0, x1 + 1, y1 + 1)).getextrema()[0] < 128


def test_a_pdf_citation_shows_its_page_with_the_passage_highlighted(record) -> None:
    store, summary_id, citations = record
    cited = _cited(citations, ".pdf")
    shown = source_of(store, summary_id, cited.passage_id)
    assert shown.file == cited.file and shown.page == cited.page and not shown.ocr
    assert shown.text == shown.page_text[shown.start : shown.end] == cited.quote
    assert shown.image is not None and shown.image.startswith(PNG) and shown.boxes
    highlighted = Image.open(io.BytesIO(shown.image)).convert("RGB")
    assert highlighted.size == shown.image_size
    pdf = pdfium.PdfDocument(next(p for p in SAMPLES if p.name == cited.file))
    plain = pdf[cited.page - 1].render(scale=ZOOM).to_pil().convert("RGB")
    pdf.close()
    assert plain.size == highlighted.size
    before, after = np.asarray(plain).astype(int), np.asarray(highlighted).astype(int)
    changed = (before != after).any(axis=2)
    in_boxes = np.zeros_like(changed)
    for x0, y0, x1, y1 in shown.boxes:
        in_boxes[y0 : y1 + 1, x0 : x1 + 1] = True
    assert changed.any() and not (changed & ~in_boxes).any()  # the highlight is drawn inside the boxes only
    r, g, b = after[..., 0], after[..., 1], after[..., 2]
    yellow = changed & (r > 200) & (g > 180) & (b < 200)
    assert yellow.sum() > 0.5 * changed.sum()  # mostly yellow: the fill over white paper
    assert all(_has_ink(plain, box) for box in shown.boxes)  # over the text, not beside it (no flipped axis)


def test_every_pdf_citation_is_highlighted_where_pdfium_finds_its_first_and_last_word(record) -> None:
    """Across the whole summary, not one chosen citation: the boxes sit on the passage's own words, as pdfium
    (independently of our geometry) places them on the page."""
    store, summary_id, citations = record
    checked = 0
    for passage_id in dict.fromkeys(c.passage_id for c in citations if c.file and c.file.endswith(".pdf")):
        shown = source_of(store, summary_id, passage_id)
        if shown.ocr:
            continue  # no text layer: test_an_ocr_citation_is_highlighted_from_its_word_boxes
        pdf = pdfium.PdfDocument(next(p for p in SAMPLES if p.name == shown.file))
        try:
            page = pdf[shown.page - 1]
            scale, height = shown.image_size[0] / page.get_size()[0], page.get_size()[1]
            textpage = page.get_textpage()
            words = re.findall(r"\w+", shown.text)
            for word in (words[0], words[-1]):
                searcher, places = textpage.search(word, match_case=True, match_whole_word=True), []
                while (hit := searcher.get_next()) is not None:
                    for i in range(textpage.count_rects(*hit)):
                        left, bottom, right, top = textpage.get_rect(i)
                        places.append(((left + right) / 2 * scale, (height - (top + bottom) / 2) * scale))
                assert any(_inside(round(x), round(y), shown.boxes) for x, y in places), (passage_id, word)
        finally:
            pdf.close()
        checked += 1
    assert checked >= 10


def test_a_citation_of_a_text_file_is_text_with_its_neighbours(record) -> None:
    store, summary_id, citations = record
    cited = _cited(citations, ".txt")
    shown = source_of(store, summary_id, cited.passage_id)
    assert shown.image is None and shown.image_size is None and shown.boxes == []
    assert shown.text == shown.page_text[shown.start : shown.end] == cited.quote
    assert (shown.doc_type, shown.doc_type_label) == ("progress_note", "Progress note")
    assert shown.date is not None and shown.date.isoformat() == "2023-03-14" and shown.pages == 1
    number = int(cited.passage_id[1:])
    before, after = (source_of(store, summary_id, f"P{n}") for n in (number - 1, number + 1))
    assert shown.before == before.text and before.after == shown.text
    assert shown.after == after.text and after.before == shown.text
    assert before.end <= shown.start and shown.end <= after.start
    first = source_of(store, summary_id, "P1")  # the record's first passage opens its first page
    assert first.before is None and first.after is not None


def test_an_ocr_citation_is_highlighted_from_its_word_boxes(record) -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed: the fax was not OCR'd (the image-file test covers word boxes)")
    store, summary_id, _ = record
    with store.transaction() as s:
        record_id = s.get(Summary, summary_id).record_id
        number, words, points = s.execute(
            select(Passage.number, Page.words, Page.width).join(Page, Passage.page_id == Page.id)
            .where(Passage.record_id == record_id, Page.ocr).order_by(Passage.number).limit(1)).one()
    shown = source_of(store, summary_id, f"P{number}")
    assert shown.ocr and shown.ocr_confidence is not None and shown.file.endswith("_fax.pdf")
    assert shown.image is not None and shown.image.startswith(PNG) and shown.boxes
    width, height = shown.image_size
    assert all(0 <= x0 <= x1 < width and 0 <= y0 <= y1 < height for x0, y0, x1, y1 in shown.boxes)
    touched = [w for w in words if w[0] < shown.end and w[1] > shown.start]
    scale = width / points  # pixels per point
    # Every word of the passage sits inside a box: the boxes are the words', line by line.
    middles = [(round((w[2] + w[4]) / 2 * scale), round((w[3] + w[5]) / 2 * scale)) for w in touched]
    assert middles and all(_inside(x, y, shown.boxes) for x, y in middles)


def test_unknown_passages_are_a_plain_lookup_error(record) -> None:
    store, summary_id, _ = record
    for passage_id in ("P99999", "X1", "", "P-1"):
        with pytest.raises(LookupError) as raised:
            source_of(store, summary_id, passage_id)
        assert not any(p.name in str(raised.value) for p in SAMPLES)
    with pytest.raises(LookupError):
        source_of(store, 10**6, "P1")


def test_each_source_shown_is_audited_without_record_text(record) -> None:
    store, summary_id, citations = record
    cited = _cited(citations, ".pdf")
    with store.transaction() as s:
        before = len(s.scalars(select(AuditEvent.id).where(AuditEvent.action == "source shown")).all())
    shown = source_of(store, summary_id, cited.passage_id, actor="dr.who")
    with store.transaction() as s:
        rows = s.scalars(select(AuditEvent).where(AuditEvent.action == "source shown").order_by(AuditEvent.id)).all()
        assert len(rows) == before + 1
        assert (rows[-1].actor, rows[-1].detail) == ("dr.who", {"summary": summary_id, "passage": cited.passage_id})
        assert rows[-1].patient_id is not None
    assert shown.text not in str(rows[-1].detail)


def test_no_decrypted_original_is_left_behind(record, tmp_path, monkeypatch) -> None:
    store, summary_id, citations = record
    folder = tmp_path / "private-tmp"
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    copies: list[Path] = []
    copy_out = store.files.copy_out

    def spy(stored_at: str, target: Path) -> Path:
        copies.append(copy_out(stored_at, target))
        assert copies[-1].stat().st_mode & 0o077 == 0
        return copies[-1]

    monkeypatch.setattr(store.files, "copy_out", spy)
    source_of(store, summary_id, _cited(citations, ".pdf").passage_id)
    assert len(copies) == 1 and copies[0].is_relative_to(folder)  # it was decrypted, into the private folder
    assert list(folder.iterdir()) == [] and not copies[0].exists()


def test_a_scanned_tiff_page_is_resized_like_a_pdf_and_highlighted(tmp_path) -> None:
    """Page 2 of a two-page TIFF, with OCR scripted: the word boxes land on the ink they describe."""
    dpi = 200
    words = {1: [("Weight", (200, 300, 500, 360)), ("stable.", (540, 300, 800, 360))],
             2: [("Furosemide", (200, 600, 700, 660)), ("40", (740, 600, 840, 660)), ("mg.", (880, 600, 1000, 660))]}
    frames = []
    for page in (1, 2):
        frame = Image.new("L", (1700, 2200), 255)  # letter at 200 dpi: 612 × 792 pt
        for _, box in words[page]:
            ImageDraw.Draw(frame).rectangle(box, fill=0)  # each "word" a black bar where the OCR says it is
        frames.append(frame)
    scan = tmp_path / "scan.tiff"
    frames[0].save(scan, save_all=True, append_images=frames[1:], dpi=(dpi, dpi))
    scripted = iter(words.values())

    def ocr(image, dpi_, *_args, **_kwargs) -> OcrPage:
        text, found = "", []
        for word, (x0, y0, x1, y1) in next(scripted):
            start = len(text) + (1 if text else 0)
            text = f"{text} {word}" if text else word
            found.append(Word(start, start + len(word), x0 * 72 / dpi_, y0 * 72 / dpi_, x1 * 72 / dpi_, y1 * 72 / dpi_, 90.0))
        return OcrPage(text, found, 90.0)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("ingestion.image.ocr_image", ocr)
        with _open_store("sqlite", tmp_path) as store:
            _, job = _run(store, make_engine(EngineSettings(backend="extractive")), paths=[scan])
            summary_id = summary_of_job(store, job)
            with store.transaction() as s:
                numbers = dict(s.execute(select(Page.number, Passage.number).select_from(Passage)
                                         .join(Page, Passage.page_id == Page.id)).all())
            shown = source_of(store, summary_id, f"P{numbers[2]}")
    assert shown.page == 2 and shown.pages == 2 and shown.ocr and shown.text == "Furosemide 40 mg."
    assert shown.image_size == (918, 1188)  # 1.5 px per point, as a PDF page
    picture = Image.open(io.BytesIO(shown.image))
    assert len(shown.boxes) == 1 and _has_ink(picture, shown.boxes[0])
    x0, y0, x1, y1 = shown.boxes[0]
    to_px = 72 / dpi * ZOOM
    assert (x0, y0) <= (round(200 * to_px), round(600 * to_px)) and (x1, y1) >= (round(1000 * to_px), round(660 * to_px))
    assert x1 - x0 < 1000 * to_px  # the line of words, not the page


@given(
    width=st.floats(50, 5000), height=st.floats(50, 5000), zoom=st.floats(0.25, 4),
    rects=st.lists(st.tuples(*[st.floats(-50, 1.1, allow_nan=False)] * 4), max_size=8),
)
def test_boxes_always_lie_inside_the_image(width: float, height: float, zoom: float, rects: list[tuple[float, ...]]) -> None:
    page = LoadedPage(number=1, text="", offset=0, width=width, height=height)
    scale = _scale(page, zoom)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    assert size[0] <= 1400 + 1
    # Fractions of the page, some off it (a bad box): scaled, padded and clipped, never outside.
    points = [Rect(min(a, c) * width, min(b, d) * height, max(a, c) * width, max(b, d) * height) for a, b, c, d in rects]
    for x0, y0, x1, y1 in to_pixels(points, size[0] / width, size[1] / height, size):
        assert 0 <= x0 <= x1 < size[0] and 0 <= y0 <= y1 < size[1]
    for r in points:  # a rectangle that starts on the page is highlighted from where it starts
        if 0 <= r.x0 < width and 0 <= r.y0 < height:
            corner = (int(r.x0 * size[0] / width), int(r.y0 * size[1] / height))
            assert _inside(*corner, to_pixels([r], size[0] / width, size[1] / height, size))


def test_source_view_is_plain_data() -> None:
    assert SourceView.__dataclass_params__.frozen and "__slots__" in SourceView.__dict__


def test_a_sentence_of_a_column_read_in_reading_order_is_highlighted_in_its_column(tmp_path) -> None:
    """A two-column page drawn line by line across is stored rewritten column by column: its word
    boxes travel with it, and the highlight lands on the sentence's own column, line by line."""
    from tests.test_pdf_columns import LEFT, RIGHT, X, _pdf

    path = _pdf(tmp_path / "summary.pdf", [LEFT, RIGHT], X, across=True)
    with _open_store("sqlite", tmp_path) as store:
        _, job = _run(store, make_engine(EngineSettings(backend="extractive")), paths=[path])
        summary_id = summary_of_job(store, job)
        with store.transaction() as s:
            numbers = s.scalars(select(Passage.number)).all()
        shown = [source_of(store, summary_id, f"P{n}") for n in numbers]
    follow = next(s for s in shown if s.text.startswith("Follow up with the primary care physician"))
    picture = Image.open(io.BytesIO(follow.image))
    assert len(follow.boxes) >= 2 and all(_has_ink(picture, box) for box in follow.boxes)
    assert all(box[0] >= (X[1] - 2) * ZOOM for box in follow.boxes)  # in the right column, not across the page
