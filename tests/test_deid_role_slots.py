"""Who did it and in what role: "UPDATED BY MCKEE", "liaison Gabor Collet x4412". What must stay: teams,
services and roles in those slots ("updated by team", "started by cardiology", "hospice liaison to see pt")."""

from __future__ import annotations

import pytest
from faker import Faker

from ingestion.deid import lexicon
from tests.deid_masking import masked

_FAKES = [Faker(locale) for locale in ("en_US", "hu_HU", "en_IE", "fr_FR")]
for _i, _fake in enumerate(_FAKES):
    _fake.seed_instance(5150 + _i)


@pytest.mark.parametrize("shape", ["1315 CALL FROM BROTHER - UPDATED BY {L}.\n", "accepting MD Dr. Roe; liaison {F} {L} x4412. Auth pending.\n"])
def test_a_name_in_a_role_slot_is_masked(shape: str) -> None:
    checked = 0
    for fake in _FAKES:
        first, last = fake.first_name(), fake.last_name()
        if " " in first + last or lexicon.word_frequency(last.lower()) >= 4.0:
            continue
        text = shape.format(F=first, L=last.upper() if "BY" in shape else last)
        assert last.lower() not in masked(text).lower(), text
        checked += 1
    assert checked


@pytest.mark.parametrize(
    "text",
    ["family updated by team.", "updated by MD at bedside", "CPR started by bystander", "metoprolol started by cardiology",
     "pressors started by night team", "hospice liaison to see pt today", "liaison aware", "updated by phone", "HD started by renal"],
)
def test_teams_and_roles_in_those_slots_stay(text: str) -> None:
    assert masked(text) == text
