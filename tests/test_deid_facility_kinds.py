"""Facilities named by their specialty ("Winton Heart Center"), home-care agencies and hospices, a
regional hospital by its town, and hospitals by their initials after "records from"; and the generic
phrases that stay. All names invented."""

from __future__ import annotations

import pytest

from tests.deid_masking import masked


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("I have referred him to Winton Heart Center for further evaluation.", "Winton Heart Center"),
        ("f/u w/ talwood eye associates re: diabetic retinopathy", "talwood eye associates"),
        ("SEEN AT CALBROOK CANCER INSTITUTE 3/2", "CALBROOK CANCER INSTITUTE"),
        ("pt eval -> everdale vs home w/ glendale home health", "glendale home health"),
        ("GRANRIDGE VISITING NURSES FOLLOWING AT HOME", "GRANRIDGE VISITING NURSES"),
        ("sherworth hospice following at home", "sherworth hospice"),
        ("He was discharged from Glenfield Regional on 8/4.", "Glenfield Regional"),
        ("Records from AGH were obtained on November 27.", "AGH"),
        ("bed 2 records coming from hmc, fax to follow", "hmc"),
        ("He will continue with VNA of Belley at home.", "Belley"),
    ],
)
def test_a_facility_by_its_kind_is_masked(text: str, place: str) -> None:
    assert "#" * len(place) in masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "regional anesthesia was used for the block",
        "Home hospice was discussed with the family.",
        "home health aide 3x/week",
        "referred to the Heart Center for TAVR workup",
        "Cardiology Associates to follow",
    ],
)
def test_generic_care_phrases_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("sister bringing med list from CVS on Elm Ave", "Elm Ave"),
        ("HOME MEDS FROM THE WALGREENS AT PINE RD", "PINE RD"),
        ("Prescriptions sent to CVS (Oak St).", "Oak St"),
        ("lives at 44 mill rd", "44 mill rd"),
    ],
)
def test_a_street_without_its_number_or_in_lower_case_is_masked(text: str, street: str) -> None:
    assert "#" * len(street) in masked(text)


@pytest.mark.parametrize("text", ["on the way home", "pt at rest", "10 mg st", "on my way", "PT eval -> home w/ services"])
def test_road_words_in_prose_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(("text", "place"), [("PT eval -> Wexstead vs home", "Wexstead"), ("sent to smh for mri", "smh")])
def test_a_place_after_a_sign_out_arrow_or_initials_after_a_cue_are_masked(text: str, place: str) -> None:
    assert "#" * len(place) in masked(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Hx of admission to Riverside Psych", "Riverside Psych"),
        ("followed at the Cedarton VA", "Cedarton VA"),
        ("seen at cedarton urgent care 3/1", "cedarton urgent care"),
        ("Brookfield Orthopedics for the knee", "Brookfield Orthopedics"),
        ("transferred from SAINT MARY'S", "SAINT MARY'S"),
    ],
)
def test_a_facility_by_its_provider_kind_is_masked(text: str, place: str) -> None:
    assert "#" * len(place) in masked(text)


@pytest.mark.parametrize("text", ["cleared by psych", "inpatient psych consulted", "right eye va 20/40", "RIGHT EYE VA 20/40", "St. John's wort"])
def test_provider_kinds_as_services_or_measures_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("referred to Elder Services of Cedarton for a home safety eval", "Elder Services of Cedarton"),
        ("lunch program through the Cedarton Council on Aging", "Cedarton Council on Aging"),
        ("waitlisted at cedarton assisted living", "cedarton assisted living"),
        ("CEDARTON SKILLED NURSING FACILITY ACCEPTED", "CEDARTON SKILLED NURSING FACILITY"),
        ("application to the Cedarton Housing Authority", "Cedarton Housing Authority"),
    ],
)
def test_social_care_agencies_are_masked(text: str, place: str) -> None:
    assert "#" * len(place) in masked(text)


