"""vLLM embedded in the process, driven step by step.

vLLM's LLMEngine is fed requests and stepped: one step advances every running request, so a
batch shares the GPU and a stream hands each step's new text on as it comes. The model's chat
template is applied here (the stitched record comes first in the prompt, so questions on one
record share a cached prefix); JSON-schema requests use vLLM's structured outputs. Each
generation reports its prompt, cached and generated tokens, its time to first token, and the
speculative tokens drafted and accepted while it ran.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from engine.base import ChatRequest, Delta, Description, EngineError, Generation, Usage, finish_reason
from engine.config import EngineSettings

# Weights are a mounted folder: nothing may be fetched from a hub at run time, not even a config.
os.environ.setdefault("HF_HUB_OFFLINE", "1")

_DRAFTED, _ACCEPTED = "vllm:spec_decode_num_draft_tokens", "vllm:spec_decode_num_accepted_tokens"


class VllmEngine:
    def __init__(self, settings: EngineSettings):
        draft = settings.speculative.draft_model if settings.speculative.method == "eagle3" else None
        for what, folder in (("model", settings.model), ("EAGLE3 draft model", draft)):
            if folder is not None and not folder.is_dir():
                raise EngineError("unavailable", f"the {what} folder {folder} does not exist; mount the weights there "
                                                 "or point the settings at them")
        try:
            from vllm.engine.arg_utils import EngineArgs
            from vllm.v1.engine.llm_engine import LLMEngine
        except ImportError:
            raise EngineError("unavailable", "vLLM is not installed here; use the openai or extractive engine") from None

        self.settings = settings
        started = time.monotonic()
        # Stats on: per-request timings and the speculative-decoding counters come from them.
        self._engine = LLMEngine.from_engine_args(EngineArgs(**settings.llm_kwargs(), disable_log_stats=False))
        self.start_s = time.monotonic() - started
        self._tokenizer = self._engine.get_tokenizer()
        self._lock = threading.Lock()  # one stepping loop at a time
        self.last_call_s = 0.0  # wall time of the last generate() call, for benchmarks

    def _prompt(self, request: ChatRequest) -> str:
        messages = [{"role": m.role, "content": m.content} for m in request.messages]
        return self._tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def _add(self, request: ChatRequest, delta: bool) -> str:
        from vllm import SamplingParams
        from vllm.sampling_params import RequestOutputKind, StructuredOutputsParams

        params = SamplingParams(
            max_tokens=request.max_tokens,
            temperature=request.temperature,
            structured_outputs=StructuredOutputsParams(json=request.json_schema) if request.json_schema else None,
            output_kind=RequestOutputKind.DELTA if delta else RequestOutputKind.FINAL_ONLY,
        )
        request_id = uuid.uuid4().hex
        try:
            self._engine.add_request(request_id, self._prompt(request), params)
        except (ValueError, TypeError) as exc:
            raise EngineError("bad_request", f"vLLM refused the request: {exc}") from exc
        return request_id

    def _counters(self) -> dict[str, float]:
        return {m.name: m.value for m in self._engine.get_metrics() if m.name in (_DRAFTED, _ACCEPTED)}

    def generate(self, requests: Sequence[ChatRequest]) -> list[Generation]:
        if not requests:
            return []
        with self._lock:
            before = self._counters()
            started = time.monotonic()
            ids = [self._add(r, delta=False) for r in requests]
            finished: dict[str, Any] = {}
            first: dict[str, float] = {}
            while len(finished) < len(ids):
                for output in self._engine.step():
                    first.setdefault(output.request_id, time.monotonic() - started)
                    if output.finished:
                        finished[output.request_id] = output
            after = self._counters()
            self.last_call_s = time.monotonic() - started
        drafted = int(after.get(_DRAFTED, 0) - before.get(_DRAFTED, 0)) if _DRAFTED in after else None
        accepted = int(after.get(_ACCEPTED, 0) - before.get(_ACCEPTED, 0)) if _ACCEPTED in after else None
        return [_generation(finished[i], first.get(i), drafted, accepted) for i in ids]

    def stream(self, request: ChatRequest) -> Iterator[Delta]:
        with self._lock:
            request_id = self._add(request, delta=True)
            produced, done = 0, False
            while not done:
                for output in self._engine.step():
                    if output.request_id != request_id:
                        continue
                    piece = output.outputs[0]
                    produced += len(piece.token_ids)
                    done = output.finished
                    yield Delta(piece.text, produced, finish_reason(piece.finish_reason) if done else None)

    def count_tokens(self, text: str) -> int:
        return len(self._tokenizer.encode(text, add_special_tokens=False))

    @property
    def context_length(self) -> int:
        return self.settings.max_model_len

    def describe(self) -> Description:
        return Description(
            "vllm", self.settings.served_model_name, self.settings.max_model_len,
            quantization=self.settings.quantization, speculative=self.settings.speculative.method,
            notes=(f"Embedded vLLM, model at {self.settings.model}.",),
        )

    def close(self) -> None:
        self._engine.engine_core.shutdown()



def _generation(output: Any, first_step_s: float | None, drafted: int | None, accepted: int | None) -> Generation:
    completion = output.outputs[0]
    metrics = output.metrics
    ttft = getattr(metrics, "first_token_latency", None) if metrics is not None else None
    return Generation(
        text=completion.text,
        finish_reason=finish_reason(completion.finish_reason),
        usage=Usage(
            prompt_tokens=len(output.prompt_token_ids or []),
            completion_tokens=len(completion.token_ids),
            cached_prompt_tokens=output.num_cached_tokens,
            time_to_first_token_s=ttft if ttft else first_step_s,
            draft_tokens=drafted,
            accepted_tokens=accepted,
        ),
    )
