"""Sign-out rows: "Surname, Given" before the age and sex is the patient's whole name, though English knows a
word of it, after a bed code ("1) 6C11  DRUB, MARY  63F", "[5a13] lanfranchi, mats, 67yo m") or in a table's
patient column. What must stay: rows that hold no name."""

from __future__ import annotations

import pytest
from faker import Faker

from tests.deid_masking import masked

_FAKE = Faker()
Faker.seed(7)

_ROWS = [
    "From: Dr. Lee (pgr 1234)\n\n1) 6C11  {last}, {first}  63F  MRN 1234567\n   - malignant SBO",
    "handoff\n\n[5a13] {last}, {first}, 67yo m\ns: mssa tv endocarditis",
    "| bed | patient | age | dx |\n| 6A5 | {last}, {first} | 67 y/o M | MSSA TV endocarditis |",
]


@pytest.mark.parametrize("row", _ROWS)
@pytest.mark.parametrize("case", [str.upper, str.lower, str])
def test_both_words_of_a_rows_comma_pair_are_masked(row: str, case) -> None:
    _FAKE.seed_instance(7)
    for first in ("Mats", "Drub", _FAKE.first_name()):
        last = _FAKE.last_name()
        last = "Walker" if first == "Drub" else last  # a surname medicine knows
        text = row.format(last=case(last), first=case(first))
        assert f"{case(last)}, {case(first)}" not in masked(text), text


@pytest.mark.parametrize("text", ["3. CHF, AKI 70 M", "1) chest pain, r/o 63F", "1) 6C11  WILL CALL  63F"])
def test_rows_without_a_name_stay(text: str) -> None:
    assert masked(text) == text
