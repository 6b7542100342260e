"""Scanned pages: Tesseract reads a page image into text, word boxes and a confidence."""

from __future__ import annotations

import os
from dataclasses import dataclass

from PIL import Image

from ingestion.errors import OcrUnavailable
from ingestion.models import Word

# Tesseract's OpenMP threads made one page five times slower on the 2-core machines we
# measured (6.7 s against 1.2 s); parallelism comes from the loader's processes instead. The
# limit goes to Tesseract's environment only: in ours, it would cap the OpenMP runtime of a
# torch imported later, and vLLM's CPU kernels then returned garbage.
_TESSERACT_ENV = {"OMP_THREAD_LIMIT": "1"}


@dataclass(frozen=True, slots=True)
class OcrPage:
    text: str
    words: list[Word]
    confidence: float | None  # mean word confidence 0-100; None when no word was read


def ocr_image(image: Image.Image, dpi: float, language: str, timeout_s: float, command: str | None = None) -> OcrPage:
    """OCR one page image; boxes come back in points (1/72 inch), origin top-left.

    The text is rebuilt from Tesseract's words (one space between words, a newline between
    lines, a blank line between paragraphs) so that each word's span in it is known exactly.
    Raises OcrUnavailable when Tesseract is not installed (pytesseract's own error does not
    pickle back from a worker), RuntimeError when it times out.
    """
    import pytesseract  # imports pandas: 0.3 s that an app or CLI start without a scan need not pay

    if image.mode not in ("L", "1", "RGB"):
        image = image.convert("RGB")
    # pytesseract takes its command and environment from module globals (one OCR at a time per process).
    before = pytesseract.pytesseract.tesseract_cmd, pytesseract.pytesseract.environ
    if command:
        pytesseract.pytesseract.tesseract_cmd = command
    pytesseract.pytesseract.environ = {**_TESSERACT_ENV, **os.environ}  # a limit set by the user wins
    try:
        data = pytesseract.image_to_data(image, lang=language, output_type=pytesseract.Output.DICT, timeout=timeout_s)
    except (pytesseract.TesseractNotFoundError, OSError):  # OSError: there, but not a program we may run
        raise OcrUnavailable() from None
    finally:
        pytesseract.pytesseract.tesseract_cmd, pytesseract.pytesseract.environ = before
    to_pt = 72.0 / dpi
    parts: list[str] = []
    words: list[Word] = []
    pos = 0
    last_line = last_par = None
    for i, raw in enumerate(data["text"]):
        token = raw.strip()
        conf = float(data["conf"][i])
        if not token or conf < 0:
            continue
        par = (data["block_num"][i], data["par_num"][i])
        line = (*par, data["line_num"][i])
        if last_line is not None:
            sep = " " if line == last_line else ("\n" if par == last_par else "\n\n")
            parts.append(sep)
            pos += len(sep)
        last_line, last_par = line, par
        left, top = data["left"][i], data["top"][i]
        words.append(
            Word(
                start=pos,
                end=pos + len(token),
                x0=left * to_pt,
                y0=top * to_pt,
                x1=(left + data["width"][i]) * to_pt,
                y1=(top + data["height"][i]) * to_pt,
                confidence=conf,
            )
        )
        parts.append(token)
        pos += len(token)
    confidence = sum(w.confidence for w in words) / len(words) if words else None
    return OcrPage("".join(parts), words, confidence)
