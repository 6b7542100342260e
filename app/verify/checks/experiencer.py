"""Experiencer: the statement gives the patient a finding the passages give only to a relative."""

from __future__ import annotations

from collections.abc import Sequence

from app.verify.base import FaultKind, Finding
from app.verify.checks.rule import Reading, Rule, short
from app.verify.words import SIDES, weight


class ExperiencerCheck(Rule):
    """A clinical term every mention of which in the passages is a relative's ("Mother had breast
    cancer", "malignant hyperthermia in his brother"), stated by a statement that names no relative."""

    name, kind, rank = "experiencer", FaultKind.EXPERIENCER, 57

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        family, s = r.passage.family, r.statement
        own = s.tokens[: s.own]
        if not family or s.names_family:
            return ()  # nothing only a relative's, or the statement speaks of the family itself
        for t in own:
            if t.key in family and t.negated is False and t.word not in SIDES and weight(t.word) >= 0.75:
                return (self.finding(r, f"{r.where} gives {short(t.word)} of a relative, not the patient"),)
        return ()
