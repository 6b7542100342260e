"""Benchmark: does ingest time grow linearly with a file's size?

Cases: dense text notes (a date, a "Dr. Name" and a phone number on every line, one page each)
of 1, 4 and 16 MB; a 1,000-page text-layer PDF record; a 5,000-page PDF of blank pages.

    python -m benchmarks.ingest_sizes [--sizes 1 4 16] [--runs 3] [--workers 0] [--skip-pdf]

Each run is a fresh process, timed from the call to ingest() to the stitched prompts. Peak RSS is
the main process's and the largest loader worker's. Prints the median of the runs as a Markdown
table with the time per MB, and the ratio of the largest note's time to its size times the
smallest's (1.0 is linear).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"


def write_note(mb: float, seed: int = 1) -> Path:
    """A synthetic dense note of about `mb` MB (faker, seeded; cached under benchmarks/out/)."""
    from faker import Faker

    from benchmarks.synthetic_record import _sentence

    path = OUT / f"note-{mb:g}mb-{seed}.txt"
    if path.exists():
        return path
    fake = Faker()
    fake.seed_instance(seed)
    rng = random.Random(seed)
    lines, size = [], 0
    while size < mb * 1024 * 1024:
        line = f"{fake.date(pattern='%m/%d/%Y')} Seen by Dr. {fake.last_name()}. {_sentence(rng, fake)} Call {fake.phone_number()}.\n"
        lines.append(line)
        size += len(line)
    OUT.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def write_blank_pdf(pages: int = 5000) -> Path:
    """A PDF of blank pages with no text layer, as a scanner's empty feed produces."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    path = OUT / f"blank-{pages}p.pdf"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    pdf = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    for _ in range(pages):
        pdf.showPage()
    pdf.save()
    return path


def _once(paths: list[str], workers: int) -> dict:
    """One measured run, in this (fresh) process."""
    from benchmarks.ingest_pipeline import workers_peak_rss_mb
    from engine import estimate_tokens
    from ingestion import IngestionSettings, ingest

    t0 = time.perf_counter()
    record = ingest(paths, IngestionSettings(workers=workers), estimate_tokens)
    total = time.perf_counter() - t0
    return {
        "total_s": total,
        "passages": len(record.passages),
        "errors": len(record.errors),
        "notices": len(record.notices),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": workers_peak_rss_mb(),
    }


def _run(paths: list[str], workers: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.ingest_sizes", "--once", str(workers), *paths],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16], help="note sizes in MB")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=0, help="loader processes; 0 means one per core")
    parser.add_argument("--skip-pdf", action="store_true", help="notes only")
    parser.add_argument("--once", type=int, metavar="WORKERS", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.once is not None:
        print(json.dumps(_once(args.paths, args.once)))
        return

    cases = [(f"text note {mb:g} MB", [write_note(mb)]) for mb in args.sizes]
    if not args.skip_pdf:
        from benchmarks.synthetic_record import write_record

        cases += [("1,000-page text-layer PDF record", write_record(1000)), ("5,000-page blank PDF", [write_blank_pdf()])]
    print(f"Median of {args.runs} cold runs, workers={args.workers or 'one per core'}\n")
    print("| case | MB | passages | notices | errors | total s | s per MB | peak RSS main MB | peak RSS worker MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    per_mb: dict[float, float] = {}
    for name, paths in cases:
        mb = sum(p.stat().st_size for p in paths) / 1024 / 1024
        runs = [_run([str(p) for p in paths], args.workers) for _ in range(args.runs)]
        total = statistics.median(r["total_s"] for r in runs)
        if name.startswith("text note"):
            per_mb[mb] = total
        r = runs[0]
        print(
            f"| {name} | {mb:.2f} | {r['passages']:,} | {r['notices']} | {r['errors']} | {total:.2f} | {total / mb:.2f} "
            f"| {statistics.median(x['rss_mb'] for x in runs):.0f} | {statistics.median(x['worker_rss_mb'] for x in runs):.0f} |",
            flush=True,
        )
    if len(per_mb) >= 2:
        small, large = min(per_mb), max(per_mb)
        ratio = per_mb[large] / (large / small * per_mb[small])
        print(f"\n{large:.0f} MB note / ({large / small:.0f} × the {small:.2g} MB note's time): {ratio:.2f} (1.00 is linear)")


if __name__ == "__main__":
    main()
