"""Outpatient and community slots for names: who gave a dialysis treatment ("Tx by Luce Greene;"), a relative
before a spaced dash and the relation ("with art roman - husband", "MATOUS VERSCHUERE - GRANDSON"), and the
occupational-health employee's label ("Employee: Erdogan, Mehmet  Employer: ..."). What must stay: services
and proxy labels in those places ("tx by IR", "DPOA - partner ...", "health care agent - niece ...")."""

from __future__ import annotations

import pytest
from faker import Faker

from ingestion.deid import lexicon
from tests.deid_masking import masked

_FAKES = [Faker(locale) for locale in ("en_US", "fr_FR", "cs_CZ", "tr_TR")]
for _i, _fake in enumerate(_FAKES):
    _fake.seed_instance(3131 + _i)


@pytest.mark.parametrize(
    "shape",
    ["Labs drawn for monthly. Tx by {F} {L}; Ana Ruiz, RN\n", "s: 70 yo f w/ copd here for f/u, with {fl} {ll} - husband. last seen 3/4\n",
     "Visit at home. Also present: {FU} {LU} - GRANDSON.\n", "OCCUPATIONAL HEALTH  03/04/22\nEmployee: {L}, {F}  Employer: Acme Plastics\n"],
)
def test_a_name_in_an_outpatient_slot_is_masked(shape: str) -> None:
    checked = 0
    for fake in _FAKES * 3:
        first, last = fake.first_name(), fake.last_name()
        if not (first.isalpha() and last.isalpha()) or first.lower() in lexicon.safe_words() or lexicon.word_frequency(last.lower()) >= 4.0:
            continue
        text = shape.format(F=first, L=last, FU=first.upper(), LU=last.upper(), fl=first.lower(), ll=last.lower())
        out = masked(text).lower()
        assert last.lower() not in out and first.lower() not in out, (text, out)
        checked += 1
    assert checked


@pytest.mark.parametrize(
    "text",
    ["tx by IR with coils", "treated by PCP with abx", "lives alone - daughter nearby", "PT - daughter to assist",
     "HCP/NOK: DPOA - partner to decide", "health care agent - niece to decide", "NEXT OF KIN - GRANDSON", "Client: stable, no concerns"],
)
def test_services_and_proxy_labels_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize("shape", ["also present: {fl} {i}. (wife).\n", "Also on call: {LU} (GRANDSON) 555-0134.\n"])
def test_a_name_before_its_relation_in_brackets_is_masked(shape: str) -> None:
    checked = 0
    for fake in _FAKES * 3:
        first, last = fake.first_name(), fake.last_name()
        if not (first.isalpha() and last.isalpha()) or any(lexicon.english_word(w) or w in lexicon.safe_words() for w in (first.lower(), last.lower())):
            continue
        text = shape.format(fl=first.lower(), i=last[0].lower(), LU=last.upper())
        out = masked(text).lower()
        assert (first if "{fl}" in shape else last).lower() not in out, (text, out)
        checked += 1
    assert checked
