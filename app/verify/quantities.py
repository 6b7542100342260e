"""Quantities (a number with its unit, in the unit's base where units convert) and dosing frequencies,
read out of normalised text and left as placeholders ("qt_qty", "fq_bid")."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from app.verify import vocab
from app.verify.words import number

_V = vocab.current()
_UNITS, _QTY, _PER_UL_RE, _PER_CANON = _V.units, _V.qty_re, _V.per_ul_re, _V.per_canon
_FREQ_RE, _FREQ_OK, _FREQ_NAMES, _ONCE = _V.freq_re, _V.freq_ok, _V.freq_names, _V.once

_FREQ_N = re.compile(r"\b(?:q\s?(\d{1,2})\s?(?:h|hr|hrs|hours?)|every (\d{1,2}) (?:h|hr|hrs|hours?))\b")
# "3x/wk", "three times weekly", "twice a month", "TIW": so many times a week or a month.
_FREQ_PER = re.compile(r"\b(?:(\d{1,2})\s?(?:x|times)\s?(?:/|a|per|each|every)?\s?|(once|twice|thrice)\s(?:a\s|per\s|each\s)?)"
                       r"(week|wk|month|mo)(?:ly|s)?\b|\b(biw|tiw)\b")
# "q3 days", "q4wk", "every 3 weeks": an interval in days or weeks, in days.
_FREQ_DAYS = re.compile(r"\b(?:q\s?|every\s)(\d{1,2})\s?(d|days?|wk|wks|weeks?)\b")
_RANGE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(?:-|–|to)\s?(\d+(?:\.\d+)?)(?!\w|\.\d)")
_PAREN = re.compile(r"\(([^()]{0,80})\)")
_REF_PAREN = re.compile(r"^\s*(?:ref(?:erence)?(?: range)?|normal|nl|goal|target)?\s*[:=]?\s*(?:[<>≤≥]|\d[\d.,]*\s?(?:-|–|to)\s?\d)")
_REF_CUE = re.compile(r"\b(?:ref(?:erence)?(?: range)?|normal range|goal|target)\s*[:=]?\s*[<>≤≥]?\s*\d[\d.,]*(?:\s?(?:-|–|to)\s?\d[\d.,]*)?")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str | None  # canonical unit
    dim: str | None  # the unit's dimension ("mass", "volume", "time"...)
    base: float | None  # value in the dimension's base unit
    ref: bool  # part of a reference range or goal: a statement value may not lean on it
    raw: str  # as written


def read_frequencies(text: str) -> tuple[str, set[str]]:
    """The text with each dosing frequency replaced by its kind ("fq_bid", "fq_q8h", "fq_3xweek"), and the kinds."""
    freqs: set[str] = set()

    def take_freq_n(m: re.Match[str]) -> str:
        n = int(m.group(1) or m.group(2))
        freqs.add(f"fq_q{n}h")
        return f" fq_q{n}h "

    def take_freq_per(m: re.Match[str]) -> str:
        n = int(m.group(1)) if m.group(1) else _ONCE[m.group(2) or m.group(4)]
        per = "month" if (m.group(3) or "").startswith("mo") else "week"
        kind = "fq_weekly" if (n, per) == (1, "week") else f"fq_{n}x{per}"
        freqs.add(kind)
        return f" {kind} "

    text = _FREQ_PER.sub(take_freq_per, text)
    text = _FREQ_N.sub(take_freq_n, text)

    def take_freq_days(m: re.Match[str]) -> str:
        days = int(m.group(1)) * (7 if m.group(2).startswith("w") else 1)
        kind = {1: "fq_daily", 2: "fq_qod", 7: "fq_weekly"}.get(days, f"fq_q{days}d")
        freqs.add(kind)
        return f" {kind} "

    text = _FREQ_DAYS.sub(take_freq_days, text)

    def take_freq(m: re.Match[str]) -> str:
        kind = next(k for k, v in m.groupdict().items() if v is not None and k.startswith("fq_"))
        freqs.add(kind)
        return f" {kind} "

    return _FREQ_RE.sub(take_freq, text), freqs


def read_quantities(text: str) -> tuple[str, list[Quantity]]:
    """The text with each quantity replaced by "qt_qty", and the quantities in order."""
    # Reference ranges and goals: their numbers are marked so a value cannot lean on them.
    ref_spans = [m.span(1) for m in _PAREN.finditer(text) if _REF_PAREN.match(m.group(1))]
    ref_spans += [m.span() for m in _RANGE.finditer(text)] + [m.span() for m in _REF_CUE.finditer(text)]
    quantities: list[Quantity] = []

    def take_qty(m: re.Match[str]) -> str:
        value = number(m.group("num"))
        unit = m.group("unit")
        canon = dim = base = None
        if unit:
            u = unit.replace(" per ", "/").replace(" ", "")
            if _PER_UL_RE.fullmatch(unit):
                canon, dim, base = "k/ul", "k/ul", value / 1000  # "98,000 per microliter" = 98 K/uL
            elif u in _UNITS or unit in _UNITS:
                canon, dim, factor = _UNITS.get(unit) or _UNITS[u]
                base = value * factor
            elif "/" in u:
                head, _, per = u.partition("/")
                head = _UNITS.get(head, (head, "", 1.0))[0]
                per = _PER_CANON.get(per, per)
                canon = dim = f"{head}/{per}"
                if "10^3" in u or "10e3" in u or "10*3" in u or "10^9" in u or u.startswith(("k/", "thou/")):
                    canon = dim = "k/ul"
                base = value
            else:
                canon = dim = u.replace(" ", "")
                base = value
        ref = any(a <= m.start() < b for a, b in ref_spans)
        quantities.append(Quantity(value, canon, dim, base, ref, m.group(0).strip()))
        return " qt_qty "

    text = _QTY.sub(take_qty, text)
    # "Unit 1 PRBC ... Unit 2 PRBC": two units.
    numbered = {int(x) for x in re.findall(r"\bunit #?(\d{1,2})\b", text)}
    if len(numbered) >= 2 and numbered == set(range(1, max(numbered) + 1)):
        n = float(max(numbered))
        quantities.append(Quantity(n, "unit", "unit", n, False, f"{max(numbered)} units"))
    return text, quantities


def raw_numbers(text: str, quantities: list[Quantity]) -> str:
    """The text with each quantity placeholder put back as its bare number (for the lab look-up)."""
    it = iter(quantities)
    return re.sub(r"qt_qty", lambda _: f"{next(it).value:g}", text)


def same_quantity(s: Quantity, p: Quantity) -> bool:
    if s.unit is None or p.unit is None:
        return math.isclose(s.value, p.value, rel_tol=1e-9, abs_tol=1e-9)
    if s.dim != p.dim:
        return False
    return math.isclose(s.base or 0.0, p.base or 0.0, rel_tol=1e-6, abs_tol=1e-9)


def per_day(a: Quantity, b: Quantity, freqs: frozenset[str]) -> bool:
    """'2,000 units per day' is '2,000 units daily' (when the passage's frequencies include daily)."""
    if not (a.unit and b.unit and a.unit.endswith("/day")) or "fq_daily" not in freqs:
        return False
    head = a.unit[: -len("/day")]
    return _UNITS.get(head, (head,))[0] == b.unit and math.isclose(a.value, b.value)


def frequency_ok(kind: str, given: frozenset[str] | set[str]) -> bool:
    """Whether a statement's frequency is supported by the passage's frequencies."""
    return bool(_FREQ_OK.get(kind, {kind}) & given)


def frequency_name(kind: str) -> str:
    """'fq_bid' → 'twice daily', 'fq_3xweek' → '3 times a week', 'fq_q3d' → 'every 3 days'."""
    if kind in _FREQ_NAMES:
        return _FREQ_NAMES[kind]
    if m := re.fullmatch(r"fq_(\d+)x(week|month)", kind):
        return f"{m.group(1)} times a {m.group(2)}"
    if m := re.fullmatch(r"fq_q(\d+)([hd])", kind):
        return f"every {m.group(1)} {'hours' if m.group(2) == 'h' else 'days'}"
    return kind[3:]
