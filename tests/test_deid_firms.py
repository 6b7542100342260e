"""Firms named for their partners ("Patel, Scott and Jones", "Gould-Foster", "Hunt and Sons"), as
Faker writes companies, where a note names an employer or a practice; and the eponyms of the same
shape that stay ("Stevens-Johnson", "Jackson-Pratt drain"). All names from Faker or invented."""

from __future__ import annotations

import pytest
from faker import Faker

from ingestion.deid import lexicon
from tests.deid_masking import masked

_FAKE = Faker("en_US")
_FAKE.seed_instance(1313)
_CONTEXTS = (
    "WORK/INCOME: Works full-time at {c}; pension.",
    "Retired from {c} in 2019, receives SSI.",
    "Employer: {c}",
    "PCP: Dr. Okafor ({c}), fax on file.",
    "pt injured at work ({c} warehouse) per EMS.",
)


def _partner() -> str:
    """A Faker surname the firm shape can stand on: no clinical or note word ("Walker", "Bell")."""
    while True:
        name = _FAKE.last_name()
        if name.lower() in lexicon.last_names() and name.lower() not in lexicon.never_names() and "-" not in name:
            return name


def _firms() -> list[str]:
    firms = []
    for i in range(15):
        a, b, c = _partner(), _partner(), _partner()
        firm = (f"{a}, {b} and {c}", f"{a}-{b}", f"{a} and Sons")[i % 3]
        firms.append(firm.upper() if i % 2 else firm)
    return firms


@pytest.mark.parametrize("firm", _firms())
def test_a_firm_named_for_its_partners_is_masked(firm: str) -> None:
    for context in _CONTEXTS:
        text = context.format(c=firm)
        if context.isupper() or firm.isupper():
            text = text.upper()
        assert "#" * len(firm) in masked(text), text


@pytest.mark.parametrize(
    "text",
    [
        "h/o Stevens-Johnson after bactrim",
        "Jackson-Pratt drain to bulb suction, 30 mL serosanguinous",
        "Wong-Baker 6/10",
        "Cheyne-Stokes respirations overnight",
        "Mallory-Weiss tear on EGD",
        "Wolff-Parkinson-White on ECG",
        "HX OF SELF-HARM, SITTER AT BEDSIDE",
        "NAUSEA, VOMITING AND DIARRHEA X 2 DAYS",
        "CT CHEST, ABDOMEN AND PELVIS NEG",
        "Plan: PT, OT and SLP evals.",
        "BI-PAP overnight",
    ],
)
def test_clinical_words_of_the_same_shape_stay(text: str) -> None:
    assert masked(text) == text
