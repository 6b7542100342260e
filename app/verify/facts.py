"""A statement or a passage as typed facts: the first layer of the verifier.

Both sides (the statement and its cited passages, joined) go through the same reading: text
normalised (app/verify/normalise.py); dates and times (dates.py), dosing frequencies and quantities
in base units (quantities.py) pulled out; abbreviations and synonyms to one spelling; lab flags
(labs.py); then words with their polarity and side (negation.py), and what each mention of a drug
says of it (drugs.py). `analyse` is cached per text: a passage cited by many statements is read once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from app.verify import vocab
from app.verify.dates import DateMention, Day, TimeOfDay, read_dates, read_times
from app.verify.drugs import DrugFact, drug_facts, susceptibilities
from app.verify.labs import read_labs
from app.verify.negation import Token, tokens
from app.verify.normalise import normalise
from app.verify.quantities import Quantity, read_frequencies, read_quantities
from app.verify.words import SIDES, stem, zipf_frequency

__all__ = ["DateMention", "Day", "DrugFact", "Facts", "Quantity", "TimeOfDay", "Token", "analyse"]

_V = vocab.current()
_SYN_RE, _SYN, _NUMWORD_RE, _NUMBER_WORDS = _V.syn_re, _V.synonyms, _V.numword_re, _V.number_words
_RATE_HEAD, _RATE_PER, _ROMAN, _GRADED = _V.rate_head, _V.rate_per, _V.roman, _V.graded
_HEDGE = re.compile(r"(?<![\w/])(?:" + "|".join(map(re.escape, sorted(_V.hedges))) + r")(?![\w/])")

_BOTH = re.compile(r"\bboth\s+(?=(?:lower|upper|eyes|ears|lungs|kidneys|legs|arms|knees|hips|feet|hands|breasts|sides|lower extremities)\b)")
_LEFT_RIGHT = re.compile(r"\b(?:left and right|right and left)\b")
_DIMS = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s?x\s?\d+(?:\.\d+)?(?:\s?x\s?\d+(?:\.\d+)?)?\s?(?P<u>mm|cm)\b")
_NONE_HEADING = re.compile(r"\b((?:[a-z][\w-]*\s){0,2}[a-z][\w-]*):\s*none\b(?!\s+(?:of|on|to)\b)")
_TEMP = re.compile(r"\b(?:t|temp|temperature|tmax|t max|t-max|fever to|febrile to|fever of)\s*[:=]?\s*(?:of\s+)?"
                   r"(\d{2,3}(?:\.\d)?)\s*(?:°\s*)?(c|f|degrees)?\b")
# "117 grams per day", "8 mg per hour": a rate, written the way a unit is ("117 g/day"), before frequencies are read.
_RATE = re.compile(r"\b(micrograms?|milligrams?|grams?|kilograms?|milliliters?|units?|mcg|mg|g|ml|meq|mmol|kcal)"
                   r" per (day|hour|hours|hr|minute|minutes|min|kilogram|kg|dose)\b")


@dataclass(frozen=True, slots=True)
class Facts:
    """What a text says, as far as the rules read it."""

    tokens: tuple[Token, ...]  # the text's own words, then derived ones (what it implies)
    keys: frozenset[str]  # every token's stem
    quantities: tuple[Quantity, ...]
    dates: frozenset[Day]  # full days, and days without a year (year 0)
    months: frozenset[tuple[int, int]]  # (year, month) of every full date and month-and-year
    date_mentions: tuple[DateMention, ...]  # in order, as written
    times: frozenset[TimeOfDay]
    freqs: frozenset[str]  # dosing frequency kinds ("fq_bid")
    sides: frozenset[str]
    labs: tuple[tuple[str, str], ...]  # (lab, "high"/"low") flags
    states_normal: frozenset[str]  # labs the text calls normal
    own: int  # tokens[:own] are the text's own words; the rest are derived (what a passage implies)
    drugs: tuple[DrugFact, ...]
    susceptible: frozenset[tuple[str, str]] = frozenset()  # (drug stem, "resistant" / "sensitive")
    # Indexes of the tokens, built once per text (a passage is read by every statement citing it):
    words: frozenset[str] = frozenset()  # every token's word
    affirmed: frozenset[str] = frozenset()  # the words of tokens no negation reaches
    polarity: Mapping[str, frozenset[bool]] = field(default_factory=dict, compare=False)  # key → negated values
    pair_polarity: Mapping[tuple[str, str], frozenset[bool]] = field(default_factory=dict, compare=False)
    word_polarity: Mapping[str, frozenset[bool | None]] = field(default_factory=dict, compare=False)  # as written
    hedged: frozenset[str] = frozenset()  # keys every mention of which is only not excluded ("cannot exclude X")
    past: frozenset[str] = frozenset()  # keys every mention of which is in the past ("history of MI", "X weaned off")
    family: frozenset[str] = frozenset()  # keys every mention of which is a relative's ("Mother had breast cancer")
    # What a statement says of itself, read once: it hedges ("possible", "if"), says "now", names a relative.
    hedging: bool = False
    current: bool = False
    names_family: bool = False


def _graded(m: re.Match[str]) -> str:
    """A classification and its grade are one claim: "stage 3", "BI-RADS 5", "Garden IV" ("Garden III" is not supported)."""
    label = re.sub(r"[\s-]", "", m.group(1))
    return f" {label}_{_ROMAN.get(m.group(2), m.group(2))} "


def _is_fever(m: re.Match[str]) -> bool:
    """T 38.6 C, Tmax 101.2 F: a temperature of at least 38 C (100.4 F) is a fever."""
    v, unit = float(m.group(1)), m.group(2)
    if unit == "f" or (unit != "c" and v > 50):
        return 100.4 <= v < 115
    return 38.0 <= v < 45


@lru_cache(maxsize=65_536)
def analyse(text: str) -> Facts:
    """The facts of a text (a statement, or cited passages joined by newlines); cached per text."""
    text = normalise(text)
    hedging = bool(_HEDGE.search(text))
    # Dates and times first, so their digits are not read as numbers.
    text, dates, months, mentions = read_dates(text)
    text, times = read_times(text)
    # "1.6 x 1.2 x 1.4 cm": each dimension has the unit.
    text = _DIMS.sub(lambda m: " x ".join(f"{v.strip()} {m.group('u')}" for v in m.group(0).rsplit(m.group("u"), 1)[0].split("x")
                                          if v.strip()) + " ", text)
    # "Complications: none", "Drain: none": the heading is denied.
    text = _NONE_HEADING.sub(lambda m: f"no {m.group(1)}", text)
    fever = any(_is_fever(m) for m in _TEMP.finditer(text))
    text = _GRADED.sub(_graded, text)
    text = _RATE.sub(lambda m: f"{_RATE_HEAD.get(m.group(1).rstrip('s'), m.group(1))}/{_RATE_PER.get(m.group(2), m.group(2))}",
                     text)
    for _ in range(2):  # twice: a rewrite's output may have its own canonical form ("pulmonary function tests")
        text = _SYN_RE.sub(lambda m: _SYN[m.group(1)], text)
    text = _BOTH.sub("bilateral ", text)
    text = _LEFT_RIGHT.sub("bilateral", text)
    text = _NUMWORD_RE.sub(lambda m: str(_NUMBER_WORDS[m.group(1) or m.group(2)]), text)
    text = re.sub(r"([a-z])-(\d)", r"\1\2", text)  # covid-19, phq-9, l4-l5
    text = re.sub(r"\bx\s?(\d)", r"x \1", text)  # "x3 days"
    text, freqs = read_frequencies(text)
    text, quantities = read_quantities(text)
    # Lab flags and "normal" claims, for the derived findings and the flag check.
    labs, normal, derived = read_labs(text, quantities)
    if fever:
        derived.append("fever")
    if any(q.unit and q.unit.endswith("/day") for q in quantities):
        freqs.add("fq_daily")  # "117 g/day" is a daily amount
    own = tokens(text)
    extra = tuple(Token(stem(w), w, False, None) for w in derived)
    # "non-perforated": the word itself, denied (the joined form stays a word of its own too).
    extra += tuple(Token(stem(t.word[3:]), t.word[3:], True, t.side) for t in own
                   if t.word.startswith("non") and len(t.word) >= 8 and t.word[3:4].isalpha()
                   and zipf_frequency(t.word[3:]) > 1.5)
    keys = frozenset(t.key for t in own + extra)
    sides = frozenset(t.word for t in own if t.word in SIDES)
    every = own + extra
    polarity: dict[str, set[bool]] = {}
    for t in every:  # a token a negation may or may not reach counts as both
        polarity.setdefault(t.key, set()).update((True, False) if t.negated is None else (t.negated,))
    by_word: dict[str, set[bool | None]] = {}
    for t in every:
        by_word.setdefault(t.word, set()).add(t.negated)
    pairs: dict[tuple[str, str], set[bool]] = {}  # adjacent words: "chest pain" keeps its own polarity
    for a, b in pairwise(every):
        if b.negated is not None and b.at == a.at + 1:
            pairs.setdefault((a.key, b.key), set()).add(b.negated)
    return Facts(every, keys, tuple(quantities), frozenset(dates), frozenset(months), tuple(mentions),
                 frozenset(times), frozenset(freqs), sides, tuple(labs), frozenset(normal), len(own),
                 drug_facts(text, quantities), susceptibilities(text), frozenset(t.word for t in every),
                 frozenset(t.word for t in every if t.negated is False),
                 {k: frozenset(v) for k, v in polarity.items()}, {k: frozenset(v) for k, v in pairs.items()},
                 {k: frozenset(v) for k, v in by_word.items()},
                 frozenset({t.key for t in every if t.hedged} - {t.key for t in every if not t.hedged}),
                 frozenset({t.key for t in every if t.past} - {t.key for t in every if not t.past}),
                 frozenset({t.key for t in every if t.family} - {t.key for t in every if not t.family}),
                 hedging, any(t.word in _V.current for t in own), any(t.word in _V.family for t in own))
