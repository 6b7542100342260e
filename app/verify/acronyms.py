"""Acronyms and their long forms, in either direction: "SLNB" is what "sentinel lymph node biopsy"
says, and "sensorineural hearing loss" is what "SNHL" stands for."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from app.verify import vocab
from app.verify.facts import Facts, Token, analyse
from app.verify.verdict import MAX_CHARS
from app.verify.words import is_drug

_V = vocab.current()
_LINKS, _NOT_SPELLED = _V.links, _V.not_spelled

def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words)


def spelled_out(tokens: Sequence[Token], passage: Facts) -> dict[int, set[bool | None]]:
    """Statement words that an acronym stands for, on either side, with the acronym's polarity there.

    "sentinel lymph node biopsy" is what "SLNB" says, and "EBL" is "estimated blood loss": a
    run of two to five words whose initials are a word of the other text counts as written there.
    """
    theirs = passage.word_polarity
    acronyms = run_initials(tuple(t.word for t in passage.tokens))
    covered: dict[int, set[bool | None]] = {}
    words = [t.word for t in tokens]
    firsts = [w[0] for w in words]
    n = len(words)
    for start in range(n):
        initials = firsts[start]
        for size in range(2, min(5, n - start) + 1):  # the initials of words[start : start + size]
            initials += firsts[start + size - 1]
            if initials in theirs:
                for i in range(start, start + size):
                    covered.setdefault(i, set()).update(theirs[initials])
        if words[start].isalpha() and 2 <= len(words[start]) <= 5 and words[start] in acronyms:
            covered.setdefault(start, set()).add(None)  # polarity of a spelled-out run: not compared
    return covered


# An acronym as written: two to seven letters, at least two of them capitals ("SNHL", "HBsAg", "T&A", "NG").
_ACRONYM = re.compile(r"(?<![A-Za-z])(?=(?:[a-z&]*[A-Z]){2})[A-Za-z][A-Za-z&]{1,6}(?![A-Za-z])")


def _stands_for(letters: str, words: Sequence[str]) -> bool:
    """Whether `words` spell out `letters` (Schwartz and Hearst, stricter): each word gives the next
    letter with its first letter and may give more from inside it, in order ("sensorineural hearing
    loss" for SNHL, "postpartum day" for PPD); short linking words may give none."""
    if not letters:
        return not any(w not in _LINKS for w in words)
    if not words:
        return False
    first, rest = words[0], words[1:]
    if first in _LINKS and _stands_for(letters, rest):
        return True
    if first[0] != letters[0]:
        return False
    # Take the first letter, then any number of the following letters from inside the word.
    at, taken = 1, 1
    while True:
        if _stands_for(letters[taken:], rest):
            return True
        if taken >= len(letters):
            return False
        at = first.find(letters[taken], at) + 1
        if at == 0:
            return False
        taken += 1




@lru_cache(maxsize=65_536)
def acronym_cover(statement: str, passages: str) -> dict[str, frozenset[str]]:
    """Statement words that an acronym spells out, in either direction, each with the passage words
    it stands for: a long form the statement writes for an acronym of the passages ("sensorineural
    hearing loss" for SNHL), or the statement's own acronym when the passages write its long form."""
    covered: dict[str, set[str]] = {}
    for acronyms_in, words_in, long_in_statement in ((passages, statement, True), (statement, passages, False)):
        words = re.findall(r"[a-z]+", words_in[:MAX_CHARS].lower())
        for acronym in set(_ACRONYM.findall(acronyms_in[:MAX_CHARS])):
            letters = acronym.lower().replace("&", "")
            if len(letters) < 2 or letters in _NOT_SPELLED:
                continue
            short = [t.word for t in analyse(acronym).tokens]  # what the rewrites make of it
            for start, word in enumerate(words):
                if word[0] != letters[0] or word in _LINKS:
                    continue
                for size in range(1, len(letters) + 3):
                    run = words[start : start + size]
                    if len(run) < size or run[-1] in _LINKS:
                        continue
                    if size == 1 and (len(word) <= 2 * len(letters) or len(letters) < 4 and is_drug(word)):
                        continue
                    if _stands_for(letters, run):
                        mine, theirs = (run, short) if long_in_statement else (short, run)
                        for w in mine:  # two letters match by chance too often to compare polarity
                            covered.setdefault(w, set()).update(theirs if len(letters) > 2 else ())
                        break
    return {w: frozenset(v) for w, v in covered.items()}


@lru_cache(maxsize=16_384)
def run_initials(words: tuple[str, ...]) -> frozenset[str]:
    """The initials of every run of two to five words: what the passages could abbreviate (once per passage)."""
    return frozenset(_initials(run) for run in _runs(words))


def _runs(words: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(len(words)):
        for size in range(2, 6):
            if start + size <= len(words):
                yield words[start : start + size]

