"""Whom one spoke to at an organisation: after a dash, before their number ("spoke w/ Apria - Roger 555-..."), and a
first name alone after "spoke w/" before a reference or the subject ("spoke w/ Frank (ref 1234) re: auth").
What must stay: a desk, a line or a service in those places ("spoke w/ pharmacy - refill line 555-...")."""

from __future__ import annotations

import pytest
from faker import Faker

from ingestion.deid import lexicon
from tests.deid_masking import masked

_FAKES = [Faker(locale) for locale in ("en_US", "en_GB", "sv_SE", "it_IT")]
for _i, _fake in enumerate(_FAKES):
    _fake.seed_instance(7331 + _i)

_SHAPES = [
    "* spoke w/ Apria Healthcare - {F} 555.555.0134 ext. 12; delivery on 3/4\n",
    "- SPOKE W/ THE DME COMPANY - {FU} {LU} 555-555-0134 EXT. 2; DELIVERY FRIDAY\n",
    "- spoke with the supplier's office - {F} 1-555-555-0134 ext. 3; delivery Mon\n",
    "called the insurer 555.555.0134 opt 3, spoke w/ {F} (ref 88301244) re: auth for home O2\n",
]


@pytest.mark.parametrize("shape", _SHAPES)
def test_whom_one_spoke_to_is_masked(shape: str) -> None:
    checked = 0
    for fake in _FAKES * 3:
        first, last = fake.first_name(), fake.last_name()
        if not (first.isalpha() and last.isalpha() and first.lower() in lexicon.first_names()) or lexicon.word_frequency(last.lower()) >= 4.0:
            continue
        text = shape.format(F=first, FU=first.upper(), LU=last.upper())
        assert first.lower() not in masked(text).lower(), text
        checked += 1
    assert checked


@pytest.mark.parametrize(
    "text",
    ["spoke w/ pharmacy - refill line 555-555-0134", "spoke w/ Cardiology - fellow 555-0134", "spoke w/ pt re: diet",
     "spoke w/ Will re: plan", "spoke w/ PT - OT 555-0134", "spoke w/ the office - main line 555-555-0134",
     "spoke w/ billing - front desk 555-555-0134"],
)
def test_desks_and_lines_stay(text: str) -> None:
    out = masked(text)
    for word in ("refill", "line", "fellow", "diet", "will", "plan", "ot", "main", "front", "desk"):
        if f" {word}" in text.lower():
            assert word in out.lower(), (text, out)


@pytest.mark.parametrize("first", ["Frank", "Art", "Rich", "Sunny", "Chase"])
def test_a_first_name_english_knows_after_spoke_with_is_masked(first: str) -> None:
    text = f"called the insurer 555.555.0134 opt 3, spoke w/ {first} (ref 88301244) re: auth\n* spoke w/ Lincare - {first} 555.555.0134 ext. 12\n"
    assert first not in masked(text), text
