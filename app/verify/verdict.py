"""A statement's verdict, and what can be said of a statement without reading it (this module loads
no vocabulary: importing `app.verify` stays cheap)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.verify.base import MAX_REASON, Finding

MAX_CHARS = 20_000  # a statement or passage longer than this is read only this far (a summary line never is)
DEFAULT_THRESHOLD = 0.6  # below this share of its content found in its passages, a statement is unsupported


@dataclass(frozen=True, slots=True)
class Verdict:
    supported: bool
    score: float  # 0..1 support of the statement by its cited passages
    reason: str  # one plain sentence (at most MAX_REASON characters); "" or a short positive note when supported
    unknown: tuple[str, ...] = ()  # cited ids that are not in the record
    findings: tuple[Finding, ...] = ()  # what the stages beyond the rules found (see `verify_all`)
    stages: tuple[str, ...] = ("rules",)  # the stages that checked it, in order


def clip(reason: str) -> str:
    """A reason cut to MAX_REASON characters, as a Finding's is."""
    return reason if len(reason) <= MAX_REASON else reason[: MAX_REASON - 1] + "…"


_ABSENCE = re.compile(
    r"\b(?:not|never|none|nothing|no)\b[^.]*\b(?:documented|recorded|mentioned|stated|specified|available|reported|"
    r"found|noted|given|listed|provided)\b|\bnot in the record\b|\bunknown\b|\bno record of\b|\bnot documented\b",
    re.IGNORECASE,
)


def states_absence(text: str) -> bool:
    """Whether a statement says that something is not documented (it has nothing to cite)."""
    return bool(_ABSENCE.search(text[:2000]))
