"""Clinical context from medspaCy's ConText: does a statement assert a concept as its passages do?

For each claim the concepts the statement and its cited passages share are found without word lists:
content words (not stop words, not ConText cues) spelled alike on both sides, and an acronym on one
side spelled by the initials of a run of words on the other ("MI" / "myocardial infarction"). Those
shared words become ConText's targets on each side; medspaCy's packaged English rules (plus the few
cues of `_EXTRA_RULES`), on a blank spaCy pipeline with its sentencizer (no model, nothing
downloaded), mark each one negated, uncertain, hypothetical, historical or of a family member; a
scope ends at a sentence, ";" or a line break. A concept every cited mention of which is
- of a family member, while the statement gives it to the patient → EXPERIENCER;
- uncertain or hypothetical, while the statement states it → CERTAINTY;
- historical, while the statement says it is current ("now", "this admission") → TEMPORAL;
- negated, while the statement asserts it (or the reverse) → NEGATION.
By default the stage reports EXPERIENCER only: the rules' own checks measure better on the others
(see `DEFAULT_KINDS`).
A kind is reported when most shared concepts show it, and more than one everyday word does.

medspaCy's section detection is not used: passages are sentence-sized, the ConText history cue
already covers a heading's sentence, and its past-history section titles include "Current Medical
Problems:". medspaCy loads on first use, once per process (`_pipeline`, under a lock); importing
this module imports neither spaCy nor medspaCy. A claim that cannot be analysed gets no finding
(the rules still checked it).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from app.verify.base import Claim, FaultKind, Finding, Span

MAX_CHARS = 5_000  # a passage is read this far: ConText's scope is a sentence, a summary line is short
_GROUP = "clinsum_concepts"
_LABEL = "CONCEPT"
_ATTRS = ("is_negated", "is_uncertain", "is_hypothetical", "is_historical", "is_family")
# The statement's side of a time fault: it says the concept is current. ConText has no "current"
# category (it marks the historical only), so these few cues are ours.
_NOW = re.compile(r"\b(now|currently|current|today|tonight|this (admission|visit|hospitali[sz]ation|stay|presentation|"
                  r"encounter|episode|morning|evening)|on admission|at presentation|active|ongoing)\b", re.IGNORECASE)
_PERSON = frozenset({"patient", "patients", "pt"})  # the experiencer, not a concept
# A few cues medspaCy's English rules lack (ConTextRule arguments: literal, category, pattern, direction).
# They are ours, kept short; everything else is medspaCy's packaged rules.
_EXTRA_RULES: tuple[tuple[str, str, list | None, str], ...] = (
    ("cannot exclude", "POSSIBLE_EXISTENCE", [{"LOWER": {"IN": ["can", "could"]}}, {"LOWER": {"IN": ["not", "n't"]}},
                                              {"LOWER": "be", "OP": "?"}, {"LOWER": {"IN": ["exclude", "excluded"]}}],
     "BIDIRECTIONAL"),
    ("not excluded", "POSSIBLE_EXISTENCE", [{"LOWER": "not"}, {"LOWER": "been", "OP": "?"},
                                            {"LOWER": {"IN": ["excluded", "exclude"]}}], "BACKWARD"),
    ("possibility of", "POSSIBLE_EXISTENCE", [{"LOWER": {"IN": ["possibility", "concern", "suspicion"]}},
                                              {"LOWER": {"IN": ["of", "for"]}}], "FORWARD"),
    ("suspected", "POSSIBLE_EXISTENCE", [{"LOWER": {"IN": ["suspected", "presumed", "questionable", "probable"]}}],
     "FORWARD"),
    ("prior", "HISTORICAL", [{"LOWER": {"IN": ["prior", "previous", "previously", "remote"]}}], "FORWARD"),
    ("in 2015", "HISTORICAL", [{"LOWER": {"IN": ["in", "since"]}}, {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}],
     "BIDIRECTIONAL"),
    ("s/p", "HISTORICAL", [{"LOWER": {"IN": ["s/p", "completed", "discontinued"]}}], "FORWARD"),
    ("status post", "HISTORICAL", [{"LOWER": "status"}, {"LOWER": "post"}], "FORWARD"),
    ("maternal", "FAMILY", [{"LOWER": {"IN": ["maternal", "paternal"]}}], "FORWARD"),
    ("planned", "HYPOTHETICAL", [{"LOWER": {"IN": ["planned", "will"]}}], "FORWARD"),
)


def _family_rule() -> tuple[str, str, list, str]:
    """ "(MI) in his brother": the relatives are the rules' own list (app/verify/data/negation.yaml, `family`)."""
    from app.verify import vocab

    return ("in his brother", "FAMILY", [{"LOWER": {"IN": ["in", "of"]}}, {"LOWER": {"IN": ["his", "her", "a", "the", "their"]}},
                                         {"LOWER": {"IN": sorted(vocab.current().family)}}], "BACKWARD")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]?[A-Z]{1,4}s?$")  # MI, CKD, COPD, NSTEMI, CHFs

