"""The de-identification corpus loads, its gold spans match their text, and it holds what real notes hold."""

from collections import Counter

import pytest

from tests.deid_corpus.load import TYPES, by_patient, load


@pytest.mark.parametrize("split, notes_at_least", [("dev", 300), ("dev2", 200), ("dev3", 150), ("dev4", 150), ("dev5", 150), ("dev6", 150), ("dev7", 150), ("dev8", 150), ("dev9", 180), ("dev10", 150), ("dev11", 180), ("dev12", 160), ("dev13", 160), ("untouched", 150)])
def test_each_split_is_records_of_notes_with_every_kind_of_phi(split: str, notes_at_least: int) -> None:
    notes = load(split)  # raises when a span does not match its text
    assert len(notes) >= notes_at_least and len({n.text for n in notes}) == len(notes)
    records = by_patient(notes)
    assert all(len(r) >= (2 if split in ("dev7", "dev8") else 3) for r in records)  # dev7, dev8: two to four notes a patient
    kinds = Counter(s.type for n in notes for s in n.spans)
    assert set(TYPES) - ({"EMAIL"} if split == "dev8" else set()) <= set(kinds)  # dev8 writes no e-mail
    genres = Counter(n.genre for n in notes)
    if split == "dev2":  # Commonwealth genres, some notes wholly in capitals or lower case
        assert len(genres) >= 12 and any(n.text.isupper() for n in notes) and any(n.text.islower() for n in notes)
        return
    if split == "dev3":  # sign-outs in ten layouts, discharge summaries full of facilities, letters
        assert {"signout", "discharge", "nursing_caps", "nursing_lower", "clinic_letter"} <= set(genres)
    elif split == "dev4":  # facilities and places in many naming styles, social work, ED triage
        assert {"discharge", "social_work", "ed_triage", "nursing_caps", "nursing_lower", "progress_note"} <= set(genres)
    elif split == "dev5":  # facilities, places and relatives in shorthand; placement, hospice, dialysis, bed-board genres
        assert {"transfer", "case_mgmt", "home_health", "school_nurse", "occ_health", "hospice_intake", "dialysis_run",
                "chaplaincy", "phone_log", "bed_board"} <= set(genres)
        assert any(n.text.isupper() for n in notes) and any(n.text.islower() for n in notes)
        assert all(n.text == n.text.upper() for n in notes if n.genre == "bed_board")
    elif split == "dev6":  # discharge-style documents, heavy in facilities named every way
        assert {"discharge_summary", "transfer_summary", "interfacility", "consult", "op_note", "clinic_letter", "snf_admission"} <= set(genres)
        assert Counter(s.type for n in notes for s in n.spans)["FACILITY"] >= 1000
    elif split == "dev7":  # relatives named every way in nursing notes, sign-outs and calls; discharge dates
        assert {"nursing_caps", "nursing_lower", "nursing_flow", "signout", "telephone", "case_management", "chaplaincy",
                "discharge_summary", "transfer_summary"} <= set(genres)
        assert Counter(s.type for n in notes for s in n.spans)["RELATIVE"] >= 500
    elif split == "dev8":  # outside facilities every way in sign-outs and discharges; where an emergency happened
        assert {"discharge", "signout", "ed_triage", "ed_provider", "social_work", "case_management"} <= set(genres)
        assert Counter(s.type for n in notes for s in n.spans)["FACILITY"] >= 1000
    elif split == "dev9":  # documents around a stay: outside facilities, places and dates in new shapes
        assert {"fax_cover", "prior_auth", "radiology_report", "pathology_report", "operative_report", "ob_prenatal", "peds_well_child",
                "psych_eval", "ems_run_sheet", "immunization_record", "death_note", "va_military", "travel_history", "dental"} <= set(genres)
        assert kinds["FACILITY"] + kinds["LOCATION"] >= 1400 and kinds["DATE"] >= 1000
    elif split == "dev10":  # ICU team notes by many disciplines: relatives, clinicians and dates in shorthand shapes
        assert {"icu_nursing", "icu_progress", "resp_therapy", "pt_ot", "nutrition", "pharmacy_consult", "family_meeting",
                "code_event", "chaplain", "interpreter_log", "discharge_planning", "visitor_phone_log", "admission_hp"} <= set(genres)
        assert kinds["RELATIVE"] + kinds["CLINICIAN"] >= 1500 and kinds["DATE"] >= 700
        assert any(n.text.isupper() for n in notes) and any(n.text.islower() for n in notes)
    elif split == "dev11":  # outpatient and community notes: facilities that are not hospitals, people named in ordinary words
        assert {"pcp_visit", "specialty_clinic", "home_health_visit", "hospice_note", "telehealth_visit", "portal_message",
                "care_coordination", "dialysis_unit_note", "nursing_home_progress", "community_health_worker", "occupational_health",
                "school_nurse_letter"} <= set(genres)
        assert kinds["FACILITY"] + kinds["LOCATION"] >= 1000 and kinds["RELATIVE"] >= 400
        assert any(n.text.isupper() for n in notes) and any(n.text.islower() for n in notes)
    elif split == "dev12":  # life outside the hospital: recovery, children's services, rehab, courts, funerals, named in ordinary words
        assert {"bh_intake", "therapy_progress", "methadone_clinic", "peds_well_visit", "foster_care_report", "school_iep_meeting",
                "outpatient_pt_ot", "wheelchair_seating_clinic", "social_services_referral", "legal_aid_letter", "funeral_planning_note",
                "nurse_triage_call", "pharmacy_callback"} <= set(genres)
        assert kinds["FACILITY"] + kinds["LOCATION"] >= 900 and kinds["RELATIVE"] >= 450
        assert any(n.text.isupper() for n in notes) and any(n.text.islower() for n in notes)
    elif split == "dev13":  # inpatient services: ED, EMS, OR, L&D and newborn, peds, psych, oncology, rehab, transfer, death, lab
        assert {"ed_triage", "ed_physician", "ems_run_sheet", "anesthesia_record", "brief_op_note", "ld_delivery_note", "newborn_note",
                "peds_ward_note", "onc_infusion", "inpt_psych_note", "inpt_rehab_note", "consult_note", "transfer_accept", "death_note",
                "lab_report", "nursing_handoff"} <= set(genres)
        assert kinds["CLINICIAN"] >= 700 and kinds["FACILITY"] >= 400
        assert any(n.text.isupper() for n in notes) and any(n.text.islower() for n in notes)
    else:
        assert {"nursing_caps", "nursing_lower", "signout", "telephone", "social_work", "discharge", "radiology", "pathology"} <= set(genres)
    caps = [n for n in notes if n.genre == "nursing_caps"]
    assert all(n.text == n.text.upper() for n in caps)


def test_an_unknown_split_is_refused() -> None:
    with pytest.raises(ValueError, match="no split"):
        load("train")
