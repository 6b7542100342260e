"""Free text beside a record (a clinician's question) is de-identified with the patient's mapping
(issue 16): `ingestion.deid.deidentify_text`, no fake page or document. Names from Faker, seeded."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from faker import Faker

from ingestion.deid import DeidSettings, Mapping, deidentify, deidentify_text, find_phi, reidentify
from ingestion.models import Document, Page

fake = Faker("en_US")
Faker.seed(16)


def _record(text: str, day_first: bool = False) -> Mapping:
    """The patient's mapping after their record went through the real de-identification path."""
    [phi] = find_phi([text])
    doc = Document("note.txt", "", "", "text/plain", [Page(1, text, 0, 0, 0, phi=phi)],
                   date=date(2023, 3, 1), day_first=day_first)
    return deidentify([doc], DeidSettings())


@pytest.fixture
def patient() -> tuple[str, str, str, Mapping]:
    """(first name, last name, the record's token for them, mapping)."""
    first, last = fake.first_name(), fake.last_name()
    mapping = _record(f"Discharge summary. Patient: {first} {last}. {first} {last} was admitted with pneumonia "
                      f"and treated with ceftriaxone. Mr. {last} improved.")
    [token] = [t for t, v in mapping.originals.items() if t.startswith("[PERSON_") and last in v]
    return first, last, token, mapping


@pytest.mark.parametrize("form", ["{first} {last}", "{last}", "Mr. {last}", "{last}'s", "upper"])
def test_a_question_naming_the_patient_gets_the_records_surrogate(patient, form: str) -> None:
    first, last, token, mapping = patient
    named = f"{first} {last}".upper() if form == "upper" else form.format(first=first, last=last)
    safe = deidentify_text(f"What antibiotic did {named} receive?", mapping)
    assert token in safe
    assert first.lower() not in safe.lower() and last.lower() not in safe.lower(), safe
    assert re.findall(r"\[PERSON_\d+\]", safe) == [token]  # the same person, not a new token


def test_a_name_the_record_never_named_gets_a_new_surrogate_that_reads_back(patient) -> None:
    _, _, token, mapping = patient
    stranger = f"{fake.first_name()} {fake.last_name()}"
    safe = deidentify_text(f"Did Dr. {stranger} see the patient?", mapping)
    [new] = re.findall(r"\[PERSON_\d+\]", safe)
    assert new != token and stranger not in safe
    assert mapping.originals[new] == stranger  # kept, so an answer naming them re-identifies
    assert stranger in reidentify(safe, mapping)


def test_dates_shift_by_the_patients_offset_in_the_records_day_order() -> None:
    mapping = _record(f"Clinic letter for {fake.name()}, seen 17/01/2023.", day_first=True)
    assert mapping.day_first and mapping.offset_days
    safe = deidentify_text("What changed after 3/2/2023?", mapping)
    shifted = date(2023, 2, 3) + timedelta(days=mapping.offset_days)  # read day first: 3 February
    assert "3/2/2023" not in safe and f"{shifted.day}/{shifted.month}/{shifted.year}" in safe.replace("/0", "/")
    assert mapping.day_first  # a question does not reset the record's order (it did through a fake document)


def test_text_without_phi_is_unchanged_and_adds_nothing(patient) -> None:
    _, _, _, mapping = patient
    before = mapping.model_dump()
    assert deidentify_text("What is the metformin dose?", mapping) == "What is the metformin dose?"
    assert mapping.model_dump() == before


def test_the_pipeline_asks_with_the_records_surrogates_and_keeps_the_new_ones(store) -> None:
    from app.pipeline import prepare, safe_question
    from app.settings import Settings
    from app.store.patients import patient_for
    from app.store.records import mapping_of
    from engine.extractive import ExtractiveEngine
    from ingestion import IngestionSettings
    from tests.conftest import SAMPLES

    settings = Settings(ingestion=IngestionSettings(workers=1))
    patient = patient_for(store, "bed 7")[0].id
    prepare([p for p in SAMPLES if p.suffix in (".txt", ".md")], settings, store, ExtractiveEngine(), patient)
    people = {t: v for t, v in mapping_of(store, patient).originals.items() if t.startswith("[PERSON_")}
    token, name = max(people.items(), key=lambda item: len(item[1]))
    stranger = f"{fake.first_name()} {fake.last_name()}"
    safe = safe_question(store, patient, f"Did {name} see Dr. {stranger} in clinic?", settings)
    assert token in safe and name not in safe and stranger not in safe
    [new] = set(re.findall(r"\[PERSON_\d+\]", safe)) - {token}
    assert mapping_of(store, patient).originals[new] == stranger  # saved: an answer naming them reads back
