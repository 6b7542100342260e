"""A census pair is no name when one of its words is a relation or a possessive: in capitals "PT'S SISTER MARY"
masks Mary alone, not the words that say who she is. Names from Faker."""

from __future__ import annotations

import pytest
from faker import Faker

from tests.deid_masking import masked

_RELATIONS = ("SISTER", "DAUGHTER", "SON", "WIFE", "HUSBAND", "BROTHER", "NIECE")


def _firsts(n: int) -> list[str]:
    fake = Faker("en_US")
    fake.seed_instance(1313)
    return [fake.first_name() for _ in range(n)]


@pytest.mark.parametrize(("relation", "first"), list(zip(_RELATIONS, _firsts(len(_RELATIONS)), strict=True)))
@pytest.mark.parametrize("owner", ["PT'S", "PATIENT'S", "PTS", "HER", "HIS"])
def test_who_someone_is_stays_readable_in_capitals(owner: str, relation: str, first: str) -> None:
    text = f"{owner} {relation} {first.upper()} IN FROM OUT OF TOWN"
    assert masked(text).startswith(f"{owner} {relation} "), masked(text)


@pytest.mark.parametrize("owner", ["PT'S SISTER", "DAUGHTER", "PATIENT'S SON"])
def test_the_name_after_them_is_still_a_pair(owner: str) -> None:
    fake = Faker("en_US")
    fake.seed_instance(1314)
    for _ in range(5):
        name = f"{fake.first_name()} {fake.last_name()}".upper()
        assert f"{owner} {'#' * len(name)} IN" in masked(f"{owner} {name} IN FROM OUT OF TOWN")
