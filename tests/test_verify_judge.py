"""The LLM judge on the scripted stub engine: each verdict, each way a reply can fail, and the prompt's shape."""

from __future__ import annotations

import json

import pytest

from app.verify import verify_all
from app.verify.base import MAX_REASON, Check, Claim, FaultKind
from app.verify.judge import JudgeCheck, read_reply, render_record, reply_schema
from engine.base import EngineError
from engine.stub import StubEngine, timeout

PASSAGES = {
    "P1": "Furosemide 40 mg twice daily was started.",
    "P2": "Echocardiogram: ejection fraction 30 percent.",
    "P3": "No known drug allergies.",
}
STATEMENTS = [
    ("Furosemide 40 mg twice daily was started.", ["P1"]),
    ("Ejection fraction was 55 percent.", ["P2"]),
    ("Allergic to penicillin.", ["P3"]),
]


def claims(statements=STATEMENTS) -> list[Claim]:
    return [Claim(text, tuple(cites), PASSAGES) for text, cites in statements]


def reply(*entries: tuple[int, str, str | None]) -> str:
    return json.dumps({"verdicts": [{"index": i, "verdict": v, "passage": p} for i, v, p in entries]})


def test_is_a_check_named_judge():
    assert isinstance(JudgeCheck(StubEngine()), Check) and JudgeCheck(StubEngine()).name == "judge"


def test_supported_contradicted_and_not_found_become_no_finding_contradicted_and_not_found():
    engine = StubEngine([reply((1, "supported", "P1"), (2, "contradicted", "P2"), (3, "not_found", None))])
    judge = JudgeCheck(engine)
    found = judge.findings(claims())
    assert found[0] == ()
    [contradicted], [missing] = found[1], found[2]
    assert contradicted.kind is FaultKind.CONTRADICTED and contradicted.stage == "judge" and "P2" in contradicted.reason
    assert contradicted.spans[0].source == "P2" and contradicted.spans[0].end == len(PASSAGES["P2"])
    assert missing.kind is FaultKind.NOT_FOUND and "P3" in missing.reason and missing.spans == ()
    assert judge.unjudged == 0 and len(engine.requests) == 1


def test_the_request_puts_the_record_first_and_asks_for_json_of_the_schema():
    engine = StubEngine([reply((1, "supported", "P1"), (2, "supported", "P2"), (3, "supported", "P3"))])
    JudgeCheck(engine).findings(claims())
    [request] = engine.requests
    system, user = request.messages
    assert system.role == "system" and user.content.startswith(render_record(PASSAGES))
    assert "1. Furosemide 40 mg twice daily was started. (cites P1)" in user.content
    assert request.json_schema == reply_schema(3, ["P1", "P2", "P3"]) and request.temperature == 0.0


def test_batches_share_one_record_prefix_and_the_first_goes_alone_to_warm_the_cache():
    statements = [(f"Statement {n}.", ["P1"]) for n in range(5)]
    engine = StubEngine([reply((1, "supported", "P1"), (2, "supported", None))] * 3)
    judge = JudgeCheck(engine, batch_size=2)
    assert judge.findings(claims(statements)) == [()] * 5 and judge.unjudged == 0
    prefixes = {r.messages[1].content.split("\n\nTask:")[0] for r in engine.requests}
    assert len(engine.requests) == 3 and prefixes == {render_record(PASSAGES)}
    assert [r.json_schema["properties"]["verdicts"]["maxItems"] for r in engine.requests] == [2, 2, 1]


def test_a_record_too_long_for_the_context_sends_each_batch_its_cited_passages():
    engine = StubEngine([reply((1, "supported", "P2"))], context_length=1100)  # the record does not fit beside a reply
    JudgeCheck(engine, max_tokens=64).findings(claims([STATEMENTS[1]]))
    assert engine.requests[0].messages[1].content.startswith("[P2] Echocardiogram")
    assert "[P1]" not in engine.requests[0].messages[1].content


@pytest.mark.parametrize("bad", ["not json at all", '{"verdicts": "many"}', '[{"index": "one"}]',
                                 reply((1, "maybe", "P1"), (9, "contradicted", "P1"))])
def test_a_malformed_reply_judges_nothing_and_counts_the_statements_unjudged(bad):
    judge = JudgeCheck(StubEngine([bad]))
    assert judge.findings(claims()) == [(), (), ()] and judge.unjudged == 3


def test_a_missing_index_leaves_that_statement_unjudged():
    judge = JudgeCheck(StubEngine([reply((1, "contradicted", "P1"), (3, "supported", "P3"))]))
    found = judge.findings(claims())
    assert found[0][0].kind is FaultKind.CONTRADICTED and found[1] == () and found[2] == ()
    assert judge.unjudged == 1


@pytest.mark.parametrize("error", [timeout(), EngineError("internal", "boom")])
def test_an_engine_error_judges_nothing_and_never_raises(error):
    judge = JudgeCheck(StubEngine([error]))
    assert judge.findings(claims()) == [(), (), ()] and judge.unjudged == 3


def test_a_reply_cut_off_at_max_tokens_is_not_read():
    judge = JudgeCheck(StubEngine([reply((1, "contradicted", "P1")) + " " * 4000]), max_tokens=64)
    assert judge.findings(claims([STATEMENTS[0]])) == [()] and judge.unjudged == 1


def test_statements_citing_nothing_in_the_record_are_left_to_the_rules():
    engine = StubEngine()
    judge = JudgeCheck(engine)
    assert judge.findings(claims([("Not documented in the record.", []), ("Cites a ghost.", ["P99"])])) == [(), ()]
    assert engine.requests == [] and judge.unjudged == 0


def test_a_passage_the_statement_does_not_cite_is_not_named_and_reasons_stay_short():
    many = {f"P{n}": "Some text." for n in range(1, 80)}
    claim = Claim("Something else entirely.", tuple(many), many)
    [[finding]] = JudgeCheck(StubEngine([reply((1, "not_found", "P999"))])).findings([claim])
    assert finding.spans == () and finding.reason.startswith("The judge found no support") and len(finding.reason) <= MAX_REASON


def test_verify_all_runs_the_judge_after_the_rules():
    engine = StubEngine([reply((1, "contradicted", "P1"))])
    [verdict] = verify_all([STATEMENTS[0]], PASSAGES, checks=[JudgeCheck(engine)])
    assert verdict.stages == ("rules", "judge") and not verdict.supported
    assert verdict.findings[0].kind is FaultKind.CONTRADICTED


def test_read_reply_keeps_the_first_well_formed_entry_per_index():
    text = reply((1, "supported", None), (1, "contradicted", "P1"), (2, "not_found", None))
    assert read_reply(text, 2) == {1: ("supported", None), 2: ("not_found", None)}
    assert read_reply(json.dumps([{"index": True, "verdict": "supported", "passage": None}]), 1) == {}


def test_the_record_renders_the_same_whatever_order_the_passages_come_in():
    shuffled = {"P10": "ten", "P2": "two  words", "P1": "one", "X": "other"}
    assert render_record(shuffled) == "[P1] one\n[P2] two words\n[P10] ten\n[X] other"
    assert render_record(shuffled, ["P10", "P1", "P99"]) == "[P1] one\n[P10] ten"
