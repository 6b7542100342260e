"""Table rows as one passage on the tuned part of tests/data/tables (rendered with ReportLab and
ingested as an upload is); benchmarks/table_rows.py scores both parts."""

from __future__ import annotations

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from tests.data.tables.render import render
from tests.data.tables.score import classify, load


def test_most_table_rows_of_the_tuned_part_are_one_passage(tmp_path) -> None:
    outcomes = []
    for spec in load("tuned")[:20]:
        path = render(spec, tmp_path / f"{spec['id']}.pdf")
        passages = [" ".join(p.text.split()) for p in ingest([path], IngestionSettings(workers=1), estimate_tokens).passages]
        outcomes += [outcome for _, outcome, _ in classify(spec, passages)]
    assert outcomes.count("one") >= 0.9 * len(outcomes)  # 29.9 % of the whole part before rows were joined
    assert outcomes.count("merged") == 0
