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
# Before or after a day in words, a month is spelled out (or cut with a period), and "May" is written so:
# "MAR third" is the medication administration record's third dose, "dec second" a decrease, "you may
# first" a verb; none is a date.
_MONTH_NAME = (r"(?:January|February|March|April|(?-i:May)|June|July|August|September|October|November|December"
               r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON = r"(?:0?[1-9]|1[0-2])"
_ORD = r"(?:st|nd|rd|th)"
_TIME = (
    r"(?:(?:,?\s*(?:at\s+)?|\s*@\s*|T)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:hrs|h))?"
    r"|(?:,?\s+(?:at\s+)?|\s*@\s*)(?:[01]\d|2[0-3])[0-5]\d(?:\s*(?:hrs|h))?(?![\d/:]|\.\d))?"  # military: "0545", "@ 0600"
)
_YEAR = r"(?:19|20)\d{2}"

_WEEKDAY = r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
# A clock time after a date, not part of it: "0035", "6am", "9.30PM", "21:05", "0430H"
_AMPM = r"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?[ \t]*[ap]\.?m\b"
_CLOCK = rf"(?:{_AMPM}|(?:[01]?\d|2[0-3]):[0-5]\d\b|(?:[01]\d|2[0-3])[0-5]\d(?:h|hrs)?\b)"
# 20.3 (day.month, no year): never a longer number, a unit or a percent after it ("on 2.5 L", "1.5mg")
_DM = r"(?<![\w.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])(?![\w%]|\.\d|[ \t]*%)"

# Each pattern's `phi` group is a whole date (with its time); order matters only for clarity,
# overlapping matches are merged downstream.
_WORD_ORDINALS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
    r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-\w+|thirtieth|thirty-first)"
)
# Nouns an ordinal counts ("the 4th ventricle", "the 2nd time"): after them it is no day of the month.
_COUNTED = (r"(?:times?|days?|weeks?|months?|years?|cycles?|doses?|ventricles?|ribs?|floors?|grades?|percentiles?|degrees?"
            r"|trimesters?|toes?|fingers?|digits?|nerves?|generations?|lines?|attempts?|admissions?|episodes?|intercostal)\b")
