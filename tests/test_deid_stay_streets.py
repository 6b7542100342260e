"""Streets of the documents around a stay: a run sheet's cross streets with ordinal names ("x-st 11TH ST /
3RD ROAD"), and a home on a numbered or lower-case street after "residing at <a building> on"."""

import random

import pytest
from faker import Faker

from tests.deid_masking import hidden, masked, town_name

LOCALES = ["en_US", "en_GB", "en_AU", "en_IE", "en_CA"]


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@pytest.mark.parametrize("locale", LOCALES)
def test_a_run_sheets_cross_streets_with_ordinal_names_are_masked(locale: str) -> None:
    fake = Faker(locale)
    fake.seed_instance(1)
    rng = random.Random(locale)
    for kind_a, kind_b in (("ST", "ROAD"), ("Avenue", "St"), ("St", "Way")):
        a, b = f"{_ordinal(rng.randint(1, 40))} {kind_a}", f"{_ordinal(rng.randint(1, 40))} {kind_b}"
        text = f"Incident location: {fake.building_number()} Oak St, {town_name(fake)} (x-st {a} / {b})\nPt: {fake.name()}"
        if kind_a.isupper():
            text = text.upper()
            a, b = a.upper(), b.upper()
        out = masked(text)
        assert hidden(text, a, out) and hidden(text, b, out), out


@pytest.mark.parametrize("locale", LOCALES)
def test_a_home_on_a_street_after_residing_at_a_building_is_masked(locale: str) -> None:
    fake = Faker(locale)
    fake.seed_instance(2)
    for kind in ("pike", "dr"):
        street = f"{fake.building_number()} {fake.last_name().lower()} {kind}"
        text = f"single, currently residing at {fake.last_name()} Apartments on {street} in {town_name(fake).lower()}, bibp from ED"
        assert hidden(text, street, masked(text)), masked(text)
    street = f"{fake.building_number()} {_ordinal(12)} PIKE"
    text = f"PT: {fake.name().upper()}  DOB 01/02/1960  HOME ADDR {street}, {town_name(fake).upper()}, RI 02888"
    assert hidden(text, street, masked(text)), masked(text)
