"""Patients as the user names them, and the corrections a user makes: erase, move a misfiled document.

A patient is known by a label the user chooses (a ward and bed, a study number: never required
to be a name or an MRN). The label is sealed like record text and found again by its keyed hash.
Erasing removes originals, text, passages, prompts, jobs, summaries and the mapping; the audit
trail stays, with the ids it had.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.store.crypto import label_key
from app.store.schema import Document, Page, Patient, Record, TeamPatient
from app.store.store import Store, utcnow

MAX_LABEL = 80


class PatientError(ValueError):
    """One sentence: a label that cannot be used, a patient or document that is not there."""


@dataclass(frozen=True, slots=True)
class PatientInfo:
    id: int
    label: str
    created_at: datetime
    documents: int


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: int
    patient_id: int
    file: str
    media_type: str
    doc_type: str
    date: date | None
    pages: int
    ocr_pages: int
    created_at: datetime


def clean_label(label: str) -> str:
    shown = " ".join("".join(c for c in label if c.isprintable()).split())
    if not shown:
        raise PatientError("A patient label needs at least one visible character.")
    if len(shown) > MAX_LABEL:
        raise PatientError(f"A patient label is at most {MAX_LABEL} characters.")
    return shown


def create_patient(store: Store, label: str | None = None, actor: str = "cli", team_id: int | None = None) -> PatientInfo:
    """A new patient; with no label, one is given ("patient-7") that the user may change.

    With `team_id` the patient joins that care team in the same transaction, so a patient made in a
    deployment is never, even for a moment, in nobody's care."""
    with store.transaction() as s:
        chosen = clean_label(label) if label is not None else None
        if chosen is not None and _by_label(s, store, chosen) is not None:
            raise PatientError(f"A patient labelled {chosen!r} exists already.")
        patient = Patient(created_at=utcnow(), label=chosen or "new", label_key=label_key(store.keyring, chosen or _pending()))
        s.add(patient)
        s.flush()
        if chosen is None:
            chosen = _free_label(s, store, patient.id)
            patient.label, patient.label_key = chosen, label_key(store.keyring, chosen)
        if team_id is not None:
            s.add(TeamPatient(team_id=team_id, patient_id=patient.id))
        store.audit(s, actor, "patient created", patient.id)
        return PatientInfo(patient.id, chosen, patient.created_at, 0)


def _pending() -> str:
    import uuid

    return f"pending-{uuid.uuid4()}"  # unique until the id is known


def _free_label(session: Session, store: Store, patient_id: int) -> str:
    label, n = f"patient-{patient_id}", 1
    while _by_label(session, store, label) is not None:
        n += 1
        label = f"patient-{patient_id}-{n}"
    return label


def _by_label(session: Session, store: Store, label: str) -> Patient | None:
    return session.scalar(select(Patient).where(Patient.label_key == label_key(store.keyring, label)))


def find_patient(store: Store, label: str) -> PatientInfo | None:
    with store.transaction() as s:
        patient = _by_label(s, store, clean_label(label))
        return _info(s, patient) if patient else None


def get_patient(store: Store, patient_id: int) -> PatientInfo | None:
    with store.transaction() as s:
        patient = s.get(Patient, patient_id)
        return _info(s, patient) if patient else None


def patient_for(store: Store, label: str | None, actor: str = "cli") -> tuple[PatientInfo, bool]:
    """The patient a command names (made if new), or a new one; and whether it was made now."""
    if label is not None:
        found = find_patient(store, label)
        if found is not None:
            return found, False
    try:
        return create_patient(store, label, actor), True
    except IntegrityError:  # made by a concurrent command since we looked
        found = find_patient(store, label) if label is not None else None
        if found is None:
            raise
        return found, False


def list_patients(store: Store, contains: str | None = None, only: Collection[int] | None = None) -> list[PatientInfo]:
    """Every patient (labels opened here, so a search is a plain substring match), newest first;
    with `only`, just those ids (a user's care teams' patients): no other label is even opened."""
    query = select(Patient).order_by(Patient.id.desc())
    if only is not None:
        query = query.where(Patient.id.in_(list(only)))
    with store.transaction() as s:
        counts = dict(s.execute(select(Document.patient_id, func.count()).group_by(Document.patient_id)).all())
        found = [PatientInfo(p.id, p.label, p.created_at, counts.get(p.id, 0)) for p in s.scalars(query)]
    if contains:
        wanted = " ".join(contains.split()).casefold()
        found = [p for p in found if wanted in p.label.casefold()]
    return found


def rename_patient(store: Store, patient_id: int, label: str, actor: str = "cli") -> PatientInfo:
    chosen = clean_label(label)
    with store.transaction() as s:
        patient = _patient(s, patient_id)
        other = _by_label(s, store, chosen)
        if other is not None and other.id != patient_id:
            raise PatientError(f"A patient labelled {chosen!r} exists already.")
        patient.label, patient.label_key = chosen, label_key(store.keyring, chosen)
        store.audit(s, actor, "patient renamed", patient_id)
        return _info(s, patient)


