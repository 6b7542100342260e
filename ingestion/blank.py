"""Blank and near-blank pages, told from a cheap low-resolution render before any OCR.

A scanner's empty feed or the back of every sheet is a page of white, speckles and a dark
border; sending each to Tesseract took seconds a page. A page is blank when no small window of
it (about a character's size) holds a character's worth of ink, once the margins, where a
scanner's border lies, are cropped. Speckles are spread thin and stay under that in every
window; one short line of text ("No change.") does not. Erring towards OCR is cheap, so the
threshold is low.

Ruling lines do not count as ink: an empty form (its boxes and rules, no entries) or a ruled
sheet is blank too. A line is a run of dark pixels longer than a few characters, across or
down, and thin the other way; no letter of body text holds one, and the letters beside or on a
line stay. A solid bar or a dark photograph is thick, so it stays ink.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

DPI = 72  # the resolution the test runs at: a character is some 8 px wide
_MARGIN = 0.05  # of each side, cropped: a scanner's dark border, a hole punch's shadow
_WINDOW = 8  # px at DPI: about one character of 10-12 pt text
_STRIDE = 4
_INK = 0.06  # share of a window's darkness that is more than speckle noise can gather
_RULE = 24  # px at DPI (a third of an inch): a dark run this long, across or down, is a line, not a letter
_THICK = 5  # px at DPI: a dark run this long the other way makes a bar or a picture, not a line
_DARK = 64  # ink (0-255) of a line's pixels once averaged down to DPI


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
    ink[_rules(ink >= _DARK)] = 0
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


def _rules(dark: np.ndarray) -> np.ndarray:
    """The pixels of thin dark runs at least _RULE long, across or down, and their neighbours: the
    lighter edge a line leaves when averaged down, which added up where two lines cross."""
    rules = (_runs(dark, 1, _RULE) & ~_runs(dark, 0, _THICK)) | (_runs(dark, 0, _RULE) & ~_runs(dark, 1, _THICK))
    grown = rules.copy()
    grown[1:] |= rules[:-1]
    grown[:-1] |= rules[1:]
    grown[:, 1:] |= rules[:, :-1]
    grown[:, :-1] |= rules[:, 1:]
    return grown


def _runs(dark: np.ndarray, axis: int, length: int) -> np.ndarray:
    """The pixels of runs of at least `length` dark pixels along `axis`."""
    if dark.shape[axis] < length:
        return np.zeros_like(dark)
    # Where a window of `length` pixels, all dark, starts; a pixel is on a run when such a window covers it.
    sums = np.cumsum(np.insert(dark.astype(np.int32), 0, 0, axis=axis), axis=axis)
    n = dark.shape[axis]
    full = (np.take(sums, range(length, n + 1), axis=axis) - np.take(sums, range(n - length + 1), axis=axis)) == length
    starts = np.cumsum(np.insert(full.astype(np.int32), 0, 0, axis=axis), axis=axis)  # windows started up to each index
    hi = np.take(starts, [min(i + 1, n - length + 1) for i in range(n)], axis=axis)
    lo = np.take(starts, [max(i - length + 1, 0) for i in range(n)], axis=axis)
    return (hi - lo) > 0
