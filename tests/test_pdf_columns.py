"""Prose set in columns reads column by column, whatever order the PDF draws its lines in, and a
cited sentence is highlighted where it stands; tables keep their rows. All text invented."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from engine import estimate_tokens
from ingestion import IngestionSettings, columns, ingest
from ingestion.geometry import span_rects

LEFT = ("The patient was admitted with shortness of breath and a productive cough for three days. "
        "Chest radiograph showed a right lower lobe consolidation with a small effusion. "
        "He was started on ceftriaxone one gram daily and azithromycin by mouth. "
        "Oxygen was weaned over the following two days and he remained afebrile thereafter.")
RIGHT = ("Discharge medications include amoxicillin five hundred milligrams three times daily. "
         "Follow up with the primary care physician in one week for a repeat examination. "
         "A repeat chest film is advised in six weeks to confirm that the infiltrate resolved. "
         "Return precautions were reviewed and the patient verbalized understanding.")
THIRD = ("Smoking cessation was discussed at length and nicotine patches were offered to him. "
         "His wife will help him keep the appointments and the medication schedule at home.")
X = (72, 320)  # where each column starts; each is 220 points wide


def _wrap(text: str, width: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and stringWidth(f"{line} {word}", "Helvetica", 10) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def _pdf(path: Path, texts: list[str | list[str]], xs: tuple[float, ...], across: bool, width: float = 220) -> Path:
    """Prose in columns (wrapped here, or given as lines) under a full-width title; `across` draws
    each line across the page, column after column (as some producers do), else each column to its end first."""
    canvas = Canvas(str(path))
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(72, 760, "DISCHARGE SUMMARY")
    canvas.setFont("Helvetica", 10)
    wrapped = [_wrap(text, width) if isinstance(text, str) else text for text in texts]
    order = [(row, col) for row in range(max(map(len, wrapped))) for col in range(len(xs))] if across else \
        [(row, col) for col in range(len(xs)) for row in range(len(wrapped[col]))]
    for row, col in order:
        if row < len(wrapped[col]):
            canvas.drawString(xs[col], 730 - 13 * row, wrapped[col][row])
    canvas.drawString(72, 400, "Electronically signed.")
    canvas.save()
    return path


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=\.) ", text)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_prose_drawn_line_by_line_across_two_columns_reads_column_by_column(tmp_path) -> None:
    record = ingest([_pdf(tmp_path / "summary.pdf", [LEFT, RIGHT], X, across=True)], IngestionSettings(workers=1), estimate_tokens)
    passages = [_flat(p.text) for p in record.passages]
    for sentence in _sentences(LEFT) + _sentences(RIGHT):
        assert sentence in passages  # one passage each: not cut at the gutter, not mixed with the other column
    page = record.documents[0].pages[0]
    assert all(page.text[p.start : p.end] == p.text for p in record.passages)
    assert _flat(page.text).index("thereafter.") < _flat(page.text).index("Discharge medications")
    assert passages[0] == "DISCHARGE SUMMARY" and passages[-1] == "Electronically signed."


def test_a_cited_sentence_in_a_column_is_highlighted_in_that_column(tmp_path) -> None:
    record = ingest([_pdf(tmp_path / "summary.pdf", [LEFT, RIGHT], X, across=True)], IngestionSettings(workers=1), estimate_tokens)
    document, page = record.documents[0], record.documents[0].pages[0]
    right = next(p for p in record.passages if p.text.startswith("Follow up"))
    left = next(p for p in record.passages if p.text.startswith("Oxygen"))
    for passage, (x0, x1) in ((right, (X[1], X[1] + 222)), (left, (X[0], X[0] + 222))):
        rects = span_rects(document, page, passage.start, passage.end)
        assert len(rects) >= 2 and len({round(r.y0) for r in rects}) == len(rects)  # a rectangle per line it covers
        assert all(x0 - 1 <= r.x0 and r.x1 <= x1 for r in rects)
        assert all(792 - 745 <= r.y0 < r.y1 <= 792 - 400 for r in rects)  # among the column lines, under the title


def test_columns_drawn_one_after_the_other_read_the_same_and_highlight_in_place(tmp_path) -> None:
    record = ingest([_pdf(tmp_path / "summary.pdf", [LEFT, RIGHT], X, across=False)], IngestionSettings(workers=1), estimate_tokens)
    document, page = record.documents[0], record.documents[0].pages[0]
    passages = [_flat(p.text) for p in record.passages]
    assert all(sentence in passages for sentence in _sentences(LEFT) + _sentences(RIGHT))
    # Wrapped column lines join as prose (a narrow column's short lines are no headings): the
    # rewritten page keeps each word's box, so a sentence still lights up in its own column.
    right = next(p for p in record.passages if p.text.startswith("Follow up"))
    rects = span_rects(document, page, right.start, right.end)
    assert len(rects) >= 2 and all(X[1] - 1 <= r.x0 and r.x1 <= X[1] + 222 for r in rects)


def test_three_columns_and_a_word_hyphenated_at_a_column_line_end(tmp_path) -> None:
    head, tail = LEFT.split(" consolidation ")
    left = [*_wrap(head + " consoli-", 160), *_wrap("dation " + tail, 160)]  # a hyphen ends a line
    record = ingest([_pdf(tmp_path / "leaflet.pdf", [left, RIGHT, THIRD], (54, 230, 406), across=True, width=160)],
                    IngestionSettings(workers=1), estimate_tokens)
    prompt = [_flat(p.safe_text) for p in record.passages]
    assert "Chest radiograph showed a right lower lobe consolidation with a small effusion." in prompt
    for sentence in _sentences(RIGHT) + _sentences(THIRD):
        assert sentence in prompt


def test_a_table_with_white_columns_keeps_its_rows(tmp_path) -> None:
    canvas = Canvas(str(tmp_path / "labs.pdf"))
    canvas.setFont("Helvetica", 10)
    rows = [("Sodium", "140 mmol/L", "135 - 145"), ("Potassium", "5.9 mmol/L", "3.5 - 5.1"), ("Chloride", "101 mmol/L", "98 - 107"),
            ("Creatinine", "1.00 mg/dL", "0.70 - 1.30"), ("Glucose", "182 mg/dL", "70 - 99"), ("Calcium", "9.1 mg/dL", "8.5 - 10.2")]
    for i, cells in enumerate(rows):
        for x, cell in zip((72, 220, 360), cells):
            canvas.drawString(x, 700 - 14 * i, cell)
    canvas.save()
    record = ingest([tmp_path / "labs.pdf"], IngestionSettings(workers=1), estimate_tokens)
    assert record.documents[0].pages[0].words == []
    assert [p.text.split("\t") for p in record.passages] == [list(cells) for cells in rows]


# A page's lines as pdfium gives them, from a layout of words: one character per point of width.
_words = st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_words, st.one_of(st.none(), _words)), min_size=1, max_size=12), st.integers(2, 40))
def test_a_rewritten_text_holds_each_character_once_with_its_own_box(lines, gutter) -> None:
    text, boxes = "", []
    for row, (left, right) in enumerate(lines):
        for x, words in ((0, left), (60 + gutter, right or [])):
            if words:
                if x and text and not text.endswith("\n"):
                    text += " "
                    boxes.append((x - 1, x, 0, 0))
                for n, ch in enumerate(" ".join(words)):
                    text += ch
                    boxes.append((x + n, x + n + 1, 700 - 12 * row, 708 - 12 * row))
        text += "\n"
        boxes.append((0, 0, 0, 0))
    out, index = columns.reading_order(text, lambda i: boxes[i])
    if index is None:
        assert out == text
        return
    kept = [i for i in index if i >= 0]
    assert len(kept) == len(set(kept)) and len(out) == len(index)
    assert all(out[n] == text[i] for n, i in enumerate(index) if i >= 0 and text[i] != "\t")
    assert sorted(c for c in out if not c.isspace()) == sorted(c for c in text if not c.isspace())
    # Each column's words keep their order; the left column's come first within a rewritten run.
    origins = [index[m.start()] for m in re.finditer(r"\S+", out)]
    for side in (lambda i: boxes[i][0] < 60, lambda i: boxes[i][0] >= 60):
        assert [i for i in origins if side(i)] == sorted(i for i in origins if side(i))
