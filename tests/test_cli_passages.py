"""`clinsum ingest --json --passages`: every passage with where it was read and its original text."""

from __future__ import annotations

import json
import re

import pytest
from faker import Faker
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from tests.test_cli import clinsum

fake = Faker("en_US")
fake.seed_instance(1414)
PATIENT = fake.name()  # synthetic
CLINICIAN = fake.last_name()


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("passages")
    note = folder / "clinic_note.txt"
    note.write_text(
        f"Clinic note\nPatient: {PATIENT}   DOB: 04/11/1961   MRN: {fake.numerify('########')}\n"
        f"Seen today by Dr. {CLINICIAN} for a cough of three weeks. Chest is clear on examination.\n"
        "Plan: chest X-ray and review in two weeks.\n",
        encoding="utf-8",
    )
    pdf = folder / "discharge.pdf"
    page = canvas.Canvas(str(pdf), pagesize=letter, invariant=1)
    for number, line in enumerate((f"Discharge summary for {PATIENT}.", "Discharged home on amoxicillin for seven days."), 1):
        page.drawString(72, 700, line)
        page.drawString(72, 680, f"Page {number} of 2. Reviewed by Dr. {CLINICIAN}.")
        page.showPage()
    page.save()
    return [note, pdf]


@pytest.fixture(scope="module")
def both(files):
    """The `--json` output, and the `--passages` output (with --json implied) at DEBUG logging."""
    plain = clinsum("ingest", *files, "--json")
    listed = clinsum("ingest", *files, "--passages", env={"CLINSUM_LOG_LEVEL": "DEBUG"})
    assert plain.returncode == 0 and listed.returncode == 0, (plain.stderr, listed.stderr)
    return json.loads(plain.stdout), json.loads(listed.stdout), listed.stderr


def test_passages_replace_the_count_and_the_rest_is_the_same_json(both):
    plain, listed, _ = both
    assert len(listed["passages"]) == plain["passages"] == sum(d["passages"] for d in plain["documents"])
    assert {k: v for k, v in listed.items() if k != "passages"} == {k: v for k, v in plain.items() if k != "passages"}


def test_each_passage_says_where_it_was_read_and_quotes_the_original_text(both, files):
    _, listed, _ = both
    passages = listed["passages"]
    assert all(set(p) == {"id", "file", "page", "start", "end", "text"} for p in passages)
    assert len({p["id"] for p in passages}) == len(passages) and all(re.fullmatch(r"P\d+", p["id"]) for p in passages)
    assert {p["file"] for p in passages} == {f.name for f in files}
    assert {p["page"] for p in passages if p["file"] == "discharge.pdf"} == {1, 2}
    note = files[0].read_text(encoding="utf-8")
    for p in passages:
        assert 0 <= p["start"] < p["end"] and p["end"] - p["start"] == len(p["text"])
        if p["file"] == "clinic_note.txt":
            assert note[p["start"] : p["end"]] == p["text"]  # offsets into what was read
    text = "\n".join(p["text"] for p in passages)
    assert PATIENT in text and CLINICIAN in text and "[PERSON_" not in text  # the original, not surrogates


def test_the_original_text_is_printed_never_logged(both):
    _, _, log = both
    assert log  # DEBUG did log
    assert PATIENT not in log and CLINICIAN not in log
