"""What one line of a record is, by its shape: the extractive engine's line rules.

- a measurement with its reference range ("Creatinine 2.10 mg/dL 0.70 - 1.30", "CRP 88 mg/L (<5)",
  "eGFR 41 mL/min >= 60") is out of range or not by arithmetic, and by its flag (H, L, High,
  Low, "(High)", "*") where it has one;
- a table's header row ("Medicine Dosage Frequency", "Test Result Units Reference Range Flag")
  is made of column words and tells what the rows under it are;
- a medication entry has a dose, a form, a route or a frequency;
- signatures, advertisements, lines of a bill and family history are not statements about the
  patient.

The words behind these rules are data files (engine/data/*.txt, read by engine.vocabulary).
"""

from __future__ import annotations

import re

from engine.vocabulary import entries, pattern, table

# Cues that sort a passage into a summary section (engine/extractive.py).
DOSE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|g|units?|mEq|mL|IU)\b", re.IGNORECASE)
MED_CHANGE = re.compile(
    r"\b(?:start(?:ed)?|stop(?:ped)?|increas\w*|decreas\w*|reduc\w*|chang\w*|switch\w*|held|hold|resum\w*|titrat\w*"
    r"|discontinu\w*|new|continued?|replac\w*)\b",
    re.IGNORECASE,
)
ALLERGY = re.compile(r"anaphyla|\brash\b.*\b(?:to|from)\b", re.IGNORECASE)
PROCEDURE = re.compile(r"\w+(?:ectomy|otomy|ostomy|plasty|scopy|graphy|gram)\b|catheteri[sz]ation|biopsy|transfusion|intubat", re.IGNORECASE)
PROBLEM = re.compile(
    r"\b(?:heart failure|hf[rp]ef|diabetes|hypertension|ckd|chronic kidney|aki|acute kidney|anemia|copd|asthma|pneumonia"
    r"|sepsis|stroke|myocardial infarction|\bmi\b|atrial fibrillation|afib|cancer|carcinoma|cirrhosis|hyperkalemia|hypokalemia"
    r"|hyponatremia|hypomagnesemia|obesity|hyperlipidemia|cardiomyopathy|infection|fracture|dementia|depression|ulcer|bleed)",
    re.IGNORECASE,
)
RESULT = re.compile(r"\b(?:[A-Z][A-Za-z0-9]{1,12}|[a-z]{3,}) \d+(?:\.\d+)?\s*(?:%|[a-zA-Zµ/]+(?:/[\w.]+)*)?\s*(?:[<>≥≤=].*)?\b(?:H|L)\b|\b(?:EF|LVEF|ejection fraction)\b.*\d+\s*%", re.IGNORECASE)
PLAN = re.compile(r"\b(?:follow[- ]?up|return|recheck|repeat|schedul\w*|refer\w*|call|plan|will|continue|consider|in \d+ (?:days?|weeks?|months?))\b", re.IGNORECASE)
OVERVIEW = re.compile(r"\b\d{1,3}[- ]?(?:y\.?o\.?|year[- ]old)\b", re.IGNORECASE)
SKIP = re.compile(
    r"confidential|^page \d|\bdob\b|\bmrn\b|^patient\b|^address|^phone|^tel\b|fax|^insurance|signed by|^cc\b|^to\b|^re\b"
    r"|^dear\b|sincerely|in error|^\[[A-Z_]+_\d+\],? (?:MD|DO|RN|NP)",
    re.IGNORECASE,
)

_NUM = r"\d+(?:[.,]\d+)?"
# A reference range: "0.70 - 1.30", "4.0-11.0", "3.5 to 5.1", "< 5.0", "<=200", ">= 60", "≥ 60".
_RANGE = rf"(?:(?P<lo>{_NUM})\s*(?:-|–|to)\s*(?P<hi>{_NUM})(?![\d/])|(?P<op>[<>]=?|≤|≥|=<|=>)\s*(?P<bound>{_NUM})(?![\d/]))"
_FLAG = r"(?:HH|LL|H|L|High|Low|Hi|Lo|Abnormal|Critical|\*+)"
# A value, then perhaps a flag, a unit and words that announce the range, then the range.
_MEASUREMENT = re.compile(
    rf"(?<![\w./:-])(?P<cmp>[<>]\s?)?(?P<value>{_NUM})(?![\d/:])\s*"
    rf"(?:\(?(?P<flag1>{_FLAG})\)?\s+)?"
    r"(?P<unit>(?:x\s?10\^?\d+/\w+|[A-Za-zµ%][^\s()\[\]<>≤≥]*))?\s*"
    r"[(\[]?\s*(?:(?:biological|ref(?:erence)?\.?|normal|range|interval|values?|is|:)\s*)*"
    rf"{_RANGE}\s*[)\]]?"
    rf"(?:\s*\(?(?P<flag2>{_FLAG})\)?(?![\w]))?",
    re.IGNORECASE,
)
# A row flagged without a range: "Potassium 6.1 mmol/L H", "WBC 13.9 K/uL (High)".
_FLAGGED_ROW = re.compile(
    rf"^[A-Za-z][\w ,()/.-]{{0,40}}?\s{_NUM}\s*(?:%|[^\s\d][^\s]*)?(?:\s+\S+){{0,2}}?\s+\(?(?:H|L|HH|LL|High|Low|Critical)\)?\s*$"
)
_UNIT_WORDS = re.compile(r"^(?:in|on|at|and|or|for|of|to|the|a|an|was|is|with|from|over|after|since|per|than|days?|weeks?|months?|years?|hours?|times?)$", re.IGNORECASE)


