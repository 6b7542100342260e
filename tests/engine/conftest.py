"""Real vLLM on CPU: a tiny BailingMoeV2 built at test time, never downloaded."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Set before torch is first imported (the tiny-model builder imports it): in-process engines
# that start in seconds, caches inside the project, no hub, and OpenMP threads that sleep when
# idle, so an engine kept by one process does not starve an engine another process starts.
for _name, _value in {
    "VLLM_ENABLE_V1_MULTIPROCESSING": "0",
    "OMP_WAIT_POLICY": "PASSIVE",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HOME": str(ROOT / ".cache" / "huggingface"),
    "VLLM_CACHE_ROOT": str(ROOT / ".cache" / "vllm"),
    "VLLM_NO_USAGE_STATS": "1",
    "DO_NOT_TRACK": "1",
}.items():
    os.environ.setdefault(_name, _value)

import pytest  # noqa: E402

from engine import EngineSettings  # noqa: E402
from tests.fixtures.tiny_models import build_tiny_bailing, build_tiny_eagle3_draft  # noqa: E402


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    return build_tiny_bailing(tmp_path_factory.mktemp("models") / "tiny-bailing")


@pytest.fixture(scope="session")
def tiny_draft(tmp_path_factory, tiny_model) -> Path:
    return build_tiny_eagle3_draft(tmp_path_factory.mktemp("models") / "tiny-eagle3", tiny_model)


def tiny_settings(model: Path, **overrides) -> EngineSettings:
    """The production configuration, less what a CPU cannot do (FP8) and sized for a test."""
    values = dict(
        backend="vllm", model=model, served_model_name="tiny-bailing", quantization=None, kv_cache_dtype="auto",
        speculative={"method": None}, enforce_eager=True, kv_cache_memory_bytes=1 << 30, max_num_seqs=8,
    )
    values.update(overrides)
    return EngineSettings(**values)
