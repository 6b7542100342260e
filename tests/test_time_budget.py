"""A time budget per file: a file that takes too long is left out with one sentence, and the
batch goes on; with the pool, a file's task times are summed and its pending tasks cancelled."""

from __future__ import annotations

import time

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from tests.fixtures import bad_files as bad


def run(paths, settings):
    return ingest(paths, settings, estimate_tokens)


def test_a_tiny_time_budget_leaves_the_file_out_with_one_sentence(tmp_path, sample_paths):
    note = tmp_path / "long_note.txt"
    note.write_bytes(bad._short_note().encode() * 4000)  # 2 MB: half a minute of work
    good = next(p for p in sample_paths if p.suffix == ".md")
    record = run([note, good], IngestionSettings(workers=1, max_file_seconds=0.3))
    assert [d.file for d in record.documents] == [good.name]
    assert [e.error for e in record.errors] == ["long_note.txt took longer than the limit of 0.3 s to read; it was left out."]


def test_the_pool_sums_a_files_task_times_against_its_budget(tmp_path):
    chart = bad.make_many_pages_pdf(tmp_path / "chart.pdf", 64)  # four tasks
    start = time.perf_counter()
    record = run([chart], IngestionSettings(workers=2, max_file_seconds=0.001))
    assert time.perf_counter() - start < 60
    assert not record.documents
    assert [e.error for e in record.errors] == ["chart.pdf took longer than the limit of 0.001 s to read; it was left out."]
