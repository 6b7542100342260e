"""Towns by their shape: a person's name and a town's ending ("Josephmouth", "Aguilarland"), as
Faker names towns, in any case and with no cue; and the words of the same shape that stay
(countries, states, English words, clinical shorthand). Town names from Faker."""

from __future__ import annotations

import pytest
from faker import Faker

from ingestion.deid.recognizers.town_shapes import town_shaped
from tests.deid_masking import masked

_FAKE = Faker("en_US")
_FAKE.seed_instance(2024)
_CONTEXTS = ("Pt lives in {t} with her son.", "TRANSFERRED FROM {t} ED", "family drove up from {t} today", "{t} resident, independent at baseline")


def _towns() -> list[str]:
    towns = []
    while len(towns) < 12:
        town = _FAKE.city()
        if town_shaped(town.split()[-1]):  # a name and an ending ("Lake Derekmouth"), not "Port Paul"
            towns.append(town)
    return towns


@pytest.mark.parametrize("town", _towns())
def test_a_town_named_for_a_person_is_masked_in_any_case(town: str) -> None:
    for context in _CONTEXTS:
        for case in (str, str.upper, str.lower):
            text = case(context.format(t=town))
            assert "#" * len(town) in masked(text), text


@pytest.mark.parametrize(
    "text",
    [
        "ENGLAND AND SCOTLAND BEFORE THAT; moved here in 1990.",
        "Family in Maryland, pt from Switzerland originally.",
        "Mediport accessed, flushed without difficulty.",
        "Newton was a physicist; she reads about him.",  # "new" is no name
        "Hemoport site clean; Oxford knee scale.",
    ],
)
def test_regions_and_clinical_words_of_the_same_shape_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize("organization", ["First Baptist Church of", "Catholic Charities of", "Meals on Wheels of", "Boys and Girls Club of"])
def test_an_organization_named_for_a_town_found_is_masked_whole(organization: str) -> None:
    town = _towns()[0]
    for case in (str, str.upper, str.lower):
        name = case(f"{organization} {town}")
        text = f"meals delivered by {name}, started 3 weeks ago" if case is not str.upper else f"DELIVERED BY {name} X3 WKS"
        assert "#" * len(name) in masked(text), text


def test_what_is_said_of_a_town_stays() -> None:
    town = _towns()[0]
    assert masked(f"Records of {town} residents were requested.").startswith("Records of ###")
    assert masked(f"Pt is a resident of {town}.").startswith("Pt is a resident of ###")


@pytest.mark.parametrize(("text", "town"), [("MVC near the exit in Lake Jaime. Per EMS", "Lake Jaime"),
                                           ("granddaughter lives nearby in west margaret.", "west margaret"),
                                           ("MOVED FROM PORT ARTHUR IN 2010", "PORT ARTHUR")])
def test_a_prefix_and_a_name_are_a_town(text: str, town: str) -> None:
    assert "#" * len(town) in masked(text), masked(text)


@pytest.mark.parametrize("text", ["St. John's wort 300 mg daily", "West Nile virus IgM negative", "new Grant application filed", "NORTH TOWER 5"])
def test_a_prefix_before_a_word_stays(text: str) -> None:
    assert masked(text) == text
