"""Dates as Safe Harbor counts them: a month alone where a time is meant, a month's range of days
written with "to", a day with a two-digit year; and the month names that are not dates."""

from __future__ import annotations

import pytest

from tests.deid_masking import masked


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("admitted in March with dyspnea", "March"),
        ("no falls since Jan.", "Jan."),
        ("last week of June she fell", "June"),
        ("worse since mid-March", "March"),
        ("In May she fell at home", "May"),
        ("on abx March 14 to 16", "March 14 to 16"),
        ("seen Mar 14 '22 in clinic", "Mar 14 '22"),
    ],
)
def test_a_date_element_is_masked(text: str, date: str) -> None:
    assert "#" * len(date) in masked(text)


@pytest.mark.parametrize("text", ["she may be discharged tomorrow", "in may be of help", "Marc's room"])
def test_may_as_a_verb_stays(text: str) -> None:
    assert masked(text) == text
