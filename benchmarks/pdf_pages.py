"""The timed ingest that the page-reading benchmarks share (columns, table rows)."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def ingest_pages(specs: list[dict], render: Callable[[dict, Path], Path], runs: int) -> tuple[list[list[str]], float]:
    """Each spec rendered to a PDF and ingested alone, `runs` rounds in one warm process: the first
    round's passage texts per spec, and the median seconds per page over the rounds."""
    from engine import estimate_tokens
    from ingestion import IngestionSettings, ingest

    settings = IngestionSettings(workers=1)
    passages: list[list[str]] = []
    per_page: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = [render(spec, Path(tmp) / f"{spec['id']}.pdf") for spec in specs]
        ingest([paths[0]], settings, estimate_tokens)  # warm-up: imports and first-use costs
        for round_ in range(runs):
            total = 0.0
            for spec, path in zip(specs, paths):
                t0 = time.perf_counter()
                record = ingest([path], settings, estimate_tokens)
                total += time.perf_counter() - t0
                if round_:
                    continue
                if record.errors:
                    raise SystemExit(f"{spec['id']}: {record.errors}")
                passages.append([p.text for p in record.passages])
            per_page.append(total / len(specs))
    return passages, statistics.median(per_page)
