"""De-identification between loading and stitching: PHI never reaches a prompt.

Pages are analysed where they are loaded (the loader's worker processes); here the whole
record is seen at once: what one document revealed is masked in all of them, and each piece
of PHI gets its surrogate from the patient's mapping. presidio (2 s to import) is imported only
where text is analysed (`ingestion.deid.presidio`), so settings, mappings and re-identification
start fast: the app and the CLI open in under a second.
"""

from __future__ import annotations

import os

LOADER_WORKER = "CLINSUM_LOADER_WORKER"  # set by ingestion.load in the environment of its workers
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")  # also for whoever imports presidio first

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import timedelta

from ingestion.deid.config import DeidSettings, cached_config
from ingestion.deid.entities import Phi
from ingestion.deid.mapping import Mapping, reidentify
from ingestion.deid.propagate import propagate
from ingestion.deid.surrogates import Surrogates
from ingestion.models import Document, Page, PhiSpan

__all__ = ["DeidSettings", "Mapping", "deidentify", "deidentify_text", "find_phi", "masked", "reidentify"]


def find_phi(texts: Sequence[str], settings: DeidSettings | None = None) -> list[list[PhiSpan]]:
    """PHI spans of texts that belong to one patient: analysed, then propagated across them all."""
    from ingestion.deid.analyzer import analyzer

    settings = settings or DeidSettings()
    engine = analyzer(settings.model_dump_json())
    pages = [Page(number=i + 1, text=t, offset=0, width=0, height=0, phi=engine.analyze(t)) for i, t in enumerate(texts)]
    propagate(pages)
    _guess(pages, settings)
    return [page.phi for page in pages]


def _guess(pages: Sequence[Page], settings: DeidSettings) -> None:
    """The safe-list catch-all, last, unless the configuration turns it off."""
    config = cached_config(settings.config)
    if config.recognizers.unknown_words:
        from ingestion.deid.catch_all import guess

        guess(pages, frozenset(t.lower() for t in config.safe))


def deidentify(documents: Sequence[Document], settings: DeidSettings, mapping: Mapping | None = None) -> Mapping:
    """Propagate PHI across the documents (in stitch order) and replace it with surrogates.

    Surrogates are drawn in reading order (so [PERSON_1] is the first person named), then each
    page's de-identified text is written with them.
    """
    mapping = mapping or Mapping.new(settings.max_shift_days)
    dated = [d.date for d in documents if d.date]
    if mapping.reference is None and dated:
        mapping.reference = min(dated)
    if documents:  # what the model writes back is read in the record's own order
        mapping.day_first = 2 * sum(d.day_first for d in documents) > len(documents)
    pages = [page for doc in documents for page in doc.pages]
    propagate(pages)
    _guess(pages, settings)
    surrogates = Surrogates(mapping)
    for doc in documents:
        doc.prompt_date = doc.date + timedelta(days=mapping.offset_days) if doc.date else None
        for page in doc.pages:
            page.phi = [
                PhiSpan(s.start, s.end, s.entity_type, s.score, surrogates.replace(s.entity_type, page.text[s.start : s.end], doc.date, doc.day_first))
                for s in page.phi
            ]
            page.safe_text = _anonymize(page)
    return mapping


def deidentify_text(text: str, mapping: Mapping, settings: DeidSettings | None = None) -> str:
    """Free text that is not part of the record (a clinician's question) as the engine may see it.

    The patient's PHI the record named gets the record's surrogates: `mapping` is the patient's, so
    "Darrell" in a question is the [PERSON_1] of the record. PHI the record never named is found and
    replaced like the record's, and its new surrogates are added to `mapping` (the caller saves it:
    an answer that repeats them must re-identify). Dates shift by the patient's offset, read in the
    record's day/month order; the mapping's reference and order are left as the record set them.
    """
    settings = settings or DeidSettings()
    text = _known(text, mapping)
    [found] = find_phi([text], settings)
    surrogates = Surrogates(mapping)
    phi = [PhiSpan(s.start, s.end, s.entity_type, s.score,
                   surrogates.replace(s.entity_type, text[s.start : s.end], None, mapping.day_first)) for s in found]
    return _substitute(text, phi)


