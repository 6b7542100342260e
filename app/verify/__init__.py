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
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise

from app.verify import vocab
from app.verify.base import Check, Claim, Finding

DEFAULT_THRESHOLD = 0.6
MAX_CHARS = 20_000  # a statement or passage longer than this is read only this far (a summary line never is)


@dataclass(frozen=True, slots=True)
class Verdict:
    supported: bool
    score: float  # 0..1 support of the statement by its cited passages
    reason: str  # one plain sentence; "" or a short positive note when supported
    unknown: tuple[str, ...] = ()  # cited ids that are not in the record
    findings: tuple[Finding, ...] = ()  # what the stages beyond the rules found (see `verify_all`)
    stages: tuple[str, ...] = ("rules",)  # the stages that checked it, in order


# --- vocabulary: the data files under app/verify/data/, read by app.verify.vocab ------------------------

_V = vocab.current()
_SYN_RE, _SYN = _V.syn_re, _V.synonyms
_ANATOMY, _ELECTROLYTES, _ELECTRO_LIST = _V.anatomy, _V.electrolytes, _V.electro_list
_FREQ_RE, _FREQ_OK, _FREQ_NAMES, _COUNTS, _ONCE = _V.freq_re, _V.freq_ok, _V.freq_names, _V.counts, _V.once
_NUMBER_WORDS, _NUMWORD_RE, _UNITS, _QTY, _PER_UL_RE = _V.number_words, _V.numword_re, _V.units, _V.qty_re, _V.per_ul_re
_PER_CANON, _RATE_HEAD, _RATE_PER, _MONTHS = _V.per_canon, _V.rate_head, _V.rate_per, _V.months
_CUES, _TERMINATORS, _DETERMINERS, _COPULAS, _BACK_STOP = _V.cues, _V.terminators, _V.determiners, _V.copulas, _V.back_stop
_WINDOW, _BACK_WINDOW, _NEW_FINDING, _PREPOSITIONS = _V.window, _V.back_window, _V.new_finding, _V.prepositions
_SYMPTOMS_ING, _STUDIES, _STOP, _GENERIC, _CLINICAL = _V.symptoms_ing, _V.studies, _V.stop, _V.generic, _V.clinical
_DRUG, _MORPHOLOGY, _NOT_TERMS, _SUFFIXES, _IRREGULAR = _V.drug_re, _V.morphology_re, _V.not_terms, _V.suffixes, _V.irregular
_LAB_TERMS, _LAB_RE, _EXTRA_TERMS, _ROMAN = _V.lab_terms, _V.lab_re, _V.extra_terms, _V.roman
_STATUS_OF, _STATUS_PAST, _STATUS_OK, _HEADINGS = _V.status_of, _V.status_past, _V.status_ok, _V.headings
_DRUG_NAMES, _NOT_DRUGS, _TREATMENTS, _SALTS, _DRUG_SKIP = _V.drug_names, _V.not_drugs, _V.treatments, _V.salts, _V.drug_skip
_LINKS, _NOT_SPELLED, _ENDINGS, _OPPOSITES = _V.links, _V.not_spelled, _V.endings, _V.opposites

