"""Patients the user names: records never merge through a shared file; erasure and corrections."""

from __future__ import annotations

from pathlib import Path

import pytest
from faker import Faker
from sqlalchemy import func, select

from app.pipeline import prepare
from app.settings import JobSettings, Settings
from app.store import Store
from app.store.patients import (
    PatientError, create_patient, delete_document, delete_patient, documents_of, find_patient, list_patients,
    move_document, patient_for, rename_patient,
)
from app.store.records import mapping_of
from app.store.schema import AuditEvent, Document, Job, Page, Passage, Patient, Prompt, Record
from engine.extractive import ExtractiveEngine
from ingestion import IngestionSettings

SETTINGS = Settings(ingestion=IngestionSettings(workers=1), jobs=JobSettings(retry_wait_s=0))


def _note(folder: Path, name: str, seed: int) -> tuple[Path, str]:
    fake = Faker("en_US")
    fake.seed_instance(seed)
    patient = fake.name()
    path = folder / name
    path.write_text(f"Progress note\nPatient: {patient}  MRN: {fake.numerify('########')}\nDate of Service: 03/0{seed}/2024\n"
                    f"Seen for follow-up of hypertension. Lisinopril 10 mg daily continued.\n", encoding="utf-8")
    return path, patient


def _leaflet(folder: Path) -> Path:
    path = folder / "leaflet.txt"
    path.write_text("Heart failure leaflet\nWeigh yourself every morning. Call the clinic if you gain 2 kg in 3 days.\n",
                    encoding="utf-8")
    return path


def _count(store: Store, table, *where) -> int:
    with store.transaction() as s:
        return s.scalar(select(func.count()).select_from(table).where(*where))


def test_a_shared_leaflet_never_merges_two_patients(store: Store, tmp_path: Path) -> None:
    leaflet = _leaflet(tmp_path)
    note_a, name_a = _note(tmp_path, "a.txt", 1)
    note_b, name_b = _note(tmp_path, "b.txt", 2)
    a, b = create_patient(store, "bed 1"), create_patient(store, "bed 2")
    first = prepare([note_a, leaflet], SETTINGS, store, ExtractiveEngine(), a.id)
    second = prepare([note_b, leaflet], SETTINGS, store, ExtractiveEngine(), b.id)
    assert (first.patient_id, second.patient_id) == (a.id, b.id)
    assert _count(store, Document, Document.patient_id == a.id) == 2  # the leaflet is a document of each
    assert _count(store, Document, Document.patient_id == b.id) == 2
    map_a, map_b = mapping_of(store, a.id), mapping_of(store, b.id)
    assert name_b.split()[-1] not in " ".join(map_a.originals.values())  # B's name is not in A's mapping
    assert name_a.split()[-1] not in " ".join(map_b.originals.values())
    with store.transaction() as s:
        ingested = dict(s.execute(select(AuditEvent.id, AuditEvent.patient_id).where(AuditEvent.action == "record ingested")).all())
    assert sorted(ingested.values()) == [a.id, b.id]  # B's upload is filed under B


def test_labels_are_found_again_but_never_stored_readable(store: Store) -> None:
    made = create_patient(store, "Ward 7  Bed 3")
    assert find_patient(store, "ward 7 bed 3") == made  # spacing and case do not make another patient
    with pytest.raises(PatientError):
        create_patient(store, "WARD 7 BED 3")
    auto = create_patient(store)
    assert auto.label == f"patient-{auto.id}"
    assert [p.label for p in list_patients(store, "bed")] == ["Ward 7 Bed 3"]
    with store.engine.connect() as connection:
        raw = " ".join(str(v) for row in connection.exec_driver_sql("SELECT * FROM patients") for v in row)
    assert "Ward" not in raw and "Bed" not in raw
    renamed = rename_patient(store, made.id, "ward 8")
    assert find_patient(store, "ward 8") == renamed and find_patient(store, "ward 7 bed 3") is None
    with pytest.raises(PatientError):
        create_patient(store, "\n\t ")


