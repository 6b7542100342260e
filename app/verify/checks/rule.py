"""What every rule check shares: the reading of one claim, and the `Rule` base class that makes a
check usable alone (the `Check` protocol, over claims) and inside the rules (over one reading)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from app.verify.acronyms import acronym_cover, spelled_out
from app.verify.base import Claim, FaultKind, Finding, Span
from app.verify.facts import Facts, Token, analyse
from app.verify.words import SIDES, matches, weight


def cited_ids(citations: Sequence[str] | None) -> list[str]:
    """The cited ids as written ("[P3]" is "P3"), each once, in order."""
    cited = [str(c).strip().strip("[]") for c in (citations or ())]
    return list(dict.fromkeys(c for c in cited if c))


class Terms:
    """The statement's words weighed against the passages, once per claim (two checks read it)."""

    __slots__ = ("weights", "missing_hard", "missing_soft", "conflicts")

    def __init__(self, r: Reading) -> None:
        s, p = r.statement, r.passage
        self.weights: list[tuple[float, bool]] = []  # (weight, found), in the statement's order
        self.missing_hard: list[str] = []  # clinical terms the passages never mention
        self.missing_soft: list[str] = []  # plain words they do not have
        self.conflicts: list[Token] = []  # spelled-out words whose acronym has the other polarity there
        acronyms = r.acronyms
        spelled = spelled_out(s.tokens[: s.own], p)
        for i, t in enumerate(s.tokens):
            if t.word in SIDES or i >= s.own and not matches(t.key, p.keys):
                continue  # what the statement implies counts only when the passages say it too
            w = weight(t.word)
            if w == 0.0:
                continue
            said = spelled.get(i)
            if not said and t.word in acronyms:  # the polarity the passages give what it stands for
                said = {q.negated for q in p.tokens if q.word in acronyms[t.word]} or {None}
            if said and t.negated is not None and None not in said and t.negated not in said:
                self.conflicts.append(t)
                said = None
            found = bool(said) or matches(t.key, p.keys)
            self.weights.append((w, found))
            if not found:
                (self.missing_hard if w >= 1.0 else self.missing_soft).append(t.word)


class Reading:
    """One claim as the rules read it: its cited ids, the facts of the statement and of the cited
    passages (joined), and the share of its content found so far (`total`, `matched`)."""

    __slots__ = ("text", "cited", "known", "unknown", "statement", "passage", "where", "joined", "total", "matched",
                 "_acronyms", "_terms", "_spans", "memo", "_passages")

    def __init__(self, text: str, citations: Sequence[str] | None, passages: Mapping[str, str]) -> None:
        self.text = text
        self._passages = passages
        self.cited = cited_ids(citations)
        self.known = [c for c in self.cited if isinstance(passages.get(c), str)]
        self.unknown = tuple(c for c in self.cited if c not in self.known)
        self.total = self.matched = 0.0
        self._acronyms: dict[str, frozenset[str]] | None = None
        self._terms: Terms | None = None
        self._spans: tuple[Span, ...] | None = None
        self.memo: dict[str, object] = {}  # what one check works out for another (by the first's name)
        if self.known:
            # Whitespace collapses as in the prompt, where each passage is one line: a wrapped line is not a clause break.
            self.statement: Facts = analyse(" ".join(text.split()))
            self.passage: Facts = analyse("\n".join(" ".join(passages[c].split()) for c in self.known))
            self.where = ids(self.known)
            self.joined = "\n".join(passages[c] for c in self.known)

    @classmethod
    def of(cls, claim: Claim) -> Reading:
        return cls(claim.text, claim.citations, claim.passages)

    @property
    def acronyms(self) -> dict[str, frozenset[str]]:
        if self._acronyms is None:
            self._acronyms = acronym_cover(self.text, self.joined)
        return self._acronyms

    @property
    def terms(self) -> Terms:
        if self._terms is None:
            self._terms = Terms(self)
        return self._terms

    def count(self, found: bool, weight: float = 1.0) -> None:
        """One more item of the statement's content, found in the passages or not."""
        self.total += weight
        if found:
            self.matched += weight

    @property
    def coverage(self) -> float:
        return self.matched / self.total if self.total else 1.0

    def spans(self) -> tuple[Span, ...]:
        """What a finding rests on: the statement and the cited passages that are in the record (whole)."""
        if self._spans is None:
            self._spans = (Span("statement", 0, len(self.text)),
                           *(Span(c, 0, len(self._passages[c])) for c in self.known))
        return self._spans


class Rule:
    """A rule check: `assess` reads one claim (with the findings of the rules before it, in order) and
    returns its findings; `findings` runs it alone over claims, as the `Check` protocol asks."""

    name: ClassVar[str]
    kind: ClassVar[FaultKind]
    rank: ClassVar[int]  # where its findings stand among a claim's, for the reason: lower first
    needs: ClassVar[str | None] = None  # a field of the statement's Facts without which it has nothing to check

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        raise NotImplementedError

    def findings(self, claims: Sequence[Claim]) -> list[tuple[Finding, ...]]:
        out: list[tuple[Finding, ...]] = []
        for claim in claims:
            r = Reading.of(claim)
            out.append(tuple(self.assess(r, ())) if r.known else ())
        return out

    def finding(self, r: Reading, reason: str, kind: FaultKind | None = None) -> Finding:
        return Finding(kind or self.kind, reason, r.spans())


# --- how reasons name things ---------------------------------------------------------------------


def ids(cited: Sequence[str]) -> str:
    if len(cited) == 1:
        return cited[0]
    return ", ".join(cited[:-1]) + " or " + cited[-1]


def short(word: str) -> str:
    return word if len(word) <= 30 else word[:29] + "…"


def listed(words: Sequence[str]) -> str:
    words = [short(w) for w in dict.fromkeys(words)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