_CASED = [
    # Susceptibilities: "ciprofloxacin R;", "R to ampicillin", "PCN-S".
    (re.compile(r"(?<=[A-Za-z]{4})\s*:?\s+R\b(?=\s*[;,.)]|\s*$)|(?<=[A-Za-z]{2})-R\b|\bR(?= to [a-z])"), " resistant"),
    (re.compile(r"(?<=[A-Za-z]{4})\s*:?\s+S\b(?=\s*[;,.)]|\s*$)|(?<=[A-Za-z]{2})-S\b|\bS(?= to [a-z])"), " sensitive"),
    # A list of electrolyte abbreviations ("Monitor K, Mg, Phos"): each is one.
    (_ELECTRO_LIST, lambda m: re.sub(r"\b(?:K|Na|Mg|Ca|Phos|Cl|PO4)\b", lambda e: _ELECTROLYTES[e.group(0)], m.group(0))),
    # Lab flags in parentheses: "K 5.8 mmol/L (H)", "Plt 98 K/uL (L)".
    (re.compile(r"\((?:H|HH|High|HIGH)\)"), " high "), (re.compile(r"\((?:L|LL|Low|LOW)\)"), " low "),
    # Sides before an anatomical word: "R hand", "(L antecubital)", "b/l LE".
    (re.compile(r"\b(?:b/l|B/L|bilat|Bilat)\s+(?=LEs?\b|UEs?\b)"), "bilateral "),
    (re.compile(r"\bLEs?\b(?=\s*(?:edema|swelling|weakness|pulses)\b)|(?<=\bleft )LE\b|(?<=\bright )LE\b|(?<=bilateral )LEs?\b"),
     "lower extremities"),
    (re.compile(r"\bUEs?\b(?=\s*(?:edema|swelling|weakness|pulses)\b)|(?<=bilateral )UEs?\b"), "upper extremities"),
    (re.compile(rf"(?<![\w/.-])(?<!\d )R\.?(?=\s+{_ANATOMY}\b)", re.IGNORECASE), "right"),
    (re.compile(rf"(?<![\w/.-])(?<!\d )L\.?(?=\s+{_ANATOMY}\b)", re.IGNORECASE), "left"),
    (re.compile(r"\bVA\b(?=\s*[:=]|\s+(?:OD|OS|OU)\b|\s+(?:was|is|of)\b)"), "visual acuity"),
    (re.compile(r"\bK\b(?=\s*[:=]?\s*[<>]?\d)"), "potassium"),
    (re.compile(r"\bNa\b(?=\s*[:=]?\s*[<>]?\d)"), "sodium"),
    (re.compile(r"\bMg\b(?=\s*[:=]?\s*[<>]?\d)"), "magnesium"),
    (re.compile(r"\bCa\b(?=\s*[:=]?\s*[<>]?\d)"), "calcium"),
    (re.compile(r"\bOD\b"), "right eye"), (re.compile(r"\bOS\b"), "left eye"), (re.compile(r"\bOU\b"), "bilateral eyes"),
    (re.compile(r"\bID\b(?!_)"), "infectious disease"), (re.compile(r"\bUS\b"), "ultrasound"),
    (re.compile(r"\bMR\b"), "mitral regurgitation"), (re.compile(r"\bPT\b(?!\s*/)"), "physical therapy"),
    (re.compile(r"\bTMs?\b"), "tympanic membrane"), (re.compile(r"\bOT\b"), "occupational therapy"), (re.compile(r"\bSI\b"), "suicidal ideation"),
    (re.compile(r"\bHI\b"), "homicidal ideation"), (re.compile(r"\bLE\b"), "leukocyte esterase"),
    (re.compile(r"\bER\b(?=\s+(?:visit|at|in|for|with|on)\b)"), "emergency department"), (re.compile(r"\bPE\b"), "pulmonary embolus"),
    # Lab flags: "5.8 (3.5-5.1) H", "128 mmol/L L".
    (re.compile(r"(?<=[\d)%])(?<!\(\d\))(?<!\(\d\d\))\s*\bH\b(?![\w/])|(?<=\s)H\b(?=\s*[;,.]|\s*$)"), " high"),
    (re.compile(r"(?<=[)%])(?<!\(\d\))(?<!\(\d\d\))\s*\bL\b(?![\w/])|(?<=[a-zA-Z]/L)\s+L\b(?![\w/])|(?<=mg/dL)\s+L\b|(?<=\s)L\b(?=\s*[;,.]|\s*$)"), " low"),
    # "L knee", "R TKA": a lone capital L/R before a word, not after a number (2 L nasal cannula).
    (re.compile(r"(?<![\d\w/.(-])(?<!\d )\bL\b(?=\s+[A-Za-z])"), "left"),
    (re.compile(r"(?<![\d\w/.(-])(?<!\d )\bR\b(?=\s+[A-Za-z])"), "right"),
]  # fmt: skip
_SURROGATE = re.compile(r"\[([A-Z][A-Z_]*_\d+)\]")

_FREQ_N = re.compile(r"\b(?:q\s?(\d{1,2})\s?(?:h|hr|hrs|hours?)|every (\d{1,2}) (?:h|hr|hrs|hours?))\b")
# "3x/wk", "three times weekly", "twice a month", "TIW": so many times a week or a month.
_FREQ_PER = re.compile(r"\b(?:(\d{1,2})\s?(?:x|times)\s?(?:/|a|per|each|every)?\s?|(once|twice|thrice)\s(?:a\s|per\s|each\s)?)"
                       r"(week|wk|month|mo)(?:ly|s)?\b|\b(biw|tiw)\b")
# "q3 days", "q4wk", "every 3 weeks": an interval in days or weeks, in days.
_FREQ_DAYS = re.compile(r"\b(?:q\s?|every\s)(\d{1,2})\s?(d|days?|wk|wks|weeks?)\b")

# "117 grams per day", "8 mg per hour": a rate, written the way a unit is ("117 g/day"), before frequencies are read.
_RATE = re.compile(r"\b(micrograms?|milligrams?|grams?|kilograms?|milliliters?|units?|mcg|mg|g|ml|meq|mmol|kcal)"
                   r" per (day|hour|hours|hr|minute|minutes|min|kilogram|kg|dose)\b")
_RANGE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(?:-|–|to)\s?(\d+(?:\.\d+)?)(?!\w|\.\d)")
_PAREN = re.compile(r"\(([^()]{0,80})\)")
_REF_PAREN = re.compile(r"^\s*(?:ref(?:erence)?(?: range)?|normal|nl|goal|target)?\s*[:=]?\s*(?:[<>≤≥]|\d[\d.,]*\s?(?:-|–|to)\s?\d)")
_REF_CUE = re.compile(r"\b(?:ref(?:erence)?(?: range)?|normal range|goal|target)\s*[:=]?\s*[<>≤≥]?\s*\d[\d.,]*(?:\s?(?:-|–|to)\s?\d[\d.,]*)?")

_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATES = [
    re.compile(r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d/-])"),
    re.compile(r"(?<![\d/.-])(?P<m>\d{1,2})[/.-](?P<d>\d{1,2})[/.-](?P<y>\d{4}|\d{2})(?![\d/-])"),
    re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[\s-]+(?:of\s+)?{_MON}[\s,-]+(?P<y>\d{{4}})\b"),
    re.compile(rf"\b{_MON}\s+(?:of\s+)?(?P<y>\d{{4}})\b"),  # month and year
    # Month and day without a year ("2.9 on February 13"): matches that day in any year.
    re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![.:]\d)(?!\s*(?:mg|mcg|g|ml|units?|%|tabs?|tablets?)\b)"),
    # Month/day without a year, where only a date can be meant: a range ("admitted 9/1-9/6") or after
    # a word that introduces a date ("started 5/3"); a lone "5/10" may be a score or a ratio.
    re.compile(r"(?<![\d/.-])(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=\s?(?:-|to|through)\s?\d{1,2}/\d{1,2}(?![\d/]))"),
    re.compile(r"(?<=dt_date)(?P<sep>\s?(?:-|to|through)\s?)(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])"),
    re.compile(r"\b(?P<cue>on|since|from|until|through|dated|admitted|discharged|started|stopped|placed|removed)"
               r"\s+(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/.])"),
]
_TIME = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?:\s?(am|pm|a\.m\.|p\.m\.))?(?![\d:])")

