"""Benchmark, on CPU with the tiny model: engine start time, and our layer's per-request overhead
over calling vLLM directly.

    python -m benchmarks.engine_cpu [--runs 3] [--requests 20]

Start time: a fresh process builds VllmEngine (in-process vLLM, enforce_eager) and reports how
long the constructor took, median of --runs. Overhead: in one process and one engine, the same
greedy requests go once through VllmEngine.generate (chat template, sampling parameters, the
step loop, usage and speculative counters) and once straight to vLLM's LLMEngine with the same
prompt text and parameters; the median per-request wall time of each, interleaved.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {"VLLM_ENABLE_V1_MULTIPROCESSING": "0", "HF_HUB_OFFLINE": "1", "VLLM_NO_USAGE_STATS": "1",
       "HF_HOME": str(ROOT / ".cache" / "huggingface"), "VLLM_CACHE_ROOT": str(ROOT / ".cache" / "vllm")}


def _engine(model: Path):
    from engine.vllm_backend import VllmEngine
    from tests.engine.conftest import tiny_settings

    return VllmEngine(tiny_settings(model))


def _start(model: Path) -> None:
    engine = _engine(model)
    print(json.dumps({"start_s": engine.start_s}))
    engine.close()


def _overhead(model: Path, requests: int) -> dict:
    from vllm import SamplingParams

    from engine import ChatRequest
    from tests.engine.contract import RECORD

    engine = _engine(model)
    request = ChatRequest.of(("user", RECORD + "\nSummarize."), max_tokens=32)
    prompt = engine._prompt(request)
    params = SamplingParams(max_tokens=32, temperature=0.0)

    def direct() -> None:
        llm = engine._engine
        llm.add_request(uuid.uuid4().hex, prompt, params)
        while llm.has_unfinished_requests():
            llm.step()

    ours, theirs = [], []
    for _ in range(3):  # warm both paths
        engine.generate([request])
        direct()
    for _ in range(requests):
        t = time.perf_counter()
        engine.generate([request])
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        direct()
        theirs.append(time.perf_counter() - t)
    engine.close()
    return {"ours_s": statistics.median(ours), "direct_s": statistics.median(theirs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--child", choices=["start", "overhead"], help=argparse.SUPPRESS)
    parser.add_argument("--model", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "start":
        _start(args.model)
        return
    if args.child == "overhead":
        print(json.dumps(_overhead(args.model, args.requests)))
        return

    from tests.fixtures.tiny_models import build_tiny_bailing

    model = build_tiny_bailing(Path(tempfile.mkdtemp()) / "tiny-bailing")
    env = {**os.environ, **ENV}

    def child(*extra: str) -> dict:
        out = subprocess.run([sys.executable, "-m", "benchmarks.engine_cpu", "--model", str(model), *extra],
                             capture_output=True, text=True, check=True, cwd=ROOT, env=env)
        return json.loads(out.stdout.strip().splitlines()[-1])

    starts = [child("--child", "start")["start_s"] for _ in range(args.runs)]
    overhead = child("--child", "overhead", "--requests", str(args.requests))
    ratio = overhead["ours_s"] / overhead["direct_s"] - 1
    print(f"Engine start (in-process vLLM, tiny BailingMoeV2, enforce_eager), median of {args.runs}: {statistics.median(starts):.2f} s")
    print(f"Per request, 32 greedy tokens, median of {args.requests}: ours {overhead['ours_s'] * 1000:.1f} ms, "
          f"vLLM directly {overhead['direct_s'] * 1000:.1f} ms, overhead {ratio * 100:+.1f} %")


if __name__ == "__main__":
    main()
