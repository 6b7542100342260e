"""Scanned pages: Tesseract reads a page image into text, word boxes and a confidence.

A page fed in sideways or upside down reads as garbage at 40-45 % confidence, which is above
the loader's floor. So a page whose reading looks wrong (low confidence, or words taller than
wide: Tesseract read a sideways page as vertical lines) gets Tesseract's orientation detection
(OSD), is turned upright and read again. OSD is only run then: it takes longer than the OCR
itself (1 s against 0.6 s for a 200 dpi page), and most pages are upright.

The boxes always refer to the page as given (as the file renders it), not to the upright
image: the source panel draws highlights on the file's own rendering, and a turn by a multiple
of 90 degrees maps a box to a box exactly. `rotation` records the turn, for a viewer that
wants to show the page upright (it turns the rendering and the boxes alike).
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image

from ingestion.errors import OcrUnavailable
from ingestion.models import Word

log = logging.getLogger(__name__)

# Tesseract's OpenMP threads made one page five times slower on the 2-core machines we
# measured (6.7 s against 1.2 s); parallelism comes from the loader's processes instead. The
# limit goes to Tesseract's environment only: in ours, it would cap the OpenMP runtime of a
# torch imported later, and vLLM's CPU kernels then returned garbage.
_TESSERACT_ENV = {"OMP_THREAD_LIMIT": "1"}
# OSD's "rotate" is the clockwise turn that makes the page upright; PIL's transposes turn counterclockwise.
_UPRIGHT = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}
# OSD's orientation confidence on a page of text is 2-20; below 1 it is a guess (a few characters, noise).
_MIN_OSD_CONFIDENCE = 1.0
# A re-read upright that is a little less confident than a sideways reading Tesseract managed
# anyway is still the better one: it reads in lines, as the page was written.
_SIDEWAYS_MARGIN = 5.0


@dataclass(frozen=True, slots=True)
class OcrPage:
    text: str
    words: list[Word]
    confidence: float | None  # mean word confidence 0-100; None when no word was read
    rotation: int = 0  # degrees clockwise the page was turned to read it; boxes stay on the page as given


def ocr_image(
    image: Image.Image,
    dpi: float,
    language: str,
    timeout_s: float,
    command: str | None = None,
    check_below: float = 0.0,
) -> OcrPage:
    """OCR one page image; boxes come back in points (1/72 inch), origin top-left.

    The text is rebuilt from Tesseract's words (one space between words, a newline between
    lines, a blank line between paragraphs) so that each word's span in it is known exactly.
    A reading with mean confidence below `check_below`, or one of sideways words, has its
    orientation detected and, if the page is turned, is read again upright. `timeout_s` covers
    all of it. Raises OcrUnavailable when Tesseract is not installed (pytesseract's own error
    does not pickle back from a worker), RuntimeError when it times out.
    """
    if image.mode not in ("L", "1", "RGB"):
        image = image.convert("RGB")
    end = time.monotonic() + timeout_s
    with _tesseract(command):
        first = _read(image, dpi, language, end)
        sideways = _sideways(first.words)
        if not sideways and first.confidence is not None and first.confidence >= check_below:
            return first
        turn = _orientation(image, dpi, end)
        if not turn:
            return first
        second = _read(image.transpose(_UPRIGHT[turn]), dpi, language, end, turn, image.size)
    log.debug("ocr turned=%d confidence %s -> %s", turn, first.confidence, second.confidence)
    if second.confidence is None:
        return first
    if first.confidence is None or second.confidence >= first.confidence - (_SIDEWAYS_MARGIN if sideways else 0.0):
        return second
    return first


@contextlib.contextmanager
def _tesseract(command: str | None) -> Iterator[None]:
    """pytesseract takes its command and environment from module globals (one OCR at a time per process)."""
    import pytesseract  # imports pandas: 0.3 s that an app or CLI start without a scan need not pay

    module = pytesseract.pytesseract
    before = module.tesseract_cmd, module.environ
    if command:
        module.tesseract_cmd = command
    module.environ = {**_TESSERACT_ENV, **os.environ}  # a limit set by the user wins
    try:
        yield
    except (pytesseract.TesseractNotFoundError, OSError):  # OSError: there, but not a program we may run
        raise OcrUnavailable() from None
    finally:
        module.tesseract_cmd, module.environ = before


def _left(end: float) -> float:
    """Seconds left before `end`; RuntimeError (as pytesseract's timeout) when none are."""
    left = end - time.monotonic()
    if left <= 0:
        raise RuntimeError("Tesseract process timeout")
    return left


def _orientation(image: Image.Image, dpi: float, end: float) -> int:
    """The clockwise turn (90, 180, 270) that makes the page upright, or 0: upright, or OSD could not tell."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(
            image, config=f"--dpi {round(dpi)}", output_type=pytesseract.Output.DICT, timeout=_left(end)
        )
    except pytesseract.TesseractError:  # too few characters to tell, or no osd data installed
        return 0
    turn = int(osd.get("rotate", 0)) % 360
    if turn not in _UPRIGHT or float(osd.get("orientation_conf", 0.0)) < _MIN_OSD_CONFIDENCE:
        return 0
    return turn


def _sideways(words: list[Word]) -> bool:
    """Most words of three or more letters are taller than wide: the lines run down the page."""
    boxes = [w for w in words if w.end - w.start >= 3]
    return len(boxes) >= 3 and sum(w.y1 - w.y0 > w.x1 - w.x0 for w in boxes) * 2 > len(boxes)


def _read(
    image: Image.Image, dpi: float, language: str, end: float, turn: int = 0, size: tuple[int, int] = (0, 0)
) -> OcrPage:
    """One Tesseract pass over `image`; with `turn`, the image is the page of `size` turned upright."""
    import pytesseract

    data = pytesseract.image_to_data(image, lang=language, output_type=pytesseract.Output.DICT, timeout=_left(end))
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
        box = _unturn((left, top, left + data["width"][i], top + data["height"][i]), turn, *size)
        words.append(Word(pos, pos + len(token), *(v * to_pt for v in box), confidence=conf))
        parts.append(token)
        pos += len(token)
    confidence = sum(w.confidence for w in words) / len(words) if words else None
    return OcrPage("".join(parts), words, confidence, turn)


def _unturn(box: tuple[int, int, int, int], turn: int, width: int, height: int) -> tuple[int, int, int, int]:
    """A box (left, top, right, bottom) on the page turned `turn` degrees clockwise, as a box
    on the page as given (`width` x `height` pixels)."""
    left, top, right, bottom = box
    if turn == 90:  # upright (u, v) shows the page's (v, height - u)
        return top, height - right, bottom, height - left
    if turn == 180:
        return width - right, height - bottom, width - left, height - top
    if turn == 270:  # upright (u, v) shows the page's (width - v, u)
        return width - bottom, left, width - top, right
    return box
