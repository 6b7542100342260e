"""Benchmark: do multi-column PDF pages come out in reading order? (tests/data/columns)

    python -m benchmarks.columns [--part tuned|untouched|all] [--runs 3] [--misses]

Each page spec is rendered to a one-page text-layer PDF (ReportLab canvas, tests/data/columns/
render.py) and ingested as a user's upload is. Every gold sentence (and table row) is then, per
tests/data/columns/score.py, comparing letters and digits only:
- whole: one passage holds it contiguously, and no 3-word run from another column at the same
  height sits against it;
- split: no passage holds it contiguously (cut, or interleaved with the other column's lines);
- mixed: each passage holding it also holds such a run against it: beside it (within 30
  letters/digits) or out of reading order (a later column's words before it, an earlier one's after).
Sentences that cross a column break are not scored. Rows of the report:
  line_by_line / column_by_column  column sentences on multi-column pages, by the PDF's drawing order
  full-width prose                 sentences set across the page: title-block abstracts and the
                                   single-column control pages (a column fix must not cut these)
  table rows                       rows of full-width tables (a column fix must not split these)
  all sentences                    the three sentence rows together
Ingest seconds per page is the median over --runs rounds of the part's total ingest time divided
by its pages (rendering not timed, one untimed warm-up ingest first).
`--misses` lists the tuned part's misses only; the untouched part is scored, never listed.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

from benchmarks.pdf_pages import ingest_pages
from tests.data.columns.render import render
from tests.data.columns.score import classify, load, shown

GROUPS = ["line_by_line", "column_by_column", "full-width prose", "table rows", "all sentences"]


def _group(spec: dict, unit: dict) -> str:
    if unit["kind"] == "row":
        return "table rows"
    return "full-width prose" if unit["col"] == 0 else spec["style"]["order"]


def run(part: str, runs: int, misses: bool) -> dict:
    specs = load(part)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    wrong: list[tuple[str, str, str, str, list[str]]] = []
    texts, s_per_page = ingest_pages(specs, render, runs)
    for spec, passages in zip(specs, texts):
        scored = [u for u in spec["gold"] if u["col"] is not None]
        for unit, (text, outcome) in zip(scored, classify(spec, passages)):
            group = _group(spec, unit)
            counts[group][outcome] += 1
            if group != "table rows":
                counts["all sentences"][outcome] += 1
            if outcome != "whole":
                wrong.append((spec["id"], spec["style"]["order"], outcome, text, shown(text, passages)))
    if misses and part == "tuned":
        for page, order, outcome, text, passages in wrong:
            print(f"- {page} ({order}) {outcome}: {text}")
            for p in passages:
                print(f"    passage: {' '.join(p.split())!r}")
        print()
    return {"part": part, "pages": len(specs), "counts": counts, "s_per_page": s_per_page}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=["tuned", "untouched", "all"], default="all")
    parser.add_argument("--runs", type=int, default=3, help="timed rounds; the median is shown")
    parser.add_argument("--misses", action="store_true", help="list the tuned part's misses (never untouched)")
    args = parser.parse_args()
    parts = ["tuned", "untouched"] if args.part == "all" else [args.part]
    results = [run(part, args.runs, args.misses) for part in parts]
    print(f"Multi-column reading order (tests/data/columns), ingest time median of {args.runs} rounds, workers=1\n")
    print("| part | pages | units | whole | split | mixed | ingest s per page |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        for group in GROUPS:
            c = r["counts"][group]
            n = sum(c.values())
            if not n:
                continue
            secs = f"{r['s_per_page']:.3f}" if group == "all sentences" else ""
            pages = r["pages"] if group == "all sentences" else ""
            print(f"| {r['part']}: {group} | {pages} | {n} | {c['whole'] / n:.1%} | {c['split'] / n:.1%} | "
                  f"{c['mixed'] / n:.1%} | {secs} |")


if __name__ == "__main__":
    main()
