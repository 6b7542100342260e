"""Load a batch of files into documents; each bad file becomes one plain-sentence error.

Cheap checks (size, type, page count, encryption) run here in order; the page work (text,
OCR, sentence splitting) runs as page-range tasks on a process pool, since documents and
pages are independent and OCR dominates where there are scans.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ingestion import image, pdf, sniff, textfile
from ingestion.classify import detect_date, detect_type
from ingestion.config import IngestionSettings
from ingestion.deid import LOADER_WORKER
from ingestion.deid.analyzer import analyzer
from ingestion.errors import IngestError
from ingestion.models import Document, FileError, Page
from ingestion.passages import split_page

log = logging.getLogger(__name__)

_CHUNK_PAGES = 16  # pages per task: small enough to balance OCR, large enough to amortise opening
_POOL_MIN_PAGES = 8  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True, slots=True)
class _Task:
    key: int  # the document's upload index
    path: str
    file: str
    media_type: str
    first: int
    last: int


@dataclass(slots=True)
class Loaded:
    documents: list[Document]  # in upload order
    errors: list[FileError]
    notices: list[FileError]


def load_files(paths: Sequence[str | os.PathLike[str]], settings: IngestionSettings) -> Loaded:
    errors: list[FileError] = []
    notices: list[FileError] = []
    documents: dict[int, Document] = {}
    seen: dict[str, str] = {}
    tasks: list[_Task] = []
    for index, raw in enumerate(paths):
        path = Path(raw)
        try:
            doc, pages = _inspect(path, index, settings)
        except IngestError as exc:
            errors.append(FileError(exc.file, str(exc)))
            log.info("file %d refused", index)
            continue
        if doc.sha256 in seen:
            notices.append(FileError(doc.file, f"{doc.file} is the same file as {seen[doc.sha256]}; it was read once."))
            continue
        seen[doc.sha256] = doc.file
        documents[index] = doc
        tasks += [
            _Task(index, doc.path, doc.file, doc.media_type, first, min(first + _CHUNK_PAGES, pages))
            for first in range(0, pages, _CHUNK_PAGES)
        ]

    pages_by_doc: dict[int, list[Page]] = {key: [] for key in documents}
    for key, result in _run(tasks, settings):
        if key not in documents:
            continue  # an earlier part of this document failed
        if isinstance(result, IngestError):
            errors.append(FileError(result.file, str(result)))
            del documents[key]
        else:
            pages_by_doc[key].extend(result)

    loaded = []
    for key, doc in documents.items():
        try:
            loaded.append(_finish(doc, sorted(pages_by_doc[key], key=lambda p: p.number), settings, notices))
        except IngestError as exc:
            errors.append(FileError(exc.file, str(exc)))
    return Loaded(loaded, errors, notices)


def _inspect(path: Path, index: int, settings: IngestionSettings) -> tuple[Document, int]:
    """The checks that need no page work; returns the document shell and its page count."""
    file = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IngestError(file, "is not a file.")
        if size == 0:
            raise IngestError(file, "is empty (0 bytes).")
        if size > settings.max_file_bytes:
            raise IngestError(file, f"is {_mb(size)}, larger than the limit of {_mb(settings.max_file_bytes)}.")
        with path.open("rb") as fh:
            head = fh.read(4096)
            fh.seek(0)
            sha256 = hashlib.file_digest(fh, "sha256").hexdigest()
    except FileNotFoundError:
        raise IngestError(file, "does not exist.") from None
    except OSError as exc:
        raise IngestError(file, f"cannot be opened ({exc.strerror or type(exc).__name__}).") from None

    media_type = sniff.sniff(head, file)
    claimed = sniff.claimed_type(file)
    if claimed and claimed != media_type:
        actual = "text" if media_type in (sniff.TEXT, sniff.MARKDOWN) else sniff.describe(media_type)
        raise IngestError(file, f"is named like a {claimed.split('/')[1].upper()} file but its content is {actual}.")
    if media_type not in sniff.SUPPORTED:
        raise IngestError(file, f"is {sniff.describe(media_type)}, which clinsum does not read; upload PDF, text or image files.")

    if media_type == sniff.PDF:
        pages = pdf.count_pages(str(path), file, settings)
    elif media_type in sniff.IMAGE_TYPES:
        pages = image.count_frames(str(path), file, settings)
    else:
        pages = 1
    doc = Document(file=file, path=str(path), sha256=sha256, media_type=media_type, pages=[], upload_index=index)
    return doc, pages


def _run(tasks: list[_Task], settings: IngestionSettings):
    """Run page tasks, yielding (document key, pages or the IngestError) as they finish."""
    workers = settings.workers or os.cpu_count() or 1
    pages = sum(t.last - t.first for t in tasks)
    if workers == 1 or len(tasks) < 2 or pages < _POOL_MIN_PAGES:
        for task in tasks:
            yield task.key, _work(task, settings)
        return
    # spawn, not fork: the caller may be a threaded server (the UI), and fork copies its locks.
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(min(workers, len(tasks)), mp_context=ctx)
    try:
        with _worker_environment():  # the pool starts its workers as tasks are submitted
            futures = [(task.key, pool.submit(_work, task, settings)) for task in tasks]
        for key, future in futures:
            yield key, future.result()
    finally:
        # No waiting for the workers to exit: a spawned worker tears down its interpreter (presidio,
        # spaCy, word lists: a quarter second) while the caller goes on with the results.
        pool.shutdown(wait=False, cancel_futures=True)


@contextlib.contextmanager
def _worker_environment() -> Iterator[None]:
    """Marks the environment the pool's workers start with: a worker may import presidio without torch."""
    before = os.environ.get(LOADER_WORKER)
    os.environ[LOADER_WORKER] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ[LOADER_WORKER]
        else:
            os.environ[LOADER_WORKER] = before


