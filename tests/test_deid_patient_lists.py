"""Patients in sign-out lists and census tables: found by the layout (a name column under its header,
a name before a row's age and sex), whatever the names are, while a medication table's "Name" column
and a row's clinical words stay. Names are faker's, from many locales, folded to ASCII."""

from __future__ import annotations

import unicodedata

import pytest
from faker import Faker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.deid_masking import masked

_FAKE = Faker(["en_US", "pl_PL", "es_MX", "yo_NG", "en_IN", "it_IT", "ga_IE", "tr_TR"])
_FAKE.seed_instance(4711)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _name() -> tuple[str, str]:
    return _ascii(_FAKE.first_name()), _ascii(_FAKE.last_name())


LAYOUTS = [
    # a pipe table whose name column is not the second
    "| Rm | Dx | Patient | Plan |\n|---|---|---|---|\n| 4 | CHF exac | {last}, {first} | diurese, f/u lytes |\n| 5 | PNA | X, Y | abx |",
    # a tab-separated census
    "Room\tName/MRN\tAge\tIssues\n12B\t{last} {i} 1234567\t67\tCHF\n14\tX Y 7654321\t45\tPNA",
    # space-aligned columns, a wide bed cell running into the name column
    "BED      PT NAME               SUMMARY                TO DO\nMICU 11  {first} {last}     30 ETOH withdrawal     f/u recs",
    # a numbered list row, the name before its room and age-sex
    "Night list 3/4\n1. {last}, {first} (Rm 412) 67M - CHF exac, diuresing\n2. ...",
    # bullets with a bed and a colon
    "- 12B {LAST}: 67 F w/ urosepsis, on cefepime",
    # an I-PASS block header
    "Bed 5 - {LAST}, {FIRST} - 67M\n  I: watcher\n  P: 67M with HFrEF",
    # lower-case shorthand, age and sex glued
    "rm 4 {last_lower} 45f cellulitis, on vanc",
]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_patient_in_a_list_is_masked_whatever_the_name(layout: str) -> None:
    for _ in range(20):
        first, last = _name()
        text = layout.format(first=first, last=last, FIRST=first.upper(), LAST=last.upper(), i=first[0], last_lower=last.lower())
        shown = masked(text)
        for word in {last, last.upper(), last.lower()} & set(text.replace(",", " ").replace(":", " ").split()):
            assert word not in shown.replace(",", " ").replace(":", " ").split(), (layout, word)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["  ", "\t", " | "]), st.integers(0, 2))
def test_the_name_column_is_found_by_its_header_wherever_it_stands(sep: str, position: int) -> None:
    headers = ["Bed", "Dx", "To do"]
    headers.insert(position, "Patient")
    first, last = _name()
    row = ["7A", "sepsis", "wean levo"]
    row.insert(position, f"{last}, {first}")
    width = max(len(c) for c in headers + row) + 2
    def line(cells: list[str]) -> str:
        return "".join(c.ljust(width) for c in cells).rstrip() if sep == "  " else sep.join(cells)
    text = f"{line(headers)}\n{line(row)}"
    shown = masked(text)
    assert last not in shown and "sepsis" in shown and "wean levo" in shown


@pytest.mark.parametrize(
    "text",
    [
        # a medication table has a Name column too: its drugs stay
        "MEDICATION NAME    DOSE     ROUTE    FREQUENCY\nMetoprolol         25 mg    PO       BID\nFurosemide         40 mg    IV       daily",
        "| Name | Dose | Route |\n|---|---|---|\n| Lisinopril | 10 mg | PO |",
        # a list row's clinical words after the name stay
        "MICU 13 A. Okonkwo            68 urosepsis, HD#12               hold lovenox for TEE",
    ],
)
def test_clinical_words_in_lists_stay(text: str) -> None:
    shown = masked(text)
    for word in ("Metoprolol", "Furosemide", "Lisinopril", "urosepsis", "lovenox"):
        if word in text:
            assert word in shown


@pytest.mark.parametrize(
    "text",
    [
        "rm 6b okonjo - sbo, ngt to lis, npo\nrm 5b girschner - dka, insulin gtt",
        "PATIENT LIST\n\ntanner 86f [7]: DKA -- insulin gtt\ncintron 73m [333]: PNA -- ctx/azithro",
        "RM/NAME           AGE  ATTG          ISSUES / TO DO\n7A/ATZLER         90   JOHNSON       pancreatitis",
    ],
)
def test_rows_led_by_a_room_glued_to_an_age_or_under_rm_name_are_names(text: str) -> None:
    shown = masked(text)
    for word in ("okonjo", "girschner", "tanner", "cintron", "ATZLER"):
        assert word not in shown
    assert "pancreatitis" in shown or "dka" in shown or "DKA" in shown


def test_one_temperature_line_is_not_a_list_row() -> None:
    assert masked("temp 101f overnight, cultures sent").startswith("temp ")


def test_a_staff_column_of_a_patient_list_is_masked_too() -> None:
    text = ("| Rm | Dx | Patient | Attg | To do |\n|---|---|---|---|---|\n"
            "| 331 | cellulitis | Preiss, Udo | Dr Hermighausen | wife bringing meds |")
    shown = masked(text)
    assert "Hermighausen" not in shown and "Preiss" not in shown and "cellulitis" in shown
