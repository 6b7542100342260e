"""Move a date string by a number of days and write it back in the same form.

"03/28/2023 14:05" shifted by -40 days is "02/16/2023 14:05"; "28-Mar-23" becomes "16-Feb-23";
"March 31st" becomes "February 19th"; a day-first document's "17/01/2024" becomes "08/12/2023".
Forms without a year take the year from a reference date (the document's), and a bare day
("the 28th") its month too.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m
} | {"sept": 9}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?P<dot>\.?)"
_TIME = r"(?P<time>(?:,?\s*(?:at\s+)?|\s*@\s*|T)\d{1,2}:\d{2}.*|(?:,?\s+(?:at\s+)?|\s*@\s*)\d{4}(?:\s*h(?:rs)?)?)?"
_ORDINAL = r"(?P<ord>st|nd|rd|th)?"

_FORMS = [
    ("iso", re.compile(rf"^(?P<y>\d{{4}})(?P<s1>[/-])(?P<m>\d{{1,2}})(?P<s2>[/-])(?P<d>\d{{1,2}}){_TIME}$", re.I)),
    ("numeric", re.compile(rf"^(?P<a>\d{{1,2}})(?P<s1>[/.-])(?P<b>\d{{1,2}})(?:(?P<s2>[/.-])(?P<y>\d{{2}}|\d{{4}}))?{_TIME}$", re.I)),
    ("month-year-numeric", re.compile(r"^(?P<m>\d{1,2})(?P<s1>/)(?P<y>\d{4})$")),
    ("day-month", re.compile(rf"^(?P<d>\d{{1,2}}){_ORDINAL}(?P<of>\s+of)?(?P<s1>[\s-]*){_MONTH}(?:(?P<s2>[\s,-]*)(?P<apos>'?)(?P<y>\d{{4}}|\d{{2}}))?{_TIME}$", re.I)),
    ("month-day", re.compile(rf"^{_MONTH}(?P<s1>\s+)(?P<d>\d{{1,2}}){_ORDINAL}(?:(?P<s2>,?\s+)(?P<y>\d{{4}}))?{_TIME}$", re.I)),
    ("month-year", re.compile(rf"^{_MONTH}(?P<s1>,?\s+(?:of\s+)?)(?P<y>\d{{4}})$", re.I)),
    ("day", re.compile(rf"^(?P<d>\d{{1,2}}){_ORDINAL}$", re.I)),
]


def shift(value: str, days: int, reference: date, day_first: bool = False) -> str | None:
    """`value` moved by `days`, in its own form; None if it is not a date this module reads.
    A numeric date is read (and written back) day first when `day_first` or when its first
    number cannot be a month ("17/1/2024")."""
    for form, pattern in _FORMS:
        m = pattern.match(value.strip())
        if m:
            try:
                return _shift(form, m.groupdict(), days, reference, day_first)
            except ValueError:  # 02/30: not a real date
                return None
    return None


def _shift(form: str, g: dict[str, str | None], days: int, reference: date, day_first: bool) -> str:
    time = g.get("time") or ""
    year_text = g.get("y")
    year = _year(year_text, reference) if year_text else reference.year
    width = _width(*(g[k] for k in ("a", "b", "m", "d") if g.get(k)))
    if form == "iso":
        moved = date(year, int(g["m"]), int(g["d"])) + timedelta(days=days)
        return f"{moved.year}{g['s1']}{moved.month:0{width}d}{g['s2']}{moved.day:0{width}d}{time}"
    if form == "numeric":  # in the document's order, unless a number cannot be a month
        a, b = int(g["a"]), int(g["b"])
        month_first = b > 12 if day_first else a <= 12
        moved = date(year, a if month_first else b, b if month_first else a) + timedelta(days=days)
        first, second = (moved.month, moved.day) if month_first else (moved.day, moved.month)
        text = f"{first:0{width}d}{g['s1']}{second:0{width}d}"
        if year_text:
            text += f"{g['s2']}{_render_year(moved.year, year_text)}"
        return text + time
    if form in ("month-year", "month-year-numeric"):
        month = int(g["m"]) if form == "month-year-numeric" else _MONTHS[g["mon"].lower()]
        moved = date(year, month, 15) + timedelta(days=days)
        if form == "month-year-numeric":
            return f"{moved.month:0{width}d}{g['s1']}{moved.year}"
        return f"{_render_month(moved.month, g['mon'])}{g['dot']}{g['s1']}{moved.year}"
    if form in ("day-month", "month-day"):
        moved = date(year, _MONTHS[g["mon"].lower()], int(g["d"])) + timedelta(days=days)
        month = _render_month(moved.month, g["mon"], "-" in g["s1"]) + g["dot"]
        day = f"{moved.day:0{2 if g['d'].startswith('0') else 1}d}" + (_ordinal(moved.day) if g.get("ord") else "")
        year_part = f"{g['s2']}{g.get('apos') or ''}{_render_year(moved.year, year_text)}" if year_text else ""
        if form == "day-month":
            return f"{day}{g.get('of') or ''}{g['s1']}{month}{year_part}{time}"
        return f"{month}{g['s1']}{day}{year_part}{time}"
    # a bare day of the month ("the 28th"), read in the reference month
    moved = date(reference.year, reference.month, int(g["d"])) + timedelta(days=days)
    return f"{moved.day}{_ordinal(moved.day) if g.get('ord') else ''}"


def _width(*numbers: str) -> int:
    """2 for zero-padded forms ("03/28"), 1 for bare ones ("3/28"); two-digit numbers ("12/18")
    say nothing, and padded is what record systems print."""
    if any(n.startswith("0") for n in numbers):
        return 2
    return 1 if any(len(n) == 1 for n in numbers) else 2


def _year(text: str, reference: date) -> int:
    if len(text) == 4:
        return int(text)
    year = 2000 + int(text)
    return year - 100 if year > reference.year + 1 else year


def _render_year(year: int, original: str) -> str:
    return f"{year % 100:02d}" if len(original) == 2 else str(year)


def _render_month(month: int, original: str, dashed: bool = False) -> str:
    # "May" is its own full name: "1 May 2000" moves to "1 April 2000", "01-May-23" to "01-Apr-23"
    full = (len(original) > 3 or original.lower() == "may" and not dashed) and original.lower() != "sept"
    name = calendar.month_name[month] if full else calendar.month_abbr[month]
    if original.isupper():
        return name.upper()
    if original.islower():
        return name.lower()
    return name


def _ordinal(day: int) -> str:
    return "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
