"""PDF pages: pypdf guards the structure, pdfium reads the text, Tesseract reads the scans.

pypdf opens the file under resource limits and inflates every content stream of a page
before pdfium parses it, so a damaged, locked or bomb PDF is refused with a reason before
any library without limits touches it. The text comes from pdfium: it orders text by
position (a table row stays one line, where pypdf's plain mode gives one line per cell and
its layout mode is six times slower), and each character of its text is the character with
that index on pdfium's text page, so a span maps to rectangles without any alignment
(ingestion/textlayer.py keeps it so while marking cells, hyphens and table rows).

A damaged PDF pypdf cannot open (cut off just short of its end, as a broken transfer leaves
it) is read by pdfium alone when pdfium can rebuild it and load every page it counts, after its
compressed streams are inflated here under the same caps; the loader says pages may be missing.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import mmap
import re
import time
import zlib
from collections.abc import Iterator

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf.errors import DependencyError, LimitReachedError, PyPdfError

from ingestion import blank, forms, textlayer
from ingestion.config import IngestionSettings
from ingestion.errors import IngestError, OcrUnavailable, OutOfTime
from ingestion.files import open_regular
from ingestion.models import Page
from ingestion.ocr import ocr_image

log = logging.getLogger(__name__)

# Every complete PDF ends with an end-of-file marker (some exporters pad a few bytes after it).
_EOF = b"%%EOF"
# What a damaged PDF makes pypdf raise, beyond its own errors.
_DAMAGE = (PyPdfError, DependencyError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError)
_BOMB = "is a PDF whose compressed data expands beyond the safety limit (a possible decompression bomb)."
_BLANK_SCALE = 2.0  # the blank test's render: 144 dpi, averaged down to 72 (sampling at 72 keeps some specks whole)
_INCOMPLETE = "is an incomplete PDF (the file ends before the PDF does); it may have been cut off during upload or export."
# Filters whose output a damaged file's raw scan cannot bound (pdfium would decode them unchecked).
_UNCHECKED_FILTERS = re.compile(rb"/(?:LZWDecode|RunLengthDecode)\b")
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_HEX = re.compile(rb"[0-9A-Fa-f\s]*>")
_DAMAGED_TOTAL_STREAMS = 16  # a damaged file's streams may inflate to this many times the per-stream cap in all
_ENDSTREAM = b"endstream"


class _Damaged(IngestError):
    """pypdf cannot read the file's structure; pdfium may still rebuild it."""


@contextlib.contextmanager
def _limits(settings: IngestionSettings) -> Iterator[None]:
    cap = settings.max_stream_bytes
    with pypdf.apply_configuration(
        maximum_declared_stream_length=cap,
        zlib_maximum_output_length=cap,
        lzw_maximum_output_length=cap,
        run_length_maximum_output_length=cap,
        array_based_stream_maximum_output_length=cap,
        image_maximum_buffer_size=cap,
        stream_decoding_work_maximum_length=4 * cap,
    ):
        yield


def _open(stream, file: str) -> pypdf.PdfReader:
    try:
        reader = pypdf.PdfReader(stream, strict=False)
    except LimitReachedError:
        raise IngestError(file, _BOMB) from None
    except _DAMAGE as exc:
        raise _Damaged(file, f"is a damaged PDF that cannot be read ({type(exc).__name__}).") from None
    if reader.is_encrypted:
        # Many PDFs are encrypted with an empty user password: every viewer opens them.
        try:
            opened = reader.decrypt("")
        except (PyPdfError, DependencyError, NotImplementedError):
            opened = 0
        if not opened:
            raise IngestError(file, "is a password-protected PDF; remove the password and upload it again.")
    return reader


