"""Lab values: the flag a text gives each lab (high or low, written or past its range or a plain
threshold), the labs it calls normal, and the findings a flag or a phrase implies ("hyponatremia")."""

from __future__ import annotations

import re

from app.verify import vocab
from app.verify.quantities import Quantity, raw_numbers

_V = vocab.current()
_LAB_TERMS, _LAB_RE, _EXTRA_TERMS = _V.lab_terms, _V.lab_re, _V.extra_terms
# "normal" before another lab is that lab's: "a total bilirubin of 3.8 and a normal INR".
_OF_NEXT = r"(?!\s+(?:" + "|".join(re.escape(k) for k in sorted(_LAB_TERMS, key=len, reverse=True)) + r")\b)"

# What a passage says implies these words: "upper lobe" is in the lung; "blood cultures grew" is bacteremia.
_IMPLIES = [
    (re.compile(r"\blobe\b"), ("lung",)), (re.compile(r"\burinalysis\b"), ("urine",)),
    (re.compile(r"\bblood cultures?\b[^.;]{0,60}\b(?:grew|growing|positive|gram-(?:negative|positive)|gram (?:negative|positive))\b"),
     ("bacteremia",)),
    (re.compile(r"\w(?:ectomy|plasty|otomy|ostomy|emulsification|reduction|fixation|repair)\b"), ("surgery", "procedure")),
]


def read_labs(text: str, quantities: list[Quantity]) -> tuple[list[tuple[str, str]], set[str], list[str]]:
    """(lab, "high"/"low") flags, the labs called normal, and the words the flags and phrases imply."""
    labs: list[tuple[str, str]] = []
    normal: set[str] = set()
    derived: list[str] = []
    for m in _LAB_RE.finditer(raw_numbers(text, quantities)):
        lab, rest = m.group(1), m.group("rest")
        low_term, high_term, low_at, high_at = _LAB_TERMS[lab]
        v = float(m.group("v"))
        flag = "high" if re.match(r"[^a-z]{0,30}\b(?:high|elevated)\b", rest) else (
            "low" if re.match(r"[^a-z]{0,30}\blow\b", rest) else None)
        in_range = re.match(r"[^a-z]{0,4}\(?\s*(?:[a-z]+\s*)?[:=]?\s*(\d+(?:\.\d+)?)\s?-\s?(\d+(?:\.\d+)?)", rest) or \
            re.search(r"\((?:goal|ref|target)\s*(\d+(?:\.\d+)?)\s?-\s?(\d+(?:\.\d+)?)", rest)
        if flag is None and in_range:
            lo, hi = float(in_range.group(1)), float(in_range.group(2))
            flag = "low" if v < lo else "high" if v > hi else None
        if flag is None and low_at is not None and v < low_at:
            flag = "low"
        if flag is None and high_at is not None and v > high_at:
            flag = "high"
        if re.match(rf"[^.;]{{0,20}}\b(?:normal|within normal limits|wnl|unremarkable)\b{_OF_NEXT}", rest):
            normal.add(lab)
        if flag:
            labs.append((lab, flag))
            term = low_term if flag == "low" else high_term
            if term:
                derived += [term, *_EXTRA_TERMS.get(term, ())]
    if re.search(r"\b(?:within normal limits|wnl|normal|unremarkable)\b", text):
        for lab in _LAB_TERMS:
            if re.search(rf"\b{re.escape(lab)}\b[^.;]{{0,25}}\b(?:within normal limits|wnl|normal|unremarkable)\b{_OF_NEXT}",
                         text) or \
               re.search(rf"\b(?:normal|unremarkable)\s+{re.escape(lab)}\b", text):
                normal.add(lab)
    for pattern, words in _IMPLIES:
        if pattern.search(text):
            derived += words
    return labs, normal, derived
