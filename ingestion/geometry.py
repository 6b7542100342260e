"""Where a span of a page's text sits on the page: rectangles in points, origin top-left.

Computed on demand (when a citation is opened), not at load time: loading stays fast and a
record keeps no per-character boxes. Text-layer PDF pages ask pdfium, whose character
indices are the page text's offsets; OCR'd pages use the word boxes Tesseract gave, a text
layer rewritten in reading order (ingestion/columns.py) its words' boxes, and the form-field lines
written after a text layer's text (ingestion/forms.py) the fields' boxes: a page's words, when it
has any, place its text from the first of them on.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium

from ingestion.models import Document, Page


@dataclass(frozen=True, slots=True)
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float


def span_rects(document: Document, page: Page, start: int, end: int) -> list[Rect]:
    """Rectangles covering page.text[start:end] on that page (one per line or table cell)."""
    if not 0 <= start <= end <= len(page.text):
        raise ValueError(f"span {start}-{end} is outside page {page.number} ({len(page.text)} characters)")
    if start == end:
        return []
    if page.ocr:
        return _word_rects(page, start, end)
    if document.media_type != "application/pdf":
        return []  # a text file has no layout to point into
    rects: list[Rect] = []
    if page.words and end > page.words[0].start:  # filled form fields written after the text layer's own text
        rects = _word_rects(page, max(start, page.words[0].start), end)
        end = min(end, page.words[0].start)
        if start >= end:
            return rects
    pdf = pdfium.PdfDocument(document.path, password="")
    try:
        textpage = pdf[page.number - 1].get_textpage()
        for i in range(textpage.count_rects(start, end - start)):
            left, bottom, right, top = textpage.get_rect(i)
            rects.append(Rect(left, page.height - top, right, page.height - bottom))
        return rects
    finally:
        pdf.close()


def _word_rects(page: Page, start: int, end: int) -> list[Rect]:
    """Union of the boxes of the words the span touches, one rectangle per line of words."""
    lines: list[list[float]] = []
    for word in page.words:
        if word.end <= start or word.start >= end:
            continue
        last = lines[-1] if lines else None
        # Same line: the word's vertical middle lies within the line's band so far.
        if last and last[1] <= (word.y0 + word.y1) / 2 <= last[3]:
            last[0], last[1] = min(last[0], word.x0), min(last[1], word.y0)
            last[2], last[3] = max(last[2], word.x1), max(last[3], word.y1)
        else:
            lines.append([word.x0, word.y0, word.x1, word.y1])
    return [Rect(*line) for line in lines]