def count_pages(path: str, file: str, settings: IngestionSettings) -> tuple[int, bool]:
    """Open a PDF far enough to refuse it early: damaged beyond pdfium's repair, truncated, locked,
    empty or too long. Returns the page count, and whether only pdfium could read the file."""
    with open_regular(path, file) as fh:
        head = fh.read(65536)
        fh.seek(max(0, fh.seek(0, 2) - 1024))
        complete = _EOF in fh.read()
        fh.seek(0)
        try:
            if not complete and b"endobj" in head:  # real PDF objects, then the file stops
                raise _Damaged(file, _INCOMPLETE)
            return _count(fh, file, settings), False
        except _Damaged as damage:
            fh.seek(0)
            return _count_damaged(fh, file, settings, damage), True


def _count_damaged(fh, file: str, settings: IngestionSettings, damage: _Damaged) -> int:
    """The pages pdfium finds in a file pypdf could not read, once its streams pass the caps;
    pypdf's refusal stands when pdfium cannot open it either."""
    with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:  # up to max_file_bytes: not copied
        _check_raw_streams(data, file, settings)
    try:
        document = pdfium.PdfDocument(fh, password="")
    except pdfium.PdfiumError:
        raise damage from None
    try:
        count = len(document)
        if count == 0:
            raise damage
        if count > settings.max_pages:
            raise IngestError(file, f"has {count:,} pages, more than the limit of {settings.max_pages:,}.")
        for index in range(count):  # a page tree can count pages it cannot find (milliseconds a page)
            _pdfium_page(document, index, file).close()
    finally:
        document.close()
    return count


def _pdfium_page(document: pdfium.PdfDocument, index: int, file: str) -> pdfium.PdfPage:
    try:
        return document[index]
    except pdfium.PdfiumError:
        raise IngestError(file, f"is a damaged PDF whose page {index + 1} cannot be read.") from None


def _check_raw_streams(data: bytes | mmap.mmap, file: str, settings: IngestionSettings) -> None:
    """pypdf's guard for a file it cannot parse: inflate every stream found in the raw bytes
    (ASCII85 or hex armour first, zlib up to twice) under the per-stream cap and a total cap.
    Image codecs are bounded by the image size, checked before rendering; LZW and run-length,
    which can expand without bound, are refused."""
    if _UNCHECKED_FILTERS.search(data):
        raise IngestError(file, "is a damaged PDF that cannot be read safely (it uses filters that cannot be checked).")
    cap, total = settings.max_stream_bytes, 0
    for match in _STREAM.finditer(data):
        end = data.find(_ENDSTREAM, match.end())
        chunk = _unarmour(data[match.end() : end if end >= 0 else len(data)])
        for _ in range(2):
            inflater = zlib.decompressobj()
            try:
                chunk = inflater.decompress(chunk, cap)
            except zlib.error:  # not zlib data (an image codec, or the content itself)
                break
            total += len(chunk)
            if inflater.unconsumed_tail:
                raise IngestError(file, _BOMB)
            if total > _DAMAGED_TOTAL_STREAMS * cap:
                raise IngestError(file, "is a damaged PDF too large to check safely.")


def _unarmour(chunk: bytes) -> bytes:
    """A stream's bytes without ASCII85 or hex armour (ReportLab armours its streams); as is otherwise."""
    text = chunk.strip()
    try:
        if text.endswith(b"~>"):
            return base64.a85decode(text.removeprefix(b"<~")[:-2])
        if text.endswith(b">") and _HEX.fullmatch(text):
            digits = re.sub(rb"\s+", b"", text[:-1])
            return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())
    except ValueError:
        pass
    return chunk


def _count(fh, file: str, settings: IngestionSettings) -> int:
    with _limits(settings):
        reader = _open(fh, file)
        try:
            count = len(reader.pages)
        except LimitReachedError:
            raise IngestError(file, "is a PDF whose structure exceeds the safety limits.") from None
        except _DAMAGE as exc:
            raise _Damaged(file, f"is a damaged PDF whose pages cannot be read ({type(exc).__name__}).") from None
    if count == 0:
        raise IngestError(file, "is a PDF with no pages.")
    if count > settings.max_pages:
        raise IngestError(file, f"has {count:,} pages, more than the limit of {settings.max_pages:,}.")
    return count


