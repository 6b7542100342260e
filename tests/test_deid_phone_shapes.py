"""Numbers dialled from abroad with an extension ("001-362-876-2230x1289", as Faker writes one US
number in ten) and ten digits after "call back at"; and the numbers of the same shape that stay."""

from __future__ import annotations

import pytest
from faker import Faker

from tests.deid_masking import masked

_FAKE = Faker("en_US")
_FAKE.seed_instance(31)


def _abroad() -> list[str]:
    numbers = []
    while len(numbers) < 6:
        if (number := _FAKE.phone_number()).startswith("001-"):
            numbers.append(number)
    return numbers


@pytest.mark.parametrize("number", _abroad())
def test_a_number_dialled_from_abroad_is_masked_whole(number: str) -> None:
    for text in (f"ph {number}", f"| Jo | sister | {number} |", f"PT CAN BE REACHED AT {number.upper()}"):
        assert "#" * len(number) in masked(text), text


def test_ten_digits_after_call_back_at_are_a_number() -> None:
    assert masked("Call back at 8612879481.") == "Call back at ##########."


@pytest.mark.parametrize("text", ["Vent 16X500X40, PEEP 5", "FSBG 249-134-219 over the shift", "shift 0700-1900"])
def test_settings_and_series_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize("text, line", [
    ("Disposition: urgent care. Call back 6716 (internal).", "6716"), ("CALL BACK 2428 (INTERNAL).", "2428"),
    ("call back 1400 (internal)", "1400"), ("cb 52417 if worse", "52417"), ("pls call back #3682", "3682"),
])  # fmt: skip
def test_the_internal_line_to_call_back_on_is_masked(text: str, line: str) -> None:
    assert line not in masked(text), masked(text)


@pytest.mark.parametrize("text", ["will call back 1400 with results", "call back in 2 hrs", "CB 1530 AFTER LUNCH", "call back 3 days post op"])
def test_a_time_or_a_count_after_call_back_stays(text: str) -> None:
    assert masked(text) == text
