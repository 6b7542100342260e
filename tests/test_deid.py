"""De-identification pieces a clinician or an auditor would notice: what is masked, what is
kept, that surrogates are consistent, that dates keep their intervals, and that the mapping
reads back and stays locked without its key."""

from __future__ import annotations

from datetime import date, timedelta

import re

import pytest
from dateutil import parser as dateparser
from cryptography.fernet import Fernet
from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st

from ingestion.deid import Mapping, find_phi, masked, reidentify
from ingestion.deid.analyzer import _chunks
from ingestion.deid.dateshift import shift
from ingestion.deid.surrogates import Surrogates
from ingestion.models import Page, PhiSpan

fake = Faker()
fake.seed_instance(4242)


def masked_words(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_phi([text])[0]]


def test_names_by_title_label_relation_signoff_and_credential_are_masked():
    text = (
        "Patient: Okonkwo, Chidi A\n"
        "Seen with Dr. Priya Raghunathan today. His wife Ana was at the bedside.\n"
        "Discussed with Gonzalez, who agrees. Lab called, RN Tasha notified.\n"
        "Electronically signed by Maren Eklund, MD\n"
        "cc: Tomasz Wiśniewski, NP\n"
    )
    found = " | ".join(masked_words(text))
    for name in ("Okonkwo, Chidi A", "Priya Raghunathan", "Ana", "Gonzalez", "Tasha", "Maren Eklund", "Tomasz Wiśniewski"):
        assert name in found, name


def test_a_name_found_once_is_masked_everywhere_in_any_case_and_form():
    first = "Patient: Darnell Whitcombe was admitted. "
    later = "WHITCOMBE, DARNELL. whitcombe's daughter called. D. Whitcombe signed the consent."
    spans = find_phi([first, later])[1]
    covered = {i for s in spans for i in range(s.start, s.end)}
    for word in ("WHITCOMBE", "DARNELL", "whitcombe", "D. Whitcombe"):
        start = later.index(word)
        assert all(i in covered for i in range(start, start + len(word))), word


def test_clinical_eponyms_drugs_and_common_words_are_kept():
    text = (
        "Homan's sign negative, Murphy's sign positive. Hx of Parkinson's disease, Crohn's, Barrett's esophagus, "
        "Raynaud's and Sjögren's; Lewy body dementia ruled out. Apgar 8/9. Glasgow Coma Scale 15. Foley removed. "
        "Started Coumadin, Lasix and Keppra. Will recheck in May. Brown stool. BP 120/80, Hgb 10.2, INR 2.5, 3/4 of the dose."
    )
    assert masked_words(text) == ["May"] or masked_words(text) == []


def test_dates_ages_ids_phones_and_places_are_masked_but_states_and_years_stay():
    text = (
        "Admitted 3/28/2023 14:05, seen again 28-Mar-2023 and on March 31st; f/u 4.2.23. Dx in 2019.\n"
        "A ninety-one year old woman; her husband is 93 y/o; the patient's son is 62.\n"
        "MRN: 48213397  Acct #E9181234  Member ID: XKW220019384  SSN 123-45-6789\n"
        "Call (617) 555-0134 ext. 204 or fax 617.555.0199; email j.doe@example.org; device at 10.20.30.40\n"
        "Lives at 42 Larkspur Lane Apt 3, Springfield, MA 01109. Transferred from St. Brigid's Medical Center.\n"
    )
    found = masked_words(text)
    for value in ("3/28/2023 14:05", "28-Mar-2023", "March 31st", "4.2.23", "ninety-one", "93", "48213397",
                  "#E9181234", "XKW220019384", "123-45-6789", "(617) 555-0134 ext. 204", "617.555.0199",
                  "j.doe@example.org", "10.20.30.40", "42 Larkspur Lane Apt 3", "Springfield", "01109",
                  "St. Brigid's Medical Center"):
        assert any(value in f for f in found), value
    joined = " ".join(found)
    assert "2019" not in joined and "MA" not in found and "62" not in found


def test_the_same_value_gets_the_same_surrogate_and_a_fuller_name_reads_back():
    mapping = Mapping(offset_days=-40)
    s = Surrogates(mapping)
    ref = date(2023, 4, 2)
    assert s.replace("PERSON", "Mr. Nguyen", ref) == "[PERSON_1]"
    assert s.replace("PERSON", "Darrell S. Nguyen", ref) == "[PERSON_1]"
    assert s.replace("PERSON", "NGUYEN, DARRELL S", ref) == "[PERSON_1]"
    assert s.replace("PERSON", "Angela Nguyen", ref) == "[PERSON_2]"  # the daughter is someone else
    assert s.replace("MRN", "67675149", ref) == s.replace("MRN", "6767-5149", ref) == "[MRN_1]"
    assert s.replace("AGE", "ninety-one", ref) == "90+"
    assert s.replace("DATE", "03/28/2023", ref) == "02/16/2023"
    assert reidentify("[PERSON_1] was seen 02/16/2023 with [PERSON_2].", mapping) == (
        "Darrell S. Nguyen was seen 03/28/2023 with Angela Nguyen."
    )


