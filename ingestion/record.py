"""A patient's record from a batch of files: load, order by date, passages with ids, prompts."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from ingestion.bundles import split_bundles
from ingestion.config import IngestionSettings
from ingestion.deid import Mapping, deidentify, masked
from ingestion.headers import cells, of_pages
from ingestion.load import load_files
from ingestion.models import SOFT_HYPHEN, Document, Page, Passage, Record
from ingestion.record_format import passage_id
from ingestion.stitch import TokenCounter, order_documents, stitch


def number_passages(documents: Sequence[Document]) -> list[Passage]:
    """P1, P2, ... through the documents in the order given (stitch order), page by page.

    Each passage keeps its original text (for the clinician) and its de-identified text (for
    the prompt): the page's PHI spans carry their surrogates once the record is de-identified.
    A table row also carries its header row's cells as context (ingestion/headers.py).
    """
    passages = []
    for index, doc in enumerate(documents):
        headers = of_pages([(page.text, page.spans) for page in doc.pages])
        names = {h: _columns(doc, h) for page_headers in headers for h in page_headers if h is not None}
        for page, page_headers in zip(doc.pages, headers):
            for (start, end), header in zip(page.spans, page_headers):
                passages.append(
                    Passage(
                        passage_id(len(passages) + 1), index, page.number, start, end, page.text[start:end], _prompt_text(page, start, end),
                        low_confidence=page.low_confidence, columns=names.get(header, ""),
                    )
                )
    return passages


def _prompt_text(page: Page, start: int, end: int) -> str:
    return masked(page, start, end).replace(SOFT_HYPHEN, "")


def _columns(doc: Document, header: tuple[int, int]) -> str:
    """The header row's cells, de-identified; none when the header holds PHI (a form's "Name  value"
    lines are no table, and a name is no column)."""
    page = doc.pages[header[0]]
    start, end = page.spans[header[1]]
    if any(span.start < end and span.end > start for span in page.phi):
        return ""
    return " | ".join(cells(_prompt_text(page, start, end)))


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    settings: IngestionSettings,
    count_tokens: TokenCounter,
    mapping: Mapping | None = None,
    on_step: Callable[[str], None] | None = None,
) -> Record:
    """The files as one patient's record; `mapping` continues a patient's surrogates and date shift.

    `on_step` hears each stage as it starts: "loading" (text, OCR), "de-identifying", "stitching".
    """
    step = on_step or (lambda _name: None)
    step("loading")
    loaded = load_files(paths, settings)
    documents = order_documents(split_bundles(loaded.documents, settings.day_first))
    step("de-identifying")
    mapping = deidentify(documents, settings.deid, mapping)  # always: no setting lets PHI into a prompt
    step("stitching")
    passages = number_passages(documents)
    prompts = stitch(documents, passages, count_tokens, settings.prompt_budget)
    return Record(documents, passages, prompts, loaded.errors, loaded.notices, mapping)
