"""De-identification between loading and stitching: PHI never reaches a prompt.

Pages are analysed where they are loaded (the loader's worker processes); here the whole
record is seen at once: what one document revealed is masked in all of them, and each piece
of PHI gets its surrogate from the patient's mapping.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from ingestion.deid.config import DeidSettings
from ingestion.deid.mapping import Mapping, reidentify
from ingestion.deid.propagate import propagate
from ingestion.deid.surrogates import Surrogates
from ingestion.models import Document, Page, PhiSpan

__all__ = ["DeidSettings", "Mapping", "deidentify", "masked", "reidentify"]


def deidentify(documents: Sequence[Document], settings: DeidSettings, mapping: Mapping | None = None) -> Mapping:
    """Propagate PHI across the documents (in stitch order) and give every span its surrogate."""
    mapping = mapping or Mapping.new(settings.max_shift_days)
    dated = [d.date for d in documents if d.date]
    if mapping.reference is None and dated:
        mapping.reference = min(dated)
    propagate(page for doc in documents for page in doc.pages)
    surrogates = Surrogates(mapping)
    for doc in documents:
        doc.prompt_date = doc.date + timedelta(days=mapping.offset_days) if doc.date else None
        for page in doc.pages:
            page.phi = [
                PhiSpan(s.start, s.end, s.entity_type, s.score, surrogates.replace(s.entity_type, page.text[s.start : s.end], doc.date))
                for s in page.phi
            ]
    return mapping


def masked(page: Page, start: int, end: int) -> str:
    """page.text[start:end] with its PHI replaced by surrogates.

    A span that runs past the passage's start was replaced in the passage where it began.
    """
    pieces, pos = [], start
    for span in page.phi:
        if span.end <= start or span.start >= end:
            continue
        if span.start >= pos:
            pieces += [page.text[pos : span.start], span.surrogate]
        pos = max(pos, min(span.end, end))
    pieces.append(page.text[pos:end])
    return "".join(pieces)