def test_patient_for_makes_a_new_patient_each_call_without_a_label(store: Store) -> None:
    first, made = patient_for(store, None)
    second, _ = patient_for(store, None)
    assert made and first.id != second.id
    named, made = patient_for(store, "icu 2")
    again, made_again = patient_for(store, "ICU 2")
    assert made and not made_again and named.id == again.id


def test_deleting_a_patient_erases_everything_but_the_audit_trail(store: Store, tmp_path: Path) -> None:
    leaflet = _leaflet(tmp_path)
    a, b = create_patient(store, "bed 1"), create_patient(store, "bed 2")
    prepare([_note(tmp_path, "a.txt", 1)[0], leaflet], SETTINGS, store, ExtractiveEngine(), a.id)
    prepare([_note(tmp_path, "b.txt", 2)[0], leaflet], SETTINGS, store, ExtractiveEngine(), b.id)
    files_before = {p for p in store.files.root.rglob("*") if p.is_file()}
    assert len(files_before) == 3  # two notes, one shared leaflet
    assert delete_patient(store, a.id) == 2
    for table in (Document, Record):
        assert _count(store, table, table.patient_id == a.id) == 0
    assert _count(store, Patient) == 1 and _count(store, Page) == 2 and _count(store, Record) == 1
    files_after = {p for p in store.files.root.rglob("*") if p.is_file()}
    assert len(files_after) == 2  # A's note went; the leaflet stays for B
    with store.transaction() as s:
        trail = list(s.scalars(select(AuditEvent.action).where(AuditEvent.patient_id == a.id).order_by(AuditEvent.id)))
    assert trail[0] == "patient created" and "record ingested" in trail and trail[-1] == "patient deleted"
    with pytest.raises(PatientError):
        delete_patient(store, a.id)


def test_deleting_a_document_erases_the_records_built_from_it(store: Store, tmp_path: Path) -> None:
    a = create_patient(store, "bed 1")
    note, leaflet = _note(tmp_path, "a.txt", 1)[0], _leaflet(tmp_path)
    prepare([note, leaflet], SETTINGS, store, ExtractiveEngine(), a.id)
    prepare([note], SETTINGS, store, ExtractiveEngine(), a.id)
    leaflet_doc = next(d for d in documents_of(store, a.id) if d.file == "leaflet.txt")
    assert delete_document(store, leaflet_doc.id) == 1  # the record with the leaflet; the note's own stays
    assert [d.file for d in documents_of(store, a.id)] == ["a.txt"]
    assert _count(store, Record) == 1 and _count(store, Prompt) == 1
    with store.transaction() as s:
        assert all(p.page.document.file_name == "a.txt" for p in s.scalars(select(Passage)))


def test_a_misfiled_document_moves_to_its_patient(store: Store, tmp_path: Path) -> None:
    a, b = create_patient(store, "bed 1"), create_patient(store, "bed 2")
    note_a, note_b = _note(tmp_path, "a.txt", 1)[0], _note(tmp_path, "b.txt", 2)[0]
    prepare([note_a, note_b], SETTINGS, store, ExtractiveEngine(), a.id)  # B's note filed under A by mistake
    misfiled = next(d for d in documents_of(store, a.id) if d.file == "b.txt")
    assert move_document(store, misfiled.id, b.id) == 1  # A's record mixed two people: it goes
    assert [d.file for d in documents_of(store, a.id)] == ["a.txt"]
    assert [d.file for d in documents_of(store, b.id)] == ["b.txt"]
    assert _count(store, Record) == 0 and _count(store, Job) == 0
    with store.transaction() as s:
        moved = s.scalars(select(AuditEvent.action).where(AuditEvent.action.like("document %"))).all()
    assert sorted(moved) == ["document moved", "document received"]
