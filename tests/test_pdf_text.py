"""A PDF's prose reads as written: a word hyphenated across lines is one word in the prompt (a
compound keeps its hyphen), and justified spacing is not taken for table cells. All text invented."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest


def _record(path: Path, draw) -> object:
    canvas = Canvas(str(path))
    canvas.setFont("Helvetica", 11)
    draw(canvas)
    canvas.save()
    return ingest([path], IngestionSettings(workers=1), estimate_tokens)


def test_a_word_hyphenated_across_lines_is_one_word_in_the_prompt(tmp_path) -> None:
    def draw(c):
        c.drawString(72, 700, "Her blood pressure readings confirm long-standing hyper-")
        c.drawString(72, 686, "tension, treated since the diagnosis of a well-")
        c.drawString(72, 672, "known renal artery stenosis by her cardiolo-")
        c.drawString(72, 658, "gist at the clinic.")

    record = _record(tmp_path / "letter.pdf", draw)
    prompt = " ".join(p.safe_text for p in record.passages)
    assert "hypertension" in prompt and "cardiologist" in prompt  # not "hyper tension", "cardiolo gist"
    assert "well-known" in prompt
    page = record.documents[0].pages[0]
    assert all(page.text[p.start : p.end] == p.text for p in record.passages)  # offsets still the PDF's


def test_justified_prose_has_no_table_cells_but_a_table_row_does(tmp_path) -> None:
    def draw(c):
        x = 72
        for word in "Justified prose spreads its words across the whole measure evenly".split():
            c.drawString(x, 630, word)
            x += c.stringWidth(word, "Helvetica", 11) + 22  # a loose justified line: every gap alike
        for y, cells in ((600, ("Sodium", "140 mmol/L", "135 - 145")), (586, ("Potassium", "5.9 mmol/L", "3.5 - 5.1"))):
            for x, cell in zip((72, 200, 320), cells):
                c.drawString(x, y, cell)

    text = _record(tmp_path / "page.pdf", draw).documents[0].pages[0].text
    prose, *rows = text.splitlines()
    assert "\t" not in prose
    assert rows[0].split("\t")[:2] == ["Sodium", "140 mmol/L"]
