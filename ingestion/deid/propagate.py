"""Propagation across a patient's record: PHI found once is masked at every occurrence.

A name found anywhere (by cue or gazetteer) is masked wherever its words recur in any of the
patient's documents, whatever the case, with a possessive or an initial before it; record
numbers, phones and other identifiers are masked wherever their digits recur.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingestion.deid import lexicon
from ingestion.deid.analyzer import merge
from ingestion.deid.entities import Phi
from ingestion.models import Page, PhiSpan

_WORD = re.compile(r"(?<![\w'’-])(?:[A-Z]\.\s*)?([A-Za-z][a-z'’A-Z-]*[A-Za-z])(?:['’]s)?(?![\w-])")
_NAME_PART = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_VALUE_KINDS = {Phi.MRN, Phi.ID, Phi.SSN, Phi.PHONE, Phi.EMAIL}
# A name word that is also a common English word or a clinical term recurs as a name only
# when capitalized ("Dr. Allen" found once masks "ALLEN" and "Allen's", not "allen test").
_COMMON_WORD_ZIPF = 4.5


def propagate(pages: Iterable[Page]) -> None:
    """Extend every page's `phi` with the recurrences of what any page's `phi` found."""
    pages = list(pages)
    names: dict[str, bool] = {}  # name word (lower case) → matched in any case?
    values: dict[str, str] = {}  # identifier value → its kind
    never = lexicon.structure_words()  # "Triage", "Cardiology": never a name's word
    common = lexicon.note_words() | lexicon.clinical_terms()  # "Brown", "Allen": names only when capitalized
    for page in pages:
        for span in page.phi:
            value = page.text[span.start : span.end]
            if span.entity_type == Phi.PERSON:
                for part in _NAME_PART.findall(value):
                    word = part.lower().removesuffix("'s").removesuffix("’s")
                    if len(word) > 1 and word not in never:
                        names[word] = word not in common and lexicon.word_frequency(word) < _COMMON_WORD_ZIPF
            elif span.entity_type in _VALUE_KINDS and sum(c.isalnum() for c in value) >= 5:
                values.setdefault(value, span.entity_type)
    value_pattern = _value_pattern(list(values))
    kinds = {_digits(v): k for v, k in values.items()}
    for page in pages:
        found = [_name_span(page.text, m) for m in _WORD.finditer(page.text) if _is_name(m.group(1), names)]
        if value_pattern is not None:
            found += [PhiSpan(m.start(), m.end(), kinds.get(_digits(m.group()), Phi.ID), 0.8) for m in value_pattern.finditer(page.text)]
        if found:
            page.phi = merge(page.phi + found)


def _is_name(word: str, names: dict[str, bool]) -> bool:
    if len(word) <= 2 and word.isupper():
        return False  # "MI", "OH": state codes beside a name's "Mi", "Oh"
    any_case = names.get(word.lower().removesuffix("'s").removesuffix("’s"))
    if any_case is None:
        return False
    return any_case or word[0].isupper()


def _name_span(text: str, match: re.Match[str]) -> PhiSpan:
    return PhiSpan(match.start(), match.end(), Phi.PERSON, 0.8)


def _digits(value: str) -> str:
    return "".join(c for c in value.lower() if c.isalnum() or c in "@.")


def _value_pattern(values: list[str]) -> re.Pattern[str] | None:
    """One regex for every identifier value, tolerant of the separators between its characters."""
    if not values:
        return None
    alternatives = []
    for value in sorted(values, key=len, reverse=True):
        chars = [re.escape(c) for c in value if c.isalnum() or c in "@."]
        alternatives.append(r"[\s().-]*".join(chars))
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)