_NON = re.compile(r"\bnon[- ](?=[a-z])")
_PLACEHOLDERS = ("qt_", "dt_", "tm_", "fq_")

_SIDES = {"left": "left", "right": "right", "bilateral": "bilateral"}
_BOTH = re.compile(r"\bboth\s+(?=(?:lower|upper|eyes|ears|lungs|kidneys|legs|arms|knees|hips|feet|hands|breasts|sides|lower extremities)\b)")
_LEFT_RIGHT = re.compile(r"\b(?:left and right|right and left)\b")

_WORD = re.compile(r"[a-z][a-z0-9_]*|[.;:!?()]|,")
# What a passage says implies these words: "upper lobe" is in the lung; "blood cultures grew" is bacteremia.
_IMPLIES = [
    (re.compile(r"\blobe\b"), ("lung",)), (re.compile(r"\burinalysis\b"), ("urine",)),
    (re.compile(r"\bblood cultures?\b[^.;]{0,60}\b(?:grew|growing|positive|gram-(?:negative|positive)|gram (?:negative|positive))\b"),
     ("bacteremia",)),
    (re.compile(r"\w(?:ectomy|plasty|otomy|ostomy|emulsification|reduction|fixation|repair)\b"), ("surgery", "procedure")),
]


_DIMS = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s?x\s?\d+(?:\.\d+)?(?:\s?x\s?\d+(?:\.\d+)?)?\s?(?P<u>mm|cm)\b")
_NONE_HEADING = re.compile(r"\b((?:[a-z][\w-]*\s){0,2}[a-z][\w-]*):\s*none\b(?!\s+(?:of|on|to)\b)")
_TEMP = re.compile(r"\b(?:t|temp|temperature|tmax|t max|t-max|fever to|febrile to|fever of)\s*[:=]?\s*(?:of\s+)?"
                   r"(\d{2,3}(?:\.\d)?)\s*(?:°\s*)?(c|f|degrees)?\b")


# A classification and its grade are one claim: "stage 3", "BI-RADS 5", "Garden IV" ("Garden III" is not supported).
_GRADED = re.compile(r"\b(stage|grade|bi-?rads|garden|nyha class|gleason|gold|timi|tici|mallampati|kl grade|asa|gartland|"
                     r"class|killip|forrest|salter-harris|fisher|hunt-hess|child-pugh class|clavien-dindo)"
                     r"\s*:?\s*(\d{1,2}[a-c]?|iv|v?i{1,3}|v)\b(?![.,]?\d)")


def _graded(m: re.Match[str]) -> str:
    label = re.sub(r"[\s-]", "", m.group(1))
    return f" {label}_{_ROMAN.get(m.group(2), m.group(2))} "


def _is_fever(m: re.Match[str]) -> bool:
    """T 38.6 C, Tmax 101.2 F: a temperature of at least 38 C (100.4 F) is a fever."""
    v, unit = float(m.group(1)), m.group(2)
    if unit == "f" or (unit != "c" and v > 50):
        return 100.4 <= v < 115
    return 38.0 <= v < 45




def _is_drug(word: str) -> bool:
    if word in _DRUG_NAMES:
        return True
    return len(word) > 5 and word not in _NOT_DRUGS and bool(_DRUG.search(word)) and _zipf(word) < 3.3




def _drug_facts(text: str, quantities: Sequence[_Qty]) -> tuple[_DrugFact, ...]:
    """(drug, salt, status, frequencies, dose, count) for each mention of a drug, read within its clause."""
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
    treated = [_is_drug(w) or w in _TREATMENTS for w, _ in words]
    for i, (w, _) in enumerate(words):
        if not treated[i] and len(w) > 5 and w.isalpha() and w not in _NOT_DRUGS and _zipf(w) < 2.8:
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
            if t in ".;:!?\n":
                break
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
                if t in ("recommend", "recommended", "recommends", "recommending", "plan", "planned", "will",
                         "to", "advised", "recs", "recommendations"):
                    continue
                break
        if status is None:
            status = heading[i]
        facts.append((w, salt, status, tuple(freq), dose, count))
    return tuple(facts)


def _negated_at(words: list[tuple[str, int]], j: int) -> bool:
    return any(words[k][0] in ("not", "no", "never", "don't", "without", "nor") for k in range(max(0, j - 3), j))






# --- analysis --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Qty:
    value: float
    unit: str | None  # canonical unit
    dim: str | None
    base: float | None  # value in the dimension's base unit
    ref: bool  # part of a reference range or goal: a statement value may not lean on it
    raw: str


# (drug, salt, status, frequencies, dose, count): what one mention of a drug says of it.
_DrugFact = tuple[str, str, str | None, tuple[str, ...], _Qty | None, float | None]


@dataclass(frozen=True, slots=True)
class _Tok:
    key: str  # stemmed
    word: str  # as written (after rewrites)
    negated: bool | None  # None: a negation scope may or may not reach it
    side: str | None  # the side word just before it, if any
    at: int = -1  # position among the text's words and stop words, to tell adjacent words apart


