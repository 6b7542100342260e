"""The stub engine: the contract, and the faults tests script with it."""

import pytest

from engine import EngineError
from engine.stub import StubEngine, timeout
from tests.engine.contract import EngineContract, request


class TestStubContract(EngineContract):
    @pytest.fixture
    def engine(self):
        return StubEngine()


def test_scripted_replies_and_faults_come_in_order():
    engine = StubEngine(["{not json", "[P999] unknown passage", timeout(), RuntimeError("engine crashed")])
    assert engine.generate([request()])[0].text == "{not json"
    assert engine.generate([request()])[0].text == "[P999] unknown passage"
    with pytest.raises(EngineError) as error:
        engine.generate([request()])
    assert error.value.kind == "timeout"
    with pytest.raises(RuntimeError):
        engine.generate([request()])
    assert len(engine.requests) == 4  # tests can see what reached the engine


def test_a_reply_longer_than_max_tokens_is_truncated_and_says_so():
    engine = StubEngine(["word " * 500])
    [reply] = engine.generate([request(max_tokens=10)])
    assert reply.finish_reason == "length" and reply.usage.completion_tokens == 10
