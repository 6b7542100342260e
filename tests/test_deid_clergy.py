"""Clergy by title in any case: "FR. DALY FROM ST ANNE'S VISITED", "Fr. MacNamee", "CHAPLAIN ANNA GRAVES".
What must stay: catheters sized in French ("16 Fr. foley"), "chaplain aware"."""

from __future__ import annotations

import pytest
from faker import Faker

from tests.deid_masking import masked

_FAKES = [Faker(locale) for locale in ("en_US", "en_IE", "en_GB", "pl_PL")]
for _i, _fake in enumerate(_FAKES):
    _fake.seed_instance(7120 + _i)


@pytest.mark.parametrize("shape", ["0600 FR. {L} FROM ST ANNE'S VISITED.\n", "0445 Fr. {l} from the parish visited.\n", "- CHAPLAIN {F} {L}\n"])
def test_a_name_after_a_clergy_title_is_masked(shape: str) -> None:
    for fake in _FAKES:
        first, last = fake.first_name(), fake.last_name()
        if " " in first + last:
            continue
        text = shape.format(F=first.upper(), L=last.upper(), l=last)
        assert last.lower() not in masked(text).lower(), text


@pytest.mark.parametrize(
    "text",
    ["placed 16 Fr. foley", "16 FR. FOLEY PLACED", "14 fr. coude placed", "18 fr. ij introducer", "8.5 Fr. sheath",
     "chaplain aware, will visit", "CHAPLAIN AT BEDSIDE, FAMILY UPDATED"],
)
def test_french_gauges_and_a_chaplain_alone_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize("text", ["- chaplain  pgr 84937", "Chaplain  pager 5-8335"])
def test_a_pager_after_a_chaplain_is_no_name(text: str) -> None:
    assert masked(text).split()[:-1] == text.split()[:-1]
