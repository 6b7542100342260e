"""Signatures of community and outpatient staff: a name before a community credential ("a. nicholls, chw",
"Ana Ruiz, LMSW", "tx by ccht ravi") and a portal message signed with a tilde on its own line ("~mark").
What must stay: approximations written with a tilde and the credentials' letters used as words ("CMA showed")."""

from __future__ import annotations

import pytest
from faker import Faker

from ingestion.deid import lexicon
from tests.deid_masking import masked

_FAKES = [Faker(locale) for locale in ("en_US", "en_GB", "nl_NL", "de_DE")]
for _i, _fake in enumerate(_FAKES):
    _fake.seed_instance(6060 + _i)


@pytest.mark.parametrize(
    "shape",
    ["next: the 14th. {i}. {ll}, chw\n", "Next visit 3/4. {F} {L}, LMSW\n", "vitals by {F} {L}, CMA\n", "NEXT: ON JUNE 2ND. {FU} {LU}, CHW\n",
     "thank you\n~{fl}\n\nreply 3/4: refill sent.\n", "thanks so much\n~ {F} {i}.\n"],
)
def test_a_community_signature_is_masked(shape: str) -> None:
    checked = 0
    for fake in _FAKES * 3:
        first, last = fake.first_name(), fake.last_name()
        if not (first.isalpha() and last.isalpha()) or first.lower() not in lexicon.first_names() or lexicon.word_frequency(last.lower()) >= 4.0:
            continue
        text = shape.format(F=first, L=last, FU=first.upper(), LU=last.upper(), fl=first.lower(), ll=last.lower(), i=first[0].lower())
        out = masked(text).lower()
        if "{L" in shape or "{ll}" in shape:
            assert last.lower() not in out, text
        if "{F" in shape or "{fl}" in shape:
            assert first.lower() not in out, text
        checked += 1
    assert checked


@pytest.mark.parametrize("text", ["~5 mg of oxycodone daily\n", "~q4h prn\n", "~ 2 weeks\n", "CMA showed no deletions\n",
                                  "~approx 2 L\n", "CHW to call pt Monday\n", "~\n"])
def test_tildes_and_credential_letters_stay(text: str) -> None:
    assert masked(text) == text


@pytest.mark.parametrize("first", ["mark", "hope", "Grant", "ROSE", "dawn"])
def test_a_tilde_signature_english_knows_is_masked(first: str) -> None:
    text = f"is the walker covered? thank you\n~{first}\n\nreply 3/4: refill sent.\n"
    assert f"~{first}" not in masked(text), text


def test_a_school_letter_to_a_parent_is_masked() -> None:
    for fake in _FAKES:
        first = fake.first_name()
        text = f"May 3, 2023\n\nTO {first.upper()},\n\nYOUR SON WAS SEEN IN THE NURSE'S OFFICE TODAY.\n"
        assert first.upper() not in masked(text), text


@pytest.mark.parametrize("text", ["To whom it may concern,\n", "To the family,\n", "To ED,\n", "to be continued,\n", "To follow up,\n"])
def test_letter_openings_with_no_name_stay(text: str) -> None:
    assert masked(text) == text
