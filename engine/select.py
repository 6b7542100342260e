"""Which engine runs: the setting if it names one, else the best the machine can run.

vllm when vLLM imports, a GPU is present and the model folder exists; else openai when a server
URL is configured; else extractive. The choice and the reason are part of describe(), so the
user sees which engine wrote a summary and why.
"""

from __future__ import annotations

import importlib.util
import shutil

from engine.base import Engine
from engine.config import EngineSettings


def has_gpu() -> bool:
    # nvidia-smi answers only where a driver and a device are; importing torch to ask costs seconds.
    return shutil.which("nvidia-smi") is not None


def choose_backend(settings: EngineSettings) -> tuple[str, str]:
    """(backend, why) for these settings on this machine."""
    if settings.backend != "auto":
        return settings.backend, "set in the configuration"
    if importlib.util.find_spec("vllm") is not None and has_gpu() and settings.model.exists():
        return "vllm", f"vLLM, a GPU and the model at {settings.model} are present"
    if settings.url:
        return "openai", f"a model server is configured at {settings.url}"
    return "extractive", "no model is configured (no GPU with a mounted model, no server URL)"


def make_engine(settings: EngineSettings) -> Engine:
    backend, why = choose_backend(settings)
    if backend == "extractive":
        from engine.extractive import ExtractiveEngine

        return ExtractiveEngine(settings.max_model_len, why=why)
    if backend == "stub":
        from engine.stub import StubEngine

        return StubEngine(context_length=settings.max_model_len)
    if backend == "openai":
        from engine.openai_backend import OpenAIEngine

        return OpenAIEngine(settings)
    from engine.vllm_backend import VllmEngine

    return VllmEngine(settings)
