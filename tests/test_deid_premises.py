"""Facilities named without a facility's word: pharmacy chains where prescriptions go, and wards named
for a building ("Walker 9 North"). What must stay: "CVS: S1 S2", "target INR", "Bed 5", "Lasix 40"."""

import pytest

from ingestion.deid import find_phi

PLACES = {"FACILITY", "CITY", "ZIP", "STREET_ADDRESS"}


def found(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_phi([text])[0] if s.entity_type in PLACES]


@pytest.mark.parametrize("text, place", [
    ("Prescriptions sent to the CVS at Main St.", "CVS"), ("wife bringing med list from cvs on elm st", "cvs"),
    ("HOME MEDS FROM WALGREENS (ELM ST).", "WALGREENS"), ("Prescriptions sent to Stop and Shop pharmacy.", "Stop and Shop"),
    ("friend bringing med list from Rite Aid", "Rite Aid"), ("picked up at Boots pharmacy in town", "Boots"),
    ("She was transferred to Walker 9 North and started on IV antibiotics.", "Walker 9 North"), ("tx to Parini 5 for tele", "Parini 5"),
    ("transferred to Ellison 12 on 3/4", "Ellison 12"),
])  # fmt: skip
def test_a_chain_or_a_ward_named_for_a_building_is_a_facility(text: str, place: str) -> None:
    assert any(place in f for f in found(text))


@pytest.mark.parametrize("text", [
    "CVS: S1 S2 normal, no murmur.", "cvs: rrr", "RS: clear. CVS: HS I+II+0.", "target sbp < 140", "Boots and gloves on.",
    "transferred to Bed 5", "transferred to the ICU 4", "started on Lasix 40 mg", "transferred to 4 West",
])  # fmt: skip
def test_the_same_words_elsewhere_stay(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("text, place", [
    ("referrals sent via portal to:\n 1. milley nursing and rehabilitation center\n", "milley nursing and rehabilitation center"),
    ("PCP: Dr. Lee, Pearson and Martin Primary Care", "Pearson and Martin Primary Care"),
    ("PCP: DR. LEE, RAMIREZ AND CRAIG PRIMARY CARE", "RAMIREZ AND CRAIG PRIMARY CARE"),
])  # fmt: skip
def test_a_nursing_home_in_lower_case_and_a_practice_of_two_partners_are_facilities(text: str, place: str) -> None:
    assert any(place in f for f in found(text))


@pytest.mark.parametrize("text", ["declined nursing and rehabilitation center placement", "seen by primary care and cardiology",
                                  "gf prefers wescrest nursing and rehabilitation center, cm to call."])
def test_the_kinds_alone_and_the_sentences_verb_stay(text: str) -> None:
    assert not any(w in " ".join(found(text)) for w in ("declined", "primary", "prefers"))


@pytest.mark.parametrize("text, place", [
    ("ESRD, missed HD, K 7.1 | from OSH (Valley Crest); recheck K", "Valley Crest"), ("from osh (summitspur); back to floor", "summitspur"),
    ("- DME: rolling walker and shower chair from Sakarya Home Medical.", "Sakarya Home Medical"),
    ("- Transport: Pechel Medical Transport BLS booked", "Pechel Medical Transport"), ("PCP: Dr. Ruiz (Halhurst FM)", "Halhurst FM"),
    ("WORK/INCOME: Works full-time at Hawkins Tool & Die; receives SSI.", "Hawkins Tool & Die"),
    ("referral to Area Agency on Aging of Thornton", "Agency on Aging of Thornton"), ("rehab screen w/ Glenstead; groin check", "Glenstead"),
])  # fmt: skip
def test_an_outside_hospital_in_brackets_a_supplier_a_practice_or_an_employer_is_a_facility(text: str, place: str) -> None:
    assert any(place in f for f in found(text))


@pytest.mark.parametrize("text", ["from OSH (records pending)", "osh (icu) course c/b delirium", "works full-time at home"])
def test_what_is_said_of_an_outside_hospital_stays(text: str) -> None:
    assert found(text) == []
