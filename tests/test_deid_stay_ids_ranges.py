"""Numbers and date ranges of the documents around a stay: the last four of a social security number,
an insurer's subscriber ID, an interpreter's operator or badge number after "op #" / "ID #", and a range
of two dates joined by a double hyphen ("12/04/2022--07/30/2023", "3/2--5/3", "Jan 28--2/16")."""

import random

import pytest
from faker import Faker

from tests.deid_masking import masked

LOCALES = ["en_US", "en_GB", "en_AU", "en_IE", "en_CA"]


def _hidden(text: str, part: str, out: str) -> bool:
    start = text.index(part)
    return set(out[start : start + len(part)]) <= {"#"}


@pytest.mark.parametrize("locale", LOCALES)
def test_last_four_of_a_social_security_number_are_masked(locale: str) -> None:
    fake = Faker(locale)
    fake.seed_instance(7)
    for form in ("Last 4 SSN: {n}", "LAST 4 SSN: {n}", "SSN (last 4): {n}", "last four of social {n}"):
        n = f"{fake.random_int(1000, 9999)}"
        text = f"Pt: {fake.name()}   DOB: 01/02/1960\n" + form.format(n=n) + "\nService-connected 70%"
        assert _hidden(text, n, masked(text)), text


@pytest.mark.parametrize("locale", LOCALES)
def test_a_subscriber_id_after_sub_id_is_masked_at_a_sentence_end(locale: str) -> None:
    fake = Faker(locale)
    fake.seed_instance(11)
    for label in ("sub ID", "sub id", "Sub. ID"):
        n = str(fake.random_int(100_000_000, 999_999_999))
        text = f"Next recall in 6 mo. Ins: {fake.company()}, {label} {n}.\n"
        assert _hidden(text, n, masked(text)), text


@pytest.mark.parametrize("locale", LOCALES)
def test_an_interpreters_operator_or_id_number_is_masked(locale: str) -> None:
    fake = Faker(locale)
    fake.seed_instance(3)
    for _ in range(3):
        op, badge = str(fake.random_int(100_000, 999_999)), str(fake.random_int(10_000, 99_999))
        log = f"0915  phone      {fake.last_name()} Interpreting Services op #{op}  for RN w/ pt\n"
        meeting = f"- Spanish interpreter {fake.first_name()} (ID #{badge})\n- Dr. {fake.last_name()} (attending)\n"
        assert _hidden(log, op, masked(log)), log
        assert _hidden(meeting, badge, masked(meeting)), meeting


@pytest.mark.parametrize("text", ["POD #3, post-op #2 doing well.", "ID # 12 on the whiteboard.", "Case #2 of the day."])
def test_short_counts_after_a_number_sign_stay(text: str) -> None:
    assert masked(text) == text


def _date(rng: random.Random, year: bool) -> str:
    d = f"{rng.randint(1, 12)}/{rng.randint(1, 28)}"
    return f"{d}/{rng.randint(2015, 2024)}" if year else d


@pytest.mark.parametrize("locale", LOCALES)
def test_both_ends_of_a_double_hyphen_range_are_masked(locale: str) -> None:
    fake = Faker(locale)
    fake.seed_instance(5)
    rng = random.Random(locale)
    for year in (True, False):
        a, b = _date(rng, year), _date(rng, year)
        for text in (f"Returned home from {fake.country()} ({a}--{b}), visiting family.",
                     f"methotrexate 20 mg weekly ({a}--{b}) and the step therapy",
                     f"Completed PT at {fake.last_name()} Physical Therapy {a}--{b} without relief."):
            out = masked(text)
            assert _hidden(text, a, out) and _hidden(text, b, out), out


@pytest.mark.parametrize("text", ["pain 3--4/10 at rest", "strength 4/5--5/5 after PT", "BP 120/80--130/85 today"])
def test_scores_and_pressures_beside_a_double_hyphen_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize("locale", LOCALES)
def test_a_range_from_a_month_and_day_to_a_bare_date_is_masked(locale: str) -> None:
    fake = Faker(locale)
    fake.seed_instance(15)
    rng = random.Random(locale)
    for _ in range(3):
        start = f"{fake.month_name()[:3]} {rng.randint(1, 28)}"
        end = _date(rng, False)
        text = f"Returned home from {fake.country()} ({start}--{end}), visiting family in a rural village."
        out = masked(text)
        assert _hidden(text, start, out) and _hidden(text, end, out), out