DATE_PATTERNS = [
    # 03/28/2023, 3-28-23, 3.28.23, 28.03.2023 (day-first forms match the same shape)
    # (a range of two, "2/15/21-2/16/21" or "12/04/2022--07/30/2023", is two dates)
    # (one separator throughout: "co-careldopa 12.5/50" is a strength, not 12 May '50)
    rf"(?<![\w/.])(?<!(?<![\d-])-)(?P<phi>{_MON}(?P<s>[/.-]){_DAY}(?P=s)(?:{_YEAR}|\d{{2}}){_TIME})(?![\w/]|-(?!-|\d{{1,2}}/)|\.\d)",
    rf"(?<![\w/.])(?<!(?<![\d-])-)(?P<phi>{_DAY}(?P<s>[/.-]){_MON}(?P=s)(?:{_YEAR}|\d{{2}}){_TIME})(?![\w/]|-(?!-|\d{{1,2}}/)|\.\d)",
    # 3 / 28 / 2023, 28 / 03 / 23: a form's date typed with spaces (the year needed: "2 / 3 / 4" is no date)
    rf"(?<![\w/.])(?P<phi>(?:{_MON}|{_DAY})[ \t]/[ \t](?:{_MON}|{_DAY})[ \t]/[ \t](?:{_YEAR}|\d{{2}}))(?![\w/]|\.\d)",
    # 2023-03-28, 2023/03/28, 2023-03-28T07:42
    rf"(?<![\w/.-])(?P<phi>(?:{_YEAR}|21\d{{2}})[/-]{_MON}[/-]{_DAY}{_TIME})(?![\w/-])",  # ... and records shifted past 2100
    # 28-Mar-2023, 28 Mar 2023, 28-MAR-23, 28th of March 2023
    # (a range's other end is no year: "3 May - 10 May")
    rf"(?<!\w)(?P<phi>{_DAY}{_ORD}?(?:\s+of)?[\s-]+{MONTH}\.?(?:[\s,-]+(?:{_YEAR}|'?\d{{2}})(?![ \t]*{_ORD}?[ \t]+{MONTH}\b))?{_TIME})(?!\w)",
    # 20230314, 20230314T0930: a system's compact date (an 8-digit number that is one is PHI either way: an id's, or a date's)
    rf"(?<![\w/.:+-])(?P<phi>{_YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:T?[0-2]\d[0-5]\d(?:[0-5]\d)?)?)(?![\w/:-]|\.\d)",
    # 31MAY1924, 09SEP23: laboratory and registration systems
    rf"(?<![\w])(?P<phi>{_DAY}{MONTH}(?:{_YEAR}|\d{{2}}){_TIME})(?!\w)",
    # March 28, 2023; Mar 28th; March 31st 2023; Mar. 2023; March of 2023
    rf"(?<!\w)(?P<phi>{MONTH}\.?\s+{_DAY}{_ORD}?(?:,?\s+(?:{_YEAR}|'\d{{2}}))?{_TIME})(?!\w)",  # ... Mar 14 '22
    rf"(?<!\w)(?P<phi>{MONTH}\.?,?\s+(?:of\s+)?{_YEAR})(?!\w)",
    # 11/2021: a month and year
    rf"(?<![\w/.-])(?P<phi>{_MON}/{_YEAR})(?![\w/]|\.\d)",
    rf"(?<![\w/.-])(?P<phi>{_MON}/{_DAY}(?:\s+(?:at\s+)?(?:[01]?\d|2[0-3]):[0-5]\d))(?![\w/])",
    # Any other bare 6/21 (or 6/21-6/23, or the end of "3/2--5/3") standing alone is a date; keep() lets the word beside it
    # (data/measure_words.txt) make it a measurement instead: "strength 4/5", "pain 2/10", "1/2 tab".
    rf"(?<![\w/.:+])(?<!(?<!-)-)(?P<phi>{_MON}/{_DAY}(?:-{_MON}/{_DAY}(?:/(?:{_YEAR}|\d{{2}}))?)?)(?![\w/%]|[.:,]\d|-\d)",  # "1/12-1/15/2021"
    rf"(?<![\w/.:+-])(?P<phi>{_MON}/{_DAY})(?=[ap]m?\b)",  # "2/15am"
    # 2-20 where a clause or a time follows it ("FOLEY PLACED 2-20.", "Arrival 9-12 @ 0955", "(3-19)"); a range
    # goes on to its unit ("3-4 L", "1-2 tabs") and a measure's word stands before it ("pain 3-4.")
    # (nursing shifts stay: "NURSING NOTE 3-11", "7-3", "11-7")
    rf"(?<![\w/.:+-])(?!(?:7-3|3-11|11-7)\b)(?P<phi>{_MON}-{_DAY})(?=[ \t]*(?:$|[.,;)](?!\d)|@|(?:at[ \t]+)?{_CLOCK}))",
    rf"(?m)^[ \t]*(?:[-*•][ \t]*)?(?P<phi>{_MON}-{_DAY})(?=:[ \t])",  # a day's entry: "3-20: readmitted"
    # Day first where the day cannot be a month: "17/1", "28/03" (no score has a first number over 12 and a second under 13)
    rf"(?<![\w/.:+-])(?P<phi>(?:1[3-9]|2\d|3[01])/{_MON})(?![\w/%]|[.:,]\d|-\d)",
    # Feb 15-17, March 14 to 16, March 14 and 16; 14-20 March, between the 14th and 20th of March: a month's days
    rf"(?<!\w)(?P<phi>{MONTH}\.?\s+{_DAY}{_ORD}?\s*(?:-|–|&|to|and|through|thru|until)\s*{_DAY}{_ORD}?)(?!\w)",
    rf"(?<![\w/.-])(?P<phi>{_DAY}{_ORD}?\s*(?:-|–|&|to|and|through|thru|until)\s*(?:the\s+)?{_DAY}{_ORD}?(?:\s+of)?[\s-]+{MONTH}\.?(?:[\s,-]+{_YEAR})?)(?!\w)",
    # March fourteenth; Jan-Feb 2023 (the months of a year)
    rf"(?<!\w)(?P<phi>{_MONTH_NAME}\s+(?:the\s+)?{_WORD_ORDINALS})\b",
    rf"(?<!\w)(?P<phi>{MONTH}\.?\s*[-–/]\s*{MONTH}\.?,?\s+{_YEAR})(?!\w)",
    # Feb-15-2021, 2021.02.15; "dated 15/02" (day first after a cue)
    rf"(?<!\w)(?P<phi>{MONTH}\.?-{_DAY}-(?:{_YEAR}|\d{{2}}))(?!\w)",
    rf"(?<![\w.])(?P<phi>{_YEAR}\.{_MON}\.{_DAY})(?![\w.])",
    rf"{WORD_START}(?:on|since|dated|date|DOS)\s*:?\s+(?P<phi>{_DAY}/{_MON})(?![\w/]|\.\d)",
    # "on the 28th", "the 3rd of", "extubated on 21st"
    rf"{WORD_START}(?:on|since|until|by)\s+the\s+(?P<phi>{_DAY}{_ORD})\b",
    # ... after a stay's verb, unless a count's noun follows ("from the 4th ventricle", "admitted the 2nd time")
    rf"{WORD_START}(?:from|admitted|discharged|transferred)\s+the\s+(?P<phi>{_DAY}{_ORD})\b(?![ \t]+{_COUNTED})",
    # the end of a stay named from its start: "from the 28th to the 5th for diverticulitis"
    rf"{WORD_START}from\b[^.;\n]{{1,40}}?\bto[ \t]+the[ \t]+(?P<phi>{_DAY}{_ORD})\b(?![ \t]+{_COUNTED})",
    rf"{WORD_START}(?:on|since|until|by|from|after|before)\s+(?P<phi>{_DAY}{_ORD})(?=[ \t]*(?:$|[,.;)]|(?:at|of|and|@)\b))",
    # 3-28 where a date is meant: a hyphen is a range elsewhere ("3-4 L", "q3-4h")
    # (a culture's day too: "Cx 12-30 NGTD"; keep() lets "bcx 1-4" count bottles)
    rf"{WORD_START}(?:on|since|until|till|dated|due|after|before|through|thru|DOS|date|d/c|admitted|discharged|started|stopped|drawn"
    rf"|seen|cx|bcx|ucx|cultures?|collected|dc|admission|written|filled|refilled|dispensed|issued|signed|faxed|mailed|received)\s*:?\s+(?P<phi>{_MON}-{_DAY})"
    rf"(?![\w/-]|\.\d|\s*(?:x|times|L|lpm|mg|ml|cc|days?|hours?|hrs?|weeks?|wks?|months?|mos?|years?|yrs?|min|ago|of|bottles?|sets?|samples?)\b)",
    # a stay's dates as a range of two: "(11-15 - 11-20)", "11-15 – 11-20" (a range of ranges is none: "2-3 - 4-5 mg")
    rf"(?<![\w/.:+-])(?P<phi>{_MON}-{_DAY})(?=[ \t]+[-–][ \t]+{_MON}[-/]{_DAY}(?:/\d{{2,4}})?[ \t]*(?:$|[.,;)]))",
    rf"(?<![\w/.:+-]){_MON}-{_DAY}[ \t]+[-–][ \t]+(?P<phi>{_MON}-{_DAY})(?=[ \t]*(?:$|[.,;)]))",
    # Jun-3, Jun 3rd; Mar '21
    rf"(?<!\w)(?P<phi>{MONTH}\.?-{_DAY}{_ORD}?)(?![\w-])",
    rf"(?<!\w)(?P<phi>{MONTH}\.?\s*'\d{{2}})(?!\w)",
    # feb15, 15feb; February the 15th; the fifteenth of February
    rf"(?<!\w)(?P<phi>{_DAY}{MONTH})(?!\w)",
    rf"(?<!\w)(?P<phi>{MONTH}{_DAY})(?!\w)",
    rf"(?<!\w)(?P<phi>{MONTH}\.?\s+the\s+{_DAY}{_ORD})(?!\w)",
    rf"(?=[tfsenTFSEN])\b(?P<phi>(?:the\s+)?{_WORD_ORDINALS}\s+(?:of\s+)?{_MONTH_NAME})(?![\w.])",
    # 3/3/'23; 3/3-5 (a month's days); 03-03 (a month written with its zero is no range)
    rf"(?<![\w/.:+-])(?P<phi>{_MON}/{_DAY}/'\d{{2}})(?![\w/])",
    rf"(?<![\w/.:+-])(?P<phi>{_MON}/{_DAY}-{_DAY})(?![\w/%]|[.:,]\d|-\d)",
    r"(?<![\w/.:+-])(?P<phi>0[1-9]-(?:0[1-9]|[12]\d|3[01]))(?![\w/%-]|[.:]\d)",
    # A weekday names the date beside it: "Saturday 30th", "FRI 22ND", "Wed 1/5", "Sun the 17th", "Mon 20.3"
    rf"(?=[mtwfs])\b(?P<phi>{_WEEKDAY}\.?,?[ \t]+(?:the[ \t]+)?(?:{_DAY}{_ORD}|{_MON}[/.]{_DAY}|{_DAY}[/.]{_MON}))(?![\w/%]|[.:,]\d|-\d)",
    # A day of the month alone ("the 24th", "from the 2ND.", "the 14th 0320: wife rang", "appt the 12th w/ cards") where nothing
    # follows that a count would name ("the 4th ventricle", "the 2nd time", "the 4th, 5th and 6th ribs")
    rf"{WORD_START}the[ \t]+(?P<phi>{_DAY}{_ORD})(?=[ \t]*(?:$|[,.;:)\]]|--|[-–][ \t]|(?:at|if|when|then|unless|before|after|until|onwards?|with)\b|w/|{_CLOCK}))"
    rf"(?![ \t]*[,/&-]?[ \t]*(?:and|or|to|&)?[ \t]*\d{{1,2}}{_ORD})",
    rf"^[ \t]*(?P<phi>{_DAY}{_ORD})(?=[ \t]+{_CLOCK})",  # a log line's date: "24th 0035: partner rang"
    # Day.month with no year, read only where a date is expected; elsewhere "13.2" is Hb or K 4.1
    rf"{WORD_START}(?:since|until|till|dated|date|review|r/v|revisit|reported|validated|(?:clips|sutures|staples|stitches)[ \t]+out)[ \t]*:?[ \t]+(?:the[ \t]+)?(?P<phi>{_DM})",
    rf"^[ \t]*(?P<phi>{_DM})(?=[ \t]+{_CLOCK}|[ \t]*--)",  # a log line: "24.11 0035: her partner rang"
    rf"--[ \t]*(?P<phi>{_DM})[ \t]*$",  # a header's last field: "Ward handover -- bed 6 -- 25.1"
    rf"(?=\d){_AMPM}[ \t]+(?P<phi>{_DM})(?=[ \t]*(?:$|[,;)]|\.(?!\d)))",  # "triage 11pm 24.3."
    rf"^[ \t]*(?:procedures?|operations?|surgery)\b[^\n]*?\((?P<phi>{_DM})\)",  # "PROCEDURE: ... (25.3)"
    # A month alone where a time is meant: "admitted in March", "since Jan.", "mid-March", "last week of June"
    # ("May" only in title case, an abbreviation with its period or in title case: "IN MAY BE", "in MAR" and "in Mar" (the
    # drug chart); "by June" may be a person)
    rf"{WORD_START}(?:in|since|until|till|during|early|mid|late|last|next|this|past|through|thru|before|after|(?:week|end|beginning|middle|start)[ \t]+of)"
    rf"[ \t-]+(?P<phi>(?:January|February|March|April|June|July|August|September|October|November|December"
    rf"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|(?-i:May|Jan|Feb|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)))(?![\w'’-]|\.\w)",  # "in MAR" is the drug chart
    # Holidays name a day of the year
    r"(?=[cxtehnimlvfCXTEHNIMLVF])\b(?P<phi>(?:Christmas|Xmas|Thanksgiving|Easter|Halloween|New\s+Year'?s(?:\s+(?:Day|Eve))?|Christmas\s+Eve|Independence\s+Day|July\s+4th|Memorial\s+Day|Labor\s+Day|Valentine'?s\s+Day|Mother'?s\s+Day|Father'?s\s+Day)(?:\s+(?:day|eve))?)\b",
]

