"""A record is stored whole (patient, originals, pages, passages, prompts) or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select

from app.store import Store
from app.store.patients import create_patient
from app.store.records import (
    file_digests, find_record, fingerprint, mapping_of, record_input, save_record,
)
from app.store.schema import Base, Document, Page, Passage, Patient, Prompt, Record
from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def sample_record():
    return ingest(SAMPLES, IngestionSettings(workers=1), estimate_tokens)


def _count(store: Store, table) -> int:
    with store.transaction() as s:
        return s.scalar(select(func.count()).select_from(table))


def test_migrations_build_exactly_the_models(store: Store) -> None:
    with store.engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
    assert diffs == []
    assert {"patients", "documents", "pages", "records", "passages", "prompts", "jobs", "summaries", "statements",
            "citations", "audit_events"} <= set(inspect(store.engine).get_table_names())


def test_a_record_round_trips(store: Store, sample_record) -> None:
    digests = file_digests(SAMPLES)
    patient = create_patient(store, "ward 4").id
    print_ = fingerprint(digests, "test", patient)
    assert find_record(store, print_) is None
    stored = save_record(store, sample_record, print_, patient, "test")

    assert find_record(store, print_) == stored
    assert stored.summary["passages"] == len(sample_record.passages)
    data = record_input(store, stored.id)
    assert data.prompts == [p.text for p in sample_record.prompts]
    assert data.passages == {p.id: p.safe_text for p in sample_record.passages}
    # Each passage points at its page, whose stored text slices back to the passage.
    with store.transaction() as s:
        for passage in s.scalars(select(Passage).where(Passage.record_id == stored.id)):
            original = sample_record.passages[passage.number - 1]
            assert passage.page.text[passage.start : passage.end] == original.text
            assert passage.page.number == original.page
    # The originals are kept, byte for byte.
    with store.transaction() as s:
        for doc in s.scalars(select(Document)):
            source = next(d for d in sample_record.documents if d.sha256 == doc.sha256)
            assert store.files.read(doc.stored_at) == Path(source.path).read_bytes()


def test_the_mapping_is_encrypted_and_continues_for_the_same_patient(store: Store, sample_record) -> None:
    digests = file_digests(SAMPLES)
    patient = create_patient(store, "ward 4").id
    stored = save_record(store, sample_record, fingerprint(digests, "a", patient), patient, "test")
    with store.engine.connect() as connection:  # the raw column, as the database keeps it
        blob = connection.exec_driver_sql("SELECT mapping FROM patients").scalar()
    for original in sample_record.mapping.originals.values():
        assert original not in blob
    assert mapping_of(store, stored.patient_id) == sample_record.mapping

    # A later upload for the same patient continues their surrogates; its documents are not stored twice.
    again = save_record(store, sample_record, fingerprint(digests, "b", patient), patient, "test")
    assert again.patient_id == stored.patient_id
    assert _count(store, Patient) == 1
    assert _count(store, Document) == len(sample_record.documents)
    assert _count(store, Record) == 2


def test_a_failure_half_way_leaves_nothing(store: Store, sample_record, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.store.records as records

    real_insert = records.insert

    def failing(table):
        if table is Prompt:
            raise RuntimeError("disk full")
        return real_insert(table)

    monkeypatch.setattr(records, "insert", failing)
    patient = create_patient(store, "ward 4").id
    with pytest.raises(RuntimeError):
        save_record(store, sample_record, fingerprint(["x"], "y", patient), patient, "test")
    for table in (Document, Page, Record, Passage, Prompt):
        assert _count(store, table) == 0
    assert not [p for p in store.files.root.rglob("*") if p.is_file()]  # the originals stored for it went too


def test_migrations_go_down_and_up_again(store: Store) -> None:
    from app.store.db import migrate, roll_back

    roll_back(store.engine, "base")  # back to before clinsum
    assert not {"patients", "jobs", "summaries"} & set(inspect(store.engine).get_table_names())
    migrate(store.engine)
    assert {"patients", "jobs", "summaries"} <= set(inspect(store.engine).get_table_names())
