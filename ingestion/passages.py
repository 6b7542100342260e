"""Sentence-sized passages of a page, as exact character spans of its text.

Lines are grouped into blocks first (list items, table rows, headings and field lines stand
alone; wrapped prose is joined), then syntok segments each block into sentences. syntok knows
"Dr.", "mg.", "b.i.d." and decimals; two of its habits are mended afterwards: it ends a sentence
at a title before initials ("Dr. | A. B. Jones") and it leaves an inline list number at the
end of the previous sentence ("... 11.5. Plan: 1. | Continue").
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence

import syntok.segmenter

from ingestion.errors import OutOfTime

# A line that starts an item of its own: a bullet, a Markdown table row or a "Field:" label.
# (A list number may end a wrapped sentence, "x\n2."; it starts an item after a line that ended.)
_ITEM = re.compile(r"(?:[-*•◦▪‣]\s|\||[A-Z][A-Za-z /&()#-]{0,40}:(?:\s|$))")
_TITLE_END = re.compile(r"(?:^|\s)(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sr|Sra|Hon|Rev|St)\.$")
# An inline list number syntok left at a sentence's end: after a colon or an ended sentence ("Plan:
# 1."), or the next number of the item it ends ("1. HTN 2."). After a word it is a value ending the
# sentence ("falls below 45.", "grade 2.").
_TRAILING_MARKER = re.compile(r"\s\(?(\d{1,2})[.)]$")
_LEADING_MARKER = re.compile(r"\s*\(?(\d{1,2})[.)]\s")
_LINE = re.compile(r"[^\n\f\r]+")
# Columns laid out with runs of spaces or tabs: a table row, never wrapped prose.
# Where a sentence could end inside a block: terminal punctuation with more text after it.
_INNER_END = re.compile(r"[.!?][\"')\]]*\s+\S")
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")


def split_page(
    text: str, max_chars: int = 600, deadline: float = float("inf"), rows: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Spans (start, end) of the page's passages, in order, trimmed of surrounding whitespace.

    `rows` are table rows laid out over several lines (ingestion/rows.py): each is one passage
    (cut only past max_chars), never split at its lines or at a "Tab." inside it.
    Spans never overlap and together cover every non-space character of the text. OutOfTime is
    raised once time.monotonic() passes `deadline` (checked every few hundred blocks).
    """
    spans: list[tuple[int, int]] = []
    pending = sorted(rows)
    at = 0
    for row_start, row_end in [*pending, (len(text), len(text))]:
        if row_start < at:
            continue  # overlapping rows: the first one holds
        spans += _split(text, at, row_start, max_chars, deadline)
        if (row := _trim(text, row_start, row_end)) is not None:
            spans.extend(_cap(text, *row, max_chars))
        at = row_end
    return spans


def _split(text: str, start: int, end: int, max_chars: int, deadline: float) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for count, (s0, e0) in enumerate(_blocks(text, start, end)):
        if count % 256 == 255 and time.monotonic() > deadline:
            raise OutOfTime()
        for s, e in _mend(text, list(_sentences(text, s0, e0))):
            spans.extend(_cap(text, s, e, max_chars))
    return spans


def _blocks(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Runs of lines of text[start:end] that belong together; a blank line or a hard line break ends one."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text, start, len(text) if end is None else end)]
    lines = [(s, e) for s, e in lines if not text[s:e].isspace()]
    if not lines:
        return
    # Wrapped prose fills the line: a line near the typical long line's width was wrapped.
    long_lines = sorted(e - s for s, e in lines if e - s >= 40)
    full = long_lines[len(long_lines) // 2] if long_lines else 80
    block_start = lines[0][0]
    for (s, e), (ns, ne) in zip(lines, lines[1:]):
        line, following = text[s:e].strip(), text[ns:ne].lstrip()
        # Prose wraps mid-sentence on a long line; a lower-case start continues a shorter one.
        wrapped = not line.endswith((".", ":", "!", "?")) and (
            len(line) >= max(40, 0.6 * full) or (following[:1].islower() and len(line) >= 0.4 * full)
        )
        joined = (
            wrapped
            and text.count("\n", e, ns) <= 1
            and "\f" not in text[e:ns]
            and not _COLUMNS.search(line)
            and not _COLUMNS.search(following)
            and not _ITEM.match(following)
            and not line.startswith("|")
        )
        if not joined:
            yield block_start, e
            block_start = ns
    yield block_start, lines[-1][1]


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """syntok's sentences of text[start:end]; each runs to where the next begins, trimmed."""
    block = text[start:end]
    if not _INNER_END.search(block):  # a heading, a table row, one sentence: nothing to split
        span = _trim(text, start, end)
        if span:
            yield span
        return
    starts = [sentence[0].offset for paragraph in syntok.segmenter.analyze(block) for sentence in paragraph if sentence]
    starts = sorted(set(starts) | {0})
    for a, b in zip(starts, [*starts[1:], len(block)]):
        span = _trim(text, start + a, start + b)
        if span:
            yield span


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _mend(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Undo syntok's two known mis-splits (see the module's docstring)."""
    i = 0
    while i < len(spans):
        s, e = spans[i]
        while i + 1 < len(spans):
            sentence = text[s:e]
            if _TITLE_END.search(sentence) or _TRAILING_MARKER.fullmatch(" " + sentence):
                e = spans[i + 1][1]  # "Dr." + "Jones ...", or a bare "1." + its item
                i += 1
                continue
            marker = _list_number_at_end(sentence)
            if marker:  # "... Plan: 1." → "... Plan:" and "1. Continue ..."
                cut = s + marker.start() + 1
                trimmed = _trim(text, s, cut)
                if trimmed:
                    yield trimmed
                s, e = cut, spans[i + 1][1]
                i += 1
                continue
            break
        yield s, e
        i += 1


def _list_number_at_end(sentence: str) -> re.Match[str] | None:
    marker = _TRAILING_MARKER.search(sentence)
    if marker is None:
        return None
    before = sentence[: marker.start()].rstrip()
    leading = _LEADING_MARKER.match(sentence)
    if before.endswith((":", ".", ";", "*")) or leading and int(leading.group(1)) + 1 == int(marker.group(1)):
        return marker
    return None


def _cap(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Cut an over-long sentence (an OCR blob, a run-on table) at spaces into passage-sized parts."""
    while end - start > max_chars:
        cut = start + max_chars
        space = text.rfind(" ", start + max_chars // 2, cut)
        if space > start:
            cut = space
        head = _trim(text, start, cut)
        if head:
            yield head
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end
