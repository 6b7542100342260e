"""Rule fixes measured on the clinical pairs: each with a faithful statement that must pass and a
faulty twin that must stay flagged, so a fix that simply stops flagging fails here."""

from __future__ import annotations

import pytest

from app.verify import verify


def supported(statement: str, passage: str) -> bool:
    return verify(statement, ("P1",), {"P1": passage}).supported


# --- month and year in figures ("CT 01/2025") -------------------------------------------------------


@pytest.mark.parametrize(
    ("passage", "faithful", "faulty"),
    [
        ("Screening mammogram 2/2025 BI-RADS 1.", "Her February 2025 screening mammogram was BI-RADS 1.",
         "Her March 2025 screening mammogram was BI-RADS 1."),
        ("Osimertinib 80 mg daily since 10/2024.", "Osimertinib 80 mg daily since October 2024.",
         "Osimertinib 80 mg daily since October 2023."),
        ("CT 01/2025: no new lesions.", "The January 2025 CT showed no new lesions.",
         "The January 2024 CT showed no new lesions."),
        ("Dilated retinal exam 09/2024 without retinopathy.", "No retinopathy on the dilated exam in 09/2024.",
         "No retinopathy on the dilated exam in 08/2024."),
    ],
)
def test_a_month_and_year_in_figures_is_that_month(passage, faithful, faulty):
    assert supported(faithful, passage)
    assert not supported(faulty, passage)


def test_a_fraction_is_not_a_month():
    assert not supported("Epinephrine 1/1000 was given in March 2001.", "Epinephrine 1/1000 given.")


# --- a time of day in four bare digits ("Epidural placed 0240") ---------------------------------------


@pytest.mark.parametrize(
    ("passage", "faithful", "faulty"),
    [
        ("Epidural placed 0240.", "The epidural went in at 02:40.", "The epidural went in at 02:50."),
        ("ECG 1420: inferior ST elevation.", "The ECG at 14:20 showed inferior ST elevation.",
         "The ECG at 16:20 showed inferior ST elevation."),
        ("BiPAP started 2215.", "BiPAP started at 10:15 PM.", "BiPAP started at 10:15 AM."),
    ],
)
def test_four_bare_digits_may_give_a_time_of_day(passage, faithful, faulty):
    assert supported(faithful, passage)
    assert not supported(faulty, passage)


def test_an_amount_in_four_digits_is_never_a_time():
    assert not supported("She voided at 10:00.", "Voided 1000 mL.")
    assert not supported("She was weighed at 14:20.", "Birth weight 1420 g.")


# --- uncertainty is not negation ("cannot exclude", "not ruled out") --------------------------------


CXR = "CXR: hazy right perihilar opacity; cannot exclude early pneumonia in the appropriate clinical setting."


@pytest.mark.parametrize(
    "faithful",
    [
        "A hazy right perihilar opacity was seen, for which early pneumonia could not be ruled out.",
        "Early pneumonia cannot be excluded on the film with a hazy right perihilar opacity.",
        "The hazy right perihilar opacity keeps early pneumonia on the differential.",
    ],
)
def test_an_uncertain_finding_stated_as_uncertain_passes(faithful):
    assert supported(faithful, CXR)


@pytest.mark.parametrize(
    "faulty",
    [
        "The hazy right perihilar opacity is early pneumonia.",  # overstated
        "Early pneumonia was ruled out despite a hazy right perihilar opacity.",  # denied
    ],
)
def test_a_finding_only_not_excluded_is_neither_present_nor_absent(faulty):
    v = verify(faulty, ("P1",), {"P1": CXR})
    assert not v.supported


def test_a_passive_uncertainty_cue_reaches_back():
    passage = "Pulmonary embolism was not ruled out; CTA pending."
    assert supported("Pulmonary embolism has not been excluded; a CTA is pending.", passage)
    assert not supported("She has a pulmonary embolism; a CTA is pending.", passage)
    assert not supported("No pulmonary embolism; a CTA is pending.", passage)


# --- "no history of X or Y": the history is what is denied, and everything it lists ------------------


def test_no_history_of_denies_what_it_lists():
    passage = "Neuro: no history of seizures or syncope."
    assert supported("She has had no seizures or syncope.", passage)
    assert not supported("She has a history of syncope.", passage)
    assert not supported("She has had seizures.", passage)


# --- "resolved" in a statement tells a course, in a passage the state now ---------------------------


def test_a_statement_that_a_finding_resolved_agrees_with_it_present_before():
    passage = "Admitted with fever and leukocytosis, treated with ceftriaxone."
    assert supported("Her fever and leukocytosis resolved with ceftriaxone.", passage)
    assert not supported("Her fever and leukocytosis resolved with cefepime.", passage)


