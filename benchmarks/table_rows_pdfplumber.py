"""Comparison: does pdfplumber's table finder keep each table row in one passage? (tests/data/tables)

    python3 -m venv /tmp/plumber
    /tmp/plumber/bin/pip install pdfplumber==0.11.10 reportlab
    cd /work/main && /tmp/plumber/bin/python -m benchmarks.table_rows_pdfplumber [--part tuned|untouched|all]

It runs in its own venv because pdfplumber is not a clinsum dependency; it imports nothing of clinsum
but the evaluation set (tests/data/tables: render.py, score.py).

Each page spec is rendered to a PDF exactly as in benchmarks/table_rows.py and opened with pdfplumber.
The page's passages are built the way a pdfplumber-based ingester would: every row of every table
found by `page.find_tables()` is one passage (cells joined with tabs, None cells skipped, newlines
inside a cell turned into spaces), and the page text outside the tables' bounding boxes
(`extract_text()`) is one passage per line. Rows are scored by the same `classify()` as
benchmarks/table_rows.py (one passage / split / merged; header rows are not scored), for two table
settings: pdfplumber's default ("lines": ruling lines and rect edges) and "text" (both strategies
from word alignment). Seconds per page: the median over the part's pages of the time to open the
PDF, find the tables and extract all text (one run, rendering not timed, one untimed warm-up first).
As in benchmarks/table_rows.py, the untouched part is scored only: no misses are ever listed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import pdfplumber

from tests.data.tables.render import render
from tests.data.tables.score import classify, load

STRATEGIES = {
    "lines (default)": {"vertical_strategy": "lines", "horizontal_strategy": "lines"},
    "text": {"vertical_strategy": "text", "horizontal_strategy": "text"},
}


def passages(path: Path, settings: dict) -> list[str]:
    """One passage per table row found by pdfplumber, then one per line of the text outside tables."""
    out: list[str] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            tables = page.find_tables(table_settings=settings)
            for table in tables:
                for row in table.extract():
                    out.append("\t".join(cell.replace("\n", " ") for cell in row if cell is not None))
            rest = page
            for table in tables:
                rest = rest.outside_bbox(table.bbox, strict=False)
            out.extend(line for line in (rest.extract_text() or "").splitlines() if line.strip())
    return out


def run(part: str, name: str, settings: dict, tmp: Path) -> dict:
    specs = load(part)
    paths = [render(spec, tmp / f"{spec['id']}.pdf") for spec in specs]
    passages(paths[0], settings)  # warm-up: imports and first-use costs
    counts: Counter[str] = Counter()
    per_page: list[float] = []
    for spec, path in zip(specs, paths):
        t0 = time.perf_counter()
        texts = passages(path, settings)
        per_page.append(time.perf_counter() - t0)
        counts.update(outcome for _, outcome, _ in classify(spec, texts))
    n = sum(counts.values())
    return {"part": part, "strategy": name, "pages": len(specs), "rows": n, "one": counts["one"] / n,
            "split": counts["split"] / n, "merged": counts["merged"] / n, "s_per_page": statistics.median(per_page)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=["tuned", "untouched", "all"], default="all")
    args = parser.parse_args()
    parts = ["tuned", "untouched"] if args.part == "all" else [args.part]
    with tempfile.TemporaryDirectory() as tmp:
        results = [run(part, name, settings, Path(tmp)) for part in parts for name, settings in STRATEGIES.items()]
    print(f"Table rows as one passage with pdfplumber {pdfplumber.__version__} find_tables (tests/data/tables)\n")
    print("| part | strategy | pages | rows | one passage | split | merged with another row | s per page (median) |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['part']} | {r['strategy']} | {r['pages']} | {r['rows']} | {r['one']:.1%} | {r['split']:.1%} "
              f"| {r['merged']:.1%} | {r['s_per_page']:.3f} |")


if __name__ == "__main__":
    main()