def load_pages(path: str, file: str, first: int, last: int, settings: IngestionSettings, deadline: float = float("inf")) -> list[Page]:
    """Pages first..last-1 (0-based) with their text; pages without a text layer are OCR'd unless
    blank. Raises OutOfTime once time.monotonic() passes `deadline` (checked between pages)."""
    # pypdf and pdfium each read through a handle of their own: neither expects the other's seeks.
    with open_regular(path, file) as fh, open_regular(path, file) as fh_pdfium:
        return _load(fh, fh_pdfium, file, first, last, settings, deadline)


def _load(fh, fh_pdfium, file: str, first: int, last: int, settings: IngestionSettings, deadline: float) -> list[Page]:
    pages: list[Page] = []
    ocr = _Ocr(settings, deadline)
    with _limits(settings):
        try:
            reader: pypdf.PdfReader | None = _open(fh, file)
            len(reader.pages)
        except LimitReachedError:
            raise IngestError(file, "is a PDF whose structure exceeds the safety limits.") from None
        except (_Damaged, *_DAMAGE):  # damage count_pages let through: pdfium reads it, its streams were checked
            reader = None
        try:
            document = pdfium.PdfDocument(fh_pdfium, password="")
        except pdfium.PdfiumError:
            raise IngestError(file, "is a damaged PDF that cannot be read (PDFium refused it).") from None
        try:
            for index in range(first, last):
                if time.monotonic() > deadline:
                    raise OutOfTime()
                try:
                    if reader is None:
                        image_width = _measure_images(_pdfium_page(document, index, file), index + 1, file, settings)
                    else:
                        image_width = _inflate_streams(reader.pages[index], index + 1, file, settings)
                except LimitReachedError:
                    raise IngestError(file, _BOMB) from None
                except _DAMAGE as exc:
                    raise IngestError(file, f"has a damaged page ({index + 1}) that cannot be read ({type(exc).__name__}).") from None
                fields = forms.filled_fields(reader.pages[index]) if reader is not None else []
                pages.append(_page(document, index, image_width, file, settings, ocr, fields))
        finally:
            document.close()
    return pages


def _inflate_streams(page: pypdf.PageObject, number: int, file: str, settings: IngestionSettings) -> int:
    """Decode the page's content and form streams under pypdf's limits; check image sizes.

    Images are only measured, not decoded: pdfium decodes them only to render a scan for OCR.
    Returns the width in pixels of the page's widest image (0 if none), the scan's resolution.
    """
    widest = 0
    contents = page.get_contents()
    if contents is not None:
        contents.get_data()
    pending, seen = [page.get("/Resources")], set()
    while pending:
        resources = pending.pop()
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        for ref in (xobjects.get_object().values() if xobjects is not None else ()):
            key = getattr(ref, "idnum", id(ref))
            if key in seen:
                continue
            seen.add(key)
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Form":
                obj.get_data()
                pending.append(obj.get("/Resources"))
            elif obj.get("/Subtype") == "/Image":
                width = int(obj.get("/Width", 0))
                pixels = width * int(obj.get("/Height", 0))
                if pixels > settings.max_image_pixels:
                    raise IngestError(file, f"has an image on page {number} too large to decode safely ({pixels:,} pixels).")
                widest = max(widest, width)
    return widest


def _measure_images(page: pdfium.PdfPage, number: int, file: str, settings: IngestionSettings) -> int:
    """_inflate_streams for a page only pdfium reads: the widest image's pixels, each image's size checked."""
    widest = 0
    try:
        for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)):
            width, height = obj.get_px_size()
            if width * height > settings.max_image_pixels:
                raise IngestError(file, f"has an image on page {number} too large to decode safely ({width * height:,} pixels).")
            widest = max(widest, width)
    except pdfium.PdfiumError:
        raise IngestError(file, f"has a damaged page ({number}) that cannot be read.") from None
    return widest


