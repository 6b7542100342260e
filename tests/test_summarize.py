"""Summaries and answers over one or several prompts: the prompts as an engine sees them, map and
reduce, the faults a model produces, and the extractive engine end to end."""

from __future__ import annotations

import json
import logging
import os
from unittest import mock

import pytest
from langsmith import Client, tracing_context
from langsmith.run_helpers import get_current_run_tree

from app.prompts import (
    MERGE_TASK,
    SUMMARY_TASK,
    SYSTEM,
    merge_answers_task,
    merge_request,
    question_request,
    question_task,
    summary_request,
)
from app.summarize import ModelOutputError, ask, summarize
from engine import EngineError, estimate_tokens
from engine.extractive import ExtractiveEngine
from engine.stub import StubEngine, timeout
from engine.summary_format import SECTIONS, Section, Statement, Summary, json_schema
from ingestion import IngestionSettings, ingest
from ingestion.record_format import citations_in

RECORD = (
    "## Document 1 · Discharge summary · 2022-11-02\n"
    "[P1] Furosemide 40 mg p.o. daily.\n"
    "[P2] ALLERGIES: Penicillin (rash).\n"
)
PARTS = [
    "## Document 1 · Progress note · 2022-09-18\n[P1] 68 y.o. man with HFrEF.\n[P2] Furosemide 20 mg daily.\n",
    "## Document 2 · Discharge summary · 2022-10-11\n[P3] Furosemide 40 mg b.i.d.\n[P4] ALLERGIES: Penicillin (rash).\n",
    "## Document 3 · Progress note · 2022-11-20\n[P5] Reduce furosemide to 40 mg daily.\n[P6] BMP in 1 week.\n",
]


def reply(*sections: tuple[str, list[tuple[str, list[str]]]]) -> str:
    return json.dumps({"sections": [
        {"title": title, "statements": [{"text": text, "citations": cites} for text, cites in statements]}
        for title, statements in sections
    ]})


def full_reply(**overrides: list[tuple[str, list[str]]]) -> str:
    return reply(*((title, overrides.get(title, [("Not documented in the record.", [])])) for title in SECTIONS))


# --- the prompts ----------------------------------------------------------------------------------

def test_the_record_comes_before_the_task_and_a_question_shares_the_whole_record_prefix():
    summary = summary_request(RECORD)
    question = question_request(RECORD, "What dose of furosemide?")
    assert [m.role for m in summary.messages] == ["system", "user"] == [m.role for m in question.messages]
    assert summary.messages[0].content == question.messages[0].content == SYSTEM
    assert summary.messages[1].content.startswith(RECORD.rstrip() + "\n\nTask: write a sectioned clinical summary")
    assert summary.messages[1].content.endswith(SUMMARY_TASK)
    shared = os.path.commonprefix([summary.messages[1].content, question.messages[1].content])
    assert shared.startswith(RECORD.rstrip()) and len(shared) > len(RECORD)
    assert question.messages[1].content.endswith("Question: What dose of furosemide?")


def test_the_tasks_name_every_section_in_order_and_never_look_like_record_lines():
    for task in (SUMMARY_TASK, MERGE_TASK):
        positions = [task.index(f". {title}:") for title in SECTIONS]
        assert positions == sorted(positions)
    tasks = [SUMMARY_TASK, MERGE_TASK, question_task("a\n[P1] b\n## Document 9 · X · 2020"), merge_answers_task("q?")]
    for task in tasks:
        for line in task.splitlines():
            assert not line.startswith(("[P", "## Document"))
    assert [sum(line.startswith("Question:") for line in t.splitlines()) for t in tasks] == [0, 0, 1, 0]
    # The task fits the tokens ingestion keeps for it, with room to spare.
    assert max(estimate_tokens(SYSTEM + t) for t in tasks) < 1024


def test_a_record_with_braces_renders_literally():
    record = "## Document 1 · Note · 2022-01-01\n[P1] Dose {x} per {day}.\n"
    assert summary_request(record).messages[1].content.startswith(record.rstrip())


def test_partial_summaries_render_between_markers_in_the_markdown_form_on_single_lines():
    partial = Summary(sections=[Section(title="Allergies", statements=[Statement(text="Penicillin\n[P9] rash", citations=["P2"])])])
    content = merge_request([partial, partial]).messages[1].content
    assert content.startswith('<partial_summary part="1" of="2">\n## Allergies\n- Penicillin [P9] rash [P2]\n</partial_summary>')
    assert not any(line.startswith("[P") for line in content.splitlines())


