"""Benchmark: how well the extractive engine files a record's passages into the summary's sections.

    python -m benchmarks.extractive_sections [--misses]

Scores the labelled synthetic records of tests/data/extractive/ (built by build.py there): the
`tuned` part, and the `untouched` part, which is scored only (its misses are never printed: it
stays a fair check of the rules on wording they were not tuned on). Per section and overall:

- recall: an expected passage counts as found when a statement of that section cites it;
- precision: a statement is right when one of its citations is expected or allowed in its
  section; "Not documented in the record." statements are not counted.

`--misses` lists the tuned part's missed passages and wrong statements.
"""

from __future__ import annotations

import argparse

from tests.data.extractive.score import load, score


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}" if b else "    -"


def report(part: str, counts: dict[str, list[int]]) -> None:
    print(f"\n{part}: {len(load(part))} records")
    print(f"  {'section':28} {'recall':>7} {'(n)':>5} {'precision':>9} {'(n)':>5}")
    total = [0, 0, 0, 0]
    for section, (found, expected, right, made) in counts.items():
        print(f"  {section:28} {_pct(found, expected):>7} {expected:>5} {_pct(right, made):>9} {made:>5}")
        total = [t + v for t, v in zip(total, (found, expected, right, made))]
    print(f"  {'overall':28} {_pct(total[0], total[1]):>7} {total[1]:>5} {_pct(total[2], total[3]):>9} {total[3]:>5}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list the tuned part's misses")
    args = parser.parse_args()
    misses: list[str] = []
    report("tuned", score(load("tuned"), misses if args.misses else None))
    report("untouched", score(load("untouched")))
    if args.misses:
        print("\ntuned misses:")
        print("\n".join(misses))


if __name__ == "__main__":
    main()
