"""One engine configuration renders the embedded engine's keywords and the server's arguments,
and vLLM itself reads both the same way."""

from __future__ import annotations

import pytest

from app.settings import Settings
from engine import EngineSettings, choose_backend


def _parsed_both_ways(settings: EngineSettings):
    from vllm.engine.arg_utils import EngineArgs
    from vllm.utils.argparse_utils import FlexibleArgumentParser

    parser = FlexibleArgumentParser()
    EngineArgs.add_cli_args(parser)
    return EngineArgs.from_cli_args(parser.parse_args(settings.serve_args())), EngineArgs(**settings.llm_kwargs())


def _same(a, b) -> bool:
    if isinstance(b, dict) and not isinstance(a, dict):  # the parser builds the config object the dict describes
        return all(getattr(a, key) == value for key, value in b.items())
    # The server takes a list of served names; the engine a name or a list.
    return (a if not isinstance(a, list) else a[0] if len(a) == 1 else a) == (b if not isinstance(b, list) else b)


@pytest.mark.parametrize(
    "settings",
    [
        EngineSettings(),  # production: FP8, EAGLE3, YaRN to 128K, prefix caching
        EngineSettings(speculative={"method": "ngram", "num_speculative_tokens": 4}, quantization=None, kv_cache_dtype="auto"),
        EngineSettings(speculative={"method": None}, yarn=None, enforce_eager=True, kv_cache_memory_bytes=1 << 30),
    ],
    ids=["production", "ngram", "plain"],
)
def test_vllm_reads_the_server_arguments_exactly_as_the_engine_keywords(settings, tmp_path):
    # Folders that exist stand in for the mounted weights: offline, vLLM takes a missing path for a
    # hub repository name and rejects it before parsing anything.
    (tmp_path / "model").mkdir()
    (tmp_path / "draft").mkdir()
    settings = settings.model_copy(update={
        "model": tmp_path / "model",
        "speculative": settings.speculative.model_copy(update={"draft_model": tmp_path / "draft"})
        if settings.speculative.draft_model else settings.speculative,
    })
    from_cli, from_kwargs = _parsed_both_ways(settings)
    for keyword in settings.llm_kwargs():
        assert _same(getattr(from_cli, keyword), getattr(from_kwargs, keyword)), keyword


def test_defaults_target_the_mounted_fp8_model_with_eagle3_and_yarn_to_128k():
    kwargs = EngineSettings().llm_kwargs()
    assert kwargs["model"] == "/models/AntAngelMed-FP8" and kwargs["served_model_name"] == "AntAngelMed-FP8"
    assert (kwargs["quantization"], kwargs["kv_cache_dtype"]) == ("fp8", "fp8")
    assert kwargs["speculative_config"] == {"method": "eagle3", "num_speculative_tokens": 3, "model": "/models/AntAngelMed-FP8-eagle3"}
    assert kwargs["hf_overrides"] == {
        "rope_parameters": {"rope_type": "yarn", "factor": 4.0, "rope_theta": 600000.0, "original_max_position_embeddings": 32768},
        "max_position_embeddings": 131072,
    }
    assert kwargs["max_model_len"] == 131072 and kwargs["enable_prefix_caching"] and kwargs["trust_remote_code"]
    args = EngineSettings().serve_args()
    assert args[args.index("--max-model-len") + 1] == "131072" and "--enable-prefix-caching" in args


def test_engine_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLINSUM_ENGINE__URL", "http://engine:8000/v1")
    monkeypatch.setenv("CLINSUM_ENGINE__SPECULATIVE__METHOD", "ngram")
    engine = Settings().engine
    assert engine.url == "http://engine:8000/v1" and engine.speculative.method == "ngram"


def test_the_backend_is_chosen_by_what_is_there_and_says_why(tmp_path):
    assert choose_backend(EngineSettings(backend="stub")) == ("stub", "set in the configuration")
    backend, why = choose_backend(EngineSettings(model=tmp_path / "absent"))
    assert backend == "extractive" and "no model" in why
    backend, why = choose_backend(EngineSettings(model=tmp_path / "absent", url="http://engine:8000/v1"))
    assert backend == "openai" and "http://engine:8000/v1" in why
