"""The embedded vLLM backend, for real, on CPU with the tiny BailingMoeV2 model."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine import ChatRequest
from engine.select import has_gpu
from engine.vllm_backend import VllmEngine
from tests.engine.conftest import tiny_settings
from tests.engine.contract import RECORD, EngineContract


_WITHOUT_PLUGIN = """
import sys
from engine.select import has_gpu
from engine.vllm_backend import VllmEngine
from tests.engine.conftest import tiny_settings
if __name__ == "__main__":
    try:
        VllmEngine(tiny_settings(sys.argv[1], speculative={"method": "eagle3", "draft_model": sys.argv[2], "num_speculative_tokens": 2}))
    except Exception as exc:
        print("FAILED:", exc)
"""


def test_without_the_plugin_stock_vllm_cannot_run_eagle3_on_bailing(tiny_model, tiny_draft, tmp_path):
    script = tmp_path / "no_plugin.py"
    script.write_text(_WITHOUT_PLUGIN)
    env = {**os.environ, "VLLM_PLUGINS": "none", "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run([sys.executable, str(script), str(tiny_model), str(tiny_draft)], capture_output=True, text=True, env=env, timeout=600)
    assert "embed_tokens" in result.stdout + result.stderr


@pytest.fixture(scope="module")
def engines():
    """Every engine a test starts, shut down together at the end: engines in one process share
    vLLM's distributed state, and shutting one down tears it down for the others."""
    started: list[VllmEngine] = []
    yield started
    for engine in reversed(started):
        engine.close()


@pytest.fixture(scope="module")
def vllm_engine(tiny_model, engines):
    engine = VllmEngine(tiny_settings(tiny_model))  # YaRN to 131072, prefix caching on
    engines.append(engine)
    return engine


class TestVllmContract(EngineContract):
    @pytest.fixture
    def engine(self, vllm_engine):
        return vllm_engine


def test_max_model_len_131072_with_yarn_is_accepted(vllm_engine):
    config = vllm_engine._engine.vllm_config.model_config
    assert config.max_model_len == 131072 == vllm_engine.context_length
    assert config.hf_config.rope_parameters["rope_type"] == "yarn"


def test_the_models_chat_template_is_applied(vllm_engine):
    request = ChatRequest.of(("system", "Be brief."), ("user", "Summarize."), max_tokens=4)
    [reply] = vllm_engine.generate([request])
    templated = "<role>SYSTEM</role>Be brief.<|role_end|><role>HUMAN</role>Summarize.<|role_end|><role>ASSISTANT</role>"
    assert reply.usage.prompt_tokens == vllm_engine.count_tokens(templated)


def test_a_second_question_on_the_same_record_reuses_the_cached_prefix(vllm_engine):
    record = RECORD * 8  # a few blocks of shared prefix
    first = ChatRequest.of(("user", record + "\nQuestion: what changed?"), max_tokens=4)
    second = ChatRequest.of(("user", record + "\nQuestion: any allergies?"), max_tokens=4)
    [a] = vllm_engine.generate([first])
    [b] = vllm_engine.generate([second])
    assert b.usage.cached_prompt_tokens and b.usage.cached_prompt_tokens >= 0.5 * a.usage.prompt_tokens
    assert b.usage.time_to_first_token_s is not None


def test_eagle3_through_the_plugin_drafts_tokens_and_keeps_the_greedy_text(tiny_model, tiny_draft, vllm_engine, engines):
    request = ChatRequest.of(("user", RECORD + "\nSummarize."), max_tokens=24)
    [plain] = vllm_engine.generate([request])
    speculative = {"method": "eagle3", "draft_model": tiny_draft, "num_speculative_tokens": 2}
    eagle = VllmEngine(tiny_settings(tiny_model, speculative=speculative))
    engines.append(eagle)  # a second in-process engine is fine; vLLM's CPU platform trips on a third
    [fast] = eagle.generate([request])
    assert eagle.describe().speculative == "eagle3" and fast.text == plain.text
    assert fast.usage.draft_tokens and fast.usage.draft_tokens > 0  # drafts were proposed ...
    assert fast.usage.accepted_tokens is not None and fast.usage.accepted_tokens >= 0  # ... and checked


@pytest.mark.skipif(not has_gpu(), reason="FP8 needs a CUDA GPU; its configuration is tested in test_config.py")
def test_fp8_runs_where_cuda_is_present(tiny_model, engines):
    engine = VllmEngine(tiny_settings(tiny_model, quantization="fp8", kv_cache_dtype="fp8", enforce_eager=False))
    engines.append(engine)
    [reply] = engine.generate([ChatRequest.of(("user", "Summarize."), max_tokens=8)])
    assert reply.usage.completion_tokens > 0 and engine.describe().quantization == "fp8"


def test_the_apps_summary_and_question_prompts_share_the_record_in_the_prefix_cache(vllm_engine):
    # The app's own templates on the real engine: the record first and the task last, so asking
    # about a record already summarized is served mostly from the cache.
    from app.prompts import question_request, summary_request

    record = RECORD * 8
    [summary] = vllm_engine.generate([summary_request(record, max_tokens=4)])
    [answer] = vllm_engine.generate([question_request(record, "Any allergies?", max_tokens=4)])
    shared = vllm_engine.count_tokens(record)
    assert summary.usage.prompt_tokens > shared
    assert answer.usage.cached_prompt_tokens and answer.usage.cached_prompt_tokens >= 0.9 * shared


def test_a_summary_job_runs_on_the_real_engine_and_its_unfounded_statements_are_flagged(vllm_engine, tmp_path):
    # The whole job on real vLLM: the app's prompt, decoding constrained to the summary schema,
    # parsing, verification, storage. The tiny model's weights are random, so what it says is
    # noise: the schema still holds it to well-formed sections, and the verifier flags the noise.
    from cryptography.fernet import Fernet

    from app import jobs
    from app.pipeline import prepare, request
    from app.settings import JobSettings, Settings
    from app.store import Store
    from app.store.db import migrate
    from app.store.patients import create_patient
    from app.store.summaries import summary_of_job, view
    from app.worker import Worker
    from engine.summary_format import SECTIONS
    from ingestion import IngestionSettings
    from tests.conftest import SAMPLES

    store = Store(f"sqlite:///{tmp_path / 'clinsum.db'}", tmp_path / "files", Fernet.generate_key().decode())
    migrate(store.engine)
    settings = Settings(ingestion=IngestionSettings(workers=1), jobs=JobSettings(max_tokens=1024, retry_wait_s=0))
    stored = prepare([p for p in SAMPLES if p.suffix == ".txt"], settings, store, vllm_engine, create_patient(store).id)
    job = request(store, stored, settings)
    Worker(store, settings, lambda _name: vllm_engine).run(only=[job], until_idle=True)
    assert jobs.state(store, job).status == "done", jobs.state(store, job).error
    shown = view(store, summary_of_job(store, job))
    assert shown.engine["backend"] == "vllm" and shown.usage["prompt_tokens"] > 1000
    statements = [s for _, items in shown.sections for s in items]
    assert statements and {title for title, _ in shown.sections} <= set(SECTIONS)
    assert not any(s.supported for s in statements)  # noise is never passed as supported
    store.close()