# --- one prompt, several, and the stub's faults ---------------------------------------------------

def test_one_prompt_is_one_call_with_the_summary_schema():
    engine = StubEngine([full_reply(**{"Allergies": [("Penicillin (rash).", ["P2"])]})])
    draft = summarize([RECORD], engine, max_tokens=2000)
    [request] = engine.requests
    assert request.json_schema == json_schema() and request.max_tokens == 2000
    assert [s.title for s in draft.summary.sections] == list(SECTIONS)
    assert draft.summary.sections[3].statements == [Statement(text="Penicillin (rash).", citations=["P2"])]
    assert [(c.stage, c.finish_reason) for c in draft.calls] == [("single", "stop")] and draft.problems == []


def test_several_prompts_are_summarized_in_one_batch_then_merged_keeping_their_citations():
    maps = [
        full_reply(**{"Medications with changes": [("Furosemide 20 mg daily.", ["P2"])]}),
        full_reply(**{"Medications with changes": [("Furosemide 40 mg b.i.d.", ["P3"])], "Allergies": [("Penicillin (rash).", ["P4"])]}),
        full_reply(**{"Medications with changes": [("Furosemide reduced to 40 mg daily.", ["P5"])]}),
    ]
    merged = full_reply(**{
        "Medications with changes": [("Furosemide reduced to 40 mg daily (was 40 mg b.i.d.).", ["P5", "P3"])],
        "Allergies": [("Penicillin (rash).", ["P4"])],
    })
    engine = StubEngine([*maps, merged])
    generate = mock.Mock(wraps=engine.generate)
    engine.generate = generate
    progress = []
    draft = summarize(PARTS, engine, on_progress=lambda done, total: progress.append((done, total)))
    assert [len(call.args[0]) for call in generate.call_args_list] == [3, 1]  # the map step is one batch
    assert [c.stage for c in draft.calls] == ["map", "map", "map", "reduce"]
    assert progress[0] == (0, 4) and progress[-1] == (4, 4)
    # Each part is summarized from its own prompt; the merge sees the partials, not the record.
    assert [PARTS[i].rstrip() in r.messages[1].content for i, r in enumerate(engine.requests[:3])] == [True] * 3
    merge = engine.requests[3].messages[1].content
    assert merge.count("<partial_summary part=") == 3 and "- Furosemide 40 mg b.i.d. [P3]" in merge
    assert "[P1] 68 y.o." not in merge
    cited = {c for s in draft.summary.sections for st in s.statements for c in st.citations}
    assert cited == {"P3", "P4", "P5"} and draft.problems == []


def test_citations_of_passages_not_in_the_record_are_kept_and_reported():
    engine = StubEngine([full_reply(**{"Allergies": [("Penicillin (rash).", ["P2", "P999"])]})])
    draft = summarize([RECORD], engine)
    assert draft.summary.sections[3].statements[0].citations == ["P2", "P999"]  # the verifier flags it
    assert draft.problems == ["1 citation named passages that are not in the record; its statement is flagged."]


def test_partials_too_large_to_merge_at_once_are_merged_in_rounds():
    partial = full_reply(**{"Hospital course": [(f"Day {i}: furosemide 40 mg IV b.i.d.", ["P1"]) for i in range(10)]})
    parsed = Summary.model_validate_json(partial)
    three = sum(estimate_tokens(m.content) + 16 for m in merge_request([parsed] * 3).messages)
    # Room for two partials in a merge, not three: five parts merge as 2+2+1, then 2+1, then 2.
    engine = StubEngine([partial] * 9, context_length=2000 + three - 1)
    parts = [f"## Document {i} · Note · 2022-01-0{i}\n[P1] x\n" for i in range(1, 6)]
    progress = []
    draft = summarize(parts, engine, max_tokens=2000, on_progress=lambda done, total: progress.append((done, total)))
    assert [c.stage for c in draft.calls] == ["map"] * 5 + ["reduce"] * 4
    assert [r.messages[1].content.count("<partial_summary part=") for r in engine.requests[5:]] == [2, 2, 2, 2]
    for request in engine.requests[5:]:
        assert sum(estimate_tokens(m.content) + 16 for m in request.messages) <= engine.context_length - 2000
    assert progress[-1] == (9, 9) and all(done <= total for done, total in progress)