_WORD_NUMBERS = (
    r"(?:ninety|one hundred|a hundred|hundred)(?:[\s-]*(?:and[\s-]*)?(?:one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?"
)
_AGE_NUMBER = rf"(?:9\d|1[01]\d|{_WORD_NUMBERS})"
AGE_PATTERNS = [
    rf"(?<![\w.])(?P<phi>{_AGE_NUMBER})(?=[\s-]*(?:y/?o\b|y\.o\.|yo\b|yrs?\b|years?[\s-]*old|year-old|-year|years? of age|M\b|F\b|Y\b))",
    # "Husband Patrick Bailey (97) at bedside": an age in brackets after a name
    r"(?<=[A-Za-z] )\((?P<phi>9\d|1[01]\d)\)",
    rf"\b(?:age[d:]?|aged|age\s*/\s*sex\s*:?)\s*(?P<phi>{_AGE_NUMBER})\b",
    # in apposition after a name: "PT AJANI, 90, COPD FLARE", "Denise Noack, 100, was admitted"
    r"(?<=[A-Za-z], )(?P<phi>9\d|1[01]\d)(?=,[ ]*[A-Za-z])",
]
# A sign-out list's age column: "Smith, Melissa       | 95 NSTEMI", "Patricia George    97 C diff".
# The number is found first; keep() checks the cell before it (a pattern led by that cell started at every letter).
# (the diagnosis after it may be lower case, "| 92 urosepsis"; a dose's unit is none: "Thiamine     100 mg")
_AGE_CELL = rule(r"(?=[91])(?<![\w.])(?P<phi>9\d|1[01]\d)[ \t]+(?=[A-Za-z])(?!(?i:mg|mcg|g|ml|units?|mmol|meq|kg|lbs?|cc|bpm|mmhg|mins?)\b)",
                 Phi.AGE, 0.5)
