"""Streets named by an ordinal, addresses broken over a line, highways where an event happened,
intersections, landmarks and localities: found by their shape and the words around them."""

import pytest
from faker import Faker

from tests.deid_masking import masked

fake = Faker("en_US")
Faker.seed(20261207)


def _hidden(text: str, part: str) -> bool:
    out = masked(text)
    start = text.index(part)
    kept = [c for c, o in zip(part, out[start : start + len(part)]) if c.isalnum() and o != "#"]
    return len(kept) <= len([c for c in part if c.isalnum()]) // 10


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@pytest.mark.parametrize("case", ["upper", "lower", "title"])
@pytest.mark.parametrize("kind", ["AVE", "PL", "TERRACE", "St", "Street", "Road"])
def test_a_street_named_by_an_ordinal_is_masked(case: str, kind: str) -> None:
    street = f"{fake.building_number()} {_ordinal(fake.random_int(1, 99))} {kind}"
    street = getattr(street, case)()
    text = f"{street}, {fake.city()}, {fake.state_abbr()} {fake.zipcode()}   TEL 555-0100\n"
    assert _hidden(text, street), masked(text)


def test_an_address_whose_street_type_wraps_onto_the_next_line_is_masked() -> None:
    name = fake.last_name().upper()
    for kind in ("ST", "STREET", "AVE"):
        text = f"THE PATIENT LIVES AT {fake.building_number()} {name}\n{kind}, {fake.city().upper()}, MA 02130 WITH HIS WIFE."
        part = text[text.index("AT ") + 3 : text.index(",")]
        assert _hidden(text, part), masked(text)


@pytest.mark.parametrize("text", [
    "Completed 2 2nd line agents.\nDr. Smith to follow.",
    "Took 2 cats\nDr. Lee agrees.",
    "Day 3 of 5th course; 2 3rd degree burns.",
    "walked 2 blocks\nst: stable",
])  # fmt: skip
def test_ordinals_and_line_starts_that_are_no_street_stay(text: str) -> None:
    out = masked(text)
    for word in ("line", "agents", "Dr", "course", "degree", "blocks", "stable"):
        if word in text:
            assert word in out, out

