"""Bills, pathology reports, histories and physicals, and administrative papers (forms, cards, fax
covers) are their own types, also where their words overlap another type's. All text invented."""

from __future__ import annotations

import pytest

from ingestion.classify import detect_type
from ingestion.models import DocType

BILL = """\
Lakeview Regional Medical Center
STATEMENT
Account No: 88812-004    Statement date: 04/12/2024
Date of service  Description                         CPT     Charges
03/20/2024       Comprehensive metabolic panel (lab)  80053   $212.00
03/20/2024       CBC with differential                85025   $96.50
03/20/2024       Office visit, referring physician Dr Ana Ruiz  99214  $310.00
Insurance paid: $402.10      Adjustments: $120.00
Patient responsibility: $96.40
Amount due by 05/10/2024. Pay online or call billing.
"""

PATHOLOGY_ADDENDUM = """\
SURGICAL PATHOLOGY REPORT - ADDENDUM
Specimen: Right breast, core needle biopsy (ultrasound guided)
Comparison: prior biopsy 2022.
Addendum: Immunohistochemistry shows the tumour cells are ER positive (90%), PR positive (40%),
HER2 equivocal (2+); FISH to follow.
Findings and impression unchanged from the original report.
Pathologist: Dr Lena Ortiz
"""

HISTORY_PHYSICAL = """\
ADMISSION HISTORY AND PHYSICAL
Chief complaint: shortness of breath
History of present illness: 71-year-old woman with two days of dyspnoea and orthopnoea.
Past medical history: heart failure, atrial fibrillation.
Social history: lives alone, former smoker.
Review of systems: negative except as above.
Physical examination: BP 150/90, crackles at both bases.
Assessment and plan: acute decompensated heart failure; IV furosemide.
"""

INSURANCE_CARD = """\
BluePeak Health Plan    PPO
Member: Tomas Reyes
Member ID: XGH448812907    Group No: 20931
RxBIN 610014  RxPCN MEDDPRIME  RxGrp BPX
Copay: PCP $25  Specialist $50  ER $150
"""

FAX_COVER = """\
FAX COVER SHEET
To: Cardiology clinic    From: Harbor Family Practice
Number of pages including cover: 4
Re: referral and records
Confidentiality notice: this fax contains privileged information.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BILL, DocType.BILL),  # names lab tests and a referring physician: still a bill
        (PATHOLOGY_ADDENDUM, DocType.PATHOLOGY),  # "findings", "impression", "comparison", "ultrasound": not radiology
        (HISTORY_PHYSICAL, DocType.HISTORY_PHYSICAL),  # SOAP-like headings: not a progress note or other
        (INSURANCE_CARD, DocType.ADMINISTRATIVE),
        (FAX_COVER, DocType.ADMINISTRATIVE),
    ],
)
def test_the_new_types_are_recognised(text: str, expected: DocType) -> None:
    assert detect_type(text) == expected


def test_a_hospital_course_with_a_charge_word_stays_a_discharge_summary() -> None:
    text = ("DISCHARGE SUMMARY\nHospital course: admitted with sepsis; the patient was in charge of her own insulin.\n"
            "Discharge diagnoses: sepsis, resolved.\nDischarge medications: none new.\n")
    assert detect_type(text) == DocType.DISCHARGE_SUMMARY
