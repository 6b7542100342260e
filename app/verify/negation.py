"""Words with their polarity and side: a NegEx-style scope for each negation cue (a cue before a term
within its clause, or a few cues after it), and the side word (left/right/bilateral) they sit under."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.verify import vocab
from app.verify.words import PLACEHOLDERS, SIDES, stem

_V = vocab.current()
_CUES, _TERMINATORS, _BACK_STOP, _COPULAS, _DETERMINERS = _V.cues, _V.terminators, _V.back_stop, _V.copulas, _V.determiners
_NEW_FINDING, _PREPOSITIONS, _SYMPTOMS_ING, _STUDIES, _STOP = (_V.new_finding, _V.prepositions, _V.symptoms_ing,
                                                               _V.studies, _V.stop)
_WINDOW, _BACK_WINDOW = _V.window, _V.back_window
_PAST_BEFORE, _PAST_AFTER = _V.past_before, _V.past_after
_FAMILY = tuple((w,) for w in sorted(_V.family))
_CONDITIONAL = _V.conditional
_PLACEHOLDERS, _SIDES = PLACEHOLDERS, SIDES


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text, with what the analysis knows of it."""

    key: str  # stemmed
    word: str  # as written (after rewrites)
    negated: bool | None  # None: a negation scope may or may not reach it
    side: str | None  # the side word just before it, if any
    at: int = -1  # position among the text's words and stop words, to tell adjacent words apart
    hedged: bool = False  # only not excluded ("cannot exclude pneumonia"): neither present nor absent
    resolved: bool = False  # denied by a course word ("fever resolved"): absent now, present before
    past: bool = False  # put in the past ("history of MI", "norepinephrine weaned off")
    family: bool = False  # said of a relative ("Mother had breast cancer")


def tokens(text: str) -> tuple[Token, ...]:
    """Words with polarity (NegEx-style scope) and the side word in front of them."""
    marked = _CUES.sub(_cue, text)
    raw = re.findall(r"⟨\w+⟩|[a-z][a-z0-9_']*|[.;:!?()\n]|,", marked)
    n = len(raw)
    negated: list[bool | None] = [False] * n  # None: maybe (a scope that may or may not reach it)
    hedged = [False] * n  # in the scope of an uncertainty cue ("cannot exclude", "not ruled out")
    resolved = [False] * n  # in the scope of a course word ("resolved")
    unc = course = False

    def mark(j: int, value: bool | None) -> None:
        if negated[j] is False or value is True:
            negated[j] = value
            hedged[j] = unc and value is None
            resolved[j] = course

    for i, w in enumerate(raw):
        if not w.startswith("⟨") or w == "⟨pseudo⟩":
            continue
        bidi = w in ("⟨bidi⟩", "⟨bidineg⟩", "⟨course⟩")
        unc = w in ("⟨upre⟩", "⟨upost⟩")  # uncertainty: what it reaches is a maybe, and hedged
        course = w == "⟨course⟩"  # "fever resolved": absent now, present before
        start = bidi and _at_clause_start(raw, i)
        forward = w in ("⟨pre⟩", "⟨both⟩", "⟨upre⟩") or start
        backward = w in ("⟨post⟩", "⟨both⟩", "⟨upost⟩") or (bidi and not start)
        # A leading "negative" is a result ("negative screening mammogram"): only a maybe for what follows.
        strength: bool | None = None if unc or start and w == "⟨bidineg⟩" else True
        if forward:
            seen, verb = 0, False
            for j in range(i + 1, n):
                t = raw[j]
                if t in ".;:!?\n" or t in _TERMINATORS or t.startswith("⟨"):
                    break
                if verb and t not in _COPULAS and t not in _STOP:
                    if t.endswith("ed"):
                        mark(j, strength)  # "No vasopressors were required": the verb is denied with its subject
                    break
                if seen and t in _COPULAS:
                    verb = True  # "No catheter was placed for the block": the scope ends after the verb
                    continue
                if seen and (t in _PREPOSITIONS or t == "("
                             or t == "and" and j + 1 < n and (_new_verb(raw[j + 1]) or raw[j + 1] in _DETERMINERS)
                             or t == "," and j + 1 < n and (raw[j + 1] in _NEW_FINDING or _valued(raw, j + 1))
                             or t in ("with", "and") and _valued(raw, j + 1)):
                    break
                if t[0].isalpha() and t not in _STOP:
                    mark(j, strength)
                    seen += 1
                    if seen >= _WINDOW:
                        break
        if backward:
            seen, value, past_study, reached = 0, None if unc else True, 0, []
            # "Glucose and ketones were negative": a plural verb before the cue reaches every coordinated term.
            coordinated = w != "⟨pre⟩" and i > 0 and raw[i - 1] in ("were", "are")
            for j in range(i - 1, -1, -1):
                t = raw[j]
                if t in ".;:!?\n":
                    break
                if coordinated and t in ("and", "or", ","):
                    seen = 0
                    continue
                if t in "(),\n" or t in _BACK_STOP or t.startswith("⟨") or seen >= _BACK_WINDOW:
                    if w != "⟨both⟩":
                        break
                    value = None  # "X was held ... and was not restarted": X may be meant
                if t[0].isalpha() and t not in _STOP and t not in _BACK_STOP and not t.startswith(_PLACEHOLDERS):
                    if t in _STUDIES:
                        if w == "⟨bidineg⟩" and not past_study:
                            for k in reached:  # "CT head/C-spine negative": the study's site, not a denied finding
                                negated[k] = None
                        past_study = 1
                        continue
                    if not past_study:
                        reached.append(j)
                    mark(j, value if past_study < 2 else None)
                    past_study += bool(past_study)
                    seen += 1
    for j in _conditional_scope(raw):  # "If RR > 28, call ICU for BiPAP": a plan, not done
        if negated[j] is False:
            negated[j], hedged[j] = None, True
    past = _past_scope(raw)
    family = _family_scope(raw)
    out: list[Token] = []
    side: str | None = None
    since_side = 0
    for j, w in enumerate(raw):
        if not w[0].isalpha():
            if w in ".;:!?\n,":
                side = None
            continue
        if w in _STOP or w.startswith(_PLACEHOLDERS) or len(w) < 2:
            continue
        neg = None if w in _STUDIES else negated[j]
        if w in _SIDES:
            side, since_side = w, 0
            out.append(Token(w, w, neg, None, j))
            continue
        if w.endswith("sided"):
            continue
        since_side += 1
        if since_side > 3:
            side = None
        out.append(Token(stem(w), w, neg, side, j, hedged[j] and neg is None, resolved[j] and neg is True, j in past,
                         j in family))
    return tuple(out)


