"""The de-identification benchmark's metrics, on tiny hand-made examples."""

from __future__ import annotations

import pytest

from tests.data.deid.score import Doc, Span, evaluate, external_doc, in_scope

TEXT = "Seen Maria Lopez today."  # "Maria Lopez" is 5..16


def name(start: int = 5, end: int = 16) -> Span:
    return Span(start, end, "names", "PERSON")


def score(doc: Doc, *preds: Span):
    return evaluate([doc], [preds])


def test_a_span_half_covered_is_missed():
    t = score(Doc(TEXT, (name(),)), name(5, 10))["names"]
    assert (t.n, t.found, t.recall) == (1, 0, 0.0)
    assert t.misses == ["PERSON: 'Maria «Lopez»'"]


def test_a_span_covered_by_two_adjacent_predictions_is_found():
    t = score(Doc(TEXT, (name(),)), name(5, 10), name(11, 16))["names"]  # the space between needs no mask
    assert (t.found, t.confused, t.misses) == (1, 0, [])


def test_a_span_masked_under_another_type_is_found_and_counted_as_a_confusion():
    tallies = score(Doc(TEXT, (name(),)), Span(5, 16, "facilities", "FACILITY"))
    assert (tallies["names"].found, tallies["names"].confused) == (1, 1)
    assert (tallies["facilities"].predicted, tallies["facilities"].correct) == (1, 1)


@pytest.mark.parametrize(
    ("start", "end", "correct"),
    [
        (5, 16, True),  # exactly the gold span
        (5, 22, True),  # "Maria Lopez today": 10 of 15 characters are PHI
        (11, 22, True),  # "Lopez today": 5 of 10, half is enough
        (11, 23, False),  # "Lopez today.": 5 of 11
        (17, 22, False),  # "today": no PHI
    ],
)
def test_a_prediction_is_right_when_at_least_half_of_it_is_phi(start, end, correct):
    t = score(Doc(TEXT, (name(),)), name(start, end))["names"]
    assert (t.predicted, t.correct) == (1, int(correct))
    assert t.false_positives == ([] if correct else [f"PERSON: {TEXT[start:end]!r}"])


def test_predictions_on_out_of_scope_gold_count_neither_way():
    text = "Mr. Li of Acme Corp"  # "Mr." a TITLE, "Acme Corp" an organization that is no facility
    doc = Doc(text, (name(4, 6),), (Span(0, 3, None, "TITLE"), Span(10, 19, None, "ORGANIZATION")))
    tallies = score(doc, name(10, 19), name(0, 6))
    # "Acme Corp" is left out; "Mr. Li" is judged on "Li" alone.
    assert (tallies["names"].predicted, tallies["names"].correct) == (1, 1)
    assert tallies["overall"].n == 1


def test_overall_adds_up_the_groups():
    text = "Maria Lopez 555-1234"
    doc = Doc(text, (name(0, 11), Span(12, 20, "phones", "PHONE")))
    overall = score(doc, name(0, 11))["overall"]
    assert (overall.n, overall.found, overall.predicted, overall.correct) == (2, 1, 1, 1)


def _item(text: str, *labels: tuple[str, str]) -> dict:
    spans = []
    for kind, value in labels:
        start = text.index(value)
        spans.append({"entity_type": kind, "entity_value": value, "start_position": start,
                      "end_position": start + len(value)})  # fmt: skip
    return {"full_text": text, "spans": spans}


def test_external_ages_of_89_or_less_are_dropped_and_predictions_on_them_not_counted():
    doc = external_doc(_item("Ana is 89, Bo is 90.", ("AGE", "89"), ("AGE", "90")))
    assert [(doc.text[s.start : s.end], s.group) for s in doc.gold] == [("90", "ages")]
    assert [doc.text[s.start : s.end] for s in doc.ignored] == ["89"]
    ages = score(doc, Span(7, 9, "ages", "AGE"), Span(17, 19, "ages", "AGE"))["ages"]
    assert (ages.n, ages.found, ages.predicted, ages.correct) == (1, 1, 1, 1)


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("DATE_TIME", "2/8/1935", True),
        ("DATE_TIME", "2000-04-16 11:34:35", True),
        ("DATE_TIME", "March 3", True),
        ("DATE_TIME", "1977", False),  # a bare year
        ("DATE_TIME", "Tuesday", False),
        ("DATE_TIME", "9 PM", False),
        ("AGE", "91", True),
        ("AGE", "89", False),
        ("ORGANIZATION", "Mercy Hospital", True),
        ("ORGANIZATION", "Oak Hill nursing home", True),
        ("ORGANIZATION", "Berkshire Hathaway", False),
        ("CREDIT_CARD", "4111111111111111", False),
        ("GPE", "Kenosha", True),
    ],
)
def test_external_scope(kind, value, expected):
    assert in_scope(kind, value) is expected


def test_external_spans_map_to_report_groups():
    text = "Call Ana Ruiz at 555-0100 or ana@example.com, 12 Elm St, Kenosha 53140."
    doc = external_doc(_item(text, ("PERSON", "Ana Ruiz"), ("PHONE_NUMBER", "555-0100"),
                             ("EMAIL_ADDRESS", "ana@example.com"), ("STREET_ADDRESS", "12 Elm St"),
                             ("GPE", "Kenosha"), ("ZIP_CODE", "53140")))  # fmt: skip
    assert [s.group for s in doc.gold] == ["names", "phones", "contact", *["addresses"] * 3]
    assert doc.ignored == ()
