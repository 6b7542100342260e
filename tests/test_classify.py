"""Document type and date of service, from synthetic clinical text (names are fake)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingestion.classify import detect_date, detect_type
from ingestion.models import DocType
from tests import test_classify_types as types

DISCHARGE = """\
Springfield General Hospital
DISCHARGE SUMMARY
Patient: Jane Roe    MRN: 000123    DOB: 01/02/1950
Admission Date: 03/20/2023
Discharge Date: 03/28/2023
Attending: Alex Sample, MD

Discharge Diagnoses:
1. Community-acquired pneumonia
2. Acute kidney injury, resolved

Hospital Course:
Admitted with fever and cough. Chest x-ray showed right lower lobe consolidation.
Creatinine 1.9 mg/dL on admission, 1.1 mg/dL at discharge. Treated with ceftriaxone.

Discharge Medications:
Amoxicillin-clavulanate 875 mg by mouth twice daily for 5 days.
Follow-up visit with primary care in 1 week.
"""

PROGRESS = """\
Internal Medicine Progress Note
Date of Service: 04/11/2023
Patient: John Doe

Subjective:
Feels better. Less short of breath. No chest pain.
Objective:
BP 128/76, HR 72, afebrile. Lungs clear.
Assessment and Plan:
Heart failure, improving. Continue furosemide 40 mg daily. Cardiology consult requested.
"""

RADIOLOGY = """\
Department of Radiology
EXAM: CT HEAD WITHOUT CONTRAST
Exam Date: 05/02/2023 07:42
Patient: Jane Roe

CLINICAL HISTORY: Fall, headache.
TECHNIQUE: Axial images of the head were obtained without contrast.
COMPARISON: None.
FINDINGS: No intracranial hemorrhage, mass effect or midline shift.
IMPRESSION: No acute intracranial abnormality.
"""

LABORATORY = """\
LABORATORY REPORT
Patient: John Doe    DOB: 07/14/1961
Specimen: Blood    Collected: 06/15/2023 06:30    Reported: 06/15/2023 09:10

Test            Result    Units      Reference Range
Sodium          139       mmol/L     135-145
Potassium       4.1       mmol/L     3.5-5.1
Creatinine      0.9       mg/dL      0.6-1.2
Hemoglobin      13.2      g/dL       12.0-16.0
"""

OPERATIVE = """\
OPERATIVE REPORT
Date of Procedure: 07/19/2023
Patient: Jane Roe
Surgeon: Alex Sample, MD
Preoperative Diagnosis: Acute appendicitis.
Postoperative Diagnosis: Acute appendicitis, nonperforated.
Procedure Performed: Laparoscopic appendectomy.
Anesthesia: General endotracheal.
Estimated Blood Loss: 10 mL.
The patient tolerated the procedure well.
"""

CONSULT = """\
NEPHROLOGY CONSULTATION
Date of Consultation: 08/03/2023
Patient: John Doe
Referring Physician: Alex Sample, MD

Reason for Consultation: Rising creatinine.

History of Present Illness: 72-year-old man with creatinine up from 1.0 to 1.8 mg/dL.

Assessment and Plan:
Acute kidney injury, likely prerenal. Hold lisinopril, give IV fluids, recheck BMP tomorrow.

Thank you for referring this patient.
"""

MEDICATIONS = """\
Medication List
Patient: Jane Roe
Printed: 09/01/2023

