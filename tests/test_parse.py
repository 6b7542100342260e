"""The reply parser: every shape a model's reply arrives in reads as cited statements, and no
string, however broken, makes it raise."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.parse import _Reader, parse_summary
from engine.summary_format import SECTIONS, Section, Statement, Summary


def rows(parsed) -> list[tuple[str, str, list[str]]]:
    return [(s.title, x.text, x.citations) for s in parsed.summary.sections for x in s.statements]


SUMMARY = Summary(sections=[
    Section(title="Patient overview", statements=[Statement(text="68-year-old man with HFrEF, LVEF 30%.", citations=["P3"])]),
    Section(title="Medications with changes", statements=[
        Statement(text="Furosemide reduced to 40 mg p.o. daily.", citations=["P12", "P14"]),
        Statement(text="Metformin resumed at 500 mg b.i.d.", citations=["P20"]),
    ]),
    Section(title="Allergies", statements=[Statement(text="Penicillin (rash).", citations=["P5"])]),
])
JSON = json.dumps(SUMMARY.model_dump())


def test_valid_json_of_the_schema_reads_back_unchanged():
    parsed = parse_summary(JSON)
    assert parsed.summary == SUMMARY and parsed.problems == []


@pytest.mark.parametrize("wrap", [
    "```json\n{}\n```",
    "Here is the summary of the record:\n\n```\n{}\n```\nLet me know if you need more.",
    "Sure [see below]: {} Hope this helps.",
])
def test_json_in_a_fence_or_among_prose_reads_the_same(wrap):
    parsed = parse_summary(wrap.replace("{}", JSON))
    assert parsed.summary == SUMMARY and parsed.problems == []


def test_a_reply_cut_off_keeps_its_complete_statements_and_says_the_last_was_dropped():
    cut = JSON[: JSON.index("Metformin") + 5]
    parsed = parse_summary(cut, finish_reason="length")
    assert rows(parsed) == [
        ("Patient overview", "68-year-old man with HFrEF, LVEF 30%.", ["P3"]),
        ("Medications with changes", "Furosemide reduced to 40 mg p.o. daily.", ["P12", "P14"]),
    ]
    assert parsed.problems == [
        "The model's reply was cut off at its length limit; its unfinished last statement was dropped "
        "and the summary may be incomplete."
    ]


def test_broken_json_keeps_the_statements_that_are_whole():
    broken = JSON.replace('"citations": ["P12", "P14"]', '"citations": ["P12" "P14"]')
    parsed = parse_summary(broken)
    texts = [text for _, text, _ in rows(parsed)]
    assert texts == ["68-year-old man with HFrEF, LVEF 30%.", "Metformin resumed at 500 mg b.i.d.", "Penicillin (rash)."]
    assert parsed.problems == ["The model's reply was not valid JSON; 3 statements could be read from it and 1 could not."]


def test_keys_of_the_models_own_and_citations_in_any_spelling_are_understood():
    reply = json.dumps({"summary": [
        {"section": "MEDICATIONS", "items": [
            {"statement": "Furosemide 40 mg daily", "sources": "P12, P14"},
            {"text": "Spironolactone 12.5 mg daily", "citations": [7, "[P8]", "p9", "see passage"]},
        ]},
        {"heading": "Allergies:", "points": ["Penicillin (rash) [P5]"]},
    ]})
    parsed = parse_summary(reply)
    assert rows(parsed) == [
        ("Medications with changes", "Furosemide 40 mg daily", ["P12", "P14"]),
        ("Medications with changes", "Spironolactone 12.5 mg daily", ["P7", "P8", "P9"]),
        ("Allergies", "Penicillin (rash)", ["P5"]),
    ]
    assert parsed.problems == ["1 citation did not name a passage and was dropped."]


def test_a_mapping_of_titles_to_statements_reads_as_sections():
    parsed = parse_summary('{"Plan": ["BMP in 3 days (P6)"], "Key results": [{"text": "BNP 1840 pg/mL", "citations": "P40"}]}')
    assert rows(parsed) == [
        ("Key results", "BNP 1840 pg/mL", ["P40"]),
        ("Plan and follow-up", "BMP in 3 days", ["P6"]),
    ]


@pytest.mark.parametrize("text, cited, expected", [
    ("LVEF 30% [P12][P14].", [], ["P12", "P14"]),
    ("LVEF 30% (P12, P14).", [], ["P12", "P14"]),
    ("LVEF 30% [P12] [P14].", ["P12"], ["P12", "P14"]),
    ("LVEF 30% (see P12-P14).", [], ["P12", "P13", "P14"]),
    ("LVEF 30% [P12; P14].", [], ["P12", "P14"]),
])
def test_citations_written_into_the_text_move_to_the_citations(text, cited, expected):
    reply = json.dumps({"sections": [{"title": "Key results", "statements": [{"text": text, "citations": cited}]}]})
    assert rows(parse_summary(reply)) == [("Key results", "LVEF 30%.", expected)]


def test_the_markdown_form_reads_as_sections_whatever_the_heading_and_list_style():
    reply = """Here is the summary.

