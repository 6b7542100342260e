"""Benchmark: medspaCy's ConText against the rule tables, per fault kind, on every labelled set.

    python -m benchmarks.verifier_context [--json]

For negation, experiencer, certainty and temporal faults (and all faithful statements) it scores
- rules: the rule verifier alone (`verify_all` with no stage);
- context: the context stage alone (flagged when it finds anything), with every kind it knows,
  negation included, and its medspaCy rules only (`--medspacy-only`: without the few cues of ours);
- rules+context: what `--stages rules,context` runs (the stage's default kinds).
Tuned and untouched sets are summed apart; cases are never listed (an untouched set is scored only).
Also the first-use load time of medspaCy and the context stage's warm throughput alone.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence

from app.verify import verify_all
from app.verify.base import Claim
from tests.data.labelled import load, names

KINDS = ("negation", "experiencer", "certainty", "temporal")


def run(argv: Sequence[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--medspacy-only", action="store_true", help="context alone without the cues of ours")
    args = parser.parse_args(argv)

    from app.verify import context

    if args.medspacy_only:
        context._EXTRA_RULES = ()
    t0 = time.perf_counter()
    context.load()
    load_s = time.perf_counter() - t0
    alone, default = context.ContextCheck(context.ALL_KINDS), context.ContextCheck()

    table: dict[str, dict[str, dict[str, list[int]]]] = {}
    statements, seconds = 0, 0.0
    for name in names():
        data = load(name)
        group = table.setdefault("untouched" if data.untouched else "tuned", {})
        batch = [(c.statement, c.citations) for c in data.cases]
        rules = verify_all(batch, data.passages)
        both = verify_all(batch, data.passages, checks=[default])
        t1 = time.perf_counter()
        ctx = alone.findings([Claim(s, tuple(c), data.passages) for s, c in batch])
        seconds += time.perf_counter() - t1
        statements += len(batch)
        for case, r, b, f in zip(data.cases, rules, both, ctx, strict=True):
            kind = "faithful" if case.supported else case.kind
            if kind not in KINDS and kind != "faithful":
                continue
            row = group.setdefault(kind, {"n": [0], "rules": [0], "context": [0], "rules+context": [0]})
            row["n"][0] += 1
            row["rules"][0] += not r.supported
            row["context"][0] += bool(f)
            row["rules+context"][0] += not b.supported
    result = {"medspacy_load_s": round(load_s, 2), "context_statements_per_s": round(statements / seconds, 1),
              "groups": {g: {k: {m: v[0] for m, v in row.items()} for k, row in rows.items()}
                         for g, rows in table.items()}}
    if args.json:
        print(json.dumps(result, indent=1))
        return result
    print(f"medspaCy first-use load {load_s:.2f} s; context stage alone {statements / seconds:,.0f} statements/s")
    for group, rows in result["groups"].items():
        print(f"\n## {group} sets (faults: share caught; faithful: share flagged)\n")
        print("| kind | cases | rules | context alone | rules+context |\n|---|--:|--:|--:|--:|")
        for kind in (*KINDS, "faithful"):
            row = rows.get(kind)
            if row:
                cells = " | ".join(f"{row[m]}/{row['n']} ({100 * row[m] / row['n']:.0f} %)"
                                   for m in ("rules", "context", "rules+context"))
                print(f"| {kind} | {row['n']} | {cells} |")
    return result


if __name__ == "__main__":
    run()
