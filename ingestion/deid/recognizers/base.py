"""A presidio recognizer driven by compiled regexes whose named group `phi` is the identifier.

presidio's PatternRecognizer reports the whole match; clinical identifiers are found by their
label ("MRN: 4821") and only the value is PHI, so each rule here reports its `phi` group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: re.Pattern[str]
    entity: str
    score: float


class RegexRecognizer(EntityRecognizer):
    RULES: tuple[Rule, ...] = ()

    def __init__(self) -> None:
        super().__init__(supported_entities=sorted({r.entity for r in self.RULES}), supported_language="en")

    def load(self) -> None:  # compiled at import; nothing to load
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for rule in self.RULES:
            if entities and rule.entity not in entities:
                continue
            for match in rule.pattern.finditer(text):
                start, end = match.span("phi")
                if start < end and self.keep(text, start, end, rule):
                    results.append(RecognizerResult(rule.entity, start, end, rule.score))
        return results

    def keep(self, text: str, start: int, end: int, rule: Rule) -> bool:
        """A last check on one match; subclasses veto what a regex cannot judge."""
        return True


def rule(pattern: str, entity: str, score: float = 0.85, flags: int = 0) -> Rule:
    return Rule(re.compile(pattern, flags), entity, score)
