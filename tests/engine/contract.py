"""The contract every engine backend passes, as LangChain's standard tests do for its models.

A backend's test module subclasses `EngineContract` and provides an `engine` fixture; every test
here then runs against it. Deterministic backends (temperature 0) must stream exactly what they
generate.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from engine import ChatRequest, Delta, Engine, Generation
from engine.base import SourcePassage
from engine.summary_format import Summary, json_schema
from ingestion.record_format import citations_in, read_record

RECORD = (
    "## Document 1 · Discharge summary · 2022-11-02\n"
    "[P1] DIAGNOSES\n"
    "[P2] Acute on chronic heart failure with reduced ejection fraction.\n"
    "[P3] DISCHARGE MEDICATIONS\n"
    "[P4] Furosemide 40 mg p.o. b.i.d. CHANGED (was 40 mg daily).\n"
    "[P5] ALLERGIES: Penicillin (rash).\n"
    "[P6] FOLLOW-UP: Cardiology clinic in 1 week; BMP in 3 days.\n"
)


def request(**options) -> ChatRequest:
    """The record in the prompt, and its passages as data: a model backend reads the one, an engine
    without a model (extractive) the other, as the app sends them."""
    return ChatRequest.of(
        ("system", "You summarize clinical records. Cite passages like [P1]."),
        ("user", RECORD + "\nSummarize this record."),
        passages=tuple(SourcePassage(*p) for p in read_record(RECORD)),
        **options,
    )


class EngineContract:
    @pytest.fixture
    def engine(self) -> Engine:  # pragma: no cover - each backend's module provides it
        raise NotImplementedError

    reads_passages = False  # an engine without a model reads the request's passages, never the prompt

    def test_a_model_reads_the_prompt_and_an_engine_without_one_the_passages(self, engine):
        tokens = 1024 if self.reads_passages else 16
        [with_data] = engine.generate([request(max_tokens=tokens)])
        [prompt_only] = engine.generate([replace(request(max_tokens=tokens), passages=())])
        if self.reads_passages:
            assert citations_in(with_data.text) and not citations_in(prompt_only.text)
        else:
            assert with_data.text == prompt_only.text

    def test_is_an_engine(self, engine):
        assert isinstance(engine, Engine)

    def test_generates_one_reply_per_request_in_order(self, engine):
        replies = engine.generate([request(max_tokens=256), request(max_tokens=256)])
        assert len(replies) == 2 and all(isinstance(r, Generation) for r in replies)
        for reply in replies:
            assert isinstance(reply.text, str) and reply.text
            assert reply.finish_reason in ("stop", "length")
            assert reply.usage.prompt_tokens > 0 and 0 < reply.usage.completion_tokens <= 256

    def test_an_empty_batch_is_an_empty_answer(self, engine):
        assert engine.generate([]) == []

    def test_max_tokens_bounds_the_reply(self, engine):
        [reply] = engine.generate([request(max_tokens=8)])
        assert reply.usage.completion_tokens <= 8

    def test_streaming_yields_the_same_text_with_growing_token_counts(self, engine):
        [whole] = engine.generate([request(max_tokens=64)])
        deltas = list(engine.stream(request(max_tokens=64)))
        assert deltas and all(isinstance(d, Delta) for d in deltas)
        assert "".join(d.text for d in deltas) == whole.text
        counts = [d.completion_tokens for d in deltas]
        assert counts == sorted(counts) and counts[-1] <= 64
        assert deltas[-1].finish_reason in ("stop", "length")

    def test_json_schema_requests_get_json_of_that_schema(self, engine):
        [reply] = engine.generate([request(max_tokens=1024, json_schema=json_schema())])
        if reply.finish_reason == "stop":
            Summary.model_validate(json.loads(reply.text))

    def test_counts_tokens_and_knows_its_context(self, engine):
        short, long = engine.count_tokens("heart failure"), engine.count_tokens("heart failure " * 50)
        assert 0 < short < long
        assert engine.context_length >= 4096

    def test_describes_itself(self, engine):
        d = engine.describe()
        assert d.backend in ("vllm", "openai", "extractive", "stub")
        assert d.model and d.max_context == engine.context_length
        assert set(d.as_dict()) >= {"backend", "model", "quantization", "speculative", "max_context"}
