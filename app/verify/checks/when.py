"""When: a date or a time of day the passages do not give."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.verify.base import FaultKind, Finding
from app.verify.checks.rule import Reading, Rule, short


class DateCheck(Rule):
    """A date (a day, a day without a year, a month of a year) the passages do not give; named once."""

    name, kind, rank = "date", FaultKind.DATE, 60
    needs = "date_mentions"

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        p = r.passage
        out: list[Finding] = []
        for mention in r.statement.date_mentions:
            d = mention.day
            if d.year == 0:  # a day without a year: any year, or the passages' bare "3/14" ("discontinued 03/14")
                ok = any(x[1:] == d[1:] for x in p.dates) or bool(re.search(
                    rf"(?<![\d/.]){d.month:02d}/{d.day:02d}(?![\d/])|(?<![\d/.]){d.month}/{d.day}(?![\d/])", r.joined))
            else:
                ok = d in p.dates if d.day else (d.year, d.month) in p.months
            r.count(ok)
            if not ok and not out:
                out.append(self.finding(r, f"the date {short(mention.raw)} is not in {r.where}"))
        return out


class TimeCheck(Rule):
    """A time of day the passages do not give."""

    name, kind, rank = "time", FaultKind.TIME, 70
    needs = "times"

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        out = []
        for tm in r.statement.times:
            ok = tm in r.passage.times
            r.count(ok)
            if not ok:
                out.append(self.finding(r, f"the time {tm.hour:02d}:{tm.minute:02d} is not in {r.where}"))
        return out
