"""A place or a person found in part is masked whole: a place's kind and prefix go with its name,
and a person's first name or surname beside the part found goes with it ("Centa [Gray]").

Recognizers and propagation find a facility's or town's own name ("Birchwick", "Magnolia");
the words around it that say which kind of place it is ("VNA", "Crest", "Fire", "Hospice of
the") carry no identity alone, yet a summary that reads "[FACILITY] VNA" or "Port [TOWN]"
shows a name in part. Run once per page after propagation; only spans of a place grow.
"""

from __future__ import annotations

import functools
import re

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.kin import RELATION_WORDS
from ingestion.models import PhiSpan

_PLACES = {Phi.FACILITY, Phi.CITY}
_COMMON_ZIPF = 5.0  # a street type as frequent as "well", "run" or "view" is English first
_NAME_ZIPF = 4.5  # a capitalized word after a place goes on it when rarer ("Crest" 3.7, not "Surgery" 4.6)
# Closed classes of words that begin a place's name ("Port Sedgeville", "St. Rita's", "East Salting", "VA New Blywood").
TOWN_PREFIXES = r"(?i:mount|mt|port|fort|ft|lake|new|north|south|east|west|upper|lower)"  # "Port Sedgeville", "East Salting"
_PREFIX = re.compile(
    rf"(?<![\w'’-])(?:(?:(?i:st|saint|glen|va)|{TOWN_PREFIXES})\.?[ \t]+"
    r"|(?i:hospice|university|vna|visiting[ \t]+nurses?(?:[ \t]+association)?|hospital|clinic|college|daughters|sisters)[ \t]+(?i:of)[ \t]+(?:(?i:the)[ \t]+)?"
    r"|(?i:temple(?:[ \t]+beth)?|congregation)[ \t]+)$"
)
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][\w'’&-]*)")
# A capitalized word just before a place, inside a sentence: "at Cedar [Ridge Rehab]".
_WORD_BEFORE = re.compile(r"(?<=[\w,;:)][ \t])([A-Z][a-z'’-]+)[ \t]+$")


@functools.cache
def place_tails(one_case: bool = False) -> re.Pattern[str]:
    """A run of kind words right after a place: data/facility_tails.txt and facility_kinds.txt in
    any case; street types and facility_tails_capitalized.txt written capitalized ("Crest", "GARDENS",
    "Group"), the latter in any case in a line written in one case ("brookdale dental group")."""
    phrases = lexicon.word_file("facility_tails.txt") | lexicon.word_file("facility_kinds.txt")
    if one_case:
        phrases = phrases | lexicon.word_file("facility_tails_capitalized.txt")
    any_case = "|".join(r"[ \t]+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
    streets = sorted(
        {w for w in lexicon.word_file("street_types.txt") if len(w) > 3 and w.isalpha() and lexicon.word_frequency(w) < _COMMON_ZIPF}
        | lexicon.word_file("facility_tails_capitalized.txt"),
        key=len, reverse=True,
    )
    capitalized = "|".join(f"{w[0].upper()}{w[1:]}|{w.upper()}" for w in streets)
    return re.compile(rf"(?:{_GAP}(?:(?i:{any_case})|{capitalized}))+(?![\w'’-])")


def grow(text: str, spans: list[PhiSpan]) -> list[PhiSpan]:
    """`spans` (merged, in order) with each place's span reaching over its kind and prefix, and each person's
    over the first name or surname beside it."""
    grown, changed = [], False
    for i, span in enumerate(spans):
        floor = grown[-1].end if grown else 0
        limit = spans[i + 1].start if i + 1 < len(spans) else len(text)
        if span.entity_type == Phi.PERSON:
            start, end = _grow_person(text, span.start, span.end, floor, limit)
        elif span.entity_type in _PLACES:
            start, end = _grow_place(text, span, floor, limit)
        else:
            start, end = span.start, span.end
        if (start, end) != (span.start, span.end):
            changed = True
            span = PhiSpan(start, end, span.entity_type, span.score, span.surrogate)
        grown.append(span)
    return grown if changed else spans


def _grow_place(text: str, span: PhiSpan, floor: int, limit: int) -> tuple[int, int]:
    """A place's span over its kind and tails after it and its prefix before it."""
    end = _grow_right(text, span.end, limit, mixed=not text[span.start : span.end].isupper(),
                      one_case=one_case_line(text, span.start, span.end), facility=span.entity_type == Phi.FACILITY)
    if (zip_code := _ZIP_AFTER.match(text, end)) is not None and zip_code.end() <= limit:
        end = zip_code.end()  # a town's ZIP code right after it: "brought by EMS from Ellsford, 80722"
    start = span.start
    while (m := _PREFIX.search(text, max(floor, start - 40), start) or _WORD_BEFORE.search(text, max(floor, start - 40), start)) \
            is not None and (m.re is _PREFIX or _name_word(m.group(1))):
        start = m.start()
    return _organization_of(text, start, floor), end


_OF_BEFORE = re.compile(r"[ \t]+(?i:of)[ \t]+(?:(?i:the)[ \t]+)?$")
_ORG_WORD = re.compile(r"(?<![\w'’.-])([A-Za-z][\w'’.-]*|&)[ \t]*$")
_ORG_WORDS = 4
_ORG_JOINTS = frozenset(("and", "&", "on", "for", "of", "the"))
_ORG_ORDINALS = frozenset(("first", "second", "third", "our"))  # English function words that begin a name: "First Baptist Church", "Our Lady"  # "Boys and Girls Club", "Meals on Wheels", "Habitat for Humanity"


def _organization_of(text: str, start: int, floor: int) -> int:
    """Where a place's span starts once the organization named for it goes with it: "[Catholic
    Charities of ]Lake James", "[FIRST BAPTIST CHURCH OF ]NORTH JOSEPHMOUTH" (data/organization_nouns.txt
    ends the organization's name; its words are capitalized unless the line is in one case)."""
    of = _OF_BEFORE.search(text, max(floor, start - 12), start)
    if of is None:
        return start
    one_case = one_case_line(text, of.start(), start)
    at, begin, words = of.start(), None, []
    while len(words) < _ORG_WORDS and (m := _ORG_WORD.search(text, max(floor, at - 40), at)) is not None:
        word = m.group(1)
        lower = word.lower()
        if not words and lower not in lexicon.word_file("organization_nouns.txt"):
            return start  # "records of [TOWN]", "a resident of [TOWN]"
        if lower in _ORG_JOINTS and words:
            if lower in ("of", "the"):
                break
        elif not (one_case or word[0].isupper()) or lower in lexicon.function_words() and lower not in _ORG_ORDINALS:
            break
        words.append(lower)
        at = m.start(1)
        if lower not in _ORG_JOINTS:
            begin = at
    return start if begin is None else begin


_DEPARTMENTS = frozenset("department radiology laboratory laboratories labs imaging medicine therapy surgery unit clinic pharmacy diagnostics care rehab rehabilitation nursing".split())


_NOT_LAST = frozenset({"medical", "palliative", "behavioral", "behavioural", "mental"})


WRAPPED_LINE = 35  # characters: a shorter line ends by itself (a letterhead's, a signature's), a longer one wraps


def wraps(text: str, at: int) -> bool:
    """A line ending at `at` is long enough to have wrapped ("DISCHARGE SUMMARY" ends by itself)."""
    return at - (text.rfind("\n", 0, at) + 1) >= WRAPPED_LINE


def line_of(text: str, start: int, end: int | None = None) -> str:
    """The line (or lines) holding text[start:end], without its line breaks at either end."""
    stop = text.find("\n", start if end is None else end)
    return text[text.rfind("\n", 0, start) + 1 : len(text) if stop == -1 else stop]


def _one_wrap(text: str, start: int, end: int) -> bool:
    """text[start:end] crosses no line break, or one where a long line wraps onto a line written alike
    (a letterhead in capitals over "Hospital Medicine Service" does not wrap)."""
    breaks = text.count("\n", start, end)
    if not breaks:
        return True
    at = text.find("\n", start, end)
    return breaks == 1 and wraps(text, at) and line_of(text, at).isupper() == line_of(text, at + 1).isupper()


_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # between a name's words: a space, or a wrapped line's break
_CAMPUS = re.compile(rf"[ \t]*[-–,][ \t]*(?:[A-Z][\w'’.-]*{_GAP}){{1,3}}(?i:campus|site|division)\b")


@functools.cache
def _continuation() -> re.Pattern[str]:
    """Facility nouns after a facility, joined by "and", "for" or "of the" (data/facility_nouns.txt)."""
    nouns = lexicon.word_file("facility_nouns.txt") | {w for w in lexicon.word_file("facility_specialties.txt") if " " not in w}
    noun = "|".join(re.escape(w) for w in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"(?i:(?P<joint>{_GAP}(?P<word>and|&|for|of)(?P<the>{_GAP}the)?)?(?P<nouns>(?:{_GAP}(?:{noun}))+))(?![\w-]|['’](?![sS]\b))")


def one_case_line(text: str, start: int, end: int | None = None) -> bool:
    """The line holding text[start:end] is written in one case: there a capital says nothing."""
    line = line_of(text, start, end)
    return line.isupper() or line.islower()


def _continued(text: str, end: int, limit: int, one_case: bool, facility: bool) -> int | None:
    """Where a place's name ends once its nouns go on: a facility's after "and", "for" or "of"
    ("Summers Center[ for Rehabilitation]", "Liburgh Health[ and Rehab]"), a town's right after it
    ("Gardnerton[ Radiology]"; a hospital's department after it is not its name). The nouns are
    written capitalized unless the line is in one case; there "for" joins only "the" ("HOME FOR
    THE AGED"): "X REHAB FOR REHAB" says why."""
    m = _continuation().match(text, end)
    if m is None or m.end() > limit or m["joint"] and not facility or not _one_wrap(text, end, m.end()):
        return None  # ("Hospital and Medical\nCenter" wraps; "Hospital\n\nCenter for..." is a heading)
    if m["nouns"].split()[-1].lower() in _NOT_LAST:
        return None  # "X HOSPITAL AND MEDICAL STAFF": an adjective ends no name
    if facility and not m["joint"] and any(w.lower() in _DEPARTMENTS for w in m["nouns"].split()):
        return None  # a hospital's department after its name is none of it: "[X Hospital] Radiology"
    if "department" in [w.lower() for w in m["nouns"].split()[1:]]:
        return None  # "[X Hospital and Medical Center] Department of Surgery"
    if one_case:
        return None if m["word"] and m["word"].lower() == "for" and not m["the"] else m.end()
    return m.end() if all(w[0].isupper() for w in m["nouns"].split()) else None


def _grow_right(text: str, end: int, limit: int, mixed: bool, one_case: bool = False, facility: bool = True) -> int:
    while end < limit:
        if (m := place_tails(one_case).match(text, end)) is not None and m.end() <= limit and _one_wrap(text, end, m.end()):
            end = m.end()
        elif facility and (m := _CAMPUS.match(text, end)) is not None and m.end() <= limit and _one_wrap(text, end, m.end()):
            end = m.end()  # "Saint Kilian's Medical Center - Dunmore Junction Campus"
        elif facility and (m := _SLASH_INITIALS.match(text, end)) is not None and m.end() <= limit and m[1].lower() not in lexicon.safe_words():
            end = m.end()  # its initials after a slash: "at Cardon General/CGH (images pushed)"
        elif (after := _continued(text, end, limit, one_case, facility)) is not None:
            end = after
        elif mixed and (m := _WORD_AFTER.match(text, end)) is not None and m.end() <= limit and _name_word(m.group(1)):
            end = m.end()  # "Magnolia Crest", "Walker Falls": a capitalized name goes on
        else:
            return end
    return end


_ZIP_AFTER = re.compile(r",?[ \t]+\d{5}(?:-\d{4})?(?![\w/:-]|[.,]\d|[ \t]*(?i:mg|ml|units?|cc|g)\b)")
_SLASH_INITIALS = re.compile(r"/([A-Z]{2,5})(?![\w/'’-])")


def _name_word(word: str) -> bool:
    """A capitalized word that is neither English's own nor a note's: "Crest", "Bramgate"."""
    if not (word[0].isupper() and word[1:].islower()):
        return False
    lower = word.lower().removesuffix("'s").removesuffix("’s")
    return lower not in lexicon.function_words() and lower not in lexicon.safe_words() and lexicon.word_frequency(lower) < _NAME_ZIPF


# --- people -------------------------------------------------------------------------------------

# One space between: wider gaps are a form's columns ("Assistant: Dr Ojo   Anaesthetist:"); no label after
_PERSON_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Za-z][a-z'’-]*[a-z]|[A-Z][A-Z'’-]*[A-Z]) $")
_PERSON_WORD_AFTER = re.compile(r" ([A-Za-z][a-z'’-]*[a-z]|[A-Z][A-Z'’-]*[A-Z])(?![\w'’-]|\.\w|[ \t]*:)")
_NICKNAME = re.compile(r"[ \t]*\(?[\"“'‘][A-Za-z][\w'’-]*(?:[ ][A-Za-z][\w'’-]*)?([\"”'’]\)?)")
_FUNCTION_FIRST_NAMES = frozenset(("will", "may"))  # before a name found, "will ████" is Will: no verb stands there
_SURNAME_ZIPF = 4.0  # in a line of one case, a surname after a name found is rarer than "bruce" (4.3) ... or no English word
_UNKNOWN_ZIPF = 3.0
_UNKNOWN_FIRST_ZIPF = 4.0  # a first name before a surname found may be a frequent one: "umar [cordova]" (3.4)


