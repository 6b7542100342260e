"""Benchmark: the citation verifier on blind evaluation set no. 2.

    python -m benchmarks.verifier_blind2

The set (``tests/fixtures/verify_set_blind2.py``) was written blind, by an author who had not seen
the verifier or the other evaluation sets; run it once per verifier version and do not tune on it.
The positive class is "unsupported": a true positive is a faulty statement the verifier rejects, a
false positive a faithful statement it rejects. Prints precision, recall, F1, the confusion counts,
recall per fault kind and the false-positive rate per faithful style, as Markdown tables.
"""

from __future__ import annotations

import time
from collections import defaultdict

from tests.fixtures.verify_set_blind2 import as_json


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _table(header: tuple[str, ...], rows: list[tuple[object, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    from app.verify import verify_all

    data = as_json()
    passages = {str(p["id"]): str(p["text"]) for p in data["passages"]}
    statements = [(str(s["text"]), [str(c) for c in s["citations"]]) for s in data["statements"]]
    labels: list[bool] = data["labels"]
    kinds: list[str] = data["kinds"]

    started = time.perf_counter()
    verdicts = list(verify_all(statements, passages))
    elapsed = time.perf_counter() - started
    if len(verdicts) != len(statements):
        raise SystemExit(f"verify_all returned {len(verdicts)} verdicts for {len(statements)} statements")

    flagged = [not bool(v.supported) for v in verdicts]  # predicted "unsupported"
    tp = sum(f and not gold for f, gold in zip(flagged, labels))
    fp = sum(f and gold for f, gold in zip(flagged, labels))
    fn = sum(not f and not gold for f, gold in zip(flagged, labels))
    tn = sum(not f and gold for f, gold in zip(flagged, labels))
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = _ratio(2 * precision * recall, precision + recall)

    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind -> [flagged, total]
    for f, kind in zip(flagged, kinds):
        per_kind[kind][0] += int(f)
        per_kind[kind][1] += 1

    print(f"# Verifier on blind set 2 ({len(statements)} statements, {len(passages)} passages, {elapsed:.1f} s)\n")
    print("Positive class: unsupported.\n")
    print(_table(("precision", "recall", "F1", "TP", "FP", "FN", "TN"),
                 [(f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}", tp, fp, fn, tn)]))
    print("\n## Recall per fault kind\n")
    print(_table(("kind", "caught", "total", "recall"), [
        (kind, n, total, f"{_ratio(n, total):.3f}")
        for kind, (n, total) in sorted(per_kind.items()) if not kind.startswith("faithful:")
    ]))
    print("\n## False-positive rate per faithful style\n")
    print(_table(("style", "rejected", "total", "FP rate"), [
        (kind.removeprefix("faithful:"), n, total, f"{_ratio(n, total):.3f}")
        for kind, (n, total) in sorted(per_kind.items()) if kind.startswith("faithful:")
    ]))


if __name__ == "__main__":
    main()
