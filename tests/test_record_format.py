"""The record format has one owner (ingestion/record_format.py): what it renders it reads back.

Property tests: a record stitched into prompts (one or several, documents split across them) and
read back gives the same passages, ids, order and text, whatever the text holds (brackets, ids of
other passages, headers, line breaks); the engine request the app builds carries exactly those
passages; and a citation written into a summary line is read back exactly.
"""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from app.parse import parse_summary
from app.prompts import question_request, summary_request
from engine.summary_format import CITATION_PATTERN, Section, Statement, Summary
from ingestion.models import DocType, Document, Page, Passage
from ingestion.record_format import (
    citations_in,
    ids_in_record,
    is_passage_id,
    passage_id,
    passage_number,
    read_record,
)
from ingestion.stitch import stitch

# Text that looks like the format itself, mixed with ordinary words and every kind of line break.
_TRICKY = st.sampled_from([
    "[P1]", "[P12] ", "P7", "[P", "]", "[PERSON_1]", "(table columns: A | B)", "## Document 2 · Radiology · 2023-01-01",
    "\n", "\r\n", "\f", "\u2028", "\x85", "\t", "  ", "Question: why?", "<partial_summary part=\"1\">", "·", "(",
])
_TEXT = st.lists(st.one_of(_TRICKY, st.text(max_size=6)), max_size=6).map("".join)
_COLUMNS = st.one_of(st.just(""), st.lists(st.sampled_from(["Test", "Result", "[P3]", "a\u2028b", "Units"]),
                                           min_size=1, max_size=3).map(" | ".join))


def _words(text: str) -> int:
    """A tokenizer stand-in: one token per whitespace-separated word, and one per line break."""
    return len(text.split()) + text.count("\n")


@st.composite
def records(draw):
    """Documents in stitch order and their passages, numbered through the record."""
    documents, passages = [], []
    for index in range(draw(st.integers(1, 4))):
        doc_type = draw(st.sampled_from(list(DocType)))
        when = draw(st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))))
        page = Page(number=1, text="", offset=0, width=612, height=792)
        documents.append(Document(f"d{index}", f"/d{index}", "0" * 64, "text/plain", [page], doc_type, when, index,
                                  prompt_date=when))
        for _ in range(draw(st.integers(0, 5))):
            text, columns = draw(_TEXT), draw(_COLUMNS)
            passages.append(Passage(passage_id(len(passages) + 1), index, 1, 0, 0, text, text, columns=columns))
    return documents, passages


def _as_shown(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@settings(max_examples=200, deadline=None)
@given(records(), st.sampled_from([64, 10**6]))
def test_a_stitched_record_reads_back_as_its_passages_in_order(record, budget):
    documents, passages = record
    prompts = stitch(documents, passages, _words, budget)
    read = [p for prompt in prompts for p in read_record(prompt.text)]
    assert [p.id for p in read] == [p.id for p in passages]
    assert [p.text for p in read] == [_as_shown(p.safe_text) for p in passages]
    assert [(p.doc, p.doc_type) for p in read] == [(p.doc + 1, documents[p.doc].doc_type.label) for p in passages]
    assert [pid for prompt in prompts for pid in ids_in_record(prompt.text)] == [p.id for p in passages]
    for prompt in prompts:
        assert [p.id for p in read_record(prompt.text)] == prompt.passage_ids
    # The table columns a row is shown under are the ones it has, whenever the prompt shows them; a
    # document's first row always shows its columns (nothing before it named them).
    by_id = {p.id: p for p in passages}
    firsts = {next(p.id for p in passages if p.doc == doc) for doc in {p.doc for p in passages}}
    for p in read:
        if p.columns or (p.id in firsts and by_id[p.id].columns):
            assert p.columns == " ".join(by_id[p.id].columns.splitlines())


@settings(max_examples=100, deadline=None)
@given(records(), _TEXT)
def test_the_engine_request_carries_the_passages_the_prompt_shows(record, question):
    documents, passages = record
    [prompt] = stitch(documents, passages, _words, 10**6)
    for request in (summary_request(prompt.text), question_request(prompt.text, question)):
        assert [(p.id, p.text) for p in request.passages] == [(p.id, _as_shown(p.safe_text)) for p in passages]
    assert question_request(prompt.text, question).question == " ".join(question.split())


@given(st.integers(1, 10**7))
def test_an_id_is_its_number_and_the_summary_schema_accepts_it(number):
    pid = passage_id(number)
    assert passage_number(pid) == number and is_passage_id(pid)
    assert re.fullmatch(CITATION_PATTERN, pid)  # engine/summary_format.py's schema: the two must agree
    assert citations_in(f"text [{pid}].") == [pid]


_STATEMENT = st.lists(
    st.one_of(st.sampled_from(["[PERSON_1]", "P12", "mg", "2023-03-28", "40", "left", "no"]),
              st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=8)),
    min_size=1, max_size=8,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(_STATEMENT, st.lists(st.integers(1, 10**6), min_size=1, max_size=4, unique=True))
def test_a_citation_in_a_summary_line_is_read_back_exactly(text, numbers):
    cites = [passage_id(n) for n in numbers]
    summary = Summary(sections=[Section(title="Key results", statements=[Statement(text=text, citations=cites)])])
    line = summary.markdown().splitlines()[1]
    assert citations_in(line) == cites
    for reply in (summary.markdown(), summary.model_dump_json()):
        [section] = parse_summary(reply).summary.sections
        assert [(s.text, s.citations) for s in section.statements] == [(text, cites)]