## Patient Overview
- 68 y.o. man with HFrEF [P3]

**Medications:**
1. Furosemide 40 mg p.o. daily [P12]
2) **Metformin** 500 mg b.i.d. (P20)

Allergies:
* Penicillin (rash) [P5]

### Social history
- Lives with his wife [P9]

OPEN QUESTIONS
- Not documented in the record.

I hope this helps!
"""
    parsed = parse_summary(reply)
    assert rows(parsed) == [
        ("Patient overview", "68 y.o. man with HFrEF", ["P3"]),
        ("Medications with changes", "Furosemide 40 mg p.o. daily", ["P12"]),
        ("Medications with changes", "Metformin 500 mg b.i.d.", ["P20"]),
        ("Allergies", "Penicillin (rash)", ["P5"]),
        ("Open questions", "Not documented in the record.", []),
        ("Social history", "Lives with his wife", ["P9"]),
    ]
    assert parsed.problems == []


def test_our_own_markdown_form_reads_back_unchanged():
    assert parse_summary(SUMMARY.markdown()).summary == SUMMARY


def test_bullets_without_a_section_go_under_the_default_title():
    parsed = parse_summary("- LVEF 30% [P12]\n- BNP 1840 pg/mL [P40]\n", default_title="Answer")
    assert rows(parsed) == [("Answer", "LVEF 30%", ["P12"]), ("Answer", "BNP 1840 pg/mL", ["P40"])]


@pytest.mark.parametrize("title, canonical", [
    ("patient overview", "Patient overview"),
    ("1. Problems & Diagnoses", "Problems and diagnoses"),
    ("Medication changes", "Medications with changes"),
    ("Allergies and intolerances", "Allergies"),
    ("Key results with values and dates", "Key results"),
    ("Labs", "Key results"),
    ("Hospital Course:", "Hospital course"),
    ("Plan and follow up", "Plan and follow-up"),
    ("Pending items", "Open questions"),
    ("Procedres", "Procedures"),
    ("Social history", "Social history"),
    ("Answer", "Answer"),
])
def test_section_titles_match_ours_loosely_and_unknown_ones_are_kept(title, canonical):
    reply = json.dumps({"sections": [{"title": title, "statements": [{"text": "A fact.", "citations": ["P1"]}]}]})
    assert [s.title for s in parse_summary(reply).summary.sections] == [canonical]


def test_sections_come_in_our_order_and_a_repeated_title_is_one_section():
    reply = "## Allergies\n- Penicillin [P5]\n## Patient overview\n- 68 y.o. man [P3]\n## allergies\n- Sulfa [P6]\n"
    summary = parse_summary(reply).summary
    assert [(s.title, len(s.statements)) for s in summary.sections] == [("Patient overview", 1), ("Allergies", 2)]


def test_empty_statements_are_dropped():
    reply = json.dumps({"sections": [{"title": "Allergies", "statements": [
        {"text": "  ", "citations": ["P1"]}, {"text": "[P2]", "citations": []}, {"text": "Penicillin", "citations": ["P5"]},
    ]}]})
    assert rows(parse_summary(reply)) == [("Allergies", "Penicillin", ["P5"])]


def test_a_markdown_reply_cut_off_drops_its_unfinished_last_line():
    parsed = parse_summary("## Allergies\n- Penicillin (rash) [P5]\n- Sulfa, hi", finish_reason="length")
    assert rows(parsed) == [("Allergies", "Penicillin (rash)", ["P5"])]
    assert parsed.problems == [
        "The model's reply was cut off at its length limit; its unfinished last statement was dropped "
        "and the summary may be incomplete."
    ]


def test_prose_without_the_format_is_kept_line_by_line_and_flagged():
    parsed = parse_summary("The patient has heart failure.\nHe is allergic to penicillin.")
    assert [text for _, text, _ in rows(parsed)] == ["The patient has heart failure.", "He is allergic to penicillin."]
    assert parsed.problems == ["The model's reply was not in the summary format; each of its lines was read as a statement."]


@pytest.mark.parametrize("reply", ["", "   \n", "{not json", '{"sections": []}', "```json\n{\"sections\": [{\"title\": \"A", "[]"])
def test_a_reply_with_nothing_readable_is_an_empty_summary_with_a_problem(reply):
    parsed = parse_summary(reply)
    assert parsed.summary.sections == [] and parsed.statements == 0
    assert len(parsed.problems) == 1 and ("empty" in parsed.problems[0] or "Nothing could be read" in parsed.problems[0])


def test_problems_never_quote_the_reply():
    secret = "Furosemide 40 mg for [PERSON_1]"
    for reply in (f'{{"sections": [{{"title": "X", "statements": [{{"text": "{secret}", "citations": ["{secret}"]}}', f"{{{secret}"):
        assert not any("PERSON" in p or "Furosemide" in p for p in parse_summary(reply, "length").problems)


# --- never raises ---------------------------------------------------------------------------------
# These call the parser without parse_summary's safety net, so a bug shows as a failure here.

def read(text: str, finish_reason: str = "stop"):
    return _Reader(text, finish_reason == "length", "Summary").read()


_WORDS = st.sampled_from(["furosemide", "40", "mg", "daily", "LVEF", "30%", "BNP", "1840", "pg/mL", "left", "knee", "resumed", "held", "[PERSON_1]"])
_TEXT = st.lists(_WORDS, min_size=1, max_size=8).map(" ".join)
_CITES = st.lists(st.integers(1, 400).map(lambda n: f"P{n}"), max_size=3, unique=True)
_SUMMARIES = st.lists(
    st.tuples(st.sampled_from(SECTIONS), st.lists(st.builds(Statement, text=_TEXT, citations=_CITES), min_size=1, max_size=4)),
    min_size=1, max_size=5, unique_by=lambda t: t[0],
).map(lambda secs: Summary(sections=[Section(title=t, statements=s) for t, s in sorted(secs, key=lambda t: SECTIONS.index(t[0]))]))

_STRUCTURAL = st.text(alphabet='{}[]":,#*-_()P0123456789 \n\\abctexiolsnr`', max_size=300)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=500), _STRUCTURAL), st.sampled_from(["stop", "length"]))
def test_any_text_parses_without_raising(text, finish):
    parsed = read(text, finish)
    assert all(x.text.strip() for s in parsed.summary.sections for x in s.statements)
    assert parse_summary(text, finish) is not None


@settings(max_examples=200)
@given(_SUMMARIES)
def test_valid_json_and_markdown_read_back_exactly(summary):
    assert read(json.dumps(summary.model_dump())).summary == summary
    assert read(summary.markdown()).summary == summary


@settings(max_examples=300)
@given(_SUMMARIES, st.data())
def test_truncated_json_yields_a_prefix_of_the_statements_and_invents_nothing(summary, data):
    text = json.dumps(summary.model_dump())
    cut = data.draw(st.integers(0, len(text)))
    parsed = read(text[:cut], "length")
    original = [(s.title, x.text, x.citations) for s in summary.sections for x in s.statements]
    got = rows(parsed)
    assert got == original[: len(got)]


@settings(max_examples=300)
@given(_SUMMARIES, st.data())
def test_mutated_json_parses_without_raising_and_keeps_only_text_from_the_reply(summary, data):
    text = json.dumps(summary.model_dump())
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        change = data.draw(st.sampled_from(["delete", "insert", "replace"]))
        char = data.draw(st.sampled_from(list('{}[]",: P1\n')))
        text = text[:at] + (char if change != "delete" else "") + text[at + (change != "insert"):]
    for _, statement, _ in rows(read(text)):
        assert all(word.strip(".,;:") in text for word in statement.split())