def _grow_person(text: str, start: int, end: int, floor: int, limit: int) -> tuple[int, int]:
    """A person's span with the first name before it and the surname after it that the recognizers
    left ("will [faleti]", "Centa [Gray]", "[sean] bruce"): one word each way, on its line."""
    one_case = one_case_line(text, start, end)
    if (m := _PERSON_WORD_BEFORE.search(text, max(floor, start - 30), start)) is not None and _person_word(m.group(1), one_case, first=True):
        start = m.start(1)
    if (m := _PERSON_WORD_AFTER.match(text, end)) is not None and m.end() <= limit and _person_word(m.group(1), one_case, first=False) \
            and not lexicon.eponym_after().match(text, m.end()):
        end = m.end()  # ("LLOYD [DAVIES] POSITION" is an eponym's)
    if (m := _NICKNAME.match(text, end)) is not None and m.end() <= limit:
        end = m.end(1)  # a nickname in quotes after a name: 'Funmilayo Adeyemi ("Funmi")'
    return start, end


def _person_word(word: str, one_case: bool, first: bool) -> bool:
    lower = word.lower().removesuffix("'s").removesuffix("’s")
    titled = word[0].isupper() and word[1:].islower()
    if not (one_case or titled) or len(lower) < 2 or lower in lexicon.structure_words() or lower in lexicon.safe_words_only() \
            or lower in lexicon.clinical_terms() or lower in RELATION_WORDS or lower in lexicon.word_file("credentials.txt"):
        return False
    relaxed = first and len(lower) > 3 and lower.isalpha()
    if not lexicon.english_word(lower) and lexicon.word_frequency(lower) < (_UNKNOWN_FIRST_ZIPF if relaxed else _UNKNOWN_ZIPF) \
            and lower not in lexicon.function_words() and lower not in lexicon.safe_words():
        return True  # no English word: "Centa", "faleti"
    if first:
        return lower in lexicon.first_names() and (lower not in lexicon.function_words() or lower in _FUNCTION_FIRST_NAMES)
    return lower in lexicon.last_names() and lower not in lexicon.function_words() and lower not in lexicon.note_words() and (
        titled and not one_case or not lexicon.english_word(lower) and lexicon.word_frequency(lower) < 4.5 or lexicon.word_frequency(lower) < _SURNAME_ZIPF)
