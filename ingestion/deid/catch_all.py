"""The safe-list catch-all (Philter's design): a word written as a name that nothing vouches for is masked.

Philter reaches its recall by the inverse of a name list: a token that is no known-safe word
(English by the dictionary and by frequency, drug and clinical vocabulary, note shorthand) is
treated as PHI. Here a word is a guess when it is written as a name (capitalized in a line of
mixed case; any word of 5+ letters in a line written in one case) and none of these vouches for
it: the dictionary (Webster's, inflections checked), wordfreq (once per million words or more),
26,000 drug names, generic and brand (data/drug_words.txt, from the drug-named-entity-recognition
package), the clinical, safe, note, credential and issuer words of data/ (a census name is no
safe word: a rare one, "Okafor", is a guess too; a frequent or English one is vouched for by the
dictionary or wordfreq and left to the name rules' slots), or its parts:
a British spelling of a listed word, a prefix and a word (data/word_parts.txt: "reintubated"), a
medical suffix ("sternotomy"), the start of a frequent word or drug ("bilat", "vanco"), a frequent
word inflected or with a particle ("faxed", "handoff"). What is left is a rare proper noun: a
town, a street, a facility or a surname the census lists lack ("Kelsworth", "BRENNAGH").

It runs last, after the rules and propagation (ingestion.deid.find_phi and deidentify), and only
where no rule masked anything: a rule's reading of the same word (which may grow it into a
facility's whole name) wins, and a guess never spreads across the record.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.grow import TOWN_PREFIXES, grow, one_case_line, place_tails
from ingestion.models import Page, PhiSpan

# A word with its apostrophes and hyphens ("O'Horcain", "Ruiz-Kelsworth"), not a piece of a number or code. In a
# line of mixed case, only a capitalized word with a lower-case letter: matched by the pattern, not tested word by
# word in Python (most words are lower case); in a line of one case, a word of 5 letters or more.
_NAME_WORD = re.compile(r"(?<![\w'’-])[A-Z](?=[A-Za-z'’-]*[a-z])[A-Za-z]*(?:['’-][A-Za-z]+)*(?![\w'’-])")
_LONG_WORD = re.compile(r"(?<![\w'’-])(?=[A-Za-z'’-]{5})[A-Za-z]+(?:['’-][A-Za-z]+)*(?![\w'’-])")
_POSSESSIVE = re.compile(r"['’][sS]$")
_JOINS = re.compile(r"['’-]")
_MIN_LETTERS = 4
_SCORE = 0.41  # a guess: below every rule's score


def drug_words() -> frozenset[str]:
    """Single-word drug names, generic and brand (data/drug_words.txt)."""
    return lexicon.word_file("drug_words.txt")


@functools.cache
def _parts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Prefixes and medical suffixes of data/word_parts.txt, longest first."""
    words = lexicon.word_file("word_parts.txt")
    prefixes = sorted((w[:-1] for w in words if w.endswith("-")), key=len, reverse=True)
    suffixes = sorted((w[1:] for w in words if w.startswith("-")), key=len, reverse=True)
    return tuple(prefixes), tuple(suffixes)


@functools.cache
def _known_sorted() -> tuple[str, ...]:
    """Dictionary words, drugs and clinical terms, sorted: a shorthand is the start of one."""
    return tuple(sorted(lexicon.dictionary_words() | drug_words() | lexicon.clinical_terms()))


def _listed(word: str) -> bool:
    return (
        not lexicon.unknown_word(word)
        or lexicon.english_word(word)
        or word in drug_words()
        or word in lexicon.never_names()
        or word in lexicon.function_words()
        or word in lexicon.word_file("credentials.txt")
        or word in lexicon.word_file("id_issuers.txt")
    )


def _shorthand(word: str) -> bool:
    """The start of a longer word that is clinical, a drug not rare in English or a frequent word
    ("bilat", "hydral", "norepi", "trop"); a rare word or brand would excuse any name ("davita")."""
    known = _known_sorted()
    i = bisect.bisect_right(known, word)
    for longer in known[i : i + _SHORTHAND_CANDIDATES]:
        if not longer.startswith(word):
            return False
        if len(longer) >= len(word) + 2 and (
            longer in lexicon.clinical_terms()
            or lexicon.word_frequency(longer) >= (_DRUG_ZIPF if longer in drug_words() else _FREQUENT_ZIPF)
        ):
            return True
    return False


_SHORTHAND_CANDIDATES = 400  # the words a prefix starts, in order; "vaso" starts about 200
_DRUG_ZIPF = 2.0  # "hydralazine" 2.4, "davitamon" 0
_FREQUENT_ZIPF = 3.3  # about wordfreq's 30,000 most common English words
_PREFIXED_ZIPF = 2.0  # the word after a prefix: "intubated" 2.2; an archaic dictionary word would excuse a name


