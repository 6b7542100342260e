"""Polarity: a finding present where the passages say absent (or the reverse), an opposite word
("declined" for "accepted"), and an acronym's long form with the other polarity."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from app.verify import vocab
from app.verify.base import FaultKind, Finding
from app.verify.checks.rule import Reading, Rule, short
from app.verify.facts import Token
from app.verify.words import SIDES, matches, weight

_OPPOSITES = vocab.current().opposites


def _state(t: Token) -> str:
    return "present" if t.negated else "absent"


class NegationCheck(Rule):
    """A word the statement shares with the passages, every mention of which has the other polarity;
    or a two-word finding ("no chest pain") whose pair in the passages has the other polarity."""

    name, kind, rank = "negation", FaultKind.NEGATION, 10

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        s, p = r.statement, r.passage
        by_key = p.polarity
        own = s.tokens[: s.own]

        def polarity(t: Token) -> frozenset[bool] | set[bool] | None:
            found = by_key.get(t.key)
            if found is None and len(t.key) >= 5:
                found = set().union(*(v for k, v in by_key.items() if matches(t.key, frozenset((k,)))), set())
            return found

        for i, t in enumerate(own):
            if t.word in SIDES or t.negated is None or t.resolved or t.word.endswith("ly"):
                continue  # an adverb ("currently") caught in a scope carries no finding; a statement's
                # "fever resolved" tells a course: the passages may give it present (before) or absent (after)
            polarities = polarity(t)
            if polarities and t.negated not in polarities and len(t.word) > 2:
                # "No wound odor" for "wound bed ...; no odor": a denied phrase is judged by its head, the last word.
                if t.negated and any(u.negated and polarity(u) == {True} for u in own[i + 1 : i + 4]):
                    continue
                return (self.finding(r, f"negation differs: {r.where} says {short(t.word)} is {_state(t)}"),)
        # A two-word finding keeps its own polarity: "no chest pain" is not undone by "pain 9/10" elsewhere.
        pairs = p.pair_polarity
        for a, b in pairwise(own):
            if b.negated is None or b.resolved or b.at != a.at + 1 or a.word in SIDES or 0.0 in (weight(a.word), weight(b.word)):
                continue
            found = pairs.get((a.key, b.key))
            if found and b.negated not in found:
                return (self.finding(r, f"negation differs: {r.where} says {short(f'{a.word} {b.word}')} "
                                        f"is {_state(b)}"),)
        return ()


class CertaintyCheck(Rule):
    """A finding the statement gives as present or as absent where the passages only do not exclude it
    ("cannot exclude early pneumonia", "PE not ruled out"): every mention there is hedged."""

    name, kind, rank = "certainty", FaultKind.CERTAINTY, 15

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        if any(f.kind is FaultKind.NEGATION for f in prior):
            return ()
        hedged, s = r.passage.hedged, r.statement
        if not hedged or s.hedging:
            return ()  # nothing only not excluded, or the statement keeps it uncertain itself ("on the differential")
        for t in s.tokens[: s.own]:
            if (t.negated is None or t.key not in hedged or t.word in SIDES
                    or t.word.endswith("ly") or weight(t.word) == 0.0):
                continue
            return (self.finding(r, f"certainty differs: {r.where} only does not exclude {short(t.word)}"),)
        return ()


def opposites(word: str) -> set[str]:
    """Words that say the opposite of `word`: listed antonyms, and the word with "non"/"un" put on or taken off."""
    found = set(_OPPOSITES.get(word, ()))
    if len(word) >= 6:
        found |= {"non" + word, "un" + word}
        for prefix in ("non", "un"):
            if word.startswith(prefix) and len(word) - len(prefix) >= 5:
                found.add(word[len(prefix):])
    return found


class OppositeCheck(Rule):
    """The statement's word where the passages have only its opposite ("accepted" / "declined",
    "obstructing" / "nonobstructing"). A flipped negation already says it: then it stays silent."""

    name, kind, rank = "opposite", FaultKind.OPPOSITE, 20

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        if any(f.kind is FaultKind.NEGATION for f in prior):
            return ()
        s, p = r.statement, r.passage
        theirs, affirmed = p.words, p.affirmed  # "without contrast" agrees with "noncontrast"
        for t in s.tokens[: s.own]:
            if t.negated or t.word in theirs:
                continue
            opposite = next((o for o in opposites(t.word) if o in affirmed), None)
            if opposite:
                return (self.finding(r, f"{r.where} says {short(opposite)}, not {short(t.word)}"),)
        return ()


class SpelledOutNegationCheck(Rule):
    """A statement word spelled out of an acronym (or an acronym of the passages' long form) whose
    polarity there is the other one: "no SLNB" against "sentinel lymph node biopsy performed"."""

    name, kind, rank = "spelled_negation", FaultKind.NEGATION, 110

    def assess(self, r: Reading, prior: Sequence[Finding]) -> Sequence[Finding]:
        return [self.finding(r, f"negation differs: {r.where} says {short(t.word)} is {_state(t)}")
                for t in r.terms.conflicts]
