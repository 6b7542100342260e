"""The safe-list catch-all: a word written as a name that no list vouches for is masked with no cue,
in any case; clinical words stay readable, whether listed (drugs) or made of known parts (British
spellings, prefixes, medical suffixes, shorthand). Names from Faker's non-English locales."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from faker import Faker

from ingestion.deid import DeidSettings, find_phi, lexicon
from ingestion.deid.catch_all import drug_words
from tests.deid_masking import hidden, masked

_CONTEXTS = ("Plan reviewed at the bedside; {w} agrees with it.", "UPDATE: {w} CALLED BACK ABOUT THE PLAN", "spoke again w/ {w} re plan, agreeable")


def _rare_surnames() -> list[str]:
    """Surnames of other languages that no census list, dictionary or frequency list knows."""
    out: list[str] = []
    for locale in ("pl_PL", "tr_TR", "cs_CZ", "fi_FI", "hu_HU"):
        fake = Faker(locale)
        fake.seed_instance(7)
        for _ in range(200):
            name = fake.last_name()
            word = name.lower()
            if name.isascii() and name.isalpha() and len(name) >= 5 and not lexicon.english_word(word) \
                    and word not in lexicon.last_names() and word not in lexicon.first_names() and lexicon.word_frequency(word) == 0:
                out.append(name)
                break
    return out


@pytest.mark.parametrize("name", _rare_surnames())
def test_a_word_nothing_vouches_for_is_masked_with_no_cue_in_any_case(name: str) -> None:
    for context in _CONTEXTS:
        text = context.format(w=name if not context.isupper() else name.upper())
        text = text.lower() if context.islower() else text
        assert "#" * len(name) in masked(text), text


def test_drugs_of_the_dictionary_stay_readable() -> None:
    rng = random.Random(3)
    drugs = rng.sample(sorted(w for w in drug_words() if len(w) >= 6 and not lexicon.known_name(w)), 40)
    text = "Home meds: " + ", ".join(d.capitalize() for d in drugs) + ". HOME MEDS: " + ", ".join(d.upper() for d in drugs)
    assert masked(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Ankle oedema improving; Anaesthetist reviewed, mobilised with physio.",  # British spellings
        "Reintubated overnight. Nonverbal but Hypercellular marrow on the Immunostains.",  # prefixes and combining forms
        "Underwent Cholecystectomy and Thoracotomy; Hypokalaemia corrected.",  # medical suffixes
        "LS COARSE BILAT, VANCO TROUGH PENDING, NOREPI WEANED",  # the start of a known word
        "pt arousable, hydral prn x1, reintubated",
    ],
)
def test_clinical_words_made_of_known_parts_stay_readable(text: str) -> None:
    assert masked(text) == text


def test_a_guess_yields_to_a_rule_and_does_not_spread() -> None:
    # The rule finds "Quenhollow Rehab" in one note; in the other the catch-all alone would mask only
    # "quenhollow", the rule's reading (spread across the record) takes the facility's kind word too.
    note = "pt will be discharged to quenhollow rehab on friday"
    assert masked(note, ["Accepted at Quenhollow Rehab, bed available."]) == note.replace("quenhollow rehab", "#" * 16)


def test_the_catch_all_can_be_turned_off(tmp_path: Path) -> None:
    text = "Plan reviewed at the bedside; Quenhollow agrees with it."
    path = tmp_path / "deid.yaml"
    path.write_text("recognizers:\n  unknown_words: false\n", encoding="utf-8")
    assert find_phi([text], DeidSettings(config=path)) == [[]]
    assert find_phi([text])[0] != []


_KINDS = ("Dental Group", "Birth Center", "Donor Network", "County Medical Examiner", "County Jail", "MRI")


@pytest.mark.parametrize("kind", _KINDS)
def test_a_guess_before_a_places_kind_is_that_place_whole(kind: str) -> None:
    fake = Faker("en_US")
    fake.seed_instance(len(kind))
    name = next(w for w in (fake.last_name() + fake.random_element(("haven", "mere", "crest", "water", "gate")) for _ in range(50))
                if lexicon.word_frequency(w.lower()) == 0)
    for text in (f"Prior records from {name} {kind} reviewed.", f"PRIOR RECORDS FROM {name} {kind} REVIEWED.".upper(),
                 f"prior records from {name} {kind} reviewed.".lower()):
        place = text[text.lower().index(name.lower()) :][: len(name) + 1 + len(kind)]
        assert "#" * len(place) in masked(text), text


@pytest.mark.parametrize("text, kept", [
    ("Labs from Kelsworth Hospital lab were normal.", "lab were"),
    ("Seen at Ridgeway Clinic group visit today.", "group visit"),
])  # fmt: skip
def test_a_frequent_kind_word_in_lower_case_stays_the_sentences_own(text: str, kept: str) -> None:
    assert kept in masked(text)


def test_a_rare_census_surname_with_no_cue_is_a_guess_too() -> None:
    rng = random.Random(5)
    rare = sorted(w for w in lexicon.last_names() if len(w) >= 6 and lexicon.word_frequency(w) == 0 and not lexicon.english_word(w)
                  and w not in lexicon.never_names() and w not in lexicon.first_names())
    for word in rng.sample(rare, 10):
        name = word.capitalize()
        text = f"Plan reviewed at the bedside; {name} agrees with it."
        assert "#" * len(name) in masked(text), text


@pytest.mark.parametrize("shape", ["pharmacy: cvs - {n} rd. o: wt down", "Plan: labs near {N} Dr on 3/4.", "pt lives off {n} lane w/ son"])
def test_a_guess_before_a_roads_type_is_that_street_whole(shape: str) -> None:
    fake = Faker("en_US")
    fake.seed_instance(len(shape))
    name = next(w for w in (fake.last_name() + fake.random_element(("wick", "mere", "thorpe")) for _ in range(50))
                if lexicon.word_frequency(w.lower()) == 0)
    text = shape.format(n=name.lower(), N=name)
    street = " ".join(text[text.lower().index(name.lower()) :].split(" ")[:2]).rstrip(".")
    assert hidden(text, street, masked(text)), masked(text)


def test_a_dietitians_credential_after_a_guessed_surname_is_no_road() -> None:
    assert masked("Recs: advance TF to goal.\nJANE KOVALCHIKOV RD\n") == "Recs: advance TF to goal.\n################ RD\n"