@functools.lru_cache(maxsize=100_000)
def vouched(word: str) -> bool:
    """A word (lower case) some list vouches for: English, frequent, a drug, shorthand, a note's or
    clinical word, or made of such parts ("reintubated", "sternotomy")."""
    if len(word) < _MIN_LETTERS or _listed(word) or _shorthand(word):
        return True
    prefixes, suffixes = _parts()
    if any(word.endswith(s) and len(word) - len(s) >= 3 for s in suffixes):
        return True
    rest = (word[len(p):] for p in prefixes if word.startswith(p) and len(word) - len(p) >= 4)
    if any(r in drug_words() or (lexicon.english_word(r) and lexicon.word_frequency(r) >= _PREFIXED_ZIPF) for r in rest):
        return True
    if any(_listed(v) for v in _american(word) if v != word):
        return True
    # A frequent word inflected ("faxed", "paged") or with a particle ("handoff", "workup", "callback").
    stems = [word[: -len(end)] for end in _ENDINGS if word.endswith(end)]
    stems += [word[: -len(p)] for p in _PARTICLES if word.endswith(p)]
    return any(len(stem) >= 3 and lexicon.word_frequency(stem) >= lexicon.UNKNOWN_ZIPF for stem in stems)


_ENDINGS = ("ed", "d", "ing", "s", "es", "er", "ers")
_PARTICLES = ("up", "off", "over", "back", "out", "down", "in", "on", "through")


_SPELLINGS = (("ae", "e"), ("oe", "e"), ("is", "iz"), ("our", "or"), ("tre", "ter"))


def _american(word: str) -> set[str]:
    """The word with British spellings made American: "oedema" -> "edema", "mobilised" -> "mobilized"."""
    variants = {word}
    for british, american in _SPELLINGS:
        variants |= {v.replace(british, american) for v in variants}
    return variants


def guess(pages: Iterable[Page], safe: frozenset[str] = frozenset()) -> None:
    """Add to each page's `phi` the words nothing vouches for that no rule has masked; `safe`: the
    hospital's own safe words (lower case). Run last, after propagation: a guess never takes a word
    from a rule (which may grow it into a facility's whole name) and never spreads."""
    for page in pages:
        taken = sorted((s.start, s.end) for s in page.phi)
        found = [s for s in _guesses(page.text) if not _overlaps(taken, s) and page.text[s.start : s.end].lower() not in safe]
        if found:  # a guess is a place before a place's kind ("Brookdale Dental Group") or after a town's prefix ("Port Dunby"), and grows over them
            found = [_as_place(page.text, s) for s in found]
            page.phi = grow(page.text, sorted(page.phi + found, key=lambda s: s.start))


# The closed class of words that begin a town's name: "East Larkley", "port dunby", "NEW HUXBY".
_TOWN_PREFIX = re.compile(rf"(?<![\w'’-]){TOWN_PREFIXES}\.?[ \t]+$")


# A street's type right after a guess ("pharmacy: cvs - fenwell rd", "labs near Fairer Dr"): only the types that name
# nothing else, a road's own nouns and their short forms, not "park", "hill" or "way".
_STREET_AFTER = re.compile(
    r"[ \t]+(?i:street|st|road|rd|drive|dr|lane|ln|avenue|ave|av|boulevard|blvd|court|ct|place|pl|terrace|ter|circle|cir"
    r"|parkway|pkwy|highway|hwy)\.?(?![\w'’-])"
)


def _as_place(text: str, span: PhiSpan) -> PhiSpan:
    if (street := _STREET_AFTER.match(text, span.end)) is not None and street.group().strip(" \t.") != "RD":  # "JANE COLLODI RD": a dietitian
        return PhiSpan(span.start, street.end(), Phi.STREET_ADDRESS, span.score)
    if place_tails(one_case_line(text, span.start)).match(text, span.end):
        return PhiSpan(span.start, span.end, Phi.FACILITY, span.score)
    if _TOWN_PREFIX.search(text, max(0, span.start - 8), span.start):
        return PhiSpan(span.start, span.end, Phi.CITY, span.score)
    return span


def _overlaps(taken: list[tuple[int, int]], span: PhiSpan) -> bool:
    i = bisect.bisect_left(taken, (span.end, span.end))
    return any(start < span.end and span.start < end for start, end in taken[max(0, i - 8) : i])


def _guesses(text: str) -> list[PhiSpan]:
    found = []
    for line in re.finditer(r"[^\n]+", text):
        # In a line of mixed case only a capitalized word is written as a name; in a line of one
        # case every word may be one ("pt went to kelsworth", "FROM BRENNAGH HOUSE"), but a short one
        # is shorthand ("extn", "ngtd", "liws").
        words = line.group()
        for m in (_LONG_WORD if words.isupper() or words.islower() else _NAME_WORD).finditer(words):
            if length := _guessed(m.group()):
                start = line.start() + m.start()
                found.append(PhiSpan(start, start + length, Phi.PERSON, _SCORE))
    return found


@functools.lru_cache(maxsize=100_000)
def _guessed(token: str) -> int:
    """How many characters of `token` are a guess (its possessive left out), or 0."""
    word = _POSSESSIVE.sub("", token)
    if word[1:].isupper() and not token.isupper() or all(vouched(part.lower()) for part in _JOINS.split(word)):
        return 0
    return len(word)
