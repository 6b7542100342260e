"""Ingestion: files → documents with page text and geometry → passages → stitched prompts.

Knows nothing of app, engine or ui; the caller hands in settings and a token counter.
"""

from ingestion.config import IngestionSettings
from ingestion.errors import IngestError
from ingestion.models import Document, DocType, FileError, Page, Passage, Prompt, Record, Word

__all__ = [
    "DocType", "Document", "FileError", "IngestError", "IngestionSettings", "Page", "Passage",
    "Prompt", "Record", "Word", "ingest",
]


def __getattr__(name: str):  # `ingest` loads the readers (PDFium, pypdf, numpy): only for who ingests
    if name == "ingest":
        from ingestion.record import ingest

        return ingest
    raise AttributeError(f"module 'ingestion' has no attribute {name!r}")
