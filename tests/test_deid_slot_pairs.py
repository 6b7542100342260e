"""Where only a person is called back ("left msg for", "lvm for", "call ... back"), a first name English knows too
then a census surname no note uses is a name in any case ("LEFT MSG FOR SHERRY BANKS TO CALL BACK"); services stay. Names from Faker."""

from __future__ import annotations

import pytest
from faker import Faker

from ingestion.deid import lexicon
from tests.deid_masking import masked


def _pairs(n: int) -> list[tuple[str, str]]:
    fake = Faker("en_US")
    fake.seed_instance(1331)
    found: list[tuple[str, str]] = []
    while len(found) < n:
        first, last = fake.first_name(), fake.last_name()
        # the class: a first name English knows too ("sherry", "laura"), then a surname no note uses
        f, l = first.lower(), last.lower()
        if f in lexicon.first_names() and lexicon.english_word(f) and f not in lexicon.clinical_terms() and l in lexicon.last_names() \
                and l not in lexicon.note_words() and l not in lexicon.safe_words_only() and l not in lexicon.clinical_terms():
            found.append((first, last))
    return found


_SLOTS = ("left msg for {} to call back", "lvm for {} re: results", "left vm for {}", "call {} back", "LEFT MESSAGE FOR {} at 555-0134")


@pytest.mark.parametrize("case", [str.upper, str.lower])
@pytest.mark.parametrize(("first", "last"), _pairs(8))
def test_a_first_name_and_surname_in_the_slot(first: str, last: str, case) -> None:
    for slot in _SLOTS:
        name = case(f"{first} {last}")
        text = slot.format(name)
        assert "#" * len(name) in masked(text), text


@pytest.mark.parametrize(
    "text",
    ["left msg for pharmacy to call back", "left msg for pt daughter to call back", "call home health back",
     "left msg for pcp office to call back", "LEFT MSG FOR FAMILY TO CALL BACK", "asking for pain meds", "a call an"],
)
def test_services_in_the_slot_stay(text: str) -> None:
    assert "#" not in masked(text)
