"""A presidio recognizer driven by compiled regexes whose named group `phi` is the identifier.

presidio's PatternRecognizer reports the whole match; clinical identifiers are found by their
label ("MRN: 4821") and only the value is PHI, so each rule here reports its `phi` group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts


# A word's start, where a label or keyword can begin. `\b` alone also holds at each word's end,
# where a long case-insensitive alternation is tried in vain (nearly half of such a rule's time).
WORD_START = r"\b(?=\w)"
# Readings in a row, "249-134-219" (fingersticks over a shift): never a phone or a record number.
SERIES = re.compile(r"\d{2,3}(?:-\d{2,3}){2,}")


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: re.Pattern[str]
    entity: str
    score: float


class ClinicalRecognizer(EntityRecognizer):
    """Base of clinsum's recognizers: English, nothing to load, results tagged with their source."""

    def __init__(self, entities: list[str]) -> None:
        super().__init__(supported_entities=entities, supported_language="en")
        self.metadata = {
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
        }

    def load(self) -> None:  # compiled at import; nothing to load
        pass

    def result(self, entity: str, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(entity, start, end, score, recognition_metadata=self.metadata)


class RegexRecognizer(ClinicalRecognizer):
    RULES: tuple[Rule, ...] = ()
    # A pattern every match needs somewhere in the text: one cheap scan instead of every rule's.
    HINT: re.Pattern[str] | None = None

    def __init__(self) -> None:
        super().__init__(sorted({r.entity for r in self.RULES}))

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if self.HINT is not None and not self.HINT.search(text):
            return []
        results = []
        for rule in self.RULES:
            if entities and rule.entity not in entities:
                continue
            for match in rule.pattern.finditer(text):
                start, end = match.span("phi")
                if start < end and self.keep(text, start, end, rule):
                    results.append(self.result(rule.entity, start, end, rule.score))
        return results

    def keep(self, text: str, start: int, end: int, rule: Rule) -> bool:
        """A last check on one match; subclasses veto what a regex cannot judge."""
        return True


def rule(pattern: str, entity: str, score: float = 0.85, flags: int = 0) -> Rule:
    return Rule(re.compile(pattern, flags), entity, score)