def _number(text: str) -> float:
    return float(text.replace(",", "")) if text.count(",") != 1 or len(text.split(",")[1]) == 3 else float(text.replace(",", "."))


def out_of_range(text: str) -> bool | None:
    """True when a measurement on the line lies outside its reference range or is flagged, False
    when every measurement with a range lies inside it, None when the line has none."""
    found = None
    for m in _MEASUREMENT.finditer(text):
        unit = m.group("unit") or ""
        if _UNIT_WORDS.match(unit):
            continue  # "2 weeks in 3-4 days": words, not a unit before a range
        flagged = bool(m.group("flag1") or m.group("flag2"))
        value = _number(m.group("value"))
        if m.group("lo"):
            lo, hi = _number(m.group("lo")), _number(m.group("hi"))
            if lo > hi:
                continue  # not a range: "12-3" is a date or a score
            outside = value < lo or value > hi
        else:
            bound, op = _number(m.group("bound")), m.group("op")
            below = op in ("<", "<=", "≤", "=<")
            outside = (value >= bound if op == "<" else value > bound) if below else (value <= bound if op == ">" else value < bound)
        if m.group("cmp"):  # "<3 (<14)": a value given as a bound is judged by its flag only
            outside = False
        if outside or flagged:
            return True
        found = False
    if found is None and _FLAGGED_ROW.match(text):
        return True
    return found


def table_header(text: str) -> str | None:
    """The kind of table ("med", "lab", "bill", or "-" when it does not say) when the line is a
    header row made of column words, else None."""
    words = re.findall(r"[A-Za-z]+", text.lower())
    if len(words) < 2 or any(c.isdigit() for c in text) or len(words) > 8:
        return None
    kinds = table("column_headers")
    known = [kinds[w] for w in words if w in kinds]
    if len(known) < max(2, 0.75 * len(words)):
        return None
    counted = {k: known.count(k) for k in ("med", "lab", "bill")}
    best = max(counted, key=lambda k: counted[k])
    return best if counted[best] else "-"


_DOSE = re.compile(r"\b\d+(?:[.,]\d+)?(?:/\d+(?:\.\d+)?)?\s*(?:mg|mcg|µg|ug|g|gm|units?|iu|meq|mmol|ml|%)(?![\w])", re.IGNORECASE)
_SCHEDULE = re.compile(r"\b[01](?:-[01]){2,3}\b|\bx\s?\d+\s*(?:days?|weeks?)\b|\bq\d+h\b", re.IGNORECASE)


def is_medication_entry(text: str) -> bool:
    """A dose, a form, a route or a frequency: "Tab. Pantoprazole 40 mg 1-0-0", "Lisinopril daily"."""
    return bool(_DOSE.search(text) or _SCHEDULE.search(text) or pattern("dosing").search(text))


_SURROGATE = re.compile(r"\[[A-Z_]+_\d+\]")
_TITLE = re.compile(r"\b(?:Dr|Prof|Mr|Mrs|Ms|Miss)\b\.?")
_SIGN_OFF = re.compile(
    r"^(?:yours\b.*|sincerely\b.*|kind regards\b.*|regards\b.*|with best wishes\b.*|best wishes\b.*)$"
    r"|\bsign(?:ed|ature)\b|\b(?:verified|authori[sz]ed|approved|reported|dictated|transcribed|checked) by\b|\bend of report\b",
    re.IGNORECASE,
)


