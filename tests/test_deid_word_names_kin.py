"""Relatives whose first names are English words, in a slot that leaves no doubt: the name right before its relation
in brackets ("WILL (PARTNER) CALLED", "hope (daughter) called"). What must stay: the words elsewhere."""

from __future__ import annotations

import pytest
from faker import Faker

from tests.deid_masking import masked

_FAKES = [Faker(locale) for locale in ("en_US", "en_GB", "de_DE")]
for _i, _fake in enumerate(_FAKES):
    _fake.seed_instance(8080 + _i)


@pytest.mark.parametrize("first", ["Will", "Hope", "Rose", "June", "Amber", "Chase"])
@pytest.mark.parametrize("relation", ["PARTNER", "daughter", "son", "SIS"])
def test_a_word_name_before_its_relation_in_brackets_is_masked(first: str, relation: str) -> None:
    for fake in _FAKES:
        text = f"1335 {first.upper()} ({relation}) CALLED BY DR {fake.last_name().upper()}; EN ROUTE\n"
        assert f"{first.upper()} (" not in masked(text), text


@pytest.mark.parametrize(
    "text",
    ["pt will (per wife) go home", "WILL CALL (DAUGHTER) BACK", "we hope to extubate; family (wife) aware", "will follow (see note)",
     "I will call the family", "HOPE TO WEAN"],
)
def test_the_words_elsewhere_stay(text: str) -> None:
    assert masked(text) == text
