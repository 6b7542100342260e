"""Month-day dates with no year ("8-31", "the 5th") read from what stands around them: a range whose
other end is a date, a booking's verb, a weekday, an entry's colon, a clause that goes on after it.
A hyphen is a range elsewhere ("1-2 tabs", "q4-6h", "THURS 10-2"), so each rule needs its own cue
and a check of the typed fact (a valid month-day, an end after its start)."""

from __future__ import annotations

import re

from ingestion.deid.entities import Phi
from ingestion.deid.recognizers.base import WORD_START, ClinicalRecognizer
from ingestion.deid.recognizers.dates import MONTH, _measured

_MD = r"(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])"
_ORD_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)"
_WEEKDAY = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
# What a count or a range goes on to: "2-3 times", "1-2 tabs", "3-4 pm", "2-3 visits" (a plural noun)
_UNIT_AFTER = re.compile(
    r"[ \t]*(?:%|x\b|(?:times|tabs?|caps?|puffs?|drops?|L|lpm|mg|mcg|ml|cc|units?|days?|hours?|hrs?|h|weeks?|wks?|months?|mos?"
    rf"|years?|yrs?|min|mins|am|pm|ago|of|per|mmhg|beats|bpm|lbs?|kg|ft|feet|m|meters|yards|cm|mm|in|inches|oz|(?!{_WEEKDAY}\b)[a-z]+s)\b)",
    re.IGNORECASE,
)
_TAIL = r"(?![\w/%]|-\d|[.:,]\d)"
# (a hyphen with no space is the glued form, checked harder: "1-2-3-4" is a list)
_RANGE_WORD = r"(?:[ \t]+(?:to|thru|through|until|till|-)[ \t]+|[ \t]*–[ \t]*)"
# The other end of a range, when it is a date of another shape: "8-13 to 9/2", "from 7-7 to Aug 3"
_OTHER_DATE = rf"(?:(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?!\d)|{MONTH}\.?[ \t]+\d{{1,2}}\b)"

# (pattern, kind): the kind names the check keep() makes. Groups d1 and d2 are the dates.
_RULES = [
    # a stay or an approval as two month-days: "8-31 to 9-11", "6-6 - 6-8", "5-24 thru 6-2"
    (rf"(?<![\w/.:+-])(?P<d1>{_MD}){_RANGE_WORD}(?P<d2>{_MD}){_TAIL}", "range"),
    # the same written glued: "NO LIFTING 9-18-10-5"
    (rf"(?<![\w/.:+-])(?P<d1>{_MD})-(?P<d2>{_MD})(?![\w/-]|[.:,]\d)", "glued"),
    # a range whose other end is a date of another shape: "from 8-13 to 9/2"
    (rf"(?<![\w/.:+-])(?P<d1>{_MD}){_TAIL}{_RANGE_WORD}(?=(?P<o2>{_OTHER_DATE}))", "one"),
    (rf"(?P<o1>{_OTHER_DATE}){_RANGE_WORD}(?P<d1>{_MD}){_TAIL}", "one"),
    # a booking's day: "booked the van for 3-26 pickup", "rescheduled to 5-22"
    # (a title's period may come between: "booked Dr. Lee's van for 7-11")
    (rf"{WORD_START}(?:booked|scheduled|rescheduled|arranged|set[ \t]+up|confirmed|moved|approved|ordered)\b(?:[^.;:\n]|(?<=\b[A-Za-z]{{2}})\.){{0,40}}?"
     rf"\b(?:for|on|to)[ \t]+(?P<d1>{_MD}){_TAIL}", "one"),
    # a day missed or cancelled: "missed visit 3-27 - no ride" ("missed 2-3 doses" counts)
    (rf"{WORD_START}(?:missed|cancell?ed|no-?showed?)\b[ \t]+(?:\w+[ \t]+)?(?P<d1>{_MD}){_TAIL}", "one"),
    # a month/day glued to the sentence before it: "using 1/2 tab at night.9/15 Missed visit", "bp 128/76.10/14 missed"
    (r"(?:(?<=[A-Za-z]\.)|(?<=\d/\d\d\.)|(?<=\d/\d\d\d\.))(?P<d1>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?=[ \t]+[A-Za-z])", "one"),
    # a time word, then the event it dates: "since admission 7-26 (DKA)", "after d/c from Mercy 8-31"
    (rf"{WORD_START}(?:since|after|before|until|from)[ \t]+(?:[a-z/]+[ \t]+)?(?P<d1>{_MD}){_TAIL}"
     r"(?![ \t]+to[ \t]+\d)", "one"),  # "weaned from 10-5 to 8-5": settings, left to the range's check
    # an event's past verb before it: "d/c'd 3-14 to home", "completed 6-19" ("increased 2-3 mg", "walked 10-15 ft" measure)
    (rf"{WORD_START}(?:[a-z]{{3,}}ed|[a-z/]+'d|given|done|drawn|taken)[ \t]+(?P<d1>{_MD}){_TAIL}(?![ \t]+to[ \t]+\d)", "one"),
    # a clause that goes on after a spaced dash: "PCP visit 3-14 - BP ok"
    (rf"(?<![\w/.:+-])(?P<d1>{_MD})(?=[ \t]+[-–][ \t]+[A-Za-z])", "one"),
    # a weekday's date, where the day can be no clock hour: "START MON 5-31" ("THURS 10-2" is a time of day)
    (rf"(?<![\w/])(?i:{_WEEKDAY})\.?,?[ \t]+(?P<d1>{_MD}){_TAIL}", "weekday"),
    # an entry's date after a name: "Echo at Crossroads 8-15: EF 35%"
    (rf"(?<=[A-Za-z])[ \t]+(?P<d1>{_MD}):[ \t]", "colon"),
    # a day of the month where a clause goes on past it: "since last visit the 5th he was admitted",
    # "COURT DATE THE 18TH @ ...", "delivery the 16th to 12 Main St" (not "the 2nd to last", "the 3rd to 5th")
    (rf"{WORD_START}(?i:the)[ \t]+(?P<d1>{_ORD_DAY})(?=[ \t]*@|[ \t]+(?i:he|she|they|we|pt|patient|the|for|in|to|per|between|via)\b)"
     rf"(?![ \t]+(?i:to)[ \t]+(?:last|{_ORD_DAY}))", "ordinal"),
]
_COMPILED = [(re.compile(p, re.IGNORECASE | re.MULTILINE), kind) for p, kind in _RULES]
# A day a clock hour may be ("10-2", "9-5", "7-3"): a weekday before it names a time, not a date
_HOURS = 12
_WEEKDAY_BEFORE = re.compile(rf"\b{_WEEKDAY}\.?[ \t]+$", re.IGNORECASE)
_DAYS_IN = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


