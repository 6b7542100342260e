"""Image files (PNG, JPEG, multi-page TIFF as faxes arrive): every frame is a scanned page."""

from __future__ import annotations

import time
import warnings

from PIL import Image, UnidentifiedImageError

from ingestion import blank
from ingestion.config import IngestionSettings
from ingestion.errors import IngestError, OcrUnavailable, OutOfTime
from ingestion.files import open_regular
from ingestion.models import Page
from ingestion.ocr import ocr_image

_DEFAULT_DPI = 200.0  # fax resolution; used when the file does not say


def _open(fh, file: str, settings: IngestionSettings) -> Image.Image:
    """Open (not decode) an image, refusing one whose header promises too many pixels."""
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb guard only warns below twice its cap; the cap here is ours.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(fh)
    except Image.DecompressionBombError:
        image = None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise IngestError(file, "is a damaged image that cannot be read.") from None
    if image is None or image.width * image.height > settings.max_image_pixels:
        raise IngestError(file, "is an image too large to decode safely.")
    return image


def count_frames(path: str, file: str, settings: IngestionSettings) -> int:
    with open_regular(path, file) as fh, _open(fh, file, settings) as image:
        count = getattr(image, "n_frames", 1)
    if count > settings.max_pages:
        raise IngestError(file, f"has {count:,} pages, more than the limit of {settings.max_pages:,}.")
    return count


def load_frames(path: str, file: str, first: int, last: int, settings: IngestionSettings, deadline: float = float("inf")) -> list[Page]:
    """Frames first..last-1 (0-based), OCR'd unless blank; OutOfTime once past `deadline`."""
    pages = []
    missing = False  # Tesseract: once found missing, not tried again
    with open_regular(path, file) as fh, _open(fh, file, settings) as image:
        for index in range(first, last):
            if time.monotonic() > deadline:
                raise OutOfTime()
            try:
                image.seek(index)
                if image.width * image.height > settings.max_image_pixels:
                    raise IngestError(file, f"has a page ({index + 1}) too large to decode safely.")
                image.load()
            except (OSError, EOFError, SyntaxError, ValueError):
                raise IngestError(file, f"is a damaged image (page {index + 1} cannot be decoded).") from None
            dpi = float((image.info.get("dpi") or (_DEFAULT_DPI,))[0] or _DEFAULT_DPI)
            size = {"number": index + 1, "text": "", "offset": 0, "width": image.width * 72 / dpi, "height": image.height * 72 / dpi}
            if blank.is_blank(image, dpi):
                pages.append(Page(**size, skipped="blank"))
                continue
            result = None
            if not missing:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise OutOfTime()
                try:
                    result = ocr_image(
                        image.copy(), dpi, settings.ocr_language, min(settings.ocr_timeout_s, left), settings.ocr_command,
                        check_below=settings.ocr_low_confidence,
                    )
                except OcrUnavailable:
                    missing = True
                except RuntimeError:  # pytesseract's timeout
                    if left < settings.ocr_timeout_s:
                        raise OutOfTime() from None
                    raise IngestError(file, f"has a page ({index + 1}) that OCR could not finish within {settings.ocr_timeout_s:g} s.") from None
            if result is None:
                pages.append(Page(**size, ocr=True, skipped="no_ocr"))
                continue
            size["text"] = result.text
            pages.append(Page(**size, ocr=True, ocr_confidence=result.confidence, words=result.words, rotation=result.rotation))
    return pages
