"""Guess a clinical document's type and its own date (date of service) from its text.

Pure functions over text the caller already holds (the loader passes a document's first
pages). Nothing here logs or keeps the text: it is patient data.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import yaml
from dateutil import parser as dateparser

from ingestion.models import DocType

# ---------------------------------------------------------------------------------------------
# Document type
# ---------------------------------------------------------------------------------------------

_TITLE_LINES = 15  # non-empty lines that make up the title/header region
_TITLE_WEIGHT = 3  # a cue in the title region counts this many times its weight
_NAME_WEIGHT = 2  # a file name is a hint: more than a body mention, less than the title
_MIN_SCORE = 4  # a lone weak cue ("Your results are in the mail") is not evidence of a type

# Cues per type, in tie-break order, from data/doc_types.yaml (how they count is said there).
_CUE_PATTERNS = tuple(
    (DocType(name), tuple((re.compile(pattern, re.MULTILINE), weight) for weight, pattern in cues))
    for name, cues in yaml.safe_load((Path(__file__).parent / "data" / "doc_types.yaml").read_text(encoding="utf-8")).items()
)
_NAME_SEPARATORS = re.compile(r"[\W_]+")


def detect_type(text: str, file_name: str = "") -> DocType:
    """The document's type from its text (title region weighted) and, weakly, its file name."""
    best, best_score = DocType.OTHER, _MIN_SCORE - 1
    for doc_type, score in type_scores(text, file_name).items():
        if score > best_score:  # strict, so a tie keeps the earlier type
            best, best_score = doc_type, score
    return best


def type_scores(text: str, file_name: str = "") -> dict[DocType, int]:
    """Each type's evidence in the text, in tie-break order (see _CUES)."""
    text = text.lower()
    split = _title_end(text)
    title, body = text[:split], text[split:]
    name = _NAME_SEPARATORS.sub(" ", file_name.lower())  # "ct_head_report.pdf" -> "ct head report pdf"
    scores = {}
    for doc_type, cues in _CUE_PATTERNS:
        score = 0
        for pattern, weight in cues:
            if pattern.search(title):
                score += weight * _TITLE_WEIGHT
            elif pattern.search(body):
                score += weight
            if name and pattern.search(name):
                score += weight * _NAME_WEIGHT
        scores[doc_type] = score
    return scores


_PAGE_TITLE_LINES = 6  # where a page of a bundle names the document it begins
_TITLE_CUE = 8  # a cue this heavy is a document's title phrase ("Discharge Summary", "Statement")


def title_type(text: str) -> DocType | None:
    """The type a page's own title names, when its opening lines hold a title phrase: the first
    page of a document within a bundle ("STATEMENT", "SURGICAL PATHOLOGY REPORT")."""
    head = text[: _title_end(text, _PAGE_TITLE_LINES)].lower()
    for doc_type, cues in _CUE_PATTERNS:
        if any(weight >= _TITLE_CUE and pattern.search(head) for pattern, weight in cues):
            return doc_type
    return None


def _title_end(text: str, lines: int = _TITLE_LINES) -> int:
    """Offset just past the title region: the first `lines` non-empty lines."""
    pos, seen = 0, 0
    while seen < lines:
        newline = text.find("\n", pos)
        if newline == -1:
            return len(text)
        if text[pos:newline].strip():
            seen += 1
        pos = newline + 1
    return pos


# ---------------------------------------------------------------------------------------------
# Document date
# ---------------------------------------------------------------------------------------------

_FALLBACK_CHARS = 2000  # an unlabelled date further in is more likely history than the visit
_MIN_YEAR, _MAX_YEAR = 1900, 2100
# Any component dateutil failed to read would come from here; year 1 is then out of range,
# so a half-read date is dropped rather than completed with today's date.
_NO_DEFAULT = datetime(1, 1, 1)

# Lower case throughout, like the cues: detect_date lower-cases the text once.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
# Finds candidates only; dateutil parses them. A time after the date is left out of the match.
_DATE = re.compile(
    rf"""
    (?<![\w/.])                                             # not the tail of a number or word
    (?:
        \d{{1,2}}(?P<sep>[/.-])\d{{1,2}}(?P=sep)(?:\d{{4}}|\d{{2}})    # 03/28/2023 3-28-23 03.28.2023
      | \d{{4}}(?P<iso>[/.-])\d{{1,2}}(?P=iso)\d{{1,2}}                # 2023-03-28
      | \d{{1,2}}-{_MONTH}-(?:\d{{4}}|\d{{2}})                        # 28-Mar-2023 28-MAR-23
      | \d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH}[ \t]+\d{{4}}           # 28 Mar 2023
      | {_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,[ \t]*|[ \t]+)\d{{4}}  # Mar 28, 2023  March 28th, 2023
    )
    (?!\d|[/.]\d)                                           # nor the head of one ("-" allows ranges)
    """,
    re.VERBOSE,
)

