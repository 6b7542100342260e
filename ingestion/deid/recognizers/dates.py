"""Dates in the forms clinicians write, with attached times; ages over 89."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ingestion.deid.entities import Phi
from ingestion.deid.recognizers.base import WORD_START, RegexRecognizer, Rule, rule

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON = r"(?:0?[1-9]|1[0-2])"
_ORD = r"(?:st|nd|rd|th)"
_TIME = (
    r"(?:(?:,?\s*(?:at\s+)?|\s*@\s*|T)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:hrs|h))?"
    r"|(?:,?\s+(?:at\s+)?|\s*@\s*)(?:[01]\d|2[0-3])[0-5]\d(?:\s*(?:hrs|h))?(?![\d/:]|\.\d))?"  # military: "0545", "@ 0600"
)
_YEAR = r"(?:19|20)\d{2}"

# Each pattern's `phi` group is a whole date (with its time); order matters only for clarity,
# overlapping matches are merged downstream.
_WORD_ORDINALS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
    r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-\w+|thirtieth|thirty-first)"
)
DATE_PATTERNS = [
    # 03/28/2023, 3-28-23, 3.28.23, 28.03.2023 (day-first forms match the same shape)
    # (a range of two, "2/15/21-2/16/21", is two dates)
    rf"(?<![\w/.])(?<!(?<!\d)-)(?P<phi>{_MON}[/.-]{_DAY}[/.-](?:{_YEAR}|\d{{2}}){_TIME})(?![\w/]|-(?!\d{{1,2}}/)|\.\d)",
    rf"(?<![\w/.])(?<!(?<!\d)-)(?P<phi>{_DAY}[/.-]{_MON}[/.-](?:{_YEAR}|\d{{2}}){_TIME})(?![\w/]|-(?!\d{{1,2}}/)|\.\d)",
    # 2023-03-28, 2023/03/28, 2023-03-28T07:42
    rf"(?<![\w/.-])(?P<phi>{_YEAR}[/-]{_MON}[/-]{_DAY}{_TIME})(?![\w/-])",
    # 28-Mar-2023, 28 Mar 2023, 28-MAR-23, 28th of March 2023
    rf"(?<!\w)(?P<phi>{_DAY}{_ORD}?(?:\s+of)?[\s-]+{MONTH}\.?(?:[\s,-]+(?:{_YEAR}|'?\d{{2}}))?{_TIME})(?!\w)",
    # 31MAY1924, 09SEP23: laboratory and registration systems
    rf"(?<![\w])(?P<phi>{_DAY}{MONTH}(?:{_YEAR}|\d{{2}}){_TIME})(?!\w)",
    # March 28, 2023; Mar 28th; March 31st 2023; Mar. 2023; March of 2023
    rf"(?<!\w)(?P<phi>{MONTH}\.?\s+{_DAY}{_ORD}?(?:,?\s+{_YEAR})?{_TIME})(?!\w)",
    rf"(?<!\w)(?P<phi>{MONTH}\.?,?\s+(?:of\s+)?{_YEAR})(?!\w)",
    # 11/2021: a month and year
    rf"(?<![\w/.-])(?P<phi>{_MON}/{_YEAR})(?![\w/]|\.\d)",
    rf"(?<![\w/.-])(?P<phi>{_MON}/{_DAY}(?:\s+(?:at\s+)?(?:[01]?\d|2[0-3]):[0-5]\d))(?![\w/])",
    # Any other bare 6/21 (or 6/21-6/23) standing alone is a date; keep() lets the word beside it
    # (data/measure_words.txt) make it a measurement instead: "strength 4/5", "pain 2/10", "1/2 tab".
    rf"(?<![\w/.:+-])(?P<phi>{_MON}/{_DAY}(?:-{_MON}/{_DAY})?)(?![\w/%]|[.:,]\d|-\d)",
    rf"(?<![\w/.:+-])(?P<phi>{_MON}/{_DAY})(?=[ap]m?\b)",  # "2/15am"
    # Day first where the day cannot be a month: "17/1", "28/03" (no score has a first number over 12 and a second under 13)
    rf"(?<![\w/.:+-])(?P<phi>(?:1[3-9]|2\d|3[01])/{_MON})(?![\w/%]|[.:,]\d|-\d)",
    # Feb 15-17: a month's day range
    rf"(?<!\w)(?P<phi>{MONTH}\.?\s+{_DAY}{_ORD}?\s*-\s*{_DAY}{_ORD}?)(?!\w)",
    # Feb-15-2021, 2021.02.15; "dated 15/02" (day first after a cue)
    rf"(?<!\w)(?P<phi>{MONTH}\.?-{_DAY}-(?:{_YEAR}|\d{{2}}))(?!\w)",
    rf"(?<![\w.])(?P<phi>{_YEAR}\.{_MON}\.{_DAY})(?![\w.])",
    rf"{WORD_START}(?:on|since|dated|date|DOS)\s*:?\s+(?P<phi>{_DAY}/{_MON})(?![\w/]|\.\d)",
    # "on the 28th", "the 3rd of", "extubated on 21st"
    rf"{WORD_START}(?:on|since|until|by)\s+the\s+(?P<phi>{_DAY}{_ORD})\b",
    rf"{WORD_START}(?:on|since|until|by|from|after|before)\s+(?P<phi>{_DAY}{_ORD})(?=[ \t]*(?:$|[,.;)]|(?:at|of|and|@)\b))",
    # 3-28 where a date is meant: a hyphen is a range elsewhere ("3-4 L", "q3-4h")
    rf"{WORD_START}(?:on|since|until|till|dated|due|after|before|through|thru|DOS|date|d/c|admitted|discharged|started|stopped|drawn)\s*:?\s+(?P<phi>{_MON}-{_DAY})(?![\w/-]|\.\d|\s*(?:x|times|L|lpm|mg|ml|cc|days?|hours?|hrs?|weeks?|wks?|min)\b)",
    # Jun-3, Jun 3rd; Mar '21
    rf"(?<!\w)(?P<phi>{MONTH}\.?-{_DAY}{_ORD}?)(?![\w-])",
    rf"(?<!\w)(?P<phi>{MONTH}\.?\s*'\d{{2}})(?!\w)",
    # feb15, 15feb; February the 15th; the fifteenth of February
    rf"(?<!\w)(?P<phi>{_DAY}{MONTH})(?!\w)",
    rf"(?<!\w)(?P<phi>{MONTH}{_DAY})(?!\w)",
    rf"(?<!\w)(?P<phi>{MONTH}\.?\s+the\s+{_DAY}{_ORD})(?!\w)",
    rf"(?=[tfsenTFSEN])\b(?P<phi>(?:the\s+)?{_WORD_ORDINALS}\s+of\s+{MONTH})\b",
    # Holidays name a day of the year
    rf"(?=[cxtehnimlvfCXTEHNIMLVF])\b(?P<phi>(?:Christmas|Xmas|Thanksgiving|Easter|Halloween|New\s+Year'?s(?:\s+(?:Day|Eve))?|Christmas\s+Eve|Independence\s+Day|July\s+4th|Memorial\s+Day|Labor\s+Day|Valentine'?s\s+Day|Mother'?s\s+Day|Father'?s\s+Day)(?:\s+(?:day|eve))?)\b",
]

_WORD_NUMBERS = (
    r"(?:ninety|one hundred|a hundred|hundred)(?:[\s-]*(?:and[\s-]*)?(?:one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?"
)
_AGE_NUMBER = rf"(?:9\d|1[01]\d|{_WORD_NUMBERS})"
AGE_PATTERNS = [
    rf"(?<![\w.])(?P<phi>{_AGE_NUMBER})(?=[\s-]*(?:y/?o\b|y\.o\.|yo\b|yrs?\b|years?[\s-]*old|year-old|-year|years? of age|M\b|F\b|Y\b))",
    # "Husband Patrick Bailey (97) at bedside": an age in brackets after a name
    rf"(?<=[A-Za-z] )\((?P<phi>9\d|1[01]\d)\)",
    rf"\b(?:age[d:]?|aged|age\s*/\s*sex\s*:?)\s*(?P<phi>{_AGE_NUMBER})\b",
]
# A sign-out list's age column: "Smith, Melissa       | 95 NSTEMI", "Patricia George    97 C diff".
# The number is found first; keep() checks the cell before it (a pattern led by that cell started at every letter).
_AGE_CELL = rule(r"(?=[91])(?<![\w.])(?P<phi>9\d|1[01]\d)[ \t]+(?=[A-Z])", Phi.AGE, 0.5)
_CELL_BEFORE = re.compile(r"[A-Za-z][ \t]*(?:\|[ \t]*|[ \t]{3,})$")
# Cells that hold a measurement, not a name: "SpO2    95 RA", "HR   96 NSR".
_VITALS = frozenset("sats sat spo2 o2 hr bp rr map fio2 hgb hct plt wbc glucose fs bs temp wt weight pulse ra nc".split())


_BARE = re.compile(rf"(?:{_MON}/{_DAY}(?:-{_MON}/{_DAY})?|{_DAY}/{_MON})")
_BEFORE = re.compile(r"([a-z0-9/]+)[ \t]*$")  # the word right before, with only spaces between
_AFTER = re.compile(r"[ \t]*([a-z0-9/]+)")


@functools.cache
def _measure_words() -> dict[str, frozenset[str]]:
    """data/measure_words.tsv: the words before and after a bare m/d that make it a measurement."""
    text = (Path(__file__).resolve().parent.parent / "data" / "measure_words.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {side: frozenset(w for w, s in rows if s == side) for side in ("before", "after")}


def _measured(text: str, start: int, end: int) -> bool:
    """A bare m/d that the word before it or the word after it makes a measurement."""
    words = _measure_words()
    before = _BEFORE.search(text[max(0, start - 30) : start].lower())
    after = _AFTER.match(text[end : end + 30].lower())
    return bool(before and before[1] in words["before"] or after and after[1] in words["after"])


def _first_char(pattern: str) -> str:
    """A lookahead on the date's first character, put before the lookbehinds a pattern starts with:
    the regex engine then passes most positions after one test (2.5 times faster on notes). A
    pattern whose date may start either way is written as two."""
    if not pattern.startswith("(?<"):
        return ""
    body = pattern.split("(?P<phi>", 1)[1]
    if body.startswith(("(?:0?", "(?:1[3", "(?:19|20)")):
        return r"(?=\d)"
    if body.startswith("(?:Jan"):
        return r"(?=[JFMASONDjfmasond])"
    return ""


class ClinicalDateRecognizer(RegexRecognizer):
    RULES = tuple(rule(_first_char(p) + p, Phi.DATE, 0.85, re.IGNORECASE | re.MULTILINE) for p in DATE_PATTERNS)

    def keep(self, text: str, start: int, end: int, rule: Rule) -> bool:
        value = text[start:end]
        # "May" alone after a number is a month only with a year or day: "3 may" is not a date.
        if re.fullmatch(r"\d+\s+may", value, re.IGNORECASE):
            return False
        if _BARE.fullmatch(value) and _measured(text, start, end):
            return False
        # A fraction or ratio in running text ("BP 120/80", "3/4 of the dose") never reaches here:
        # month/day ranges and the lookarounds keep them out; a bare "1/2" is guarded by context.
        return True


class ClinicalAgeRecognizer(RegexRecognizer):
    HINT = re.compile(r"(?<!\d)(?:9\d|1[01]\d)(?!\d)|ninety|hundred", re.IGNORECASE)
    RULES = (*(rule(p, Phi.AGE, 0.85, re.IGNORECASE) for p in AGE_PATTERNS), _AGE_CELL)

    def keep(self, text: str, start: int, end: int, rule: Rule) -> bool:
        if rule is not _AGE_CELL:
            return True
        if not _CELL_BEFORE.search(text, max(0, start - 40), start):
            return False
        before = re.search(r"([A-Za-z0-9]+)[ \t|]*$", text[max(0, start - 40) : start])
        return not (before and before[1].lower() in _VITALS)
