"""A care chain's branch, named by its place: "DaVita Dalhurst", "FRESENIUS KIDNEY CARE STANCREST
FALLS", "Kindred Hospital - Lakewood", "life care center of elmford".

Dialysis units, long-term acute care hospitals, nursing homes and home-health agencies belong to
chains (data/care_chains.txt); a summary names the branch by the chain and the branch's town or
neighbourhood. The chain alone stays (it names no one); the place words after it, with the
chain, are the facility: words written as names in a mixed-case line (in any case in a line of
one case), after a prefix ("Port", "East") if one stands there, that are no English function word, clinical word or shorthand, and are rare, a town
the gazetteer lists, a census name or a locality's type ("Falls", "Landing") after one of those.
"""

from __future__ import annotations

import functools
import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.grow import line_of
from ingestion.deid.recognizers.base import ClinicalRecognizer
from ingestion.deid.recognizers.place_cues import PREFIXES, _feature

_JOINT = re.compile(r"[ \t]*(?:[-–,][ \t]*|(?i:of|at|in)[ \t]+(?:(?i:the)[ \t]+)?|[ \t]+)")
_PLACE_WORD = re.compile(r"[A-Za-z][\w'’.]*")
_MAX_WORDS = 3
_RARE_ZIPF = 4.0


@functools.cache
def _chains() -> re.Pattern[str]:
    names = sorted(lexicon.word_file("care_chains.txt"), key=len, reverse=True)
    gap = r"[ \t]+"
    alternation = "|".join(gap.join(map(re.escape, n.split())) for n in names)
    return re.compile(rf"(?<![\w'’-])(?i:{alternation})(?![\w'’-])")


def _place_word(word: str, one_case: bool, first: bool) -> bool:
    lower = word.lower().removesuffix("'s").removesuffix("’s").rstrip(".")
    if not (one_case or word[0].isupper()) or len(lower) < 3 or lower in lexicon.function_words() \
            or lower in lexicon.safe_words() or lower in lexicon.clinical_terms() or lower in lexicon.word_file("care_chains.txt"):
        return False
    if not first and _feature(lower):
        return True  # "Stancrest Falls", "North Landing"
    return lexicon.unknown_word(lower) or lower in lexicon.word_file("towns.txt") \
        or lexicon.known_name(lower) and (not lexicon.english_word(lower) or lexicon.word_frequency(lower) < _RARE_ZIPF) \
        or not lexicon.english_word(lower) and lexicon.word_frequency(lower) < _RARE_ZIPF


class CareChainRecognizer(ClinicalRecognizer):
    def __init__(self) -> None:
        super().__init__([Phi.FACILITY])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for chain in _chains().finditer(text):
            line = line_of(text, chain.start(), chain.end())
            one_case = line.isupper() or line.islower()
            at, end, words = chain.end(), None, 0
            while words < _MAX_WORDS and (joint := _JOINT.match(text, at)) is not None \
                    and (word := _PLACE_WORD.match(text, joint.end())) is not None and "\n" not in joint.group():
                if word.group().lower().rstrip(".") in PREFIXES and (one_case or word.group()[0].isupper()) and end is None:
                    at = word.end()  # "Port", "East": a place's prefix, kept only with the name after it
                    continue
                if not _place_word(word.group(), one_case, first=words == 0):
                    break
                at = end = word.end()
                words += 1
            if end is not None:
                results.append(self.result(Phi.FACILITY, chain.start(), end, 0.65))
        return results
