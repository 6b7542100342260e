"""Whom a letter is about ("Thank you for referring Manon Roux", "I saw Leni Hering today") and a
list's row of "Last, First - 72M" ("Offredi, Lucia - 72M - CHF"); names from Faker's locales. What
a letter says it saw, and a device's size after a comma ("Foley, 16 F"), stay."""

from __future__ import annotations

import pytest
from faker import Faker

from ingestion.deid import lexicon
from tests.deid_masking import masked


def _people() -> list[tuple[str, str]]:
    people = []
    for locale in ("en_US", "fr_FR", "it_IT", "tr_TR", "yo_NG"):
        fake = Faker(locale)
        fake.seed_instance(5)
        people.append((fake.first_name(), fake.last_name()))
    return people


@pytest.mark.parametrize(("first", "last"), _people())
def test_whom_a_letter_is_about_is_masked(first: str, last: str) -> None:
    for text in (f"Thank you for referring {first} {last}.", f"Dear Dr. Ames, I saw {first} {last} today in clinic.",
                 f"I had the pleasure of seeing {first} today."):
        for case in (str, str.upper):
            shown = masked(case(text))
            assert case(first) not in shown and case(last) not in shown.replace(case("Ames"), ""), shown


@pytest.mark.parametrize(("first", "last"), [(f, s) for f, s in _people() if not lexicon.english_word(s.lower())])  # ("Guarana" is a word)
def test_a_rows_last_and_first_name_before_the_age_and_sex_are_masked(first: str, last: str) -> None:
    for text in (f"{last}, {first} - 72M - CHF exac", f"- {last.upper()}, {first.upper()}, 68 F, sepsis"):
        shown = masked(text)
        assert last.upper() not in shown.upper() and first.upper() not in shown.upper(), shown


@pytest.mark.parametrize("text", ["I saw improvement in his gait.", "We reviewed the imaging together.", "Thank you for referring this pleasant gentleman.",
                                  "Foley, 16 F placed", "- Cath, 14F coude", "Wound, 3 - 4M dressing"])
def test_what_a_letter_saw_and_a_devices_size_stay(text: str) -> None:
    assert masked(text) == text
