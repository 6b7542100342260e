"""Churches, parishes and religious orders by the words beside their kind: a name no dictionary holds, an
order's or "Church of the ..." written as a proper name. What stays: a temple laceration, the chapel,
"First Baptist Church" alone, a patient's daughters, a church's words before a sentence."""

import pytest
from faker import Faker

from tests.deid_masking import masked

fake = Faker()
fake.seed_instance(2291)


def _rare_name() -> str:
    return fake.last_name() + fake.random_element(("ski", "ovic", "ahan", "etti"))


@pytest.mark.parametrize("shape", [
    "Pt asked me to call her pastor at {name} AME Zion.", "member of First Congregational Church of {name}; Pastor visits.",
    "VOLUNTEERS FROM {upper} MEMORIAL AME ZION CHURCH TO SIT WITH PT.", "Rosary left; Mass requested at {name} Catholic Church.",
    "Funeral Mass at St. {name} Parish on Friday.",
])  # fmt: skip
def test_a_church_named_for_a_person_or_a_place_is_masked(shape: str) -> None:
    for _ in range(3):
        name = _rare_name()
        text = shape.format(name=name, upper=name.upper())
        assert name not in masked(text) and name.upper() not in masked(text), masked(text)


@pytest.mark.parametrize("text, order", [
    ("Pt refuses Sisters of Providence; considering Sisters of Charity.", "Sisters of Providence"),
    ("Alt: Daughters of the Holy Cross Residence, all within 30 min", "Daughters of the Holy Cross Residence"),
    ("TRY DAUGHTERS OF SAINT JOSEPH RESIDENCE", "DAUGHTERS OF SAINT JOSEPH RESIDENCE"),
    ("His after-school program at the Church of the Good Shepherd has been informed.", "Church of the Good Shepherd"),
    ("DRIVE PAST CHURCH OF THE GOOD SHEPHERD ON MAIN ST.", "CHURCH OF THE GOOD SHEPHERD"),
])  # fmt: skip
def test_an_order_or_a_church_of_the_proper_name_is_masked_and_only_it(text: str, order: str) -> None:
    shown, at = masked(text), text.index(order)
    assert shown[at : at + len(order)] == "#" * len(order)
    after = text[at + len(order) :].split()[:1]
    assert not after or after[0] in shown[at + len(order) :]  # the sentence after it stays


@pytest.mark.parametrize("text", [
    "2 cm laceration to L temple; chapel visit offered.", "Attends First Baptist Church weekly.",
    "her daughters of 3 and 5 are at school", "HE HAS 2 DAUGHTERS OF SCHOOL AGE. THE CHURCH HAS BEEN NOTIFIED.",
    "church attendance helps; the chapel is open",
])  # fmt: skip
def test_a_churchs_kind_alone_and_everyday_words_stay(text: str) -> None:
    assert masked(text) == text