Metformin 500 mg tablet
Sig: Take 1 tablet by mouth twice daily with meals.
Lisinopril 10 mg tablet
Sig: Take 1 tablet by mouth once daily.
Atorvastatin 20 mg tablet
Sig: Take 1 tablet by mouth at bedtime.
"""

OTHER = """\
Acme Health Plan
Member: John Doe
Dear Mr. Doe,
We received your request for a replacement member card. Your new card will arrive by mail
within ten business days. Please call the number on the back of your card with any questions.
Sincerely,
Member Services
"""


EXAMPLES = {
    DocType.DISCHARGE_SUMMARY: DISCHARGE,
    DocType.PROGRESS_NOTE: PROGRESS,
    DocType.RADIOLOGY: RADIOLOGY,
    DocType.LABORATORY: LABORATORY,
    DocType.OPERATIVE_NOTE: OPERATIVE,
    DocType.CONSULT: CONSULT,
    DocType.MEDICATION_LIST: MEDICATIONS,
    DocType.OTHER: OTHER,
}
EXAMPLES |= {  # the types of tests/test_classify_types.py
    DocType.BILL: types.BILL,
    DocType.PATHOLOGY: types.PATHOLOGY_ADDENDUM,
    DocType.HISTORY_PHYSICAL: types.HISTORY_PHYSICAL,
    DocType.ADMINISTRATIVE: types.INSURANCE_CARD,
}


@pytest.mark.parametrize("doc_type", list(DocType))
def test_each_type_is_recognised(doc_type):
    assert detect_type(EXAMPLES[doc_type]) == doc_type


def test_case_does_not_matter():
    assert detect_type(RADIOLOGY.lower()) == DocType.RADIOLOGY
    assert detect_type(OPERATIVE.upper()) == DocType.OPERATIVE_NOTE


def test_discharge_summary_with_impression_and_lab_values_stays_a_discharge_summary():
    text = (
        "DISCHARGE SUMMARY\nPatient: Jane Roe\nImpression: Pneumonia, improving.\n"
        "Findings on CT chest: right lower lobe consolidation.\nLabs: Sodium 139 mmol/L, Hemoglobin "
        "11.2 g/dL, WBC 12.1 x10^3/uL. Results reviewed.\nHospital Course: Treated with antibiotics.\n"
    )
    assert detect_type(text) == DocType.DISCHARGE_SUMMARY


@pytest.mark.parametrize("title", ["Cardiology Consultation", "CONSULT", "Neurology consult note"])
def test_consult_letter_with_soap_sections_stays_a_consult(title):
    text = (
        f"{title}\nPatient: John Doe\nSubjective: Palpitations for two weeks.\n"
        "Objective: HR 88, regular.\nAssessment and Plan:\nPalpitations, likely benign. Holter monitor.\n"
    )
    assert detect_type(text) == DocType.CONSULT


def test_ordering_a_consult_does_not_make_a_progress_note_a_consult():
    text = (
        "Subjective: Abdominal pain, improving.\nObjective: Soft, non-tender.\n"
        "Assessment and Plan:\nPlan: GI consult. Advance diet.\n"
    )
    assert detect_type(text) == DocType.PROGRESS_NOTE


def test_title_outweighs_cues_that_only_appear_in_the_body():
    filler = "".join(f"Line {i}: stable overnight, ambulating.\n" for i in range(20))
    body = "CT abdomen with contrast. Findings: none acute.\nImpression: No acute process.\n"
    assert detect_type("Progress Note\n" + filler + body) == DocType.PROGRESS_NOTE


def test_file_name_decides_when_the_text_has_no_cues():
    text = "Patient: Jane Roe\nNo acute abnormality seen.\n"
    assert detect_type(text, "ct_head_report.pdf") == DocType.RADIOLOGY
    assert detect_type(text, "Lab-Report 2023.pdf") == DocType.LABORATORY
    assert detect_type(text) == DocType.OTHER


def test_file_name_is_weaker_than_the_text():
    assert detect_type(DISCHARGE, "ct_head_report.pdf") == DocType.DISCHARGE_SUMMARY


def test_a_single_weak_cue_is_not_enough():
    assert detect_type("Dear Ms. Roe,\nYour results are in the mail.\n") == DocType.OTHER


def test_empty_text_is_other():
    assert detect_type("") == DocType.OTHER
    assert detect_type("   \n\f\n") == DocType.OTHER


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "03/28/2023",
        "3/28/23",
        "3-28-2023",
        "2023-03-28",
        "2023-03-28T07:42",
        "28-Mar-2023",
        "28-MAR-23",
        "28 Mar 2023",
        "Mar 28, 2023",
        "Mar. 28, 2023",
        "March 28th, 2023",
        "03.28.2023",
        "03/28/2023 07:42",
        "3/28/2023 7:42 PM",
        "Tuesday, March 28, 2023",
    ],
)
def test_every_written_form_is_read(written):
    assert detect_date(f"Progress Note\nDate of Service: {written}\nSeen for follow-up.") == date(2023, 3, 28)
    assert detect_date(f"Seen in clinic on {written} for follow-up.") == date(2023, 3, 28)


def test_ambiguous_numeric_dates_are_month_first():
    assert detect_date("Visit Date: 04/05/2023") == date(2023, 4, 5)


def test_birth_date_is_ignored_even_when_it_comes_first():
    assert detect_date("Patient: Jane Roe  DOB: 01/02/1950\nDate of Service: 03/28/2023") == date(2023, 3, 28)
    assert detect_date("Date of Birth: 01/02/1950\nDate: 03/28/2023") == date(2023, 3, 28)
    assert detect_date("Birth Date: 01/02/1950\nSeen 03/28/2023") == date(2023, 3, 28)
    assert detect_date("Jane Roe, D.O.B. 01/02/1950, seen 03/28/2023") == date(2023, 3, 28)
    assert detect_date("DOB:\n01/02/1950\nClinic note\n03/28/2023") == date(2023, 3, 28)


def test_only_a_birth_date_means_no_date():
    assert detect_date("Patient: Jane Roe\nDOB: 01/02/1950\nNo other dates.") is None


def test_signed_printed_and_faxed_dates_are_ignored():
    text = (
        "Faxed: 04/20/2023 10:14\nPrinted: 04/19/2023\nClinic note\nSeen 03/28/2023 for cough.\n"
        "Electronically signed by Alex Sample, MD on 04/01/2023"
    )
    assert detect_date(text) == date(2023, 3, 28)
    assert detect_date("Signed Date: 04/01/2023\nPrint Date: 04/19/2023") is None


def test_discharge_date_is_preferred_over_admission_date():
    assert detect_date(DISCHARGE) == date(2023, 3, 28)
    assert detect_date("Admission Date: 03/20/2023    Discharge Date: 03/28/2023") == date(2023, 3, 28)


# The labels in order of preference ("Specimen Collected" reads as "Collected").
LABELS = [
    "Date of Service", "DOS", "Service Date", "Visit Date", "Date of Visit", "Discharge Date",
    "Date of Discharge", "Exam Date", "Date of Exam", "Study Date", "Procedure Date", "Date of Procedure",
    "Collected", "Collection Date", "Reported", "Date of Consultation", "Consult Date", "Admission Date",
    "Date",
]


@pytest.mark.parametrize(("better", "worse"), list(zip(LABELS, LABELS[1:])), ids=lambda label: label)
def test_label_preference(better, worse):
    worse_first = f"Jane Roe\n{worse}: 01/05/2023\nNote text.\n{better}: 02/06/2023\n"
    better_first = f"Jane Roe\n{better}: 02/06/2023\nNote text.\n{worse}: 01/05/2023\n"
    assert detect_date(worse_first) == detect_date(better_first) == date(2023, 2, 6)


@pytest.mark.parametrize(
    "labelled",
    [
        "DOS 03/28/2023",
        "Date of Service (DOS): 03/28/2023",
        "Service Date/Time: 03/28/2023 07:42",
        "Date/Time: 03/28/2023 07:42",
        "Specimen Collected: 03/28/2023 06:30",
        "Date of Service:\n03/28/2023",
        "Date of Service: 3/28/2023 - 3/30/2023",
    ],
)
def test_label_variants(labelled):
    assert detect_date(f"Seen 01/05/2023 for cough.\n{labelled}\n") == date(2023, 3, 28)


def test_comparison_study_date_is_not_the_exam_date():
    text = "CHEST PA AND LATERAL\nComparison: 01/05/2023\nFindings: clear.\nDictated 03/28/2023"
    assert detect_date(text) == date(2023, 3, 28)


def test_labelled_date_is_preferred_over_an_earlier_unlabelled_one():
    text = "Received 04/02/2023\nDate: 04/01/2023\nVisit Date: 03/28/2023\nLast seen 01/10/2023."
    assert detect_date(text) == date(2023, 3, 28)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (RADIOLOGY, date(2023, 5, 2)),
        (LABORATORY, date(2023, 6, 15)),
        (OPERATIVE, date(2023, 7, 19)),
        (CONSULT, date(2023, 8, 3)),
        (PROGRESS, date(2023, 4, 11)),
    ],
)
def test_each_type_gets_its_own_date(text, expected):
    assert detect_date(text) == expected


def test_no_date_is_none():
    assert detect_date("Patient: Jane Roe\nPhone 555-123-4567. Hemoglobin 13.2 g/dL, BP 120/80.") is None
    assert detect_date("") is None


def test_impossible_dates_are_ignored():
    assert detect_date("Date of Service: 02/30/2023") is None
    assert detect_date("Date of Service: 13/45/2023\nDate: 03/28/2023") == date(2023, 3, 28)
    assert detect_date("Seen 02/30/2023, recheck 03/28/2023") == date(2023, 3, 28)


def test_years_outside_1900_to_2100_are_ignored():
    assert detect_date("Date of Service: 01/01/1850") is None
    assert detect_date("Date of Service: 2150-01-01\nDate: 03/28/2023") == date(2023, 3, 28)


def test_unlabelled_dates_deep_in_the_text_are_not_used():
    assert detect_date("No dates here. " * 150 + "Seen 03/28/2023.") is None


def ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


# Renderers for every supported form; a two-digit year means the century that puts the date
# on or before today (a document is not dated in the future).
FOUR_DIGIT_YEAR = [
    lambda d: f"{d:%m/%d/%Y}",
    lambda d: f"{d:%m-%d-%Y}",
    lambda d: f"{d.month}-{d.day}-{d.year}",
    lambda d: f"{d:%m.%d.%Y}",
    lambda d: f"{d:%Y-%m-%d}",
    lambda d: f"{d:%d-%b-%Y}",
    lambda d: f"{d.day} {d:%b} {d.year}",
    lambda d: f"{d:%b} {d.day}, {d.year}",
    lambda d: f"{d:%B} {ordinal(d.day)}, {d.year}",
]
TWO_DIGIT_YEAR = [
    lambda d: f"{d.month}/{d.day}/{d:%y}",
    lambda d: f"{d:%d-%b-%y}",
]
TIMES = ["", " 07:42", " 7:42 PM", " 23:05:10"]
FILLER_WORDS = ["Patient", "Jane", "Roe", "seen", "for", "cough", "140", "mg", "BP", "120/80", "Plan:", "\n"]
FILLER = st.lists(st.sampled_from(FILLER_WORDS), max_size=30).map(" ".join)
TODAY = date.today()


@given(
    day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    render=st.sampled_from(FOUR_DIGIT_YEAR),
    time=st.sampled_from(TIMES),
    before=FILLER,
    after=FILLER,
)
def test_any_date_in_any_four_digit_form_round_trips(day, render, time, before, after):
    assert detect_date(f"{before}\nDate of Service: {render(day)}{time}\n{after}") == day


@given(
    day=st.dates(min_value=date(TODAY.year - 49, 1, 1), max_value=TODAY),
    render=st.sampled_from(TWO_DIGIT_YEAR),
    time=st.sampled_from(TIMES),
    before=FILLER,
    after=FILLER,
)
def test_any_date_in_any_two_digit_year_form_round_trips(day, render, time, before, after):
    assert detect_date(f"{before}\nDate of Service: {render(day)}{time}\n{after}") == day


def test_a_two_digit_year_is_never_read_as_a_future_date():
    assert detect_date("Date of Service: 3/28/70") == date(1970, 3, 28)
    assert detect_date("Date of Service: 3/28/23") == date(2023, 3, 28)
