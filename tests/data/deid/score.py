"""Scoring of de-identification: gold and predicted PHI spans, span-level recall and precision per
report group, and which spans of the external presidio-research set are Safe Harbor PHI.

`benchmarks/deid_eval.py` prints the figures; `tests/test_deid_eval.py` checks the metrics on tiny
examples. Both import this, so the test needs nothing from benchmarks/.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby

import pycountry

from ingestion.deid.entities import GROUPS

GROUP_OF = {str(kind): group for group, kinds in GROUPS.items() for kind in kinds}
# The external set's labels that are Safe Harbor PHI, by report group.
EXTERNAL_GROUPS = {
    "PERSON": "names", "STREET_ADDRESS": "addresses", "GPE": "addresses", "ZIP_CODE": "addresses",
    "DATE_TIME": "dates", "AGE": "ages", "PHONE_NUMBER": "phones", "EMAIL_ADDRESS": "contact",
    "IP_ADDRESS": "contact", "US_SSN": "ids", "ORGANIZATION": "facilities",
}  # fmt: skip
# A date more specific than a year: a numeric day/month form or a month name. Bare years,
# weekdays and times alone are not PHI under Safe Harbor.
_DATE_ELEMENT = re.compile(
    r"\d{1,4}[-/.]\d{1,2}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)
# Countries (ISO 3166 names and codes) and first-level subdivisions such as US states, plus the
# set's stray "nan" (a missing value printed into the text): GPE values that are not PHI.
_STATES_AND_COUNTRIES = frozenset(
    name.lower()
    for entry in [*pycountry.countries, *(s for s in pycountry.subdivisions if not s.parent_code)]
    for name in (getattr(entry, "name", ""), getattr(entry, "common_name", ""), getattr(entry, "official_name", ""),
                 getattr(entry, "alpha_2", ""), getattr(entry, "alpha_3", ""), getattr(entry, "code", "").split("-")[-1])
    if name
) | {"nan", "usa", "us", "uk", "united states", "america", "the united states"}
_JOINED = re.compile(r"»(\s+)«")  # unmasked runs apart only by spaces are shown as one
_FACILITY_WORD = re.compile(
    r"\b(hospital|clinic|medical|health|care|center|centre|nursing|rehab\w*|pharmacy|hospice|infirmary)\b",
    re.IGNORECASE,
)
# Why an external label of a PHI type is out of scope.
OUT_OF_SCOPE = {"DATE_TIME": "no day or month", "AGE": "89 or under", "ORGANIZATION": "no facility word"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    group: str | None  # None: a gold span that is out of scope
    kind: str  # the label or detector type it came with


@dataclass(frozen=True)
class Doc:
    text: str
    gold: tuple[Span, ...]  # in-scope PHI
    ignored: tuple[Span, ...] = ()  # out-of-scope gold: predictions on it count neither way


@dataclass
class Tally:
    n: int = 0
    found: int = 0
    confused: int = 0  # found, but by no prediction of the gold's group
    predicted: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("n", "found", "confused", "predicted", "correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float | None:
        return self.found / self.n if self.n else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None


# --- metrics ------------------------------------------------------------------------------------


def solid(text: str, start: int, end: int) -> set[int]:
    """Positions of the non-space characters in text[start:end]."""
    return {i for i in range(start, end) if not text[i].isspace()}


def evaluate(docs: Sequence[Doc], predictions: Sequence[Sequence[Span]]) -> dict[str, Tally]:
    """Recall and precision per group, plus "overall"."""
    tallies = {group: Tally() for group in GROUPS}
    for doc, preds in zip(docs, predictions, strict=True):
        masked = set().union(*(range(p.start, p.end) for p in preds))
        phi = set().union(*(solid(doc.text, g.start, g.end) for g in doc.gold))
        ignored = set().union(*(solid(doc.text, s.start, s.end) for s in doc.ignored))
        for g in doc.gold:
            tally, chars = tallies[g.group], solid(doc.text, g.start, g.end)
            tally.n += 1
            if chars <= masked:
                tally.found += 1
                tally.confused += not any(
                    p.group == g.group for p in preds if p.start < g.end and g.start < p.end
                )
            else:
                tally.misses.append(_marked(doc.text, g, masked))
        for p in preds:
            chars = solid(doc.text, p.start, p.end)
            if chars & ignored and not chars & phi:
                continue
            counted = chars - ignored
            tally = tallies[p.group]
            tally.predicted += 1
            if counted and 2 * len(counted & phi) >= len(counted):
                tally.correct += 1
            else:
                tally.false_positives.append(f"{p.kind}: {doc.text[p.start : p.end]!r}")
    overall = Tally()
    for tally in tallies.values():
        overall.add(tally)
    return {**tallies, "overall": overall}


def _marked(text: str, gold: Span, masked: set[int]) -> str:
    """The gold value with the characters left unmasked in «»."""
    value = text[gold.start : gold.end]
    unmasked = [not c.isspace() and gold.start + i not in masked for i, c in enumerate(value)]
    pieces, i = [], 0
    for flag, run in groupby(unmasked):
        n = len(list(run))
        pieces.append(f"«{value[i : i + n]}»" if flag else value[i : i + n])
        i += n
    shown = _JOINED.sub(r"\1", "".join(pieces))
    return f"{gold.kind}: {shown!r}"


def in_scope(kind: str, value: str) -> bool:
    """Whether an external gold span is Safe Harbor PHI."""
    if kind not in EXTERNAL_GROUPS:
        return False
    if kind == "DATE_TIME":
        return bool(_DATE_ELEMENT.search(value))
    if kind == "AGE":  # the set writes ages as numerals
        number = re.search(r"\d+", value)
        return bool(number) and int(number.group()) > 89
    if kind == "ORGANIZATION":
        return bool(_FACILITY_WORD.search(value))
    if kind == "GPE":  # Safe Harbor keeps states and countries; towns and counties are PHI
        return value.strip().lower() not in _STATES_AND_COUNTRIES
    return True


def external_doc(item: dict) -> Doc:
    gold, ignored = [], []
    for s in item["spans"]:
        kind, value = s["entity_type"], s["entity_value"]
        keep = in_scope(kind, value)
        (gold if keep else ignored).append(
            Span(s["start_position"], s["end_position"], EXTERNAL_GROUPS[kind] if keep else None, kind)
        )
    return Doc(item["full_text"], tuple(gold), tuple(ignored))