# Labels for the document's own date, in order of preference. "Collected" also covers
# "Specimen Collected" and "Date Collected".
_DATE_LABELS = (
    r"date\s+of\s+service",
    r"dos",
    r"service\s+date",
    r"visit\s+date",
    r"date\s+of\s+visit",
    r"discharge\s+date",
    r"date\s+of\s+discharge",
    r"separation\s+date|date\s+of\s+separation|dod",  # Australian "separation"; "DOA/DOD" headers
    r"exam(?:ination)?\s+date",
    r"date\s+of\s+exam(?:ination)?",
    r"study\s+date",
    r"procedure\s+date",
    r"date\s+of\s+procedure",
    r"(?:operation|surgery)\s+date|date\s+of\s+(?:operation|surgery)",
    r"(?:date|time)\s+taken|(?:specimen|sample)\s+(?:taken|date)|taken\s+on",
    r"collected",
    r"collection\s+date",
    r"reported",
    r"date\s+of\s+consultation",
    r"consult(?:ation)?\s+date",
    r"seen\s+(?:in\s+[a-z ]{0,30}?)?on|date\s+seen|clinic\s+date|date\s+of\s+clinic|(?:date\s+)?reconciled",
    r"admission\s+date|date\s+of\s+admission|doa",
    # A bare "Date:", not the end of another label ("Birth Date:", "Signed Date:", "Print Date:").
    r"(?<![a-z][ \t])date(?=(?:[ \t]*/[ \t]*time)?[ \t]*:)",
)
# A label right before a date, with what may sit between them: "/Time", "(DOS)", ":", a line
# break, a weekday ("Tuesday, March 28, 2023"). Each label is one group: lastindex is its rank.
_LABEL = re.compile(
    r"\b(?:" + "|".join(f"({label})" for label in _DATE_LABELS) + r")\b"
    r"(?:[ \t]*/[ \t]*time)?(?:[ \t]*\([^)\n]{0,30}\))?[ \t]*[:#=-]?[ \t]*(?:\r?\n[ \t]*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+)?$"
)
# Labels whose dates are never the date of service: birth, signing, printing, faxing, the prior
# study a radiology report compares against, a card's validity, a leaflet's revision, a payment's due date.
_NOT_SERVICE = re.compile(
    r"\b(?:dob|d\.o\.b|birth\w*|born|signed|printed|print\s+date|faxed|comparison|effective|issued|valid|expir\w*"
    r"|revised|revision|reviewed|due\s+(?:date|by|on))\b"
)
# Stamps of a document's handling, not of the care: such a date is the last resort ("Date received",
# "Typed", a fax header's "20 Jul 2024 10:20 FROM: ... P.002/003").
_STAMP = re.compile(r"\b(?:received|authori[sz]ed|issued|typed|dictated|transcribed|fax\w*|run|dated|letter\s+of)\b")
_STAMP_AFTER = re.compile(r"\b(?:from\s*:|fax|p\.\s?\d|pg\s*:?\s*\d)")


# A numeric date with its year, for telling day-first from month-first ("17/1/2024", "3/28/23").
_NUMERIC = re.compile(r"(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\w/])")


def day_first(text: str, default: bool = False) -> bool:
    """Whether a document writes its numeric dates day first. Its unambiguous dates decide (a first
    field above 12 is a day: "17/1/2024"; a second above 12 a month-first day: "3/28/23"), the
    majority when both occur; with none, the hospital's default."""
    votes = 0
    for m in _NUMERIC.finditer(text):
        first, second = int(m.group(1)), int(m.group(3))
        if first > 12 >= second >= 1:
            votes += 1
        elif second > 12 >= first >= 1:
            votes -= 1
    return default if votes == 0 else votes > 0


def detect_date(text: str, dayfirst: bool = False) -> date | None:
    """The document's own date: the best-labelled date, else the first date in its opening
    characters that is not a birth, signature, print, fax or comparison date; else None.
    Numeric dates are read day first when `dayfirst` (see `day_first`)."""
    text = text.lower()
    labelled: list[tuple[int, int, str]] = []
    unlabelled: list[str] = []
    stamped: list[str] = []
    previous_end = 0  # a label before an earlier date on the line is that date's, not this one's
    for value in _DATE.finditer(text):
        start = value.start()
        lead = max(_lead_start(text, start), previous_end)
        previous_end = value.end()
        if label := _LABEL.search(text, lead, start):
            labelled.append((label.lastindex or 0, start, value.group()))
        elif start < _FALLBACK_CHARS and not _NOT_SERVICE.search(text, lead, start):
            line_end = text.find("\n", value.end())
            stamp = _STAMP.search(text, lead, start) or _STAMP_AFTER.search(text, value.end(), line_end if line_end >= 0 else len(text))
            (stamped if stamp else unlabelled).append(value.group())
    ranked = [value for _, _, value in sorted(labelled)] + unlabelled + stamped
    return next(filter(None, (_parse(value, dayfirst) for value in ranked)), None)


def _lead_start(text: str, start: int) -> int:
    """Where the label of a date starting at `start` may begin: its line's start or, when the
    date opens its line ("DOB:" above "01/02/1950"), the previous line's start."""
    line = text.rfind("\n", 0, start) + 1
    if line == 0 or text[line:start].strip():
        return line
    return text.rfind("\n", 0, line - 1) + 1


def _parse(value: str, dayfirst: bool = False) -> date | None:
    """A matched date string as a date; None if it is impossible (02/30) or out of range."""
    try:
        parsed = dateparser.parse(value, default=_NO_DEFAULT, dayfirst=dayfirst, yearfirst=False)
    except ValueError:  # dateutil's ParserError: no such day
        return None
    found = parsed.date()
    # A two-digit year dateutil put in the future ("3/28/70" → 2070) is from the last century:
    # a document cannot be dated after today.
    if found > date.today() and re.search(r"\d{4}", value) is None:
        found = found.replace(year=found.year - 100) if not (found.month == 2 and found.day == 29) else None
    return found if found and _MIN_YEAR <= found.year <= _MAX_YEAR else None
