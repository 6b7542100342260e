"""Blank and near-blank pages, told from a cheap low-resolution render before any OCR.

A scanner's empty feed or the back of every sheet is a page of white, speckles and a dark
border; sending each to Tesseract took seconds a page. A page is blank when no small window of
it (about a character's size) holds a character's worth of ink, once the margins, where a
scanner's border lies, are cropped. Speckles are spread thin and stay under that in every
window; one short line of text ("No change.") does not. Erring towards OCR is cheap, so the
threshold is low.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

DPI = 72  # the resolution the test runs at: a character is some 8 px wide
_MARGIN = 0.05  # of each side, cropped: a scanner's dark border, a hole punch's shadow
_WINDOW = 8  # px at DPI: about one character of 10-12 pt text
_STRIDE = 4
_INK = 0.06  # share of a window's darkness that is more than speckle noise can gather


def is_blank(image: Image.Image, dpi: float) -> bool:
    """Whether a page image at `dpi` holds nothing worth reading."""
    gray = image.convert("L")
    if gray.getextrema()[0] >= 250:  # not one dark pixel: the common case, decided at once
        return True
    if dpi > DPI * 1.1:  # a box filter averages speckles away rather than sampling some of them
        size = (max(1, round(gray.width * DPI / dpi)), max(1, round(gray.height * DPI / dpi)))
        gray = gray.resize(size, Image.Resampling.BOX)
    dx, dy = int(gray.width * _MARGIN), int(gray.height * _MARGIN)
    ink = 255 - np.asarray(gray.crop((dx, dy, gray.width - dx, gray.height - dy)), dtype=np.int64)
    if ink.shape[0] < _WINDOW or ink.shape[1] < _WINDOW:
        return int(ink.sum()) == 0
    # Summed-area table: every window's ink in O(pixels).
    table = np.zeros((ink.shape[0] + 1, ink.shape[1] + 1), dtype=np.int64)
    table[1:, 1:] = ink.cumsum(0).cumsum(1)
    top = table[: -_WINDOW : _STRIDE, : -_WINDOW : _STRIDE]
    windows = (
        table[_WINDOW::_STRIDE, _WINDOW::_STRIDE][: top.shape[0], : top.shape[1]]
        - table[: -_WINDOW : _STRIDE, _WINDOW::_STRIDE][: top.shape[0], : top.shape[1]]
        - table[_WINDOW::_STRIDE, : -_WINDOW : _STRIDE][: top.shape[0], : top.shape[1]]
        + top
    )
    return int(windows.max()) < _INK * 255 * _WINDOW * _WINDOW
