"""Facilities as British, Irish, Australian, New Zealand and Canadian notes name them: named wards and
units, pharmacies and chemists, practices and health teams, in any case; a facility's initials and a
ward's name alone wherever the record repeats them; departments and ward numbers stay."""

import pytest

from tests.deid_masking import masked


@pytest.mark.parametrize("text, name", [
    ("Medication reconciliation (Penhallow Ward) -- 3rd Oct", "Penhallow Ward"),
    ("reviewed by physio and OT on KESWORTH UNIT; walking with a frame", "KESWORTH"),
    ("dosette filled by tamarind pharmacy weekly", "tamarind pharmacy"),
    ("collected from Brackwater Chemist as prescribed", "Brackwater Chemist"),
    ("BLISTER PACK FROM LARKSPUR PHARMACY.", "LARKSPUR PHARMACY"),
    ("GP: Dr Hale, Ormsby Family Doctors", "Ormsby Family Doctors"),
    ("sent in by family doctor dr. vance (quillon family health team)", "quillon family health team"),
    ("Plan: refer to Tarnby Park CMHT; review in 2/52.", "Tarnby Park CMHT"),
    ("Transferred from Ellerby Rehab Unit for review.", "Ellerby Rehab Unit"),
    ("Ward: Pemberton\nConsultant: Ms Doyle", "Pemberton"),
    ("Previous admission to Ravensworth in 1996.", "Ravensworth"),
])  # fmt: skip
def test_a_named_ward_pharmacy_or_practice_is_masked(text: str, name: str) -> None:
    start = text.index(name)
    assert set(masked(text)[start : start + len(name)]) <= {"#", " "}, masked(text)


@pytest.mark.parametrize("text, kept", [
    ("Transferred to the Respiratory Ward for NIV.", "Respiratory Ward"),
    ("ADMITTED TO CORONARY CARE UNIT OVERNIGHT", "CORONARY CARE UNIT"),
    ("HANDOVER Ward 9C bed 8, stable overnight", "Ward 9C"),
    ("Name: Quill, Harriet   Unit No: 448120", "Unit No"),
    ("Wound R calf 2x4cm, sloughy base, moderate exudate.", "sloughy base"),
    ("independent with stoma care; perching stool ordered", "stoma care"),
    ("Follow up in the fracture clinic in 2/52.", "fracture clinic"),
])  # fmt: skip
def test_departments_ward_numbers_and_clinical_words_stay(text: str, kept: str) -> None:
    assert kept in masked(text)


def test_a_facilitys_initials_and_a_wards_name_are_masked_wherever_the_record_repeats_them() -> None:
    letter = "Department of General Medicine, University Hospital Carrowmore\nSeen on Lisnaskea Ward."
    later = "UHC PATHOLOGY -- MICROBIOLOGY\nphone log (lisnaskea) 0300: no change."
    out = masked(later, [letter])
    assert "UHC" not in out and "lisnaskea" not in out, out
    assert "UHC" in masked(later), "initials are masked only when the record names the facility"
