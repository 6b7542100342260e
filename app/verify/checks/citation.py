"""Citations: a statement that cites nothing (and does not say something is undocumented), or cites
ids that are not in the record."""

from __future__ import annotations

from collections.abc import Sequence

from app.verify.base import Claim, FaultKind, Finding, Span
from app.verify.checks.rule import Reading, Rule, listed
from app.verify.verdict import states_absence


class CitationCheck(Rule):
    """Cites no passage, or cites ids the record does not have. When some cited ids are there, the
    finding is a note on the verdict (the passages that are there decide it)."""

    name, kind, rank = "citation", FaultKind.CITATION, 0

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        if r.unknown:
            verb = "is" if len(r.unknown) == 1 else "are"
            return (Finding(self.kind, f"cites {listed(r.unknown)}, which {verb} not in the record",
                            (Span("statement", 0, len(r.text)),)),)
        if not r.cited and not states_absence(r.text):
            return (Finding(self.kind, "cites no passage", (Span("statement", 0, len(r.text)),)),)
        return ()

    def findings(self, claims: Sequence[Claim]) -> list[tuple[Finding, ...]]:
        """Every claim is read, whether any cited passage is in the record or not."""
        return [tuple(self.assess(Reading.of(c), ())) for c in claims]
