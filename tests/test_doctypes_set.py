"""Types, dates and bundle splits on the tuned splits of tests/data/doctypes, read from their page
texts as the loader reads a PDF's (the benchmark goes through PDFs: benchmarks/doc_types.py)."""

from __future__ import annotations

from datetime import date

import pytest

from ingestion.bundles import part_starts
from ingestion.classify import day_first, detect_date, detect_type
from tests.data.doctypes.load import load


def _score(split: str) -> tuple[float, float, float]:
    typed = dated = parts = bundles = split_right = 0
    for row in load(split):
        starts = part_starts(row["pages"])
        bundles += len(row["parts"]) > 1
        split_right += len(row["parts"]) > 1 and starts == [p["first_page"] - 1 for p in row["parts"]]
        for part in row["parts"]:
            text = "\f".join(row["pages"][part["first_page"] - 1 : part["last_page"]])
            parts += 1
            typed += detect_type(text[:4000]) == part["type"]
            want = date.fromisoformat(part["date"]) if part["date"] else None
            dated += detect_date(text[:4000], day_first(text)) == want
    return typed / parts, dated / parts, split_right / bundles


@pytest.mark.parametrize(("split", "floor"), [("tuned", (0.98, 0.98, 0.88)), ("dev", (0.88, 0.75, 0.7))])
def test_types_dates_and_bundles_hold_on_the_tuned_splits(split: str, floor: tuple[float, float, float]) -> None:
    typed, dated, bundles = _score(split)
    assert (typed, dated, bundles) >= floor and typed >= floor[0] and dated >= floor[1] and bundles >= floor[2]
