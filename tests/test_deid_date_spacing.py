"""A date typed with spaces around its slashes ("3 / 19 / 2023"), and a bare m/d before a measure
that belongs to the next number ("since 3/19 pain 4/10"); the measurements stay."""

from __future__ import annotations

import pytest

from tests.deid_masking import masked


@pytest.mark.parametrize(
    ("text", "date"),
    [("Discharge Date: 3 / 19 / 2023", "3 / 19 / 2023"), ("DOS 19 / 03 / 23 seen in clinic", "19 / 03 / 23"), ("since 3/19 pain 4/10", "3/19")],
)
def test_the_date_is_masked(text: str, date: str) -> None:
    start = text.index(date)
    assert all(c == "#" for c, o in zip(masked(text)[start : start + len(date)], date) if o.isalnum()), masked(text)


@pytest.mark.parametrize("text", ["pain 4/10 at rest", "strength 4/5 bilaterally", "ratio 2 / 3 / 4 of cases"])
def test_measurements_stay(text: str) -> None:
    assert masked(text) == text
