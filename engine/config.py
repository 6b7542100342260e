"""One engine configuration, rendered both ways: `vllm.LLM(**kwargs)` and `vllm serve` arguments.

Each vLLM option is written once, in `_options`, as (engine keyword, CLI flag, value); the
keyword arguments of the embedded engine and the argument list of the OpenAI-compatible server
(compose.yaml) are both read off that one list, and a test checks vLLM parses them the same.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, SecretStr, model_validator


class Speculative(BaseModel):
    method: Literal["eagle3", "ngram"] | None = "eagle3"
    draft_model: Path | None = Field(
        Path("/models/AntAngelMed-FP8-eagle3"), description="The EAGLE3 draft model (method eagle3)."
    )
    num_speculative_tokens: int = Field(3, ge=1, le=16)
    prompt_lookup_max: int = Field(4, ge=1, description="ngram: longest n-gram looked up in the prompt.")

    def config(self) -> dict[str, Any] | None:
        if self.method is None:
            return None
        config: dict[str, Any] = {"method": self.method, "num_speculative_tokens": self.num_speculative_tokens}
        if self.method == "eagle3":
            config["model"] = str(self.draft_model)
        else:
            config["prompt_lookup_max"] = self.prompt_lookup_max
        return config


class Yarn(BaseModel):
    """YaRN rope scaling: a model trained at 32K positions read to 128K."""

    factor: float = Field(4.0, ge=1.0)
    original_max_position_embeddings: int = Field(32768, gt=0)
    rope_theta: float = Field(600000.0, gt=0, description="The model's RoPE base (Ling 2.0's).")

    def hf_overrides(self, max_model_len: int) -> dict[str, Any]:
        """The model-config overrides vLLM reads YaRN from.

        With transformers 5, RoPE settings live in `rope_parameters` (the base included: the
        override replaces the whole dict), and for YaRN vLLM expects `max_position_embeddings`
        already scaled, as transformers' YaRN does.
        """
        return {
            "rope_parameters": {
                "rope_type": "yarn", "factor": self.factor, "rope_theta": self.rope_theta,
                "original_max_position_embeddings": self.original_max_position_embeddings,
            },
            "max_position_embeddings": max_model_len,
        }


class EngineSettings(BaseModel):
    backend: Literal["auto", "vllm", "openai", "extractive", "stub"] = Field(
        "auto", description="auto: vllm with a GPU and the model, else openai with a URL, else extractive."
    )
    model: Path = Field(Path("/models/AntAngelMed-FP8"), description="The model folder hospital IT mounts.")
    served_model_name: str = "AntAngelMed-FP8"
    quantization: Literal["fp8"] | None = "fp8"
    kv_cache_dtype: Literal["auto", "fp8"] = "fp8"
    speculative: Speculative = Field(default_factory=Speculative)
    yarn: Yarn | None = Field(default_factory=Yarn)
    max_model_len: int = Field(131072, gt=0)
    tensor_parallel_size: int = Field(1, ge=1)
    gpu_memory_utilization: float = Field(0.90, gt=0, le=1)
    enable_prefix_caching: bool = True
    trust_remote_code: bool = True
    dtype: str = "auto"
    enforce_eager: bool = False
    kv_cache_memory_bytes: int | None = Field(None, description="A fixed KV cache size (CPU tests).")
    max_num_seqs: int | None = None
    structured_output_backend: Literal["auto", "xgrammar", "guidance"] = Field(
        "guidance", description="guidance with no free whitespace: xgrammar let small models pad JSON with spaces."
    )

    url: str | None = Field(None, description="openai backend: the server's base URL, e.g. http://engine:8000/v1")
    api_key: SecretStr = SecretStr("EMPTY")
    timeout_s: float = Field(600, gt=0)
    max_retries: int = Field(3, ge=0)

    @model_validator(mode="after")
    def _draft_for_eagle3(self) -> "EngineSettings":
        if self.speculative.method == "eagle3" and self.speculative.draft_model is None:
            raise ValueError("speculative.method eagle3 needs speculative.draft_model")
        return self

    def _options(self) -> list[tuple[str, str, Any]]:
        """(vllm.LLM keyword, vllm serve flag, value) for every option that is set."""
        options: list[tuple[str, str, Any]] = [
            ("model", "--model", str(self.model)),
            ("served_model_name", "--served-model-name", self.served_model_name),
            ("quantization", "--quantization", self.quantization),
            ("kv_cache_dtype", "--kv-cache-dtype", self.kv_cache_dtype),
            ("max_model_len", "--max-model-len", self.max_model_len),
            ("tensor_parallel_size", "--tensor-parallel-size", self.tensor_parallel_size),
            ("gpu_memory_utilization", "--gpu-memory-utilization", self.gpu_memory_utilization),
            ("enable_prefix_caching", "--enable-prefix-caching", self.enable_prefix_caching),
            ("trust_remote_code", "--trust-remote-code", self.trust_remote_code),
            ("dtype", "--dtype", self.dtype),
            ("enforce_eager", "--enforce-eager", self.enforce_eager),
            ("kv_cache_memory_bytes", "--kv-cache-memory-bytes", self.kv_cache_memory_bytes),
            ("max_num_seqs", "--max-num-seqs", self.max_num_seqs),
            (
                "structured_outputs_config", "--structured-outputs-config",
                {"backend": self.structured_output_backend, "disable_any_whitespace": True},
            ),
            ("speculative_config", "--speculative-config", self.speculative.config()),
            ("hf_overrides", "--hf-overrides", self.yarn.hf_overrides(self.max_model_len) if self.yarn else None),
        ]
        return [(k, f, v) for k, f, v in options if v is not None]

    def llm_kwargs(self) -> dict[str, Any]:
        """Keyword arguments of the embedded engine: vllm.LLM(**kwargs) / AsyncEngineArgs(**kwargs)."""
        return {keyword: value for keyword, _, value in self._options()}

    def serve_args(self) -> list[str]:
        """The argument list of `vllm serve` (python -m vllm.entrypoints.openai.api_server)."""
        args: list[str] = []
        for _, flag, value in self._options():
            if isinstance(value, bool):
                args.append(flag if value else "--no-" + flag.removeprefix("--"))
            elif isinstance(value, dict):
                args += [flag, json.dumps(value, separators=(",", ":"))]
            else:
                args += [flag, str(value)]
        return args
