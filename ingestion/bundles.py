"""A file that holds several documents (a bill, a discharge summary, an insurance card, faxed
together) becomes one document per part, each with its own type and date.

A part begins on a page whose opening lines name a type other than the running part's, on an
untitled page with strong evidence of another type and none of the running one's (a card, a
form), or on a "Page 1 of N" after a part's last page. The parts share their file (stored once); each keeps
its own pages, so citations still open the file's own page numbers.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingestion.classify import day_first, detect_date, detect_type, title_type, type_scores
from ingestion.models import DocType, Document, set_offsets

_PAGE_OF = re.compile(r"\bpage\s+(\d+)\s+of\s+(\d+)\b", re.IGNORECASE)
_HEAD_CHARS = 4000  # what type and date detection read of a document, as the loader does
_STRONG = 24  # an untitled page's evidence that begins a part: two cues in its opening lines


def part_starts(texts: list[str]) -> list[int]:
    """Indexes of the pages that begin a part: always 0, then each page that starts another."""
    starts, current = [0], detect_type(texts[0][:_HEAD_CHARS]) if texts else None
    for i in range(1, len(texts)):
        if _begins(texts[i], current) or (_numbered(texts[i]) == 1 and _last_of_its_part(texts[i - 1])):
            starts.append(i)
            current = title_type(texts[i]) or detect_type(texts[i][:_HEAD_CHARS])
    return starts


def _begins(text: str, current: DocType | None) -> bool:
    """A page's title names another type; or, untitled (a card, a form), it holds strong evidence
    of another type and none of the running part's."""
    named = title_type(text)
    if named is not None:
        return named != current
    scores = type_scores(text[:_HEAD_CHARS])
    best = max(scores, key=scores.__getitem__)
    return best != current and scores[best] >= _STRONG and (current is None or scores.get(current, 0) == 0)


def split_bundles(documents: list[Document], default_day_first: bool) -> list[Document]:
    """Every document, a bundle as its parts (in page order), each typed and dated on its own."""
    out: list[Document] = []
    for doc in documents:
        starts = part_starts([p.text for p in doc.pages]) if len(doc.pages) > 1 else [0]
        if len(starts) == 1:
            out.append(doc)
            continue
        for a, b in zip(starts, [*starts[1:], len(doc.pages)]):
            pages = doc.pages[a:b]
            set_offsets(pages)  # offsets into the part's own text
            part = replace(doc, pages=pages)
            head = part.text[:_HEAD_CHARS]
            part.doc_type = detect_type(head, doc.file)
            part.day_first = day_first(part.text, default_day_first)
            part.date = detect_date(head, part.day_first)
            out.append(part)
    return out


def _numbered(text: str) -> int | None:
    m = _PAGE_OF.search(text)
    return int(m.group(1)) if m else None


def _last_of_its_part(text: str) -> bool:
    m = _PAGE_OF.search(text)
    return m is not None and m.group(1) == m.group(2)