_lock = threading.Lock()
_loaded: tuple[Any, Any, Any, frozenset[str]] | None = None


def _pipeline() -> tuple[Any, Any, Any, frozenset[str]]:
    """(nlp, sentencizer, ConText, stop words): a blank English pipeline and medspaCy's packaged rules, built once."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                import medspacy.context  # noqa: F401 - registers the "medspacy_context" factory and the span attributes
                import spacy
                from spacy.lang.en.stop_words import STOP_WORDS

                nlp = spacy.blank("en")
                sentencizer = nlp.add_pipe("sentencizer")
                context = nlp.add_pipe("medspacy_context", config={
                    "rules": "default", "input_span_type": "group", "span_group_name": _GROUP})
                from medspacy.context import ConTextRule

                context.add([ConTextRule(lit, cat, pattern=pat, direction=d) for lit, cat, pat, d in (*_EXTRA_RULES, _family_rule())])
                _rare("ascites")  # wordfreq's English table loads here too, not in the first job
                _loaded = (nlp, sentencizer, context, frozenset(STOP_WORDS))
    return _loaded


def load() -> float:
    """Load medspaCy now (a worker can do it before its first job); the seconds it took, 0 when already loaded."""
    import time

    t0 = time.perf_counter()
    was = _loaded
    _pipeline()
    return 0.0 if was is not None else time.perf_counter() - t0


@dataclass(frozen=True, slots=True)
class Mention:
    """A shared concept's mention on one side: the source ("statement" or a passage id), its characters and
    the ConText categories that modify it."""

    source: str
    start: int
    end: int
    text: str
    negated: bool
    uncertain: bool
    hypothetical: bool
    historical: bool
    family: bool


def _stem(word: str) -> str:
    w = word.lower().removesuffix("'s")
    if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w


class _Side:
    """One text tokenized, with its content words (stem → token indices) and its acronyms."""

    def __init__(self, source: str, text: str, nlp: Any, stop: frozenset[str]):
        self.source = source
        self.doc = nlp.make_doc(text[:MAX_CHARS])
        self.words: dict[str, list[int]] = {}
        self.acronyms: dict[str, list[int]] = {}
        headers = _headers(self.doc)
        for tok in self.doc:
            if tok.i in headers:
                continue
            t = tok.text
            if _ACRONYM.match(t) and len(t) <= 6:
                self.acronyms.setdefault(t.rstrip("s").lower(), []).append(tok.i)
            if tok.is_alpha and (len(t) >= 3 or t.isupper()) and t.lower() not in stop and t.lower() not in _PERSON:
                self.words.setdefault(_stem(t), []).append(tok.i)

    def initials(self) -> dict[str, list[tuple[int, int]]]:
        """Runs of 2-5 content words → their initials ("myocardial infarction" → "mi": [(start, end)])."""
        out: dict[str, list[tuple[int, int]]] = {}
        content = sorted(i for idx in self.words.values() for i in idx)
        for a, i in enumerate(content):
            letters = ""
            for b in range(a, min(a + 5, len(content))):
                if b > a and any(not self.doc[j].text == "-" for j in range(content[b - 1] + 1, content[b])):
                    break  # consecutive words only ("hospital-acquired pneumonia" counts as three)
                letters += self.doc[content[b]].text[0].lower()
                if b > a:
                    out.setdefault(letters, []).append((i, content[b] + 1))
        return out


def _shared(statement: _Side, passages: Sequence[_Side]) -> list[tuple[tuple[int, int], dict[int, list[tuple[int, int]]]]]:
    """Concepts the statement shares with the passages: (statement token span, passage index → token spans)."""
    pairs: dict[tuple[int, int], dict[int, list[tuple[int, int]]]] = {}
    s_initials = statement.initials()
    for k, p in enumerate(passages):
        for stem, idx in statement.words.items():
            if stem in p.words:
                for i in idx:
                    pairs.setdefault((i, i + 1), {}).setdefault(k, []).extend((j, j + 1) for j in p.words[stem])
        for acr, idx in p.acronyms.items():  # the passage abbreviates what the statement spells out
            for span in s_initials.get(acr, ()):
                pairs.setdefault(span, {}).setdefault(k, []).extend((j, j + 1) for j in idx)
        p_initials = p.initials()
        for acr, idx in statement.acronyms.items():  # or the reverse
            for i in idx:
                if acr in p_initials:
                    pairs.setdefault((i, i + 1), {}).setdefault(k, []).extend(p_initials[acr])
    spans = sorted(pairs, key=lambda sp: sp[0] - sp[1])  # longest first: "transient ischemic attack" over "transient"
    kept: list[tuple[int, int]] = []
    for sp in spans:
        if not any(a <= sp[0] and sp[1] <= b and (a, b) != sp for a, b in kept):
            kept.append(sp)
    return sorted((sp, pairs[sp]) for sp in kept)


def _mark(side: _Side, spans: Iterable[tuple[int, int]], sentencizer: Any, context: Any) -> dict[tuple[int, int], Mention]:
    """Run ConText on one side with `spans` as its targets; a target that is itself a ConText cue is dropped."""
    from spacy.tokens import Span as SpacySpan

    doc = side.doc
    _sentences(doc, sentencizer)
    targets = [SpacySpan(doc, a, b, label=_LABEL) for a, b in sorted(set(spans))]
    doc.spans[_GROUP] = targets
    context(doc)
    cues = [m.modifier_span for m in doc._.context_graph.modifiers]
    out: dict[tuple[int, int], Mention] = {}
    for t in targets:
        if any(a < t.end and t.start < b for a, b in cues):
            continue
        flags = [bool(getattr(t._, attr)) for attr in _ATTRS]
        out[(t.start, t.end)] = Mention(side.source, t.start_char, t.end_char, t.text, *flags)
    return out


def _sentences(doc: Any, sentencizer: Any) -> None:
    """Sentences, and a clause after ";" or a line break as one too: ConText's scope never crosses them."""
    sentencizer(doc)
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.text == ";" or "\n" in prev.whitespace_ + prev.text:
            tok.is_sent_start = True


