"""Facilities and towns named in any case, found by the words around them.

Real notes name places with no capital and no "Hospital": "poss transfer to willowdale", "REFERRED
TO NMH", "from trenton rehab". A place cue ("transfer to", "lives in") or a facility word after the
name ("rehab", "manor", "med ctr") says where a name stands; the words standing there are a
place's name when they are not safe words (clinical shorthand, care settings, note structure: see
lexicon.safe_words) and English does not know them ("cleardale", "gnmh") or the census lists do
("ross house", "st clare"). The words are judged, not listed: no town or facility is named here.
"""

from __future__ import annotations

import functools
import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.grow import one_case_line
from ingestion.deid.recognizers.addresses import street_types
from ingestion.deid.recognizers.base import WORD_START, ClinicalRecognizer
from ingestion.deid.recognizers.places import (
    FACILITY_KINDS,
    SPECIALTY_FACILITY,
    STATE_NAMES,
    STATES,
    wraps,
)

# Words that begin a place's name and name nothing alone: "new julianville", "st clare", "lake dustin".
PREFIXES = frozenset("new port lake north south east west upper lower st saint mount mt fort ft san santa el la los las glen point".split())
# Words a facility's name ends with: "jenkins rehab", "ross house", "west johnside med ctr".
_TAIL = (
    r"(?:rehab(?:ilitation)?(?:[ ]+(?:center|centre|hospital|facility|institute|unit))?|nursing[ ]+(?:home|center|facility)"
    r"|(?:skilled[ ]+nursing|care|dialysis|surgery|cancer|medical|health|community[ ]+health)[ ]+(?:center|centre|ctr)"
    r"|health[ ]?care(?:[ ]+center)?|med(?:ical)?\.?[ ]+(?:center|centre|ctr)|memorial(?:[ ]+hospital)?|general[ ]+hospital"
    r"|(?:imaging|radiology|laboratory)[ ]+(?:services|center)|general|health|hospital|clinic|manor|house|lodge|gardens|village|snf|ltach?|(?:care|residential)[ ]+home|(?:medical[ ]+)?practice|nhs[ ]+trust"
    # a hospital's department after its name: "Kelbury ED", "harrowfield a&e", "Ashdown ICU"
    r"|ed|er|a&e|emergency[ ]+(?:department|dept|room)|icu|micu|sicu|ccu"
    # Commonwealth names: "karaka pharmacy", "Gormbridge Chemist", "Shelton Family Health Team", "Hope and
    # Partners", "Thompson Park CMHT", "Pitts Flat MC", "Westonfield Rehab Unit", "Ashton Ward", "Wood Unit"
    r"|pharmacy|chemists?|surgery|(?:family|general)[ ]+(?:doctors|medicine|practice|health[ ]+team)|primary[ ]+care"
    r"|(?:district[ ]+|community[ ]+)?health[ ]+(?:service|centre|center)|medical[ ]+(?:centre|group)|mc|hc|cmht"
    r"|(?:complex[ ]+)?(?:continuing|transitional|intermediate)[ ]+care(?:[ ]+unit)?|base[ ]+hospital"
    r"|and[ ]+partners|ward|unit|n&r|diagnostics|drugs?"
    # home-care agencies and hospices: "glendale home health", "sherworth hospice", "GRANRIDGE VISITING NURSES"
    rf"|home[ ]+health(?:[ ]?care)?|home[ ]+care|hospice|visiting[ ]+nurses?(?:[ ]+association)?|regional|{SPECIALTY_FACILITY}|{FACILITY_KINDS})"
)
# Words that say which kind of care a facility gives, between its name and its kind: "kylestad
# specialty hospital", "ashleeberg pain clinic", "port amyfort wound care center".
_DESCRIPTORS = frozenset("family community county regional university general memorial children's state valley specialty".split()) \
    | lexicon.care_settings() | lexicon.word_file("facility_specialties.txt")