_CELL_BEFORE = re.compile(r"[A-Za-z][ \t]*(?:\|[ \t]*|[ \t]{3,})$")
# Cells that hold a measurement, not a name: "SpO2    95 RA", "HR   96 NSR".
_VITALS = frozenset("sats sat spo2 o2 hr bp rr map fio2 hgb hct plt wbc glucose fs bs temp wt weight pulse ra nc".split())


# "on 13.2" is a date only where a date's sentence goes on ("on 13.2 for rehab", "on 11.12.") and no
# measurement stands before it on the line ("Cr 1.2 on 3.4", "INR stable on 2.5 now" stay).
_ON_DM = rule(
    rf"{WORD_START}on[ \t]+(?:the[ \t]+)?(?P<phi>{_DM})(?=[ \t]*(?:$|[,;)]|\.(?!\d)|--"
    r"|(?:for|with|and|then|to|at|via|after|before|when|where|until|from|under|but|as)\b))",
    Phi.DATE, 0.85, re.IGNORECASE | re.MULTILINE,
)
_DECIMAL_BEFORE = re.compile(r"\d\.\d[^\n]{0,40}$")
_WEEKDAY_END = re.compile(rf"\b{_WEEKDAY}\.?,?[ \t]+$", re.IGNORECASE)
_WEEKDAY_LEAD = re.compile(rf"{_WEEKDAY}\.?,?[ \t]+(?:the[ \t]+)?", re.IGNORECASE)
_BARE = re.compile(rf"(?:{_MON}/{_DAY}(?:-(?:{_MON}/)?{_DAY})?|{_DAY}/{_MON}|{_MON}-{_DAY})")
_NUMBER_DASHES = re.compile(r"(?<![\d/.])(\d+(?:/\d+)?)--$")
_MONTH_BEFORE = re.compile(rf"{MONTH}\.?[ \t]+$", re.IGNORECASE)
_DOTTED = re.compile(r"\d{1,2}\.\d{1,2}")
_BEFORE = re.compile(r"([a-z0-9/-]+)[ \t]*$")  # the word right before ("phq-9"), with only spaces between
_AFTER = re.compile(r"[ \t]*([a-z0-9/]+)")
_ARROW = re.compile(r"(?<![\w/])(\d{1,2}/\d{1,2})[ \t]*(?:->|→)[ \t]*$")
_NUMBER_AFTER = re.compile(r"[ \t]*:?[ \t]*\d+/\d+")
# A dosing regimen after a strength: "Targin 10/5 (1-0-0)", "10/5 1-1-1-1"
_REGIMEN = re.compile(r"[ \t]*\(?[0-4](?:-[0-4]){2,3}\b")
# British durations: 10/7 = ten days, 3/12 = three months (n/52, weeks, is never a date here). After
# "in/for/complete/x" one always is; after a follow-up ("FU 10/7", "review at St Anne's 3/12", "follow up
# Dr Byrne clinic 10/7") only in a note written the British way, since "f/u clinic 10/7" is the 7th of
# October in a US note. "seen 10/7", "appt 10/7", "on 10/7" stay dates everywhere.
_DURATION = re.compile(r"\d{1,2}/(?:7|12)")
_FOR_A_SPAN = re.compile(r"\b(?:in|for|within|complete|completed|x|another|further|next|over|total)[ \t]*$", re.IGNORECASE)
_FOLLOW_UP = re.compile(r"\b(?:follow[ -]?up|f/?u|review|r/v|opd|opa)\b[^.;:\n]{0,50}$", re.IGNORECASE)
_ON_A_DAY = re.compile(r"\b(?:on|from|since|through|thru|until|till|by|dated|before|after)[ \t]*$", re.IGNORECASE)
_BRITISH = re.compile(
    r"\b\d{1,2}/52\b|\b(?:tds|qds|nocte|mane)\b|(?<![\d/.])(?:1[3-9]|2\d|3[01])([/.])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})\b",
    re.IGNORECASE,
)


