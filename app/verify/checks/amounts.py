"""Amounts: a number, dose or value the passages do not give; a unit they give otherwise; a dosing
frequency they do not give."""

from __future__ import annotations

import math
from collections.abc import Sequence

from app.verify.base import FaultKind, Finding
from app.verify.checks.rule import Reading, Rule, listed, short
from app.verify.facts import Facts, Quantity
from app.verify.quantities import frequency_name, frequency_ok, per_day, same_quantity


def check_quantity(s: Quantity, passage: Facts, units_in_passage: frozenset[str]) -> tuple[FaultKind, str] | None:
    """None when the passage supports the quantity, else (fault kind, what the passage says)."""
    candidates = [p for p in passage.quantities if s.ref or not p.ref]
    if s.unit is None:
        if any(same_quantity(s, p) for p in candidates):
            return None
        if s.value.is_integer() and any(d[0] == s.value for d in passage.dates) or any(
            m[0] == s.value for m in passage.months
        ):
            return None  # a bare year
        return (FaultKind.NUMBER, "")
    for p in candidates:
        if p.unit is not None and (same_quantity(s, p) or per_day(s, p, passage.freqs) or per_day(p, s, passage.freqs)):
            return None
        if p.unit is None and math.isclose(s.value, p.value) and s.unit in units_in_passage:
            return None  # "potassium 5.8 (3.5-5.1) mmol/L"
    same_value = [p for p in candidates if math.isclose(s.value, p.value) and p.unit]
    if s.unit == "l/min" and any(p.unit == "l" for p in same_value):
        return None  # "2 L" of oxygen is "2 liters per minute": notes drop the flow's "per minute"
    if same_value:
        return (FaultKind.UNIT, same_value[0].raw)
    if s.dim == "time" and any(math.isclose(s.value, p.value) and p.unit is None for p in candidates):
        return None  # "3 days" for "3" in "x 3"
    return (FaultKind.NUMBER, "")


def _problems(r: Reading) -> list[tuple[Quantity, FaultKind, str]]:
    """Each statement quantity the passages do not support, with what is wrong (worked out once per claim)."""
    found = r.memo.get("quantities")
    if found is None:
        units = frozenset(q.unit for q in r.passage.quantities if q.unit)
        found = []
        for q in r.statement.quantities:
            problem = check_quantity(q, r.passage, units)
            r.count(problem is None)
            if problem is not None:
                found.append((q, *problem))
        r.memo["quantities"] = found
    return found  # type: ignore[return-value]


class NumberCheck(Rule):
    """A number, dose or value of the statement that the passages do not give (in any unit)."""

    name, kind, rank = "number", FaultKind.NUMBER, 80
    needs = "quantities"

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        out = []
        for q, kind, _ in _problems(r):
            if kind is FaultKind.NUMBER:
                what = "dose" if q.dim in ("mass", "volume", "unit") else "value" if q.unit else "number"
                out.append(self.finding(r, f"the {what} {short(q.raw)} is not in {r.where}"))
        return out


class UnitCheck(Rule):
    """A value the passages give in another unit."""

    name, kind, rank = "unit", FaultKind.UNIT, 80
    needs = "quantities"

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        return [self.finding(r, f"the unit in {short(q.raw)} is not in {r.where} (it says {short(said)})")
                for q, kind, said in _problems(r) if kind is FaultKind.UNIT]


class FrequencyCheck(Rule):
    """A dosing frequency the passages do not give ("daily" where they say BID)."""

    name, kind, rank = "frequency", FaultKind.FREQUENCY, 90
    needs = "freqs"

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        s, p = r.statement, r.passage
        out = []
        for f in sorted(s.freqs):
            ok = frequency_ok(f, p.freqs)
            r.count(ok)
            if not ok:
                said = f" (it says {listed([frequency_name(x) for x in sorted(p.freqs)])})" if p.freqs else ""
                out.append(self.finding(r, f"the frequency {frequency_name(f)} is not in {r.where}{said}"))
        return out
