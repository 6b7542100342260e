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


def _imports_of_a_loader_worker() -> tuple[bool, bool]:
    import sys

    import ingestion.deid.analyzer  # noqa: F401  # what a worker imports to find PHI

    return "torch" in sys.modules, "presidio_analyzer" in sys.modules


def test_loader_workers_start_without_torch_and_the_caller_keeps_it():
    # torch costs a loader worker 1.2 s and 190 MB and it never runs an engine; the caller may (vLLM).
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from ingestion.load import _worker_environment

    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=ctx) as pool:
        with _worker_environment():
            in_worker = pool.submit(_imports_of_a_loader_worker).result(timeout=120)
    with ProcessPoolExecutor(1, mp_context=ctx) as pool:
        elsewhere = pool.submit(_imports_of_a_loader_worker).result(timeout=120)
    assert in_worker == (False, True)
    assert elsewhere == (True, True)  # torch is installed (vLLM's); outside a loader worker thinc imports it


def test_a_record_of_short_notes_loads_in_the_calling_process(tmp_path, monkeypatch):
    # Fifteen notes of a few hundred characters are four pages of text: starting worker processes
    # (2 s each to import presidio) made such a record take 1.8 s instead of 0.05 s.
    import ingestion.load

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for a small record")

    monkeypatch.setattr(ingestion.load, "ProcessPoolExecutor", no_pool)
    files = []
    for i in range(15):
        files.append(tmp_path / f"note_{i}.txt")
        files[-1].write_text(f"Nursing note {i}. Pt resting, vitals stable, plan to continue current meds.\n" * 10)
    record = ingest(files, IngestionSettings(workers=2), estimate_tokens)
    assert len(record.documents) == 15 and not record.errors
