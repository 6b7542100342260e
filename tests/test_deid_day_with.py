"""A day of the month alone ("the 12th") followed by whom or what it is with ("w/ cards", "with Dr Ames") is a date
in any case, as before a time or a clause's end; an ordinal that counts a noun stays. Days and names from Faker."""

from __future__ import annotations

import pytest
from faker import Faker

from tests.deid_masking import masked


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def _cases(n: int) -> list[str]:
    fake = Faker("en_US")
    fake.seed_instance(1316)
    shapes = ("f/u appt the {} w/ cards", "sched for the {} with Dr {}", "RTC the {} w/ {} NP", "pt to see ortho the {} w/ xrays")
    return [shapes[i % len(shapes)].format(_ordinal(int(fake.day_of_month())), fake.last_name()) for i in range(n)]


@pytest.mark.parametrize("case", [str, str.upper, str.lower])
@pytest.mark.parametrize("text", _cases(8))
def test_a_day_before_with_is_a_date(text: str, case) -> None:
    text = case(text)
    day = text.split(case("the "), 1)[1].split(" ", 1)[0]
    assert f"{case('the ')}{'#' * len(day)} " in masked(text), masked(text)


@pytest.mark.parametrize("text", ["the 4th ventricle w/ blood", "2nd time w/ this", "the 3rd dose w/ food", "the 2nd of 3 w/ contrast"])
def test_counts_stay(text: str) -> None:
    assert masked(text) == text