def _headers(doc: Any) -> set[int]:
    """Tokens of a heading ("Exam:", "CXR portable AP:") that opens the text or a line: not concepts."""
    out: set[int] = set()
    start = 0
    for tok in doc:
        if tok.text == ":" and tok.i - start <= 4:
            out.update(range(start, tok.i))
        if tok.text == ":" or "\n" in tok.whitespace_ or tok.is_punct and tok.text in ".;":
            start = tok.i + 1
    return out


def _describe(m: Mention) -> str:
    for flag, word in ((m.family, "of a family member"), (m.negated, "as absent"), (m.uncertain, "as uncertain"),
                       (m.hypothetical, "as hypothetical"), (m.historical, "as past history")):
        if flag:
            return word
    return "as present"


def _faults(s: Mention, ps: Sequence[Mention], kinds: frozenset[FaultKind], now: bool) -> list[tuple[FaultKind, str]]:
    """What the statement's mention `s` gets wrong, given every cited mention `ps` of the same concept: each
    fault with its reason, where {s} and {p} stand for the statement's and the passage's wording."""
    out: list[tuple[FaultKind, str]] = []
    if FaultKind.EXPERIENCER in kinds and all(p.family for p in ps) and not s.family:
        out.append((FaultKind.EXPERIENCER, "the cited passage gives '{s}' to a family member, not to the patient"))
    if FaultKind.CERTAINTY in kinds and all(p.uncertain or p.hypothetical for p in ps) and not (
            s.uncertain or s.hypothetical or s.negated or all(p.family for p in ps)):
        what = "uncertain" if ps[0].uncertain else "hypothetical"
        out.append((FaultKind.CERTAINTY, "states '{s}' as fact; the cited passage gives it as " + what))
    if FaultKind.TEMPORAL in kinds and now and all(p.historical for p in ps) and not s.historical:
        out.append((FaultKind.TEMPORAL, "says '{s}' is current; the cited passage gives it as past history"))
    if FaultKind.NEGATION in kinds and not (s.uncertain or s.hypothetical or s.family):
        if not s.negated and all(p.negated and not (p.uncertain or p.hypothetical) for p in ps):
            out.append((FaultKind.NEGATION, "states '{s}' as present; the cited passage gives it as absent"))
        elif s.negated and not any(p.negated or p.uncertain or p.hypothetical for p in ps):
            out.append((FaultKind.NEGATION, "states '{s}' as absent; the cited passage gives it as present"))
    return out


