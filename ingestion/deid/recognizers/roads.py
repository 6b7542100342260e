"""Roads and landmarks where something happened, found by their shape and the words around them.

A numbered highway is a place when a note says where on it an event was: "MVC on US-55 near the
exit", "on I-18 southbound near mile 144", "Rt 77 near exit 30", "exit 25 off Route 88"; the same
shapes stay elsewhere ("I-131 therapy", "US-guided biopsy", "rt 2nd toe"). Two streets that meet
name a corner ("at the corner of Stonedale and 11th", "the bus stop at Oak Ln and Summer Drive").
A landmark is a name and its kind ("found at Nichols Pond", "behind kingsleigh landing common"), and
a neighbourhood a name and "section" ("in the Scott section"). The names are judged, not listed.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.grow import line_of
from ingestion.deid.recognizers.addresses import street_types
from ingestion.deid.recognizers.base import ClinicalRecognizer

_NUMBERED = r"(?:(?:i|us|sr)-\d{1,3}|(?:i|us)[ ]\d{1,3}|(?:rt|rte|route|hwy|highway|interstate|state[ ]route)\.?[ ]?#?\d{1,4})[a-z]?"
_EXIT = r"exit[ ]#?\d{1,3}[a-z]?"
# Where on a road: "near exit 30", "southbound", "NB", "near mile 144", "in Tolland", "at the ... exit"
_WHERE_AFTER = re.compile(
    r"[ ]+(?:near|at|past|by|before|after)[ ]+(?:the[ ]+)?(?:#|[A-Z]|exit|mile|ramp|overpass|bridge|on-?ramp|off-?ramp)"
    r"|[ ]+(?:[nsew]/?b|north|south|east|west)(?:bound|[ ]bound)?\b|[ ]+(?:exit|mile|ramp|overpass)\b|[ ]+in[ ]+(?:#|[A-Z])",
    re.I,
)
# Where a road is travelled: "MVC on", "off", "onto", "along", "exit 25 off".
_ON_BEFORE = re.compile(r"(?:\b(?:on|off|onto|along|via|from|near|take|took|exit(?:ed)?|crossing|drove|driving|travel(?:l)?ing)[ ]+(?:the[ ]+)?)$", re.I)
_HIGHWAY = re.compile(
    rf"(?<![\w/.-])(?P<phi>(?:{_EXIT}[ ]+(?:off|of|on)[ ]+(?:of[ ]+)?)?(?P<road>{_NUMBERED})"
    rf"(?:[ ]+(?:near|at|past|by)[ ]+(?:the[ ]+)?{_EXIT})?)(?![\w-])",
    re.I,
)
_CORNER = re.compile(
    r"\b(?:corner|intersection|junction)[ ]+of[ ]+(?:the[ ]+)?|\b(?:bus[ ]+stop|crosswalk|crossing)[ ]+(?:at|on)[ ]+(?:the[ ]+)?"
    r"|\b(?:x-?sts?|cross[ -]?st(?:reet)?s?)\.?[ ]*:?[ ]*", re.I  # a run sheet's cross streets: "(x-st 11TH ST / 3RD ROAD)"
)
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_STREET_WORD = r"(?:street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|terrace|ter|place|pl|court|ct|drive|dr|way|parkway|pkwy)\.?"
_STREET = rf"(?:{_ORDINAL}|[A-Za-z][\w'’-]*(?:[ ][A-Za-z][\w'’-]*)?)(?:[ ]{_STREET_WORD})?"
_MEETING = re.compile(rf"(?P<a>{_STREET})[ ]*(?:and|&|/|@)[ ]*(?P<b>{_STREET})(?![\w'’-])", re.I)
_LANDMARK_CUE = re.compile(r"\b(?:near|at|outside|behind|by|in|from|to|past)[ ]+(?:the[ ]+)?", re.I)
_LANDMARK = re.compile(
    r"(?P<phi>(?P<name>(?:[A-Za-z][\w'’-]*(?:[ ]|[ ]?\n)){1,3}?)"
    r"(?P<kind>park|reservoir|pond|lake|state[ ]forest|state[ ]park|rail[ ]trail|mall|plaza|commons?|green|beach|woods|field))(?![\w'’-])",
    re.I,
)
_DIRECTIONS = frozenset("north south east west new upper lower old".split())
# The two ends of a route or a commute: "delivery route for Acme between Salem and jessley"
_ROUTE = re.compile(
    r"\b(?:route|commutes?|commuting|drives?|driving|travels?|travell?ing)\b[^.;\n]{0,60}?\bbetween[ ]+"
    r"(?P<a>[A-Za-z][\w'’-]*(?:[ ][A-Za-z][\w'’-]*){0,3}?)[ ]+and[ ]+(?P<b>[A-Za-z][\w'’-]*(?:[ ][A-Za-z][\w'’-]*){0,2}?)(?=[ ]*(?:$|[.,;)]))",
    re.I | re.M,
)
_SECTION = re.compile(r"\bthe[ ]+(?P<phi>(?P<name>[A-Za-z][\w'’-]+)[ ]+(?:section|neighbou?rhood))\b", re.I)
# The street of the pharmacy a prescription went to, with any street type: "refill sent to CVS on Dawn Via",
# "rx sent to the walgreens on raymond run", "refill sent to Rite Aid on Banks Manors"
_SENT_ON = re.compile(
    r"\b(?:refills?|rx|prescriptions?|scripts?|meds|medications?)[ ]+(?:was[ ]+|were[ ]+)?(?:sent|faxed|called[ ]+in|e-?prescribed)[ ]+to[ ]+"
    r"(?:[^\s.;,]+[ ]+){1,3}?on[ ]+(?P<phi>(?P<name>[A-Za-z][\w'’-]*)[ ](?P<type>[A-Za-z]+))(?![\w'’-])",
    re.I,
)
# A shop or restaurant by the street it stands on: "the checkout line at Target on Willow Drive", "at Dunkin' on Sycamore Rd"
_BUSINESS_ON = re.compile(
    r"\bat[ ]+(?P<phi>[A-Z][\w'’&-]*(?:[ ][A-Z][\w'’&-]*){0,3})[ ]+on[ ]+(?:the[ ]+)?(?:\d{1,5}[ ]+)?[A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*)?[ ]"
    rf"{_STREET_WORD}(?![\w'’-])",
    re.I,
)
_EVERYDAY_ZIPF = 5.0  # "at Home on Oak Street", "at Work on ...": no shop's name; "Target" 4.8
_COMMON_NAME_ZIPF = 5.2  # "walker" 4.3, "white" 5.3 ... a census name as common as "white" names only written as one


def _plain(word: str) -> bool:
    """A word of the note's own, never a place's: a function, clinical, structure or safe word."""
    return (word in lexicon.function_words() or word in lexicon.clinical_terms() or word in lexicon.structure_words()
            or word in lexicon.safe_words_only() or word in lexicon.note_words())


def _a_name(word: str, written: bool, kind: bool = False) -> bool:
    """A word English does not know, or a census name (common ones only written as a name); before a
    landmark's kind a census name written as one may be a note's or an eponym's word too ("WALKER POND", "WHITE FIELD")."""
    w = word.lower().removesuffix("'s").removesuffix("’s")
    if len(w) < 3 or not w.isalpha():
        return False
    if kind and (written or w not in lexicon.note_words()) and (w in lexicon.first_names() or w in lexicon.last_names()) \
            and w not in lexicon.function_words():
        return True
    if _plain(w):
        return False
    if lexicon.unknown_word(w) or lexicon.known_name(w):
        return True
    census = w in lexicon.first_names() or w in lexicon.last_names()
    return census and (written or lexicon.word_frequency(w) < _COMMON_NAME_ZIPF)


