"""A care chain's branch named by its place ("DaVita Dalhurst", "Kindred Hospital - Lakewood") is a
facility, chain and place together; the chain alone, and a dialysis machine named for its maker,
stay. Place names from Faker or invented."""

from __future__ import annotations

import pytest
from faker import Faker

from tests.deid_masking import masked

_FAKE = Faker("en_US")
_FAKE.seed_instance(77)
_CHAINS = ("DaVita", "Fresenius Kidney Care", "Kindred Hospital", "Life Care Center of", "Select Specialty Hospital -", "US Renal Care")


@pytest.mark.parametrize("chain", _CHAINS)
def test_a_chain_and_its_branch_are_masked_together(chain: str) -> None:
    place = _FAKE.city()
    for text, name in (
        (f"Outpt HD chair at {chain} {place}, T/Th/Sat 0600.", f"{chain} {place}"),
        (f"DISCHARGED TO {chain} {place} ON 3/2".upper(), f"{chain} {place}".upper()),
        (f"hd run sheet - {chain} {place}".lower(), f"{chain} {place}".lower()),
    ):
        start = text.index(name)
        shown = masked(text)[start : start + len(name)]
        assert all(c == "#" for c, o in zip(shown, name) if o.isalnum()), text


@pytest.mark.parametrize(
    "text",
    [
        "Machine: Fresenius 2008T #8",
        "watched the sunrise from the window",
    ],
)
def test_a_chain_alone_and_its_machines_stay(text: str) -> None:
    assert masked(text) == text