def test_a_passage_that_a_finding_resolved_says_it_is_gone():
    passage = "Hypoxia resolved; discharged on room air."
    assert supported("Her hypoxia resolved and she went home on room air.", passage)
    assert not supported("She had persistent hypoxia and went home on room air.", passage)


# --- "CT head negative": the study's site is not a denied finding ------------------------------------


def test_the_site_of_a_negative_study_is_not_denied():
    passage = "ED: fall from ladder. CT head/C-spine negative. Troponin negative."
    assert supported("He had normal CT scans of the head and cervical spine after a fall from a ladder.", passage)
    assert not supported("He had an elevated troponin after a fall from a ladder.", passage)


# --- general clinical abbreviations and synonyms ------------------------------------------------------


@pytest.mark.parametrize(
    ("passage", "faithful", "faulty"),
    [
        ("3 days of progressive DOE.", "Three days of worsening breathlessness on exertion.",
         "Three days of worsening chest pain on exertion."),
        ("Labs: T bili 3.8 (H).", "Total bilirubin was 3.8.", "Total bilirubin was 8.3."),
        ("COPD exac, prednisone day 5/5.", "COPD exacerbation, on day 5 of 5 of prednisone.",
         "COPD exacerbation, on day 5 of 5 of methylprednisolone."),
        ("Norepinephrine weaned off; pressors off since 0400.", "Vasopressors have been off since 04:00.",
         "Vasopressors have been off since 05:00."),
        ("TVUS: 3 cm complex R adnexal mass.", "Transvaginal ultrasound showed a right adnexal mass.",
         "Transvaginal ultrasound showed a left adnexal mass."),
        ("tTG-IgA elevated at 128.", "Tissue transglutaminase IgA was elevated at 128.",
         "Tissue transglutaminase IgA was elevated at 28."),
    ],
)
def test_general_clinical_abbreviations_and_synonyms(passage, faithful, faulty):
    assert supported(faithful, passage)
    assert not supported(faulty, passage)


def test_activities_of_daily_living_are_not_a_dosing_frequency():
    passage = "Son visits weekly. Needs help with IADLs; home care referral placed."
    assert supported("Her son visits weekly; home care was referred for help with instrumental activities of daily "
                     "living.", passage)
    assert not supported("Her son visits daily; home care was referred.", passage)


# --- a result in parentheses ("tTG-IgA <1 (neg)") is the result of what comes before ----------------


def test_a_result_in_parentheses_reaches_back_to_its_test():
    passage = "Celiac screen: tTG-IgA <1 (neg) with normal total IgA."
    assert supported("Her tissue transglutaminase IgA was negative with a normal total IgA.", passage)
    assert not supported("Her tissue transglutaminase IgA was positive with a normal total IgA.", passage)


# --- time: now against a passage that gives it only in the past --------------------------------------


@pytest.mark.parametrize(
    ("passage", "faithful", "faulty"),
    [
        ("HPI: hx of MI in 2015 s/p PCI, presents with dyspnea.", "She has a history of MI in 2015 treated with PCI.",
         "She had an MI this admission and presents with dyspnea."),
        ("Completed concurrent chemoradiation 09/2024. Now on osimertinib.",
         "He completed concurrent chemoradiation in September 2024 and is now on osimertinib.",
         "He is currently receiving concurrent chemoradiation."),
        ("ICU: Norepinephrine weaned off at 0400; MAP 68-75 since.", "Norepinephrine was weaned off at 04:00.",
         "He remains on norepinephrine."),
    ],
)
def test_a_statement_about_now_needs_the_passages_to_say_it_is_so_now(passage, faithful, faulty):
    assert supported(faithful, passage)
    assert not supported(faulty, passage)


def test_a_finding_the_passages_give_now_too_is_not_in_the_past():
    passage = "History of asthma. Still wheezing today on albuterol."
    assert supported("She is still wheezing on albuterol.", passage)


# --- hedged findings ("possible TIA", "likely viral", "volume overload vs HAP") -----------------------


@pytest.mark.parametrize(
    ("passage", "faithful", "faulty"),
    [
        ("Possible TIA yesterday; MRI brain pending.", "A possible TIA yesterday is being worked up with an MRI.",
         "She had a TIA yesterday; an MRI of the brain is pending."),
        ("Sore throat x3 days, likely viral pharyngitis.", "Three days of sore throat, thought to be viral pharyngitis.",
         "Three days of sore throat from viral pharyngitis."),
        ("Hypoxia: volume overload vs evolving HAP.", "Hypoxia from volume overload or possibly an evolving HAP.",
         "Hypoxia from an evolving HAP."),
    ],
)
def test_a_hedged_finding_must_stay_hedged(passage, faithful, faulty):
    assert supported(faithful, passage)
    assert not supported(faulty, passage)


