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
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ingestion import image, pdf, sniff, textfile
from ingestion.classify import day_first, detect_date, detect_type
from ingestion.config import IngestionSettings
from ingestion.deid import LOADER_WORKER
from ingestion.errors import IngestError, OutOfTime
from ingestion.files import display_name, open_regular, refuse_unless_regular
from ingestion.models import Document, FileError, Page, set_offsets
from ingestion.passages import split_page

log = logging.getLogger(__name__)

_CHUNK_PAGES = 16  # pages per task: small enough to balance OCR, large enough to amortise opening
_POOL_MIN_PAGES = 8  # below this, starting worker processes costs more than it saves
_TEXT_PAGE_BYTES = 3_000  # a text file weighs as many pages as it would fill: 15 short notes are not 15 pages


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
            doc, pages, repaired = _inspect(path, index, settings)
        except IngestError as exc:
            errors.append(FileError(exc.file, str(exc)))
            log.info("file %d refused", index)
            continue
        if doc.sha256 in seen:
            notices.append(FileError(doc.file, f"{doc.file} is the same file as {seen[doc.sha256]}; it was read once."))
            continue
        seen[doc.sha256] = doc.file
        if repaired:
            notices.append(FileError(doc.file, f"{doc.file} is a damaged PDF; its pages were read as PDFium could rebuild them, and some may be missing."))
        documents[index] = doc
        # Each task opens the file and walks its page tree, so a long document gets longer tasks
        # (a 5,000-page PDF in 16-page tasks spent minutes re-walking its tree); 16 per worker still balance.
        chunk = max(_CHUNK_PAGES, -(-pages // (16 * (settings.workers or os.cpu_count() or 1))))
        tasks += [
            _Task(index, doc.path, doc.file, doc.media_type, first, min(first + chunk, pages))
            for first in range(0, pages, chunk)
        ]

    pages_by_doc: dict[int, list[Page]] = {key: [] for key in documents}
    failed: set[int] = set()  # documents whose remaining tasks need not run
    for key, result in _run(tasks, settings, failed):
        if key not in documents:
            continue  # an earlier part of this document failed
        if isinstance(result, IngestError):
            errors.append(FileError(result.file, str(result)))
            del documents[key]
            failed.add(key)
        else:
            pages_by_doc[key].extend(result)

    loaded = []
    for key, doc in documents.items():
        try:
            loaded.append(_finish(doc, sorted(pages_by_doc[key], key=lambda p: p.number), settings, notices))
        except IngestError as exc:
            errors.append(FileError(exc.file, str(exc)))
    return Loaded(loaded, errors, notices)


def _inspect(path: Path, index: int, settings: IngestionSettings) -> tuple[Document, int, bool]:
    """The checks that need no page work; returns the document shell, its page count, and
    whether it is a damaged PDF only PDFium could read."""
    file = display_name(path.name)
    try:
        size = refuse_unless_regular(str(path), file).st_size  # a link is refused, not followed
        if size == 0:
            raise IngestError(file, "is empty (0 bytes).")
        if size > settings.max_file_bytes:
            raise IngestError(file, f"is {_mb(size)}, larger than the limit of {_mb(settings.max_file_bytes)}.")
        with open_regular(str(path), file) as fh:
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

    repaired = False
    if media_type == sniff.PDF:
        pages, repaired = pdf.count_pages(str(path), file, settings)
    elif media_type in sniff.IMAGE_TYPES:
        pages = image.count_frames(str(path), file, settings)
    else:
        pages = 1
    doc = Document(file=file, path=str(path), sha256=sha256, media_type=media_type, pages=[], upload_index=index)
    return doc, pages, repaired


def _run(tasks: list[_Task], settings: IngestionSettings, failed: set[int]):
    """Run page tasks, yielding (document key, pages or the IngestError) as they finish.

    A document's tasks share its time budget: their times are summed, and once over it the
    document is an error and its pending tasks are cancelled. Tasks of a document in `failed`
    (the caller adds to it) are not run.
    """
    budget = settings.max_file_seconds
    spent: dict[int, float] = {}
    workers = settings.workers or os.cpu_count() or 1
    pages = sum(_weight(t) for t in tasks)
    if workers == 1 or len(tasks) < 2 or pages < _POOL_MIN_PAGES:
        for task in tasks:
            if task.key not in failed:
                result, took = _work(task, settings, budget - spent.get(task.key, 0.0))
                yield task.key, _charge(task, result, took, spent, settings)
        return
    # spawn, not fork: the caller may be a threaded server (the UI), and fork copies its locks.
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(min(workers, len(tasks)), mp_context=ctx)
    try:
        with _worker_environment():  # the pool starts its workers as tasks are submitted
            futures = [(task, pool.submit(_work, task, settings, budget)) for task in tasks]
        for task, future in futures:
            if task.key in failed:
                future.cancel()
                continue
            try:
                result, took = future.result()
            except CancelledError:
                continue
            except Exception as exc:  # a worker died (out of memory, a crash in a native library)
                log.warning("loader worker failed (%s)", type(exc).__name__)
                result, took = IngestError(task.file, "could not be read: the process reading it stopped unexpectedly."), 0.0
            result = _charge(task, result, took, spent, settings)
            if isinstance(result, IngestError):
                _cancel(futures, task.key)
            yield task.key, result
    finally:
        # No waiting for the workers to exit: a spawned worker tears down its interpreter (presidio,
        # spaCy, word lists: a quarter second) while the caller goes on with the results.
        pool.shutdown(wait=False, cancel_futures=True)


def _weight(task: _Task) -> float:
    """The task's work in pages: a PDF's or an image's pages, a text file's size in pages of text."""
    if task.media_type in (sniff.TEXT, sniff.MARKDOWN):
        try:
            return os.path.getsize(task.path) / _TEXT_PAGE_BYTES
        except OSError:
            return 1.0
    return float(task.last - task.first)


def _charge(task: _Task, result: list[Page] | IngestError, took: float, spent: dict[int, float], settings: IngestionSettings):
    """Add a task's time to its document's; a document over its budget becomes its error."""
    spent[task.key] = spent.get(task.key, 0.0) + took
    if not isinstance(result, IngestError) and spent[task.key] > settings.max_file_seconds:
        return _over_time(task.file, settings)
    return result


def _cancel(futures: list[tuple[_Task, Future]], key: int) -> None:
    for task, future in futures:
        if task.key == key:
            future.cancel()  # only those not started; a running one ends at its own deadline


def _over_time(file: str, settings: IngestionSettings) -> IngestError:
    return IngestError(file, f"took longer than the limit of {settings.max_file_seconds:g} s to read; it was left out.")


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


def _work(task: _Task, settings: IngestionSettings, budget_s: float) -> tuple[list[Page] | IngestError, float]:
    """One task in a worker: the pages' text, passage spans and PHI, and the seconds it took.

    Errors come back as values, never raised: whatever went wrong becomes one sentence naming
    the file, and nothing that fails to pickle can reach the pool.
    """
    from ingestion.deid.analyzer import analyzer  # presidio: imported where text is analysed

    phi = analyzer(settings.deid.model_dump_json())  # built once per process: not the file's time
    start = time.monotonic()
    deadline = start + budget_s
    try:
        if budget_s <= 0:
            raise OutOfTime()
        pages = _LOADERS[task.media_type](task, settings, deadline)
        for page in pages:
            page.spans = split_page(page.text, settings.max_passage_chars, deadline, page.rows)
            page.phi = phi.analyze(page.text, deadline)
        result: list[Page] | IngestError = pages
    except IngestError as exc:
        result = exc
    except OutOfTime:
        result = _over_time(task.file, settings)
    except Exception as exc:  # a reader's bug on odd input: the batch goes on without this file
        log.warning("page task failed (%s)", type(exc).__name__)  # the type only: messages may quote content
        result = IngestError(task.file, f"could not be read ({type(exc).__name__}).")
    return result, time.monotonic() - start


def _load_text(task: _Task, settings: IngestionSettings, deadline: float) -> list[Page]:
    with open_regular(task.path, task.file) as fh:
        text = textfile.decode(fh.read(), task.file)
    # A text file is one page of no fixed size; a US Letter page stands in for the viewer.
    return [Page(number=1, text=text, offset=0, width=612.0, height=792.0)]


_LOADERS: dict[str, Callable[[_Task, IngestionSettings, float], list[Page]]] = {
    sniff.PDF: lambda t, s, d: pdf.load_pages(t.path, t.file, t.first, t.last, s, d),
    sniff.TEXT: _load_text,
    sniff.MARKDOWN: _load_text,
    **{m: (lambda t, s, d: image.load_frames(t.path, t.file, t.first, t.last, s, d)) for m in sniff.IMAGE_TYPES},
}


def _finish(doc: Document, pages: list[Page], settings: IngestionSettings, notices: list[FileError]) -> Document:
    """Drop what OCR could not read, join the pages, and classify the document."""
    unread = []
    for page in pages:
        if page.ocr and page.text and (page.ocr_confidence or 0) < settings.ocr_min_confidence:
            unread.append(f"Page {page.number} of {doc.file} is a scan OCR could not read reliably (confidence {page.ocr_confidence:.0f}%); it was left out.")
            page.text, page.words, page.spans = "", [], []
        elif page.ocr and not page.skipped and not page.text.strip():  # not blank, yet not one word: noise, a photo
            unread.append(f"Page {page.number} of {doc.file} is a scan in which OCR found no words; it was left out.")
        elif page.ocr and page.text:
            page.low_confidence = (page.ocr_confidence or 0) < settings.ocr_low_confidence
    blank = [page.number for page in pages if page.skipped == "blank"]
    no_ocr = [page.number for page in pages if page.skipped == "no_ocr"]
    if not any(page.text.strip() for page in pages):
        if no_ocr:
            raise IngestError(doc.file, "has no readable text: its pages are scans, and Tesseract (OCR) is not installed; install tesseract-ocr to read them.")
        if len(blank) == len(pages):
            raise IngestError(doc.file, "has no readable text: its pages are blank.")
        scanned = all(page.ocr or page.skipped for page in pages)
        raise IngestError(doc.file, "has no readable text: OCR could not read its scanned pages." if scanned else "contains no text.")
    if blank:
        one = len(blank) == 1
        notices.append(FileError(doc.file, f"{_numbers(blank)} of {doc.file} {'is' if one else 'are'} blank; {'it was' if one else 'they were'} skipped."))
    if no_ocr:
        one = len(no_ocr) == 1
        notices.append(FileError(doc.file, (
            f"{_numbers(no_ocr)} of {doc.file} {'is a scan' if one else 'are scans'}, and Tesseract (OCR) is not installed, "
            f"so {'it was' if one else 'they were'} not read; install tesseract-ocr to read {'it' if one else 'them'}."
        )))
    notices += [FileError(doc.file, message) for message in unread]
    low = [page.number for page in pages if page.low_confidence]
    if low:
        one = len(low) == 1
        notices.append(FileError(doc.file, (
            f"{_numbers(low)} of {doc.file} {'was' if one else 'were'} read by OCR with low confidence; "
            f"{'its' if one else 'their'} passages are marked low-confidence: check them against the page."
        )))
    set_offsets(pages)
    doc.pages = pages
    head = doc.text[:4000]
    doc.doc_type = detect_type(head, doc.file)
    doc.day_first = day_first(doc.text, settings.day_first)
    doc.date = detect_date(head, doc.day_first)
    return doc


def _numbers(pages: list[int]) -> str:
    """"Page 4", "Pages 2–5000", "Pages 2–4, 7 and 9–12": runs of page numbers as ranges."""
    runs: list[list[int]] = []
    for number in pages:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{'Page' if len(pages) == 1 else 'Pages'} {listed}"


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MB"
