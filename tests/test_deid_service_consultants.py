"""A service's consultant in brackets after "d/w": "d/w heme/onc (borges) re: CRRT", "d/w ortho (leal) who will see".
What must stay: what else such brackets hold ("d/w pharmacy (dosing)", "d/w team (rounds)", "d/w family (son)")."""

from __future__ import annotations

import pytest
from faker import Faker

from ingestion.deid import lexicon
from tests.deid_masking import masked

_FAKES = [Faker(locale) for locale in ("en_US", "es_ES", "pt_BR", "en_GB")]
for _i, _fake in enumerate(_FAKES):
    _fake.seed_instance(3310 + _i)


@pytest.mark.parametrize("shape", ["events: febrile; d/w heme/onc ({l}) re: CRRT vs iHD.", "d/w ortho ({l}) who will see today.",
                                   "D/W SURGERY ({L}) CONT PIP-TAZO", "spoke with renal ({l}) re HD"])
def test_a_consultant_in_brackets_after_a_service_is_masked(shape: str) -> None:
    checked = 0
    for fake in _FAKES:
        for _ in range(5):
            last = fake.last_name()
            if " " in last or lexicon.word_frequency(last.lower()) >= 4.0:
                continue  # a surname English writes often ("Green") needs more than brackets
            text = shape.format(l=last.lower(), L=last.upper())
            assert last.lower() not in masked(text).lower(), text
            checked += 1
    assert checked


@pytest.mark.parametrize(
    "text",
    ["d/w pharmacy (dosing)", "d/w team (rounds)", "d/w family (son) at bedside", "d/w pulm (fellow)", "d/w ortho (spine) team",
     "d/w team (attending) re plan", "d/w ID (today)", "d/w neuro (stroke)", "d/w nursing (charge)", "d/w hospice (liaison)"],
)
def test_other_words_in_such_brackets_stay(text: str) -> None:
    assert masked(text) == text