@dataclass(frozen=True, slots=True)
class _Analysis:
    tokens: tuple[_Tok, ...]
    keys: frozenset[str]
    quantities: tuple[_Qty, ...]
    dates: frozenset[tuple[int, int, int]]
    months: frozenset[tuple[int, int]]
    date_raw: tuple[tuple[tuple[int, int, int], str], ...]
    times: frozenset[tuple[int, int]]
    freqs: frozenset[str]
    sides: frozenset[str]
    labs: tuple[tuple[str, str], ...]  # (lab, "high"/"low") flags
    states_normal: frozenset[str]  # labs the text calls normal
    own: int  # tokens[:own] are the text's own words; the rest are derived (what a passage implies)
    drugs: tuple[_DrugFact, ...]
    susceptible: frozenset[tuple[str, str]] = frozenset()  # (drug stem, "resistant" / "sensitive")


def _stem(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if "_" in word or any(c.isdigit() for c in word):
        return word
    w = word.replace("ae", "e") if len(word) > 5 else word
    if len(w) > 5 and w.endswith("ied"):
        w = w[:-3] + "y"
    elif len(w) > 4:
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith("es") and not w.endswith(("ses", "tes")) and len(w) > 5:
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if w.endswith("er") and len(w) >= 6:
        w = w[:-2]
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiou":  # "admitt", "stopp"
        w = w[:-1]
    return w


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _date(y: int, m: int, d: int) -> tuple[int, int, int] | None:
    if y < 100:
        y += 2000 if y < 50 else 1900
    try:
        date(y, m, d)
    except ValueError:
        return None
    return (y, m, d)


def _format_date(d: tuple[int, int, int]) -> str:
    return f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}"


_WEEKS = r"(?:wk|wks|weeks?)(?:'s?)?(?: gestation(?:al age)?)?"
_GESTATION = [
    re.compile(rf"\b([2-4]\d)\s?\+\s?([0-6])\s?(?:{_WEEKS}\b|d\b)"),
    re.compile(r"(?<=\bga)\s?:?\s?([2-4]\d)\s?\+\s?([0-6])\b"),
    re.compile(r"\b([2-4]\d)\s?w\s?([0-6])\s?d\b"),
    re.compile(rf"\b([2-4]\d)\s([0-6])/7\s?(?:{_WEEKS})?"),
    re.compile(rf"\b([2-4]\d)\s?{_WEEKS},?\s(?:and\s)?([0-6])\s?(?:d|days?)\b"),
]
_FREE = re.compile(r"\b([a-z]{3,})-free\b")
_CYCLE_DAY = re.compile(r"\bc(\d{1,2})\s?d(\d{1,2})\b")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS])
    text = text.replace("–", "-").replace("—", "-").replace("−", "-").replace("→", " to ").replace("’", "'")
    text = _SURROGATE.sub(lambda m: f" ph_{m.group(1).lower()} ", text)
    for pattern, repl in _CASED:
        text = pattern.sub(repl, text)
    # "non-contrast", "non ischemic": one word, the way "nonischemic" is written too. The prefix
    # negates only the word it is attached to, never the words after it ("non-contrast head CT").
    text = _NON.sub("non", text.lower())
    text = _FREE.sub(r"no \1", text)  # "smoke-free home", "pain-free": the thing is absent
    # Gestational age and chemotherapy day, each written one way: "34+2 wk" = "34w2d" = "34 2/7 weeks"
    # (which is also "34 weeks"), "C3D1" = "cycle 3, day 1".
    for pattern in _GESTATION:
        text = pattern.sub(lambda m: f" ga{m.group(1)}w{m.group(2)}d ({m.group(1)} weeks) ", text)
    return _CYCLE_DAY.sub(r"cycle \1, day \2", text)


