"""Facilities known by where they stand, not by a facility's word: a saint's name, a hospital's
possession of a unit, the sender of outside records.

Real notes name the outside hospital by its short name or its letters ("nmh sent CD of CT",
"last hospitalization at MH's ICU", "per St. Brigid records", "At Johansson's, workup showed").
The word itself is no evidence; the slot is. A value counts when it is no English word, no
clinical shorthand (lexicon.safe_words) and no function word: letters no dictionary knows, a
name the census lists hold, or a saint's name after "St.".
"""

from __future__ import annotations

import re

from ingestion.deid import lexicon
from ingestion.deid.catch_all import vouched
from ingestion.deid.entities import Phi
from ingestion.deid.grow import one_case_line
from ingestion.deid.kin import RELATION_WORDS
from ingestion.deid.recognizers.base import RegexRecognizer, Rule, rule

_NAME_ZIPF = 4.5  # a census name written as one is taken when rarer than this ("Barnes" 3.9, "Young" 5.6)
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_WORD = r"[A-Za-z][\w'’-]*"
# One to three words of a name, or a saint's: "summit heights", "St. Ignatius", "URJMC".
_NAME = rf"(?:(?i:st\.?|saint){_GAP})?{_WORD}(?:[ \t]+{_WORD}){{0,2}}?"
_POSSESSIVE = r"['’](?:[sS](?![\w'’]))?"
# What only a hospital has: a unit, a transfer centre, records ("MH's ICU", "MRH'S TRANSFER CTR").
_HOSPITAL_PART = (
    r"(?i:icu|micu|sicu|ccu|cvicu|nicu|picu|ed|er|emergency[ \t]+(?:dept|department|room)|step[- ]?down(?:[ \t]+unit)?|transfer[ \t]+(?:center|centre|ctr)"
    r"|cath[ \t]+lab|tele(?:metry)?[ \t]+(?:unit|floor)|liaison|pathology|radiology)(?![\w-])"
)
_RECORDS = r"(?i:records?|notes|chart|imaging|films|discharge[ \t]+summary|d/?c[ \t]+summary)(?![\w-])"

SAINT = rule(rf"(?<![\w.'’-])(?P<phi>(?i:st\.?|saint){_GAP}(?P<name>{_WORD}|[A-Za-z](?=['’][sS]))(?:['’][sS])?)(?![\w'’-])(?![ \t]+(?i:wort))",
             Phi.FACILITY, 0.6)
OWNS_A_UNIT = rule(rf"(?<![\w'’-])(?P<phi>{_NAME}){_POSSESSIVE}[ \t]+{_HOSPITAL_PART}", Phi.FACILITY, 0.6)
AT_POSSESSIVE = rule(rf"(?<![\w'’-])(?i:at)[ \t]+(?P<phi>{_NAME}){_POSSESSIVE}(?=[,;.][ \t\n]|[ \t]+(?i:workup|work-up)\b)", Phi.FACILITY, 0.55)
SENT_RECORDS = rule(rf"(?<![\w'’-])(?P<phi>{_NAME})[ \t]+(?i:sent|faxed|uploaded)[ \t]+(?:(?i:a|the|over)[ \t]+)?(?i:cds?|discs?|images|films|records|imaging)(?![\w-])",
                    Phi.FACILITY, 0.6)
PER_RECORDS = rule(rf"(?<![\w'’-])(?i:per|from|review(?:ed)?[ \t]+of)[ \t]+(?P<phi>{_NAME})[ \t]+{_RECORDS}", Phi.FACILITY, 0.55)
OUTSIDE_FROM = rule(rf"(?<![\w'’-])(?i:outside|osh)[ \t]+(?i:mri|ct|cta|imaging|records|films|labs|echo|ekg|ecg|studies)[ \t]+(?i:from)[ \t]+(?P<phi>{_NAME})(?![\w'’-])",
                    Phi.FACILITY, 0.55)
