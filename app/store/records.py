"""Saving an ingested record (patient, original files, pages, passages, prompts) and reading it back.

All of one record is written in one transaction: a crash leaves either the whole record or none
of it, and an original stored for it is removed again. The patient is the one the user named or
created (never one inferred from a shared file), so their surrogates and date shift continue
across uploads, and a leaflet two patients share stays two documents, one under each.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.records import record_json
from app.store.schema import Document, Page, Passage, Patient, Prompt, Record
from app.store.store import Store, utcnow
from ingestion import Record as IngestedRecord
from ingestion.deid import Mapping
from ingestion.record_format import passage_id, passage_number


@dataclass(frozen=True, slots=True)
class StoredRecord:
    id: int
    patient_id: int
    summary: dict  # as `clinsum ingest --json`


@dataclass(frozen=True, slots=True)
class RecordInput:
    """What a job needs: the de-identified prompts and passages, nothing that names anyone."""

    prompts: list[str]
    passages: dict[str, str]  # "P12" → de-identified text


def file_digests(paths: Sequence[Path]) -> list[str]:
    digests = []
    for path in paths:
        try:
            with open(path, "rb") as fh:
                digests.append(hashlib.file_digest(fh, "sha256").hexdigest())
        except OSError:
            digests.append(f"unreadable:{Path(path).name}")  # ingestion reports it; it still shapes the record
    return digests


def fingerprint(digests: Sequence[str], recipe: str, patient_id: int) -> str:
    """The same files of the same patient, built the same way (settings, token counter), make the same record."""
    return hashlib.sha256(json.dumps([patient_id, sorted(digests), recipe]).encode()).hexdigest()


def find_record(store: Store, print_: str) -> StoredRecord | None:
    with store.transaction() as s:
        row = s.scalar(select(Record).where(Record.fingerprint == print_))
        return StoredRecord(row.id, row.patient_id, row.summary) if row else None


def save_record(store: Store, record: IngestedRecord, print_: str, patient_id: int, actor: str) -> StoredRecord:
    new_files = []
    try:
        for doc in record.documents:  # originals first: a file without its rows is removed below, the reverse is worse
            stored_at, new = store.files.put(Path(doc.path), doc.sha256)
            if new:
                new_files.append(stored_at)
        return _save_rows(store, record, print_, patient_id, actor)
    except BaseException:
        for stored_at in new_files:
            store.files.remove(stored_at)
        raise


def _save_rows(store: Store, record: IngestedRecord, print_: str, patient_id: int, actor: str) -> StoredRecord:
    summary = record_json(record)
    with store.transaction() as s:
        now = utcnow()
        patient = s.get(Patient, patient_id)
        if patient is None:
            raise LookupError(f"patient {patient_id} does not exist (it was deleted)")
        patient.mapping = record.mapping.model_dump(mode="json")
        s.flush()
        known = {d.sha256: d for d in s.scalars(select(Document).where(Document.patient_id == patient.id))}
        page_ids: dict[tuple[int, int], int] = {}
        doc_ids = []
        for index, doc in enumerate(record.documents):
            row = known.get(doc.sha256)
            if row is None:
                row = Document(
                    patient_id=patient.id, sha256=doc.sha256, file_name=doc.file, media_type=doc.media_type,
                    doc_type=doc.doc_type.value, doc_date=doc.date, stored_at=store.files.name(doc.sha256),
                    created_at=now,
                )
                s.add(row)
                s.flush()
                ids = s.scalars(insert(Page).returning(Page.id, sort_by_parameter_order=True), [_page_row(row.id, p) for p in doc.pages]).all()
                page_ids.update({(index, p.number): i for p, i in zip(doc.pages, ids)})
                known[doc.sha256] = row  # a bundle's next part is stored in the same file's row
            else:
                stored = dict(s.execute(select(Page.number, Page.id).where(Page.document_id == row.id)).all())
                if missing := [p for p in doc.pages if p.number not in stored]:  # a part of a bundle seen above
                    ids = s.scalars(insert(Page).returning(Page.id, sort_by_parameter_order=True), [_page_row(row.id, p) for p in missing]).all()
                    stored |= {p.number: i for p, i in zip(missing, ids)}
                page_ids.update({(index, p.number): stored[p.number] for p in doc.pages})
            doc_ids.append(row.id)
        stored = Record(patient_id=patient.id, fingerprint=print_, documents=doc_ids, summary=summary, created_at=now)
        s.add(stored)
        s.flush()
        if record.passages:
            s.execute(insert(Passage), [
                {"record_id": stored.id, "number": passage_number(p.id), "page_id": page_ids[(p.doc, p.page)], "start": p.start,
                 "end": p.end, "safe_text": p.safe_text}
                for p in record.passages
            ])
        if record.prompts:
            s.execute(insert(Prompt), [
                {"record_id": stored.id, "number": n, "text": p.text, "tokens": p.tokens} for n, p in enumerate(record.prompts, 1)
            ])
        store.audit(s, actor, "record ingested", patient.id, documents=len(doc_ids), passages=len(record.passages),
                    errors=len(record.errors))
        return StoredRecord(stored.id, patient.id, summary)


def _page_row(document_id: int, p) -> dict:
    return {"document_id": document_id, "number": p.number, "text": p.text, "width": p.width, "height": p.height,
            "ocr": p.ocr, "ocr_confidence": p.ocr_confidence, "low_confidence": p.low_confidence,
            "words": [[w.start, w.end, w.x0, w.y0, w.x1, w.y1] for w in p.words] or None}


def record_input(store: Store, record_id: int) -> RecordInput:
    with store.transaction() as s:
        prompts = list(s.scalars(select(Prompt.text).where(Prompt.record_id == record_id).order_by(Prompt.number)))
        passages = {passage_id(n): t for n, t in s.execute(select(Passage.number, Passage.safe_text).where(Passage.record_id == record_id))}
    return RecordInput(prompts, passages)


def mapping_of(store: Store, patient_id: int) -> Mapping | None:
    with store.transaction() as s:
        return read_mapping(s, patient_id)


def read_mapping(session: Session, patient_id: int) -> Mapping | None:
    """The patient's mapping, decrypted, inside the caller's transaction."""
    data = session.scalar(select(Patient.mapping).where(Patient.id == patient_id))
    return Mapping.model_validate(data) if data else None