def documents_of(store: Store, patient_id: int) -> list[DocumentInfo]:
    """The patient's documents in date order (undated last), as stored."""
    with store.transaction() as s:
        rows = s.scalars(select(Document).where(Document.patient_id == patient_id).order_by(Document.id)).all()
        pages = dict(s.execute(select(Page.document_id, func.count()).where(Page.document_id.in_([d.id for d in rows]))
                               .group_by(Page.document_id)).all())
        ocr = dict(s.execute(select(Page.document_id, func.count()).where(Page.document_id.in_([d.id for d in rows]), Page.ocr)
                             .group_by(Page.document_id)).all())
        docs = [DocumentInfo(d.id, d.patient_id, d.file_name, d.media_type, d.doc_type, d.doc_date, pages.get(d.id, 0),
                             ocr.get(d.id, 0), d.created_at) for d in rows]
    return sorted(docs, key=lambda d: (d.date is None, d.date or date.min, d.id))


def delete_patient(store: Store, patient_id: int, actor: str = "cli") -> int:
    """Erase the patient; returns how many documents went. The audit trail stays."""
    with store.transaction() as s:
        patient = _patient(s, patient_id)
        stored = list(s.scalars(select(Document.stored_at).where(Document.patient_id == patient_id)))
        # The database cascades (ON DELETE CASCADE): documents, pages, records, passages, prompts, jobs, summaries.
        s.execute(delete(Patient).where(Patient.id == patient.id))
        store.audit(s, actor, "patient deleted", patient_id, documents=len(stored))
        orphans = _unreferenced(s, stored)
    _remove_files(store, orphans)
    return len(stored)


def delete_document(store: Store, document_id: int, actor: str = "cli") -> int:
    """Erase one document and every record built from it (their prompts and summaries hold its text).

    Returns the number of records that went with it."""
    with store.transaction() as s:
        doc = _document(s, document_id)
        records = _drop_records_with(s, doc)
        stored, patient_id = doc.stored_at, doc.patient_id
        s.execute(delete(Document).where(Document.id == doc.id))  # its pages go with it
        store.audit(s, actor, "document deleted", patient_id, document=document_id, records=len(records))
        orphans = _unreferenced(s, [stored])
    _remove_files(store, orphans)
    return len(records)


def move_document(store: Store, document_id: int, to_patient: int, actor: str = "cli") -> int:
    """File a misfiled document under another patient. Records of the first patient that held it
    go (they mix two people); the next summary of either patient is built from what each holds.

    Returns the number of records that went."""
    with store.transaction() as s:
        doc = _document(s, document_id)
        _patient(s, to_patient)
        source = doc.patient_id
        if source == to_patient:
            return 0
        records = _drop_records_with(s, doc)
        twin = s.scalar(select(Document).where(Document.patient_id == to_patient, Document.sha256 == doc.sha256))
        if twin is not None:  # the other patient has it already: one copy is enough
            s.execute(delete(Document).where(Document.id == doc.id))
        else:
            doc.patient_id = to_patient
        store.audit(s, actor, "document moved", source, document=document_id, to_patient=to_patient, records=len(records))
        store.audit(s, actor, "document received", to_patient, document=document_id, from_patient=source)
        return len(records)


def _drop_records_with(session: Session, doc: Document) -> list[int]:
    """Delete the records built from `doc` (their jobs and summaries cascade); returns their ids."""
    ids = [r.id for r in session.scalars(select(Record).where(Record.patient_id == doc.patient_id)) if doc.id in r.documents]
    if ids:
        session.execute(delete(Record).where(Record.id.in_(ids)))
    return ids


def _unreferenced(session: Session, stored: list[str]) -> list[str]:
    """Stored originals no document points at any more (a file two patients share stays for the other)."""
    still = set(session.scalars(select(Document.stored_at).where(Document.stored_at.in_(stored)))) if stored else set()
    return [name for name in set(stored) if name not in still]


def _remove_files(store: Store, names: list[str]) -> None:
    for name in names:
        store.files.remove(name)


def _patient(session: Session, patient_id: int) -> Patient:
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise PatientError(f"There is no patient {patient_id}.")
    return patient


def _document(session: Session, document_id: int) -> Document:
    doc = session.get(Document, document_id)
    if doc is None:
        raise PatientError(f"There is no document {document_id}.")
    return doc


def _info(session: Session, patient: Patient) -> PatientInfo:
    count = session.scalar(select(func.count()).select_from(Document).where(Document.patient_id == patient.id))
    return PatientInfo(patient.id, patient.label, patient.created_at, count or 0)

