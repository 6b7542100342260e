"""Benchmark: does each table row come out as one passage? (tests/data/tables)

    python -m benchmarks.table_rows [--part tuned|untouched|all] [--runs 3] [--misses]

Each page spec is rendered to a one-page PDF (ReportLab, tests/data/tables/render.py) and ingested
as a user's upload is. Every body row of every table (header rows are not scored) is then one of:
- one passage: a passage holds every word of the row's cells (as a multiset, whitespace collapsed)
  and nothing that only belongs to another row of the page;
- split: no passage holds every word of the row;
- merged: every passage that holds the whole row also holds a word, or a pair of adjacent words,
  found in another row and nowhere else on the page (not in this row, headings, prose, footer).
A passage may also hold a heading, the header row or prose: only other rows count against it.
Ingest seconds per page is the median over --runs rounds of the part's total ingest time divided
by its pages (rendering not timed, one untimed warm-up ingest first).
`--misses` lists the tuned part's misses only; the untouched part is scored, never listed.
"""

from __future__ import annotations

import argparse
from collections import Counter

from benchmarks.pdf_pages import ingest_pages
from tests.data.tables.render import render
from tests.data.tables.score import classify, load


def run(part: str, runs: int, misses: bool) -> dict:
    specs = load(part)
    counts: Counter[str] = Counter()
    wrong: list[tuple[str, list[str], str, list[str]]] = []
    texts, s_per_page = ingest_pages(specs, render, runs)
    for spec, passages in zip(specs, texts):
        for cells, outcome, shown in classify(spec, passages):
            counts[outcome] += 1
            if outcome != "one":
                wrong.append((spec["id"], cells, outcome, shown))
    n = sum(counts.values())
    if misses and part == "tuned":
        for page, cells, outcome, shown in wrong:
            print(f"- {page} {outcome}: {' | '.join(cells)}")
            for text in shown[:4]:
                print(f"    passage: {' '.join(text.split())!r}")
        print()
    return {"part": part, "pages": len(specs), "rows": n, "one": counts["one"] / n, "split": counts["split"] / n,
            "merged": counts["merged"] / n, "s_per_page": s_per_page}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=["tuned", "untouched", "all"], default="all")
    parser.add_argument("--runs", type=int, default=3, help="timed rounds; the median is shown")
    parser.add_argument("--misses", action="store_true", help="list the tuned part's misses (never untouched)")
    args = parser.parse_args()
    parts = ["tuned", "untouched"] if args.part == "all" else [args.part]
    results = [run(part, args.runs, args.misses) for part in parts]
    print(f"Table rows as one passage (tests/data/tables), ingest time median of {args.runs} rounds, workers=1\n")
    print("| part | pages | rows | one passage | split | merged with another row | ingest s per page |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['part']} | {r['pages']} | {r['rows']} | {r['one']:.1%} | {r['split']:.1%} | {r['merged']:.1%} | {r['s_per_page']:.3f} |")


if __name__ == "__main__":
    main()
