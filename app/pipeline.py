"""The main job, shared by the CLI and the UI: files → stored record → job → summary shown.

A record is found again by its fingerprint (the files' digests and how it was built), so a
second run of the same command, or a question on an uploaded record, neither ingests nor
stores it twice, and resumes an unfinished job instead of queueing another.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from app import jobs
from app.settings import Settings
from app.store import Store
from app.store.records import StoredRecord, file_digests, find_record, fingerprint, mapping_of, patient_mapping, save_record
from app.store.schema import Patient
from engine import Engine
from ingestion import FileError, IngestionSettings, Page, ingest
from ingestion.deid import Mapping, deidentify, find_phi
from ingestion.models import Document


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


def prepare(paths: Sequence[Path], settings: Settings, store: Store, engine: Engine, actor: str = "cli",
            on_step: Callable[[str], None] | None = None) -> StoredRecord:
    """The stored record of these files, ingested (de-identified, stitched) and saved if new."""
    step = on_step or (lambda _name: None)
    chosen = ingestion_settings(settings, engine)
    described = engine.describe()
    counter = "estimate" if described.backend in ("extractive", "stub") else f"{described.backend}:{described.model}"
    digests = file_digests(paths)
    print_ = fingerprint(digests, counter + chosen.model_dump_json(exclude={"workers": True, "deid": {"key"}}))
    found = find_record(store, print_)
    if found is not None:
        return found
    step("ingesting")
    patient_id, mapping = patient_mapping(store, digests)
    record = ingest(paths, chosen, engine.count_tokens, mapping)
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


def safe_question(store: Store, patient_id: int, question: str, settings: Settings) -> str:
    """The question as the engine may see it: the patient's known PHI and any new PHI replaced."""
    mapping = mapping_of(store, patient_id) or Mapping.new(settings.ingestion.deid.max_shift_days)
    text = question
    for token, original in sorted(mapping.originals.items(), key=lambda item: -len(item[1])):
        text = re.sub(rf"(?<!\w){re.escape(original)}(?!\w)", token, text, flags=re.IGNORECASE)
        if token.startswith("[PERSON_"):  # "Darrell's", "Mr. Nguyen": a capitalized word of the name
            for word in re.findall(r"[A-Z][A-Za-z'-]{2,}", original):
                text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", token, text)
    page = Page(number=1, text=text, offset=0, width=612.0, height=792.0)
    [page.phi] = find_phi([text], settings.ingestion.deid)
    deidentify([Document("question", "", "", "text/plain", [page])], settings.ingestion.deid, mapping)
    with store.transaction() as s:  # surrogates new in the question must re-identify later too
        s.get(Patient, patient_id).mapping = mapping.encrypt(store.key)
    return page.safe_text or text


def request(store: Store, stored: StoredRecord, settings: Settings, question: str | None = None,
            engine: str | None = None, actor: str = "cli") -> int:
    """The job for a summary (or an answer to `question`) of a stored record."""
    if question is None:
        return jobs.enqueue(store, stored.id, "summary", None, engine, settings.jobs.max_attempts, actor)
    safe = safe_question(store, stored.patient_id, question, settings)
    return jobs.enqueue(store, stored.id, "answer", safe, engine, settings.jobs.max_attempts, actor)