@pytest.mark.parametrize(
    "text",
    ["Pt attends day program three days a week", "the homeless shelter", "referred to palliative care",
     "Skilled nursing facility recommended", "Department of Medicine"],
)
def test_kinds_of_care_without_a_name_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("home with VNA of Larkborough Falls", "VNA of Larkborough Falls"),
        ("transferred from Our Lady of Mercy Hospital", "Our Lady of Mercy Hospital"),
        ("seen at Craneville-Emberby Hospital Center", "Craneville-Emberby Hospital Center"),
        ("a student at the University of Rushby Junction", "University of Rushby Junction"),
        ("bib Tansymouth Falls Police after a fall", "Tansymouth Falls Police"),
        ("arrived via Mount Hazelwick EMS", "Mount Hazelwick EMS"),
        ("referred to Foxborough Area Agency on Aging", "Foxborough Area Agency on Aging"),
    ],
)
def test_services_and_agencies_of_a_town_are_masked(text: str, place: str) -> None:
    assert "#" * len(place) in masked(text)


@pytest.mark.parametrize("text", ["Department of General Surgery", "DATE OF SURGERY: pending", "TRIAGE -- ARRIVED EMS", "called ems",
                                  "police at bedside", "pt's iliac crest"])
def test_departments_and_services_without_a_town_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Assaulted near Moss Park in Alderwick Junction", "Moss Park"),
        ("Assaulted near Moss Park in Alderwick Junction", "Alderwick Junction"),
        ("slept in her car near Embersted Junction Rail Trail.", "Embersted Junction Rail Trail"),
        ("She lost her apartment on Smith Dr at the end of May", "Smith Dr"),
        ("sent to Walgreens (2nd Drive, West Aldercombe).", "West Aldercombe"),
        ("Bicycle vs car in Quarry Heights. Arrived via ambulance", "Quarry Heights"),
    ],
)
def test_landmarks_localities_and_streets_by_their_type_are_masked(text: str, place: str) -> None:
    assert "#" * len(place) in masked(text)


@pytest.mark.parametrize("text", ["at the Park", "pt in Common area", "in Heart Failure clinic"])
def test_types_without_a_place_name_stay(text: str) -> None:
    assert masked(text) == text


def test_a_doctor_after_a_surname_is_no_drive() -> None:
    shown = masked("seen on Smith Dr. Jones's service")
    assert "Dr. " in shown and "Jones" not in shown


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("attends Sycamore Day Program three days a week", "Sycamore Day Program"),
        ("works for Smith Construction as a foreman", "Smith Construction"),
        ("a student at Wrenwater Springs Middle School", "Wrenwater Springs Middle School"),
        ("meds from pellwater apothecary", "pellwater apothecary"),
        ("seen at West Sedgewick Immediate Care", "West Sedgewick Immediate Care"),
    ],
)
def test_day_programs_schools_and_employers_are_masked(text: str, place: str) -> None:
    assert "#" * len(place) in masked(text)


@pytest.mark.parametrize("text", ["Pt attends day program", "works in construction", "referred to pain management"])
def test_trades_and_services_without_a_name_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize("kind", ["MedFlight", "HH", "TCU", "Peds", "HD unit", "Renal Care", "CMHT"])
def test_transport_home_health_and_care_units_end_a_facilitys_name(kind: str) -> None:
    from faker import Faker

    fake = Faker()
    fake.seed_instance(len(kind))
    for _ in range(3):
        name = f"{fake.last_name()}{fake.random_element(('brook', 'crest', 'field', 'water', 'stone'))}"
        text = f"Dispo: transfer to {name} {kind} on {fake.date('%m/%d')}; report called."
        assert name not in masked(text) and kind not in masked(text), text


@pytest.mark.parametrize("text", ["Peds HH referral placed.", "Gen Peds clinic today.", "Peds ED for eval.", "HD unit called; Renal care plan"])
def test_a_kind_after_a_care_word_stays(text: str) -> None:
    assert masked(text) == text
