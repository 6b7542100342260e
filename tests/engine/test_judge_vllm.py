"""The LLM judge on real vLLM (CPU, the tiny BailingMoeV2): its JSON schema holds the reply to one
well-formed verdict per statement. Wiring only: the tiny model's weights are random, so what it
decides means nothing."""

from __future__ import annotations

import json

import pytest

from app.verify import verify_all
from app.verify.base import Claim, FaultKind
from app.verify.judge import VERDICTS, JudgeCheck, read_reply
from engine.vllm_backend import VllmEngine
from tests.engine.conftest import tiny_settings

PASSAGES = {
    "P1": "Furosemide 40 mg twice daily was started for heart failure.",
    "P2": "Echocardiogram shows ejection fraction 30 percent.",
    "P3": "Allergies: penicillin (rash).",
    "P4": "Creatinine returned to 1.3 mg/dL.",
}
STATEMENTS = [
    ("Furosemide 40 mg twice daily was started.", ["P1"]),
    ("Ejection fraction was 55 percent.", ["P2"]),
    ("No known drug allergies.", ["P3"]),
    ("Creatinine was 1.3 mg/dL.", ["P4", "P1"]),
    ("Spironolactone was stopped.", ["P1"]),
]


@pytest.fixture(scope="module")
def engine(tiny_model):
    engine = VllmEngine(tiny_settings(tiny_model))
    yield engine
    engine.close()


class Recording:
    """The engine, keeping each reply so the test can read it against the schema it was asked for."""

    def __init__(self, engine):
        self.engine, self.seen = engine, []

    def generate(self, requests):
        generations = self.engine.generate(requests)
        self.seen += list(zip(requests, generations, strict=True))
        return generations

    def __getattr__(self, name):
        return getattr(self.engine, name)


def test_the_judges_schema_holds_the_tiny_model_to_one_verdict_per_statement(engine):
    import jsonschema

    recording = Recording(engine)
    judge = JudgeCheck(recording, batch_size=2, max_tokens=256)
    claims = [Claim(text, tuple(cites), PASSAGES) for text, cites in STATEMENTS]
    found = judge.findings(claims)
    assert len(recording.seen) == 3  # batches of 2, 2 and 1
    for request, generation in recording.seen:
        assert generation.finish_reason == "stop", generation.text[-80:]
        jsonschema.validate(json.loads(generation.text), request.json_schema)
        count = request.json_schema["properties"]["verdicts"]["maxItems"]
        assert sorted(read_reply(generation.text, count)) == list(range(1, count + 1))
        assert all(v in VERDICTS for v, _ in read_reply(generation.text, count).values())
    assert judge.unjudged == 0 and len(found) == len(claims)
    assert all(len(f) <= 1 and all(x.kind in (FaultKind.CONTRADICTED, FaultKind.NOT_FOUND) and x.stage == "judge"
                                   for x in f) for f in found)
    # Every request opened with the same record, so all but the first were served from the prefix cache.
    later = [g.usage.cached_prompt_tokens or 0 for _, g in recording.seen[1:]]
    assert min(later) >= 0.5 * recording.seen[0][1].usage.prompt_tokens


def test_verify_all_with_the_judge_on_vllm_lists_both_stages(engine):
    verdicts = verify_all(STATEMENTS, PASSAGES, checks=[JudgeCheck(engine, max_tokens=256)])
    assert len(verdicts) == len(STATEMENTS) and all(v.stages == ("rules", "judge") for v in verdicts)