def _work(task: _Task, settings: IngestionSettings) -> list[Page] | IngestError:
    """One task in a worker: the pages' text, passage spans and PHI. Errors come back as values."""
    try:
        pages = _LOADERS[task.media_type](task, settings)
    except IngestError as exc:
        return exc
    phi = analyzer(settings.deid.model_dump_json())
    for page in pages:
        page.spans = split_page(page.text, settings.max_passage_chars)
        page.phi = phi.analyze(page.text)
    return pages


def _load_text(task: _Task, settings: IngestionSettings) -> list[Page]:
    with open(task.path, "rb") as fh:
        text = textfile.decode(fh.read(), task.file)
    # A text file is one page of no fixed size; a US Letter page stands in for the viewer.
    return [Page(number=1, text=text, offset=0, width=612.0, height=792.0)]


_LOADERS: dict[str, Callable[[_Task, IngestionSettings], list[Page]]] = {
    sniff.PDF: lambda t, s: pdf.load_pages(t.path, t.file, t.first, t.last, s),
    sniff.TEXT: _load_text,
    sniff.MARKDOWN: _load_text,
    **{m: (lambda t, s: image.load_frames(t.path, t.file, t.first, t.last, s)) for m in sniff.IMAGE_TYPES},
}


def _finish(doc: Document, pages: list[Page], settings: IngestionSettings, notices: list[FileError]) -> Document:
    """Drop what OCR could not read, join the pages, and classify the document."""
    unread = []
    for page in pages:
        if page.ocr and page.text and (page.ocr_confidence or 0) < settings.ocr_min_confidence:
            unread.append(f"Page {page.number} of {doc.file} is a scan OCR could not read reliably (confidence {page.ocr_confidence:.0f}%); it was left out.")
            page.text, page.words, page.spans = "", [], []
    if not any(page.text.strip() for page in pages):
        scanned = all(page.ocr for page in pages)
        raise IngestError(doc.file, "has no readable text: OCR could not read its scanned pages." if scanned else "contains no text.")
    notices += [FileError(doc.file, message) for message in unread]
    offset = 0
    for page in pages:
        page.offset = offset
        offset += len(page.text) + 1  # pages are joined by one form feed
    doc.pages = pages
    head = doc.text[:4000]
    doc.doc_type = detect_type(head, doc.file)
    doc.date = detect_date(head)
    return doc


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MB"
