"""Ingest work grows linearly with the text: counted in Python line events, not wall time.

A page's offsets mapped span by span and a document split by re-summing its lines made a 1 MB
dense note take minutes; four times the input must now cost about four times the work.
"""

from __future__ import annotations

import sys

from ingestion.deid import masked
from ingestion.deid.propagate import propagate
from ingestion.models import Document, Page, Passage, PhiSpan
from ingestion.stitch import stitch


def _line_events(run) -> int:
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        run()
    finally:
        sys.settrace(None)
    return count


def _ratio(work, n: int) -> float:
    return _line_events(lambda: work(4 * n)) / _line_events(lambda: work(n))


def _page(n: int) -> Page:
    """n lines, each a passage holding one PHI span, de-identified."""
    line = "Seen by Dr. Quill on 03/04/2023 today.\n"
    text = line * n
    phi, spans, safe = [], [], []
    for i in range(n):
        at = i * len(line)
        phi.append(PhiSpan(at + 12, at + 17, "PERSON", 0.9, "[PERSON_1]"))
        spans.append((at, at + len(line) - 1))
        safe.append(line.replace("Quill", "[PERSON_1]"))
    return Page(1, text, 0, 612, 792, spans=spans, phi=phi, safe_text="".join(safe))


def test_masked_passages_cost_linear_work():
    def work(n: int) -> None:
        page = _page(n)
        for start, end in page.spans:
            masked(page, start, end)

    assert _ratio(work, 300) < 5


def test_masked_text_is_unchanged_by_the_index():
    page = _page(50)
    assert [masked(page, a, b) for a, b in page.spans] == page.safe_text.splitlines()


def test_stitching_a_long_document_costs_linear_work():
    def work(n: int) -> None:
        doc = Document("note.txt", "note.txt", "0", "text/plain", [])
        passages = [Passage(f"P{i + 1}", 0, 1, 0, 10, "x" * 40, "x" * 40) for i in range(n)]
        # A budget that grows with the document: parts of hundreds of passages, as with a real model.
        prompts = stitch([doc], passages, lambda text: len(text) // 3 + 1, 8 * n)
        assert 2 <= len(prompts) <= 3  # the document was split

    assert _ratio(work, 400) < 5


def test_propagating_identifiers_costs_linear_work():
    def work(n: int) -> None:
        lines = [f"MRN {10_000_000 + 7919 * i} phone 555-{1000 + i:04d}-{i % 97:02d}77\n" for i in range(n)]
        text = "".join(lines)
        found, at = [], 0
        for line in lines:
            found.append(PhiSpan(at + 4, at + 12, "MRN", 0.9))
            at += len(line)
        page = Page(1, text, 0, 0, 0, phi=found)
        propagate([page, Page(2, text.upper(), 0, 0, 0)])

    assert _ratio(work, 200) < 5