TRANSFER_FROM = rule(rf"(?<![\w'’-])(?i:tx|xfer|transferred|transfer)[ \t]+(?i:from)[ \t]+(?P<phi>{_NAME})(?![\w'’-])", Phi.FACILITY, 0.5)
# A place named in English words, known by its case where a place stands: "Echo at Crossroads", "O2 from
# Cornerstone", "readmitted @ Lighthouse", "PT at Heritage", "referred to Good Shepherd". Only in a line of mixed
# case (a capital inside a sentence is a name's) and only where no clinical, setting or calendar word reads it.
_TITLED_WORD = r"[A-Z][a-z]+(?:['’][a-z]+)*"
TITLED_PLACE = rule(
    rf"(?<![\w'’-])(?:(?i:at|from|via|post)[ \t]+|@[ \t]*|(?i:referred|transferred|sent|discharged|moved|readmitted|referrals?)[ \t]+(?i:to)[ \t]+"
    rf"|(?i:followed[ \t]+by|accepting[ \t]+at|application[ \t]+to)[ \t]+)"
    rf"(?:(?i:the)[ \t]+)?(?P<phi>{_TITLED_WORD}(?:[ \t]+{_TITLED_WORD}){{0,2}})(?![\w'’-])", Phi.FACILITY, 0.5)
# A transport vendor, known by the ride it gives: "booked golden years ambulette", "BOOKED SAC W/C VAN", "no ride from
# compass.", "my ride from peck cant come", "rides @ the clinic via saunders." The slot says enough: any words
# that are no note's, shorthand or function word are the vendor's name, in any case.
_RIDES = ("ambulette", "w/c van", "wheelchair van", "chair van", "stretcher van", "medical van", "van", "ride", "rides", "cab", "taxi",
          "car service")
_RIDE = "(?i:" + "|".join(r"[ \t]+".join(map(re.escape, r.split())) for r in _RIDES) + ")"
_RIDE_WORDS = frozenset(w for r in _RIDES for w in r.split())  # "via medicaid cab": the ride's words are no vendor's name
_VENDOR_END = r"(?=[ \t]*(?:[.,;:)(]|$)|[ \t]+(?i:late|cant|can't|cannot|no-?show|for|to|on|at|and|again|today)(?![\w'’-]))"
BOOKED_RIDE = rule(rf"(?<![\w'’-])(?i:booked|scheduled|arranged|ordered)[ \t]+(?P<phi>{_NAME})[ \t]+{_RIDE}(?![\w'’-])", Phi.FACILITY, 0.5)
RIDE_FROM = rule(rf"(?<![\w'’-])(?:{_RIDE}[ \t]+(?i:from|with|w/|thru|through)|(?i:transport(?:ation)?|rides?)\b[^.;\n]{{0,40}}?(?<![\w'’-])(?i:via))"
                 rf"[ \t]+(?P<phi>{_NAME}){_VENDOR_END}", Phi.FACILITY, 0.5, re.MULTILINE)
# A lab's or an organ procurement organisation's letters in brackets after its kind: "appendix to path (wlrl)", "OPO (POGL) called"
KIND_INITIALS = rule(r"(?<![\w'’-])(?i:opo|path|pathology|lab|reference[ \t]+lab|ref[ \t]+lab)[ \t]*\((?P<phi>[A-Za-z]{3,6})\)", Phi.FACILITY, 0.55)
_VENDOR = (BOOKED_RIDE, RIDE_FROM)
_STRONG = (SENT_RECORDS, OWNS_A_UNIT)  # slots where the value's case says nothing ("nmh sent cd", "MH's ICU")
# A document's first line that names its sender beside its kind: "FRESENIUS - HD TREATMENT NOTE 3/4", "Harper /
# Nursing Progress Note", "hospice visit - Riverside  3/4". The side without the kind's word is the facility.
_TITLE_WORD = re.compile(r"(?i)(?<![\w-])(?:note|visit|summary|exam|treatment|progress|consult(?:ation)?|report|letter|office|evaluation|assessment|record)(?![\w-])")
_HEAD = re.compile(r"[ \t]*(?P<left>[^\n]*?)[ \t]+[-–/|][ \t]+(?P<right>[^\n]*?)(?=[ \t]{2,}|[ \t]+\d|[ \t]*(?:\n|$))")
_HEAD_NAME = re.compile(rf"(?:(?i:st\.?|saint)[ \t]+)?{_WORD}(?:[ \t]+(?:{_WORD}|&)){{0,4}}")


