"""Towns by their shape, in any case and with no cue: a person's name and a town's ending
("Josephmouth", "Aguilarland", "RENEEPORT", "douglasborough", "Jessicastad"), with the prefix
before it ("Lake Derekmouth", "NORTH JOSEPHMOUTH", "port stevenmouth"); and a locality's prefix before
a census name English does not know ("Lake Jaime", "WEST MARGARET", "Port Arthur").

English names towns for people: Jacksonville, Harrisburg, Williamsport, Jamestown. A word made of a
census first name or surname and one of these endings is a place, or a person's surname shaped
like one (Harrington): PHI either way. The word must be no English word (Webster's, inflections
checked), no country or state ("England", "Maryland") and no clinical or note word, and its stem a census name of three letters or more, so
"Mediport", "Newton" (new) and "Oxford" (ox) are no such word; the ending list is
data/town_endings.txt.
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

_PREFIX = re.compile(r"(?i:(?:new|port|lake|north|south|east|west|mount|mt\.?|fort|ft\.?|st\.?|saint|glen|upper|lower)[ ]+)$")
_MIN_STEM = 3
# Countries, states and regions of the same shape: Safe Harbor keeps them.
_REGIONS = frozenset(
    "england scotland switzerland thailand swaziland somaliland holland lapland rhineland greenland iceland finland ireland "
    "poland netherlands newfoundland queensland maryland disneyland".split()
)


@functools.cache
def _endings() -> tuple[str, ...]:
    return tuple(sorted(lexicon.word_file("town_endings.txt"), key=len, reverse=True))


@functools.cache
def _names() -> frozenset[str]:
    return lexicon.first_names() | lexicon.last_names()


_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]{6,}(?![\w'’-])")


@functools.lru_cache(maxsize=50_000)
def town_shaped(word: str) -> bool:
    """A name and a town's ending that English does not know: "josephmouth", "aguilarland"."""
    w = word.lower()
    ending = next((e for e in _endings() if w.endswith(e) and len(w) - len(e) >= _MIN_STEM), None)
    if ending is None or w in _REGIONS or w in lexicon.never_names() or w in lexicon.safe_words() or lexicon.english_word(w):
        return False
    stem = w[: -len(ending)]
    names = _names()
    # "josephmouth", "reneeport" (a first name's last letter may be shared: "kaylaton" / "kaylton")
    return (stem in names or stem + ending[0] in names or stem + "e" in names) and stem not in lexicon.never_names() \
        and stem not in lexicon.function_words()


# A locality's prefix and a person's name: "Lake Jaime", "WEST MARGARET", "Port Arthur" ("St. John's wort" is no town)
_PREFIXED = re.compile(r"(?<![\w'’-])(?P<prefix>(?i:new|port|lake|north|south|east|west|mount|fort))[ ]+(?P<name>[A-Za-z][a-z]+|[A-Z]+)(?![\w'’-])")

# ... or in lower case after a place's preposition: "lives nearby in west margaret"
_PLACE_BEFORE = re.compile(r"\b(?:in|to|from|near)[ ]+$")


def _prefixed_name(prefix: str, name: str, one_case: bool) -> bool:
    """A census name English does not know after a locality's prefix, written as names ("Lake Jaime"),
    or in any case in a line of one case."""
    if not one_case and not (prefix[0].isupper() and name[0].isupper() and not name.isupper()):
        return False
    w = name.lower()
    return (w in lexicon.first_names() or w in lexicon.last_names()) and not lexicon.english_word(w) \
        and w not in lexicon.never_names() and w not in lexicon.function_words() and w not in _REGIONS


class TownShapeRecognizer(ClinicalRecognizer):
    def __init__(self) -> None:
        super().__init__([Phi.CITY])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        endings = _endings()
        for m in _WORD.finditer(text):
            if not m.group().lower().endswith(endings) or not town_shaped(m.group()):
                continue
            start = m.start()
            if (prefix := _PREFIX.search(text, max(0, start - 8), start)) is not None:
                start = prefix.start()
            results.append(self.result(Phi.CITY, start, m.end(), 0.6))
        for m in _PREFIXED.finditer(text):
            line = line_of(text, m.start(), m.end())
            cued = m.group().islower() and _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()) is not None
            if _prefixed_name(m["prefix"], m["name"], line.isupper() or line.islower() or cued):
                results.append(self.result(Phi.CITY, m.start(), m.end(), 0.55))
        return results
