"""A relative's first name that is an English word or shorthand, named so once in the record ("niece Hope Tabak",
"husband Art Atkinson"), is that person again as a clause's subject before a verb of speech, wish or dwelling
("; hope lives in", "ART PREFERS", "also will wants to know"). What must stay: the words where no one in the
record bears them, and where they are not a clause's subject."""

from __future__ import annotations

import pytest
from faker import Faker

from ingestion.deid import lexicon
from tests.deid_masking import masked

_FAKES = [Faker(locale) for locale in ("en_US", "en_GB", "es_ES")]
for _i, _fake in enumerate(_FAKES):
    _fake.seed_instance(9191 + _i)


def _surname(fake: Faker) -> str:
    while True:
        last = fake.last_name()
        if last.isalpha() and lexicon.word_frequency(last.lower()) < 4.0:
            return last


@pytest.mark.parametrize("first", ["Hope", "Mark", "Will", "Art", "Chase"])
@pytest.mark.parametrize(
    "later",
    ["Comfort: morphine 5 mg SL. {w} says tired but coping.\n", "bereavement risk: moderate; {w} lives nearby.\n",
     "ALSO {W} WANTS TO KNOW IF THE WALKER IS COVERED.\n", "note: {w} asks that notes be faxed.\n", "PAIN 2/10. {W} IS THE PRIMARY CAREGIVER.\n"],
)
def test_a_word_name_of_the_record_as_a_subject_is_masked(first: str, later: str) -> None:
    for fake in _FAKES:
        intro = f"Family: brother {first} {_surname(fake)} visits 2x/wk.\n"
        text = later.format(w=first.lower(), W=first.upper())
        out = masked(text, [intro])
        assert first.lower() not in out.lower(), (intro, text, out)


@pytest.mark.parametrize(
    "text",
    ["bereavement risk: moderate; hope lives nearby.\n", "we hope says nothing\n", "ART PREFERS AM DOSING.\n",
     "I will prefer the walker.\n", "mark says nothing; chase lives here\n"],
)
def test_the_words_with_no_such_person_in_the_record_stay(text: str) -> None:
    assert masked(text, ["Family: brother Lionel Tabak visits 2x/wk.\n"]) == text


def test_a_word_name_elsewhere_stays() -> None:
    text = "we hope to wean. ART adherence good; will follow up. pt will prefer PO.\n"
    assert masked(text, ["Family: brother Hope Tabak visits; husband Art Ruiz; son Will Ames.\n"]) == text
