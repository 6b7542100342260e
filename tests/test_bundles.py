"""A PDF that holds a bill, a discharge summary and an insurance card is three documents, each with
its own type, date and pages; stored, the file is kept once. All content invented."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from ingestion.bundles import part_starts
from ingestion.models import DocType
from tests.test_classify_types import BILL, INSURANCE_CARD

SUMMARY_1 = """DISCHARGE SUMMARY
Admission date: 17/03/2024    Discharge date: 22/03/2024
Discharge diagnoses: community-acquired pneumonia.
Hospital course: treated with amoxicillin, improving."""
SUMMARY_2 = """Discharge medications: amoxicillin 500 mg three times daily for 5 days.
Follow-up: GP review in one week."""


def _pdf(path: Path, pages: list[str]) -> Path:
    canvas = Canvas(str(path), pagesize=letter, invariant=1)
    for text in pages:
        y = 740
        for line in text.splitlines():
            canvas.drawString(50, y, line)
            y -= 16
        canvas.showPage()
    canvas.save()
    return path


def test_a_page_that_names_another_type_begins_a_part() -> None:
    assert part_starts([BILL, SUMMARY_1, SUMMARY_2, INSURANCE_CARD]) == [0, 1, 3]
    assert part_starts([SUMMARY_1, SUMMARY_2]) == [0]  # a second page with no title goes on


def test_page_one_of_n_after_a_last_page_begins_a_part() -> None:
    note = "PROGRESS NOTE\nSeen today, stable.\n"
    pages = [note + "Page 1 of 2", "Plan: continue.\nPage 2 of 2", note + "Page 1 of 1"]
    assert part_starts(pages) == [0, 2]


def test_a_bundle_is_ingested_as_its_documents(tmp_path) -> None:
    path = _pdf(tmp_path / "scan_bundle.pdf", [BILL, SUMMARY_1, SUMMARY_2, INSURANCE_CARD])
    record = ingest([path], IngestionSettings(workers=1), estimate_tokens)
    parts = sorted(record.documents, key=lambda d: d.pages[0].number)
    assert [(d.doc_type, [p.number for p in d.pages]) for d in parts] == [
        (DocType.BILL, [1]), (DocType.DISCHARGE_SUMMARY, [2, 3]), (DocType.ADMINISTRATIVE, [4])]
    summary = parts[1]
    assert summary.day_first and summary.date is not None and (summary.date.month, summary.date.day) == (3, 22)
    # each part's pages are its own text: offsets restart, citations keep the file's page numbers
    assert summary.text.startswith("DISCHARGE SUMMARY") and summary.pages[0].offset == 0
    cited = [p for p in record.passages if "amoxicillin 500 mg" in p.text]
    assert cited and record.documents[cited[0].doc] is summary and cited[0].page == 3


def test_a_bundle_is_stored_once_with_every_page(tmp_path, store) -> None:
    from sqlalchemy import func, select

    from app.store.patients import create_patient
    from app.store.records import save_record
    from app.store.schema import Document, Page

    path = _pdf(tmp_path / "bundle.pdf", [BILL, SUMMARY_1, SUMMARY_2, INSURANCE_CARD])
    record = ingest([path], IngestionSettings(workers=1), estimate_tokens)
    save_record(store, record, "print-1", create_patient(store).id, "tester")
    with store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 1
        assert sorted(s.scalars(select(Page.number))) == [1, 2, 3, 4]
