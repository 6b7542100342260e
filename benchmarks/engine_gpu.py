"""Benchmark for a GPU host with the real model mounted: what a clinician waits for.

    python -m benchmarks.engine_gpu [--tokens 126000] [--runs 3]

It measures:
- time to first token for a record of about 128K tokens (the synthetic 1,000-page record,
  de-identified and stitched, cut to --tokens);
- the same for a second question on that record, which should hit the prefix cache;
- decode speed in tokens/s for a 512-token answer, with EAGLE3 on and then off.

Engine settings come from the usual configuration (CLINSUM_ENGINE__*), so it measures what
would be deployed. Without a CUDA GPU it prints "no GPU" and exits 0.
"""

from __future__ import annotations

import argparse
import statistics
import sys

from engine.select import has_gpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tokens", type=int, default=126_000, help="record length in model tokens")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not has_gpu():
        print("no GPU: this benchmark needs a CUDA GPU and the model mounted at engine.model")
        return

    from app.settings import Settings
    from benchmarks.synthetic_record import write_record
    from engine import ChatRequest
    from engine.vllm_backend import VllmEngine
    from ingestion import ingest

    settings = Settings()
    engine = VllmEngine(settings.engine)
    record = ingest(write_record(1000), settings.ingestion, engine.count_tokens)
    text = "\n".join(p.text for p in record.prompts)
    ids = engine._tokenizer.encode(text, add_special_tokens=False)[: args.tokens]
    prompt = engine._tokenizer.decode(ids)
    print(f"record: {len(ids):,} tokens; engine start {engine.start_s:.1f} s; {engine.describe().as_dict()}")

    def ask(question: str, max_tokens: int) -> tuple[float, float]:
        [g] = engine.generate([ChatRequest.of(("user", f"{prompt}\nQuestion: {question}"), max_tokens=max_tokens)])
        return g.usage.time_to_first_token_s or 0.0, g.usage.cached_prompt_tokens or 0

    first = [ask(f"What changed in visit {i}?", 1) for i in range(1)]  # cold: nothing cached
    print(f"time to first token, cold 128K record: {first[0][0]:.2f} s")
    warm = [ask(f"Which medications changed? ({i})", 1) for i in range(args.runs)]
    print(f"time to first token, second question on it: median {statistics.median(t for t, _ in warm):.2f} s, "
          f"cached prompt tokens {int(statistics.median(c for _, c in warm)):,}")

    def decode_rate(eng: VllmEngine) -> float:
        rates = []
        for _ in range(args.runs):
            [g] = eng.generate([ChatRequest.of(("user", prompt[-20000:] + "\nSummarize."), max_tokens=512)])
            decode = g.usage.completion_tokens / max(1e-9, _elapsed(eng, g))
            rates.append(decode)
        return statistics.median(rates)

    with_eagle = decode_rate(engine)
    engine.close()
    plain = VllmEngine(settings.engine.model_copy(update={"speculative": settings.engine.speculative.model_copy(update={"method": None})}))
    without = decode_rate(plain)
    plain.close()
    print(f"decode, 512-token answer: EAGLE3 {with_eagle:.1f} tok/s, no speculation {without:.1f} tok/s, "
          f"speed-up {with_eagle / without:.2f}x")


def _elapsed(engine, generation) -> float:
    """Decode time: wall time of the last call less its time to first token."""
    return engine.last_call_s - (generation.usage.time_to_first_token_s or 0.0)


if __name__ == "__main__":
    sys.exit(main())
