"""Loading on a process pool gives the same record as loading in one process."""

from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from tests.fixtures import bad_files as bad


def test_the_pool_loads_the_same_record_and_reports_the_same_errors(tmp_path, sample_paths):
    files = [*sample_paths, bad.make_encrypted_pdf(tmp_path / "lab_results.pdf"), bad.make_many_pages_pdf(tmp_path / "chart.pdf", 40)]
    serial = ingest(files, IngestionSettings(workers=1), estimate_tokens)
    pooled = ingest(files, IngestionSettings(workers=2), estimate_tokens)
    # Each run draws its own secret date offset; everything else is identical.
    assert [(p.id, p.doc, p.page, p.start, p.end, p.text) for p in pooled.passages] == [
        (p.id, p.doc, p.page, p.start, p.end, p.text) for p in serial.passages
    ]
    phi = lambda r: [(s.start, s.end, s.entity_type) for d in r.documents for page in d.pages for s in page.phi]  # noqa: E731
    assert phi(pooled) == phi(serial) and phi(serial)
    assert [(d.file, len(d.pages)) for d in pooled.documents] == [(d.file, len(d.pages)) for d in serial.documents]
    assert pooled.errors == serial.errors
    assert [e.file for e in pooled.errors] == ["lab_results.pdf"]