@pytest.mark.parametrize("bad", ["{not json", "", "   ", '{"sections": []}'])
def test_a_reply_with_nothing_readable_raises_model_output_error_without_record_text(bad):
    with pytest.raises(ModelOutputError) as error:
        summarize([RECORD], StubEngine([bad]))
    assert str(error.value) == "Nothing could be read from the model's reply."


def test_an_unreadable_part_names_the_part():
    engine = StubEngine([full_reply(), "{not json"])
    with pytest.raises(ModelOutputError, match=r"\(part 2 of 3\)"):
        summarize(PARTS, engine)


def test_a_truncated_reply_keeps_its_whole_statements_and_reports_the_cut():
    text = full_reply(**{"Allergies": [("Penicillin (rash).", ["P2"])], "Procedures": [("Right knee arthroscopy 2019.", ["P1"])]})
    engine = StubEngine([text[: text.index("Right knee") + 5]])
    draft = summarize([RECORD], engine)
    titles = [s.title for s in draft.summary.sections]
    assert titles == list(SECTIONS[:4])
    assert draft.problems[0].startswith("The model's reply was not valid JSON; 4 statements could be read from it")
    assert draft.problems[1] == "The summary has no section for: Procedures, Key results, Hospital course, Plan and follow-up, Open questions."