_DESCRIPTOR_RUN = "|".join(re.escape(w) for w in sorted(_DESCRIPTORS, key=len, reverse=True) if " " not in w)
_TAIL_AFTER = re.compile(rf"(?:[ ]+|[ ]?\n)(?:(?:{_DESCRIPTOR_RUN})[ ]+){{0,3}}{_TAIL}\b", re.I)
_LABEL_TAIL = re.compile(r"(?i:ward|unit)$")
_FIELD_AFTER = re.compile(r"[ \t]*(?:no\b|#|:|number\b|num\b|\d)", re.I)
_TAIL_START = re.compile(rf"{WORD_START}{_TAIL}\b", re.I)
_TOKEN = re.compile(r"[^\W\d_][\w'’]*(?:\.(?=[ ]))?|\S")
_GAP = re.compile(r"[ \t]{1,2}|[ \t]?\n[ \t]*(?=\S)")  # a name may wrap onto the next line

# Cues after which a care setting's name stands: any name-like word is taken.
_FACILITY_CUES = (
    r"transfer(?:red|ring)?(?:[ ]+back)?[ ]+(?:to|from)|tx(?:'?d)?[ ]+(?:to|from)|accepting[ ]+(?:at|to)|t/f[ ]+(?:to|from)|xfer(?:red)?[ ]+(?:to|from)"
    r"|sent(?:[ ]+back)?[ ]+(?:to|from)|referred(?:[ ]+back)?[ ]+to|referrals?(?:[ ]+sent)?[ ]+to|return(?:ed|s|ing)?[ ]+to"
    r"|back[ ]+to|dispo(?:sition)?:?[ ]+(?:back[ ]+)?to|discharged(?:[ ]+back)?[ ]+(?:to|from)|d/?c'?d?[ ]+(?:to|from)"
    r"|(?:admitted|adm\.?)[ ]+(?:to|from)|presented[ ]+from|came[ ]+from|arrived[ ]+from|bed[ ]+at|screen(?:ed|ing|er)?[ ]+(?:for|with|w/|from|at)"
    r"|previously[ ]+at|program[ ]+at|(?:seen|followed|done|performed|replaced|placed|treated|hospitali[sz]ed)[ ]+at|(?:ed|er)[ ]+at"
    r"|go[ ]+to|called[ ]+from|call[ ]+from|liaison[ ]+(?:from|at)|accepted[ ]+(?:to|at)|outside[ ]+(?:hospital|study|films?|mri|ct|imaging|records|echo|cath|labs?)[ ]+(?:from|at)"
    r"|presented[ ]+to|(?:ems|ambulance|medics)[ ]+from|stepped[ ]+down[ ]+to|step-?down[ ]+to|re-?admi(?:tted|ssion)[ ]+to"
    # a stay left, searched for or weighed against home, and where the body goes: "stopped meds after leaving wtsh",
    # "bed search for cedar ridge", "est d/c home vs brookside", "body to d'angelo & sons"
    r"|(?:after[ ]+)?leaving|bed[ ]+search[ ]+(?:for|at)|home[ ]+vs\.?|body[ ]+(?:released[ ]+)?to|(?:d/?c|discharge)[ ]+planned[ ]+(?:to|for)"
    r"|transported[ ]+to"
    r"|admission[ ]+to|previous[ ]+admission[ ]+to|ward[ ]*:|unit[ ]*:"
    # where a person works, studies, stays or worships: Safe Harbor counts employers and schools too
    r"|work(?:s|ed|ing)?(?:[ ]+(?:full|part)[- ]?time)?[ ]+(?:at|for)|laid[ ]+off\b[^.;\n]{0,30}?[ ]from|job[ ]+at|employed[ ]+(?:at|by)|retired[ ]+from|employer[ ]*:|school[ ]*:"
    r"|graduat(?:e|es|ed|ing)[ ]+from|attends|enrolled[ ]+at|resides[ ]+at|residing[ ]+at|staying[ ]+at|volunteers[ ]+from"
    r"|parishioner[ ]+(?:at|of)|member[ ]+of|pharmacy[ ]*:"
    # field labels: "OSH: pendlebury", "Referring facility: Ellesmere"
    r"|records[ ]+(?:(?:coming|obtained|requested|received|sent|faxed)[ ]+)?(?:from|at|to)"
    r"|(?:osh|facility|location|referring[ ]+(?:facility|hospital)|hospital|site|institution|transferred[ ]+(?:from|to)"
    r"|outside[ ]+hospital|nursing[ ]+home|snf|rehab|pcp[ ]+office)[ ]*:"
    # a kind of care facility, a dash and its name: "Discharge disposition: SNF - Greenhaven"
    r"|(?:snf|ltach?|rehab|nursing[ ]+home|hospice|assisted[ ]+living|(?:skilled[ ]+nursing|extended[ ]+care)[ ]+facility)[ ]+[-–]"
)
# Cues after which a town stands.
_TOWN_CUES = r"moving(?:\s+(?:back|up|down))?\s+to|(?:grew|growing|raised|born)\s+up\s+in|(?:raised|born|lived)\s+in|closer\s+to|visiting\s+from|came\s+to|(?:moved|relocated|came)\s+from\s+(?:\w+\s+){1,3}?to|lives\s+(?:in|at|near)|living\s+in|resides\s+in|moved(?:\s+back)?\s+(?:to|from)|relocated\s+(?:to|from)|home\s+(?:to|in)|native\s+of"
# Cues too common to trust, after which only a word English does not know is a place ("voiding via
# urinal" is none), and a sign-out's arrow ("PT eval -> Redbury vs home"): the group `weak` of _CUES.
_CUES = re.compile(rf"(?:{WORD_START}(?:(?P<facility>{_FACILITY_CUES})|(?P<town>{_TOWN_CUES}))|(?P<weak>{WORD_START}(?:at|from|in|near|via)|(?<=[ ])(?:->|→|@)))(?=[ \t]|\n[ \t]*\S)", re.I)
_MAX_WORDS = 4
_STATE_NAME = re.compile(rf"(?:{STATE_NAMES})\b", re.I)  # "grew up in Florida": a state is no PHI
_INITIALS = re.compile(r"[a-z]{1,4}(?:h|mc|hc)")  # "smh", "bmc", "nwh"
_VALUE_AFTER = re.compile(r"[ \t]*[:=]?[ \t]*[<>]?\d")  # a lab's value after it: "MCH 29", "LDH: 240"
# A hospital's initials in brackets after a document's title: "DISCHARGE SUMMARY (FBMH)"
_TITLE_INITIALS = re.compile(r"(?m)^[ \t]*[A-Z][A-Z &/-]{4,60}\([ \t]*(?P<x>[A-Z]{2,4}(?:H|MC|HC))[ \t]*\)[ \t]*$")
# A US state's postal code after a comma ends a town's name: "trenton, NJ", "EAST PAUL, MA 02130".
# Codes that are also words or shorthand ("MD", "OR", "IN", "AP") count only before a ZIP.
_WORDLIKE_STATES = {"MD", "OR", "IN", "ME", "OK", "AS", "AP", "AE", "AA", "GU", "MP", "HI", "OH", "DE", "CO", "PR", "VI"}
_STATE_AFTER = re.compile(
    rf",[ ]?(?:(?:{'|'.join(sorted(set(STATES) - _WORDLIKE_STATES))})\b(?=[ ]*(?:$|[.;,)]|\d{{5}}|[ ][a-z]))"
    rf"|(?:{'|'.join(sorted(_WORDLIKE_STATES))})(?=[ ]+\d{{5}}\b))",
    re.M,
)
_WEAK_LOWER_ZIPF = 2.5  # "in cassettes" (2.9) is English; in capitals text a capital says nothing
_FUNCTION_WORD_ZIPF = 5.5
_TAIL_WORD_ZIPF = 4.5
_EVERYDAY_ZIPF = 4.0  # "stable" 4.3, "good" 5.6; "rose" 4.6 counts only written "Rose" or after a prefix ("port rose")
_LOWER_TAIL_ZIPF = 3.8  # "riverside pharmacy" (3.7): in lower case only a rarer English word names a place
_NAMED_PLACE_ZIPF = 5.0  # "Toronto" 4.3, "Dublin" 4.1: a city is frequent because it is a place  # "riverside" 3.6, "sunrise" 4.1; "good", "new" and "home" are commoner  # census "names" as frequent as "from" or "will" are English first


