"""Files a user uploads in the browser, added to a patient's record through the same pipeline as the CLI.

The record is rebuilt from everything the patient holds plus the new files, so a summary always
covers the whole record. A file the patient already holds (same bytes) is recognised and not
added twice; a file that cannot be read is reported in one sentence while the others load.
Uploads exist in plaintext only in the process's private temporary folder (0700), and only while
ingestion reads them; the store keeps them encrypted.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.output import printable
from app.pipeline import NothingLoaded, prepare_patient
from app.settings import Settings
from app.store import Store
from app.store.records import StoredRecord
from app.store.schema import Document
from engine import Engine, EngineError


@dataclass(frozen=True, slots=True)
class Upload:
    name: str
    data: bytes


@dataclass(slots=True)
class FileOutcome:
    name: str  # as shown: no path, no control characters
    status: str  # "added" | "duplicate" | "error"
    messages: list[str] = field(default_factory=list)  # the error, or notices (a blank page, a scan without OCR)
    phi: dict[str, int] = field(default_factory=dict)  # identifiers replaced, by kind
    pages: int = 0
    ocr_pages: int = 0


@dataclass(frozen=True, slots=True)
class UploadResult:
    files: list[FileOutcome]
    record: StoredRecord | None  # None when nothing new could be read


def shown_name(name: str) -> str:
    """The file's own name, without any folder part a browser may send, printable, never empty."""
    base = printable(name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    return base if base not in ("", ".", "..") else "unnamed file"


def add_files(store: Store, settings: Settings, engine: Engine, patient_id: int, uploads: Sequence[Upload],
              actor: str = "local", on_step: Callable[[str], None] | None = None) -> UploadResult:
    """Add the uploads to the patient's record; one outcome per upload, in upload order."""
    with store.transaction() as s:
        held = set(s.scalars(select(Document.sha256).where(Document.patient_id == patient_id)))
    outcomes: list[FileOutcome] = []
    fresh: list[tuple[FileOutcome, str, bytes]] = []
    for upload in uploads:
        outcome = FileOutcome(shown_name(upload.name), "added")
        digest = hashlib.sha256(upload.data).hexdigest()
        if digest in held:
            outcome.status = "duplicate"
            outcome.messages.append(f"{outcome.name} is already in this patient's record.")
        else:
            held.add(digest)
            fresh.append((outcome, digest, upload.data))
        outcomes.append(outcome)
    if not fresh:
        return UploadResult(outcomes, None)
    with tempfile.TemporaryDirectory(prefix="upload-") as folder:
        paths = []
        for n, (outcome, _, data) in enumerate(fresh):
            place = Path(folder) / str(n)
            place.mkdir()
            path = place / outcome.name
            path.write_bytes(data)
            paths.append(path)
        try:
            record = prepare_patient(settings, store, engine, patient_id, actor, on_step, extra=paths)
        except NothingLoaded as nothing:
            _errors(fresh, [(e.file, e.error) for e in nothing.errors])
            return UploadResult(outcomes, None)
        except EngineError as error:  # the token counter asks the engine (a server may be down)
            for outcome, _, _ in fresh:
                outcome.status = "error"
                outcome.messages.append(f"{outcome.name} was not added: the engine is not available ({error}).")
            return UploadResult(outcomes, None)
    summary = record.summary
    _errors(fresh, [(e["file"], e["error"]) for e in summary["errors"]])
    by_name = {outcome.name: outcome for outcome, _, _ in fresh}
    for notice in summary["notices"]:
        if (outcome := by_name.get(notice["file"])) is not None:
            outcome.messages.append(notice["notice"])
    by_digest = {digest: outcome for outcome, digest, _ in fresh}
    for doc in summary["documents"]:
        if (outcome := by_digest.get(doc["sha256"])) is not None:
            outcome.phi, outcome.pages, outcome.ocr_pages = doc.get("phi", {}), doc["pages"], doc["ocr_pages"]
    return UploadResult(outcomes, record)


def _errors(fresh: list[tuple[FileOutcome, str, bytes]], errors: list[tuple[str, str]]) -> None:
    """Mark the uploads ingestion refused, by the name it reported them under."""
    by_name = {outcome.name: outcome for outcome, _, _ in fresh}
    for file, error in errors:
        outcome = by_name.get(file)
        if outcome is not None:
            outcome.status = "error"
            outcome.messages.append(error)
