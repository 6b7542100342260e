"""Medications: what each mention of a drug says of it (status, frequencies, dose, count of doses),
read within its clause, and a culture's susceptibilities ("ciprofloxacin R")."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.verify import vocab
from app.verify.quantities import Quantity
from app.verify.words import is_drug, stem, zipf_frequency

_V = vocab.current()
_STATUS_OF, _HEADINGS, _COUNTS, _STOP = _V.status_of, _V.headings, _V.counts, _V.stop
_NOT_DRUGS, _TREATMENTS, _SALTS, _DRUG_SKIP = _V.not_drugs, _V.treatments, _V.salts, _V.drug_skip
_PLAN_WORDS, _NEGATORS = _V.plan_words, _V.negators


@dataclass(frozen=True, slots=True)
class DrugFact:
    """What one mention of a drug (or another treatment a status can be given to) says of it."""

    drug: str
    salt: str  # "succinate", "xl"... or ""
    status: str | None  # "start", "stop", "hold", "give", "continue", "resume", "increase", "decrease"
    frequencies: tuple[str, ...]  # frequency kinds ("fq_bid")
    dose: Quantity | None
    count: float | None  # how many doses ("given twice", "x3")


def drug_facts(text: str, quantities: Sequence[Quantity]) -> tuple[DrugFact, ...]:
    """A fact for each mention of a drug, read within its clause."""
    words: list[tuple[str, int]] = []  # (word or punctuation, quantity index for qt_qty)
    q = 0
    for w in re.findall(r"[a-z][a-z0-9_'/-]*|->|[.;:!?\n(),+]", text):
        if w.startswith("qt_qty"):
            words.append((w, q))
            q += 1
        else:
            words.append((w, -1))
    n = len(words)
    heading: list[str | None] = [None] * n
    current: str | None = None
    for i, (w, _) in enumerate(words):
        labels = i + 1 < n and words[i + 1][0] == ":"
        if labels or w in ".\n":
            current = _HEADINGS.get(w) if labels else None
        heading[i] = current
    # A drug, or another treatment a status can be given to ("phototherapy", "telemetry"); a rare word
    # right before a dose or a status is a drug too ("darbepoetin increased", "calcitriol 0.25 mcg").
    treated = [is_drug(w) or w in _TREATMENTS for w, _ in words]
    for i, (w, _) in enumerate(words):
        if not treated[i] and len(w) > 5 and w.isalpha() and w not in _NOT_DRUGS and zipf_frequency(w) < 2.8:
            nxt = next((t for t, _ in words[i + 1 : i + 4] if t not in _SALTS and t not in _DRUG_SKIP), "")
            treated[i] = nxt in _STATUS_OF or nxt.startswith("qt_qty")
    facts = []
    for i, (w, _) in enumerate(words):
        if not treated[i]:
            continue
        salt = words[i + 1][0] if i + 1 < n and (words[i + 1][0] in _SALTS or w == "insulin") else ""
        freq: list[str] = []
        dose = status = count = None
        ahead = crossed = 0
        linked = False
        for j in range(i + 1, min(n, i + 18)):
            t, qi = words[j]
            if t in ".;:!?\n" or t == "+" and (freq or dose is not None):
                break  # "MTX 15 mg weekly + folic acid 1 mg daily": after its dose, "+" adds another agent
            if treated[j]:  # another drug, or this one named again, is a mention of its own
                if t != w and status is None and ahead == 0 and not freq and dose is None:
                    crossed = 0
                    continue  # "aspirin and clopidogrel were held"
                break
            if t in ("and", "or", ","):
                crossed = 1  # "stopping X and starting Y": the next verb is Y's
                continue
            if count is None and (t in _COUNTS or t == "x" and j + 1 < n and words[j + 1][0].startswith("qt_qty")):
                # "100 mcg IV x3", "given twice": how many doses
                q_next = words[j + 1][1] if t == "x" else -1
                if t in _COUNTS:
                    count = _COUNTS[t]
                elif 0 <= q_next < len(quantities) and quantities[q_next].unit is None:
                    count = quantities[q_next].value
                continue
            if t in ("->", "to") and dose is not None:
                linked = True  # "furosemide 20 mg daily -> 40 mg daily": a change of dose, and its direction
                continue
            if linked and t.startswith("qt_qty") and 0 <= qi < len(quantities) and dose is not None:
                new = quantities[qi]
                if status is None and new.dim == dose.dim and new.base is not None and dose.base is not None \
                        and not math.isclose(new.base, dose.base):
                    status = "increase" if new.base > dose.base else "decrease"
                linked = False
                continue
            if t.startswith("qt_qty") and dose is not None and freq and 0 <= qi < len(quantities) \
                    and quantities[qi].dim in ("mass", "volume", "unit") and words[j - 1][0] not in ("except", "then"):
                break  # a second dose after a dose and a frequency is another agent's ("... with folic acid 1 mg a day")
            if t.startswith("qt_qty") and dose is None and 0 <= qi < len(quantities):
                if quantities[qi].dim in ("mass", "volume", "unit") or "/" in (quantities[qi].unit or ""):
                    dose = quantities[qi]
            elif t.startswith("fq_"):
                freq.append(t)
            elif t in _STATUS_OF and crossed:
                ahead = 3
            elif t in _STATUS_OF and status is None and ahead <= 2:
                status = None if _negated_at(words, j) else _STATUS_OF[t]
                ahead = 3
            elif t in _DRUG_SKIP or t in _STOP or t in _SALTS or t in "(),+" or t.startswith(("qt_", "fq_")):
                continue
            else:
                ahead += 1  # a status word counts after the drug, its dose and a word or two ("PRN insomnia")
        if status is None:
            for j in range(i - 1, max(-1, i - 12), -1):
                t = words[j][0]
                if t in ".;:!?\n":
                    break
                if t in _STATUS_OF:
                    status = None if _negated_at(words, j) else _STATUS_OF[t]
                    break
                if treated[j] or t in _DRUG_SKIP or t in _STOP or t in "(),+" or t.startswith(("qt_", "fq_")):
                    continue
                if t in _PLAN_WORDS:
                    continue
                break
        if status is None:
            status = heading[i]
        facts.append(DrugFact(w, salt, status, tuple(freq), dose, count))
    return tuple(facts)


def _negated_at(words: list[tuple[str, int]], j: int) -> bool:
    return any(words[k][0] in _NEGATORS for k in range(max(0, j - 3), j))


_SUSCEPTIBLE_TO = re.compile(r"\b(resistant|sensitive) to ((?:[a-z][\w/-]*(?:,\s|\sand\s|\sor\s|,\sand\s)?){1,6})")
_DRUG_SUSCEPTIBLE = re.compile(r"\b([a-z][\w/-]{3,})[\s-](resistant|sensitive)\b")


def susceptibilities(text: str) -> frozenset[tuple[str, str]]:
    """(drug, "resistant" or "sensitive") from a culture's susceptibilities: "R to ampicillin and
    TMP-SMX", "ciprofloxacin R", "penicillin-sensitive"."""
    found = {(stem(m.group(1)), m.group(2)) for m in _DRUG_SUSCEPTIBLE.finditer(text)
             if m.group(1) not in _STOP and m.group(1) not in ("resistant", "sensitive")}
    for m in _SUSCEPTIBLE_TO.finditer(text):
        for word in re.findall(r"[a-z][\w/-]*", m.group(2)):
            if word not in _STOP:
                found.add((stem(word), m.group(1)))
    return frozenset(found)