def _word(token: str) -> str:
    return token.lower().rstrip(".").removesuffix("'s").removesuffix("’s")


def _name_like(word: str, cued: bool = False, written: bool = True) -> bool:
    """Unknown to English, or a census name; with a cue or a facility word beside it, a census
    name that is also a common word counts too ("rose family health center", "lives in port mark"),
    after a cue only when written as a name or rarer than everyday English ("discharged home in
    stable condition": Stable is a surname too)."""
    if len(word) < 3 or not word.isalpha() or word in lexicon.function_words():
        return False
    if lexicon.unknown_word(word) or lexicon.known_name(word):
        return True
    census = word in lexicon.first_names() or word in lexicon.last_names()
    frequency = lexicon.word_frequency(word)
    return cued and census and frequency < _FUNCTION_WORD_ZIPF and (written or frequency < _EVERYDAY_ZIPF) and not _never_place(word)


def _unbound_setting(word: str, text: str, end: int) -> bool:
    """A care setting that is a census surname, without the noun its care sense needs: "Foster Medical Center"
    (not "foster care center", "foster home")."""
    nouns = lexicon.care_bound().get(word)
    after = _NEXT_WORD.match(text, end)
    return nouns is not None and word in lexicon.last_names() and not (after and after.group(1).lower() in nouns)


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


