"""Results: a lab called normal (or flagged) where the passages flag it otherwise, and a drug called
sensitive where the culture says resistant (or the reverse)."""

from __future__ import annotations

from collections.abc import Sequence

from app.verify.base import FaultKind, Finding
from app.verify.checks.rule import Reading, Rule, listed, short


class SusceptibilityCheck(Rule):
    """Each drug must be what the culture says it is ("ciprofloxacin R")."""

    name, kind, rank = "susceptibility", FaultKind.SUSCEPTIBILITY, 30
    needs = "susceptible"

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        theirs = r.passage.susceptible
        for drug, said in sorted(r.statement.susceptible):
            given = {k for d, k in theirs if d == drug}
            if given and said not in given:
                return (self.finding(r, f"{r.where} says {short(drug)} {listed(sorted(given))}, not {said}"),)
        return ()


class LabFlagCheck(Rule):
    """The statement calls a lab normal that the passages flag high or low, or gives the other flag."""

    name, kind, rank = "lab_flag", FaultKind.LAB_FLAG, 40

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        s = r.statement
        flags = dict(r.passage.labs)
        for lab in s.states_normal:
            if lab in flags:
                return (self.finding(r, f"{r.where} flags {lab} as {flags[lab]}, not normal"),)
        for lab, flag in s.labs:
            if lab in flags and flags[lab] != flag:
                return (self.finding(r, f"{r.where} flags {lab} as {flags[lab]}, not {flag}"),)
        return ()
