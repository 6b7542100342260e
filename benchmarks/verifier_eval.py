"""Benchmark: how well and how fast the citation verifier flags unsupported statements.

    python -m benchmarks.verifier_eval [--runs 5] [--misses] [--show-heldout-misses]

Corpus: the generated labelled set, `tests/data/verify/generated.jsonl` read through
`tests.data.labelled` (templates alternate dev / held-out, so held-out phrasings were never tuned
on). The positive class is *unsupported*: precision is the share of flagged statements that are
faulty, recall the share of faulty statements flagged. Per fault kind only recall applies; per
faithful kind the false-positive rate (faithful statements flagged).

`--misses` lists dev misses and false positives with the verifier's reason: tune on those only.
Throughput runs `verify_all` over the whole set with its per-text caches emptied before each run
(so every passage and statement is analysed afresh), and again warm; medians of `--runs` runs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from app import verify as verifier
from tests.data.labelled import Case, load

MAX_LISTED = 15
# The generated set's kinds, in the order the tables list them.
FAULT_KINDS = ("number", "unit", "date", "side", "negation", "unrelated", "invented")
FAITHFUL_KINDS = ("exact", "partial", "paraphrase", "abbreviation", "format", "multi", "absence")


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else None


def score(chosen: Sequence[Case], flagged: dict[str, bool]) -> Scores:
    s = Scores()
    for c in chosen:
        faulty, hit = not c.supported, flagged[c.id]
        s.tp += faulty and hit
        s.fn += faulty and not hit
        s.fp += hit and not faulty
        s.tn += not hit and not faulty
    return s


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f} %"


def run(corpus: Sequence[Case], passages: dict[str, str]) -> list[verifier.Verdict]:
    return verifier.verify_all([(c.statement, c.citations) for c in corpus], passages)


def throughput(corpus: Sequence[Case], passages: dict[str, str], runs: int) -> tuple[float, float]:
    """Median seconds for the whole set: caches emptied before each run, then warm."""
    cold, warm = [], []
    for _ in range(runs):
        verifier.clear_caches()
        t0 = time.perf_counter()
        run(corpus, passages)
        cold.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        run(corpus, passages)
        warm.append(time.perf_counter() - t0)
    return statistics.median(cold), statistics.median(warm)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="timed runs (median reported)")
    parser.add_argument("--misses", action="store_true", help="list dev misses and false positives")
    parser.add_argument("--show-heldout-misses", action="store_true", help="list them for held-out too")
    args = parser.parse_args()

    data = load("generated")
    corpus, passages = data.cases, data.passages
    verdicts = dict(zip((c.id for c in corpus), run(corpus, passages), strict=True))  # the warm-up pass is scored
    flagged = {cid: not v.supported for cid, v in verdicts.items()}
    groups = {"dev": [c for c in corpus if c.split == "dev"], "held-out": [c for c in corpus if c.split == "heldout"],
              "all": list(corpus)}  # fmt: skip

    print("## Citation verifier (positive class: unsupported)\n")
    print("| split | statements | faulty | precision | recall | F1 |\n|---|--:|--:|--:|--:|--:|")
    for name, chosen in groups.items():
        s = score(chosen, flagged)
        print(f"| {name} | {len(chosen)} | {s.tp + s.fn} | {_pct(s.precision)} | {_pct(s.recall)} | {_pct(s.f1)} |")

    print("\n### Recall per fault kind\n")
    print("| fault kind | dev | held-out | all (caught / cases) |\n|---|--:|--:|--:|")
    kinds = [*FAULT_KINDS, *sorted({c.kind for c in corpus if not c.supported} - set(FAULT_KINDS))]
    for kind in kinds:
        cells = []
        for chosen in groups.values():
            faulty = [c for c in chosen if not c.supported and c.kind == kind]
            caught = sum(flagged[c.id] for c in faulty)
            cells.append((caught, len(faulty)))
        (d, dn), (h, hn), (a, an) = cells
        print(f"| {kind} | {_pct(d / dn if dn else None)} | {_pct(h / hn if hn else None)} | {_pct(a / an if an else None)} ({a} / {an}) |")

    print("\n### False positives on faithful statements, per kind\n")
    print("| faithful kind | dev | held-out | all (flagged / cases) |\n|---|--:|--:|--:|")
    for kind in FAITHFUL_KINDS:
        cells = []
        for chosen in groups.values():
            ok = [c for c in chosen if c.supported and c.kind == kind]
            cells.append((sum(flagged[c.id] for c in ok), len(ok)))
        (d, dn), (h, hn), (a, an) = cells
        print(f"| {kind} | {d} / {dn} | {h} / {hn} | {a} / {an} |")
    by_note = Counter(c.note for c in corpus if c.supported and flagged[c.id])
    notes = Counter(c.note for c in corpus if c.supported)
    print("\nBy note type (all): " + ", ".join(f"{note} {by_note[note]} / {n}" for note, n in sorted(notes.items())) + ".")

    cold, warm = throughput(corpus, passages, args.runs)
    chars = sum(map(len, passages.values()))
    print(f"\n### Throughput: {len(corpus)} statements over {len(passages)} passages ({chars:,} characters), "
          f"median of {args.runs} runs\n")
    print("| caches | statements/s |\n|---|--:|")
    print(f"| emptied before each run | {len(corpus) / cold:,.0f} |\n| warm | {len(corpus) / warm:,.0f} |")

    shown = (["dev"] if args.misses else []) + (["held-out"] if args.show_heldout_misses else [])
    for name in shown:
        print(f"\n### {name}: misses and false positives\n")
        wrong = [c for c in groups[name] if flagged[c.id] == c.supported][:MAX_LISTED * 2]
        for c in wrong:
            label = "false positive" if c.supported else f"missed {c.kind}"
            print(f"- {label} ({c.id}): {c.statement!r} [{', '.join(c.citations)}] → {verdicts[c.id].reason!r}")
        if not wrong:
            print("none")


if __name__ == "__main__":
    main()
