"""The PDF and FHIR exports of a shown summary: same [n] as the Markdown, data kept as data, a valid Bundle."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime

import pytest
from faker import Faker
from pypdf import PdfReader

from app.export import summary_fhir, summary_pdf
from app.output import citation_numbers, sources
from app.output import summary_markdown
from app.store.patients import DocumentInfo
from app.store.summaries import CitationView, StatementView, SummaryView

ODD_FILE = "x<b>\n## Sources.pdf"


def make_case() -> dict:
    """A hand-built shown summary: two sections, two files (one named with markup and a newline), flags."""
    fake = Faker("en_US")
    fake.seed_instance(20240611)
    patient, doctor = fake.name(), fake.name()
    letter, labs = f"{fake.last_name()}_cardiology_letter.pdf", ODD_FILE
    docs = [DocumentInfo(1, 7, letter, "application/pdf", "letter", date(2023, 4, 20), 2, 0, datetime(2024, 1, 2, 3, 4, 5)),
            DocumentInfo(2, 7, labs, "text/plain", "lab report", None, 1, 0, datetime(2024, 1, 2, 3, 4, 6))]
    c12 = CitationView("P12", letter, 1, 100, 160, f"{patient} was seen by Dr. {doctor}: “stable” → discharge.", 1)
    c40 = CitationView("P40", labs, 1, 5, 40, "Potassium 5.9 mmol/L (≥ 5.5) ‘high’", 2)
    c7 = CitationView("P7", letter, 2, 0, 30, "Metoprolol (β-blocker) 50 mg daily", 1)
    ghost = CitationView("P999", None, None, None, None, None)
    sections = [
        ("Active problems", [
            StatementView(f"{patient} has heart failure with hyperkalaemia.", [c12, c40], True, 1.0, ""),
            StatementView("Takes metoprolol 50 mg daily.", [c7], True, 0.9, ""),
        ]),
        ("Medications with changes", [
            StatementView("Spironolactone was stopped.", [c40, ghost], False, 0.1,
                          "The cited passage does not mention spironolactone"),
            StatementView("Follow up in 2 weeks.", [c12], True, 1.0, ""),
        ]),
    ]
    view = SummaryView(3, 4, "summary", None, sections,
                       {"backend": "extractive", "model": "extractive (no model)", "notes": ["No model configured."]},
                       {}, ["One prompt was cut short."])
    return {"view": view, "docs": docs, "patient": patient, "doctor": doctor, "letter": letter}


@pytest.fixture(scope="module")
def case() -> dict:
    return make_case()


def _pdf_text(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def _markdown_numbers(view: SummaryView) -> tuple[list[list[int]], dict[str, int]]:
    """[n] per statement line, and passage id -> n from the Sources list, as summary_markdown prints them."""
    md = summary_markdown(view)
    body, _, tail = md.partition("\n## Sources\n")
    marks = [[int(n) for n in re.findall(r" \[(\d+)\]", line)] for line in body.splitlines() if line.startswith("- ")]
    listed = {m[2]: int(m[1]) for m in re.finditer(r"^\[(\d+)\] .*?\(?(P\d+)\)?:", tail, re.M)}
    return marks, listed


def test_numbers_match_the_markdown(case):
    view = case["view"]
    numbers = citation_numbers(view)
    marks, listed = _markdown_numbers(view)
    assert marks == [[numbers[c.passage_id] for c in s.citations] for _, ss in view.sections for s in ss]
    assert listed == numbers == {"P12": 1, "P40": 2, "P7": 3, "P999": 4}
    assert [n for n, _ in sources(view)] == [1, 2, 3, 4]


def test_pdf_holds_everything_literally(case):
    view = case["view"]
    data = summary_pdf(view, title="Clinical summary")
    assert data.startswith(b"%PDF")
    text = _pdf_text(data)
    assert "Clinical summary" in text
    for title, statements in view.sections:
        assert title in text
        for s in statements:
            assert s.text in text
    assert "Unsupported: The cited passage does not mention spironolactone" in text
    numbers = citation_numbers(view)
    marks, _ = _markdown_numbers(view)
    assert f"{view.sections[0][1][0].text} [1] [2]" in text and marks[0] == [1, 2]
    # The sources, numbered as in the Markdown, the odd file name literal: no newline, no bold, no heading.
    assert f"[{numbers['P12']}] {case['letter']}, page 1 (P12): “{case['patient']} was seen by Dr. {case['doctor']}: “stable” -> discharge.”" in text
    assert f"[{numbers['P40']}] x<b> ## Sources.pdf, page 1 (P40): “Potassium 5.9 mmol/L (≥ 5.5) ‘high’”" in text
    assert f"[{numbers['P7']}] {case['letter']}, page 2 (P7): “Metoprolol (beta-blocker) 50 mg daily”" in text
    assert f"[{numbers['P999']}] P999: not a passage of this record" in text
    raw = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "\n[2] x<b> ## Sources.pdf, page 1 (P40)" in raw  # its newline did not break the line
    assert "Written by the extractive engine (extractive (no model)). Checked by the rules." in text
    assert "Note: No model configured." in text and "Note: One prompt was cut short." in text


def test_pdf_markup_in_the_data_is_not_interpreted(case):
    view = case["view"]
    odd = StatementView('<font color="red">1 < 2 & 3 > 2</font> <b>bold</b> &amp; ⚠', [], False, 0.0, "a\x1b[31m\nb")
    data = summary_pdf(SummaryView(1, 1, "answer", "Why <i>this</i>?", [("<para>", [odd])], {"backend": "stub", "model": "m"}, {}, []),
                       title="<u>T</u>")
    text = _pdf_text(data)
    assert "<u>T</u>" in text and "Question: Why <i>this</i>?" in text and "<para>" in text
    assert '<font color="red">1 < 2 & 3 > 2</font> <b>bold</b> &amp; warning:' in text
    assert "Unsupported: a[31m b" in text


def test_fhir_bundle(case):
    from fhir.resources.R4B.bundle import Bundle

    view, docs = case["view"], case["docs"]
    raw = summary_fhir(view, "Ward 4 bed 12", docs)
    bundle = Bundle.model_validate_json(raw)  # validation
    assert bundle.type == "document" and bundle.timestamp is not None
    entries = {e.fullUrl: e.resource for e in bundle.entry}
    assert len(entries) == len(bundle.entry)
    types = [e.resource.get_resource_type() for e in bundle.entry]
    assert types[:4] == ["Composition", "Patient", "DocumentReference", "DocumentReference"]
    composition = bundle.entry[0].resource
    assert composition.status == "final" and composition.type.coding[0].code == "60591-5"
    assert [s.title for s in composition.section] == [title for title, _ in view.sections]

    patient = entries[composition.subject.reference]
    assert patient.get_resource_type() == "Patient" and patient.name is None
    assert [(i.system, i.value) for i in patient.identifier] == [("urn:clinsum:patient-label", "Ward 4 bed 12")]
    author = entries[composition.author[0].reference]
    assert author.get_resource_type() == "Device"
    assert composition.author[0].display == "clinsum extractive engine (extractive (no model))"

    by_file = {}
    for resource in entries.values():
        if resource.get_resource_type() == "DocumentReference":
            assert resource.content[0].attachment.data is None and resource.content[0].attachment.url is None
            by_file[resource.description] = resource
    assert set(by_file) == {case["letter"], "x<b> ## Sources.pdf"}
    assert by_file[case["letter"]].content[0].attachment.contentType == "application/pdf"
    assert by_file[case["letter"]].type.text == "letter"

    for section, (_, statements) in zip(composition.section, view.sections, strict=True):
        refs = [e.reference for e in section.entry or []]
        assert all(r in entries and entries[r].get_resource_type() == "DocumentReference" for r in refs)  # none dangles
        cited = {entries[r].description for r in refs}
        for s in statements:
            assert {c.file.replace("\n", " ") for c in s.citations if c.file} <= cited
        div = ET.fromstring(section.text.div)  # well-formed XHTML, the text literal
        assert div.tag == "{http://www.w3.org/1999/xhtml}div"
        items = ["".join(li.itertext()) for li in div.iter("{http://www.w3.org/1999/xhtml}li")]
        assert len(items) == len(statements)
        for item, s in zip(items, statements, strict=True):
            assert s.text in item and f"[{', '.join(c.passage_id for c in s.citations)}]" in item
            assert ("(supported)" in item) if s.supported else (f"(unsupported: {s.reason})" in item)
    # The second section cites P40 and the unknown P999: one reference, to the lab file.
    assert [entries[e.reference].description for e in composition.section[1].entry] == ["x<b> ## Sources.pdf", case["letter"]]


def test_fhir_unknown_passage_and_missing_document_leave_no_reference(case):
    from fhir.resources.R4B.bundle import Bundle

    ghost = StatementView("Nothing behind this.", [CitationView("P999", None, None, None, None, None)], False, 0.0, "no passage")
    moved = StatementView("Its document was moved.", [CitationView("P5", "gone.pdf", 1, 0, 9, "gone", 99)], True, 1.0, "")
    view = SummaryView(1, 1, "answer", "Any <b>allergies</b>?", [("Answer", [ghost, moved])], {"backend": "stub", "model": "m"}, {}, [])
    bundle = Bundle.model_validate_json(summary_fhir(view, "bed 3", case["docs"]))
    composition = bundle.entry[0].resource
    assert composition.section[0].entry is None
    assert composition.title == "Answer: Any <b>allergies</b>?"
    assert "[P999]" in "".join(ET.fromstring(composition.section[0].text.div).itertext())
    assert json.loads(bundle.model_dump_json())["entry"][0]["resource"]["resourceType"] == "Composition"