@lru_cache(maxsize=65_536)
def _analyse(text: str) -> _Analysis:
    text = _normalise(text)
    # Dates and times first, so their digits are not read as numbers.
    dates: set[tuple[int, int, int]] = set()
    months: set[tuple[int, int]] = set()
    date_raw: list[tuple[tuple[int, int, int], str]] = []

    def take_date(m: re.Match[str]) -> str:
        g = m.groupdict()
        mon = g.get("mon")
        month = _MONTHS.get(mon.rstrip("."), _MONTHS.get(mon[:3], 0)) if mon else int(g["m"])
        if g.get("y") is None:
            if _date(2000, month, int(g["d"])) is None:
                return m.group(0)
            d0 = (0, month, int(g["d"]))
            dates.add(d0)
            date_raw.append((d0, f"{month}/{g['d']}" if g.get("m") else m.group(0)))
            return f" {g.get('cue') or ''}{g.get('sep') or ''} dt_date "
        year = int(g["y"])
        if g.get("d") is None:
            if 1 <= month <= 12:
                months.add((year, month))
                date_raw.append(((year, month, 0), m.group(0)))
                return " dt_month "
            return m.group(0)
        d = _date(year, month, int(g["d"]))
        if d is None:
            return m.group(0)
        dates.add(d)
        months.add((d[0], d[1]))
        date_raw.append((d, m.group(0)))
        return " dt_date "

    for pattern in _DATES:
        text = pattern.sub(take_date, text)
    times: set[tuple[int, int]] = set()

    def take_time(m: re.Match[str]) -> str:
        h, mi, ap = int(m.group(1)), int(m.group(2)), m.group(3)
        if ap and ap.startswith("p") and h < 12:
            h += 12
        if ap and ap.startswith("a") and h == 12:
            h = 0
        times.add((h, mi))
        return " tm_time "

    text = _TIME.sub(take_time, text)
    # "1.6 x 1.2 x 1.4 cm": each dimension has the unit.
    text = _DIMS.sub(lambda m: " x ".join(f"{v.strip()} {m.group('u')}" for v in m.group(0).rsplit(m.group("u"), 1)[0].split("x")
                                          if v.strip()) + " ", text)
    # "Complications: none", "Drain: none": the heading is denied.
    text = _NONE_HEADING.sub(lambda m: f"no {m.group(1)}", text)
    fever = any(_is_fever(m) for m in _TEMP.finditer(text))
    text = _GRADED.sub(_graded, text)
    text = _RATE.sub(lambda m: f"{_RATE_HEAD.get(m.group(1).rstrip('s'), m.group(1))}/{_RATE_PER.get(m.group(2), m.group(2))}",
                     text)
    for _ in range(2):  # twice: a rewrite's output may have its own canonical form ("pulmonary function tests")
        text = _SYN_RE.sub(lambda m: _SYN[m.group(1)], text)
    text = _BOTH.sub("bilateral ", text)
    text = _LEFT_RIGHT.sub("bilateral", text)
    text = _NUMWORD_RE.sub(lambda m: str(_NUMBER_WORDS[m.group(1) or m.group(2)]), text)
    text = re.sub(r"([a-z])-(\d)", r"\1\2", text)  # covid-19, phq-9, l4-l5
    text = re.sub(r"\bx\s?(\d)", r"x \1", text)  # "x3 days"
    freqs: set[str] = set()

    def take_freq_n(m: re.Match[str]) -> str:
        n = int(m.group(1) or m.group(2))
        freqs.add(f"fq_q{n}h")
        return f" fq_q{n}h "

    def take_freq_per(m: re.Match[str]) -> str:
        n = int(m.group(1)) if m.group(1) else _ONCE[m.group(2) or m.group(4)]
        per = "month" if (m.group(3) or "").startswith("mo") else "week"
        kind = "fq_weekly" if (n, per) == (1, "week") else f"fq_{n}x{per}"
        freqs.add(kind)
        return f" {kind} "

    text = _FREQ_PER.sub(take_freq_per, text)
    text = _FREQ_N.sub(take_freq_n, text)

    def take_freq_days(m: re.Match[str]) -> str:
        days = int(m.group(1)) * (7 if m.group(2).startswith("w") else 1)
        kind = {1: "fq_daily", 2: "fq_qod", 7: "fq_weekly"}.get(days, f"fq_q{days}d")
        freqs.add(kind)
        return f" {kind} "

    text = _FREQ_DAYS.sub(take_freq_days, text)

    def take_freq(m: re.Match[str]) -> str:
        kind = next(k for k, v in m.groupdict().items() if v is not None and k.startswith("fq_"))
        freqs.add(kind)
        return f" {kind} "

    text = _FREQ_RE.sub(take_freq, text)

    # Reference ranges and goals: their numbers are marked so a value cannot lean on them.
    ref_spans = [m.span(1) for m in _PAREN.finditer(text) if _REF_PAREN.match(m.group(1))]
    ref_spans += [m.span() for m in _RANGE.finditer(text)] + [m.span() for m in _REF_CUE.finditer(text)]
    quantities: list[_Qty] = []

    def take_qty(m: re.Match[str]) -> str:
        value = _number(m.group("num"))
        unit = m.group("unit")
        canon = dim = base = None
        if unit:
            u = unit.replace(" per ", "/").replace(" ", "")
            if _PER_UL_RE.fullmatch(unit):
                canon, dim, base = "k/ul", "k/ul", value / 1000  # "98,000 per microliter" = 98 K/uL
            elif u in _UNITS or unit in _UNITS:
                canon, dim, factor = _UNITS.get(unit) or _UNITS[u]
                base = value * factor
            elif "/" in u:
                head, _, per = u.partition("/")
                head = _UNITS.get(head, (head, "", 1.0))[0]
                per = _PER_CANON.get(per, per)
                canon = dim = f"{head}/{per}"
                if "10^3" in u or "10e3" in u or "10*3" in u or "10^9" in u or u.startswith(("k/", "thou/")):
                    canon = dim = "k/ul"
                base = value
            else:
                canon = dim = u.replace(" ", "")
                base = value
        ref = any(a <= m.start() < b for a, b in ref_spans)
        quantities.append(_Qty(value, canon, dim, base, ref, m.group(0).strip()))
        return " qt_qty "

    text = _QTY.sub(take_qty, text)
    # "Unit 1 PRBC ... Unit 2 PRBC": two units.
    numbered = {int(x) for x in re.findall(r"\bunit #?(\d{1,2})\b", text)}
    if len(numbered) >= 2 and numbered == set(range(1, max(numbered) + 1)):
        quantities.append(_Qty(float(max(numbered)), "unit", "unit", float(max(numbered)), False, f"{max(numbered)} units"))

    # Lab flags and "normal" claims, for the derived findings and the flag check.
    labs: list[tuple[str, str]] = []
    normal: set[str] = set()
    derived: list[str] = []
    for m in _LAB_RE.finditer(_raw_numbers(text, quantities)):
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
        if re.match(r"[^.;]{0,20}\b(?:normal|within normal limits|wnl|unremarkable)\b", rest):
            normal.add(lab)
        if flag:
            labs.append((lab, flag))
            term = low_term if flag == "low" else high_term
            if term:
                derived += [term, *_EXTRA_TERMS.get(term, ())]
    if re.search(r"\b(?:within normal limits|wnl|normal|unremarkable)\b", text):
        for lab in _LAB_TERMS:
            if re.search(rf"\b{re.escape(lab)}\b[^.;]{{0,25}}\b(?:within normal limits|wnl|normal|unremarkable)\b", text) or \
               re.search(rf"\b(?:normal|unremarkable)\s+{re.escape(lab)}\b", text):
                normal.add(lab)

    for pattern, words in _IMPLIES:
        if pattern.search(text):
            derived += words
    if fever:
        derived.append("fever")
    if any(q.unit and q.unit.endswith("/day") for q in quantities):
        freqs.add("fq_daily")  # "117 g/day" is a daily amount
    tokens = _tokens(text)
    extra = tuple(_Tok(_stem(w), w, False, None) for w in derived)
    # "non-perforated": the word itself, denied (the joined form stays a word of its own too).
    extra += tuple(_Tok(_stem(t.word[3:]), t.word[3:], True, t.side) for t in tokens
                   if t.word.startswith("non") and len(t.word) >= 8 and t.word[3:4].isalpha() and _zipf(t.word[3:]) > 1.5)
    keys = frozenset(t.key for t in tokens + extra)
    sides = frozenset(t.word for t in tokens if t.word in _SIDES)
    return _Analysis(tokens + extra, keys, tuple(quantities), frozenset(dates), frozenset(months), tuple(date_raw),
                     frozenset(times), frozenset(freqs), sides, tuple(labs), frozenset(normal), len(tokens),
                     _drug_facts(text, quantities), _susceptibilities(text))