def _town_word(word: str, zipf: float) -> bool:
    """Before a state or a facility word, a word that is not shorthand, a care setting or a
    function word names the place even when it is English ("riverside rehab", "reading, PA")."""
    return len(word) > 2 and word.isalpha() and lexicon.word_frequency(word) < zipf and not _never_place(word)


_LOCALITIES = frozenset("county township borough parish section neighborhood neighbourhood district".split())
# A numbered road in any case: "off route 149", "do not use rte 72", "old Route 183", "Hwy 9"
_ROAD = re.compile(r"(?i)\b(?:old[ ]+)?(?:route|rte|hwy|highway|state[ ]+road|county[ ]+road|interstate)[ ]?#?\d{1,4}\b")


# A county in any case, named by any word that is not a sentence's or a note's: "rural bird county", "PEREZ COUNTY"
_COUNTY = re.compile(r"(?i)\b(?P<name>[a-z][a-z'’-]+(?:[ ][a-z][a-z'’-]+)?)[ ]+(?:county|parish)\b")
_ADJECTIVE = re.compile(r"[a-z]+(?:al|ic|ive|ary|ous|ern)")  # "rural county", "western county": a kind, not a name


def _county_name(name: str) -> int | None:
    """Where a county's name starts within `name` ("in rural bird" → "bird"), or None."""
    words = name.split()
    skip = 0
    while words and (words[0].lower() in lexicon.function_words() or _ADJECTIVE.fullmatch(words[0].lower())):
        skip += len(words.pop(0)) + 1  # "in rural bird county": the name is what is left
    if not words or any(w.lower() in lexicon.function_words() or _never_place(w.lower()) or _ADJECTIVE.fullmatch(w.lower()) for w in words):
        return None
    return skip


def _feature(word: str) -> bool:
    """A street's or locality's type ("park", "flat", "grove", "county"), which goes on to a name before it."""
    return (word in street_types() or word in _LOCALITIES) and not _never_place(word)


def _feature_after(text: str, at: int) -> bool:
    """A locality's type written as a name right after `at`: " Heights", " Junction"."""
    nxt = re.match(r"[ ]([A-Z][a-z]+|[A-Z]+)\b", text[at : at + 20])
    return bool(nxt) and _feature(nxt.group(1).lower())


def _never_place(word: str) -> bool:
    return (word in lexicon.structure_words() or word in lexicon.clinical_terms() or word in lexicon.safe_words_only()
            or word in lexicon.function_words() or word in lexicon.care_settings())


