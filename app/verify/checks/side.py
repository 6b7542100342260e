"""Sides: left, right or bilateral where the passages give another side."""

from __future__ import annotations

from collections.abc import Sequence

from app.verify.base import FaultKind, Finding
from app.verify.checks.rule import Reading, Rule, listed, short
from app.verify.words import SIDES, matches


def side_ok(side: str, given: set[str]) -> bool:
    if side in given:
        return True
    return side == "bilateral" and {"left", "right"} <= given


class SideCheck(Rule):
    """Each side the statement gives must be the passages' side for the same thing. A side spelled out
    of an acronym ("right ventricular systolic pressure" for RVSP) is the acronym's own."""

    name, kind, rank = "side", FaultKind.SIDE, 50

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        s, p = r.statement, r.passage
        acronyms = r.acronyms
        for t in s.tokens[: s.own]:
            if t.side is None or t.word in SIDES or t.word in acronyms and t.side in acronyms:
                continue
            given = {q.side for q in p.tokens if q.side and matches(t.key, frozenset((q.key,)))}
            if given and not side_ok(t.side, given):
                return (self.finding(r, f"{t.side} is not in {r.where} "
                                        f"(it says {listed(sorted(given))} {short(t.word)})"),)
        for side in sorted(s.sides - acronyms.keys()):
            if not side_ok(side, set(p.sides)):
                said = f" (it says {listed(sorted(p.sides))})" if p.sides else ""
                return (self.finding(r, f"{side} is not in {r.where}{said}"),)
        return ()
