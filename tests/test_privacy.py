"""The privacy promise: planted PHI never reaches a prompt, a log line or an error message."""

from __future__ import annotations

import dataclasses
import logging
import re

import pytest

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from ingestion.deid import reidentify
from faker import Faker

from tests.fixtures import bad_files as bad
from tests.fixtures.sample_record import Clinician, make_cast


def planted_phi() -> list[str]:
    """Every identifier the sample record's generator wrote, in the forms it wrote them."""
    cast = make_cast()
    values: list[str] = []
    for field in dataclasses.fields(cast):
        value = getattr(cast, field.name)
        if isinstance(value, Clinician):
            values += [value.first, value.last]
        elif isinstance(value, str) and field.name not in ("state", "middle"):
            values.append(value)
        elif hasattr(value, "strftime"):
            values += [f"{value:%m/%d/%Y}"]
    values += [cast.name, cast.name_lis, cast.hospital, cast.clinic]
    return [v for v in values if len(v) > 2]


@pytest.fixture(scope="module")
def record_and_log(sample_paths):
    handler = _Capture()
    root = logging.getLogger()
    root.addHandler(handler)
    old = root.level
    root.setLevel(logging.DEBUG)
    try:
        record = ingest(sample_paths, IngestionSettings(workers=1), estimate_tokens)
    finally:
        root.removeHandler(handler)
        root.setLevel(old)
    return record, "\n".join(handler.lines)


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record))


def _occurs(value: str, text: str) -> bool:
    return re.search(r"(?<![\w])" + re.escape(value) + r"(?![\w])", text, re.IGNORECASE) is not None


def test_no_planted_identifier_reaches_a_prompt(record_and_log):
    record, _ = record_and_log
    prompts = "\n".join(p.text for p in record.prompts)
    leaked = [v for v in planted_phi() if _occurs(v, prompts)]
    assert leaked == []


def test_no_planted_identifier_reaches_a_debug_log_line(record_and_log):
    _, log = record_and_log
    assert log  # the loader and OCR did log at DEBUG
    assert [v for v in planted_phi() if _occurs(v, log)] == []


def test_the_patient_is_one_surrogate_in_every_document_and_reads_back_for_the_clinician(record_and_log):
    record, _ = record_and_log
    cast = make_cast()
    prompts = "\n".join(p.text for p in record.prompts)
    token = next(t for t, original in record.mapping.originals.items() if cast.last in original and cast.first in original)
    documents_with_token = {p.doc for p in record.passages if token in p.safe_text}
    assert len(documents_with_token) == len(record.documents)  # every document names the patient
    line = next(line for line in prompts.splitlines() if token in line and "DOB" in line)
    real = reidentify(line, record.mapping)
    # The name as the record spells it most often (the header's "NGUYEN, DARRELL S"), and the true date of birth.
    assert cast.last.upper() in real.upper() and f"{cast.dob:%m/%d/%Y}" in real


def test_dates_are_shifted_not_removed_so_intervals_survive(record_and_log):
    record, _ = record_and_log
    shifted = [d.prompt_date for d in record.documents]
    real = [d.date for d in record.documents]
    assert all(s != r for s, r in zip(shifted, real))
    assert [(b - a).days for a, b in zip(shifted, shifted[1:])] == [(b - a).days for a, b in zip(real, real[1:])]


def test_error_messages_name_the_file_but_never_its_content(tmp_path):
    cast = make_cast()
    note = tmp_path / "scan.pdf"  # a text note named .pdf: refused, and the refusal quotes nothing
    note.write_text(f"Patient: {cast.name} MRN: {cast.mrn}\n", encoding="utf-8")
    for path in (note, bad.make_bad_encoding_txt(tmp_path / "x.txt")):
        record = ingest([path], IngestionSettings(workers=1), estimate_tokens)
        [error] = record.errors
        assert not any(_occurs(v, error.error) for v in (cast.name, cast.mrn, cast.last))


def _synthetic_record(folder, seed: int) -> tuple[list, list[str]]:
    """Three notes of one fake patient, written the way registration headers and notes are."""
    fake = Faker("en_US")
    fake.seed_instance(seed)
    name, relative, doctor = fake.name(), fake.first_name(), fake.last_name()
    mrn, phone, dob = fake.numerify("########"), fake.numerify("(###) 555-####"), fake.date_of_birth(minimum_age=30)
    street, city, zip_code = fake.street_address(), fake.city(), fake.zipcode()
    planted = [name, *name.split()[-1:], relative, doctor, mrn, phone, f"{dob:%m/%d/%Y}", street, city, zip_code]
    notes = [
        f"Patient: {name}    DOB: {dob:%m/%d/%Y}    MRN: {mrn}\nAddress: {street}, {city}, OH {zip_code}\n"
        f"Phone: {phone}\nDate of Service: 02/03/2024\nSeen with his wife {relative}. Plan per Dr. {doctor}.\n",
        f"PROGRESS NOTE 02/10/2024\n{name.split()[-1].upper()}, {name.split()[0].upper()}  MRN {mrn}\n"
        f"Mr. {name.split()[-1]} is improving; {relative} will call {phone} if needed.\n",
        f"Discharge summary. Date of Discharge: 02/12/2024. {name.split()[-1]}'s follow-up with Dr. {doctor} in 2 weeks.\n",
    ]
    paths = []
    for i, note in enumerate(notes):
        path = folder / f"note{i}.txt"
        path.write_text(note, encoding="utf-8")
        paths.append(path)
    return paths, planted


@pytest.mark.parametrize("seed", range(5))
def test_no_planted_identifier_of_a_generated_record_reaches_its_prompts_or_logs(seed, tmp_path, caplog):
    paths, planted = _synthetic_record(tmp_path, seed)
    with caplog.at_level(logging.DEBUG):
        record = ingest(paths, IngestionSettings(workers=1), estimate_tokens)
    prompts = "\n".join(p.text for p in record.prompts)
    assert len(record.documents) == 3
    assert [v for v in planted if _occurs(v, prompts)] == []
    assert [v for v in planted if _occurs(v, caplog.text)] == []
