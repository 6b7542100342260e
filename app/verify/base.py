"""The verifier's plain data and its one protocol: a check reads claims and returns typed findings.

Every stage (the rule checks, medspaCy's clinical context, an LLM judge, a local NLI model) is a
`Check`. A check never raises for one odd statement and never branches on another check's message:
it returns `Finding`s, each with a `FaultKind`, the spans it rests on and a reason of at most
`MAX_REASON` characters. One place (the combiner) turns a claim's findings into its verdict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

MAX_REASON = 200  # characters: a reason is one plain sentence a clinician reads beside the statement


class FaultKind(StrEnum):
    """What is wrong with a statement, as far as its cited passages show."""

    CITATION = "citation"  # cites nothing, or an id that is not in the record
    NUMBER = "number"  # a number, dose or value the passages do not give
    UNIT = "unit"
    FREQUENCY = "frequency"
    DATE = "date"
    TIME = "time"
    NEGATION = "negation"  # present where the passages say absent, or the reverse
    OPPOSITE = "opposite"  # "declined" where the passages say "accepted"
    SIDE = "side"  # left / right / bilateral
    LAB_FLAG = "lab_flag"  # normal where the passages flag it high or low
    SUSCEPTIBILITY = "susceptibility"  # sensitive where the culture says resistant
    MEDICATION = "medication"  # a drug's status or count the passages give otherwise
    INVENTED = "invented"  # a clinical term (finding, drug, diagnosis) the passages never mention
    EXPERIENCER = "experiencer"  # the passages say it of someone else (family history)
    CERTAINTY = "certainty"  # stated as fact where the passages are uncertain or hypothetical
    TEMPORAL = "temporal"  # current where the passages say historical, or the reverse
    LOW_SUPPORT = "low_support"  # too little of its content is in the passages
    CONTRADICTED = "contradicted"  # an entailment stage read the passages as contradicting it
    NOT_FOUND = "not_found"  # an entailment stage found no support in the passages


@dataclass(frozen=True, slots=True)
class Span:
    """Characters [start, end) of the statement (`source` "statement") or of a cited passage (its id)."""

    source: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Finding:
    kind: FaultKind
    reason: str  # at most MAX_REASON characters
    spans: tuple[Span, ...] = ()
    stage: str = "rules"  # which stage found it: "rules", "context", "judge", "nli"

    def __post_init__(self) -> None:
        if len(self.reason) > MAX_REASON:
            object.__setattr__(self, "reason", self.reason[: MAX_REASON - 1] + "…")


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement to check: its text, the ids it cites, and the record's passages (id → text)."""

    text: str
    citations: tuple[str, ...]
    passages: Mapping[str, str]

    def cited(self) -> dict[str, str]:
        """The cited passages that are in the record, in citation order."""
        return {c: self.passages[c] for c in self.citations if isinstance(self.passages.get(c), str)}


@runtime_checkable
class Check(Protocol):
    """A stage of the verifier. `findings` gets a batch (so a model can read the record once) and
    returns one tuple of findings per claim, in order; an empty tuple means nothing found wrong."""

    name: str

    def findings(self, claims: Sequence[Claim]) -> list[tuple[Finding, ...]]: ...