_SUSCEPTIBLE_TO = re.compile(r"\b(resistant|sensitive) to ((?:[a-z][\w/-]*(?:,\s|\sand\s|\sor\s|,\sand\s)?){1,6})")
_DRUG_SUSCEPTIBLE = re.compile(r"\b([a-z][\w/-]{3,})[\s-](resistant|sensitive)\b")


def _susceptibilities(text: str) -> frozenset[tuple[str, str]]:
    """(drug, "resistant" or "sensitive") from a culture's susceptibilities: "R to ampicillin and
    TMP-SMX", "ciprofloxacin R", "penicillin-sensitive"."""
    found = {(_stem(m.group(1)), m.group(2)) for m in _DRUG_SUSCEPTIBLE.finditer(text)
             if m.group(1) not in _STOP and m.group(1) not in ("resistant", "sensitive")}
    for m in _SUSCEPTIBLE_TO.finditer(text):
        for word in re.findall(r"[a-z][\w/-]*", m.group(2)):
            if word not in _STOP:
                found.add((_stem(word), m.group(1)))
    return frozenset(found)


def _raw_numbers(text: str, quantities: list[_Qty]) -> str:
    """The text with each quantity placeholder put back as its bare number (for the lab look-up)."""
    it = iter(quantities)
    return re.sub(r"qt_qty", lambda _: f"{next(it).value:g}", text)


def _tokens(text: str) -> tuple[_Tok, ...]:
    """Words with polarity (NegEx-style scope) and the side word in front of them."""
    marked = _CUES.sub(_cue, text)
    raw = re.findall(r"⟨\w+⟩|[a-z][a-z0-9_']*|[.;:!?()\n]|,", marked)
    n = len(raw)
    negated: list[bool | None] = [False] * n  # None: maybe (a scope that may or may not reach it)

    def mark(j: int, value: bool | None) -> None:
        if negated[j] is False or value is True:
            negated[j] = value

    for i, w in enumerate(raw):
        if not w.startswith("⟨") or w == "⟨pseudo⟩":
            continue
        bidi = w in ("⟨bidi⟩", "⟨bidineg⟩")
        start = bidi and _at_clause_start(raw, i)
        forward = w in ("⟨pre⟩", "⟨both⟩") or start
        backward = w in ("⟨post⟩", "⟨both⟩") or (bidi and not start)
        # A leading "negative" is a result ("negative screening mammogram"): only a maybe for what follows.
        strength: bool | None = None if start and w == "⟨bidineg⟩" else True
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
            seen, value, past_study = 0, True, 0
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
                        past_study = 1
                        continue
                    mark(j, value if past_study < 2 else None)
                    past_study += bool(past_study)
                    seen += 1
    out: list[_Tok] = []
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
            out.append(_Tok(w, w, neg, None, j))
            continue
        if w.endswith("sided"):
            continue
        since_side += 1
        if since_side > 3:
            side = None
        out.append(_Tok(_stem(w), w, neg, side, j))
    return tuple(out)


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


# --- matching --------------------------------------------------------------------------------------


@lru_cache(maxsize=262_144)
def _kind(word: str) -> float:
    """Weight of a statement word: 0 generic, 0.5 plain English, 1 a clinical term (must be in the passages)."""
    if word in _STOP or word in _GENERIC:
        return 0.0
    if word.startswith("ph_") or any(c.isdigit() for c in word) or word in _CLINICAL:
        return 1.0
    if len(word) > 5 and (_DRUG.search(word) or _MORPHOLOGY.search(word)) and word not in _NOT_TERMS:
        return 1.0
    zipf = _zipf(word)
    if zipf < 3.0:
        return 1.0
    return 0.75 if zipf < 4.3 else 0.4


def _zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency; without it every word counts fully
        return 0.0
    return zipf_frequency(word, "en")


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words)


