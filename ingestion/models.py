"""Plain data that leaves ingestion: documents, pages, passages, prompts, errors.

Dataclasses only, so they pickle across the loader's worker processes and cross the
package boundary without dragging a library along.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class DocType(StrEnum):
    DISCHARGE_SUMMARY = "discharge_summary"
    PROGRESS_NOTE = "progress_note"
    RADIOLOGY = "radiology"
    LABORATORY = "laboratory"
    OPERATIVE_NOTE = "operative_note"
    CONSULT = "consult"
    MEDICATION_LIST = "medication_list"
    BILL = "bill"
    PATHOLOGY = "pathology"
    HISTORY_PHYSICAL = "history_physical"
    ADMINISTRATIVE = "administrative"  # forms, insurance cards, consents, fax covers
    OTHER = "other"

    @property
    def label(self) -> str:
        return "History and physical" if self is DocType.HISTORY_PHYSICAL else self.value.replace("_", " ").capitalize()


# Where a word was hyphenated across a line: kept in the page text (offsets stay the PDF's),
# dropped from what reaches a prompt ("adip\u00adiscing" reads "adipiscing").
SOFT_HYPHEN = "\u00ad"


@dataclass(frozen=True, slots=True)
class Word:
    """An OCR'd word: its span in the page text and its box in points, origin top-left."""

    start: int
    end: int
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float


@dataclass(frozen=True, slots=True)
class PhiSpan:
    """A piece of PHI found in a page's text: offsets into that page's original text."""

    start: int
    end: int
    entity_type: str
    score: float
    surrogate: str = ""  # what the prompt shows instead, once the record is de-identified


@dataclass(slots=True)
class Page:
    number: int  # 1-based, as a clinician counts pages
    text: str
    offset: int  # where this page's text starts in the document's text
    width: float  # points (1/72 inch)
    height: float
    ocr: bool = False
    ocr_confidence: float | None = None  # mean word confidence, 0-100
    # OCR'd pages' words; a text page's words when its columns were put in reading order (ingestion/columns.py),
    # and its filled form fields (after its text)
    words: list[Word] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # its passages, in page offsets
    phi: list[PhiSpan] = field(default_factory=list)  # what de-identification masks, in page offsets
    safe_text: str | None = None  # the page with every PHI span replaced by its surrogate
    skipped: str = ""  # why a page was not read: "blank", or "no_ocr" (a scan, and Tesseract is missing)
    rotation: int = 0  # degrees clockwise a scan was turned to OCR it upright; its word boxes stay on the page as given
    low_confidence: bool = False  # OCR read it, but with a mean confidence below ocr_low_confidence
    rows: list[tuple[int, int]] = field(default_factory=list)  # table rows over several lines: one passage each (ingestion/rows.py)


def set_offsets(pages: list[Page]) -> None:
    """Each page's offset in its document's text, where the pages are joined by one form feed."""
    offset = 0
    for page in pages:
        page.offset = offset
        offset += len(page.text) + 1


@dataclass(slots=True)
class Document:
    file: str  # file name as uploaded (never logged: names often carry PHI)
    path: str
    sha256: str
    media_type: str
    pages: list[Page]
    doc_type: DocType = DocType.OTHER
    date: date | None = None
    upload_index: int = 0
    prompt_date: date | None = None  # the date as the model sees it: shifted with the patient's dates
    day_first: bool = False  # its numeric dates are written day first ("17/1/2024")

    @property
    def text(self) -> str:
        """The document's text: its pages joined by form feeds, matching each page's offset."""
        return "\f".join(p.text for p in self.pages)

    @property
    def ocr_pages(self) -> int:
        return sum(p.ocr for p in self.pages)


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence-sized span of one page; `text` is exactly page.text[start:end]."""

    id: str  # "P12", unique within a record
    doc: int  # index into the record's documents
    page: int  # 1-based page number
    start: int  # offsets into that page's text
    end: int
    text: str  # the original text, for quoting and highlighting to the clinician
    safe_text: str  # the de-identified text, the only form that reaches a prompt
    low_confidence: bool = False  # from a page OCR read with low confidence: quote it with that caveat
    columns: str = ""  # a table row's column names, de-identified ("Test | Result | Units"): prompt context, never quoted


@dataclass(frozen=True, slots=True)
class FileError:
    file: str
    error: str  # one plain sentence naming the file and the reason


@dataclass(frozen=True, slots=True)
class Prompt:
    text: str
    tokens: int
    passage_ids: list[str]
    documents: list[int]  # indexes of the documents (or their parts) it holds


@dataclass
class Record:
    """One patient's record: loaded documents in stitch order, passages, prompts, problems."""

    documents: list[Document]
    passages: list[Passage]
    prompts: list[Prompt]
    errors: list[FileError]
    notices: list[FileError] = field(default_factory=list)  # loaded, but worth saying
    mapping: Any = None  # the patient's de-identification Mapping

    @property
    def tokens(self) -> int:
        return sum(p.tokens for p in self.prompts)
