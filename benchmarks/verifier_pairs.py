"""Benchmark: the verifier on every labelled set under tests/data/verify/, per fault kind and overall.

    python -m benchmarks.verifier_pairs [--sets a,b] [--stages rules[,context][,judge]] [--misses] [--json]

Every set `tests.data.labelled.names()` lists is scored (a set added later is picked up without a
change here), each against its own passages. The positive class is *unsupported*:
- faults caught: share of faulty statements (supported = false) the verifier flags, per fault kind;
- faithful flagged: share of faithful statements it flags, per faithful kind;
- balanced accuracy: the mean of faults caught and faithful passed (1 - faithful flagged);
- longest reason: characters of the longest reason given (the verdict's or a finding's).
The verifier is deterministic, so one scored pass is the figure; throughput is warm (a pass first to
fill the caches, then passes timed for about `--seconds`) in statements per second.

Stages: the rules always run. Any other stage (context, judge, nli) is planned as a job would plan
it, `Stages(VerificationSettings(stages=[...])).plan(None)`, imported only when such a stage is asked
for; with no engine at hand the judge is skipped (said on stderr). The nli stage reads its model
folder from CLINSUM_VERIFICATION__NLI_MODEL, as clinsum does.

`--misses` lists the missed faults and flagged faithful statements of tuned sets only. A set whose
name ends in `_untouched` is scored, never read case by case: `--misses` refuses one named in `--sets`,
and skips them otherwise. Exit status 2 on misuse (an unknown set or stage, a missing stage builder).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.verify import verify_all
from tests.data.labelled import LabelledSet, load, names

STAGES = ("rules", "context", "judge", "nli")  # "rules" always runs; the others come from app.verify.stages


class UsageError(Exception):
    """Misuse from the command line: the message is printed and the exit status is 2."""


@dataclass
class Tally:
    n: int = 0
    flagged: int = 0

    def add(self, flagged: bool) -> None:
        self.n += 1
        self.flagged += flagged

    @property
    def rate(self) -> float | None:
        return self.flagged / self.n if self.n else None


@dataclass
class Scores:
    """How one set (or a group of sets) scored: per kind, faults and faithful kept apart."""

    faults: dict[str, Tally] = field(default_factory=dict)
    faithful: dict[str, Tally] = field(default_factory=dict)
    longest_reason: int = 0

    def add(self, supported: bool, kind: str, flagged: bool, reason_len: int) -> None:
        table = self.faithful if supported else self.faults
        table.setdefault(kind, Tally()).add(flagged)
        self.longest_reason = max(self.longest_reason, reason_len)

    def merge(self, other: Scores) -> None:
        for mine, theirs in ((self.faults, other.faults), (self.faithful, other.faithful)):
            for kind, t in theirs.items():
                m = mine.setdefault(kind, Tally())
                m.n += t.n
                m.flagged += t.flagged
        self.longest_reason = max(self.longest_reason, other.longest_reason)

    @staticmethod
    def _total(table: dict[str, Tally]) -> Tally:
        return Tally(sum(t.n for t in table.values()), sum(t.flagged for t in table.values()))

    @property
    def caught(self) -> Tally:
        return self._total(self.faults)

    @property
    def false_alarms(self) -> Tally:
        return self._total(self.faithful)

    @property
    def balanced_accuracy(self) -> float | None:
        caught, flagged = self.caught.rate, self.false_alarms.rate
        if caught is None or flagged is None:
            return None
        return (caught + (1 - flagged)) / 2

    def as_json(self) -> dict:
        def table(t: dict[str, Tally], key: str) -> dict:
            return {k: {"n": v.n, key: v.flagged, "rate": v.rate} for k, v in sorted(t.items())}

        caught, flagged = self.caught, self.false_alarms
        return {
            "faults": caught.n, "faults_caught": caught.flagged, "faults_caught_rate": caught.rate,
            "faithful": flagged.n, "faithful_flagged": flagged.flagged, "faithful_flagged_rate": flagged.rate,
            "balanced_accuracy": self.balanced_accuracy, "longest_reason": self.longest_reason,
            "fault_kinds": table(self.faults, "caught"), "faithful_kinds": table(self.faithful, "flagged"),
        }


@dataclass
class Miss:
    set: str
    id: str
    kind: str
    supported: bool
    statement: str
    citations: tuple[str, ...]
    score: float
    reason: str


def build_checks(stages: Sequence[str]) -> tuple:
    """The checks for the stages beyond the rules; `()` for rules only."""
    unknown = [s for s in stages if s not in STAGES]
    if unknown:
        raise UsageError(f"unknown stage {', '.join(unknown)}; the stages are {', '.join(STAGES)}")
    extra = tuple(s for s in dict.fromkeys(stages) if s != "rules")
    if not extra:
        return ()
    from pydantic import ValidationError

    from app.settings import VerificationSettings
    from app.verify.stages import Stages  # lazily: only runs beyond the rules need it, and it may load models

    try:
        settings = VerificationSettings(stages=["rules", *extra],
                                        nli_model=os.environ.get("CLINSUM_VERIFICATION__NLI_MODEL") or None)
    except ValidationError as exc:
        raise UsageError("; ".join(e["msg"] for e in exc.errors())) from exc
    plan = Stages(settings).plan(None)  # no engine: the judge is skipped, and says why
    for stage, why in plan.skipped.items():
        print(f"verifier_pairs: stage {stage} skipped: {why}", file=sys.stderr)
    return tuple(plan.checks)


def _reason_len(v) -> int:
    return max([len(v.reason or "")] + [len(f.reason or "") for f in v.findings])


def score_set(data: LabelledSet, checks: Sequence) -> tuple[Scores, list[Miss]]:
    verdicts = verify_all([(c.statement, c.citations) for c in data.cases], data.passages, checks=checks)
    scores, misses = Scores(), []
    for c, v in zip(data.cases, verdicts, strict=True):
        flagged = not v.supported
        scores.add(c.supported, c.kind, flagged, _reason_len(v))
        if flagged == c.supported and not data.untouched:  # an untouched set's misses are never kept
            misses.append(Miss(data.name, c.id, c.kind, c.supported, c.statement, c.citations, v.score, v.reason))
    return scores, misses


def throughput(sets: Sequence[LabelledSet], checks: Sequence, seconds: float) -> float:
    """Warm statements per second over all chosen sets: one pass to warm up, then timed passes."""
    batches = [([(c.statement, c.citations) for c in s.cases], s.passages) for s in sets]
    statements = sum(len(b) for b, _ in batches)
    if not statements:
        return 0.0
    for b, p in batches:
        verify_all(b, p, checks=checks)
    done, t0 = 0, time.perf_counter()
    while True:
        for b, p in batches:
            verify_all(b, p, checks=checks)
        done += statements
        elapsed = time.perf_counter() - t0
        if elapsed >= seconds:
            return done / elapsed


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f} %"


def _print_scores(title: str, s: Scores) -> None:
    caught, flagged = s.caught, s.false_alarms
    print(f"\n## {title}: {caught.n + flagged.n} statements, {caught.n} faulty, {flagged.n} faithful\n")
    print("| fault kind | cases | caught |\n|---|--:|--:|")
    for kind, t in sorted(s.faults.items(), key=lambda kv: (kv[1].rate or 0, kv[0])):
        print(f"| {kind} | {t.n} | {_pct(t.rate)} ({t.flagged}) |")
    print("\n| faithful kind | cases | flagged |\n|---|--:|--:|")
    for kind, t in sorted(s.faithful.items(), key=lambda kv: (-(kv[1].rate or 0), kv[0])):
        print(f"| {kind} | {t.n} | {_pct(t.rate)} ({t.flagged}) |")
    print(f"\nfaults caught {_pct(caught.rate)} ({caught.flagged}/{caught.n}) · faithful flagged "
          f"{_pct(flagged.rate)} ({flagged.flagged}/{flagged.n}) · balanced accuracy {_pct(s.balanced_accuracy)} · "
          f"longest reason {s.longest_reason} characters")


def _print_misses(misses: Sequence[Miss]) -> None:
    print("\n## Misses (tuned sets only)\n")
    for m in misses:
        label = "flagged faithful" if m.supported else "missed"
        print(f"- {m.set} {m.id} {label} {m.kind}: {m.statement!r} [{', '.join(m.citations)}] "
              f"→ {m.score:.2f} {m.reason!r}")
    if not misses:
        print("none")


def run(argv: Sequence[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", help="comma-separated set names (default: every set there is)")
    parser.add_argument("--stages", default="rules", help="comma-separated: rules[,context][,judge][,nli]")
    parser.add_argument("--misses", action="store_true", help="list misses of tuned sets (never of _untouched)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--seconds", type=float, default=1.0, help="time spent measuring warm throughput (0: skip)")
    args = parser.parse_args(argv)

    chosen = [n.strip() for n in args.sets.split(",") if n.strip()] if args.sets else names()
    missing = [n for n in chosen if n not in names()]
    if missing:
        raise UsageError(f"no labelled set {', '.join(missing)}; the sets are {', '.join(names())}")
    if args.misses and args.sets:
        refused = [n for n in chosen if n.endswith("_untouched")]
        if refused:
            raise UsageError(f"--misses refuses {', '.join(refused)}: an _untouched set is scored, never read "
                             "case by case")
    stages = [s.strip() for s in args.stages.split(",") if s.strip()] or ["rules"]
    checks = build_checks(stages)

    sets = [load(n) for n in chosen]
    per_set: dict[str, Scores] = {}
    misses: list[Miss] = []
    tuned, untouched = Scores(), Scores()
    for data in sets:
        s, m = score_set(data, checks)
        per_set[data.name] = s
        misses.extend(m)
        (untouched if data.untouched else tuned).merge(s)
    rate = throughput(sets, checks, args.seconds) if args.seconds > 0 else None
    ran = ["rules", *(s for s in dict.fromkeys(stages) if s != "rules")]

    result = {
        "stages": ran,
        "sets": {n: {"untouched": n.endswith("_untouched"), **s.as_json()} for n, s in per_set.items()},
        "tuned": tuned.as_json(), "untouched": untouched.as_json(),
        "statements_per_second_warm": rate,
    }
    if args.misses:
        result["misses"] = [m.__dict__ | {"citations": list(m.citations)} for m in misses]
    if args.json:
        print(json.dumps(result, indent=1))
        return result

    print(f"# Verifier on labelled sets (stages: {', '.join(ran)}; positive class: unsupported)")
    for name, s in per_set.items():
        _print_scores(name + (" (untouched: scored only)" if name.endswith("_untouched") else ""), s)
    for title, group, members in (("all tuned sets", tuned, [s for s in sets if not s.untouched]),
                                  ("all untouched sets", untouched, [s for s in sets if s.untouched])):
        if len(members) > 1:  # one set alone was printed above
            _print_scores(f"{title} ({', '.join(m.name for m in members)})", group)
    if rate is not None:
        total = sum(len(s.cases) for s in sets)
        print(f"\nwarm throughput: {rate:,.0f} statements/s ({total} statements per pass)")
    if args.misses:
        skipped = [s.name for s in sets if s.untouched]
        _print_misses(misses)
        if skipped:
            print(f"\n(not listed: {', '.join(skipped)}, scored only)")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    try:
        run(argv)
    except UsageError as exc:
        print(f"verifier_pairs: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