def _street_part(part: str, written: bool) -> bool:
    words = part.split()
    if re.fullmatch(_ORDINAL, words[0], re.I):
        return len(words) == 1 or re.fullmatch(_STREET_WORD, words[1], re.I) is not None
    if len(words) > 1 and re.fullmatch(_STREET_WORD, words[-1], re.I):
        words = words[:-1]
        # with its road's word, any words but a sentence's name a street: "bridge ln", "SUMMER DRIVE"
        return all(w.lower() not in lexicon.function_words() and len(w) > 1 for w in words)
    return all(not _plain(w.lower()) for w in words) and _a_name(words[0], written)


class RoadRecognizer(ClinicalRecognizer):
    def __init__(self) -> None:
        super().__init__([Phi.CITY, Phi.STREET_ADDRESS])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for road in _HIGHWAY.finditer(text):
            before = _ON_BEFORE.search(text[max(0, road.start() - 30) : road.start()])
            after = _WHERE_AFTER.match(text, road.end())
            exited = road["phi"].lower() != road["road"].lower()
            # "I-" and "US-" need both; "Rt 77" either ("rt 2nd toe" is a side); "Route 9" is found elsewhere.
            loose = re.match(r"(?i)(?:i|us|sr|rt)\b", road["road"])
            if exited or (before and after) or (not loose or road["road"][:2].lower() == "rt") and (before or after):
                results.append(self.result(Phi.CITY, *road.span("phi"), 0.6))
        for cue in _CORNER.finditer(text):
            meet = _MEETING.match(text, cue.end())
            if meet is None:
                continue
            written = not line_of(text, cue.start()).islower()
            for part in ("a", "b"):
                if _street_part(meet[part], written):
                    results.append(self.result(Phi.STREET_ADDRESS, *meet.span(part), 0.6))
        for cue in _LANDMARK_CUE.finditer(text):
            if (mark := _LANDMARK.match(text, cue.end())) is None:
                continue
            words = mark["name"].split()
            written = all(w[:1].isupper() for w in words + [mark["kind"]])
            if len(words) > 1 and words[0].lower() in _DIRECTIONS:
                words = words[1:]  # "South Rookleigh Reservoir": the name after the direction is judged
            if mark["kind"].lower() == "field" and not written:
                continue
            # after a name its other words may be English ones: "Merrimont Center Reservoir"
            if _a_name(words[0], written, kind=True) and all(w.lower() not in lexicon.function_words() and w.lower() not in lexicon.clinical_terms()
                                                  for w in words[1:]):
                results.append(self.result(Phi.CITY, *mark.span("phi"), 0.6))
        for street in _SENT_ON.finditer(text):
            if street["type"].lower() in street_types() and _a_name(street["name"], True):
                results.append(self.result(Phi.STREET_ADDRESS, *street.span("phi"), 0.6))
        for route in _ROUTE.finditer(text):
            for part in ("a", "b"):
                words = [w for w in route[part].split() if w.lower() not in _DIRECTIONS]
                if words and _a_name(words[0], words[0][:1].isupper()) and not any(w.lower() in lexicon.function_words() for w in words):
                    results.append(self.result(Phi.CITY, *route.span(part), 0.6))
        for shop in _BUSINESS_ON.finditer(text):
            words = [w.strip("'’").lower() for w in shop["phi"].split()]
            if shop["phi"][0].isupper() and not any(w in lexicon.function_words() or w in lexicon.structure_words() or w in lexicon.clinical_terms()
                                                     or w in lexicon.care_settings() or lexicon.word_frequency(w) >= _EVERYDAY_ZIPF for w in words):
                results.append(self.result(Phi.CITY, *shop.span("phi"), 0.55))
        for section in _SECTION.finditer(text):
            if _a_name(section["name"], section["name"][:1].isupper()):
                results.append(self.result(Phi.CITY, *section.span("phi"), 0.6))
        return results
