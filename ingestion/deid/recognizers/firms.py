"""Firms named for their partners, in capitals or written as names: "Patel, Scott and Jones",
"WHITE, PERKINS & FOWLER", "Gould-Foster", "Hunt and Sons", "MURPHY BROTHERS".

An employer, a practice or a law firm is often called by its partners' surnames, with no word
that says what it is: after "works at", "retired from", "PCP: Dr. X (...)" or "cc:". The shape is
the cue: three surnames joined by a comma and "and" or "&", two joined by a hyphen, or one or two
before "and Sons", "& Co." or "Brothers". Every word must be a census surname that is no clinical
word (drugs, eponyms, note words: "Stevens-Johnson", "Wolff-Parkinson-White" and "Guillain-Barre"
stay) and at most one of them a word of notes ("White", "Hall"); a hyphenated pair is not two
everyday English words ("Self-Harm"), no eponym of data/hyphenated_eponyms.txt ("Jackson-Pratt",
"Wong-Baker") and no eponym before its noun ("Mallory-Weiss tear", "Cheyne-Stokes respirations"). Lower case stays: the
shape is a name's only there.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.recognizers.base import ClinicalRecognizer

_WORD = r"(?=[A-Za-z]{3})(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?|[A-Z]+)"  # "Jones", "McCormick", "JONES" (three letters or more: "BI-PAP")
# Three partners: "A, B and C", "A, B, & C"
_THREE = re.compile(rf"(?<![\w'’&-])(?P<a>{_WORD}),[ ]+(?P<b>{_WORD}),?[ ]+(?:and|AND|&)[ ]+(?P<c>{_WORD})(?![\w'’-])")
# Two partners: "Gould-Foster" (never a third: "Wolff-Parkinson-White" is a syndrome)
_PAIR = re.compile(rf"(?<![\w'’-])(?P<a>{_WORD})-(?P<b>{_WORD})(?![\w'’]|-\w)")
# A family firm: "Hunt and Sons", "MURPHY BROTHERS", "Baker & Co."
_FAMILY = re.compile(
    rf"(?<![\w'’-])(?P<a>{_WORD})(?:[ ]+(?:and|AND|&)[ ]+(?P<b>{_WORD}))?[ ]+"
    r"(?P<kind>(?:and|AND|&)[ ]+(?:Sons|SONS|Daughters|DAUGHTERS|Co\.?|CO\.?|Company|COMPANY)|Brothers|BROTHERS|Bros\.?|BROS\.?)(?![\w'’-])"
)
# What makes a hyphenated pair an eponym: "Mallory-Weiss tear", "Stevens-Johnson syndrome"
_EVERYDAY_ZIPF = 4.4
_EPONYM_NOUN = re.compile(
    r"[ \t]+(?i:syndromes?|disease|tears?|lesions?|respirations?|breathing|catheters?|procedure|anastomosis|sign|reflex|"
    r"phenomenon|criteria|score|scale|test|classification|fracture|deformity|type|tube|operation|repair|gradient|nodes?|cells?|bodies|body|"
    r"equation|formula|line|maneuver|manoeuvre|position|murmur|palsy|reaction|shunt|valve|prosthesis|hemiarthroplasty)\b"
)


def _surname(word: str) -> bool:
    """A census surname that is no clinical word, eponym or function word."""
    w = word.lower()
    return w in lexicon.last_names() and w not in lexicon.clinical_terms() and w not in lexicon.function_words()


def _partners(words: list[str]) -> bool:
    """Surnames all, written in one case, at most one of them a word of notes ("White", "Hall")
    and that one a frequent surname."""
    if not all(_surname(w) for w in words) or len({w.isupper() for w in words}) > 1:
        return False
    noted = [w.lower() for w in words if w.lower() in lexicon.never_names()]
    return len(noted) <= 1 and all(w in lexicon.common_last_names() for w in noted)


def _everyday(word: str) -> bool:
    """A frequent English word and no first name ("Self", "Harm"; not "Miller" or "Marsh", which English
    uses less than names, nor "Luke")."""
    w = word.lower()
    return lexicon.english_word(w) and lexicon.word_frequency(w) >= _EVERYDAY_ZIPF and w not in lexicon.first_names()


class FirmRecognizer(ClinicalRecognizer):
    def __init__(self) -> None:
        super().__init__([Phi.FACILITY])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for m in _THREE.finditer(text):
            if _partners([m["a"], m["b"], m["c"]]):
                results.append(self.result(Phi.FACILITY, m.start(), m.end(), 0.65))
        for m in _PAIR.finditer(text):
            if _partners([m["a"], m["b"]]) and not all(_everyday(w) for w in (m["a"], m["b"])) \
                    and m.group().lower() not in lexicon.word_file("hyphenated_eponyms.txt") \
                    and not _EPONYM_NOUN.match(text, m.end()):
                results.append(self.result(Phi.FACILITY, m.start(), m.end(), 0.65))
        for m in _FAMILY.finditer(text):
            words = [m["a"]] + ([m["b"]] if m["b"] else [])
            if _partners(words) and not m["kind"].isupper() ^ all(w.isupper() for w in words):
                results.append(self.result(Phi.FACILITY, m.start(), m.end(), 0.65))
        return results
