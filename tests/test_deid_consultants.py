"""A consultant named before their service in brackets ("Consulted Tony Butler (ID).") is masked,
names from Faker's locales; a service or a drug before the same brackets stays."""

from __future__ import annotations

import pytest
from faker import Faker

from tests.deid_masking import masked


def _names() -> list[str]:
    names = []
    for locale in ("en_US", "es_ES", "de_DE", "fr_FR", "tr_TR"):
        fake = Faker(locale)
        fake.seed_instance(2)
        names.append(f"{fake.first_name()} {fake.last_name()}")
    return names


@pytest.mark.parametrize("name", _names())
def test_a_consultant_before_their_service_is_masked(name: str) -> None:
    for service in ("(ID)", "(cards fellow)", "(Nephrology)"):
        text = f"Consulted {name} {service}."
        assert f"Consulted {'#' * len(name)} {service}." == masked(text), masked(text)


@pytest.mark.parametrize("text", ["Consulted Infectious Disease (ID).", "Blood Cultures (ID) pending", "Started on Vancomycin (ID) approval"])
def test_a_service_or_a_drug_before_the_brackets_stays(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "name"), [("PGY-2 Declan James", "Declan James"), ("I, Callum Dixon, personally examined the patient", "Callum Dixon"),
                                           ("CRNA Wazir Iyer at bedside", "Wazir Iyer")])
def test_a_trainee_and_an_attestation_are_masked(text: str, name: str) -> None:
    assert "#" * len(name) in masked(text), masked(text)


@pytest.mark.parametrize("text", ["the surgeon will see him", "hospitalist aware", "I, the undersigned, attest", "pgy2 resident aware"])
def test_roles_alone_stay(text: str) -> None:
    assert masked(text) == text
