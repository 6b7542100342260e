"""Facilities known by their slot, not a facility's word: a saint's name ("St. Brigid"), a hospital that
owns a unit ("MH's ICU"), the sender of outside records ("nmh sent CD of CT"), the place a workup was
done ("At Johansson's, workup showed"). Names are Faker's; what must stay: "ST elevation", "St. John's
wort", "mom's visit", "tx from floor", "per cardiology records"."""

import pytest
from faker import Faker

from ingestion.deid import find_phi

fake = Faker()
fake.seed_instance(4417)  # its own generator: other modules seeding Faker do not change these cases


def masked(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_phi([text])[0]]  # a cue for a person may claim "St. Brigid" first: masked either way


def _letters(n: int) -> str:
    return "".join(fake.random_uppercase_letter() for _ in range(n)).replace("A", "Q").replace("E", "X")


SAINTS = ("Brigid", "Ignatius", "Philomena", "Cecilia", "Ambrose", "Dympna")


@pytest.mark.parametrize("shape", [
    "{saint} ID called: GPC in clusters", "per {saint} records last echo {d}", "Pt asked me to call her pastor at {saint}.",
    "{saint} sent CD of CT, uploaded", "last hospitalization at {saint}'s ICU",
])  # fmt: skip
@pytest.mark.parametrize("case", [str, str.upper, str.lower])
def test_a_saints_name_is_a_facility_in_any_case(shape: str, case) -> None:
    for saint in SAINTS:
        text = case(shape.format(saint=f"{fake.random_element(('St.', 'St', 'Saint'))} {saint}", d=fake.date("%m/%d")))
        assert any(saint.lower() in m.lower() for m in masked(text)), text


@pytest.mark.parametrize("shape", [
    "{acr} sent CD of CT, uploaded; hgb in am", "last hospitalization at {acr}'s ICU.", "{acr}'S TRANSFER CTR CALLING BACK",
    "outside mri from {acr} on pacs", "tx from {acr} for higher level of care",
])  # fmt: skip
def test_an_outside_hospitals_letters_are_a_facility_where_only_a_hospital_stands(shape: str) -> None:
    for n in (3, 4, 5):
        acr = _letters(n)
        for text in (shape.format(acr=acr), shape.format(acr=acr.lower()) if "sent" in shape else shape.format(acr=acr)):
            assert any(acr.lower() in m.lower() for m in masked(text)), text


def test_the_place_a_workup_was_done_by_its_possessive_is_a_facility() -> None:
    from ingestion.deid.lexicon import english_word, safe_words, word_frequency

    for _ in range(6):
        name = fake.last_name()  # not the commonest ("Miller", "Lee") nor a safe-listed word ("Allen", "Dean"): those stay here
        while word_frequency(name.lower()) >= 4.5 or name.lower() in safe_words():
            name = fake.last_name()
        texts = [f"At {name}'s, workup showed CT with SBO."]
        if not english_word(name.lower()):  # in capitals only a name no dictionary holds says so ("AT GILL'S" stays)
            texts.append(f"AT {name.upper()}'S, WORKUP SHOWED NIHSS 11.")
        for text in texts:
            assert any(name.lower() in m.lower() for m in masked(text)), text


@pytest.mark.parametrize("text", [
    "ST ELEVATION IN V2-V4, ST DEPRESSION IN I", "st changes in lateral leads", "St. John's wort 300 mg daily",
    "mom's visit went well; dad's records reviewed", "tx from floor to micu; tx from ED", "outside ct from osh reviewed",
    "per cardiology records; per his records", "at Alzheimer's, workup ongoing", "EKG sent to cards",
    "The patient's ICU course was brief.", "tx from home; at home's door",
])  # fmt: skip
def test_clinical_words_in_those_slots_stay(text: str) -> None:
    assert masked(text) == []


VENDORS = ("golden years", "compass", "bluebird", "Peck Transit", "SAC")


@pytest.mark.parametrize("shape", [
    "1445 booked {v} ambulette for 3-4 pickup 3pm from home", "- BOOKED {V} W/C VAN FOR 3/4 PICKUP 0745",
    "can i move my appt? my ride from {v} cant come that day", "Missed visit 3/3 - no ride from {v}.",
    "rides @ the clinic via {v}.", "transport: bus pass; rides to dialysis via {v}, sw aware",
])  # fmt: skip
def test_a_transport_vendor_is_known_by_the_ride_it_gives_in_any_case(shape: str) -> None:
    for vendor in VENDORS:
        text = shape.format(v=vendor.lower(), V=vendor.upper())
        assert vendor.lower() in " ".join(masked(text)).lower(), (text, masked(text))


@pytest.mark.parametrize("text", [
    "booked ambulette for tues pickup", "booked w/c van for tomorrow", "no ride from home today", "rides to dialysis via medicaid cab",
    "transport via EMS to ED", "pt arrived via stretcher van", "booked ride for appt, daughter aware", "scheduled the van for 3pm",
])  # fmt: skip
def test_rides_without_a_vendor_stay(text: str) -> None:
    assert [m for m in masked(text) if not any(c.isdigit() for c in m)] == []


@pytest.mark.parametrize("text, place", [
    ("# Dispo: PT recommends rehab; referrals to Poplar Crest.", "Poplar Crest"),
    ("Pt was previously followed by Larch Ridge and wants to reconnect.", "Larch Ridge"),
    ("Will fax the application to Kelso Commons today.", "Kelso Commons"),
    ("He was taken by Whitmore Falls FD to the ED.", "Whitmore Falls FD"),
])  # fmt: skip
def test_a_place_written_as_a_name_after_a_referral_a_follower_or_an_application_is_a_facility(text: str, place: str) -> None:
    assert place in masked(text), masked(text)


@pytest.mark.parametrize("text", ["followed by Cardiology as an outpatient", "application to Medicaid pending", "followed by Neurology"])
def test_a_service_after_those_cues_stays(text: str) -> None:
    assert masked(text) == []


@pytest.mark.parametrize("text, letters", [
    ("specimens: appendix to path (wlrl). complications: none.", "wlrl"), ("OPO (POGL) CALLED, REF 20481.", "POGL"),
])  # fmt: skip
def test_a_labs_or_an_organ_procurement_organisations_letters_after_its_kind_are_a_facility(text: str, letters: str) -> None:
    assert letters in masked(text), masked(text)


@pytest.mark.parametrize("text", ["path (pending)", "lab (cbc) drawn", "sent to path (frozen)"])
def test_words_in_brackets_after_a_lab_stay(text: str) -> None:
    assert masked(text) == []
