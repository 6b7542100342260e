"""The source panel's data: a cited passage, its page rendered with the passage highlighted.

The UI imports only `app/`, so this gives it plain data: the passage and its neighbours as text,
and for PDFs and scans a PNG of the page with the highlight already drawn. The original file is
decrypted into a private temporary folder only for as long as rendering takes. Every call writes
an audit row, since it shows record text.
"""

from __future__ import annotations

import datetime
import io
import math
import tempfile
import warnings
from dataclasses import dataclass, replace
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw
from sqlalchemy import func, select

from app.output import printable
from app.store import Store
from app.store.schema import Document, Page, Passage, Record, Summary
from ingestion.geometry import Rect, span_rects
from ingestion.models import DocType, Word
from ingestion.models import Document as LoadedDocument
from ingestion.models import Page as LoadedPage
from ingestion.record_format import passage_id as record_id_of
from ingestion.record_format import passage_number
from ingestion.sniff import IMAGE_TYPES

MAX_WIDTH = 1400  # pixels: a page wider than this only makes the PNG heavier in the browser
PAD = 2  # pixels around each rectangle, so the outline does not cover the letters' edges
FILL = (255, 221, 0, 90)  # translucent yellow: the text stays readable under it
OUTLINE = (230, 150, 0, 255)


@dataclass(frozen=True, slots=True)
class SourceView:
    passage_id: str  # "P12"
    document_id: int
    file: str  # display name, printable
    doc_type: str  # the stored value, e.g. "discharge_summary"
    doc_type_label: str  # "Discharge summary"
    date: datetime.date | None
    page: int  # 1-based
    pages: int  # pages in the document
    ocr: bool
    ocr_confidence: float | None
    low_confidence: bool  # read by OCR with low confidence: the words may be misread
    text: str  # the passage, original (the page text is the original text)
    before: str | None  # the passage before it on the same page
    after: str | None  # the passage after it on the same page
    page_text: str
    start: int  # offsets of the passage in page_text
    end: int
    image: bytes | None  # PNG of the page with the highlight drawn; None for text files
    image_size: tuple[int, int] | None  # (width, height) in pixels
    boxes: list[tuple[int, int, int, int]]  # highlight rectangles in image pixels, inclusive (as Pillow draws them)


def source_of(store: Store, summary_id: int, passage_id: str, actor: str = "local", zoom: float = 1.5) -> SourceView:
    """Passage `passage_id` ("P12") of the record summary `summary_id` was written from, for display. Audited.

    Raises LookupError when the summary or the passage is not there."""
    number = passage_number(passage_id)
    with store.transaction() as s:
        summary = s.get(Summary, summary_id)
        if summary is None:
            raise LookupError(f"There is no summary {summary_id}.")
        passage = None if number is None else s.scalar(
            select(Passage).where(Passage.record_id == summary.record_id, Passage.number == number))
        if passage is None:
            raise LookupError(f"The record of summary {summary_id} has no passage with that id.")
        page: Page = passage.page
        doc: Document = page.document
        # Neighbours within the same record: a page shared by two records has the passages of both.
        spans = s.execute(select(Passage.id, Passage.start, Passage.end).where(
            Passage.record_id == summary.record_id, Passage.page_id == page.id).order_by(Passage.start)).all()
        here = [row.id for row in spans].index(passage.id)
        pages = s.scalar(select(func.count()).select_from(Page).where(Page.document_id == doc.id))
        patient_id = s.scalar(select(Record.patient_id).where(Record.id == summary.record_id))
        pid = record_id_of(passage.number)
        store.audit(s, actor, "source shown", patient_id, None, once=True, summary=summary_id, passage=pid)
        text = page.text
        shown = SourceView(
            passage_id=pid, document_id=doc.id, file=printable(doc.file_name), doc_type=doc.doc_type,
            doc_type_label=_label(doc.doc_type), date=doc.doc_date, page=page.number, pages=pages, ocr=page.ocr,
            ocr_confidence=page.ocr_confidence, low_confidence=page.low_confidence, text=text[passage.start : passage.end],
            before=_slice(text, spans[here - 1]) if here > 0 else None,
            after=_slice(text, spans[here + 1]) if here + 1 < len(spans) else None,
            page_text=text, start=passage.start, end=passage.end, image=None, image_size=None, boxes=[])
        loaded_page = LoadedPage(
            number=page.number, text=text, offset=0, width=page.width, height=page.height, ocr=page.ocr,
            words=[Word(*w, confidence=0.0) for w in page.words or []])
        media_type, stored_at, sha256 = doc.media_type, doc.stored_at, doc.sha256
    if media_type != "application/pdf" and media_type not in IMAGE_TYPES:
        return shown  # a text file has no layout: its text is the source
    with tempfile.TemporaryDirectory(prefix="source-") as folder:
        path = store.files.copy_out(stored_at, Path(folder) / "original")
        loaded = LoadedDocument(file="", path=str(path), sha256=sha256, media_type=media_type, pages=[loaded_page])
        rects = span_rects(loaded, loaded_page, shown.start, shown.end)
        render = _render_pdf if media_type == "application/pdf" else _open_image
        picture = render(path, loaded_page, zoom)
    boxes = to_pixels(rects, picture.width / loaded_page.width, picture.height / loaded_page.height, picture.size)
    return replace(shown, image=_png(_highlight(picture, boxes)), image_size=picture.size, boxes=boxes)


