"""Dates and times of day, read out of normalised text and left as placeholders ("dt_date", "tm_time")
so their digits are not read as numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from app.verify import vocab

_MONTHS, _MON = vocab.current().months, vocab.current().month_re


class Day(NamedTuple):
    """A calendar day; year 0 is a day without a year (any year), day 0 a month without a day."""

    year: int
    month: int
    day: int


class TimeOfDay(NamedTuple):
    hour: int  # 0..23
    minute: int


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as the text writes it: the day it means and the words it was written in."""

    day: Day
    raw: str


_DATES = [
    re.compile(r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d/-])"),
    re.compile(r"(?<![\d/.-])(?P<m>\d{1,2})[/.-](?P<d>\d{1,2})[/.-](?P<y>\d{4}|\d{2})(?![\d/-])"),
    re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[\s-]+(?:of\s+)?{_MON}[\s,-]+(?P<y>\d{{4}})\b"),
    re.compile(rf"\b{_MON}\s+(?:of\s+)?(?P<y>\d{{4}})\b"),  # month and year
    # Month/year in figures ("CT 01/2025", "since 10/2024"): a four-digit year of this century or the last.
    re.compile(r"(?<![\d/.:-])(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)(?![\d/-]|[.:]\d)"),
    # Month and day without a year ("2.9 on February 13"): matches that day in any year.
    re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![.:]\d)(?!\s*(?:mg|mcg|g|ml|units?|%|tabs?|tablets?)\b)"),
    # Month/day without a year, where only a date can be meant: a range ("admitted 9/1-9/6") or after
    # a word that introduces a date ("started 5/3"); a lone "5/10" may be a score or a ratio.
    re.compile(r"(?<![\d/.-])(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=\s?(?:-|to|through)\s?\d{1,2}/\d{1,2}(?![\d/]))"),
    re.compile(r"(?<=dt_date)(?P<sep>\s?(?:-|to|through)\s?)(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])"),
    re.compile(r"\b(?P<cue>on|since|from|until|through|dated|admitted|discharged|started|stopped|placed|removed)"
               r"\s+(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/.])"),
]
_TIME = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?:\s?(am|pm|a\.m\.|p\.m\.))?(?![\d:])")


def make_day(y: int, m: int, d: int) -> Day | None:
    """The day, with a two-digit year put in its century; None if there is no such day."""
    if y < 100:
        y += 2000 if y < 50 else 1900
    try:
        date(y, m, d)
    except ValueError:
        return None
    return Day(y, m, d)


def read_dates(text: str) -> tuple[str, set[Day], set[tuple[int, int]], list[DateMention]]:
    """The text with each date replaced by a placeholder; the days, the (year, month)s and the mentions."""
    dates: set[Day] = set()
    months: set[tuple[int, int]] = set()
    mentions: list[DateMention] = []

    def take_date(m: re.Match[str]) -> str:
        g = m.groupdict()
        mon = g.get("mon")
        month = _MONTHS.get(mon.rstrip("."), _MONTHS.get(mon[:3], 0)) if mon else int(g["m"])
        if g.get("y") is None:
            if make_day(2000, month, int(g["d"])) is None:
                return m.group(0)
            d0 = Day(0, month, int(g["d"]))
            dates.add(d0)
            mentions.append(DateMention(d0, f"{month}/{g['d']}" if g.get("m") else m.group(0)))
            return f" {g.get('cue') or ''}{g.get('sep') or ''} dt_date "
        year = int(g["y"])
        if g.get("d") is None:
            if 1 <= month <= 12:
                months.add((year, month))
                mentions.append(DateMention(Day(year, month, 0), m.group(0)))
                return " dt_month "
            return m.group(0)
        d = make_day(year, month, int(g["d"]))
        if d is None:
            return m.group(0)
        dates.add(d)
        months.add((d[0], d[1]))
        mentions.append(DateMention(d, m.group(0)))
        return " dt_date "

    for pattern in _DATES:
        text = pattern.sub(take_date, text)
    return text, dates, months, mentions


def read_times(text: str) -> tuple[str, set[TimeOfDay]]:
    """The text with each time of day replaced by a placeholder, and the times (24-hour)."""
    times: set[TimeOfDay] = set()

    def take_time(m: re.Match[str]) -> str:
        h, mi, ap = int(m.group(1)), int(m.group(2)), m.group(3)
        if ap and ap.startswith("p") and h < 12:
            h += 12
        if ap and ap.startswith("a") and h == 12:
            h = 0
        times.add(TimeOfDay(h, mi))
        return " tm_time "

    return _TIME.sub(take_time, text), times