# The nursing shifts, written as dates are: "NURSING NOTE 3-11", "rn shift 7-3"
_SHIFTS = frozenset(("7-3", "3-11", "11-7", "07-03", "03-11"))


def pattern_has(match: re.Match, group: str) -> bool:
    return group in match.re.groupindex and match[group] is not None


def _month_day(value: str) -> tuple[int, int] | None:
    month, day = (int(x) for x in re.split("[-/]", value))
    return (month, day) if 1 <= month <= 12 and 1 <= day <= _DAYS_IN[month] else None


def _after(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """The end of a stay comes after its start, within half a year (over New Year too)."""
    months = (second[0] - first[0]) % 12
    return 0 < months <= 6 or months == 0 and second[1] > first[1]


# The days listed after a month/day, each later than the last: "ct 3/14,15", "transfused 3/14, 15 & 16"
_DAY_LIST = re.compile(r"(?<![\w/.:+-])(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])(?P<rest>(?:(?:,[ \t]*|[ \t]*&[ \t]*|[ \t]+and[ \t]+)"
                       r"(?:0?[1-9]|[12]\d|3[01])(?![\w/.%:-]|,\d))+)", re.IGNORECASE)
_LISTED_DAY = re.compile(r"\d+")


def _listed_days(text: str) -> list[tuple[int, int]]:
    found = []
    for m in _DAY_LIST.finditer(text):
        if _UNIT_AFTER.match(text, m.end()) or _measured(text, m.start(), m.end("d")):
            continue  # "3/14, 15 mg", "PHQ-9 3/27, 4"
        month, last = int(m["m"]), int(m["d"])
        days = []
        for day in _LISTED_DAY.finditer(m["rest"]):
            if not last < int(day.group()) <= _DAYS_IN[month]:
                break
            last = int(day.group())
            days.append((m.start("rest") + day.start(), m.start("rest") + day.end()))
        found += [(m.start(), m.end("d"))] + days if days else []  # the first too: "3/14,15" is no date's shape alone
    return found


class MonthDayRecognizer(ClinicalRecognizer):
    HINT = re.compile(r"\d[-/]\d|\d(?:st|nd|rd|th)\b", re.IGNORECASE)

    def __init__(self) -> None:
        super().__init__([Phi.DATE])

    def analyze(self, text, entities, nlp_artifacts=None):
        if entities and Phi.DATE not in entities or not self.HINT.search(text):
            return []
        results = [self.result(Phi.DATE, *span, 0.8) for span in _listed_days(text)]
        for pattern, kind in _COMPILED:
            for match in pattern.finditer(text):
                groups = [g for g in ("d1", "d2") if pattern_has(match, g)]
                if self._keep(text, match, groups, kind):
                    results += [self.result(Phi.DATE, *match.span(g), 0.8) for g in groups]
        return results

    @staticmethod
    def _keep(text: str, match: re.Match, groups: list[str], kind: str) -> bool:
        if kind == "ordinal":
            return True
        days = [_month_day(match[g]) for g in groups]
        if None in days or _UNIT_AFTER.match(text, match.end()):
            return False
        start, end = match.span(groups[0])
        if kind != "range" and match["d1"] in _SHIFTS:
            return False
        # a stay's other end written m/d and a dash between: it runs forward ("10/19 - 3-11" is a date and a shift);
        # "move my appt from 8-13 to 7/30" may go back
        other = next((g for g in ("o1", "o2") if pattern_has(match, g) and "/" in match[g]), None)
        if other and re.search("[-–]", text[min(match.end(other), end) : max(match.start(other), start)]):
            first, second = (_month_day(match[other]), days[0]) if other == "o1" else (days[0], _month_day(match[other]))
            if None in (first, second) or not _after(first, second):
                return False
        if _measured(text, start, end):  # "pain 3-4 to 5-6"
            return False
        if kind in ("range", "glued"):
            if not _after(days[0], days[1]):
                return False
            # glued, four small numbers are a schedule or a list ("1-2-3-4"): a day past any month's count needed
            return kind == "range" or any(d > _HOURS for _, d in days)
        if kind == "weekday":
            return days[0][1] > _HOURS
        return not (kind == "colon" and _WEEKDAY_BEFORE.search(text, max(0, start - 12), start))
