"""Fractions that measure, not dates: a course's day ("zosyn day 2/7"), a limb's strength ("LE 5/5"), a pain
complained of ("c/o 7/10"), settings named together ("CPAP/PS 5/5"), a score after its arrow ("GCS 3/15 ->
9/15"); the same numbers where a date is meant stay masked."""

import pytest
from faker import Faker

from tests.deid_masking import masked

fake = Faker("en_US")
fake.seed_instance(1211)


@pytest.mark.parametrize("text, kept", [
    ("Plan: zosyn day 2/7, f/u UCx", "2/7"),
    ("NEURO: GRIP STRENGTH 3/5 BILAT, LE 5/5, NO DRIFT", "5/5"),
    ("ue 4/5 bilat", "4/5"),
    ("NEURO: C/O 7/10 HA, TYLENOL GIVEN", "7/10"),
    ("CV: CVP 8-12; MAP 65-70", "8-12"),
    ("RESP: CPAP/PS 5/5, SBT in AM", "5/5"),
    ("RESP: APRV 28/5, SX FOR SECRETIONS", "28/5"),
    ("opens eyes to voice, GCS 3/15 -> 9/15 after sedation held", "9/15"),
    ("no AH/VH, insight 2/5.", "2/5"),
])  # fmt: skip
def test_measures_stay(text: str, kept: str) -> None:
    assert kept in masked(text)


def test_the_same_shapes_stay_dates_where_a_date_is_meant() -> None:
    day = fake.date_between("-1y", "today")
    later = f"{day.month}/{max(day.day, 13)}"
    for text in (f"admitted 3/2 -> {later} to ICU", f"seen day {max(day.day, 13)}/{day.month} in clinic"):
        value = text.split()[3] if "->" in text else text.split()[2]
        assert value not in masked(text), masked(text)