@functools.cache
def _strong_kinds() -> re.Pattern[str]:
    """Kinds of several words that only a named place bears ("Donor Network", "Critical Care Transport"), in any case."""
    phrases = sorted(lexicon.word_file("facility_strong_kinds.txt"), key=len, reverse=True)
    alternation = "|".join(r"[ \t]+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?i)(?<=[ \t])(?:{alternation})(?![\w'’-])")


_LOWER_KIND_NAME_ZIPF = 4.0
_KIND_NAME_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][\w'’]*(?:-[A-Za-z][\w'’]*)*[ \t]+$")


def _name_before_kind(text: str, at: int) -> int | None:
    """Where the one to three words before a strong kind start, when they are a name: words that no note, list of care
    or function words holds; capitalized in a line of mixed case ("Valley View"), in lower case rarer than everyday."""
    one_case = one_case_line(text, at)
    start, end = None, at
    for _ in range(3):
        word = _KIND_NAME_WORD.search(text, max(0, end - 30), end)
        if word is None:
            break
        token = word.group().strip()
        lower = _word(token)
        if _never_place(lower) or lower in lexicon.note_words() or lower in _care_kinds() or lower in PREFIXES or not (one_case or token[0].isupper()) \
                or token.islower() and lexicon.word_frequency(lower) >= _LOWER_KIND_NAME_ZIPF:
            break  # in lower case a frequent word is the sentence's: "discussed gift of life with family"
        start = end = word.start()
    return start


# A form's field that names an organisation a person belongs to: its whole value is the name, however
# English its words ("Employer: Young Cleaning Services", "school: rosewood montessori").
_ORGANISATION_FIELD = re.compile(
    r"(?im)\b(?:employer|place[ \t]+of[ \t]+(?:employment|work|worship)|workplace|school|church|parish|congregation"
    r"|agency|program|day[ \t]+program|vendor|funeral[ \t]+home|shelter|location[ \t]+of[ \t]+care|insurer|health[ \t]+plan)[ \t]*:[ \t]*"
    r"(?P<value>[^\s,;|()][^\n,;|()]{1,58}?)(?=[ \t]{2,}|[ \t]*(?:$|[,;|()]|\.(?:[ \t]|$)))"
)
_NO_ORGANISATION = frozenset(
    "none n/a na unknown unk retired unemployed disabled disability self self-employed homemaker housewife student "
    "yes no pending tbd declined not applicable home-schooled homeschooled reported".split()
)


_NAME_JOINS = frozenset({"of", "the", "and", "&", "for"})


@functools.cache
def _care_kinds() -> frozenset[str]:
    """Words of a kind of care or provider, a drug or a service: "home health", "methadone maintenance"."""
    return lexicon.phrase_words("facility_kinds.txt", "facility_tails.txt") | lexicon.word_file("drug_words.txt") \
        | {"maintenance", "services", "program", "outpatient", "inpatient"}


def _an_organisation(value: str) -> bool:
    """A field's value that names one: not "retired", "none", "self-employed", a number or a date, nor a
    sentence ("WORK/SCHOOL: He retired from ..."): a name holds no function word but "of", "the", "and"."""
    words = [w.strip(".").lower() for w in value.split()]
    if any(w in lexicon.function_words() and w not in _NAME_JOINS for w in words):
        return False
    if all(_never_place(w) or w in _NAME_JOINS or w in _care_kinds() for w in words):
        return False  # "Agency: home health", "Program: cardiac rehab": a kind of care, no one's name
    return any(c.isalpha() for c in value) and not all(w in _NO_ORGANISATION or w in _NAME_JOINS or "-" in w and w.split("-")[0] in _NO_ORGANISATION for w in words)


_TOWN_WORDS = re.compile(r"[ \t]+([A-Za-z][\w'’.-]*(?:[ ][A-Za-z][\w'’.-]*){0,2})")