def _spelled_out(tokens: Sequence[_Tok], passage: _Analysis) -> dict[int, set[bool | None]]:
    """Statement words that an acronym stands for, on either side, with the acronym's polarity there.

    "sentinel lymph node biopsy" is what "SLNB" says, and "EBL" is "estimated blood loss": a
    run of two to five words whose initials are a word of the other text counts as written there.
    """
    theirs: dict[str, set[bool | None]] = {}
    for t in passage.tokens:
        theirs.setdefault(t.word, set()).add(t.negated)
    acronyms = _run_initials(tuple(t.word for t in passage.tokens))
    covered: dict[int, set[bool | None]] = {}
    words = [t.word for t in tokens]
    for start in range(len(words)):
        for size in range(2, 6):
            run = words[start : start + size]
            if len(run) == size and _initials(run) in theirs:
                for i in range(start, start + size):
                    covered.setdefault(i, set()).update(theirs[_initials(run)])
        if words[start].isalpha() and 2 <= len(words[start]) <= 5 and words[start] in acronyms:
            covered.setdefault(start, set()).add(None)  # polarity of a spelled-out run: not compared
    return covered


# An acronym as written: two to seven letters, at least two of them capitals ("SNHL", "HBsAg", "T&A", "NG").
_ACRONYM = re.compile(r"(?<![A-Za-z])(?=(?:[a-z&]*[A-Z]){2})[A-Za-z][A-Za-z&]{1,6}(?![A-Za-z])")


def _stands_for(letters: str, words: Sequence[str]) -> bool:
    """Whether `words` spell out `letters` (Schwartz and Hearst, stricter): each word gives the next
    letter with its first letter and may give more from inside it, in order ("sensorineural hearing
    loss" for SNHL, "postpartum day" for PPD); short linking words may give none."""
    if not letters:
        return not any(w not in _LINKS for w in words)
    if not words:
        return False
    first, rest = words[0], words[1:]
    if first in _LINKS and _stands_for(letters, rest):
        return True
    if first[0] != letters[0]:
        return False
    # Take the first letter, then any number of the following letters from inside the word.
    at, taken = 1, 1
    while True:
        if _stands_for(letters[taken:], rest):
            return True
        if taken >= len(letters):
            return False
        at = first.find(letters[taken], at) + 1
        if at == 0:
            return False
        taken += 1




@lru_cache(maxsize=65_536)
def _acronym_cover(statement: str, passages: str) -> dict[str, frozenset[str]]:
    """Statement words that an acronym spells out, in either direction, each with the passage words
    it stands for: a long form the statement writes for an acronym of the passages ("sensorineural
    hearing loss" for SNHL), or the statement's own acronym when the passages write its long form."""
    covered: dict[str, set[str]] = {}
    for acronyms_in, words_in, long_in_statement in ((passages, statement, True), (statement, passages, False)):
        words = re.findall(r"[a-z]+", words_in[:MAX_CHARS].lower())
        for acronym in set(_ACRONYM.findall(acronyms_in[:MAX_CHARS])):
            letters = acronym.lower().replace("&", "")
            if len(letters) < 2 or letters in _NOT_SPELLED:
                continue
            short = [t.word for t in _analyse(acronym).tokens]  # what the rewrites make of it
            for start, word in enumerate(words):
                if word[0] != letters[0] or word in _LINKS:
                    continue
                for size in range(1, len(letters) + 3):
                    run = words[start : start + size]
                    if len(run) < size or run[-1] in _LINKS:
                        continue
                    if size == 1 and (len(word) <= 2 * len(letters) or len(letters) < 4 and _is_drug(word)):
                        continue
                    if _stands_for(letters, run):
                        mine, theirs = (run, short) if long_in_statement else (short, run)
                        for w in mine:  # two letters match by chance too often to compare polarity
                            covered.setdefault(w, set()).update(theirs if len(letters) > 2 else ())
                        break
    return {w: frozenset(v) for w, v in covered.items()}


@lru_cache(maxsize=16_384)
def _run_initials(words: tuple[str, ...]) -> frozenset[str]:
    """The initials of every run of two to five words: what the passages could abbreviate (once per passage)."""
    return frozenset(_initials(run) for run in _runs(words))


