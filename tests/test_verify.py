"""The citation verifier: each fault kind caught, faithful paraphrases kept, and the labelled set."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.verify import Verdict, verify, verify_all
from tests.data import labelled

HANDMADE = labelled.load("handmade")  # the concrete pairs below, and the passages they cite
PASSAGES = HANDMADE.passages
GENERATED_FAULT_KINDS = ("number", "unit", "date", "side", "negation", "unrelated", "invented")


def check(text: str, *cites: str) -> Verdict:
    return verify(text, cites, PASSAGES)


# --- each fault kind, on concrete examples ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cites", "named"),
    [pytest.param(c.statement, c.citations, c.named, id=c.id) for c in HANDMADE.cases if not c.supported],
)
def test_each_fault_is_caught_and_the_reason_names_it(text, cites, named):
    v = check(text, *cites)
    assert not v.supported
    assert v.score < 0.6
    assert named.lower() in v.reason.lower()
    assert cites[0] in v.reason


def test_reasons_read_as_the_issue_asks():
    assert check("Metoprolol succinate 50 mg twice daily.", "P12").reason == "the dose 50 mg is not in P12"
    assert check("Left knee x-ray.", "P3").reason == "left is not in P3 (it says right knee)"
    assert check("Pneumonia.", "P4").reason == "negation differs: P4 says pneumonia is absent"


def test_a_citation_to_an_unrelated_passage_is_unsupported():
    v = check("Amlodipine increased from 5 mg to 10 mg daily for hypertension.", "P4")
    assert not v.supported and "P4" in v.reason


# --- faithful statements pass ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cites"), [pytest.param(c.statement, c.citations, id=c.id) for c in HANDMADE.cases if c.supported]
)
def test_faithful_statements_pass(text, cites):
    v = check(text, *cites)
    assert v.supported, v.reason
    assert v.score >= 0.6


# --- citations -----------------------------------------------------------------------------------------------


def test_unknown_ids_are_reported_never_dropped():
    v = check("Metoprolol succinate 25 mg twice daily.", "P12", "P999")
    assert v.unknown == ("P999",)
    assert "P999" in v.reason and "not in the record" in v.reason
    only = check("Metoprolol succinate 25 mg twice daily.", "P999")
    assert (only.supported, only.unknown) == (False, ("P999",))
    assert only.reason == "cites P999, which is not in the record"


def test_no_citation_is_unsupported_unless_it_states_an_absence():
    assert not check("Metoprolol succinate 25 mg twice daily.").supported
    for text in ("Not documented in the record.", "No allergies documented in the record.", "Code status unknown."):
        v = check(text)
        assert (v.supported, v.score, v.reason) == (True, 1.0, "states an absence; nothing to cite")


def test_verify_all_keeps_input_order():
    statements = [
        ("Pneumonia.", ["P4"]),
        ("No pneumothorax.", ["P20"]),
        ("Metoprolol succinate 50 mg.", ["P12"]),
        ("Not documented in the record.", []),
    ]
    assert [v.supported for v in verify_all(statements, PASSAGES)] == [False, True, False, True]
    assert verify_all([], PASSAGES) == []


# --- the labelled set ------------------------------------------------------------------------------------


def test_the_generated_set_is_big_and_varied():
    data = labelled.load("generated")
    faithful = [c for c in data.cases if c.supported]
    faulty = [c for c in data.cases if not c.supported]
    assert len(faithful) >= 120 and len(faulty) >= 120
    for kind in GENERATED_FAULT_KINDS:
        assert sum(c.kind == kind for c in faulty) >= 20, kind
    assert len({c.id.rsplit("-", 2)[0] for c in data.cases}) >= 60  # ids are <template>-<instance>-<kind>
    assert {c.split for c in data.cases} == {"dev", "heldout"}


@pytest.mark.parametrize("name", ["generated", "blind1", "blind2", "blind3", "handmade"])
def test_every_citation_names_a_passage_of_its_set(name):
    # Only a case planted with an unknown id cites one; a typo in a set would otherwise pass as that fault.
    data = labelled.load(name)
    for c in data.cases:
        known = [cid for cid in c.citations if cid in data.passages]
        if c.kind in ("unknown id", "unknown_id"):
            assert not known, c
        else:
            assert len(known) == len(c.citations), c
    assert len({(c.statement, c.citations) for c in data.cases}) == len(data.cases), "a statement is there twice"
    if name == "handmade":
        assert all(c.named for c in data.cases if not c.supported)


def _precision_recall(name: str) -> tuple[float, float]:
    data = labelled.load(name)
    verdicts = verify_all(labelled.statements(data.cases), data.passages)
    flagged = [not v.supported for v in verdicts]
    faulty = [not c.supported for c in data.cases]
    tp = sum(f and g for f, g in zip(flagged, faulty, strict=True))
    return tp / sum(flagged), tp / sum(faulty)


def test_precision_and_recall_on_the_whole_set():
    precision, recall = _precision_recall("generated")
    assert precision >= 0.95, precision
    assert recall >= 0.95, recall


# --- robustness ------------------------------------------------------------------------------------------------

_text = st.text(st.characters(codec="utf-8"), max_size=300) | st.sampled_from(
    ["", " ", "25 mg", "1,000,000,000.5 mg/dL", "03/28/2023", "no not never", "L R OD", "[PERSON_1]", "((((", "0/0"]
)


@settings(max_examples=300, deadline=None)
@given(text=_text, cites=st.lists(st.sampled_from(["P1", "P2", "", "P999", "[P1]"]), max_size=3), body=_text)
def test_never_crashes(text, cites, body):
    v = verify(text, cites, {"P1": body, "P2": "Metoprolol 25 mg PO daily. No pneumonia."})
    assert isinstance(v, Verdict) and 0.0 <= v.score <= 1.0 and isinstance(v.reason, str)
    assert len(v.reason) <= 300


def test_huge_and_odd_inputs():
    big = "Metoprolol 25 mg daily. " * 5000
    assert isinstance(verify(big, ["P1"], {"P1": big}), Verdict)
    assert isinstance(verify("\x00\ufffd\u202e 5 µg", ["P1"], {"P1": "5 mcg \u00a0"}), Verdict)
    assert verify("5 µg", ["P1"], {"P1": "5 mcg"}).supported


def test_a_non_prefix_negates_its_own_word_only() -> None:
    passage = {"P1": "Non-contrast CT of the head: no acute hemorrhage. Non-ischemic cardiomyopathy."}
    assert verify("Non-contrast head CT shows no hemorrhage.", ["P1"], passage).supported
    assert verify("Nonischemic cardiomyopathy.", ["P1"], passage).supported
    assert not verify("Ischemic cardiomyopathy.", ["P1"], passage).supported
    assert not verify("Head CT shows hemorrhage.", ["P1"], passage).supported


# --- general rules: abbreviations, derived findings, units, frequencies, medication status ------------------

RULES = {
    "R1": "ED: Given ASA 324 mg PO chewed. Plan LHC tomorrow AM; hold metoprolol for SBP<100.",
    "R2": "UA: glucose negative; ketones negative; nitrite positive. Set 2 (R hand) - no growth at 5 days.",
    "R3": "BMP: Na 131 mmol/L (L); K 5.8 mmol/L (H). CBC: Plt 98 K/uL (L). Vitals: T 38.6 C, HR 118.",
    "R4": "Needs: protein 117 g/day. Pantoprazole 80 mg IV bolus then 8 mg/h infusion. Complications: none.",
    "R5": "Recs: stop glipizide; start semaglutide 0.25 mg SC weekly; continue metformin 1000 mg BID. "
          "Clopidogrel held; aspirin continued. Furosemide 40 mg PO daily; apixaban 5 mg PO BID.",
    "R6": "US: 1.6 x 1.2 x 1.4 cm irregular mass. BI-RADS 5. Findings: inflamed, non-perforated appendix.",
}


@pytest.mark.parametrize(
    "text",
    [
        "Aspirin 324 mg was given by mouth.",  # ASA
        "Left heart catheterization was planned.",  # LHC
        "Metoprolol was to be held for systolic blood pressure below 100.",  # SBP
    ],
)
def test_clinical_abbreviations_are_expanded(text):
    assert verify(text, ["R1"], RULES).supported, verify(text, ["R1"], RULES).reason


def test_coordinated_negation_and_sided_abbreviations():
    assert verify("Urine glucose and ketones were negative.", ["R2"], RULES).supported
    assert not verify("Urine glucose and ketones were positive.", ["R2"], RULES).supported
    assert verify("Set 2, from the right hand, had no growth at 5 days.", ["R2"], RULES).supported
    assert not verify("Set 2, from the left hand, had no growth at 5 days.", ["R2"], RULES).supported


def test_flagged_labs_and_temperatures_name_their_findings():
    assert verify("Labs showed hyperkalemia, hyponatremia and thrombocytopenia.", ["R3"], RULES).supported
    assert verify("The patient was febrile to 38.6 C.", ["R3"], RULES).supported
    assert not verify("Labs showed hypokalemia.", ["R3"], RULES).supported
    assert not verify("The platelet count was normal.", ["R3"], RULES).supported


def test_units_spelled_out_match_their_symbols():
    assert verify("Platelets were 98,000 per microliter.", ["R3"], RULES).supported
    assert verify("Protein needs were 117 grams per day.", ["R4"], RULES).supported
    assert verify("Pantoprazole was infused at 8 mg per hour after an 80 mg bolus.", ["R4"], RULES).supported
    assert not verify("Pantoprazole was infused at 8 mg per day.", ["R4"], RULES).supported
    assert verify("There were no complications.", ["R4"], RULES).supported
    assert verify("Ultrasound showed a 1.6 cm irregular mass.", ["R6"], RULES).supported


def test_a_drugs_frequency_is_the_one_given_for_that_drug():
    assert verify("Furosemide 40 mg PO daily and apixaban 5 mg twice daily.", ["R5"], RULES).supported
    v = verify("Apixaban 5 mg PO daily.", ["R5"], RULES)  # "daily" is in the passage, but not for apixaban
    assert not v.supported and "apixaban" in v.reason
    assert not verify("Semaglutide 0.25 mg SC daily was started.", ["R5"], RULES).supported


def test_a_drugs_status_must_agree_with_the_passages():
    assert verify("Glipizide was stopped and semaglutide started.", ["R5"], RULES).supported
    assert verify("Clopidogrel was held and aspirin was continued.", ["R5"], RULES).supported
    assert verify("Metformin 1000 mg twice daily was continued.", ["R5"], RULES).supported
    for text in ("It was recommended to continue glipizide.", "Metformin was discontinued.",
                 "Both aspirin and clopidogrel were held.", "Semaglutide was stopped."):
        v = verify(text, ["R5"], RULES)
        assert not v.supported and "R5 says" in v.reason, (text, v.reason)


def test_graded_classifications_and_non_prefixes():
    assert verify("The mass was BI-RADS 5.", ["R6"], RULES).supported
    assert not verify("The mass was BI-RADS 4.", ["R6"], RULES).supported
    assert verify("The appendix was inflamed but not perforated.", ["R6"], RULES).supported
    assert not verify("The appendix was perforated.", ["R6"], RULES).supported


def test_an_acronym_and_its_words_are_the_same_term_with_the_same_polarity() -> None:
    passage = {"P1": "Plan: lumpectomy + SLNB. EBL 10 mL. Denies AH/VH."}
    assert verify("Plan for lumpectomy and sentinel lymph node biopsy.", ["P1"], passage).supported
    assert verify("Estimated blood loss was 10 mL.", ["P1"], passage).supported
    assert verify("EBL 10 mL.", ["P1"], {"P1": "Estimated blood loss 10 mL."}).supported
    assert not verify("Plan for lumpectomy and axillary dissection.", ["P1"], passage).supported
    assert not verify("He reports auditory hallucinations.", ["P1"], passage).supported


def test_an_acronym_spelled_out_with_letters_from_inside_its_words() -> None:
    # Letters may come from inside a word (sensori-N-eural, post-P-artum), written either way round,
    # and the rewrites ("GTT" is also a drip) must not hide the acronym as written.
    passage = {"P1": "Audiogram: R ear mild SNHL. PPD#1, 3-h GTT ordered. Feeds 30 mL q3h PO/NG."}
    for text in ("Right ear mild sensorineural hearing loss.", "On postpartum day 1 a 3-hour GTT test was ordered.",
                 "On postpartum day 1 a 3-hour glucose tolerance test was ordered.",
                 "Feeds of 30 mL every 3 hours, by mouth or nasogastric."):
        assert verify(text, ["P1"], passage).supported, text
    assert verify("Mild SNHL on the right.", ["P2"], {"P2": "Right ear: mild sensorineural hearing loss."}).supported
    # A route or a frequency stands for nothing: "PRN" is not "prednisone".
    v = verify("Ibuprofen 400 mg PRN and a prednisone taper.", ["P3"], {"P3": "Ibuprofen 400 mg PO q6h PRN pain."})
    assert not v.supported and "prednisone" in v.reason
    # Still a real check: words the acronym does not stand for are missing.
    assert not verify("Mild sensorineural hearing loss and tinnitus in the right ear.", ["P1"], passage).supported


def test_a_treatments_status_reads_past_its_dose_and_under_a_list_heading() -> None:
    passage = {"P1": "Sertraline 50 mg PO qHS PRN insomnia continued. Telemetry discontinued 04/02. "
                     "Plan: start zorbidate ER 18 mg PO qAM.",
               "P2": "Discharge medications. NEW: apixaban 5 mg PO BID. STOP: aspirin 81 mg; diltiazem 120 mg."}
    assert verify("Sertraline was continued.", ["P1"], passage).supported
    assert verify("Apixaban 5 mg twice daily was started and aspirin stopped.", ["P2"], passage).supported
    for text, cite in (("Sertraline 50 mg at bedtime was discontinued.", "P1"), ("Telemetry was continued.", "P1"),
                       ("Zorbidate ER 18 mg every morning was continued.", "P1"),  # ER: extended release
                       ("Diltiazem 120 mg was continued at discharge.", "P2")):
        v = verify(text, [cite], passage)
        assert not v.supported and f"{cite} says" in v.reason, (text, v.reason)


def test_opposites_and_intervals_in_days() -> None:
    passage = {"P1": "Patient declined PT referral. Painless vision loss OS. Dressing change q3 days; INR q2wk."}
    for text in ("The patient accepted the physical therapy referral.", "The vision loss was painful."):
        v = verify(text, ["P1"], passage)
        assert not v.supported and "P1 says" in v.reason, (text, v.reason)
    assert verify("The patient declined a physical therapy referral.", ["P1"], passage).supported
    assert verify("The dressing is changed every three days and INR checked every 2 weeks.", ["P1"], passage).supported
    assert not verify("The dressing is changed every 5 days.", ["P1"], passage).supported
    # A list number before a side is not a lab flag: "(1) L upper back" is the left upper back.
    lesions = {"P2": "Skin: (1) L upper back 6 mm macule, shave bx. (2) R forearm 3 mm papule."}
    assert verify("A 6 mm macule on the left upper back was biopsied.", ["P2"], lesions).supported
    assert not verify("A 6 mm macule on the right upper back was biopsied.", ["P2"], lesions).supported


def test_times_a_week_days_without_a_year_gestational_age_and_plain_words() -> None:
    passage = {"P1": "HD 3x/wk via L AVF. Admitted 9/1-9/6 for CAP. GA 34+2 wk at birth; C2D1 given. Runny nose x3 d."}
    for text in ("Hemodialysis three times weekly via a left AV fistula.",
                 "Admitted from September 1 to September 6 for community-acquired pneumonia.",
                 "Born at 34 2/7 weeks' gestation; cycle 2, day 1 was given.", "Rhinorrhea for 3 days."):
        assert verify(text, ["P1"], passage).supported, text
    for text in ("Hemodialysis twice weekly.", "Admitted from September 1 to September 8.", "Born at 33 2/7 weeks."):
        assert not verify(text, ["P1"], passage).supported, text


def test_a_drug_named_twice_has_two_sets_of_facts() -> None:
    passage = {"P1": "Taking metoprolol tartrate 25 mg PO BID and metoprolol succinate 50 mg PO daily (duplicate)."}
    assert verify("Metoprolol tartrate 25 mg twice daily.", ["P1"], passage).supported
    v = verify("Metoprolol tartrate 25 mg daily.", ["P1"], passage)
    assert not v.supported and "frequency" in v.reason


def test_doses_given_a_number_of_times_and_drugs_known_by_their_context() -> None:
    passage = {"P1": "Hypotension after induction; ephedrine 10 mg IV x2. Zorbinate 40 mcg IV weekly continued.",
               "P2": "Vasopressors: none. Smoke-free home. No chest pain; back pain 6/10. ASA III."}
    assert verify("Ephedrine 10 mg was given twice for hypotension.", ["P1"], passage).supported
    for text, cite in (("Ephedrine 10 mg IV x3 after induction.", "P1"),  # the count is ephedrine's
                       ("Zorbinate was stopped.", "P1"),  # an unknown name before a dose is a drug all the same
                       ("Zorbinate 40 mcg IV daily.", "P1"),
                       ("A smoker lives in the home.", "P2"), ("Chest pain persists.", "P2"), ("ASA II.", "P2")):
        v = verify(text, [cite], passage)
        assert not v.supported, (text, v.reason)
    assert verify("Zorbinate 40 mcg weekly was continued; no chest pain, back pain 6/10.", ["P1", "P2"], passage).supported


def test_given_and_omitted_doses_greek_endings_and_sides_inside_an_acronym() -> None:
    passage = {"P1": "MAR: ketorolac 15 mg IV q6h - HELD (Cr 1.6); cefazolin 2 g IV given 08:00. Foley catheter to be removed today.",
               "P2": "Echo: LVEF 60%; RVSP 45 mmHg. Duplex: occlusive thrombus in the R popliteal vein."}
    for text in ("Ketorolac 15 mg IV was given.", "The Foley catheter will be continued."):
        v = verify(text, ["P1"], passage)
        assert not v.supported and "P1 says" in v.reason, (text, v.reason)
    assert verify("Ketorolac was held for a creatinine of 1.6; cefazolin 2 g was given.", ["P1"], passage).supported
    assert verify("Right ventricular systolic pressure was 45 mmHg.", ["P2"], passage).supported
    assert verify("Duplex showed right popliteal vein thrombosis.", ["P2"], passage).supported
    assert not verify("Duplex showed left popliteal vein thrombosis.", ["P2"], passage).supported


def test_a_cultures_susceptibilities_bind_to_each_drug() -> None:
    passage = {"P1": "Urine cx: >100,000 CFU/mL E. coli. Susceptibilities: ampicillin R; cefazolin S; ciprofloxacin R.",
               "P2": "Sputum cx: Strep pneumoniae (PCN-S); R to azithromycin."}
    for text in ("The E. coli was resistant to ampicillin and ciprofloxacin but susceptible to cefazolin.",
                 "Penicillin-sensitive Streptococcus pneumoniae, resistant to azithromycin."):
        assert verify(text, ["P1", "P2"], passage).supported, text
    for text in ("The E. coli was susceptible to ciprofloxacin.", "The pneumococcus was penicillin-resistant."):
        v = verify(text, ["P1", "P2"], passage)
        assert not v.supported and "not" in v.reason, (text, v.reason)


def test_a_change_of_dose_has_a_direction() -> None:
    passage = {"P1": "Medication changes: furosemide 20 mg PO daily -> 40 mg PO daily; lisinopril 20 mg to 10 mg daily."}
    assert verify("Furosemide was increased from 20 mg to 40 mg daily.", ["P1"], passage).supported
    assert verify("Lisinopril was reduced to 10 mg daily.", ["P1"], passage).supported
    for text in ("Furosemide was decreased to 40 mg daily.", "Lisinopril was increased to 10 mg daily."):
        v = verify(text, ["P1"], passage)
        assert not v.supported and "P1 says" in v.reason, (text, v.reason)


@pytest.mark.parametrize(("name", "floor"), [("blind1", 0.88), ("blind2", 0.86), ("blind3", 0.83)])
def test_sets_written_blind_stay_above_the_floor_measured_on_them(name: str, floor: float) -> None:
    # Not a goal (that is 95/95) but a guard: a change that makes the verifier worse on text it was
    # never tuned on shows here. Floors sit a little under what was measured (README).
    precision, recall = _precision_recall(name)
    assert precision >= floor and recall >= floor, (name, precision, recall)
