"""Medical record, account, plan, licence, serial, accession and other identifying numbers."""

from __future__ import annotations

import functools
import re

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.recognizers.base import SERIES, WORD_START, RegexRecognizer, Rule, rule

# An identifier value: groups of letters and digits joined by "-" or "." with at least one digit,
# then digit groups after single spaces, the last maybe a check digit: "3982-150-395-RB",
# "M23.105919", "MED00 9105", "6243 33979 4-6". Never cut inside a word ("12345/6" is not one).
_VALUE = r"(?P<phi>#?(?=[A-Z0-9.-]*\d)[A-Z0-9]+(?:[.-][A-Z0-9]+)*(?:[ ](?:\d{2,}|\d-\d)\b)*+)(?![\w/]|[.-]\w)"
# Between a label and its value: "MRN: ", "Acct #", "Hosp. No. ", "| **MRN** | " (a Markdown table cell).
_SEP = r"\.?[\s*|]*(?:#|no\b\.?|number|num\b\.?|id\b)?[\s*|]*[:#=]?[\s*|]*"
# The same, with the "no." or "#" required: "Lab no. ", "Specimen # ", "Visit no: ".
_MARK = r"\.?[ \t*|]*(?:#|no\b\.?|number|num\b\.?|id\b)[ \t*|]*[:#=]?[ \t*|]*"


@functools.cache
def issuers() -> tuple[str, ...]:
    """Abbreviations of registers and health-number schemes (data/id_issuers.txt)."""
    return tuple(sorted(lexicon.word_file("id_issuers.txt")))


# "Hosp. No.", "UR No." / "UR 1234567" / "URN" (an Australian unit record), "Unit record number"
_RECORD_LABELS = r"(?:Hosp(?:ital)?\.?\s*(?:no\b|number|#)|UR\s*(?:no\b|number|#)|(?-i:URN?)|Unit\s+record(?:\s*(?:no\b|number))?)"
# Record words that name a number only with "no." or "#" after them: "Lab no.", "Visit #", "Episode no."
_MARKED_LABELS = (
    r"(?:Lab(?:oratory)?|Specimen|Sample|Visit|Episode|Admission|Booking|Referral|Ref(?:erence)?|Case|Report|Reg(?:istration)?"
    r"|Run|Job|Incident|Event|Health\s*card|Client|Patient|Accession|Encounter|Claim|File|Folder|Registry|Ins(?:urance)?)"
)

_MRN_LABELS = r"(?:MRN|MR#|MR\s*No|Med(?:ical)?\s*Rec(?:ord)?(?:\s*(?:No|Number|#))?|Medical\s+record|Chart|Patient\s*ID|Pt\.?\s*ID|Hospital\s*(?:No|Number|#)|Unit\s*(?:No|Number))"
_ID_LABELS = (
    r"(?:Acct|Account|Acc(?:ession)?|Encounter|Enc|Visit\s*(?:ID|No|#)|FIN|CSN|HAR|Member(?:\s*ID)?|Subscriber(?:\s*ID)?|Sub\.?\s*ID"
    r"|Policy|Group(?:\s*(?:No|#|ID|number))?|Insurance(?:\s*ID)?|Medicaid|Medicare(?:\s*ID)?|MBI|Plan\s*ID|Claim|Auth(?:orization)?"
    r"|Licen[cs]e|Driver'?s\s+licen[cs]e|NPI|DEA|UPIN|CLIA|Serial|(?-i:SN|S/N|DL)|Device\s*ID|Lot\s*(?:No|#)|Model\s*#|Order(?:\s*(?:No|#|ID))"
    r"|Specimen(?:\s*(?:No|#|ID))|Req(?:uisition)?|Case\s*(?:No|#)|Reference\s*(?:No|#)|Tracking|Badge|Employee\s*ID|Passport"
    r"|Certificate|Vehicle|VIN|Plate)"
)

