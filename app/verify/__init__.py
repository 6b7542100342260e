"""Citation verifier: does each summary statement say only what its cited passages support?

A layered package:
- `vocab`: the vocabularies (synonyms, units, frequencies, negation cues, drugs, labs...), data files
  under `app/verify/data/` read and validated by one loader, which compiles the patterns built from them.
- `facts`: a statement and its cited passages (joined) read into typed facts the same way: quantities
  in base units, dates and times, dosing frequencies, medications with status, dose and frequency,
  words with a NegEx-style polarity and the side they sit under, lab flags.
- `checks`: one small class per fault kind (number, unit, frequency, date, time, negation, opposite,
  side, lab flag, susceptibility, medication, invented term, low support, citation), each a `Check`
  (`base.py`) returning typed findings.
- `combine`: the one place that turns a claim's findings into its verdict, score and reason.
- `stages`, `judge`, `nli`: the stages beyond the rules, behind the same `Check` protocol.

A statement is unsupported when something it states is contradicted or absent, or, short of that,
when too little of its content is in its passages (`threshold`). Generic wording ("patient", "was
started", "showed") never counts against a paraphrase. Everything is regex and set look-ups, cached
per text: thousands of statements a second. The vocabularies load on the first verdict, not on import.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.verify.base import Check, Claim, Finding
from app.verify.verdict import DEFAULT_THRESHOLD, MAX_CHARS, Verdict, states_absence

__all__ = ["DEFAULT_THRESHOLD", "MAX_CHARS", "Verdict", "clear_caches", "states_absence", "verify", "verify_all"]


_judge = None  # app.verify.combine.judge, once a first verdict has loaded it


def verify(
    text: str, citations: Sequence[str], passages: Mapping[str, str], threshold: float = DEFAULT_THRESHOLD
) -> Verdict:
    """How far the cited passages support the statement; never raises on odd input."""
    global _judge
    try:
        if _judge is None:  # the rules and their vocabularies load on the first verdict
            from app.verify.combine import judge as _judge
        return _judge(text if isinstance(text, str) else str(text), citations, passages, threshold)
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
    from app.verify.combine import with_stages

    claims = [Claim(str(text), tuple(dict.fromkeys(str(c).strip().strip("[]") for c in (cites or ()) if str(c).strip())),
                    passages) for text, cites in statements]
    found: list[list[Finding]] = [[] for _ in claims]
    for check in checks:
        for mine, theirs in zip(found, check.findings(claims), strict=True):
            mine.extend(theirs)
    names = ("rules", *(c.name for c in checks))
    return [with_stages(v, tuple(f), names) for v, f in zip(verdicts, found, strict=True)]


def clear_caches() -> None:
    """Empty the verifier's caches of analysed texts and words (a benchmark's cold run starts from here)."""
    from app.verify.acronyms import acronym_cover, run_initials
    from app.verify.facts import analyse
    from app.verify.words import root, roots, weight

    for cached in (analyse, weight, acronym_cover, root, roots, run_initials):
        cached.cache_clear()
