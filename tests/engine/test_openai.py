"""The openai backend against a real vLLM OpenAI-compatible server on 127.0.0.1, started with the
argument list our configuration renders, serving the tiny model. One slow test module."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from engine import ChatRequest, EngineError
from engine.openai_backend import OpenAIEngine
from tests.engine.conftest import ROOT, tiny_settings
from tests.engine.contract import RECORD, EngineContract


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tiny_model, tmp_path_factory):
    port = _free_port()
    # The server speculates with ngram lookup, so ngram decoding is exercised here, in its own process.
    settings = tiny_settings(
        tiny_model, url=f"http://127.0.0.1:{port}/v1", timeout_s=120, max_retries=2,
        speculative={"method": "ngram", "num_speculative_tokens": 3},
    )
    log = tmp_path_factory.mktemp("server") / "server.log"
    args = [sys.executable, "-m", "vllm.entrypoints.openai.api_server", *settings.serve_args(),
            "--host", "127.0.0.1", "--port", str(port)]
    with open(log, "w") as out:
        # The server runs its engine in a process of its own, as in production.
        env = {k: v for k, v in os.environ.items() if k != "VLLM_ENABLE_V1_MULTIPROCESSING"}
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"the server exited:\n{log.read_text()[-3000:]}")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(1)
        else:
            pytest.fail("the server did not become healthy in 300 s")
        yield settings
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def openai_engine(server):
    engine = OpenAIEngine(server)
    yield engine
    engine.close()


class TestOpenAIContract(EngineContract):
    @pytest.fixture
    def engine(self, openai_engine):
        return openai_engine


def test_health_check_sees_the_server_and_our_model(openai_engine):
    assert openai_engine.health()


def test_token_counts_are_the_servers_tokenizer(openai_engine, tiny_model):
    from transformers import PreTrainedTokenizerFast

    tokenizer = PreTrainedTokenizerFast(tokenizer_file=str(tiny_model / "tokenizer.json"))
    assert openai_engine.count_tokens(RECORD) == len(tokenizer.encode(RECORD, add_special_tokens=False))


def test_an_unreachable_server_is_a_clear_error_after_bounded_retries(tiny_model):
    engine = OpenAIEngine(tiny_settings(tiny_model, url=f"http://127.0.0.1:{_free_port()}/v1", timeout_s=5, max_retries=1))
    assert not engine.health()
    started = time.monotonic()
    with pytest.raises(EngineError) as error:
        engine.generate([ChatRequest.of(("user", "hello"), max_tokens=4)])
    assert error.value.kind == "unavailable" and "cannot be reached" in str(error.value)
    assert time.monotonic() - started < 30  # retried with backoff, then gave up


def test_the_server_speculates_with_ngram_and_stays_greedy(openai_engine):
    request = ChatRequest.of(("user", RECORD * 3 + "\nSummarize."), max_tokens=32)
    first, second = openai_engine.generate([request, request])
    assert first.text == second.text  # greedy and deterministic with speculation on
    metrics = httpx.get(openai_engine.base_url.removesuffix("/v1") + "/metrics").text
    drafted = [float(line.split()[-1]) for line in metrics.splitlines() if line.startswith("vllm:spec_decode_num_draft_tokens_total")]
    assert drafted and sum(drafted) > 0
