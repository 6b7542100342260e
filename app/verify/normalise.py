"""Text normalisation, before any fact is read: Unicode, dashes, surrogates, case-sensitive
abbreviations ("K 4.1", "OD", "L knee", "ciprofloxacin R"), then lower case, "non-" prefixes,
"-free" words, gestational ages and chemotherapy days each written one way.
"""

from __future__ import annotations

import re
import unicodedata

from app.verify import vocab
from app.verify.verdict import MAX_CHARS

_V = vocab.current()
_ANATOMY, _ELECTROLYTES, _ELECTRO_LIST = _V.anatomy, _V.electrolytes, _V.electro_list
_ELECTROLYTE = re.compile(r"\b(?:" + "|".join(re.escape(e) for e in _ELECTROLYTES) + r")\b")

# Case-sensitive: a capitalised abbreviation means this only in capitals ("K 4.1", "OD", "L knee").
_CASED = [
    # Susceptibilities: "ciprofloxacin R;", "R to ampicillin", "PCN-S".
    (re.compile(r"(?<=[A-Za-z]{4})\s*:?\s+R\b(?=\s*[;,.)]|\s*$)|(?<=[A-Za-z]{2})-R\b|\bR(?= to [a-z])"), " resistant"),
    (re.compile(r"(?<=[A-Za-z]{4})\s*:?\s+S\b(?=\s*[;,.)]|\s*$)|(?<=[A-Za-z]{2})-S\b|\bS(?= to [a-z])"), " sensitive"),
    # A list of electrolyte abbreviations ("Monitor K, Mg, Phos"): each is one.
    (_ELECTRO_LIST, lambda m: _ELECTROLYTE.sub(lambda e: _ELECTROLYTES[e.group(0)], m.group(0))),
    # A result in parentheses: "tTG-IgA <1 (neg)", "hCG (+)": the result of what comes before.
    (re.compile(r"\((?:neg|Neg|NEG|negative|Negative|NEGATIVE|-)\)"), " negative "),
    (re.compile(r"\((?:pos|Pos|POS|positive|Positive|POSITIVE|\+)\)"), " positive "),
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
_NON = re.compile(r"\bnon[- ](?=[a-z])")
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


def normalise(text: str) -> str:
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