def test_a_reply_cut_at_the_token_limit_says_so():
    text = full_reply(**{"Allergies": [("Penicillin (rash).", ["P2"])]})
    engine = StubEngine([text])
    draft = summarize([RECORD], engine, max_tokens=estimate_tokens(text) // 2)
    assert draft.calls[0].finish_reason == "length"
    assert draft.problems[0].startswith("The model's reply was cut off at its length limit")


def test_unknown_titles_are_kept_and_inline_citations_move_out_of_the_text():
    engine = StubEngine([reply(
        ("Meds", [("Furosemide 40 mg p.o. daily [P1].", [])]),
        ("Allergy list", [("Penicillin (rash) (P2)", [])]),
        ("Social history", [("Lives alone [P1]", [])]),
    )])
    draft = summarize([RECORD], engine)
    got = [(s.title, [(st.text, st.citations) for st in s.statements]) for s in draft.summary.sections]
    assert got == [
        ("Medications with changes", [("Furosemide 40 mg p.o. daily.", ["P1"])]),
        ("Allergies", [("Penicillin (rash)", ["P2"])]),
        ("Social history", [("Lives alone", ["P1"])]),
    ]


def test_a_markdown_reply_from_an_engine_without_structured_output_is_read():
    engine = StubEngine(["## Allergies\n- Penicillin (rash) [P2]\n## Medications\n- Furosemide 40 mg p.o. daily [P1]\n"])
    draft = summarize([RECORD], engine)
    assert [(s.title, s.statements[0].citations) for s in draft.summary.sections] == [
        ("Medications with changes", ["P1"]), ("Allergies", ["P2"]),
    ]


def test_an_engine_error_reaches_the_caller():
    with pytest.raises(EngineError) as error:
        summarize(PARTS, StubEngine([timeout()]))
    assert error.value.kind == "timeout"
    engine = StubEngine([full_reply(), full_reply(), full_reply(), timeout()])
    with pytest.raises(EngineError):
        summarize(PARTS, engine)  # in the merge, too


def test_a_question_over_several_parts_is_asked_of_each_and_the_answers_merged():
    answers = [
        reply(("Answer", [("Not documented in the record.", [])])),
        reply(("Answer", [("Furosemide 40 mg b.i.d. at discharge.", ["P3"])])),
        reply(("Answer", [("Furosemide reduced to 40 mg daily.", ["P5"])])),
        reply(("Answer", [("Furosemide was reduced to 40 mg daily (from 40 mg b.i.d.).", ["P5", "P3"])])),
    ]
    engine = StubEngine(answers)
    draft = ask(PARTS, "What is the current furosemide dose?", engine)
    assert [c.stage for c in draft.calls] == ["ask", "ask", "ask", "reduce"]
    merge = engine.requests[3].messages[1].content
    assert merge.count("<partial_answer part=") == 3 and "The question was: What is the current furosemide dose?" in merge
    assert not any(line.startswith("Question:") for line in merge.splitlines())
    assert draft.summary.sections[0].statements[0].citations == ["P5", "P3"]


def test_a_question_on_one_prompt_is_one_call_and_bullets_go_under_answer():
    engine = StubEngine(["- Furosemide 40 mg p.o. daily [P1]"])
    draft = ask([RECORD], "What dose of furosemide?", engine)
    assert [c.stage for c in draft.calls] == ["ask"]
    assert draft.summary.sections == [Section(title="Answer", statements=[Statement(text="Furosemide 40 mg p.o. daily", citations=["P1"])])]


def test_nothing_is_traced_off_site_even_where_tracing_is_switched_on():
    seen = []

    class Spy(StubEngine):
        def generate(self, requests):
            seen.append(get_current_run_tree())
            return super().generate(requests)

    with tracing_context(enabled=True, client=mock.Mock(spec=Client)):
        summarize(PARTS, Spy())
    assert seen == [None, None]


# --- the extractive engine end to end -------------------------------------------------------------

@pytest.fixture(scope="module")
def split_record(sample_paths):
    # 3000 tokens a prompt: the sample record comes in three parts.
    record = ingest(sample_paths, IngestionSettings(workers=1, context_tokens=3000 + 2048 + 8192), estimate_tokens)
    assert len(record.prompts) == 3
    return record


@pytest.fixture(scope="module")
def split_draft(split_record):
    return summarize([p.text for p in split_record.prompts], ExtractiveEngine(), max_tokens=8192)


def test_the_extractive_engine_summarizes_a_record_in_three_parts(split_record, split_draft):
    draft = split_draft
    assert [c.stage for c in draft.calls] == ["map", "map", "map", "reduce"] and draft.problems == []
    assert [s.title for s in draft.summary.sections] == list(SECTIONS)
    passages = {p.id: " ".join(p.safe_text.split()) for p in split_record.passages}
    for section in draft.summary.sections:
        for st in section.statements:
            assert st.citations or st.text == "Not documented in the record."
            for pid in st.citations:  # each statement quotes the passage it cites
                assert st.text.replace(" ", "")[:20] in passages[pid].replace("*", "").replace("|", "").replace(" ", "")


def test_merging_the_parts_lets_the_newest_document_win(split_draft):
    meds = " ".join(st.text for st in split_draft.summary.sections[2].statements).lower()
    assert "49/51" in meds and "24/26 mg b.i.d" not in meds
    assert "resume metformin at 500 mg" in meds and "metformin 1000 mg" not in meds
    assert any("Penicillin" in st.text for st in split_draft.summary.sections[3].statements)
    assert any("Iron studies" in st.text for st in split_draft.summary.sections[8].statements)


def test_the_extractive_engine_answers_over_a_record_in_three_parts(split_record):
    draft = ask([p.text for p in split_record.prompts], "What was the ejection fraction on echocardiogram?", ExtractiveEngine())
    assert [c.stage for c in draft.calls] == ["ask", "ask", "ask", "reduce"]
    [section] = draft.summary.sections
    assert section.title == "Answer" and any("LVEF 30%" in st.text for st in section.statements)
    ids = {p.id for p in split_record.passages}
    assert all(set(st.citations) <= ids and st.citations for st in section.statements)


def test_a_summary_and_a_question_on_the_same_part_share_its_prompt_prefix(split_record):
    text = split_record.prompts[1].text
    a, b = summary_request(text), question_request(text, "Which allergies?")
    assert a.messages[0] == b.messages[0]
    assert os.path.commonprefix([a.messages[1].content, b.messages[1].content]).startswith(text.rstrip() + "\n\nTask: ")


def test_logs_carry_no_record_text(split_record, caplog):
    caplog.set_level(logging.DEBUG)
    summarize([p.text for p in split_record.prompts], ExtractiveEngine(), max_tokens=8192)
    with pytest.raises(ModelOutputError):
        summarize([split_record.prompts[0].text], StubEngine(["{not json"]))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for passage in split_record.passages[:50]:
        assert " ".join(passage.safe_text.split())[:30] not in logged
    assert "[PERSON_" not in logged and not citations_in(logged)
