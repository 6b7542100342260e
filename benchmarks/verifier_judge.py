"""Benchmark: the LLM judge stage wired to real vLLM on CPU (the tiny random-weight BailingMoeV2).

    python -m benchmarks.verifier_judge [--sets pairs_tuned,pairs_untouched] [--batch-size 8]

Wiring only: the tiny model's weights are random, so its verdicts mean nothing and the scores below
are not the judge's accuracy (a real model mounted by IT is needed for that). What it measures:
that every statement of every set goes through the judge's JSON schema and comes back judged
(`unjudged`), how many statements a second the judge stage adds on this CPU, and the share of
prompt tokens the prefix cache served (the record comes first in every request, so all requests
after the first share it). The scores are printed in the same tables as `benchmarks.verifier_pairs`
(rules + judge), per set; an untouched set is scored, never listed case by case.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from benchmarks.engine_cpu import ENV
from benchmarks.verifier_pairs import _print_scores, score_set
from tests.data.labelled import load, names


class Counting:
    """The engine, adding up the prompt tokens it was sent and those its prefix cache served."""

    def __init__(self, engine):
        self.engine, self.prompt, self.cached, self.requests = engine, 0, 0, 0

    def generate(self, requests):
        out = self.engine.generate(requests)
        for g in out:
            self.requests += 1
            self.prompt += g.usage.prompt_tokens
            self.cached += g.usage.cached_prompt_tokens or 0
        return out

    def __getattr__(self, name):
        return getattr(self.engine, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="pairs_tuned,pairs_untouched")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--max-tokens", type=int, default=512)
    args = parser.parse_args()
    chosen = [n.strip() for n in args.sets.split(",") if n.strip()]
    unknown = [n for n in chosen if n not in names()]
    if unknown:
        raise SystemExit(f"no labelled set {', '.join(unknown)}; the sets are {', '.join(names())}")

    for key, value in ENV.items():  # before vLLM is imported: in-process, offline, caches in the repository
        os.environ.setdefault(key, value)
    from app.verify.judge import JudgeCheck
    from engine.vllm_backend import VllmEngine
    from tests.engine.conftest import tiny_settings
    from tests.fixtures.tiny_models import build_tiny_bailing

    model = build_tiny_bailing(Path(tempfile.mkdtemp()) / "tiny-bailing")
    engine = Counting(VllmEngine(tiny_settings(model)))
    judge = JudgeCheck(engine, batch_size=args.batch_size, max_tokens=args.max_tokens)
    print("# Verifier with the LLM judge on vLLM CPU, tiny random model (wiring only: its verdicts mean nothing)")
    statements = unjudged = 0
    t0 = time.perf_counter()
    for name in chosen:
        data = load(name)
        scores, _ = score_set(data, [judge])
        statements += len(data.cases)
        unjudged += judge.unjudged
        _print_scores(name + (" (untouched: scored only)" if data.untouched else ""), scores)
    elapsed = time.perf_counter() - t0
    engine.close()
    print(f"\n{statements} statements in {elapsed:.1f} s: {statements / elapsed:.1f} statements/s with the judge; "
          f"unjudged {unjudged}; {engine.requests} requests; prefix cache served "
          f"{100 * engine.cached / max(engine.prompt, 1):.0f} % of {engine.prompt:,} prompt tokens")


if __name__ == "__main__":
    main()
