"""A facility's name goes on over "for Behavioral Health" or "and Mental Health Center" in a mixed-case note
("Haverhill Hospital Center for Behavioral Health"); in a note written in one case "for" says why, and the words
alone stay. Names and towns from Faker."""

from __future__ import annotations

import pytest
from faker import Faker

from tests.deid_masking import masked


def _facilities() -> list[str]:
    fake = Faker("en_US")
    fake.seed_instance(1324)
    return [f"{fake.last_name()} Hospital Center for Behavioral Health" for _ in range(3)] + [
        f"{fake.last_name()} Hospital and Mental Health Center" for _ in range(2)]


@pytest.mark.parametrize("facility", _facilities())
def test_the_name_goes_on_over_its_nouns(facility: str) -> None:
    assert "#" * len(facility) in masked(f"records from {facility} requested")


@pytest.mark.parametrize("text", ["ADMITTED TO BEHAVIORAL HEALTH UNIT", "has behavioral health appt",
                                  "Dx: depression. Mental Health team to see"])
def test_the_words_alone_stay(text: str) -> None:
    assert masked(text) == text