class FacilitySlotRecognizer(RegexRecognizer):
    RULES = (SAINT, OWNS_A_UNIT, AT_POSSESSIVE, SENT_RECORDS, PER_RECORDS, OUTSIDE_FROM, TRANSFER_FROM, TITLED_PLACE, BOOKED_RIDE, RIDE_FROM, KIND_INITIALS)
    HINT = re.compile(r"(?i)\b(?:st|saint|sent|faxed|uploaded|per|from|outside|osh|at|via|post|to|booked|scheduled|arranged|ordered|followed|opo|path|pathology|lab)\b|['’@]")

    def analyze(self, text, entities, nlp_artifacts=None):
        head = _letterhead(text)
        results = [] if head is None else [self.result(Phi.FACILITY, *head, 0.5)]
        if not self.HINT.search(text):
            return results
        for slot in self.RULES:
            for match in slot.pattern.finditer(text):
                start, end = match.span("phi")
                if slot is TITLED_PLACE:
                    end = _titled_place_end(text, start, end)
                    start = start if end is not None else None
                else:
                    start = self._name_start(text, start, end, slot)
                if start is not None:
                    if (m := re.match(_POSSESSIVE, text[end : end + 2])) is not None:
                        end += m.end()  # a possessive's mark goes with the name: "[St. Rita's]"
                    results.append(self.result(slot.entity, start, end, slot.score))
        return results

    @staticmethod
    def _name_start(text: str, start: int, end: int, slot: Rule) -> int | None:
        """Where the name in text[start:end] starts once the sentence's words before it are left
        ("hospitalization at [MH]'s ICU"), or None when no name stands there."""
        words = list(re.finditer(r"\S+", text[start:end]))
        if slot is SAINT:
            return start if _saint(words[-1].group()) else None
        if slot is KIND_INITIALS:
            bare = text[start:end].lower()
            return start if bare not in lexicon.safe_words() and not lexicon.english_word(bare) and bare not in lexicon.clinical_terms() else None
        loose = slot in _STRONG or slot in _VENDOR or one_case_line(text, start)
        for i in range(len(words) - 1, -1, -1):
            word = words[i].group()
            if slot in _VENDOR and word.lower() in _RIDE_WORDS:
                words = words[i + 1 :]
                break
            if word.lower().rstrip(".") in ("st", "saint") and i + 1 < len(words):
                return start + words[i].start() if _saint(words[i + 1].group()) else None
            if not _name_word(word, loose):
                words = words[i + 1 :]
                break
        titled = not one_case_line(text, start)
        if words and slot in _VENDOR:
            return start + words[0].start()  # the ride says who gives it
        if not words or not any(rare(w.group(), titled and w.group()[0].isupper()) for w in words):
            return None
        return start + words[0].start()


def _bare(word: str) -> str:
    return word.lower().removesuffix("'s").removesuffix("’s").strip("'’")


def _saint(word: str) -> bool:
    """A saint's name after "St.": a first name, a name no dictionary knows, or an initial ("St. E's")."""
    bare = _bare(word)
    if len(bare) == 1:
        return word[-2:].lower() in ("'s", "’s")
    return bare not in lexicon.safe_words() and bare not in lexicon.function_words() and (
        bare in lexicon.first_names() or lexicon.unknown_word(bare) or not lexicon.english_word(bare) and lexicon.known_name(bare))


