"""When: a date or a time of day the passages do not give; now, where they give it only in the past."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.verify import vocab
from app.verify.base import FaultKind, Finding
from app.verify.checks.rule import Reading, Rule, short
from app.verify.facts import Quantity, TimeOfDay
from app.verify.words import SIDES, weight

_CURRENT = vocab.current().current


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


_HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


def clock_figures(quantities: Sequence[Quantity]) -> set[TimeOfDay]:
    """Four bare digits a note may write a time of day in ("Epidural placed 0240", "ECG 1420"): only a
    number without a unit ("1000 mL" is an amount) and not a reference range."""
    return {TimeOfDay(int(q.raw[:2]), int(q.raw[2:])) for q in quantities
            if q.unit is None and not q.ref and _HHMM.fullmatch(q.raw)}


class TimeCheck(Rule):
    """A time of day the passages do not give, as a clock time or in four bare digits ("0240")."""

    name, kind, rank = "time", FaultKind.TIME, 70
    needs = "times"

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        out = []
        figures: set[TimeOfDay] | None = None
        for tm in r.statement.times:
            ok = tm in r.passage.times
            if not ok:
                if figures is None:
                    figures = clock_figures(r.passage.quantities)
                ok = tm in figures
            r.count(ok)
            if not ok:
                out.append(self.finding(r, f"the time {tm.hour:02d}:{tm.minute:02d} is not in {r.where}"))
        return out


class TemporalCheck(Rule):
    """A statement that says something is so now ("remains on norepinephrine", "this admission")
    about a finding or treatment the passages give only in the past ("history of MI",
    "Norepinephrine weaned off", "Completed chemoradiation")."""

    name, kind, rank = "temporal", FaultKind.TEMPORAL, 58

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        past, s = r.passage.past, r.statement
        if not past or not s.current:
            return ()
        for t in s.tokens[: s.own]:
            if (t.key in past and not t.past and t.negated is False and t.word not in SIDES
                    and t.word not in _CURRENT and weight(t.word) >= 1.0):
                return (self.finding(r, f"{r.where} gives {short(t.word)} in the past, not now"),)
        return ()
