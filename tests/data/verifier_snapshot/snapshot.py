"""Today's verdicts of the citation verifier on every labelled set: the guard of issue 16's restructure.

    python -m tests.data.verifier_snapshot.snapshot            # compare with the stored snapshot
    python -m tests.data.verifier_snapshot.snapshot --write    # rewrite the snapshot

One JSONL file per set, one line per case, in the set's order: the case id, the gold label and kind
(so a changed set shows as such), and the verdict: `supported`, `score` rounded to 4 places, the
cited ids that are not in the record, and a short hash of the reason. `tests/test_verifier_snapshot.py`
asserts every verdict is unchanged (not the reason hash: the issue rewrites the reasons; it is kept
so a diff of the files shows where they changed).

Each set is run the way `clinsum verify` and the benchmarks run it: `app.verify.verify_all` on the
set's statements against all its passages. The sets are `tests/data/verify/<name>.jsonl`, read through
`tests.data.labelled`, the loader the benchmarks use too; the ids there are the ids here (the blind and
hand-made sets' are a hash of statement and citations, made when they were code).

When regenerating is legitimate: after a change to the verifier that was measured as an improvement
(benchmarks.verifier_eval / verifier_blind, figures in the README) and whose changed verdicts were
read, or after a labelled set itself changed; commit the new snapshot with that change and say so.
Never regenerate to make the guard pass after a restructure: a restructure keeps every verdict, and a
difference is a bug in it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.data import labelled as sets

HERE = Path(__file__).resolve().parent
SETS = ("generated", "blind1", "blind2", "blind3", "handmade", "pairs_tuned", "pairs_untouched")
DIGITS = 4  # score places kept: float noise from reordered arithmetic stays far below this
TOLERANCE = 1e-4  # two stored-rounded scores closer than this are the same score


@dataclass(frozen=True)
class Labelled:
    """One case of a set: a stable id, the statement and its citations, the gold label and kind."""

    id: str
    text: str
    citations: tuple[str, ...]
    supported: bool
    kind: str


def labelled(name: str) -> tuple[list[Labelled], dict[str, str]]:
    """The cases of a set, in order, and the passages they are checked against (id → text)."""
    if name not in SETS:
        raise ValueError(f"no set {name!r}; the sets are {', '.join(SETS)}")
    data = sets.load(name)
    return [Labelled(c.id, c.statement, c.citations, c.supported, c.kind) for c in data.cases], data.passages


def compute(name: str) -> list[dict]:
    """Today's verdict on every case of a set, as the snapshot stores it."""
    from app.verify import verify_all

    cases, passages = labelled(name)
    verdicts = verify_all([(c.text, c.citations) for c in cases], passages)
    return [{"id": c.id, "gold_supported": c.supported, "gold_kind": c.kind,
             "supported": v.supported, "score": round(v.score, DIGITS), "unknown": list(v.unknown),
             "reason_sha": hashlib.sha256(v.reason.encode()).hexdigest()[:10]}
            for c, v in zip(cases, verdicts, strict=True)]


def path(name: str) -> Path:
    return HERE / f"{name}.jsonl"


def load(name: str) -> list[dict]:
    """The stored snapshot of a set, in order."""
    return [json.loads(line) for line in path(name).read_text(encoding="utf-8").splitlines() if line.strip()]


def write(name: str, rows: Sequence[Mapping]) -> None:
    path(name).write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def verdict(row: Mapping) -> str:
    return f"supported={row['supported']} score={row['score']:.{DIGITS}f} unknown={row['unknown']}"


def differences(name: str, stored: Sequence[Mapping], now: Sequence[Mapping],
                cases: Sequence[Labelled] = ()) -> list[str]:
    """One line per case whose verdict (or gold label, or presence) differs; empty when all agree.

    With the set's `cases`, each line also quotes the statement, its citations and its gold kind.
    """
    about = {c.id: f" ({c.text[:80]!r} {list(c.citations)}, gold {c.kind})" for c in cases}
    out: list[str] = []
    old = {r["id"]: r for r in stored}
    new = {r["id"]: r for r in now}
    out += [f"{name} {cid}: in the snapshot, no longer in the set (regenerate only if the set changed)"
            for cid in old.keys() - new.keys()]
    out += [f"{name} {cid}: in the set, not in the snapshot (regenerate only if the set changed)"
            for cid in new.keys() - old.keys()]
    for cid in old.keys() & new.keys():
        a, b = old[cid], new[cid]
        if (a["gold_supported"], a["gold_kind"]) != (b["gold_supported"], b["gold_kind"]):
            out.append(f"{name} {cid}: gold label changed in the set: {a['gold_kind']} → {b['gold_kind']}")
        if (a["supported"], a["unknown"]) != (b["supported"], b["unknown"]) or not math.isclose(
                a["score"], b["score"], abs_tol=TOLERANCE):
            out.append(f"{name} {cid}{about.get(cid, '')}: snapshot {verdict(a)}; now {verdict(b)}")
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the snapshot (read the docstring first)")
    parser.add_argument("--set", choices=SETS, action="append", help="only this set (repeatable)")
    args = parser.parse_args(argv)
    failed = False
    for name in args.set or SETS:
        rows = compute(name)
        flagged = sum(not r["supported"] for r in rows)
        if args.write:
            write(name, rows)
            print(f"{name}: {len(rows)} cases written ({flagged} flagged) to {path(name).relative_to(HERE.parents[2])}")
            continue
        stored = load(name)
        diff = differences(name, stored, rows, labelled(name)[0])
        reasons = sum(a["reason_sha"] != b["reason_sha"] for a, b in zip(stored, rows) if a["id"] == b["id"])
        print(f"{name}: {len(rows)} cases, {len(diff)} verdicts differ, {reasons} reasons differ")
        for line in diff:
            print(f"  {line}")
        failed |= bool(diff)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