def _slice(text: str, row) -> str:
    return text[row.start : row.end]


def _label(doc_type: str) -> str:
    try:
        return DocType(doc_type).label
    except ValueError:  # a type a newer or older clinsum stored
        return doc_type.replace("_", " ").capitalize()


def _scale(page: LoadedPage, zoom: float) -> float:
    """Pixels per point: `zoom`, or less when the page would be wider than MAX_WIDTH."""
    return min(zoom, MAX_WIDTH / page.width) if page.width > 0 else zoom


def _render_pdf(path: Path, page: LoadedPage, zoom: float) -> Image.Image:
    pdf = pdfium.PdfDocument(str(path), password="")
    try:
        return pdf[page.number - 1].render(scale=_scale(page, zoom)).to_pil()
    finally:
        pdf.close()


def _open_image(path: Path, page: LoadedPage, zoom: float) -> Image.Image:
    """Frame page.number of an image file, resized to the same pixels per point a PDF gets."""
    with warnings.catch_warnings():
        # Ingestion already refused images too large to decode; this one passed its check.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(path) as image:
            image.seek(page.number - 1)  # a multi-page TIFF: one frame per page
            scale = _scale(page, zoom)
            size = (max(1, round(page.width * scale)), max(1, round(page.height * scale)))
            return image.convert("RGB").resize(size, Image.Resampling.LANCZOS)


def to_pixels(rects: list[Rect], scale_x: float, scale_y: float, size: tuple[int, int],
              pad: int = PAD) -> list[tuple[int, int, int, int]]:
    """Rectangles in points (origin top-left) as padded pixel boxes, inclusive, clipped to the image."""
    width, height = size
    boxes = []
    for r in rects:
        x0 = max(0, math.floor(r.x0 * scale_x) - pad)
        y0 = max(0, math.floor(r.y0 * scale_y) - pad)
        x1 = min(width - 1, math.ceil(r.x1 * scale_x) + pad)
        y1 = min(height - 1, math.ceil(r.y1 * scale_y) + pad)
        if x0 <= x1 and y0 <= y1:  # a rectangle wholly off the page (a bad box) draws nothing
            boxes.append((x0, y0, x1, y1))
    return boxes


def _highlight(picture: Image.Image, boxes: list[tuple[int, int, int, int]]) -> Image.Image:
    overlay = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for box in boxes:
        draw.rectangle(box, fill=FILL, outline=OUTLINE, width=2)
    return Image.alpha_composite(picture.convert("RGBA"), overlay).convert("RGB")


def _png(picture: Image.Image) -> bytes:
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()
