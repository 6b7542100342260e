"""The main job, shared by the CLI and the UI: a patient's files → stored record → job → summary shown.

Every record belongs to the patient the user named or created. It is found again by its
fingerprint (the patient, the files' digests and how it was built), so a second run of the same
command, or a question on an uploaded record, neither ingests nor stores it twice, and resumes an
unfinished job instead of queueing another.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app import jobs
from app.settings import Settings
from app.store import Store
from app.store.records import StoredRecord, file_digests, find_record, fingerprint, mapping_of, save_record
from app.store.schema import Document as StoredDocument
from app.store.schema import Patient
from engine import Engine
from ingestion import FileError, IngestionSettings, ingest
from ingestion.deid import Mapping, deidentify_text


class NothingLoaded(Exception):
    """No file of the batch could be read; `errors` says why for each."""

    def __init__(self, errors: list[FileError]):
        self.errors = errors
        super().__init__("none of the files could be read")


def ingestion_settings(settings: Settings, engine: Engine) -> IngestionSettings:
    """Prompts sized for this engine: its context, with room for the longest reply a job asks for."""
    base = settings.ingestion
    return base.model_copy(update={
        "context_tokens": min(base.context_tokens, engine.context_length),
        "reserve_output": max(base.reserve_output, settings.jobs.max_tokens),
    })


def prepare(paths: Sequence[Path], settings: Settings, store: Store, engine: Engine, patient_id: int, actor: str = "cli",
            on_step: Callable[[str], None] | None = None) -> StoredRecord:
    """The stored record of these files of this patient, ingested (de-identified, stitched) and saved if new."""
    step = on_step or (lambda _name: None)
    chosen = ingestion_settings(settings, engine)
    described = engine.describe()
    counter = "estimate" if described.backend in ("extractive", "stub") else f"{described.backend}:{described.model}"
    digests = file_digests(paths)
    recipe = counter + chosen.model_dump_json(exclude={"workers": True, "deid": {"key"}})
    print_ = fingerprint(digests, recipe, patient_id)
    found = find_record(store, print_)
    if found is not None:
        return found
    record = ingest(paths, chosen, engine.count_tokens, mapping_of(store, patient_id), on_step=step)
    if not record.documents:
        raise NothingLoaded(record.errors)
    step("storing")
    try:
        return save_record(store, record, print_, patient_id, actor)
    except IntegrityError:  # the same upload, stored by a concurrent run since we looked: use that one
        found = find_record(store, print_)
        if found is None:
            raise
        return found


def prepare_patient(settings: Settings, store: Store, engine: Engine, patient_id: int, actor: str = "cli",
                    on_step: Callable[[str], None] | None = None, extra: Sequence[Path] = ()) -> StoredRecord:
    """The record of everything the patient holds, with `extra` files added: their stored originals,
    decrypted into a private temporary folder only for as long as ingestion reads them."""
    with store.transaction() as s:
        docs = [(d.file_name, d.stored_at) for d in s.scalars(select(StoredDocument).where(StoredDocument.patient_id == patient_id)
                                                                .order_by(StoredDocument.id))]
    if not docs and not extra:
        raise NothingLoaded([])
    with tempfile.TemporaryDirectory(prefix="record-") as folder:
        paths = []
        for n, (name, stored_at) in enumerate(docs):
            place = Path(folder) / str(n)
            place.mkdir()
            paths.append(store.files.copy_out(stored_at, place / (name if name not in ("", ".", "..") else "document")))
        return prepare([*paths, *extra], settings, store, engine, patient_id, actor, on_step)


def safe_question(store: Store, patient_id: int, question: str, settings: Settings) -> str:
    """The question as the engine may see it: the patient's known PHI and any new PHI replaced."""
    mapping = mapping_of(store, patient_id) or Mapping.new(settings.ingestion.deid.max_shift_days)
    safe = deidentify_text(question, mapping, settings.ingestion.deid)
    with store.transaction() as s:  # surrogates new in the question must re-identify later too
        s.get(Patient, patient_id).mapping = mapping.model_dump(mode="json")
    return safe


def request(store: Store, stored: StoredRecord, settings: Settings, question: str | None = None,
            engine: str | None = None, actor: str = "cli") -> int:
    """The job for a summary (or an answer to `question`) of a stored record."""
    if question is None:
        return jobs.enqueue(store, stored.id, "summary", None, engine, settings.jobs.max_attempts, actor)
    safe = safe_question(store, stored.patient_id, question, settings)
    return jobs.enqueue(store, stored.id, "answer", safe, engine, settings.jobs.max_attempts, actor)