def test_a_person_known_by_no_latin_name_is_nobody_else():
    # A mapping carried over from an earlier upload holds a name in another script; later names must
    # not collapse onto it (the clinician would read one person's name for another's).
    mapping = Mapping(offset_days=-40)
    first = Surrogates(mapping)
    ref = date(2023, 4, 2)
    assert first.replace("PERSON", "李明", ref) == "[PERSON_1]"
    later = Surrogates(mapping)
    assert later.replace("PERSON", "John Smith", ref) == "[PERSON_2]"
    assert later.replace("PERSON", "Mary Jones", ref) == "[PERSON_3]"
    assert reidentify("[PERSON_1], [PERSON_2], [PERSON_3]", mapping) == "李明, John Smith, Mary Jones"


_FORMS = [
    lambda d: f"{d:%m/%d/%Y}", lambda d: f"{d.month}/{d.day}/{d:%y}", lambda d: f"{d:%m.%d.%y}",
    lambda d: f"{d:%d-%b-%Y}", lambda d: f"{d:%d-%b-%y}".upper(), lambda d: f"{d:%B} {d.day}, {d.year}",
    lambda d: f"{d:%Y-%m-%d}", lambda d: f"{d:%m/%d/%Y} 07:42", lambda d: f"{d:%B} {d.day}{'th'}, {d.year}",
]


def _read(text: str) -> date:
    read = dateparser.parse(text).date()
    return read.replace(year=read.year - 100) if read.year > 2030 else read  # two-digit years are past


def _shape(text: str) -> str:
    return re.sub(r"\d+", "0", re.sub(r"[A-Za-z]+", "M", text))


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2025, 12, 31)), st.integers(-730, -30), st.sampled_from(range(len(_FORMS))))
def test_a_shifted_date_is_the_right_date_in_the_same_form_and_shifts_back(day, days, form):
    original = _FORMS[form](day)
    moved = shift(original, days, reference=day)
    assert _read(moved) == day + timedelta(days=days)
    assert _shape(moved) == _shape(original)
    assert _read(shift(moved, -days, reference=day + timedelta(days=days))) == day


def test_reidentify_turns_dates_the_model_reformatted_back_too():
    mapping = Mapping(offset_days=-100, reference=date(2023, 3, 14))
    assert reidentify("Admitted on December 18, 2022 (12/18/22).", mapping) == "Admitted on March 28, 2023 (03/28/23)."


def test_the_mapping_is_encrypted_at_rest_and_useless_without_its_key():
    mapping = Mapping(offset_days=-77, originals={"[PERSON_1]": "Darrell S. Nguyen"})
    key = Fernet.generate_key().decode()
    blob = mapping.encrypt(key)
    assert b"Nguyen" not in blob and b"-77" not in blob
    assert Mapping.decrypt(blob, key) == mapping
    with pytest.raises(ValueError, match="cannot be decrypted"):
        Mapping.decrypt(blob, Fernet.generate_key().decode())


def test_each_new_mapping_draws_its_own_secret_offset_in_range():
    offsets = {Mapping.new(365).offset_days for _ in range(50)}
    assert len(offsets) > 10 and all(-365 <= o <= -30 for o in offsets)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_passages_cut_from_the_safe_text_tile_it_exactly(data):
    text = data.draw(st.text(alphabet="abc XYZ.\n", min_size=1, max_size=200))
    bounds = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=12)))
    spans, pos = [], 0
    for a, b in zip(bounds[::2], bounds[1::2]):
        if a >= pos and b > a:
            spans.append(PhiSpan(a, b, "ID", 1.0, data.draw(st.sampled_from(["[ID_1]", "", "90+"]))))
            pos = b
    safe, pos = [], 0
    for s in spans:
        safe += [text[pos : s.start], s.surrogate]
        pos = s.end
    page = Page(1, text, 0, 0, 0, phi=spans, safe_text="".join(safe) + text[pos:])
    cuts = sorted({0, len(text), *data.draw(st.sets(st.integers(0, len(text)), max_size=8))})
    assert "".join(masked(page, a, b) for a, b in zip(cuts, cuts[1:])) == page.safe_text


def test_long_text_is_analysed_in_chunks_with_exact_offsets():
    lines = [f"Line {i}: seen by Dr. {fake.last_name()} on 0{1 + i % 9}/1{i % 10}/2022, MRN: {40000000 + i}." for i in range(2000)]
    text = "\n".join(lines)
    assert len(list(_chunks(text, 20_000))) > 5
    spans = find_phi([text])[0]
    mrns = [text[s.start : s.end] for s in spans if text[s.start : s.end].isdigit()]
    assert mrns == [str(40000000 + i) for i in range(2000)]  # none lost or doubled at a chunk edge
