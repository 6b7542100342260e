"""Postal addresses in any case and any English-speaking country's layout.

A street is a house number, a name and a street type ("102 mann street", "3/216 MOTUHOROWHERO
COURT", "Flat 20, 166 William Club"); the street type is a closed class (data/street_types.txt),
so the name itself need not be known. After the street the address goes on, segment by segment
(a comma or a line break apart), through a town, a county ("Co. Donegal", "Aberdeenshire"), a
state or province code (kept: Safe Harbor lets states stay) and a postcode of any of the forms
Britain, Ireland, Canada, Australia, New Zealand or the US use; it ends at a postcode, at a
label ("Tel:"), or at a segment that is not a place's words.
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

_HOUSE = r"(?:(?:flat|unit|apt|apartment|suite)\.?[ ]\d{1,4}[a-z]?,?[ ])?(?:\d{1,4}/)?\d{1,5}[a-z]?"
_UNIT = r"(?:,?[ ](?:apt|apartment|suite|ste|unit|flat|#)\.?[ ]?#?\d{1,5}[a-z]?)?"
# A street named by an ordinal ("3078 20TH AVE", "308 13th Pl"), before a road's word only: "2 2nd line agents" is none.
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_ORDINAL_TYPES = frozenset("street st avenue ave av road rd lane ln boulevard blvd terrace ter place pl court ct drive dr way parkway pkwy"
                           " pike turnpike highway hwy circle cir".split())
_END = r"(?=[ \t]*(?:$|[,.;:)]|[ \t]-|[ \t]{2}|\t))"
# States, territories and provinces that follow a town; they stay unmasked.
REGIONS = frozenset(
    "nsw vic qld sa wa tas nt act on qc ns nb mb bc pe pei sk ab nl yt nu al ak az ar ca co ct de dc fl ga hi id il in ia "
    "ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy".split()
)
POSTCODE = re.compile(
    r"(?:[a-z]{1,2}\d[a-z\d]?[ ]?\d[a-z]{2}"  # British: "LS1 4AP", "s0g 6qh"
    r"|[a-z]\d{2}[ ]?[a-z\d]{4}|d6w[ ]?[a-z\d]{4}"  # Irish Eircode: "P42 R2YA"
    r"|[a-z]\d[a-z][ ]?\d[a-z]\d"  # Canadian: "K4N 3G8"
    r"|\d{5}(?:-\d{4})?|\d{4})" + _END,  # US ZIP; Australian and New Zealand postcodes
    re.I | re.M,
)
# After a town on its line, a postcode may end a sentence's clause: "Whakamotu 6262 and manages".
_INLINE_POSTCODE = re.compile(POSTCODE.pattern.removesuffix(_END) + r"(?![\w/-])", re.I)
# A postcode after a state's or province's code, wherever the street before it was found: ", md 08953.", "AB H4C5K1"
_REGION_POSTCODE = re.compile(r",[ \t]*(?P<region>[a-z]{2,3})\.?[ \t]+(?P<phi>\d{5}(?:-\d{4})?|[a-z]\d[a-z][ ]?\d[a-z]\d)(?![\w-])", re.I)
_SEPARATOR = re.compile(r",[ \t]*|[ \t]*\n[ \t]*(?=\S)|[ \t]+")
_WORD = re.compile(r"(?:co|st|mt|ft)\.(?=[ ])|[a-z][a-z'’-]*", re.I)
# Words inside a place's name that English writes in lower case: "Stratford upon Avon".
_INNER = frozenset("upon on by the of de la le".split())
_COUNTY = frozenset({"co", "co.", "county"})
# In lower-case text a street's name word is rare, or a census name that is not common English
# ("102 mann street", but not "5 day course").
_NAME_ZIPF = 4.0
_COMMON_ZIPF = 5.2  # "martin" 4.7, "james" 5.1; "day" 6.0, "point" 5.5


@functools.cache
def street_types() -> frozenset[str]:
    return lexicon.word_file("street_types.txt")


@functools.cache
def _street() -> re.Pattern[str]:
    types = "|".join(sorted((re.escape(t) for t in street_types()), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w/.,-])(?P<house>{_HOUSE})[ ](?P<name>(?:[a-z][\w'’-]*[ ]){{0,2}}?[a-z][\w'’-]*|{_ORDINAL})(?P<gap>[ ]|[ \t]*\n[ \t]*)"
        rf"(?P<type>{types})\.?{_UNIT}(?:{_END}|(?=[ ]+(?:in|near)[ ]))",
        re.I | re.M,
    )


# A street named without its number, where a shop or a home stands: "the CVS on Elm Ave", "Walgreens
# (OAK STREET)", "lives off mill rd". Only road words; the English ones ("way", "place", "court",
# "drive", "circle") only after a name written as one.
_BARE_STREET = re.compile(
    r"(?:(?:\b(?:on|at|off|(?:cross[ ]+)?streets?:?|corner[ ]+of|and|use|near|past|via|along|onto|behind|from|to)|&)[ ]+(?P<the>the[ ]+)?|\()"
    r"(?P<phi>(?P<name>\d{1,3}(?:st|nd|rd|th)|[A-Za-z][\w'’-]*(?:[ ][A-Za-z][\w'’-]*)?)(?P<gap>[ ]|[ ]?\n)"
    r"(?P<type>street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|terrace|ter|parkway|pkwy|highway|hwy|crescent|cres|turnpike"
    r"|way|place|pl|court|ct|drive|dr|circle|cir)\.?)(?![\w'’-])",
    re.I,
)
# ... and with no cue where its name and a road's word are written as names: "do not use Carrowcrest Road", "Church Avenue entrance"
_NAMED_STREET = re.compile(
    r"(?<![\w'’.-])(?P<phi>(?P<name>[A-Z][a-z][\w'’-]*(?:[ ][A-Z][a-z][\w'’-]*)?)[ ]"
    r"(?:Street|Avenue|Road|Lane|Boulevard|Terrace|Parkway|Highway|Turnpike|Crescent|Extension))(?![\w'’-])"
)
# Where a home, shop or workplace stands, any words before a road's word name the road: "at home on bridge road",
# "drug mart on summer terrace", "walkup on CROSS ST.", "LIVES ALONE ON SPRING COURT"; and an entrance by its
# road: "the front office, Spring Drive entrance".
_ROAD_TYPE = r"(?:street|st|avenue|ave|road|rd|lane|ln|terrace|ter|place|pl|court|ct|drive|dr|boulevard|blvd|way|parkway|pkwy)"
_BUILDING_ON = re.compile(
    r"\b(?:home|house|dock|mart|store|shop|pharmacy|walkup|apartment|office|farm|trailer|condo|entrance|(?:lives|living|resides)(?:\s+alone)?)"
    r"\s+(?:on|off)[ ]+(?:the[ ]+)?"
    rf"(?P<phi>(?P<name>[A-Za-z][\w'’-]*(?:[ ][A-Za-z][\w'’-]*)?)[ ]{_ROAD_TYPE}\.?)(?![\w'’-])",
    re.I,
)
_ENTRANCE = re.compile(rf"(?:,|\bthe)[ ]+(?P<phi>(?P<name>[A-Za-z][\w'’-]*(?:[ ][A-Za-z][\w'’-]*)?)[ ]{_ROAD_TYPE}\.?)[ ]+entrance\b", re.I)
_CROSS_STREET = re.compile(r"(?:cross[ ]+)?streets?\b", re.I)
# ... or after "residing at <a building> on": "residing at Oakwood Apartments on 346 bazzi pike in kelmore"
_LIVES_AT = re.compile(r"\b(?:lives|living|resides|residing|staying)[ ]+at[ ]+(?:[^\n.;:]{1,50}?[ ]on[ ]+)?$", re.I)
_ENGLISH_TYPES = frozenset("way place court drive dr circle".split())
_DOCTOR_AFTER = re.compile(r"[ ]+[A-Z][a-z]")
# The town after such a street in brackets: "(Hawthorn Drive, Quarrycliff)", "(linden street, fernsted)"
_TOWN_AFTER = re.compile(r",[ ](?P<phi>[A-Za-z][\w'’-]+(?:[ ][A-Za-z][\w'’-]+)?)(?=\))")
# A landmark by its kind, where something happened: "near Moss Park", "outside the Hawthorn Mall", "by Fox Reservoir"
_LANDMARK = re.compile(
    r"\b(?:near|at|outside|behind|by|in|from)[ ]+(?:the[ ]+)?(?P<phi>(?:[A-Z][\w'’-]+[ ]){1,3}"
    r"(?:Park|Reservoir|Pond|Lake|State[ ]Forest|State[ ]Park|Rail[ ]Trail|Mall|Plaza|Common|Beach|Woods))\b"
)


def _label_word(word: str) -> bool:
    """A field label, service or shorthand: never a street's or town's name, however it is written."""
    return word in lexicon.structure_words() or word in lexicon.safe_words_only()


def _note_word(word: str) -> bool:
    return word in lexicon.note_words() or word in lexicon.clinical_terms() or word in lexicon.safe_words_only()


_ROAD_ABBREVIATIONS = frozenset("st rd ave ln blvd".split())  # no English word: "12 oak st" is a street
# ... nor these after a house number, whatever the name's words: "2981 main boulevard"
_ROAD_WORDS = _ROAD_ABBREVIATIONS | frozenset("street road avenue boulevard lane parkway pkwy terrace highway hwy".split())


def _street_name(words: list[str], kind: str = "") -> bool:
    """The name of a street: no function, clinical or structure word; in lower case, rare words or names
    (or any word before a road's abbreviation, or after a house number before "street", "boulevard"...)."""
    road = kind.lower() in _ROAD_ABBREVIATIONS
    lower = all(w.islower() for w in words) and kind.lower() not in _ROAD_WORDS
    titled = all(w[:1].isupper() and not w.isupper() for w in words)
    for w in re.findall(r"[^\W\d_]+", " ".join(words).lower()):  # "campbell-nolan", "o'dwyer": each part
        if w in ("o", "d", "mc", "mac", "st"):
            continue
        census = w in lexicon.last_names() or w in lexicon.first_names()
        # A function word names a street only written as a name ("882 May Crescent"; "HR 60 AT REST" is none).
        if len(w) < 2 or w in lexicon.function_words() and not (titled and census) or lower and w in lexicon.safe_words_only() and not census \
                or road and _note_word(w) and not (census and len(w) > 3):  # "10 mg st", but "778 summer rd"
            return False
        zipf = lexicon.word_frequency(w)
        if lower and not (zipf < _NAME_ZIPF or census and zipf < _COMMON_ZIPF):
            return False
    return True


class AddressBlockRecognizer(ClinicalRecognizer):
    def __init__(self) -> None:
        super().__init__([Phi.STREET_ADDRESS, Phi.CITY, Phi.ZIP])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for street in _street().finditer(text):
            if re.fullmatch(_ORDINAL, street["name"], re.I):
                if street["type"].lower() not in _ORDINAL_TYPES:
                    continue
            elif not _street_name(street["name"].split(), street["type"]):
                continue
            if text[street.end() : street.end() + 1] == " " and street["type"].lower() not in _ROAD_WORDS \
                    and not _LIVES_AT.search(text, max(0, street.start() - 80), street.start()):
                continue  # before "in <town>" only a road's word ends a street ("502 spring st in Salem"), or any after "lives at"
            if "\n" in street["gap"] and text[street.end() : street.end() + 1] != ",":
                continue  # a street's type wraps onto the next line only before the town: "LIVES AT 9653 MASEK\nST, BOSTON"
            results.append(self.result(Phi.STREET_ADDRESS, street.start(), street.end(), 0.85))
            results += self._rest(text, street.end())
        for street in _BARE_STREET.finditer(text):
            words = street["name"].split()
            named = all(w[:1].isupper() or w[:1].isdigit() for w in words)
            if street["type"].lower() in _ENGLISH_TYPES and not named and not (street.group().islower() and _street_name(words)):
                continue  # "on miller drive" in a lower-case note, not "on long drive"
            if street["type"].lower() == "dr" and _DOCTOR_AFTER.match(text, street.end()) and not _CROSS_STREET.match(street.group()):
                continue  # "on Smith Dr. Jones's service": a doctor, not a drive (but "cross street Pine Dr. Second home...")
            if "\n" in street["gap"] and street["type"].lower() not in _ROAD_WORDS:
                continue  # a name wraps onto a road's word ("off the BENNETT\nROAD"), not onto "Dr." or "St." that start a line
            # A street written as a name may carry a common surname ("Smith Dr"); in lower case no note word may stand.
            written = named and not street.group().isupper()
            if all(not (_label_word(w.lower()) if written else _note_word(w.lower()))
                   and w.lower() not in lexicon.function_words() and len(w) > 1 for w in words):
                # "the Nee Road": a road named so carries its article
                start = street.start("the") if street["the"] and street["type"].lower() in ("road", "rd") else street.start("phi")
                results.append(self.result(Phi.STREET_ADDRESS, start, street.end("phi"), 0.7))
                town = _TOWN_AFTER.match(text, street.end()) if text[street.start()] == "(" else None
                if town and not any(_label_word(w.lower()) for w in town["phi"].split()):
                    results.append(self.result(Phi.CITY, *town.span("phi"), 0.7))
        for street in _NAMED_STREET.finditer(text):
            if not line_of(text, street.start()).isupper() and all(
                    not _label_word(w.lower()) and w.lower() not in lexicon.function_words() and w.lower() not in lexicon.clinical_terms()
                    for w in street["name"].split()):
                results.append(self.result(Phi.STREET_ADDRESS, *street.span("phi"), 0.65))
        for street in (*_BUILDING_ON.finditer(text), *_ENTRANCE.finditer(text)):
            if not any(w.lower() in lexicon.function_words() or _label_word(w.lower()) for w in street["name"].split()):
                end = street.end("phi") - (street["phi"].endswith(".") and not re.search(r"\b[a-z]{2,4}\.$", street["phi"], re.I))
                results.append(self.result(Phi.STREET_ADDRESS, street.start("phi"), end, 0.65))  # "on summer terrace." ends a sentence
        for zip_code in _REGION_POSTCODE.finditer(text):
            if zip_code["region"].lower() in REGIONS:
                results.append(self.result(Phi.ZIP, *zip_code.span("phi"), 0.7))
        for mark in _LANDMARK.finditer(text):
            if not any(w.lower() in lexicon.structure_words() or w.lower() in lexicon.function_words() for w in mark["phi"].split()[:-1]):
                results.append(self.result(Phi.CITY, *mark.span("phi"), 0.6))
        return results

    def _rest(self, text: str, at: int) -> list[RecognizerResult]:
        """The town, county, region and postcode after a street, while the segments read as a place."""
        found = []
        for _ in range(5):
            sep = _SEPARATOR.match(text, at)
            if not sep:
                break
            at = sep.end()
            spaced = not sep.group().strip(" \t")  # only a region or a postcode follows a town on its line
            code = (_INLINE_POSTCODE if spaced else POSTCODE).match(text, at)
            if code and any(c.isdigit() for c in code.group()):
                found.append(self.result(Phi.ZIP, code.start(), code.end(), 0.85))
                break
            region = _region(text, at)
            end = region or (None if spaced else _town(text, at))
            if end is None:
                break
            if region is None:
                found.append(self.result(Phi.CITY, at, end, 0.75))
            at = end
        return found


def _region(text: str, at: int) -> int | None:
    """The end of a state's or province's code at `at` that ends a segment or precedes a postcode."""
    word = _WORD.match(text, at)
    if word and word.group().lower().rstrip(".") in REGIONS and _segment_ends(text, word.end()):
        return word.end()
    return None


def _segment_ends(text: str, at: int) -> bool:
    if re.match(_END, text[at:], re.M):
        return True
    space = re.match(r"[ ]+", text[at:])
    return bool(space) and bool(_INLINE_POSTCODE.match(text, at + space.end()))


def _town(text: str, at: int) -> int | None:
    """The end of a town's or county's words from `at` (up to four), when they end a segment,
    or stand before a region's code or a postcode."""
    end, pos = None, at
    for count in range(4):
        word = _WORD.match(text, pos)
        if not word:
            break
        w = word.group().lower().rstrip(".")
        if count and w in REGIONS and _segment_ends(text, word.end()):
            break  # "Roberts Flat NSW 1652": the state's code is not the town's
        if not (count == 0 and w in _COUNTY or count and w in _INNER) and (len(w) < 2 or w in lexicon.function_words()
                                                                          or w in lexicon.structure_words()):
            break
        end = word.end()
        if text[end : end + 1] != " " or not text[end + 1 : end + 2].strip():
            break
        pos = end + 1
    if end is None or text[end : end + 1] == ":":
        return None  # "PMH:" is a label
    after = re.match(r",?[ ]", text[end:])  # "Upper Weber, QC B7Y2K6"
    placed = bool(after) and (_region(text, end + after.end()) is not None or _INLINE_POSTCODE.match(text, end + after.end()))
    if not (placed or _segment_ends(text, end)):
        return None
    # A line of note words ("DISCHARGE SUMMARY") is a place only with a region or a postcode after it.
    if not placed and all(_note_word(w.lower().rstrip(".")) for w in _WORD.findall(text, at, end)):
        return None
    return end