def _known_town(text: str, at: int) -> tuple[int, int] | None:
    """A town the gazetteer knows right after a place cue ("pt from springfield", "lives alone in
    Riverside"), longest first: an English word counts only written as a name in mixed case ("from
    Mobile", not "from mobile" or "IN UNION")."""
    m = _TOWN_WORDS.match(text, at)
    if m is None:
        return None
    words = m[1].split(" ")
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n]).rstrip(".,")
        lower = phrase.lower()
        if lower not in lexicon.word_file("towns.txt") or _STATE_NAME.fullmatch(phrase):
            continue
        if n == 1 and (_never_place(lower) or lexicon.english_word(lower) and not (phrase[0].isupper() and not phrase.isupper())):
            return None
        start = m.start(1)
        return start, start + len(phrase)
    return None


class PlaceCueRecognizer(ClinicalRecognizer):
    def __init__(self) -> None:
        super().__init__([Phi.FACILITY, Phi.CITY])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for cue in _CUES.finditer(text):
            found = self._name_after(text, cue.end(), weak=cue["weak"] is not None, cue_facility=cue["facility"] is not None)
            if found:
                start, end, facility = found
                kind = Phi.CITY if cue["town"] and not facility else Phi.FACILITY
                results.append(self.result(kind, start, end, 0.6 if cue["weak"] else 0.7))
            elif (town := _known_town(text, cue.end())) is not None:
                results.append(self.result(Phi.CITY, *town, 0.6))
        results += [self.result(Phi.FACILITY, *m.span("value"), 0.7) for m in _ORGANISATION_FIELD.finditer(text) if _an_organisation(m["value"])]
        results += [self.result(Phi.CITY, road.start(), road.end(), 0.6) for road in _ROAD.finditer(text)]
        for m in _COUNTY.finditer(text):
            if (skip := _county_name(m["name"])) is not None:
                results.append(self.result(Phi.CITY, m.start() + skip, m.end(), 0.6))
        results += [self.result(Phi.FACILITY, m.start("x"), m.end("x"), 0.6) for m in _TITLE_INITIALS.finditer(text)
                    if m["x"].lower() not in lexicon.safe_words()]
        for state in _STATE_AFTER.finditer(text):
            start = self._name_before(text, state.start(), town=True)
            if start is not None:
                results.append(self.result(Phi.CITY, start, state.start(), 0.6))
        for tail in _TAIL_START.finditer(text):
            if _LABEL_TAIL.match(tail.group()) and (text[tail.start() - 2 : tail.start()] == "  " or _FIELD_AFTER.match(text, tail.end())):
                continue  # "Name: Smith, Gary   Unit No: 4471" is a form's columns, "HANDOVER Ward 9C" a number
            start = self._name_before(text, tail.start())
            if start is not None:
                results.append(self.result(Phi.FACILITY, start, tail.end(), 0.65))
        for kind in _strong_kinds().finditer(text):
            if (start := _name_before_kind(text, kind.start())) is not None:
                results.append(self.result(Phi.FACILITY, start, kind.end(), 0.6))
        return results

    @staticmethod
    def _name_after(text: str, at: int, weak: bool, cue_facility: bool = False) -> tuple[int, int, bool] | None:
        """The place's name right after a cue: prefixes and name-like words, and a facility word
        after them; (start, end, ends in a facility word), or None."""
        start = end = None
        unknown = named = saint = featured = False
        for _ in range(_MAX_WORDS):
            gap = _GAP.match(text, at)
            if not gap:
                break
            token = _TOKEN.match(text, gap.end())
            if not token:
                break
            word = _word(token.group())
            if start is None and _STATE_NAME.match(text, token.start()):
                return None
            if start is None and word == "the" and not weak:
                at = token.end()  # "transferred to the brigham"
                continue
            if start is not None:
                tail = _TAIL_AFTER.match(text, at)
                if tail:
                    return start, tail.end(), True
            titled = token.group()[:1].isupper() and not token.group().isupper()
            if word in PREFIXES and named and _feature(word) and (titled or token.group().isupper() or not weak):
                featured = True  # "point" ends a name as a locality's type: "in Barrett Point"
            elif word in PREFIXES:
                saint |= word in ("st", "saint", "port", "fort", "ft", "mount", "mt", "lake")  # "in port whitfield"
            elif not weak and titled and _town_word(word, _NAMED_PLACE_ZIPF) and word not in lexicon.note_words():  # states stay
                named = True  # after a strong cue, a place written as a name: "lives in Munich", "from Toronto General"
            elif start is None and _INITIALS.fullmatch(word) and word not in lexicon.safe_words() and lexicon.word_frequency(word) < 4.0 \
                    and (cue_facility or token.group().isupper() and not _VALUE_AFTER.match(text, token.end())):
                named = unknown = True  # a hospital's initials: "sent to smh for mri", "AVR at SGH in 2015" (not "MCH 29")
            elif _name_like(word, cued=not weak, written=titled or start is not None):
                # After a weak cue a word not written as a name must be rarer: "in cassettes" is English.
                rare = titled or lexicon.word_frequency(word) < _WEAK_LOWER_ZIPF
                unknown |= lexicon.unknown_word(word) and rare
                named = True
            elif named and _feature(word) and (titled or token.group().isupper() or not weak):
                featured = True  # a locality's type after its name: "Alderwick Junction", "Quarry Heights"
            elif start is None and weak and titled and not lexicon.function_words() >= {word} and _feature_after(text, token.end()):
                named = True  # a name written as one before its type, after a weak cue: "in Quarry Heights"
            else:
                break
            start = gap.end() if start is None else start
            if word not in PREFIXES or featured and named and _feature(word):
                end = token.start() + len(token.group().rstrip("."))
            at = token.end()
            if token.group().endswith(".") and word not in PREFIXES and len(word) > 1:
                break  # a sentence ends: "lives in Upperford. Transfer center"
        if end is None or not named:
            return None
        if weak and not (unknown or saint or featured):
            return None
        return start, end, False

    @staticmethod
    def _name_before(text: str, at: int, town: bool = False) -> int | None:
        """Where the name before a facility word starts ("ross" in "ross house"), or before a
        state ("trenton" in "trenton, NJ": any word not safe and not a function word), or None."""
        start, named = None, False
        tokens = list(_TOKEN.finditer(text, max(0, at - 60), at))
        for token in reversed(tokens[-_MAX_WORDS:]):
            between = text[token.end() : at if start is None else start].strip(" \t")
            # a name may wrap onto the next line, but a line's last word is no name of a facility word starting the next
            if between and not (between == "\n" and start is not None and wraps(text, token.end())):
                break  # only spaces between the words
            word = _word(token.group())
            if token.group().endswith(".") and word not in PREFIXES:
                break  # a sentence ends before the facility's name: "to Tansyington Dialysis. Home health aide"
            # An English word names a facility only when written as a name ("Riverside rehab"), not
            # in "declined nursing home"; before a state any case will do.
            # In capitals a capital says nothing, so a word written in capitals counts as written as a name.
            written = token.group()[:1].isupper() or lexicon.word_frequency(word) < _LOWER_TAIL_ZIPF
            if _unbound_setting(word, text, token.end()):
                named = True  # a care setting with no noun of its care, a surname: "Foster Medical Center"
            elif not named and word in lexicon.care_settings() and not lexicon.known_name(word):
                pass  # a kind of care however rare the word, not a name: "subacute rehab" (but "Foster House")
            elif token.group().islower() and not town and word not in lexicon.dictionary_words() and lexicon.english_word(word) \
                    and not lexicon.known_name(word):
                break  # a verb's inflection in lower case is the sentence's: "pt prefers [wescrest nursing and rehab]"
            elif _name_like(word, cued=True) or _town_word(word, _FUNCTION_WORD_ZIPF if town else _TAIL_WORD_ZIPF) and (town or written):
                named = True
            elif not (word in PREFIXES and named or word in _DESCRIPTORS and not named or _feature(word) and not named):
                break  # a place's feature word goes on only to a name: "Thompson Park CMHT", "Pitts Flat MC"
            start = token.start()
        return start if named else None
