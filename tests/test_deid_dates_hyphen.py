"""A month and day written with a hyphen, where a date is meant: a culture's day, a visit's, a stay's
range; ranges, scores and doses written the same way stay."""

import pytest
from faker import Faker

from tests.deid_masking import masked

fake = Faker("en_US")
fake.seed_instance(1207)


def _md() -> str:
    day = fake.date_between("-1y", "today")
    return f"{day.month}-{max(day.day, 9)}"


@pytest.mark.parametrize("shape", [
    "# Cx {d} NGTD; no Kernig sign.",
    "BCx {d} no growth to date.",
    "Last seen {d} in clinic.",
    "admitted for failure to thrive ({d} - {e}).",
    "stay {d} – {e}, then home.",
    "RX #20481234, WRITTEN {d} BY DR. X. ISSUE: DOSE.",
    "script last filled {d} at the pharmacy",
])  # fmt: skip
def test_a_hyphenated_month_and_day_where_a_date_is_meant_is_masked(shape: str) -> None:
    d, e = _md(), _md()
    text = shape.format(d=d, e=e)
    out = masked(text)
    for value in (d, e):
        if value in text:
            start = text.index(value)
            assert set(out[start : start + len(value)]) == {"#"}, out


@pytest.mark.parametrize("text, kept", [
    ("seen 2-3 times this month", "2-3"),
    ("filled 2-3 times this year; received 1-2 units", "1-2"),
    ("BCx 1-4 positive for GPC", "1-4"),
    ("seen 1-2 weeks ago by PCP", "1-2"),
    ("Dose 10-12 mg, pain 3-4 - 5-6 later; BP 120-130", "10-12"),
    ("Cultures 2-3 bottles positive", "2-3"),
    ("collected 1-2 samples", "1-2"),
])  # fmt: skip
def test_ranges_counts_and_doses_stay(text: str, kept: str) -> None:
    assert kept in masked(text)


def test_the_end_of_a_stay_named_from_its_start_is_masked() -> None:
    text = "her admission to the hospital from the 28th to the 5th for perforated diverticulitis"
    assert "5th" not in masked(text)
    assert "2nd floor" in masked("moved from 1st to the 2nd floor; range from 2 to the 4th ventricle")
    assert "###" in masked("admission for failure to thrive (11-15 - 11/20).").split("-")[0]
