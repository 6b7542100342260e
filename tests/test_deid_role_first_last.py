"""A first name that notes also use ("Amber", "Crystal", "Hope") then a surname, right after a staff role, is a
name in any case ("SW: Amber Becker following"); the same words with no surname stay. Names from Faker."""

from __future__ import annotations

import pytest
from faker import Faker

from ingestion.deid import lexicon
from tests.deid_masking import masked

_FIRSTS = ("Amber", "Crystal", "Hope", "Summer")  # census first names that are note words too
_ROLES = ("SW:", "RN", "cm", "Case manager", "rt:")


def _surnames(n: int) -> list[str]:
    fake = Faker("en_US")
    fake.seed_instance(1307)
    found: list[str] = []
    while len(found) < n:
        word = fake.last_name()
        # the class: a census surname no note uses (an English-word surname such as "Brown" counts only written as a name)
        if word.lower() not in lexicon.note_words() and lexicon.word_frequency(word.lower()) < 4.5 and word not in found:
            found.append(word)
    return found


@pytest.mark.parametrize("case", [str, str.upper, str.lower])
@pytest.mark.parametrize(("first", "last"), list(zip(_FIRSTS * 2, _surnames(8), strict=True)))
def test_a_first_name_notes_use_then_a_surname_after_a_role(first: str, last: str, case) -> None:
    for role in _ROLES:
        name = case(f"{first} {last}")
        text = case(f"{role} ") + name + case(" following, d/c planning")
        assert "#" * len(name) in masked(text), text


def test_a_surname_english_knows_counts_when_written_as_a_name() -> None:
    assert "SW: ############# following" == masked("SW: Crystal Brown following")


@pytest.mark.parametrize(
    "text",
    [
        "rt amber sputum, thick",
        "RT: AMBER BROWN SPUTUM",
        "urine amber colored",
        "sw crystal clear about plan",
        "md hope well today",
        "cm hope to d/c tomorrow",
        "rt amber thick secretions",
    ],
)
def test_note_words_after_a_role_stay(text: str) -> None:
    assert "#" not in masked(text)
