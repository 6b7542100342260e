"""A primary care physician named after "PCP" with the practice in brackets ("PCP Susan Maresova (Baydale
Family Medicine) notified"); "PCP" is also pneumocystis, so drugs and prophylaxis around it stay."""

from __future__ import annotations

import pytest
from faker import Faker

from tests.deid_masking import masked


def test_a_pcp_named_before_the_practice_is_masked() -> None:
    fake = Faker()
    fake.seed_instance(11)
    for name in ["Tijn Malmstrom", *(f"{fake.first_name()} {fake.last_name()}" for _ in range(6))]:
        text = f"- PCP {name} (Baydale Family Medicine) notified; TCM visit Friday."
        assert name not in masked(text), text


@pytest.mark.parametrize(
    "text",
    ["on Bactrim PCP ppx", "atovaquone PCP prophylaxis", "PCP aware. PCP office to call. PCP Follow Up in 1 week.", "h/o PCP Pneumonia Treated"],
)
def test_pneumocystis_and_pcp_tasks_stay(text: str) -> None:
    assert masked(text) == text


def test_who_referred_is_masked() -> None:
    fake = Faker()
    fake.seed_instance(5)
    for name in ["Vaughn", "O'Lupain, Mary", "Walker, Anne", *(f"{fake.last_name()}, {fake.first_name()}" for _ in range(5))]:
        text = f"Unit: 4 West\nReferral: {name} for dispo planning after SBO.\n"
        assert name not in masked(text), text


@pytest.mark.parametrize("text", ["Referral: Outpatient for PT", "Referral: Home Health for PT/OT", "Referral: Hospice for eval", "referral: pt for dispo"])
def test_what_a_referral_is_for_stays(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize("name", ["Valentim", "Ngozi"])
def test_whom_a_fax_is_for_is_masked(name: str) -> None:
    assert name not in masked(f"- OSH records faxed to the clinic, attn {name}.")


@pytest.mark.parametrize("text", ["faxed to pcp office, attn medical records.", "faxed, attn pcp.", "faxed attn billing, attn nurse manager."])
def test_whom_a_fax_is_for_stays_when_a_department(text: str) -> None:
    assert masked(text) == text
