"""Benchmark: a small record (15 short notes, about 12K characters) ingested and de-identified.

    python -m benchmarks.deid_small [--runs 5]

The notes are the first 15 dev-corpus notes under 1,000 characters, each its own text file, as a
user uploads them. One process, as the app's server is: a warm-up run builds the analyzer, then
`ingest` (load, detect, propagate, surrogates, stitch) is timed --runs times; the median is printed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from tests.deid_corpus.load import load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from engine import estimate_tokens
    from ingestion import IngestionSettings, ingest

    notes = [n for n in load("dev") if len(n.text) < 1_000][:15]
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for i, note in enumerate(notes):
            path = Path(folder) / f"note_{i:02d}.txt"
            path.write_text(note.text, encoding="utf-8")
            files.append(path)
        settings = IngestionSettings()
        ingest(files, settings, estimate_tokens)  # warm-up: the analyzer is built once per process
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            record = ingest(files, settings, estimate_tokens)
            times.append(time.perf_counter() - t0)
    chars = sum(len(n.text) for n in notes)
    print(f"{len(notes)} notes, {chars:,} characters, {len(record.documents)} documents: "
          f"median {statistics.median(times):.3f} s of {args.runs} ({', '.join(f'{t:.3f}' for t in times)})")


if __name__ == "__main__":
    main()
