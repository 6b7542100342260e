"""A table row whose cells wrap over several lines of a PDF's text layer is one passage: a cited
dose keeps its drug, a result its test. Tables made with ReportLab; all content invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from ingestion.passages import split_page

_STYLE = getSampleStyleSheet()
MEDS = [
    ["Medicine", "Dosage", "Frequency", "Instructions"],
    ["Tab. Augmentin 625mg<br/>TABLET<br/>Amoxicillin + Clavulanic acid", "1 tab", "1-0-1", "After Food ORAL 15/Days"],
    ["Tab. Pantocid 40mg<br/>TABLET<br/>Pantoprazole", "1 tab", "1-0-0", "Before Food ORAL 10/Days"],
    ["Tab. Dolo 650mg<br/>TABLET<br/>Paracetamol", "1 tab", "SOS", "After Food ORAL 5/Days"],
]
LABS = [
    ["Test", "Result", "Unit", "Reference range"],
    ["Creatinine<br/>Method: Jaffe", "1.00", "mg/dL", "0.70 - 1.30"],
    ["Haemoglobin<br/>Method: SLS", "13.5", "g/dL", "13.0 - 17.0"],
    ["Potassium<br/>Method: ISE indirect", "5.9", "mmol/L", "3.5 - 5.1"],
]


def _pdf(path: Path, valign: str, wrap_last: bool = False) -> Path:
    def cell(text: str, width: float | None = None):
        return Paragraph(text, _STYLE["Normal"]) if "<br/>" in text or width else text

    meds = [[cell(c) for c in row] for row in MEDS]
    if wrap_last:  # the instructions column is narrow: its cell wraps under the row
        meds = [[*row[:3], Paragraph(MEDS[i][3], _STYLE["Normal"])] for i, row in enumerate(meds)]
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), valign)])
    widths = [170, 60, 70, 90] if wrap_last else None
    story = [
        Paragraph("DISCHARGE SUMMARY", _STYLE["Title"]),
        Paragraph("Medications on discharge", _STYLE["Heading2"]),
        Table(meds, colWidths=widths, style=style),
        Spacer(1, 20),
        Paragraph("Laboratory results", _STYLE["Heading2"]),
        Table([[cell(c) for c in row] for row in LABS], style=style),
        Paragraph("She was admitted with an infective exacerbation and treated with antibiotics, improving steadily; "
                  "she was mobile on the ward before discharge home with her daughter.", _STYLE["Normal"]),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def _passages(path: Path) -> list[str]:
    record = ingest([path], IngestionSettings(workers=1), estimate_tokens)
    return [" ".join(p.text.split()) for p in record.passages]


@pytest.mark.parametrize("valign", ["TOP", "MIDDLE", "BOTTOM"])
def test_a_row_with_a_wrapped_first_cell_is_one_passage(tmp_path, valign: str) -> None:
    passages = _passages(_pdf(tmp_path / "summary.pdf", valign))
    for drug, dose in (("Augmentin", "1-0-1"), ("Pantocid", "1-0-0"), ("Dolo", "SOS")):
        [row] = [p for p in passages if drug in p]
        assert dose in row and "TABLET" in row and "ORAL" in row
    for test, result in (("Creatinine", "1.00"), ("Haemoglobin", "13.5"), ("Potassium", "5.9")):
        [row] = [p for p in passages if test in p]
        assert result in row and "Method" in row
    # headings and header rows stay passages of their own; prose is still cut into sentences
    assert "Laboratory results" in passages and "Medicine Dosage Frequency Instructions" in passages
    assert any(p.startswith("She was admitted") for p in passages)


def test_a_row_whose_later_cell_wraps_is_one_passage(tmp_path) -> None:
    passages = _passages(_pdf(tmp_path / "summary.pdf", "TOP", wrap_last=True))
    [row] = [p for p in passages if "Augmentin" in p]
    assert "1-0-1" in row and "15/Days" in row


_LINES = st.lists(st.sampled_from(["Tab. Augmentin 625mg", "1 tab\t1-0-1\tAfter Food", "Plan: review. Then go.", "", "x"]),
                  min_size=1, max_size=12)


@given(_LINES, st.data())
def test_rows_keep_passages_exact_and_covering(lines: list[str], data) -> None:
    text = "\n".join(lines)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    cuts = sorted(data.draw(st.sets(st.sampled_from(starts), max_size=4)))
    line_end = lambda at: text.find("\n", at) if text.find("\n", at) >= 0 else len(text)  # noqa: E731
    rows = [(a, line_end(b)) for a, b in zip(cuts[::2], cuts[1::2])]  # disjoint, each from a line start to a line end
    spans = split_page(text, 600, rows=rows)
    assert all(a < b <= c for (a, b), (c, _) in zip(spans, spans[1:]))  # in order, never overlapping
    covered = {i for a, b in spans for i in range(a, b)}
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())
    for a, b in rows:  # a row is never cut (it holds fewer than 600 characters)
        inside = [s for s in spans if a <= s[0] < b]
        assert len(inside) <= 1
