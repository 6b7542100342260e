"""Day-first records ("17/1/2024", "11/03/2026"): their order is read from their own unambiguous
dates (or the hospital's default), their document date is right, and the date shift keeps every
interval and every date's written form. All records invented."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from ingestion.classify import day_first, detect_date
from ingestion.deid import DeidSettings, deidentify, find_phi, reidentify
from ingestion.models import Document, Page


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("Admitted 17/1/2024, seen 03/02/2024", False, True),  # 17 cannot be a month
        ("Admitted 1/17/2024, seen 03/02/2024", True, False),  # 17 cannot be a month: US order
        ("seen 03/02/2024 and 04/05/2024", False, False),  # nothing tells: the hospital's default
        ("seen 03/02/2024 and 04/05/2024", True, True),
        ("13.02.2024, 14.02.2024, 2/15/2024", False, True),  # the majority decides
        ("BP 140/90, ratio 17/3, 5/325 mg", False, False),  # no year: no date to count
    ],
)
def test_a_documents_order_is_read_from_its_unambiguous_dates(text: str, default: bool, expected: bool) -> None:
    assert day_first(text, default) is expected


def test_a_day_first_documents_date_is_read_day_first() -> None:
    text = "DISCHARGE SUMMARY\nDate of admission: 11/03/2026\nDate of discharge: 17/03/2026\n"
    assert detect_date(text, day_first(text)) == date(2026, 3, 17)
    assert detect_date("Date of admission: 11/03/2026\nSeen 17/03/2026", True) == date(2026, 3, 11)


_SUMMARY = """DISCHARGE SUMMARY
Patient: Rowan Ashgrove   Hospital no: 7731902
Date of admission: 11/03/2026
Intubated in the emergency department on 11/03/2026; extubated 14/03/2026.
Date of discharge: 17/03/2026. Review in clinic 02/04/2026.
"""
_LETTER = """CLINIC LETTER
Date of visit: 3/28/2026
Seen after the admission of 03/11/2026 [sic: US order]. Next visit 4/30/2026.
"""


def _dates(text: str) -> list[str]:
    return re.findall(r"\b\d{1,2}/\d{1,2}/\d{4}\b", text)


def test_the_shift_keeps_each_documents_order_and_every_interval(tmp_path) -> None:
    (tmp_path / "summary.txt").write_text(_SUMMARY)
    (tmp_path / "letter.txt").write_text(_LETTER)
    record = ingest([tmp_path / "summary.txt", tmp_path / "letter.txt"], IngestionSettings(workers=1), estimate_tokens)
    by_file = {d.file: d for d in record.documents}
    summary, letter = by_file["summary.txt"], by_file["letter.txt"]
    assert (summary.day_first, letter.day_first) == (True, False)
    assert (summary.date, letter.date) == (date(2026, 3, 17), date(2026, 3, 28))
    offset = timedelta(days=record.mapping.offset_days)
    for doc, form in ((summary, "%d/%m/%Y"), (letter, "%m/%d/%Y")):
        original, shifted = _dates(doc.pages[0].text), _dates(doc.pages[0].safe_text)
        assert len(shifted) == len(original) > 2
        for real, moved in zip(original, shifted):
            # each date moves by the record's one offset and keeps its document's order and padding
            assert datetime.strptime(moved, form).date() == datetime.strptime(real, form).date() + offset
            assert [len(p) for p in moved.split("/")] == [len(p) for p in real.split("/")] or not real.startswith("0")
    # the intubation stays on the day of admission, not months after discharge
    first = summary.pages[0].safe_text
    assert _dates(first)[0] == _dates(first)[1]


def test_a_day_first_summary_is_re_identified_day_first(tmp_path) -> None:
    (tmp_path / "summary.txt").write_text(_SUMMARY)
    record = ingest([tmp_path / "summary.txt"], IngestionSettings(workers=1), estimate_tokens)
    written = datetime.strptime("14/03/2026", "%d/%m/%Y").date() + timedelta(days=record.mapping.offset_days)
    assert reidentify(f"Extubated {written:%d/%m/%Y}.", record.mapping) == "Extubated 14/03/2026."


_FORMS = ("%d/%m/%Y", "%d %B %Y", "%Y-%m-%d", "%d.%m.%Y")


@hsettings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.dates(date(1990, 1, 1), date(2030, 12, 31)), st.sampled_from(_FORMS)), min_size=2, max_size=6),
    st.integers(30, 365),
)
def test_every_interval_between_two_dates_is_the_same_after_the_shift(dated: list[tuple[date, str]], days: int) -> None:
    dated = [(date(2024, 1, 17), "%d/%m/%Y"), *dated]  # one date that shows the order
    text = "\n".join(f"Event {i}: seen on {d.strftime(form)} in clinic." for i, (d, form) in enumerate(dated))
    page = Page(1, text, 0, 0, 0, phi=find_phi([text])[0])
    doc = Document("notes.txt", "", "", "text/plain", [page], day_first=day_first(text))
    mapping = deidentify([doc], DeidSettings(max_shift_days=days))
    lines = page.safe_text.splitlines()
    moved = [datetime.strptime(re.search(r"seen on (.+) in clinic", line).group(1), form).date() for line, (_, form) in zip(lines, dated)]
    assert [b - a for a, b in zip(moved, moved[1:])] == [b - a for (a, _), (b, _) in zip(dated, dated[1:])]
    assert moved[0] - dated[0][0] == timedelta(days=mapping.offset_days)