def is_signature(text: str) -> bool:
    """A sign-off, or a name with its degrees and post: "Dr. A. Rao MBBS, MD (Medicine)",
    "[PERSON_3], MD, FACP", "Consultant Physician, Department of Medicine"."""
    if _SIGN_OFF.search(text):
        return True
    rest = _SURROGATE.sub(" ", text)
    titled = bool(_TITLE.search(rest)) or rest != text
    rest = _TITLE.sub(" ", rest)
    rest = re.sub(r"\([^)]*\)", " ", rest)  # "(General Medicine)", "(ASCP)"
    credentials = pattern("credentials")
    had_credential = bool(credentials.search(rest))
    rest = credentials.sub(" ", rest)
    rest = re.sub(r"\b\w+ologist\b|\bof\b|\band\b|\b\d{3,5}\b", " ", rest, flags=re.IGNORECASE)
    left = re.findall(r"[A-Za-z][\w'.-]*", rest)
    if not (had_credential or titled):
        return False
    # What is left is a name at most: a few capitalized words (or initials).
    return len(left) <= 3 and all(w[0].isupper() for w in left)


_URL = re.compile(r"\bwww\.|https?://|\.(?:com|in|org|net|co\.uk)\b|@\w+\.\w+", re.IGNORECASE)


def is_advert(text: str) -> bool:
    """Promotion printed on a report: a web address, an offer, an exclamation."""
    return bool(_URL.search(text) or pattern("promotion").search(text) or re.search(r"\w!(?:\s|$)", text))


_MONEY = re.compile(r"[$£€₹]\s*-?\s*\d|\b(?:Rs|INR|USD|GBP|EUR)\b\.?\s*\d[\d,]*\d|\b\d{1,3}(?:,\d{3})+\.\d{2}\b|\b\d{3,}\.\d{2}\b")


def is_billing(text: str) -> bool:
    """A line of a bill: an amount of money, or billing words with an amount ("GST 1200")."""
    return bool(_MONEY.search(text) or pattern("billing").search(text) and re.search(r"(?<![\d/.:])\d{3,}(?![\d/:])|\d\.\d{2}\b(?!\s*%)", text))


def is_family_history(text: str) -> bool:
    """A relative's condition: "Mother had breast cancer", "Father: MI at 52", "FHx: ..."."""
    if re.match(r"^\W*(?:family history|f/?hx?|fh)\b", text, re.IGNORECASE):
        return True
    kin = "|".join(re.escape(k) for k in entries("kin"))
    return bool(re.match(rf"^\W*(?:{kin})\b(?:\s+\w+)?\s*(?::|had\b|has\b|with\b|died\b|was diagnosed\b|passed away\b|history\b)", text, re.IGNORECASE))


_NO_KNOWN = re.compile(r"\bnk(?:d|f|df)?as?\b|\bno (?:known )?(?:\w+ ){0,3}allerg|\bnil known\b|\ballerg", re.IGNORECASE)


def is_allergy_statement(text: str) -> bool:
    """Allergies, including no-known-allergies statements: "NKDA", "NKA", "No known allergies"."""
    return bool(_NO_KNOWN.search(text))


# A statement, never a heading, however it is set: "NO KNOWN DRUG ALLERGIES", "NKDA", "NIL".
NOT_HEADING = re.compile(r"^(?:no|nil|none|denies|not)\b|\bnk(?:d|f|df)?as?\b", re.IGNORECASE)
# Follow-up plans, whatever heading they sit under: "Follow up in 2 weeks", "Review in clinic in 6 weeks".
FOLLOW_UP = re.compile(
    r"^\W*(?:\d{1,2}[.)]\s*)?(?:follow[- ]?up|f/u|review|return|recheck|repeat|re-?check|see (?:him|her|them|you)|reassess)\b"
    r"|\b(?:follow[- ]?up|review|return|recheck|repeat)\b.*\bin \d+ (?:days?|weeks?|months?)\b",
    re.IGNORECASE,
)
_PLAN_VERB = re.compile(
    r"\b(?:start|stop|increas|decreas|reduc|continu|hold|held|resum|repeat|check|refer|follow|return|review|consider|order"
    r"|schedul|arrang|discuss|advis|counsel|will)\w*\b",
    re.IGNORECASE,
)
# A problem, a dash, then its status: "2. Hypertension - blood pressure above goal."
_PROBLEM_ITEM = re.compile(r"^\W*(?:\d{1,2}[.)]\s*)?[A-Z][^.:;—–]{2,80}?\s+(?:—|–|-)\s+\S")


def is_problem_item(text: str) -> bool:
    """An item of an assessment and plan that names a problem and its status, with no plan in it."""
    return bool(_PROBLEM_ITEM.match(text)) and not _PLAN_VERB.search(text)
