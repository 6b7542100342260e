"""A name with no relation word before what only a person does ("JEMMA VERBALIZED UNDERSTANDING",
"Katie will bring in home meds", "Craig stayed overnight"), in any case; names from Faker's
English-speaking locales. And a meal after "pt" is no name ("feeding pt lunch")."""

from __future__ import annotations

import pytest
from faker import Faker

from tests.deid_masking import masked

_SAID = ("{n} verbalized understanding of teaching", "{n} will bring in home meds tomorrow", "{n} stayed overnight",
         "{n} tearful at times, support given", "{n} requests call from MD", "{n} here this AM, updated")


def _names() -> list[str]:
    names = []
    for locale in ("en_US", "en_GB", "en_IE", "en_AU", "en_IN"):
        fake = Faker(locale)
        fake.seed_instance(13)
        names += [fake.first_name() for _ in range(2)]
    return names


@pytest.mark.parametrize("name", _names())
def test_a_name_before_what_only_a_person_does_is_masked(name: str) -> None:
    for said in _SAID:
        for case in (str, str.upper):
            text = case(said.format(n=name))
            assert masked(text).startswith("#" * len(name)), text


@pytest.mark.parametrize("text", ["Wife feeding pt lunch.", "DAUGHTER FEEDING PT BREAKFAST", "Family will bring in clothes.", "Pt verbalized understanding."])
def test_meals_and_relations_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize("text", ["Damian and Leon here this AM", "YUG AND URVASHI AT BEDSIDE", "nicole & melanie visited today"])
def test_the_first_of_two_of_whom_it_is_said_is_masked(text: str) -> None:
    first = text.split()[0]
    assert masked(text).startswith("#" * len(first)), masked(text)


def test_two_things_before_a_verb_stay() -> None:
    assert masked("Pain and nausea upset pt overnight.") == "Pain and nausea upset pt overnight."


@pytest.mark.parametrize("text", ["MARY HESS (NIECE) UPDATED BY PHONE", "eric hess (son) called", "Anna Stokes (daughter) at bedside"])
def test_a_surname_medicine_knows_after_a_first_name_before_a_relation_is_masked(text: str) -> None:
    name = " ".join(text.split()[:2])
    assert masked(text).startswith("#" * len(name)), masked(text)


@pytest.mark.parametrize(("text", "name"), [("family (randy) aware of transfer", "randy"), ("FAMILY (MARGO AND TED) AT BEDSIDE", "MARGO")])
def test_the_family_by_a_members_name_in_brackets_is_masked(text: str, name: str) -> None:
    assert "#" * len(name) in masked(text), masked(text)


@pytest.mark.parametrize("text", ["Family (son) at bedside", "family (not present)", "FAMILY (NONE AT BEDSIDE)", "Family (2) at bedside"])
def test_the_family_by_a_relation_or_a_count_stays(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "name"), [("CALL HARSHIL W/ ANY CHANGES", "HARSHIL"), ("call gautam with questions", "gautam")])
def test_whom_to_call_with_changes_is_masked(text: str, name: str) -> None:
    assert "#" * len(name) in masked(text), masked(text)


@pytest.mark.parametrize("text", ["Call pharmacy with any questions", "call MD with changes", "CALL BELL W/ ANY CHANGES", "call back with results"])
def test_whom_to_call_by_role_stays(text: str) -> None:
    assert masked(text) == text