def _known(text: str, mapping: Mapping) -> str:
    """The record's known PHI replaced by its tokens, longest first, whole words, any case; a person's
    capitalized name word alone too ("Darrell's", "Mr. Nguyen"), which the detectors could miss in a
    one-line question."""
    for token, original in sorted(mapping.originals.items(), key=lambda item: -len(item[1])):
        text = re.sub(rf"(?<!\w){re.escape(original)}(?!\w)", token, text, flags=re.IGNORECASE)
        if token.startswith(f"[{Phi.PERSON}_"):
            for word in re.findall(r"[A-Z][A-Za-z'-]{2,}", original):
                text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", token, text)
    return text


def _anonymize(page: Page) -> str:
    return _substitute(page.text, page.phi)


def _substitute(text: str, phi: Sequence[PhiSpan]) -> str:
    """The text with each PHI span replaced, in one pass (presidio-anonymizer's replacement is
    quadratic in the number of spans). The spans are merged and disjoint already."""
    if not phi:
        return text
    # One surrogate per (kind, value) on a page, the last one drawn, as presidio's operator wrote it.
    chosen = {(s.entity_type, text[s.start : s.end]): s.surrogate for s in phi}
    pieces, at = [], 0
    for span in sorted(phi, key=lambda s: s.start):
        pieces += [text[at : span.start], chosen[(span.entity_type, text[span.start : span.end])]]
        at = span.end
    pieces.append(text[at:])
    return "".join(pieces)


def masked(page: Page, start: int, end: int) -> str:
    """page.text[start:end] as the prompt shows it: the same stretch of the page's safe text.

    A span that began before `start` was replaced in the passage where it began.
    """
    if page.safe_text is None or not page.phi:
        return page.text[start:end]
    index = _offsets(page)
    return page.safe_text[index.safe(start) : index.safe(end)]


class _OffsetIndex:
    """Maps offsets of a page's original text to its safe text in O(log n) per offset: the spans'
    ends sorted, with the running sum of how much each replacement lengthened the text."""

    def __init__(self, page: Page):
        self.page, self.phi = page, page.phi
        self.starts = [s.start for s in page.phi]
        self.ends = [s.end for s in page.phi]
        self.sizes = [len(s.surrogate) for s in page.phi]
        self.shift = [0]
        for span, size in zip(page.phi, self.sizes):
            self.shift.append(self.shift[-1] + size - (span.end - span.start))
        # bisect needs ordered, disjoint spans (what merge() makes); anything else takes the slow walk.
        self.ordered = all(a.end <= b.start for a, b in zip(page.phi, page.phi[1:]))

    def safe(self, offset: int) -> int:
        """Where `offset` lands in the safe text (after a span it falls inside)."""
        if not self.ordered:
            return _safe_offset_walk(self.page, offset)
        i = bisect_right(self.ends, offset)  # spans wholly before the offset
        if i < len(self.starts) and self.starts[i] < offset:
            return self.starts[i] + self.shift[i] + self.sizes[i]
        return offset + self.shift[i]


_last_index: _OffsetIndex | None = None  # passages are numbered page by page: one page's index is kept


def _offsets(page: Page) -> _OffsetIndex:
    global _last_index
    index = _last_index
    if index is None or index.page is not page or index.phi is not page.phi or len(index.starts) != len(page.phi):
        index = _last_index = _OffsetIndex(page)
    return index


def _safe_offset_walk(page: Page, offset: int) -> int:
    delta = 0
    for span in page.phi:
        if span.end <= offset:
            delta += len(span.surrogate) - (span.end - span.start)
        elif span.start < offset:
            return span.start + delta + len(span.surrogate)
        else:
            break
    return offset + delta
