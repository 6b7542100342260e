"""A sign-out list's age column over 89 is masked whatever case the diagnosis after it is written in; a
medication table's dose in the same place is no age."""

import pytest
from faker import Faker

from tests.deid_masking import masked

fake = Faker("en_US")
fake.seed_instance(1210)


@pytest.mark.parametrize("diagnosis", ["urosepsis, HD#20", "hip fx s/p ORIF", "Aspiration PNA", "hyponatremia"])
def test_an_age_cell_before_a_lower_case_diagnosis_is_masked(diagnosis: str) -> None:
    age = str(fake.random_int(90, 109))
    row = f"MICU 15 | {fake.last_name()}, {fake.first_name()}       | {age} {diagnosis}       | f/u AM labs"
    out = masked(row)
    start = row.index(f"| {age} ") + 2
    assert out[start : start + len(age)] == "#" * len(age), out


def test_a_dose_in_a_medication_table_stays() -> None:
    assert "100 mg daily" in masked("NEW\nThiamine                        100 mg daily                     ")