def _name_word(word: str, loose: bool) -> bool:
    """A word that may stand in a facility's name here: no function word, shorthand or clinical term;
    in a mixed-case line written as a name or as letters, unless the slot says enough (`loose`)."""
    bare = _bare(word)
    if not bare or bare in lexicon.function_words() or bare in lexicon.safe_words() or bare in lexicon.care_settings() \
            or bare in RELATION_WORDS or bare in lexicon.note_words():
        return False
    return loose or word[0].isupper()


def rare(word: str, titled: bool = False) -> bool:
    """A word only a name would be: no dictionary's, and rare, or a census name English lacks, or one
    written as a name (`titled`: capitalized in a mixed-case line) and rarer than "Barnes"."""
    bare = _bare(word)
    if lexicon.unknown_word(bare) or not lexicon.english_word(bare) and (lexicon.known_name(bare) or lexicon.word_frequency(bare) < 3.5):
        return True
    return titled and lexicon.known_name(bare) and lexicon.word_frequency(bare) < _NAME_ZIPF  # "At Barnes's": written as a name


_NO_PLACE_NAME = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
                      "september october november december today tomorrow yesterday tonight noon midnight night bedtime "
                      "engine medic ladder rescue squad ambulance downtown uptown midtown central main north south east west".split())  # an ambulance's crew: "via Engine 9"; a part of town


def _letterhead(text: str) -> tuple[int, int] | None:
    """The sender's name on a document's first line, where the other side of a dash or slash says what it is."""
    head = _HEAD.match(text)
    if head is None:
        return None
    for name, kind in (("left", "right"), ("right", "left")):
        value = head.group(name)
        if not _TITLE_WORD.search(head.group(kind)) or _TITLE_WORD.search(value) or not _HEAD_NAME.fullmatch(value):
            continue
        words = [w for w in value.split() if w != "&"]
        if name == "right":  # after the kind a subtype may stand ("Office Visit - Annual Physical"): only a name's letters
            if all(not vouched(w.lower()) or re.fullmatch(r"[A-Z]{2,5}|[a-z]{2,5}", w) and not lexicon.english_word(w.lower())
                   and w.lower() not in lexicon.safe_words() for w in words):
                return head.span(name)
        elif _name_word(words[0], True) and _bare(words[0]) not in _kinds() and _bare(words[0]) not in _NO_PLACE_NAME \
                and _bare(words[0]) not in lexicon.word_file("facility_specialties.txt") and value.lower() not in lexicon.word_file("countries.txt"):
            return head.span(name)
    return None


def _titled_place_end(text: str, start: int, end: int) -> int | None:
    """Where a place named in capitalized English words ends: its words up to the first that a clinical, calendar or
    title word reads ("[Cornerstone] Nephrology": the kind grows back on), or None when none is a name's."""
    if one_case_line(text, start):
        return None
    kept = []
    for word in re.finditer(r"\S+", text[start:end]):
        if not _titled_name_word(word.group()):
            break
        kept.append(word)
    phrase = " ".join(w.group() for w in kept).lower()
    if not kept or phrase in lexicon.word_file("countries.txt") or _bare(kept[0].group()) in _kinds():
        return None
    return start + kept[-1].end()


def _titled_name_word(word: str) -> bool:
    """A capitalized English word that may be a place's own name: no clinical, setting, calendar, drug or title word."""
    bare = _bare(word)
    return _name_word(word, False) and bare not in _NO_PLACE_NAME and bare not in lexicon.word_file("drug_words.txt") \
        and bare not in lexicon.word_file("facility_specialties.txt") and bare not in lexicon.word_file("credentials.txt") \
        and bare not in lexicon.first_names() and bare not in lexicon.never_names()


def _kinds() -> frozenset[str]:
    """Words that say what kind of place it is, never which: "at the Park", "at Crest"."""
    return lexicon.phrase_words("facility_tails.txt", "facility_tails_capitalized.txt", "facility_kinds.txt", "street_types.txt")
