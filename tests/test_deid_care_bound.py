"""A care setting whose care sense needs its own noun ("foster care", "foster home") names a facility before any other
facility word, in any case ("FOSTER MEDICAL CENTER", "foster health center"); the care it names stays. Words beside
it from Faker."""

from __future__ import annotations

import pytest
from faker import Faker

from tests.deid_masking import masked

_KINDS = ("Medical Center", "Health Center", "Hospital", "Memorial Hospital", "Clinic")


def _cases() -> list[str]:
    fake = Faker("en_US")
    fake.seed_instance(1320)
    return [f"seen at Foster {kind} on {fake.day_of_week()}" for kind in _KINDS]


@pytest.mark.parametrize("case", [str, str.upper, str.lower])
@pytest.mark.parametrize("text", _cases())
def test_the_setting_names_the_facility(text: str, case) -> None:
    text = case(text)
    place = text[text.index(case("Foster")) : text.index(case(" on "))]
    assert "#" * len(place) in masked(text), masked(text)


@pytest.mark.parametrize("text", ["placed in foster care", "FOSTER HOME PLACEMENT PENDING", "foster care center referral",
                                  "lives w/ foster family", "Foster parents at bedside"])
def test_the_care_stays(text: str) -> None:
    assert "foster" in masked(text).lower()