def _runs(words: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(len(words)):
        for size in range(2, 6):
            if start + size <= len(words):
                yield words[start : start + size]


def _matches(key: str, keys: frozenset[str]) -> bool:
    if key in keys:
        return True
    if len(key) < 5 or "_" in key or any(c.isdigit() for c in key):
        return False
    root = _root(key)
    if root and root in _roots(keys):
        return True
    return any(len(k) >= 5 and (k.startswith(key) or key.startswith(k)) and "_" not in k for k in keys)


@lru_cache(maxsize=65_536)
def _roots(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(_root(k) for k in keys) - {""}




@lru_cache(maxsize=65_536)
def _root(key: str) -> str:
    """A stemmed medical word without its Greek or Latin ending: "thrombus", "thrombosis" and
    "thrombotic" share "thromb"; "operculum" and "opercular" share "opercul". "" if too short."""
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 5:
            return key[: -len(ending)]
    return ""


def _same_qty(s: _Qty, p: _Qty) -> bool:
    if s.unit is None or p.unit is None:
        return math.isclose(s.value, p.value, rel_tol=1e-9, abs_tol=1e-9)
    if s.dim != p.dim:
        return False
    return math.isclose(s.base or 0.0, p.base or 0.0, rel_tol=1e-6, abs_tol=1e-9)


def _per_day(a: _Qty, b: _Qty, passage: _Analysis) -> bool:
    """'2,000 units per day' is '2,000 units daily'."""
    if not (a.unit and b.unit and a.unit.endswith("/day")) or "fq_daily" not in passage.freqs:
        return False
    head = a.unit[: -len("/day")]
    return _UNITS.get(head, (head,))[0] == b.unit and math.isclose(a.value, b.value)


def _check_quantity(s: _Qty, passage: _Analysis, units_in_passage: frozenset[str]) -> tuple[str, str] | None:
    """None when the passage supports the quantity, else (fault kind, what the passage says)."""
    candidates = [p for p in passage.quantities if s.ref or not p.ref]
    if s.unit is None:
        if any(_same_qty(s, p) for p in candidates):
            return None
        if s.value.is_integer() and any(d[0] == s.value for d in passage.dates) or any(
            m[0] == s.value for m in passage.months
        ):
            return None  # a bare year
        return ("number", "")
    for p in candidates:
        if p.unit is not None and (_same_qty(s, p) or _per_day(s, p, passage) or _per_day(p, s, passage)):
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
    for cached in (_analyse, _kind, _acronym_cover, _root, _roots, _run_initials):
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
    s = _analyse(" ".join(text.split()))
    p = _analyse("\n".join(" ".join(passages[c].split()) for c in known))
    where = _ids(known)
    joined = "\n".join(passages[c] for c in known)
    faults: list[str] = []
    total = matched = 0.0

    # Negation: a word the statement shares with the passages, every mention of which has the other polarity.
    by_key: dict[str, set[bool]] = {}
    for t in p.tokens:
        by_key.setdefault(t.key, set()).update((True, False) if t.negated is None else (t.negated,))
    flipped: list[_Tok] = []
    own = s.tokens[: s.own]

    def polarity(t: _Tok) -> set[bool] | None:
        found = by_key.get(t.key)
        if found is None and len(t.key) >= 5:
            found = set().union(*(v for k, v in by_key.items() if _matches(t.key, frozenset((k,)))), set())
        return found

    for i, t in enumerate(own):
        if t.word in _SIDES or t.negated is None or t.word.endswith("ly"):
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
            if b.negated is None or b.at != a.at + 1 or a.word in _SIDES or 0.0 in (_kind(a.word), _kind(b.word)):
                continue
            found = pairs.get((a.key, b.key))
            if found and b.negated not in found:
                flipped.append(_Tok(a.key, f"{a.word} {b.word}", b.negated, None))
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
    acronyms = _acronym_cover(text, joined)
    for t in s.tokens[: s.own]:
        if t.side is None or t.word in _SIDES or t.word in acronyms and t.side in acronyms:
            continue
        given = {q.side for q in p.tokens if q.side and _matches(t.key, frozenset((q.key,)))}
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
    for d, raw in s.date_raw:
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
        if _FREQ_OK.get(f, {f}) & p.freqs:
            matched += 1
        else:
            said = f" (it says {_listed([_freq_name(x) for x in sorted(p.freqs)])})" if p.freqs else ""
            faults.append(f"the frequency {_freq_name(f)} is not in {where}{said}")

    # Medications: each drug's status and frequency must be what the passages give that drug.
    for drug, salt, status, freq, dose, count in s.drugs:
        if faults and faults[-1].startswith(("the frequency", f"{where} says")):
            break
        mentions = [m for m in p.drugs if m[0] == drug and (not salt or not m[1] or m[1] == salt)]
        given = {m[2] for m in mentions if m[2]}
        if status and given and not (_STATUS_OK.get(status, {status}) & given):
            faults.append(f"{where} says {drug} was {_listed(sorted(_STATUS_PAST[g] for g in given))}, "
                          f"not {_STATUS_PAST[status]}")
            break
        counts = {m[5] for m in mentions if m[5] is not None}
        if count is not None and counts and count not in counts:
            faults.append(f"{where} gives {drug} {_listed(sorted(f'{c:g} times' for c in counts))}, not {count:g}")
            break
        for f in freq:
            dosed = [m for m in mentions if m[3] and dose is not None and m[4] is not None and _same_qty(dose, m[4])]
            freqs = {x for m in (dosed or mentions) for x in m[3]}
            if freqs and not (_FREQ_OK.get(f, {f}) & freqs):
                faults.append(f"the frequency {_freq_name(f)} is not in {where} for {drug} "
                              f"(it says {_listed([_freq_name(x) for x in sorted(freqs)])})")
                break

    # Terms: clinical ones must all be there; the rest weigh into the score.
    missing_hard: list[str] = []
    missing_soft: list[str] = []
    spelled = _spelled_out(s.tokens[: s.own], p)
    for i, t in enumerate(s.tokens):
        if t.word in _SIDES or i >= s.own and not _matches(t.key, p.keys):
            continue  # what the statement implies counts only when the passages say it too
        w = _kind(t.word)
        if w == 0.0:
            continue
        total += w
        said = spelled.get(i)
        if not said and t.word in acronyms:  # the polarity the passages give what it stands for
            said = {q.negated for q in p.tokens if q.word in acronyms[t.word]} or {None}
        if said and t.negated is not None and None not in said and t.negated not in said:
            faults.append(f"negation differs: {where} says {_short(t.word)} is {'present' if t.negated else 'absent'}")
            said = None
        if said or _matches(t.key, p.keys):
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


def _freq_name(kind: str) -> str:
    """'fq_bid' → 'twice daily', 'fq_3xweek' → '3 times a week', 'fq_q3d' → 'every 3 days'."""
    if kind in _FREQ_NAMES:
        return _FREQ_NAMES[kind]
    if m := re.fullmatch(r"fq_(\d+)x(week|month)", kind):
        return f"{m.group(1)} times a {m.group(2)}"
    if m := re.fullmatch(r"fq_q(\d+)([hd])", kind):
        return f"every {m.group(1)} {'hours' if m.group(2) == 'h' else 'days'}"
    return kind[3:]


def _side_ok(side: str, given: set[str]) -> bool:
    if side in given:
        return True
    return side == "bilateral" and {"left", "right"} <= given
