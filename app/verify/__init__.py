"""Citation verifier: does each summary statement say only what its cited passages support?

Both sides (statement and the cited passages, joined) go through the same analysis: abbreviations
and synonyms to one spelling, dates, times, dosing frequencies and quantities (number + unit, in base
units where units convert) pulled out, then words with a NegEx-style polarity (a cue before a term
within its clause, or a few cues after it) and the side (left/right/bilateral) they sit under.

A statement is unsupported when something it states is contradicted or absent: a number, dose,
unit, date, time or frequency not in the passages; a side the passages give otherwise; a term whose
every mention in the passages has the opposite polarity; a clinical term (a drug, a diagnosis, a
rare word) not in them; or, short of those, when too little of its content is in them (`threshold`).
Generic wording ("patient", "was started", "showed") never counts against a paraphrase.
Everything is regex and set look-ups, cached per text: thousands of statements a second.

The reading of a text into typed facts is `app.verify.facts.analyse` (and the modules it builds on);
the vocabularies are data files read by `app.verify.vocab`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from app.verify import vocab
from app.verify.acronyms import acronym_cover, run_initials, spelled_out
from app.verify.base import Check, Claim, Finding
from app.verify.facts import Facts, Quantity, Token, analyse
from app.verify.normalise import MAX_CHARS
from app.verify.quantities import frequency_name, frequency_ok, per_day, same_quantity
from app.verify.words import SIDES, matches, root, roots, weight

__all__ = ["DEFAULT_THRESHOLD", "MAX_CHARS", "Verdict", "clear_caches", "states_absence", "verify", "verify_all"]

DEFAULT_THRESHOLD = 0.6
_V = vocab.current()
_STATUS_OK, _STATUS_PAST, _OPPOSITES = _V.status_ok, _V.status_past, _V.opposites


@dataclass(frozen=True, slots=True)
class Verdict:
    supported: bool
    score: float  # 0..1 support of the statement by its cited passages
    reason: str  # one plain sentence; "" or a short positive note when supported
    unknown: tuple[str, ...] = ()  # cited ids that are not in the record
    findings: tuple[Finding, ...] = ()  # what the stages beyond the rules found (see `verify_all`)
    stages: tuple[str, ...] = ("rules",)  # the stages that checked it, in order

def _check_quantity(s: Quantity, passage: Facts, units_in_passage: frozenset[str]) -> tuple[str, str] | None:
    """None when the passage supports the quantity, else (fault kind, what the passage says)."""
    candidates = [p for p in passage.quantities if s.ref or not p.ref]
    if s.unit is None:
        if any(same_quantity(s, p) for p in candidates):
            return None
        if s.value.is_integer() and any(d[0] == s.value for d in passage.dates) or any(
            m[0] == s.value for m in passage.months
        ):
            return None  # a bare year
        return ("number", "")
    for p in candidates:
        if p.unit is not None and (same_quantity(s, p) or per_day(s, p, passage.freqs) or per_day(p, s, passage.freqs)):
            return None
        if p.unit is None and math.isclose(s.value, p.value) and s.unit in units_in_passage:
            return None  # "potassium 5.8 (3.5-5.1) mmol/L"
    same_value = [p for p in candidates if math.isclose(s.value, p.value) and p.unit]
    if s.unit == "l/min" and any(p.unit == "l" for p in same_value):
        return None  # "2 L" of oxygen is "2 liters per minute": notes drop the flow's "per minute"
    if same_value:
        return ("unit", same_value[0].raw)
    if s.dim == "time" and any(math.isclose(s.value, p.value) and p.unit is None for p in candidates):
        return None  # "3 days" for "3" in "x 3"
    return ("number", "")


def _ids(cited: Sequence[str]) -> str:
    if len(cited) == 1:
        return cited[0]
    return ", ".join(cited[:-1]) + " or " + cited[-1]


def _short(word: str) -> str:
    return word if len(word) <= 30 else word[:29] + "…"


def _listed(words: Sequence[str]) -> str:
    words = [_short(w) for w in dict.fromkeys(words)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


_ABSENCE = re.compile(
    r"\b(?:not|never|none|nothing|no)\b[^.]*\b(?:documented|recorded|mentioned|stated|specified|available|reported|"
    r"found|noted|given|listed|provided)\b|\bnot in the record\b|\bunknown\b|\bno record of\b|\bnot documented\b",
    re.IGNORECASE,
)


def states_absence(text: str) -> bool:
    """Whether a statement says that something is not documented (it has nothing to cite)."""
    return bool(_ABSENCE.search(text[:2000]))


def clear_caches() -> None:
    """Empty the verifier's caches of analysed texts and words (a benchmark's cold run starts from here)."""
    for cached in (analyse, weight, acronym_cover, root, roots, run_initials):
        cached.cache_clear()


def verify(
    text: str, citations: Sequence[str], passages: Mapping[str, str], threshold: float = DEFAULT_THRESHOLD
) -> Verdict:
    """How far the cited passages support the statement; never raises on odd input."""
    try:
        return _verify(text if isinstance(text, str) else str(text), citations, passages, threshold)
    except Exception as exc:  # noqa: BLE001 - a verdict for every statement, whatever the input
        return Verdict(False, 0.0, f"could not be checked ({type(exc).__name__})")


def verify_all(
    statements: Sequence[tuple[str, Sequence[str]]], passages: Mapping[str, str], *, checks: Sequence[Check] = ()
) -> list[Verdict]:
    """One verdict per (text, citations), in input order: the rules, then each of `checks` on the batch.

    A finding of a later stage makes its statement unsupported and halves its score, as a rule fault does.
    """
    verdicts = [verify(text, citations, passages) for text, citations in statements]
    if not checks:
        return verdicts
    claims = [Claim(str(text), tuple(dict.fromkeys(str(c).strip().strip("[]") for c in (cites or ()) if str(c).strip())),
                    passages) for text, cites in statements]
    found: list[list[Finding]] = [[] for _ in claims]
    for check in checks:
        for mine, theirs in zip(found, check.findings(claims), strict=True):
            mine.extend(theirs)
    names = ("rules", *(c.name for c in checks))
    return [_with_findings(v, tuple(f), names) for v, f in zip(verdicts, found, strict=True)]


def _with_findings(v: Verdict, findings: tuple[Finding, ...], stages: tuple[str, ...]) -> Verdict:
    if not findings:
        return Verdict(v.supported, v.score, v.reason, v.unknown, (), stages)
    reason = v.reason if not v.supported else findings[0].reason
    return Verdict(False, round(v.score * 0.5 ** len(findings), 3), reason, v.unknown, findings, stages)


def _verify(text: str, citations: Sequence[str], passages: Mapping[str, str], threshold: float) -> Verdict:
    cited = [str(c).strip().strip("[]") for c in (citations or ())]
    cited = list(dict.fromkeys(c for c in cited if c))
    known = [c for c in cited if isinstance(passages.get(c), str)]
    unknown = tuple(c for c in cited if c not in known)
    missing_note = (
        f"cites {_listed(unknown)}, which {'is' if len(unknown) == 1 else 'are'} not in the record" if unknown else ""
    )
    if not known:
        if not cited and states_absence(text):
            return Verdict(True, 1.0, "states an absence; nothing to cite")
        if not cited:
            return Verdict(False, 0.0, "cites no passage")
        return Verdict(False, 0.0, missing_note, unknown)

    # Whitespace collapses as in the prompt, where each passage is one line: a wrapped line is not a clause break.
    s = analyse(" ".join(text.split()))
    p = analyse("\n".join(" ".join(passages[c].split()) for c in known))
    where = _ids(known)
    joined = "\n".join(passages[c] for c in known)
    faults: list[str] = []
    total = matched = 0.0

    # Negation: a word the statement shares with the passages, every mention of which has the other polarity.
    by_key: dict[str, set[bool]] = {}
    for t in p.tokens:
        by_key.setdefault(t.key, set()).update((True, False) if t.negated is None else (t.negated,))
    flipped: list[Token] = []
    own = s.tokens[: s.own]

    def polarity(t: Token) -> set[bool] | None:
        found = by_key.get(t.key)
        if found is None and len(t.key) >= 5:
            found = set().union(*(v for k, v in by_key.items() if matches(t.key, frozenset((k,)))), set())
        return found

    for i, t in enumerate(own):
        if t.word in SIDES or t.negated is None or t.word.endswith("ly"):
            continue  # an adverb ("currently") caught in a scope carries no finding
        polarities = polarity(t)
        if polarities and t.negated not in polarities and len(t.word) > 2:
            # "No wound odor" for "wound bed ...; no odor": a denied phrase is judged by its head, the last word.
            if t.negated and any(u.negated and polarity(u) == {True} for u in own[i + 1 : i + 4]):
                continue
            flipped.append(t)
    if not flipped:
        # A two-word finding keeps its own polarity: "no chest pain" is not undone by "pain 9/10" elsewhere.
        pairs: dict[tuple[str, str], set[bool]] = {}
        for a, b in pairwise(p.tokens):
            if b.negated is not None and b.at == a.at + 1:
                pairs.setdefault((a.key, b.key), set()).add(b.negated)
        for a, b in pairwise(own):
            if b.negated is None or b.at != a.at + 1 or a.word in SIDES or 0.0 in (weight(a.word), weight(b.word)):
                continue
            found = pairs.get((a.key, b.key))
            if found and b.negated not in found:
                flipped.append(Token(a.key, f"{a.word} {b.word}", b.negated, None))
                break
    if flipped:
        t = flipped[0]
        state = "present" if t.negated else "absent"
        faults.append(f"negation differs: {where} says {_short(t.word)} is {state}")

    # Opposites: the statement's word where the passages have only its opposite ("accepted" / "declined",
    # "obstructing" / "nonobstructing").
    if not flipped:
        theirs = {t.word for t in p.tokens}
        affirmed = {t.word for t in p.tokens if t.negated is False}  # "without contrast" agrees with "noncontrast"
        for t in own:
            if t.negated or t.word in theirs:
                continue
            opposite = next((o for o in _opposites(t.word) if o in affirmed), None)
            if opposite:
                faults.append(f"{where} says {_short(opposite)}, not {_short(t.word)}")
                break

    # Susceptibilities: each drug must be what the culture says it is ("ciprofloxacin R").
    for drug, said in sorted(s.susceptible):
        given = {k for d, k in p.susceptible if d == drug}
        if given and said not in given:
            faults.append(f"{where} says {_short(drug)} {_listed(sorted(given))}, not {said}")
            break

    # Lab flags: the statement calls a lab normal that the passage flags, or the opposite flag.
    flags = dict(p.labs)
    for lab in s.states_normal:
        if lab in flags:
            faults.append(f"{where} flags {lab} as {flags[lab]}, not normal")
            break
    else:
        for lab, flag in s.labs:
            if lab in flags and flags[lab] != flag:
                faults.append(f"{where} flags {lab} as {flags[lab]}, not {flag}")
                break

    # Sides: each side the statement gives must be the passages' side for the same thing. A side spelled
    # out of an acronym ("right ventricular systolic pressure" for RVSP) is the acronym's own.
    acronyms = acronym_cover(text, joined)
    for t in s.tokens[: s.own]:
        if t.side is None or t.word in SIDES or t.word in acronyms and t.side in acronyms:
            continue
        given = {q.side for q in p.tokens if q.side and matches(t.key, frozenset((q.key,)))}
        if given and not _side_ok(t.side, given):
            faults.append(f"{t.side} is not in {where} (it says {_listed(sorted(given))} {_short(t.word)})")
            break
    else:
        for side in sorted(s.sides - acronyms.keys()):
            if not _side_ok(side, set(p.sides)):
                said = f" (it says {_listed(sorted(p.sides))})" if p.sides else ""
                faults.append(f"{side} is not in {where}{said}")
                break

    term_at = len(faults)  # an invented term is named before the numbers that come with it

    # Dates and times.
    for mention in s.date_mentions:
        d, raw = mention.day, mention.raw
        if d[0] == 0:  # a day without a year: any year, or the passages' bare "3/14" ("discontinued 03/14")
            ok = any(x[1:] == d[1:] for x in p.dates) or bool(
                re.search(rf"(?<![\d/.]){d[1]:02d}/{d[2]:02d}(?![\d/])|(?<![\d/.]){d[1]}/{d[2]}(?![\d/])", joined))
        else:
            ok = d in p.dates if d[2] else (d[0], d[1]) in p.months
        total += 1
        if ok:
            matched += 1
        elif not any("date" in f for f in faults):
            faults.append(f"the date {_short(raw)} is not in {where}")
    for tm in s.times:
        total += 1
        if tm in p.times:
            matched += 1
        else:
            faults.append(f"the time {tm[0]:02d}:{tm[1]:02d} is not in {where}")

    # Numbers, doses, units, frequencies.
    units = frozenset(q.unit for q in p.quantities if q.unit)
    for q in s.quantities:
        total += 1
        problem = _check_quantity(q, p, units)
        if problem is None:
            matched += 1
            continue
        kind, said = problem
        if kind == "unit":
            faults.append(f"the unit in {_short(q.raw)} is not in {where} (it says {_short(said)})")
        else:
            what = "dose" if q.dim in ("mass", "volume", "unit") else "value" if q.unit else "number"
            faults.append(f"the {what} {_short(q.raw)} is not in {where}")
    for f in sorted(s.freqs):
        total += 1
        if frequency_ok(f, p.freqs):
            matched += 1
        else:
            said = f" (it says {_listed([frequency_name(x) for x in sorted(p.freqs)])})" if p.freqs else ""
            faults.append(f"the frequency {frequency_name(f)} is not in {where}{said}")

    # Medications: each drug's status and frequency must be what the passages give that drug.
    for fact in s.drugs:
        drug, salt, status, freq, dose, count = fact.drug, fact.salt, fact.status, fact.frequencies, fact.dose, fact.count
        if faults and faults[-1].startswith(("the frequency", f"{where} says")):
            break
        mentions = [m for m in p.drugs if m.drug == drug and (not salt or not m.salt or m.salt == salt)]
        given = {m.status for m in mentions if m.status}
        if status and given and not (_STATUS_OK.get(status, {status}) & given):
            faults.append(f"{where} says {drug} was {_listed(sorted(_STATUS_PAST[g] for g in given))}, "
                          f"not {_STATUS_PAST[status]}")
            break
        counts = {m.count for m in mentions if m.count is not None}
        if count is not None and counts and count not in counts:
            faults.append(f"{where} gives {drug} {_listed(sorted(f'{c:g} times' for c in counts))}, not {count:g}")
            break
        for f in freq:
            dosed = [m for m in mentions if m.frequencies and dose is not None and m.dose is not None and same_quantity(dose, m.dose)]
            freqs = {x for m in (dosed or mentions) for x in m.frequencies}
            if freqs and not frequency_ok(f, freqs):
                faults.append(f"the frequency {frequency_name(f)} is not in {where} for {drug} "
                              f"(it says {_listed([frequency_name(x) for x in sorted(freqs)])})")
                break

    # Terms: clinical ones must all be there; the rest weigh into the score.
    missing_hard: list[str] = []
    missing_soft: list[str] = []
    spelled = spelled_out(s.tokens[: s.own], p)
    for i, t in enumerate(s.tokens):
        if t.word in SIDES or i >= s.own and not matches(t.key, p.keys):
            continue  # what the statement implies counts only when the passages say it too
        w = weight(t.word)
        if w == 0.0:
            continue
        total += w
        said = spelled.get(i)
        if not said and t.word in acronyms:  # the polarity the passages give what it stands for
            said = {q.negated for q in p.tokens if q.word in acronyms[t.word]} or {None}
        if said and t.negated is not None and None not in said and t.negated not in said:
            faults.append(f"negation differs: {where} says {_short(t.word)} is {'present' if t.negated else 'absent'}")
            said = None
        if said or matches(t.key, p.keys):
            matched += w
        elif w >= 1.0:
            missing_hard.append(t.word)
        else:
            missing_soft.append(t.word)
    coverage = matched / total if total else 1.0
    if missing_hard:
        if coverage < 0.5 and len(missing_hard) >= 2:
            faults.insert(term_at, f"{where} does not mention {_listed(missing_hard[:3])}")
        else:
            verb = "is" if len(set(missing_hard)) == 1 else "are"
            faults.insert(term_at, f"{_listed(missing_hard[:3])} {verb} not in {where}")

    score = round(coverage * (0.5 ** len(faults)), 3)
    if faults:
        reason = faults[0] + (f"; also {missing_note}" if missing_note else "")
        return Verdict(False, score, reason[:300], unknown)
    if score < threshold:
        words = missing_soft[:3] or ["its content"]
        return Verdict(False, score, f"little of it is in {where}: {_listed(words)} {'is' if len(words) == 1 else 'are'} not",
                       unknown)
    return Verdict(True, score, f"supported by {where}, but {missing_note}" if missing_note else "", unknown)




def _opposites(word: str) -> set[str]:
    """Words that say the opposite of `word`: listed antonyms, and the word with "non"/"un" put on or taken off."""
    found = set(_OPPOSITES.get(word, ()))
    if len(word) >= 6:
        found |= {"non" + word, "un" + word}
        for prefix in ("non", "un"):
            if word.startswith(prefix) and len(word) - len(prefix) >= 5:
                found.add(word[len(prefix):])
    return found


def _side_ok(side: str, given: set[str]) -> bool:
    if side in given:
        return True
    return side == "bilateral" and {"left", "right"} <= given
