"""Terms: a clinical term (a drug, a diagnosis, a rare word) the passages never mention, and, short
of any fault, too little of the statement's content in them."""

from __future__ import annotations

from collections.abc import Sequence

from app.verify.base import FaultKind, Finding
from app.verify.checks.rule import Reading, Rule, listed
from app.verify.verdict import DEFAULT_THRESHOLD


class InventedTermCheck(Rule):
    """Clinical terms must all be in the passages; every word the statement weighs counts towards its
    support. Its finding is named before the dates and numbers that come with the term."""

    name, kind, rank = "invented", FaultKind.INVENTED, 55

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        terms = r.terms
        total, matched = r.total, r.matched  # added word by word, in order, as `Reading.count` would
        for w, found in terms.weights:
            total += w
            if found:
                matched += w
        r.total, r.matched = total, matched
        missing = terms.missing_hard
        if not missing:
            return ()
        if r.coverage < 0.5 and len(missing) >= 2:
            return (self.finding(r, f"{r.where} does not mention {listed(missing[:3])}"),)
        verb = "is" if len(set(missing)) == 1 else "are"
        return (self.finding(r, f"{listed(missing[:3])} {verb} not in {r.where}"),)


class LowSupportCheck(Rule):
    """Nothing contradicted or invented, but too little of the statement is in the passages: its
    score (the share of its weighed content found there) is under the threshold. It reads the tallies
    the other checks left on the reading, so it runs after them (the combiner calls `below`)."""

    name, kind, rank = "low_support", FaultKind.LOW_SUPPORT, 200

    def below(self, r: Reading, score: float, threshold: float) -> Finding | None:
        if score >= threshold:
            return None
        words = r.terms.missing_soft[:3] or ["its content"]
        return self.finding(r, f"little of it is in {r.where}: {listed(words)} {'is' if len(words) == 1 else 'are'} not")

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        # Alone, it needs the other rules' tallies, and stays silent when one of them finds a fault.
        from app.verify.checks import RULES

        found = list(prior)
        if not found:
            for check in RULES:
                found.extend(check.assess(r, found))
        if found:
            return ()  # a fault already says what is wrong
        low = self.below(r, round(r.coverage, 3), DEFAULT_THRESHOLD)
        return (low,) if low else ()
