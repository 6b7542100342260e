"""Real vLLM on CPU: a tiny BailingMoeV2 built at test time, never downloaded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engine import EngineSettings
from tests.fixtures.tiny_models import build_tiny_bailing, build_tiny_eagle3_draft

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", autouse=True)
def offline_vllm_environment():
    """In-process engines that start in seconds, caches inside the project, no hub."""
    cache = ROOT / ".cache"
    for name, value in {
        "VLLM_ENABLE_V1_MULTIPROCESSING": "0",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_HOME": str(cache / "huggingface"),
        "VLLM_CACHE_ROOT": str(cache / "vllm"),
        "VLLM_NO_USAGE_STATS": "1",
        "DO_NOT_TRACK": "1",
    }.items():
        os.environ.setdefault(name, value)


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
