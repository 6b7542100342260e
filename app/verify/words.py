"""Words: stems, how much a statement word weighs, whether it is a drug, and when two words match.

The lowest layer of the rules: it reads the vocabularies (app/verify/vocab.py) and nothing else of
the package. Everything here is a pure function of a word, cached where it is hot.
"""

from __future__ import annotations

from functools import lru_cache

from app.verify import vocab

_V = vocab.current()
_STOP, _GENERIC, _CLINICAL, _NOT_TERMS = _V.stop, _V.generic, _V.clinical, _V.not_terms
_DRUG, _MORPHOLOGY, _DRUG_NAMES, _NOT_DRUGS = _V.drug_re, _V.morphology_re, _V.drug_names, _V.not_drugs
_IRREGULAR, _SUFFIXES, _ENDINGS = _V.irregular, _V.suffixes, _V.endings

SIDES = frozenset(("left", "right", "bilateral"))
PLACEHOLDERS = ("qt_", "dt_", "tm_", "fq_")  # what the reading leaves for a quantity, date, time, frequency


def stem(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if "_" in word or any(c.isdigit() for c in word):
        return word
    w = word.replace("ae", "e") if len(word) > 5 else word
    if len(w) > 5 and w.endswith("ied"):
        w = w[:-3] + "y"
    elif len(w) > 4:
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith("es") and not w.endswith(("ses", "tes")) and len(w) > 5:
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if w.endswith("er") and len(w) >= 6:
        w = w[:-2]
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiou":  # "admitt", "stopp"
        w = w[:-1]
    return w


def number(text: str) -> float:
    return float(text.replace(",", ""))


@lru_cache(maxsize=262_144)
def weight(word: str) -> float:
    """Weight of a statement word: 0 generic, 0.5 plain English, 1 a clinical term (must be in the passages)."""
    if word in _STOP or word in _GENERIC:
        return 0.0
    if word.startswith("ph_") or any(c.isdigit() for c in word) or word in _CLINICAL:
        return 1.0
    if len(word) > 5 and (_DRUG.search(word) or _MORPHOLOGY.search(word)) and word not in _NOT_TERMS:
        return 1.0
    zipf = zipf_frequency(word)
    if zipf < 3.0:
        return 1.0
    return 0.75 if zipf < 4.3 else 0.4


def zipf_frequency(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency; without it every word counts fully
        return 0.0
    return zipf_frequency(word, "en")


def is_drug(word: str) -> bool:
    if word in _DRUG_NAMES:
        return True
    return len(word) > 5 and word not in _NOT_DRUGS and bool(_DRUG.search(word)) and zipf_frequency(word) < 3.3


def matches(key: str, keys: frozenset[str]) -> bool:
    """Whether a stemmed word is among `keys`: itself, its medical root, or a prefix either way (5+ letters)."""
    if key in keys:
        return True
    if len(key) < 5 or "_" in key or any(c.isdigit() for c in key):
        return False
    r = root(key)
    if r and r in roots(keys):
        return True
    return any(len(k) >= 5 and (k.startswith(key) or key.startswith(k)) and "_" not in k for k in keys)


@lru_cache(maxsize=65_536)
def roots(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(root(k) for k in keys) - {""}


@lru_cache(maxsize=65_536)
def root(key: str) -> str:
    """A stemmed medical word without its Greek or Latin ending: "thrombus", "thrombosis" and
    "thrombotic" share "thromb"; "operculum" and "opercular" share "opercul". "" if too short."""
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 5:
            return key[: -len(ending)]
    return ""
