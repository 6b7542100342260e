"""Signature lines: "Surname, Given, CRED  pgr NNNN" signs with both names, though the surname is an English
word; a line with only a name and a number to reach it; short numbers after "cell". What must stay: notes."""

from __future__ import annotations

import pytest
from faker import Faker

from ingestion.deid import lexicon
from tests.deid_masking import masked

_FAKE = Faker()
Faker.seed(20261207)


@pytest.mark.parametrize("tail", ["LCSW  pgr 55321", "RN CM  x4412", "MSW, LICSW  ext. 44321", "RN, CCM", "BSN, RN"])
def test_a_line_signed_surname_first_masks_both_names(tail: str) -> None:
    for _ in range(5):
        last, first = _FAKE.last_name(), _FAKE.first_name()
        text = f"Plan: SW to follow for dispo.\n\n{last}, {first}, {tail}\n"
        assert last not in masked(text) and first not in masked(text), text


@pytest.mark.parametrize("last", ["Ward", "Hall", "Bell", "Brown", "Walker"])
def test_a_surname_english_knows_is_one_on_a_signed_line(last: str) -> None:
    assert last not in masked(f"Plan: follow.\n\n{last}, {_FAKE.first_name()}, RN  x4412\n")


@pytest.mark.parametrize(
    "text",
    ["Discussed, see above, RN aware", "Follow-up, as above, RN to call", "Plan, as discussed, RN", "Lesion 3 cm, RN cm measured"],
)
def test_note_lines_before_a_credential_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Plan.\n\nJane Roe, BSN, RN  cell 8-7588\n", "8-7588"),
        ("Plan.\n\nJane Roe  cell 55304\n", "55304"),
        ("Roe, Jane, RN CM  cell 7441", "7441"),
        ("Jane Roe RN P 8040", "8040"),
        ("Day: Dr Roe (p 8631)  ->  Night: Dr Lee (p4432)", "8631"),
        ("EVENTS: MD PAGED ((P) 32321) RE BP", "32321"),
    ],
)
def test_a_short_line_closing_a_signature_is_masked(text: str, number: str) -> None:
    assert number not in masked(text)


@pytest.mark.parametrize("text", ["CD4 T cell 350", "vitals: bp 120/80 p 110", "HR (p 88), bp 120/80", "sickle cell 2011", "BCR-ABL (p 2100)"])
def test_counts_and_pulses_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize("line", ["x4412", "Vocera4412", "pgr 55321", "ext. 4432"])
def test_a_name_alone_with_its_line_is_masked(line: str) -> None:
    for _ in range(5):
        name = f"{_FAKE.first_name()} {_FAKE.last_name()}"
        text = f"PCP notified; TCM visit next week.\n\n{name}  {line}\n"
        assert "#" * len(name) in masked(text), text


@pytest.mark.parametrize("text", ["Main desk  x4412", "Call Back  pgr 4412", "Social Work  x4412", "Case Management  x4412"])
def test_a_desk_with_its_line_stays(text: str) -> None:
    assert masked(text).split("  ")[0] == text.split("  ")[0]


def test_a_name_before_its_pager_in_brackets_is_masked_in_any_case() -> None:
    for _ in range(5):
        first, last = _FAKE.first_name().lower(), _FAKE.last_name().lower()
        text = f"handoff\nfrom: {first[0]}. {last} (pgr 4412)   to: {first} {last} (pgr 5521)\n"
        assert f"{first[0]}. {last}" not in masked(text) and f"{first} {last}" not in masked(text), text


@pytest.mark.parametrize("text", ["call cards (pgr 4412)", "call the team (pgr 4412)", "if K > 6 call renal fellow (p 4432)"])
def test_services_before_a_pager_stay(text: str) -> None:
    assert masked(text).split("(")[0] == text.split("(")[0]


def test_a_name_alone_above_a_signature_is_masked() -> None:
    fake = Faker()
    fake.seed_instance(3)
    surnames = [n for n in (fake.last_name() for _ in range(8)) if n.lower() not in lexicon.note_words()]  # "Young" is a note's word
    for name in ["Bell", "Kambs, Will", *surnames]:
        text = f"- labs as scheduled\n\n{name}\nDr Lee, attending, Medicine\n"
        assert name not in masked(text), text


@pytest.mark.parametrize("text", ["Plan\nDr Lee, attending", "Assessment\nSeen and examined, MD", "Impression\nStable, MD aware"])
def test_a_heading_above_a_signature_stays(text: str) -> None:
    assert masked(text).split("\n")[0] == text.split("\n")[0]


@pytest.mark.parametrize("text", ["HEALTH OFFICE  554-7612", "front desk 555-0134", "clinic line: 555-0134", "HOME 876-6378", "cell 555-0134"])
def test_a_local_number_after_a_desk_is_masked(text: str) -> None:
    assert masked(text)[-8:] == "########"


@pytest.mark.parametrize("text", ["PAGE ME AT 54576", "spok 80901", "page him at 4-1234"])
def test_a_pager_after_page_me_at_or_a_paging_system_is_masked(text: str) -> None:
    assert masked(text)[-4:] == "####"


def test_a_time_after_page_me_at_stays() -> None:
    assert masked("page me at 5 pm if worse") == "page me at 5 pm if worse"


def test_a_range_after_shorthand_stays() -> None:
    assert masked("plt 150-4000 this am") == "plt 150-4000 this am"