@functools.cache
def _measure_rows() -> tuple[list[str], ...]:
    """data/measure_words.tsv, read once: word, side (before|after) and, for some, the largest count."""
    text = (Path(__file__).resolve().parent.parent / "data" / "measure_words.tsv").read_text(encoding="utf-8")
    return tuple(line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))


@functools.cache
def _measure_words() -> dict[str, frozenset[str]]:
    """The words before and after a bare m/d that make it a measurement."""
    return {side: frozenset(row[0] for row in _measure_rows() if row[1] == side) for side in ("before", "after")}


@functools.cache
def _measure_scales() -> dict[str, int]:
    """The largest second number a measure takes, where the file gives one: "cx 2/2" counts bottles, "Cx 6/14" is a date."""
    return {row[0]: int(row[2]) for row in _measure_rows() if len(row) > 2}


def _part_of(value: str, scale: int) -> bool:
    """An m/d that reads as a part of a whole no larger than `scale`: "2/2", "1/4"."""
    parts = re.split(r"[/.-]", value)
    return all(p.isdigit() for p in parts[-2:]) and int(parts[-2]) <= int(parts[-1]) <= scale


def _measured(text: str, start: int, end: int) -> bool:
    """A bare m/d that the word before it or the word after it makes a measurement."""
    words = _measure_words()
    before = _BEFORE.search(text[max(0, start - 30) : start].lower())
    after = _AFTER.match(text[end : end + 30].lower())
    if _REGIMEN.match(text, end):
        return True
    if before and "/" in before[1] and before[1].count("/") == 1 and not before[1][0].isdigit():
        # settings named together: "CPAP/PS 5/5"
        before = before if before[1] in words["before"] else next(
            (b for part in before[1].split("/") if part in words["before"] and (b := _BEFORE.search(part))), before)
    if (arrow := _ARROW.search(text, max(0, start - 40), start)) is not None:
        return _measured(text, arrow.start(1), arrow.end(1))  # "GCS 3/15 -> 9/15": the measure of the first
    if before and (scale := _measure_scales().get(before[1])) is not None:
        return _part_of(text[start:end], scale)  # a count is a part of its whole: "cx 2/2", "bcx 1/4"; "Cx 10/3" is a date
    if after and after[1] in words["after"] and after[1] in words["before"] and _NUMBER_AFTER.match(text, end + after.end()):
        after = None  # the measure of the number after it: "since 3/19 pain 4/10"
    if after and after[1] in words["after"] and (scale := _measure_scales().get(after[1])) is not None:
        return _part_of(text[start:end], scale)  # a fraction of it: "1/2 NS"; "3/12 NS bolus" is a date
    return bool(before and before[1] in words["before"] or after and after[1] in words["after"])