ID_RULES = (
    rule(rf"{WORD_START}{_MRN_LABELS}{_SEP}{_VALUE}", Phi.MRN, 0.9, re.IGNORECASE),
    rule(rf"{WORD_START}{_ID_LABELS}{_SEP}{_VALUE}", Phi.ID, 0.85, re.IGNORECASE),
    # "IMC 123456", "OHIP # 1234-567-890-AB"; "Lab no. M23.105919", "Visit no. 92637565" (one pass for both)
    _ISSUED := rule(rf"{WORD_START}(?:(?:{'|'.join(issuers())})\b{_SEP}|{_MARKED_LABELS}{_MARK}){_VALUE}", Phi.ID, 0.85, re.IGNORECASE),
    _RECORD := rule(rf"{WORD_START}{_RECORD_LABELS}{_SEP}{_VALUE}", Phi.MRN, 0.85, re.IGNORECASE),
    # An incident or job number with no "no.": "INCIDENT 833621", "job 313515" (five digits or more)
    rule(r"\b(?i:incident|job)[ \t]+#?(?P<phi>\d{5,})\b(?![.,/:-]\d)", Phi.ID, 0.8),
    # A person's number after "ID #" or an interpreter's operator number: "interpreter Ana (ID #64028)", "Language Line op #655969"
    rule(r"\b(?:(?-i:ID)|(?i:op|operator))[ \t]*#[ \t]*(?P<phi>\d{4,})\b(?![.,/:-]\d)", Phi.ID, 0.8),
    # ... and after "ID:" a code of five digits or more, a letter or three before ("Facility ID: r7481250"); "ID: 45 yo" stays
    rule(r"\b(?i:ID)[ \t]*:[ \t]*(?P<phi>[A-Za-z]{0,3}\d{5,})\b(?![.,/:-]\d)", Phi.ID, 0.8),
    # Shaped, unlabelled: "#E9181234", "E977562513", "XR2303271597": a letter prefix and 6+ digits.
    # (a lower-case prefix only with its hyphen: "docket pr-230653317")
    rule(r"(?<![\w/.-])(?P<phi>#?(?:[A-Z]{1,4}-?|[a-z]{1,4}-)\d{6,}(?:-\d+)?)(?![\w/])", Phi.ID, 0.6),
    # Codes of capitals and digits, at least four digits: "UHM703760N", "36BN28968", "21828H8074".
    rule(r"(?<![\w/.-])(?P<phi>(?=(?:[A-Z]*\d){4})(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,})(?![\w/])", Phi.ID, 0.55),
    # Digit groups joined by hyphens, with a letter prefix or eight digits: "S19-033447", "64255-960"
    # (a reference range "135-145" has six, a date its own recognizer).
    rule(r"(?<![\w/.-])(?P<phi>(?:[A-Z]{1,3}-?)?\d+(?:-\d{2,}){1,3})(?![\w/-]|\.\d)", Phi.ID, 0.55),
    # A social security number masked all but its last four: "xxx-xx-0476" (the four still identify)
    rule(r"(?<![\w-])(?P<phi>[xX*]{3}-[xX*]{2}-\d{4})\b", Phi.SSN, 0.8),
    # A bare run of 7-12 digits is a record number, not a value: values have units or decimals.
    # Six digits marked with "#" after a word: "conf #536653", "order # 204411"
    rule(r"(?<=[A-Za-z][ \t])#[ \t]?(?P<phi>\d{6})(?![\w/%-]|[.,]\d)", Phi.ID, 0.5),
    # (a sentence may end after it: "conf #536653692.")
    rule(r"(?<![\w.,/$-])(?P<phi>#?\d{7,12})(?![\w/%-]|[.,]\d|\s*(?:mg|mcg|g|ml|mL|units?|IU|cells|copies|/)\b)", Phi.ID, 0.5),
)


_SETTINGS = re.compile(r"(?:\d+[xX])+\d+")
_CLOCK_RANGE = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d-(?:[01]\d|2[0-3])[0-5]\d")


_MONTH = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.IGNORECASE)


def _issued_shape(value: str) -> bool:
    """After a weaker label a number needs four digits and five characters (a year, "14:30" or
    "135-145" is not one), and must be no decimal ("2.5") nor a date ("23-May-23")."""
    alnum = sum(c.isalnum() for c in value)
    digits = sum(c.isdigit() for c in value)
    return (digits >= 4 and alnum >= 5 and not re.fullmatch(r"\d+\.\d+", value)
            and not (_MONTH.search(value) and re.fullmatch(r"\d{1,2}-[A-Za-z]{3,9}-\d{2,4}", value)))


# The words the issued rule can start with: it is tried only there, one set lookup per word, not
# its case-insensitive alternation at every word of the text (half the recognizer's time).
_ISSUED_STARTS = frozenset(issuers()) | frozenset(
    "lab laboratory specimen sample visit episode admission booking referral ref reference case report reg registration "
    "run job incident event health healthcard client patient accession encounter claim file folder registry ins insurance".split()
)
_WORDS = re.compile(r"\b[A-Za-z]+")


class ClinicalIdRecognizer(RegexRecognizer):
    RULES = tuple(r for r in ID_RULES if r is not _ISSUED)

    def analyze(self, text, entities, nlp_artifacts=None):
        results = super().analyze(text, entities, nlp_artifacts)
        for word in _WORDS.finditer(text):
            if word.group().lower() in _ISSUED_STARTS and (match := _ISSUED.pattern.match(text, word.start())):
                start, end = match.span("phi")
                if start < end and self.keep(text, start, end, _ISSUED):
                    results.append(self.result(_ISSUED.entity, start, end, _ISSUED.score))
        return results

    def keep(self, text: str, start: int, end: int, rule: Rule) -> bool:
        value = text[start:end].lstrip("#")
        if (rule is _ISSUED or rule is _RECORD) and not _issued_shape(value):
            return False
        if rule.score >= 0.85 and len(value) < (3 if "#" in text[start - 1 : start + 1] else 4):
            return False  # "Case #2", "Visit no. 12": a count, not a record
        if _SETTINGS.fullmatch(value) or _CLOCK_RANGE.fullmatch(value) or rule.score == 0.55 and SERIES.fullmatch(value):
            # "16X500X40" (rate x volume x PEEP), "0700-1900" (a shift), "249-134-219" (fingersticks)
            return False
        if rule.score == 0.55 and "-" in value and value[0].isdigit() and sum(c.isdigit() for c in value) < 8:
            return False  # "135-145", "22-29": reference ranges, not identifiers
        # Labelled values still need a digit and must not be a date or a phone shape (their own
        # recognizers own those).
        return any(c.isdigit() for c in value) and not re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", value)