# --- experiencer: a relative's finding is not the patient's ------------------------------------------


FH = "FAMILY HISTORY: Mother had breast cancer at 48, treated with mastectomy. Father alive with HTN."


@pytest.mark.parametrize(
    ("passage", "faithful", "faulty"),
    [
        (FH, "Her mother had breast cancer at 48, treated with mastectomy.",
         "The patient had breast cancer treated with mastectomy."),
        ("PRE-OP: Hx of malignant hyperthermia in his brother during appendectomy.",
         "His brother had malignant hyperthermia during an appendectomy.",
         "The patient had malignant hyperthermia during an appendectomy."),
    ],
)
def test_a_relatives_finding_is_not_the_patients(passage, faithful, faulty):
    assert supported(faithful, passage)
    assert not supported(faulty, passage)


def test_a_relative_who_told_it_is_not_who_has_it():
    passage = "Neuro: A&O x2 at start of shift (baseline x3 per daughter); restless overnight."
    assert supported("She was oriented x2 at the start of the shift, against a baseline of x3.", passage)


@pytest.mark.parametrize(
    ("passage", "faithful", "faulty"),
    [
        ("PSYCHIATRY: Mother with bipolar I disorder. Patient: low mood x3 weeks.",
         "Her mother has bipolar I disorder; she has three weeks of low mood.",
         "The patient has bipolar I disorder and three weeks of low mood."),
        ("GERIATRICS: Husband (now deceased) had Parkinson disease. MoCA 19/30.",
         "Her late husband had Parkinson disease; her MoCA is 19/30.",
         "She has Parkinson disease and a MoCA of 19/30."),
    ],
)
def test_a_less_rare_term_and_a_spouse_are_read_too(passage, faithful, faulty):
    assert supported(faithful, passage)
    assert not supported(faulty, passage)


# --- every lab of a list gets its own flag ("WBC 18.4 (H), Hgb 11.9, Plt 412 (H)") --------------------


def test_each_lab_in_a_list_keeps_its_own_flag():
    passage = "CBC 12/1: WBC 18.4 (H), Hgb 11.9, Plt 412 (H), neutrophils 86%."
    assert supported("Platelets on 12/1 were elevated at 412.", passage)
    assert not supported("Platelets on 12/1 were normal at 412.", passage)


def test_liver_and_thyroid_labs_keep_their_flags_and_normal_belongs_to_the_next_lab():
    passage = "Labs 4/9: AST 412 (H), ALT 588 (H), ALP 140 (H), T bili 3.8 (H), INR 1.1."
    assert supported("Alkaline phosphatase was elevated at 140.", passage)
    assert not supported("Alkaline phosphatase was normal at 140.", passage)
    assert supported("Total bilirubin was 3.8 with a normal INR.", passage)
    assert not supported("Total bilirubin was normal at 3.8.", passage)


# --- a drug's mention ends where another agent's dose begins ("MTX 15 mg weekly + folic acid 1 mg daily") --


def test_a_regimen_of_two_agents_gives_each_its_own_frequency():
    passage = "RHEUM: Start MTX 15 mg weekly + folic acid 1 mg daily."
    assert supported("Methotrexate 15 mg once a week was started together with folic acid 1 mg a day.", passage)
    assert not supported("Methotrexate 15 mg daily was started.", passage)


def test_an_exception_in_a_schedule_is_the_same_drug():
    passage = "Warfarin 5 mg daily except 7.5 mg Mon/Fri -> increased to 7.5 mg Mon/Wed/Fri."
    assert supported("The warfarin dose was increased.", passage)
    assert not supported("The warfarin dose was decreased.", passage)


# --- a condition makes its consequence a plan ("If RR > 28, call ICU for BiPAP") ----------------------


@pytest.mark.parametrize(
    ("passage", "faithful", "faulty"),
    [
        ("SIGN-OUT: COPD exac on 2L. If RR >28 despite 4L, get ABG and call ICU for BiPAP.",
         "If his respiratory rate rises above 28 despite 4 L, an ABG and an ICU call for BiPAP are planned.",
         "He was placed on BiPAP overnight."),
        ("Will diurese; low threshold to start cefepime if febrile.",
         "Cefepime will be started if she becomes febrile.", "She was started on cefepime."),
    ],
)
def test_what_a_condition_governs_is_a_plan_not_done(passage, faithful, faulty):
    assert supported(faithful, passage)
    assert not supported(faulty, passage)


def test_an_instruction_to_return_for_a_condition_is_not_overstated():
    passage = "DC INSTRUCTIONS: If fever >38.5 or worsening redness, return to ED."
    assert supported("She was told to return to the emergency department for fever or worsening redness.", passage)
