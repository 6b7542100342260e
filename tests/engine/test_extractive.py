"""The extractive engine: the contract, and a summary a clinician can use from the sample record."""

import json
import re

import pytest

from app.prompts import question_request, record_passages
from engine import ChatRequest, estimate_tokens
from engine.extractive import ExtractiveEngine, summarize
from engine.summary_format import SECTIONS, Summary, json_schema
from ingestion import IngestionSettings, ingest
from tests.engine.contract import EngineContract


class TestExtractiveContract(EngineContract):
    reads_passages = True
    @pytest.fixture
    def engine(self):
        return ExtractiveEngine()


@pytest.fixture(scope="module")
def record(sample_paths):
    return ingest(sample_paths, IngestionSettings(workers=1), estimate_tokens)


@pytest.fixture(scope="module")
def summary(record):
    return summarize(record_passages(record.prompts[0].text))


def statements(summary, title):
    section = next(s for s in summary.sections if s.title == title)
    return [(st.text, st.citations) for st in section.statements]


def test_every_section_is_there_in_order_and_every_statement_cites_a_real_passage(summary, record):
    assert [s.title for s in summary.sections] == list(SECTIONS)
    ids = {p.id for p in record.passages}
    for section in summary.sections:
        for st in section.statements:
            assert set(st.citations) <= ids
            assert st.citations or st.text == "Not documented in the record."


def test_the_quoted_text_is_the_cited_passage(summary, record):
    by_id = {p.id: " ".join(p.safe_text.split()) for p in record.passages}
    for section in summary.sections:
        for st in section.statements:
            for pid in st.citations:
                assert st.text.replace(" ", "")[:20] in by_id[pid].replace("*", "").replace("|", "").replace(" ", "")


def test_allergies_problems_and_pending_items_are_found(summary):
    assert any("Penicillin" in text for text, _ in statements(summary, "Allergies"))
    problems = " ".join(text for text, _ in statements(summary, "Problems and diagnoses"))
    assert "heart failure" in problems.lower() and "kidney" in problems.lower()
    assert any("Iron studies" in text for text, _ in statements(summary, "Open questions"))


def test_for_a_changing_medication_the_newest_document_wins(summary, record):
    meds = statements(summary, "Medications with changes")
    text = " ".join(t for t, _ in meds).lower()
    # Discharge: sacubitril/valsartan 24/26 mg; the cardiology letter weeks later: increase to 49/51 mg.
    assert "49/51" in text and "24/26 mg b.i.d" not in text
    # Discharge held metformin; the last progress note resumes it at 500 mg.
    assert "resume metformin at 500 mg" in text and "metformin 1000 mg" not in text


def test_pieces_of_table_rows_and_wrapped_cells_are_not_statements(summary):
    # The discharge medication table wraps its cells; a piece of a row cannot stand as a statement.
    for section in summary.sections:
        for st in section.statements:
            text = re.sub(r"^(?:[-*•]\s+|\(?\d{1,2}[.)]\s+)", "", st.text)
            assert not text[:1].islower(), st.text
            assert not text.lower().startswith(("1 tablet", "1 capsule")), st.text
            assert st.text.count("(") == st.text.count(")"), st.text


def test_json_is_written_when_a_schema_is_asked(record):
    engine = ExtractiveEngine()
    text = record.prompts[0].text
    request = ChatRequest.of(("user", text), json_schema=json_schema(), max_tokens=8192, passages=record_passages(text))
    [reply] = engine.generate([request])
    assert reply.finish_reason == "stop"
    Summary.model_validate(json.loads(reply.text))


def test_a_question_is_answered_with_the_passages_that_bear_on_it(record):
    engine = ExtractiveEngine()
    question = "What was the ejection fraction on echocardiogram?"
    request = question_request(record.prompts[0].text, question)
    [reply] = engine.generate([request])
    assert reply.text.startswith("## Answer") and "LVEF 30%" in reply.text


def test_the_summary_never_contains_original_phi(summary, record):
    text = summary.markdown()
    assert "Nguyen" not in text and "67675149" not in text
