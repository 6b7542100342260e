"""Benchmark: the citation verifier on the sets written blind (`tests/data/verify/blind{1,2,3}.jsonl`).

    python -m benchmarks.verifier_blind [--set 1|2|3] [--split dev|heldout|all] [--misses]

Each set was written blind, without reading the verifier, so these figures are independent of its
tuning. Set 1 was then half used for tuning (see --split); set 2 was run once, then tuned on too;
set 3 (passages cut by the product's own splitter) was written after all tuning and is run once per
verifier version, never tuned on. It runs the same path as `clinsum verify`: `app.verify.verify_all` on the set's passages and
statements. The positive class is "unsupported": precision, recall and F1 are for flagging faulty
statements. Then recall per fault kind and false positives per faithful style, as Markdown tables.
`--misses` lists each misclassified statement with its kind, the verdict's reason and the text of
the passages it cites. Do not tune the verifier on this set: it would stop being blind.

`--split` (set 1 only) halves the set by the number of each statement's first cited passage id (B1, B2, ...):
odd numbers are blind-dev, even numbers blind-held-out; a statement whose first citation is not a
numbered passage of the set (unknown ids) goes to dev. Tune only on `--split dev --misses`; look at
held-out figures (aggregates only) once, for the report.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import defaultdict

from tests.data import labelled

SETS = {"1": "blind1", "2": "blind2", "3": "blind3"}  # --set → the labelled set's name


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "n/a"


def split_of(citations: list[str], passages: dict[str, str]) -> str:
    """'dev' or 'heldout' by the parity of the first cited passage's number (odd: dev)."""
    first = citations[0] if citations else ""
    m = re.fullmatch(r"B(\d+)", first)
    if first not in passages or m is None:
        return "dev"
    return "dev" if int(m.group(1)) % 2 == 1 else "heldout"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every misclassified statement (of the split)")
    parser.add_argument("--set", choices=tuple(SETS), default="1", help="blind set 1 (default), 2 or 3")
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all",
                        help="set 1: odd first-cited id is dev, even is heldout (default all)")
    args = parser.parse_args(argv)
    if args.set != "1" and args.split != "all":
        parser.error("only set 1 is split")

    from app.verify import verify_all

    data = labelled.load(SETS[args.set])
    passages = data.passages
    statements = [(c.statement, list(c.citations)) for c in data.cases]
    labels = [c.supported for c in data.cases]
    kinds = [c.kind for c in data.cases]
    if args.split != "all":
        keep = [i for i, (_, cites) in enumerate(statements) if split_of(cites, passages) == args.split]
        statements = [statements[i] for i in keep]
        labels = [labels[i] for i in keep]
        kinds = [kinds[i] for i in keep]

    start = time.perf_counter()
    verdicts = verify_all(statements, passages)
    seconds = time.perf_counter() - start
    assert len(verdicts) == len(statements), "verify_all must return one verdict per statement"

    flagged = [not v.supported for v in verdicts]
    faulty = [not label for label in labels]
    tp = sum(f and g for f, g in zip(flagged, faulty))
    fp = sum(f and not g for f, g in zip(flagged, faulty))
    fn = sum(g and not f for f, g in zip(flagged, faulty))
    tn = sum(not f and not g for f, g in zip(flagged, faulty))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    print(f"## Citation verifier on blind set {args.set} (split: {args.split})")
    print()
    print(f"{len(passages)} passages, {len(statements)} statements ({sum(faulty)} faulty, "
          f"{len(labels) - sum(faulty)} faithful); verify_all took {seconds:.2f} s.")
    print()
    print("| positive class | precision | recall | F1 | TP | FP | FN | TN |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| unsupported | {precision:.3f} | {recall:.3f} | {f1:.3f} | {tp} | {fp} | {fn} | {tn} |")

    by_kind: dict[str, list[bool]] = defaultdict(list)
    for kind, flag in zip(kinds, flagged):
        by_kind[kind].append(flag)

    print()
    print("### Recall per fault kind")
    print()
    print("| kind | statements | flagged | recall |")
    print("|---|---|---|---|")
    for kind in sorted(k for k in by_kind if not k.startswith("faithful:")):
        flags = by_kind[kind]
        print(f"| {kind} | {len(flags)} | {sum(flags)} | {_ratio(sum(flags), len(flags))} |")

    print()
    print("### False positives per faithful style")
    print()
    print("| style | statements | flagged (FP) | FP rate |")
    print("|---|---|---|---|")
    for kind in sorted(k for k in by_kind if k.startswith("faithful:")):
        flags = by_kind[kind]
        print(f"| {kind.removeprefix('faithful:')} | {len(flags)} | {sum(flags)} | {_ratio(sum(flags), len(flags))} |")

    if args.misses:
        print()
        print("### Misclassified statements")
        for i, (verdict, label, kind) in enumerate(zip(verdicts, labels, kinds)):
            if verdict.supported == label:
                continue
            text, cites = statements[i]
            outcome = "false positive (faithful, flagged)" if label else "miss (faulty, passed)"
            print()
            print(f"- **{kind}**, {outcome}: {text}")
            print(f"  - verdict: supported={verdict.supported}, score={verdict.score:.3f}, "
                  f"reason: {verdict.reason or '(none)'}")
            for cid in cites:
                print(f"  - [{cid}] {passages.get(cid, '(no such passage)')}")


if __name__ == "__main__":
    main()