def _has_image(page: pdfium.PdfPage) -> bool:
    """Whether the page draws any image (an XObject or an inline one, in forms too)."""
    return next(iter(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,))), None) is not None


class _Ocr:
    """OCR under the file's deadline; once Tesseract is found missing, not tried again for the task."""

    def __init__(self, settings: IngestionSettings, deadline: float):
        self.settings, self.deadline, self.missing = settings, deadline, False

    def read(self, image, dpi: float, file: str, number: int):
        """The page's OcrPage, or None when Tesseract is missing."""
        if self.missing:
            return None
        s = self.settings
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise OutOfTime()
        try:
            return ocr_image(image, dpi, s.ocr_language, min(s.ocr_timeout_s, left), s.ocr_command, check_below=s.ocr_low_confidence)
        except OcrUnavailable:
            self.missing = True
            return None
        except RuntimeError:  # pytesseract's timeout
            if left < s.ocr_timeout_s:
                raise OutOfTime() from None
            raise IngestError(file, f"has a scanned page ({number}) that OCR could not finish within {s.ocr_timeout_s:g} s.") from None


def _page(document: pdfium.PdfDocument, index: int, image_width: int, file: str, settings: IngestionSettings, ocr: _Ocr,
          fields: list[forms.Field]) -> Page:
    page = _pdfium_page(document, index, file)
    width, height = page.get_size()
    textpage = page.get_textpage()
    text, rows, words = textlayer.read(textpage, height)
    text, filled = forms.add_fields(text, textpage, height, fields)  # after the page's own text: its indices stay pdfium's
    if len(text.strip()) >= settings.min_text_chars:
        return Page(number=index + 1, text=text, offset=0, width=width, height=height, rows=rows, words=words + filled)
    try:
        if blank.is_blank(page.render(scale=_BLANK_SCALE, grayscale=True).to_pil(), 72 * _BLANK_SCALE):
            return Page(number=index + 1, text="", offset=0, width=width, height=height, skipped="blank")
    except pdfium.PdfiumError:
        raise IngestError(file, f"has a page ({index + 1}) that cannot be rendered.") from None
    # No text layer worth the name: a scan. Render it at the scan's own resolution (more pixels
    # than the scanner saw add time, not accuracy: a 200 dpi fax OCRs as well at 200 as at 300,
    # in 1.2 s instead of 1.7), within 150 dpi..ocr_dpi, and lower for a huge page.
    native = image_width / (width / 72) if image_width and width else settings.ocr_dpi
    dpi = min(settings.ocr_dpi, max(150.0, native))
    scale = min(dpi / 72, (settings.max_image_pixels / max(width * height, 1.0)) ** 0.5)
    if ocr.missing:
        return Page(number=index + 1, text="", offset=0, width=width, height=height, ocr=True, skipped="no_ocr")
    try:
        image = page.render(scale=scale, grayscale=True).to_pil()
    except pdfium.PdfiumError:
        raise IngestError(file, f"has a page ({index + 1}) that cannot be rendered for OCR.") from None
    result = ocr.read(image, scale * 72, file, index + 1)
    if result is None:
        return Page(number=index + 1, text="", offset=0, width=width, height=height, ocr=True, skipped="no_ocr")
    log.debug("ocr page=%d words=%d confidence=%s", index + 1, len(result.words), result.confidence)
    if (result.confidence or 0.0) < settings.ocr_min_confidence and not _has_image(page):
        # No text layer and no image, only drawing (the rules and boxes of an empty form, a
        # logo): what OCR makes of that is not text. A scan read this badly stays a scan.
        return Page(number=index + 1, text="", offset=0, width=width, height=height, skipped="blank")
    return Page(
        number=index + 1,
        text=result.text,
        offset=0,
        width=width,
        height=height,
        ocr=True,
        ocr_confidence=result.confidence,
        words=result.words,
        rotation=result.rotation,
    )
