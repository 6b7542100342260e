"""Clinicians signing with initials: after a dash before a credential ("-kl rn", "RECORDER: -RR RN",
"for -hs rn w/ pt"). What must stay: dashes, words and credentials in running text."""

from __future__ import annotations

import pytest
from faker import Faker

from ingestion.deid import lexicon
from tests.deid_masking import masked

_FAKES = [Faker(locale) for locale in ("en_US", "en_GB", "es_ES", "de_DE", "vi_VN")]
for _i, _fake in enumerate(_FAKES):
    _fake.seed_instance(20261207 + _i)  # its own random: the other files' seeded names stay as they were


def _initials(fake: Faker) -> str:
    return (fake.first_name()[0] + fake.last_name()[0]).upper()


@pytest.mark.parametrize(
    "shape",
    ["Plan: cont to monitor.\n-{ini} rn\n", "PLAN: WEAN AS TOL.\n-{INI} RN\n", "Time: 1400-1510. -{ini} md\n", "Will follow. -{ini} rt\n",
     "RECORDER: -{INI} RN\n", "0700  phone  for -{ini} rn w/ pt and son\n", "Recs d/w intern. -{ini} pharmd  x4412\n",
     "Will follow 3-5x/wk. -{ini} otr/l\n", "f/u 2 wks.\n-{ini} licsw\n", "op #524500  for -{ini} rd (rounds) w/ pt\n",
     # behavioural-health credentials with their grades, and the practice after a column's gap
     "next wk.\n-{INI} CADC-II\n", "next wk.\n-{ini} ladc i\n", "f/u 1 wk.\n-{ini} psyd  north hill counseling 555-0100\n", "-{INI} LMHC\n"],
)
def test_initials_after_a_dash_before_a_credential_are_masked(shape: str) -> None:
    for fake in _FAKES:
        ini = _initials(fake)
        text = shape.format(ini=ini.lower(), INI=ini)
        out = masked(text)
        assert f"-{ini.lower()} " not in out.lower(), (text, out)


@pytest.mark.parametrize(
    "text",
    ["a -is rn said", "BP 120/80 - no rn call", "Hgb 9 -> 8, pt stable", "1400-1510 rn aware", "nonsmoker -as rn noted earlier today"],
)
def test_dashes_and_words_before_credentials_stay(text: str) -> None:
    assert masked(text) == text


def _everyday(surname: str) -> bool:
    """A surname that is everyday English or a note's word ("Brown", "Day"): before a bare credential it stays by
    design, since notes write "sputum brown RN aware" and "day rn"; the rule is for surnames that say only a name."""
    word = surname.lower()
    return lexicon.word_frequency(word) >= 4.0 or word in lexicon.structure_words()


@pytest.mark.parametrize("shape", ["{F} {L} RN (PRIMARY), ", "{L} RRT, ", "Will follow. {F} {L} RRT\n", "{f} {l} rn\n", "{F} {L} MD (ATTENDING)\n"])
def test_a_name_before_a_nurses_or_doctors_credential_without_a_comma_is_masked(shape: str) -> None:
    for fake in _FAKES[:3]:
        first, last = fake.first_name_male(), fake.last_name()
        if " " in first + last or _everyday(last):
            continue
        text = "CODE TEAM: PGY3 ROE (CODE LEADER), " + shape.format(F=first.upper(), L=last.upper(), f=first.lower(), l=last.lower())
        out = masked(text).lower()
        assert last.lower() not in out, (text, out)


@pytest.mark.parametrize(
    "text",
    ["PAIN CONTROLLED, PAGED MD (DR LEE)", "spoke with charge RN, aware", "Pt seen by covering NP, plan", "NOTIFIED ON CALL MD (DR X)",
     "family updated by RN.", "HYDROCODONE PER NP", "discussed w/ primary RN"],
)
def test_words_before_a_bare_credential_stay(text: str) -> None:
    out = masked(text)
    for word in ("PAGED", "charge", "covering", "CALL", "updated", "HYDROCODONE", "primary"):
        assert (word in text) == (word in out), (text, out)
