"""Facilities named without a facility's word: pharmacy chains, wards named for a building, and the
outside hospital named in brackets ("from OSH (Valley Crest)").

A chain (data/pharmacy_chains.txt) is where a patient's prescriptions go; with its branch it
narrows who they are. A name that is also English or clinical shorthand ("CVS" is the
cardiovascular system, "Target", "Boots") counts only beside "pharmacy" or where prescriptions
go ("prescriptions sent to the CVS at", "med list from cvs"). A ward named for a building,
a number and a side ("transferred to Walker 9 North", "tx to Parini 5") names the hospital as
surely as its name: it counts after a verb that moves a patient there.
"""

from __future__ import annotations

import functools
import re

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.recognizers.base import WORD_START, RegexRecognizer, Rule, rule

_WHERE_MEDS_GO = re.compile(
    r"(?i:\b(?:meds?|medications?|prescriptions?|scripts?|rx|refills?|med[ \t]+list|picked?[ \t]+up|filled|e-?scribed|sent)\b"
    r"[^.\n;:]{0,40}?\b(?:from|to|at|via|by|with)[ \t]+(?:the[ \t]+)?)$"
)
_PHARMACY_AFTER = re.compile(r"[ \t]+(?i:pharmacy|pharmacies|store|drug[ \t]?store|#[ \t]*\d)")
_WARD_WORDS = frozenset(
    "bed room rm floor level pod unit ward station tower building bldg wing bay suite gate door day week grade stage class type zone "
    "phase cycle dose step lead part page section chapter line port icu micu sicu ccu ed er or pacu telemetry tele".split()
)


@functools.cache
def _chains() -> tuple[str, frozenset[str]]:
    """The chains' alternation (longest first) and the entries that need a pharmacy's context."""
    names = sorted(lexicon.word_file("pharmacy_chains.txt"), key=len, reverse=True)
    ambiguous = frozenset(n for n in names if len(n) <= 3 or n in lexicon.safe_words() or lexicon.english_word(n))
    return "|".join(r"[ \t]+".join(map(re.escape, n.split())) for n in names), ambiguous


class PremisesRecognizer(RegexRecognizer):
    def __init__(self) -> None:
        self.RULES = (
            chain := rule(rf"(?<![\w'’-])(?P<phi>{_chains()[0]})(?![\w'’-])", Phi.FACILITY, 0.7, re.IGNORECASE),
            rule(rf"{WORD_START}(?i:admitted|transferred|transfer(?:red)?|tx'?d?|moved|bedded|returned|sent)[ \t]+(?i:to|on)[ \t]+(?:the[ \t]+)?"
                 r"(?P<phi>[A-Z][A-Za-z'’-]+(?:[ \t][A-Z][a-z'’-]+)?[ \t]\d{1,2}(?:[ \t]?(?:North|South|East|West|[NSEW]|[A-D])\b)?)(?![\w/.-]|\.\d)",
                 Phi.FACILITY, 0.6),
            # the outside hospital by its name in brackets: "from OSH (Valley Crest)", "osh (summitspur)"
            outside := rule(r"(?i:\bosh|outside[ \t]+hospital)[ \t]*\([ \t]*(?P<phi>[A-Za-z][\w'’.&-]*(?:[ \t][A-Za-z][\w'’.&-]*){0,3})[ \t]*\)",
                 Phi.FACILITY, 0.7),
        )
        self._chain, self._outside = chain, outside
        super().__init__()

    def keep(self, text: str, start: int, end: int, rule: Rule) -> bool:
        value = text[start:end]
        if rule is self._chain:
            if " ".join(value.lower().split()) not in _chains()[1]:
                return True
            return _PHARMACY_AFTER.match(text, end) is not None or _WHERE_MEDS_GO.search(text, max(0, start - 80), start) is not None
        if rule is self._outside:  # a name, not what is said of the hospital: "OSH (records pending)", "osh (icu)"
            return _outside_name(value.split())
        name, sided = value.split()[0].lower(), value.split()[-1].isalpha()  # "Walker 9 North": a walker has no side
        return name not in _WARD_WORDS and (sided or name not in lexicon.clinical_terms() and name not in lexicon.safe_words()) \
            and not re.fullmatch(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*", name)


def _outside_name(words: list[str]) -> bool:
    """An outside hospital's name: not shorthand alone, and a word no shorthand that is rare, a name English
    lacks, or written as a name (field labels and services are shorthand too: lexicon.safe_words)."""
    if all(w.lower().strip(".") in lexicon.safe_words() for w in words):
        return False
    return any(w.lower() not in lexicon.safe_words() and (lexicon.unknown_word(w.lower()) or lexicon.known_name(w.lower())
               and not lexicon.english_word(w.lower()) or w[:1].isupper()) for w in words)
