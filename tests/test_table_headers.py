"""A table row keeps its column names in the prompt wherever it lands apart from its header row
(the next page, the next prompt, or a header a PDF drew after its rows), as context beside it and
never inside the row's passage; the header goes above its rows in the page text. All text invented."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from app.prompts import record_passages
from engine import estimate_tokens
from engine.extractive import summarize as summarize_passages
from ingestion import IngestionSettings, ingest
from ingestion.geometry import span_rects
from ingestion.headers import cells, of_pages
from ingestion.models import DocType, Document, Page
from ingestion.record import number_passages
from ingestion.stitch import stitch

HEADER = ["Test", "Result", "Reference range"]
PAGE1 = [["Creatinine", "1.00 mg/dL", "0.70 - 1.30"], ["Haemoglobin", "13.5 g/dL", "13.0 - 17.0"],
         ["Potassium", "5.9 mmol/L", "3.5 - 5.1"]]
PAGE2 = [["Sodium", "129 mmol/L", "135 - 145"], ["Urea", "6.1 mmol/L", "2.5 - 7.8"]]
XS = (72, 230, 380)


def _row(canvas: Canvas, y: float, row: list[str]) -> None:
    for x, cell in zip(XS, row):
        canvas.drawString(x, y, cell)


def _labs(path: Path) -> Path:
    """Page 1: the header drawn after its rows (as some report writers do); page 2: the table goes on
    with no header of its own."""
    canvas = Canvas(str(path))
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(72, 770, "LABORATORY REPORT")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 740, "Collected on the morning of admission.")
    for n, row in enumerate(PAGE1):
        _row(canvas, 690 - 16 * n, row)
    _row(canvas, 708, HEADER)
    canvas.drawString(72, 600, "Continued overleaf.")
    canvas.showPage()
    canvas.setFont("Helvetica", 10)
    for n, row in enumerate(PAGE2):
        _row(canvas, 760 - 16 * n, row)
    canvas.drawString(72, 700, "End of report.")
    canvas.save()
    return path


def _record(path: Path):
    return ingest([path], IngestionSettings(), estimate_tokens)


def test_a_header_drawn_after_its_rows_reads_above_them_and_rows_still_highlight_in_place(tmp_path):
    record = _record(_labs(tmp_path / "labs.pdf"))
    page = record.documents[0].pages[0]
    lines = [cells(line) for line in page.text.splitlines() if "\t" in line]
    assert lines == [HEADER, *PAGE1]
    passage = next(p for p in record.passages if p.text.startswith("Potassium"))
    assert cells(passage.text) == PAGE1[2]
    [rect] = span_rects(record.documents[0], page, passage.start, passage.end)
    top = page.height - (690 - 16 * 2)  # where the row was drawn, from the top
    assert rect.x0 < XS[0] + 1 and rect.y0 < top < rect.y1
    assert rect.x1 > XS[2]  # the whole row, to its last cell


def test_rows_on_the_next_page_carry_the_header_into_the_prompt_once_and_not_into_the_passage(tmp_path):
    record = _record(_labs(tmp_path / "labs.pdf"))
    by_text = {p.text.split("\t")[0]: p for p in record.passages}
    assert by_text["Sodium"].columns == by_text["Urea"].columns == " | ".join(HEADER)
    assert by_text["Creatinine"].columns == " | ".join(HEADER)
    assert "Test" not in by_text["Sodium"].safe_text
    prompt = "".join(p.text for p in record.prompts)
    context = f"(table columns: {' | '.join(HEADER)})\n"
    assert prompt.count(context) == 1  # page 1's header row is in the prompt already, just above its rows
    assert prompt.index(context) == prompt.index(f"[{by_text['Sodium'].id}]") - len(context)
    assert by_text["End of report."].columns == ""


def _text_doc(lines: list[str], kind: DocType = DocType.LABORATORY) -> Document:
    page = Page(number=1, text="\n".join(lines), offset=0, width=612, height=792, spans=_spans(lines))
    return Document("labs.txt", "/x/labs.txt", "0" * 64, "text/plain", [page], kind, date(2024, 3, 1), 0,
                    prompt_date=date(2024, 3, 1))


def test_label_and_value_lines_are_no_table_header():
    rows = ["Ward\tCardiology", "Bed\t12", "Admitted\t2024-03-01", "Sodium\t139"]
    [headers] = of_pages([("\n".join(rows), _spans(rows))])
    assert headers == [None] * len(rows)  # "Ward  Cardiology" names no columns of "Bed  12"
    [headers] = of_pages([("\n".join(["Ward:\tCardiology", *rows[1:3]]), _spans(rows[:3]))])
    assert headers == [None, None, None]


def _spans(lines: list[str]) -> list[tuple[int, int]]:
    spans, at = [], 0
    for line in lines:
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def test_a_header_row_holding_phi_is_never_shown_as_columns(tmp_path):
    path = tmp_path / "form.txt"
    path.write_text("Patient\tMargarethe Okonkwo-Vance\nVisit\t2024-03-01 09:30\nWeight\t71 kg\nPulse\t88 bpm\n")
    record = _record(path)
    assert all(not p.columns for p in record.passages)
    assert "Okonkwo" not in "".join(p.text for p in record.prompts)


def test_a_table_continued_in_the_next_prompt_repeats_its_column_names():
    rows = ["\t".join(HEADER)] + ["\t".join([f"Analyte {n}", f"{n}.0 mmol/L", "1.0 - 9.0"]) for n in range(40)]
    doc = _text_doc(rows)
    passages = number_passages([doc])
    budget = 200
    prompts = stitch([doc], passages, estimate_tokens, budget=budget)
    assert len(prompts) > 1
    for prompt in prompts[1:]:
        first = prompt.text.split("\n")[1]  # under the "(continued)" document header
        assert first == f"(table columns: {' | '.join(HEADER)})"
    assert prompts[0].text.count("(table columns:") == 0  # its header row is right there


def summarize(prompt: str):
    """The extractive summary of a rendered record, given as the app gives it: its passages."""
    return summarize_passages(record_passages(prompt))


def _cited(summary, title: str) -> set[str]:
    return {c for s in summary.sections if s.title == title for st in s.statements for c in st.citations}


def test_the_extractive_summary_reads_rows_under_a_far_header_as_results(tmp_path):
    record = _record(_labs(tmp_path / "labs.pdf"))
    sodium = next(p for p in record.passages if p.text.startswith("Sodium"))
    assert sodium.id in _cited(summarize("".join(p.text for p in record.prompts)), "Key results")
    # A medication table that goes on after the plan's heading: its column names say what its rows are.
    prompt = ("## Document 1 · Discharge summary · 2024-03-01\n[P1] Plan\n[P2] Review in clinic in two weeks.\n"
              "{columns}[P3] Tab. Pantocid 40mg\t1 tab\t1-0-0\tBefore food\n")
    assert "P3" in _cited(summarize(prompt.format(columns="")), "Plan and follow-up")
    read = summarize(prompt.format(columns="(table columns: Medicine | Dosage | Frequency | Instructions)\n"))
    assert "P3" in _cited(read, "Medications with changes") and "P3" not in _cited(read, "Plan and follow-up")
