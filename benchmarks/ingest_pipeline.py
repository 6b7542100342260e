"""Benchmark: the ingestion pipeline on a 1,000-page record, and OCR per scanned page.

Stages: load (text, passage split and PHI detection, in the loader's processes), record-wide
de-identification (propagation and surrogates), and stitching into prompts.

    python -m benchmarks.ingest_pipeline [--pages 1000] [--runs 3]

Each run is a fresh process (a cold start, as a clinician's upload is), timed from the call
to ingest() to the stitched prompts. Peak RSS is the main process's, and the largest worker's
when a pool ran. Prints the median of the runs as a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def workers_peak_rss_mb() -> float:
    """Peak RSS of the loader's workers: they exit on their own after the pool is done (it does not
    wait for them), and the kernel counts a child only once it has been waited for."""
    import multiprocessing

    for child in multiprocessing.active_children():
        child.join(timeout=30)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _once(paths: list[str], workers: int) -> dict:
    """One measured run, in this (fresh) process."""
    from engine import estimate_tokens
    from ingestion import IngestionSettings
    from ingestion.deid import deidentify
    from ingestion.load import load_files
    from ingestion.record import number_passages
    from ingestion.stitch import order_documents, stitch

    settings = IngestionSettings(workers=workers)
    t0 = time.perf_counter()
    loaded = load_files(paths, settings)
    t1 = time.perf_counter()
    documents = order_documents(loaded.documents)
    deidentify(documents, settings.deid)
    t2 = time.perf_counter()
    passages = number_passages(documents)
    prompts = stitch(documents, passages, estimate_tokens, settings.prompt_budget)
    t3 = time.perf_counter()
    assert not loaded.errors, loaded.errors
    return {
        "pages": sum(len(d.pages) for d in documents),
        "chars": sum(len(d.text) for d in documents),
        "passages": len(passages),
        "phi": sum(len(p.phi) for d in documents for p in d.pages),
        "prompts": len(prompts),
        "load_s": t1 - t0,
        "deid_s": t2 - t1,
        "stitch_s": t3 - t2,
        "total_s": t3 - t0,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": workers_peak_rss_mb(),
    }


def _run(paths: list[str], workers: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.ingest_pipeline", "--once", str(workers), *paths],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return json.loads(out.stdout)


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--once", type=int, metavar="WORKERS", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.once is not None:
        print(json.dumps(_once(args.paths, args.once)))
        return

    from benchmarks.synthetic_record import write_record

    paths = [str(p) for p in write_record(args.pages)]
    print(f"Record: {len(paths)} PDFs, {args.pages} text-layer pages; median of {args.runs} cold runs\n")
    print("| workers | pages | chars | passages | PHI spans | prompts | load+split+detect s | de-id s | stitch s | total s | pages/s | peak RSS main MB | peak RSS worker MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for workers in (1, 2):
        runs = [_run(paths, workers) for _ in range(args.runs)]
        total = _median(runs, "total_s")
        r = runs[0]
        print(
            f"| {workers} | {r['pages']} | {r['chars']:,} | {r['passages']:,} | {r['phi']:,} | {r['prompts']} "
            f"| {_median(runs, 'load_s'):.2f} | {_median(runs, 'deid_s'):.2f} | {_median(runs, 'stitch_s'):.2f} | {total:.2f} "
            f"| {r['pages'] / total:.0f} | {_median(runs, 'rss_mb'):.0f} | {_median(runs, 'worker_rss_mb'):.0f} |"
        )

    fax = str(next((ROOT / "samples").glob("*fax*.pdf")))
    ocr = [_run([fax], 1)["total_s"] for _ in range(args.runs)]
    print(f"\nOCR of one scanned page (samples/{Path(fax).name}, one process, including its start): "
          f"median {statistics.median(ocr):.2f} s")


if __name__ == "__main__":
    main()
