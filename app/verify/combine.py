"""The one place that turns a claim's findings into its verdict: supported or not, a score, a reason.

The rules (app/verify/checks/) read the claim in order and leave their findings and the share of the
statement's content they found in the passages; the score is that share, halved for every finding.
A statement with a finding is unsupported, and its reason is the first finding's (by the checks'
rank); short of any, a score under the threshold is low support. Ids cited but not in the record
are a note on the reason, unless no cited passage is there: then nothing supports the statement.
The stages beyond the rules (context, judge, nli) add their findings after (`with_stages`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.verify.base import Finding
from app.verify.checks import RULES, CitationCheck, LowSupportCheck, Reading
from app.verify.verdict import DEFAULT_THRESHOLD, Verdict, clip

__all__ = ["DEFAULT_THRESHOLD", "judge", "with_stages"]

_CITATION = CitationCheck()
_LOW_SUPPORT = LowSupportCheck()
_RUN = tuple((check, check.needs, check.rank) for check in RULES)


def _run(r: Reading) -> tuple[list[Finding], Finding | None]:
    """Every rule's findings on a claim with cited passages, in the order the rules ran, and the one
    the reason names (the lowest rank, then the earliest)."""
    found: list[Finding] = []
    first: tuple[int, Finding] | None = None
    s = r.statement
    for check, needs, rank in _RUN:
        if needs is not None and not getattr(s, needs):
            continue  # nothing of the kind in the statement
        out = check.assess(r, found)
        if out:
            found.extend(out)
            if first is None or rank < first[0]:
                first = (rank, out[0])
    return found, first[1] if first else None


def judge(text: str, citations: Sequence[str], passages: Mapping[str, str],
          threshold: float = DEFAULT_THRESHOLD) -> Verdict:
    """The rules' verdict on one statement."""
    r = Reading(text, citations, passages)
    cite = _CITATION.assess(r, ())
    if not r.known:
        if not cite:
            return Verdict(True, 1.0, "states an absence; nothing to cite")
        return Verdict(False, 0.0, cite[0].reason, r.unknown)
    note = cite[0].reason if cite else ""
    found, first = _run(r)
    score = round(r.coverage * (0.5 ** len(found)), 3)
    if first is not None:
        return Verdict(False, score, clip(first.reason + (f"; also {note}" if note else "")), r.unknown)
    low = _LOW_SUPPORT.below(r, score, threshold)
    if low is not None:
        return Verdict(False, score, low.reason, r.unknown)
    return Verdict(True, score, clip(f"supported by {r.where}, but {note}") if note else "", r.unknown)


def with_stages(v: Verdict, findings: tuple[Finding, ...], stages: tuple[str, ...]) -> Verdict:
    """A rules verdict with the findings of the stages beyond the rules: each makes the statement
    unsupported and halves its score, as a rule's finding does."""
    if not findings:
        return Verdict(v.supported, v.score, v.reason, v.unknown, (), stages)
    reason = v.reason if not v.supported else findings[0].reason
    return Verdict(False, round(v.score * 0.5 ** len(findings), 3), reason, v.unknown, findings, stages)
