"""Filled-in PDF form fields are read with their labels, cited and highlighted on their field; empty
fields add nothing. Forms made with ReportLab's AcroForm; all content invented."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from ingestion.geometry import span_rects
from ingestion.models import DocType

FIELDS = [  # label on the page, field name, value (None: a checkbox, ticked)
    ("Full name:", "name", "Rowan Ashgrove"),
    ("Date of birth:", "dob", "17/01/1962"),
    ("Allergies:", "allergy", "Penicillin (rash)"),
    ("Current smoker:", "smoker", None),
    ("Interpreter needed:", "interpreter", ""),  # left empty
]


def _form(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=letter)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 720, "PATIENT REGISTRATION FORM")
    y = 680
    for label, name, value in FIELDS:
        canvas.drawString(72, y, label)
        if value is None:
            canvas.acroForm.checkbox(name=name, checked=True, x=200, y=y - 4, size=14)
        else:
            canvas.acroForm.textfield(name=name, value=value, x=200, y=y - 5, width=220, height=18, borderWidth=0)
        y -= 30
    canvas.save()
    return path


def test_filled_fields_are_read_with_their_labels_and_highlighted_on_the_field(tmp_path) -> None:
    record = ingest([_form(tmp_path / "registration.pdf")], IngestionSettings(workers=1), estimate_tokens)
    [doc] = record.documents
    assert doc.doc_type == DocType.ADMINISTRATIVE
    by_text = {p.text: p for p in record.passages}
    for line in ("Full name: Rowan Ashgrove", "Date of birth: 17/01/1962", "Allergies: Penicillin (rash)", "Current smoker: Yes"):
        assert line in by_text  # one passage: the value beside its label
    assert not any(p.text.startswith("Interpreter needed: ") for p in record.passages)  # empty: nothing added
    # the value's passage is highlighted on its field, right of the label
    cited = by_text["Allergies: Penicillin (rash)"]
    [rect] = span_rects(doc, doc.pages[0], cited.start, cited.end)
    assert rect.x0 == 200 and 792 - 620 - 5 - 18 <= rect.y0 < rect.y1 <= 792 - 620 + 5
    # the page's own text keeps its place: its label is still cited where the page prints it
    label = next(p for p in record.passages if p.text == "Allergies:")
    assert span_rects(doc, doc.pages[0], label.start, label.end)[0].x0 < 100


def test_the_date_of_birth_field_is_not_the_documents_date(tmp_path) -> None:
    record = ingest([_form(tmp_path / "registration.pdf")], IngestionSettings(workers=1), estimate_tokens)
    assert record.documents[0].date is None