@functools.lru_cache(maxsize=64)
def _british(text: str) -> bool:
    """A note written the British way: weeks as n/52, tds/qds/nocte, or a day-first date ("22/9/48")."""
    return _BRITISH.search(text) is not None


def _a_duration(text: str, start: int, end: int) -> bool:
    """Days or months to come, not a date: "complete 10/7", "review in 4/7", "FU 3/12"."""
    if not _DURATION.fullmatch(text, start, end):
        return False
    before = text[max(0, start - 80) : start]
    if _FOR_A_SPAN.search(before):
        return True
    return not _ON_A_DAY.search(before) and _FOLLOW_UP.search(before) is not None and _british(text)


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
    RULES = (*(rule(_first_char(p) + p, Phi.DATE, 0.85, re.IGNORECASE | re.MULTILINE) for p in DATE_PATTERNS), _ON_DM)

    def keep(self, text: str, start: int, end: int, rule: Rule) -> bool:
        value = text[start:end]
        # "May" alone after a number is a month only written as one: "3 may be", "3 MAY NEED" are no date,
        # "10 May", "(3 May - 10 May)" and a table's "4 MAY    6/5" are; so is "missed tx 31 may - no ride",
        # "(28 may)", where no verb follows.
        if (m := re.fullmatch(r"(?:\d+(?:st|nd|rd|th)?\s*(?:-|–|&|to|and|through|thru|until)\s*)?\d+\s+(may)", value, re.IGNORECASE)) is not None and (
                m[1] == "may" and not re.match(r"[ \t]*(?:[),;]|[-–][ \t]|$)", text[end : end + 3])
                or m[1] == "MAY" and re.match(r"[ \t]+[A-Za-z]", text[end : end + 3])):
            return False
        if rule is _ON_DM and _DECIMAL_BEFORE.search(text, max(0, start - 60), start):
            return False
        lead = _WEEKDAY_LEAD.match(value)  # "sat 3/4 of the time" is not Saturday the 4th of March
        day = value[lead.end() :] if lead else value
        if (_BARE.fullmatch(day) or _DOTTED.fullmatch(day)) and _measured(text, end - len(day), end):
            return False
        if _BARE.fullmatch(value) and (dashes := _NUMBER_DASHES.search(text, max(0, start - 8), start)) is not None:
            # a range's end is a score's where its start is: "pain 3--4/10", "strength 4/5--5/5"
            # ("Jan 28--2/16" is a stay's: a month's day, not a score, before it)
            if "/" not in dashes[1] and not _MONTH_BEFORE.search(text, max(0, dashes.start(1) - 12), dashes.start(1)) \
                    or "/" in dashes[1] and _measured(text, dashes.start(1), dashes.end(1)):
                return False
        if _a_duration(text, start, end):
            return False
        # round the clock in a note not written the British way: "O2 2L 24/7" ("on 24/7" stays a date)
        if value == "24/7" and not _british(text) and not _ON_A_DAY.search(text, max(0, start - 12), start):
            return False
        # a weekday before two clock hours names a time: "food pantry Thurs 10-2."
        if re.fullmatch(r"\d{1,2}-\d{1,2}", value) and max(map(int, value.split("-"))) <= 12 \
                and _WEEKDAY_END.search(text, max(0, start - 12), start):
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