def context_findings(claim: Claim, kinds: frozenset[FaultKind]) -> tuple[Finding, ...]:
    """The findings of one claim: at most one per fault kind, on the first concept that shows it."""
    cited = claim.cited()
    if not cited or not claim.text.strip():
        return ()
    nlp, sentencizer, context, stop = _pipeline()
    statement = _Side("statement", claim.text, nlp, stop)
    passages = [_Side(pid, text, nlp, stop) for pid, text in cited.items()]
    pairs = _shared(statement, passages)
    if not pairs:
        return ()
    s_marks = _mark(statement, (span for span, _ in pairs), sentencizer, context)
    p_marks = [_mark(p, (sp for _, per in pairs for sp in per.get(k, ())), sentencizer, context)
               for k, p in enumerate(passages)]
    cues = _sentence_cues(statement.doc)
    faults: dict[FaultKind, list[tuple[Mention, Mention, str]]] = {}
    judged = 0
    for span, per in pairs:
        s = s_marks.get(span)
        ps = [p_marks[k][sp] for k, spans in per.items() for sp in spans if sp in p_marks[k]]
        if s is None or not ps:
            continue
        judged += 1
        sent = statement.doc[span[0]].sent
        said = cues.get(sent.start, frozenset())
        s = replace(s, family=s.family or "FAMILY" in said, historical=s.historical or "HISTORICAL" in said,
                    uncertain=s.uncertain or "POSSIBLE_EXISTENCE" in said,
                    hypothetical=s.hypothetical or "HYPOTHETICAL" in said)
        for kind, template in _faults(s, ps, kinds, bool(_NOW.search(sent.text))):
            faults.setdefault(kind, []).append((s, ps[0], template))
    found = []
    for kind, hits in faults.items():
        words = sum(len(s.text.split()) for s, _, _ in hits)
        rare = any(_rare(s.text) for s, _, _ in hits)
        # most of the shared concepts, and more than one everyday word ("day", "home") in a cue's scope
        if 2 * len(hits) >= judged and (words >= 2 or rare):
            s, p, template = hits[0]
            start, end = _phrase(s, [h[0] for h in hits])
            text = claim.text[start:end]
            found.append(Finding(kind, template.format(s=_clip(text), p=_clip(p.text)),
                                 (Span("statement", start, end), Span(p.source, p.start, p.end)), stage="context"))
    return tuple(found)


def _phrase(first: Mention, hits: Sequence[Mention]) -> tuple[int, int]:
    """The characters of `first` widened over the hits next to it ("breast" + "cancer" → "breast cancer")."""
    start, end = first.start, first.end
    grown = True
    while grown:
        grown = False
        for h in hits:
            if (h.end < start and start - h.end <= 1) or (h.start > end and h.start - end <= 1):
                start, end, grown = min(start, h.start), max(end, h.end), True
    return start, end


def _clip(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def _rare(word: str) -> bool:
    """A word rare in everyday English (wordfreq's Zipf scale, under 4: "ascites", not "day") names a concept alone."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") < 4.0


def _sentence_cues(doc: Any) -> dict[int, frozenset[str]]:
    """Sentence start → the ConText categories cued anywhere in that sentence of the statement: a summary
    line that hedges, dates or gives a concept to a relative says so once, not beside every word."""
    out: dict[int, set[str]] = {}
    for m in doc._.context_graph.modifiers:
        out.setdefault(doc[m.modifier_span[0]].sent.start, set()).add(m.category)
    return {k: frozenset(v) for k, v in out.items()}


ALL_KINDS = frozenset({FaultKind.EXPERIENCER, FaultKind.CERTAINTY, FaultKind.TEMPORAL, FaultKind.NEGATION})
# Measured on the tuned labelled sets beside the rules (benchmarks/verifier_context.py): experiencer
# added 1 fault caught and no flagged faithful statement; certainty 1 fault for 6 flagged, temporal
# none for 1, negation 2 for 46. The rules keep those; the stage reports who has a finding.
DEFAULT_KINDS = frozenset({FaultKind.EXPERIENCER})


class ContextCheck:
    """The "context" stage: medspaCy's ConText on the concepts a statement shares with its cited passages."""

    name = "context"

    def __init__(self, kinds: Iterable[FaultKind] = DEFAULT_KINDS):
        self.kinds = frozenset(kinds)

    def findings(self, claims: Sequence[Claim]) -> list[tuple[Finding, ...]]:
        _pipeline()  # a missing or broken medspaCy is an error of the stage, not of one statement
        out: list[tuple[Finding, ...]] = []
        for claim in claims:
            try:
                out.append(context_findings(claim, self.kinds))
            except Exception:  # noqa: BLE001 - one odd statement never fails a summary; the rules checked it
                out.append(())
        return out
