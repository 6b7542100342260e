"""Reference numbers after "#" at a sentence's end and lower-case prefixed ones ("docket pr-230653317");
short lines after a credential's "cell", an extension of any length right after its number, numbers
glued to a pager or a word before them, a local number after an organisation's name; and the counts,
ranges and joint movements written the same way."""

import pytest
from faker import Faker

from tests.deid_masking import masked

fake = Faker("en_US")
fake.seed_instance(1209)


def _assert_masked(text: str, value: str) -> None:
    out = masked(text)
    start = text.index(value)
    assert set(out[start : start + len(value)]) == {"#"}, out


@pytest.mark.parametrize("shape", [
    "pickup 9 pm from home, conf #{n}.",
    "PICKUP 1530 FROM HOME, CONF #{n}.",
    "court date @ {name} probate, docket {p}-{n}; guardian appointed",
])  # fmt: skip
def test_a_reference_number_is_masked(shape: str) -> None:
    n = str(fake.random_int(100_000_000, 999_999_999))
    text = shape.format(n=n, p=fake.lexify("??"), name=fake.last_name())
    _assert_masked(text, n)


@pytest.mark.parametrize("credential", ["rn, bsn", "NP", "FNP-C", "fnp-c", "RN, BSN", "RN, CCRN"])
def test_a_short_cell_line_after_a_credential_is_masked(credential: str) -> None:
    line = fake.numerify("%###")
    text = f"re: bp 158/92.\n{fake.name()}, {credential} cell {line}\n"
    _assert_masked(text, line)


def test_extensions_glued_and_local_numbers_are_masked() -> None:
    number, ext = fake.numerify("%##-####"), str(fake.random_int(2, 999))
    _assert_masked(f"{fake.name()}, RN, School Nurse\n{number} ext. {ext}\n", ext)
    _assert_masked(f"CASEWORKER MR. {fake.last_name().upper()} {number} EXT {ext}; CASE # 12", ext)
    full = fake.numerify("(%##) %##-####")
    _assert_masked(f"{fake.name()}, CHW  PAGER {fake.numerify('####')}{full}\n", full)
    glued = fake.numerify("%##-%##-####")
    _assert_masked(f"next: the 5th. {fake.first_name()}, dean chw{glued}\n", glued)
    _assert_masked(f"* called {fake.last_name()} Community Care {number}, spoke w/ intake", number)
    _assert_masked(f"SW will follow; contact x{ext:0>3} or pager", f"{ext:0>3}")


def test_an_insurance_number_and_a_facility_id_are_masked() -> None:
    code = fake.bothify("???#########").lower()
    _assert_masked(f"patient: {fake.last_name()}  ins # {code} / phone", code)
    facility = fake.bothify("?#######").lower()
    _assert_masked(f"resident: mr. {fake.last_name()}   facility id: {facility}   hospital mrn: 12", facility)
    assert "ins 1200" in masked("ins and outs: ins 1200 outs 800; ID: 45 yo male")


def test_six_digits_marked_with_a_hash_after_a_word_are_masked() -> None:
    n = str(fake.random_int(100_000, 999_999))
    _assert_masked(f"ride booked, conf #{n}.", n)
    _assert_masked(f"DME order # {n}, delivery Tuesday", n)
    assert masked("Room #123, #1 priority, bed #12") == "Room #123, #1 priority, bed #12"


@pytest.mark.parametrize("text, kept", [
    ("CD4 T cell 350, white cell 4500", "4500"),
    ("flexion 90, ext 10, extn 175", "175"),
    ("uo 500-1000 cc; plt 150-400", "500-1000"),
    ("total 12345678.5 mg", "12345678.5"),
])  # fmt: skip
def test_counts_and_ranges_stay(text: str, kept: str) -> None:
    assert kept in masked(text)
