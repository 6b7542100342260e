"""Dates and names in any case and context: a bare month/day is a date unless a measurement word sits beside it; a title in any case is followed by a name."""

import pytest

from ingestion.deid import find_phi


def masked(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_phi([text])[0] if s.entity_type == "DATE"]


@pytest.mark.parametrize("text, date", [
    ("abx dc'd after last dose 4/9. afebrile.", "4/9"),
    ("EXTUBATED 6/21 WITHOUT ISSUE", "6/21"),
    ("VT ARREST 5/30 AT WHICH TIME CODE CALLED", "5/30"),
    ("fever to 102 11/3, cultures sent", "11/3"),
    ("blood cx from 9/17 ngtd", "9/17"),
    ("in rehab 3/4-3/6 then home", "3/4-3/6"),
    ("Seen in clinic 12/02; plan unchanged.", "12/02"),
    ("extubated 17/1, reintubated 19/1", "17/1"),
    ("inpatient Feb 15-17 for CHF", "Feb 15-17"),
    ("labs repeated 2/15/21-2/16/21", "2/16/21"),
    ("seen on 3-4 for f/u", "3-4"),
    ("no visitors since christmas", "christmas"),
    ("extubated on 21st.", "21st"),
    ("last seen feb15 by PCP", "feb15"),
])  # fmt: skip
def test_a_bare_month_and_day_is_a_date_wherever_it_stands(text: str, date: str) -> None:
    assert date in masked(text)


@pytest.mark.parametrize("text", [
    "motor strength 4/5 in the left arm",
    "pain 2/10 after morphine",
    "2/6 murmur at the apex",
    "take 1/2 tab at night",
    "BP 100-115/45-60 overnight",
    "Percocet 5/325 q6h prn",
    "AC 14/450/5/40% overnight",
    "blood cultures 2/2 bottles positive",
    "GCS 3/15 on arrival",
    "pain 15/10 at worst",
    "GCS 15/15",
    "on 3-4 L NC",
    "from 1st floor",
])  # fmt: skip
def test_a_measurement_written_like_a_date_stays_readable(text: str) -> None:
    assert masked(text) == []


@pytest.mark.parametrize("text, name", [
    ("per dr. keane, hold the heparin", "keane"),
    ("DR HOLLOWAY NOTIFIED OF THE LOW BP", "HOLLOWAY"),
    ("d/w Dr. O'dwyer, esmolol started", "O'dwyer"),
    ("paged dr jackson-lee, returned call", "jackson-lee"),
    ("REVIEWED WITH DR. D'ANGELO TODAY", "D'ANGELO"),
    ("dr joseph anderson aware of plan", "joseph anderson"),
])  # fmt: skip
def test_a_title_in_any_case_masks_the_name_after_it_and_not_the_words_that_follow(text: str, name: str) -> None:
    people = [text[s.start : s.end] for s in find_phi([text])[0] if s.entity_type == "PERSON"]
    assert name in people
    after = text[text.index(name) + len(name) :].split()[0].strip(",")
    assert not any(after in p.split() for p in people)


def people(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_phi([text])[0] if s.entity_type == "PERSON"]


@pytest.mark.parametrize("text, name", [
    ("rt ottoline aware of sats 92% on ra", "ottoline"),
    ("PA. VASHTI-REYES AWARE.", "VASHTI-REYES"),
    ("cm jolene following for dispo", "jolene"),
    ("-- marisol quaid, bsn, rn", "marisol quaid"),
    ("KATHLEEN TREMAINE AWARE OF HCT 28", "KATHLEEN TREMAINE"),
    ("spoke w/ son, anselm, re pt's cat", "anselm"),
    ("Other supports include Ondine Farrow (neighbor) who checks in", "Ondine Farrow"),
    ("603B   | Quarrie, Madison      | 56yo PE", "Quarrie, Madison"),
    ("PATIENT: JOHN HALVERSEN   DOB: 1/2/1950", "JOHN HALVERSEN"),
    ("Halversen, a 67 yo man with COPD", "Halversen"),
    ("EVENTS - DR. PRICE NOTIFIED, DIGOXIN ORDERED", "PRICE"),
    ("seen by dr. paula may in clinic", "paula may"),
    ("Registrar Okonjo reviewed the films", "Okonjo"),
    ("SALT Niamh assessed swallow", "Niamh"),
    ("keyworker Tamsin visited", "Tamsin"),
    ("SN Mulgrew gave meds", "Mulgrew"),
    ("hcp is mary, aware of plan", "mary"),
    ("mum brenda visited this am", "brenda"),
    ("granddad ted at bedside", "ted"),
    ("pt jane okafor c/o pain", "jane okafor"),
    ("Jane Okafor is a pleasant 67 year old", "Jane Okafor"),
    ("PATIENT: TAO, XIULAN T   MRN 1234567", "TAO, XIULAN T"),
    ("DAUGHTERS ROSA AND LINA IN TO VISIT", "LINA"),
])  # fmt: skip
def test_names_in_any_case_are_found_by_role_label_relation_and_what_follows_them(text: str, name: str) -> None:
    assert name in people(text)


@pytest.mark.parametrize("text, words", [
    ("SOCIAL: NEIGHBOR CHELSEA CALLED, PT GAVE PERMISSION", {"CALLED", "PT", "GAVE"}),
    ("SPOKE WITH DAUGHTER ROSALIND ON PHONE SEVERAL TIMES", {"ON", "PHONE", "SEVERAL"}),
    ("PAGED ON CALL MD, NO NEW ORDERS", {"PAGED", "ON", "CALL"}),
    ("rt hand swollen, sats aware", {"hand", "sats"}),
    ("There is a 8.4 cm nodule in the right upper lobe", {"nodule"}),
    ("wife and family in to visit, tearful, sw paged.", {"tearful", "paged"}),
    ("patient: alert and oriented x3", {"alert"}),
    ("Attending Radiologist: reviewed", {"Radiologist"}),
    ("ot eval pending, gp letter sent", {"eval", "letter"}),
    ("daughter is tearful, son at bedside", {"is", "tearful", "at"}),
    ("pt aox3, tolerated diet; pt smith c/o pain", {"aox", "tolerated", "c"}),
    ("she is a pleasant 67 year old", {"pleasant"}),
    ("SPOKE W/ GRANDDAUGHTER, UPDATED", {"DDAUGHTER", "GRANDDAUGHTER", "UPDATED"}),
    ("(ROSE IS ON VACA, WILL CALL SON FOR UPDATES)", {"WILL", "CALL"}),
])  # fmt: skip
def test_the_words_around_a_name_in_capitals_or_after_a_weak_cue_stay_readable(text: str, words: set[str]) -> None:
    masked = {w for p in people(text) for w in p.replace(",", " ").split()}
    assert not masked & words, masked
