"""Dates with no year read from what stands around them: a stay's range of two month-days, a range whose
other end is a date, a booking's or a missed visit's day, a weekday's date, an entry's colon, a day of
the month where the clause goes on ("the 5th he was admitted"), "31 may" with no verb after it, a
month/day glued to the sentence before; and the ranges, times, counts and scores written the same way."""

import datetime

import pytest
from faker import Faker

from tests.deid_masking import masked

fake = Faker("en_US")
fake.seed_instance(1208)


def _day() -> datetime.date:
    return fake.date_between("-1y", "today")


def _md(day: datetime.date) -> str:
    return f"{day.month}-{max(day.day, 13)}"


def _stay() -> tuple[str, str]:
    start = _day()
    end = start + datetime.timedelta(days=fake.random_int(2, 20))
    return f"{start.month}-{start.day}", f"{end.month}-{end.day}"


def _assert_masked(text: str, *values: str) -> None:
    out = masked(text)
    for value in values:
        start = text.index(value)
        assert set(out[start : start + len(value)]) == {"#"}, out


@pytest.mark.parametrize("shape", [
    "Since last visit he was admitted to {place} {d} to {e} with neutropenic fever.",
    "SINCE LAST VISIT HE WAS ADMITTED TO {place} {d} - {e} FOR VOLUME OVERLOAD.",
    "she was admitted to {place} {d} thru {e} for a fall.",
    "auth for CPAP supplies approved {d} to {e}.",
    "WORK STATUS: NO LIFTING > 10 LB {d}-{e}. FORM FAXED",
])  # fmt: skip
def test_a_stay_as_two_month_days_is_masked(shape: str) -> None:
    d, e = _stay()
    _assert_masked(shape.format(place=fake.last_name(), d=d, e=e), d, e)


@pytest.mark.parametrize("shape", [
    "hi can i move my appt from {d} to {other}? my ride cant come",
    "booked {company} ambulette for {d} pickup 3pm from home",
    "BOOKED DR. {company} TRANSPORT FOR {d} PICKUP 1830",
    "reports home bp 132/84. missed visit {d} - no ride from {company} transport",
    "INTAKE AT {company} - START MON {d} TUES/THURS.",
    "Echo at {company} {d}: EF 35%.",
    "Dr. {company} reviewed course since admission {d} (DKA with AKI).",
    "Anticipated dc: {d} if bed; window to follow.",
    "BCx from {d} ngtd.",
    "d/c'd {d} to home with VNA.",
    "colonoscopy completed {d} with path pending.",
    "PCP visit {d} - BP ok, no changes.",
])  # fmt: skip
def test_a_month_day_with_a_cue_is_masked(shape: str) -> None:
    d = _md(_day())
    other = _day().strftime("%b %d")
    _assert_masked(shape.format(d=d, other=other, company=fake.last_name()), d)


@pytest.mark.parametrize("shape", [
    "Since last visit the {n} he was admitted to {place} for a fall.",
    "LEGAL: COURT DATE THE {N} @ {place} PROBATE",
    "DME ordered; delivery the {n} to 12 {place} Rd.",
    "apixaban 5 mg BID (last dose the {n} per Mr. {place})",
    "hospital bed delivery the {n} between 9 and 12.",
])  # fmt: skip
def test_a_day_of_the_month_where_the_clause_goes_on_is_masked(shape: str) -> None:
    day = _day().day
    n = f"{day}{'th' if 11 <= day <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"
    text = shape.format(n=n, N=n.upper(), place=fake.last_name())
    _assert_masked(text, n if n in text else n.upper())


def test_a_day_and_may_with_no_verb_after_is_masked_and_glued_dates_too() -> None:
    _assert_masked("seen on 24/7 in clinic", "24/7")
    day = fake.random_int(1, 31)
    _assert_masked(f"missed tx {day} may - no ride", f"{day} may")
    _assert_masked(f"labs at clinic on Tues ({day} may); rx sent", f"{day} may")
    d = f"{_day().month}/{max(_day().day, 13)}"
    _assert_masked(f"using 1/2 tab at night.{d} Missed visit", d)
    _assert_masked(f"home bp 132/84, 128/76.{d} missed visit", d)


@pytest.mark.parametrize("text, kept", [
    ("clinic THURS 10-2: walk-in", "10-2"),
    ("open MON 9-5 and q4-6h prn", "9-5"),
    ("nights 7p-7a; 1-2 tabs q4-6h", "1-2"),
    ("seen 2-3 to 4-5 times a week", "4-5"),
    ("ages 50-60; grade 2-3; BP 120-130", "2-3"),
    ("PEEP 5-8 to 10-12 cmH2O", "10-12"),
    ("pain 3-4 to 5-6 today", "5-6"),
    ("MED SCHEDULE 1-1-1-1 AND 1-2-3-4", "1-2-3-4"),
    ("missed 2-3 doses this week", "2-3"),
    ("weaned from 10-5 to 8-5 overnight", "10-5"),
    ("increased 2-3 mg; walked 10-15 ft; tolerated 1-2 bites", "10-15"),
    ("tolerated 1-2 bites of lunch", "1-2"),
    ("pain 3-4 - improved with tylenol", "3-4"),
    ("rn shift assessment - 10/19 - 3-11", "3-11"),
    ("referred to the food pantry (church basement) thurs 10-2.", "10-2"),
    ("o2 from the supplier 2l 24/7, tanks ok", "24/7"),
    ("Exam: gait steady w/ cane; grip 4/5 R.", "4/5"),
    ("access: l avf, 2/2 needles ok.", "2/2"),
    ("below the 5th percentile, the 2nd dose, the 2nd to last visit, the 3rd to 5th ribs", "5th percentile"),
    ("the 3rd to 5th ribs", "3rd"),
    ("the 2nd to last visit", "2nd"),
    ("they said 3 may be ok", "3 may"),
    ("at night.1/2 tab", "1/2"),
    ("IVF: D5 1/2 NS at 100/hr, then 1/4 NS", "1/2 NS at 100/hr, then 1/4"),
])  # fmt: skip
def test_ranges_times_counts_and_scores_stay(text: str, kept: str) -> None:
    assert kept in masked(text)


@pytest.mark.parametrize("seed", range(5))
def test_the_days_listed_after_a_month_day_are_dates(seed: int) -> None:
    fake = Faker()
    fake.seed_instance(seed)
    day = fake.date_between(datetime.date(2024, 1, 1), datetime.date(2024, 12, 20))
    first, second, third = day.day, day.day + 3, day.day + 5
    if third > 28:
        first, second, third = 2, 5, 7
    for text in (f"blood cultures {day.month}/{first},{second} neg", f"transfused {day.month}/{first}, {second} & {third}"):
        shown = masked(text)
        assert f"/{first}" not in shown and f"{second}" not in shown.split(" ", 2)[-1], shown


@pytest.mark.parametrize("text", ["BP 120/80, 90 and 100", "3/14, 15 mg lasix given", "strength 4/5, 5 and 5", "INR 2/3, 4"])
def test_numbers_after_a_measure_or_before_a_unit_stay(text: str) -> None:
    assert text.split(",", 1)[1] in masked(text)


def test_a_date_before_saline_stays_a_date() -> None:
    assert "3/12" not in masked("on 3/12 NS bolus given")
