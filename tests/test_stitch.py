"""Stitching: date order, [P#] labels, and prompts that never exceed the token budget."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import estimate_tokens
from ingestion.models import Document, DocType, Page
from ingestion.record import number_passages
from ingestion.stitch import order_documents, stitch


def make_doc(index: int, sentences: list[str], when: date | None, doc_type=DocType.PROGRESS_NOTE) -> Document:
    text = " ".join(sentences)
    spans, pos = [], 0
    for sentence in sentences:
        spans.append((pos, pos + len(sentence)))
        pos += len(sentence) + 1
    page = Page(number=1, text=text, offset=0, width=612, height=792, spans=spans)
    return Document(
        f"doc{index}.txt", f"/x/doc{index}.txt", f"{index:064x}", "text/plain", [page], doc_type, when, index, prompt_date=when
    )


def words(text: str) -> int:
    """A tokenizer stand-in that is not the estimator: one token per whitespace-separated word."""
    return len(text.split())


def test_documents_are_ordered_by_date_with_undated_last_in_upload_order():
    docs = [
        make_doc(0, ["Undated A."], None),
        make_doc(1, ["Late."], date(2023, 5, 10)),
        make_doc(2, ["Undated B."], None),
        make_doc(3, ["Early."], date(2023, 3, 14)),
        make_doc(4, ["Same day, uploaded later."], date(2023, 5, 10)),
    ]
    assert [d.upload_index for d in order_documents(docs)] == [3, 1, 4, 0, 2]


def test_prompt_lists_each_document_under_a_header_with_labelled_passages():
    docs = order_documents([
        make_doc(0, ["CXR shows small effusions.", "No pneumothorax."], date(2023, 3, 28), DocType.RADIOLOGY),
        make_doc(1, ["Dyspnea worse."], date(2023, 3, 14)),
    ])
    passages = number_passages(docs)
    [prompt] = stitch(docs, passages, estimate_tokens, budget=10_000)
    assert prompt.text == (
        "## Document 1 · Progress note · 2023-03-14\n"
        "[P1] Dyspnea worse.\n"
        "\n"
        "## Document 2 · Radiology · 2023-03-28\n"
        "[P2] CXR shows small effusions.\n"
        "[P3] No pneumothorax.\n"
    )
    assert prompt.passage_ids == ["P1", "P2", "P3"]
    assert prompt.tokens == estimate_tokens(prompt.text)


def test_documents_that_do_not_fit_together_go_to_the_next_prompt_whole():
    docs = [make_doc(i, [f"Sentence {i}.{j} about the heart." for j in range(10)], date(2023, 1, i + 1)) for i in range(3)]
    passages = number_passages(docs)
    one_doc = stitch(docs[:1], passages[:10], words, budget=10_000)[0].tokens
    prompts = stitch(docs, passages, words, budget=one_doc + one_doc // 2)
    assert [p.documents for p in prompts] == [[0], [1], [2]]
    assert all(p.tokens <= one_doc + one_doc // 2 for p in prompts)


def test_a_document_larger_than_a_prompt_is_split_between_passages_with_a_continued_header():
    doc = make_doc(0, [f"Sentence number {j} of a very long note." for j in range(50)], date(2023, 1, 1))
    passages = number_passages([doc])
    prompts = stitch([doc], passages, words, budget=120)
    assert len(prompts) > 3
    assert all(p.tokens <= 120 for p in prompts)
    assert [pid for p in prompts for pid in p.passage_ids] == [p.id for p in passages]
    assert "(continued)" in prompts[1].text
    for prompt in prompts:  # every passage line is whole
        for pid in prompt.passage_ids:
            assert f"[{pid}] {passages[int(pid[1:]) - 1].text}\n" in prompt.text


def test_a_passage_that_cannot_fit_any_prompt_is_an_error_not_a_split():
    doc = make_doc(0, ["word " * 50 + "end."], date(2023, 1, 1))
    with pytest.raises(ValueError, match="P1"):
        stitch([doc], number_passages([doc]), words, budget=20)


def merging(text: str) -> int:
    """A tokenizer that is not additive: each line costs 2 tokens alone but the whole costs more."""
    return len(text.split()) + 3 * text.count("\n\n")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=12), min_size=1, max_size=8),
    st.integers(min_value=60, max_value=400),
)
def test_no_prompt_ever_exceeds_the_budget_and_every_passage_appears_once_in_order(doc_sizes, budget):
    docs = [
        make_doc(i, [" ".join(["w"] * n) + "." for n in sizes], date(2023, 1, 1 + i))
        for i, sizes in enumerate(doc_sizes)
    ]
    passages = number_passages(docs)
    prompts = stitch(docs, passages, merging, budget)
    assert all(p.tokens == merging(p.text) <= budget for p in prompts)
    assert [pid for p in prompts for pid in p.passage_ids] == [p.id for p in passages]
