"""Medical record, account, plan, licence, serial, accession and other identifying numbers."""

from __future__ import annotations

import re

from ingestion.deid.entities import Phi
from ingestion.deid.recognizers.base import SERIES, WORD_START, RegexRecognizer, Rule, rule

# An identifier value: letters and digits with separators, at least one digit, 4+ characters.
_VALUE = r"(?P<phi>(?=[A-Z0-9#-]*\d)[A-Z0-9][A-Z0-9-]{2,}[A-Z0-9](?:[ ]\d{2,})*|#[A-Z0-9-]*\d[A-Z0-9-]*)"
# Between a label and its value: "MRN: ", "Acct #", "| **MRN** | " (a Markdown table cell).
_SEP = r"[\s*|]*(?:#|no\.?|number|num\.?|id)?[\s*|]*[:#=]?[\s*|]*"

_MRN_LABELS = r"(?:MRN|MR#|MR\s*No|Med(?:ical)?\s*Rec(?:ord)?(?:\s*(?:No|Number|#))?|Medical\s+record|Chart|Patient\s*ID|Pt\.?\s*ID|Hospital\s*(?:No|Number|#)|Unit\s*(?:No|Number))"
_ID_LABELS = (
    r"(?:Acct|Account|Acc(?:ession)?|Encounter|Enc|Visit\s*(?:ID|No|#)|FIN|CSN|HAR|Member(?:\s*ID)?|Subscriber(?:\s*ID)?"
    r"|Policy|Group(?:\s*(?:No|#|ID|number))?|Insurance(?:\s*ID)?|Medicaid|Medicare(?:\s*ID)?|MBI|Plan\s*ID|Claim|Auth(?:orization)?"
    r"|Licen[cs]e|Driver'?s\s+licen[cs]e|NPI|DEA|UPIN|CLIA|Serial|(?-i:SN|S/N|DL)|Device\s*ID|Lot\s*(?:No|#)|Model\s*#|Order(?:\s*(?:No|#|ID))"
    r"|Specimen(?:\s*(?:No|#|ID))|Req(?:uisition)?|Case\s*(?:No|#)|Reference\s*(?:No|#)|Tracking|Badge|Employee\s*ID|Passport"
    r"|Certificate|Vehicle|VIN|Plate)"
)

ID_RULES = (
    rule(rf"{WORD_START}{_MRN_LABELS}{_SEP}{_VALUE}", Phi.MRN, 0.9, re.IGNORECASE),
    rule(rf"{WORD_START}{_ID_LABELS}{_SEP}{_VALUE}", Phi.ID, 0.85, re.IGNORECASE),
    # Shaped, unlabelled: "#E9181234", "E977562513", "XR2303271597": a letter prefix and 6+ digits.
    rule(r"(?<![\w/.-])(?P<phi>#?[A-Z]{1,4}-?\d{6,}(?:-\d+)?)(?![\w/])", Phi.ID, 0.6),
    # Codes of capitals and digits, at least four digits: "UHM703760N", "36BN28968", "21828H8074".
    rule(r"(?<![\w/.-])(?P<phi>(?=(?:[A-Z]*\d){4})(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,})(?![\w/])", Phi.ID, 0.55),
    # Digit groups joined by hyphens, with a letter prefix or eight digits: "S19-033447", "64255-960"
    # (a reference range "135-145" has six, a date its own recognizer).
    rule(r"(?<![\w/.-])(?P<phi>(?:[A-Z]{1,3}-?)?\d+(?:-\d{2,}){1,3})(?![\w/-]|\.\d)", Phi.ID, 0.55),
    # A social security number masked all but its last four: "xxx-xx-0476" (the four still identify)
    rule(r"(?<![\w-])(?P<phi>[xX*]{3}-[xX*]{2}-\d{4})\b", Phi.SSN, 0.8),
    # A bare run of 7-12 digits is a record number, not a value: values have units or decimals.
    rule(r"(?<![\w.,/$-])(?P<phi>#?\d{7,12})(?![\w.,/%-]|\s*(?:mg|mcg|g|ml|mL|units?|IU|cells|copies|/)\b)", Phi.ID, 0.5),
)


_SETTINGS = re.compile(r"(?:\d+[xX])+\d+")
_CLOCK_RANGE = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d-(?:[01]\d|2[0-3])[0-5]\d")


class ClinicalIdRecognizer(RegexRecognizer):
    RULES = ID_RULES

    def keep(self, text: str, start: int, end: int, rule: Rule) -> bool:
        value = text[start:end].lstrip("#")
        if _SETTINGS.fullmatch(value) or _CLOCK_RANGE.fullmatch(value) or rule.score == 0.55 and SERIES.fullmatch(value):
            # "16X500X40" (rate x volume x PEEP), "0700-1900" (a shift), "249-134-219" (fingersticks)
            return False
        if rule.score == 0.55 and "-" in value and value[0].isdigit() and sum(c.isdigit() for c in value) < 8:
            return False  # "135-145", "22-29": reference ranges, not identifiers
        # Labelled values still need a digit and must not be a date or a phone shape (their own
        # recognizers own those).
        return any(c.isdigit() for c in value) and not re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", value)