def _conditional_scope(raw: list[str]) -> set[int]:
    """What a condition makes hypothetical: after "If X," the rest of the sentence; before a
    mid-clause "if" ("low threshold to start cefepime if febrile") the clause so far."""
    found: set[int] = set()
    for i, w in enumerate(raw):
        if w not in _CONDITIONAL:
            continue
        if _at_clause_start(raw, i):  # "If X, Y.": Y, to the end of the sentence
            comma = next((k for k in range(i + 1, min(len(raw), i + 16)) if raw[k] in ".;!?\n,"), None)
            if comma is None or raw[comma] != ",":
                continue
            j = comma + 1
            while j < len(raw) and raw[j] not in ".;!?\n":
                found.add(j)
                j += 1
        else:
            found |= _scope(raw, (), ((w,),), frozenset(), start=i)
    return found


def _past_scope(raw: list[str]) -> set[int]:
    """Positions a time cue puts in the past: after "history of", "completed"; before "weaned off" (its clause)."""
    return _scope(raw, _PAST_BEFORE, _PAST_AFTER)


def _family_scope(raw: list[str]) -> set[int]:
    """Positions said of a relative: after or before "mother", "brother"... in its clause."""
    return _scope(raw, _FAMILY, _FAMILY, _V.informant)


def _scope(raw: list[str], before: tuple[tuple[str, ...], ...], after: tuple[tuple[str, ...], ...],
           unless: frozenset[str] = frozenset(), start: int | None = None) -> set[int]:
    """Positions the word-sequence cues reach in their clause: `before` cues forward, `after` cues back;
    a cue right after a word of `unless` ("per family") reaches nothing. With `start`, only the cue there."""
    found: set[int] = set()
    for i, w in enumerate(raw):
        if start is not None and i != start:
            continue
        if i and raw[i - 1] in unless:
            continue
        for cues, step in ((before, 1), (after, -1)):
            for cue in cues:
                if w != cue[0] or tuple(raw[i : i + len(cue)]) != cue:
                    continue
                j, seen = (i + len(cue), 0) if step == 1 else (i - 1, 0)
                while 0 <= j < len(raw) and seen < (_WINDOW if step == 1 else _BACK_WINDOW):
                    t = raw[j]
                    if t == "(" and step == 1 and ")" in raw[j : j + 8]:
                        j += raw[j : j + 8].index(")") + 1  # "Husband (now deceased) had ...": an aside
                        continue
                    if t in ".;:!?\n,(" or t in _TERMINATORS or t.startswith("⟨"):
                        break
                    if t[0].isalpha() and t not in _STOP:
                        found.add(j)
                        seen += 1
                    j += step
    return found


def _valued(raw: list[str], j: int) -> bool:
    """'No fever, WBC 9.2': the item after a comma has a measured value, so it is a finding of its own."""
    for t in raw[j : j + 6]:
        if t in ".;:!?\n," or t.startswith("⟨"):
            return False
        if t.startswith("qt_"):
            return True
    return False


def _new_verb(word: str) -> bool:
    """'... without assistance and tolerating a diet': a new verb phrase ends the scope."""
    return word.endswith(("ing", "ed")) and word not in _SYMPTOMS_ING


def _cue(m: re.Match[str]) -> str:
    kind = m.lastgroup
    if kind == "post" and m.group(0).startswith("not"):
        kind = "both"  # "X was not started at discharge": X and what follows
    elif kind == "bidi" and m.group(0) == "negative":
        kind = "bidineg"
    return f" ⟨{kind}⟩ "


def _at_clause_start(raw: list[str], i: int) -> bool:
    for j in range(i - 1, -1, -1):
        t = raw[j]
        if t in ".;:!?\n,(":
            return True
        if t[0].isalpha() and t not in _STOP:
            return False
    return True
