"""Practices, laboratories and imaging centres named for a person or a place, in any case.

A discharge summary's follow-up list names practices by whose or where they are and what they do:
"Faulkner Oncology and Hematology", "Griffin Radiology", "hayes fp", "West Quinvale Open MRI",
"Durrihy Gastroenterology, P.C.". The kind is a closed class, recognised by its form (a specialty
ends in -ology, -iatry, -iatrics, -pedics) or listed below; the name before it must be a name on
its own: a surname or a word English does not know ("Faulkner", "Quinvale"), or a frequent
surname that is also a word ("Price Radiology", "hall fp"). Kinds of care
("Interventional Radiology", "Pediatric Cardiology", "Nuclear Medicine") and everyday words
("Appreciate Cardiology recs") are no name, so a department stays readable.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.grow import wraps
from ingestion.deid.recognizers.base import WORD_START, ClinicalRecognizer
from ingestion.deid.recognizers.name_cues import _RELATION_WORDS
from ingestion.deid.recognizers.place_cues import _ADJECTIVE, _DESCRIPTORS, PREFIXES, _feature

_SPECIALTY = r"[a-z]+(?:ology|iatry|iatrics|pedics|paedics)"
_PRACTICE = re.compile(
    rf"{WORD_START}(?i:(?:{_SPECIALTY}(?:[ ]+(?:and|&)[ ]+{_SPECIALTY})?|internal[ ]+medicine|family[ ]+(?:medicine|practice)"
    r"|primary(?:[ ]+care)?|surgical(?:[ ]+group)?|imaging|pathology|labs?|(?:diagnostic|clinical)[ ]+laborator(?:y|ies)|open[ ]+mri"
    r"|renal(?:[ ]+care)?|amb|fp|fm|fd|group)"
    r"(?:[ ]+(?:associates|group|partners|specialists|consultants|physicians))?(?:,?[ ]+(?:p\.c\.|pc|pllc|llc|inc\.?))?)(?![\w'’-])"
)
_TOKEN = re.compile(r"[A-Za-z][\w'’]*|&")
# A practice named for two people, where a place is written: "Hep B #1 - 3/4, Hebert & Bell (lot 1234", "| Segura and Howell |",
# "Completed PT at Walia and Balazs 3/2--5/3", "on apixaban per Dr. Ng (Baker and Cole)", "Outpt: Hebert & Bell / ACT team"
_PAIR = re.compile(
    r"(?:\b(?:at|per)|[@|(,:])[ ]+(?P<phi>(?P<a>[A-Za-z][\w'’-]+)[ ]+(?:&|and)[ ]+(?P<b>[A-Za-z][\w'’-]+))"
    r"(?=[ ]*(?:\|[ ]|\((?i:lot)\b|\)|/[ ]|$)|[ ]+\d{1,2}/\d)",
    re.M,
)
_MAX_WORDS = 4
_UNKNOWN_ZIPF = 3.5
_OBSCURE_ZIPF = 2.0  # a dictionary word rarer than this is used as a name, not as itself: "Cetin" (1.6; cetin is a wax)


def _name_word(token: str) -> bool:
    """A word that names a practice on its own (see the module's docstring)."""
    word = token.lower().removesuffix("'s").removesuffix("’s")
    if len(word) < 2 or word in lexicon.function_words() or word in _DESCRIPTORS \
            or word in lexicon.structure_words() or word in lexicon.safe_words_only() or word in _RELATION_WORDS:
        return False
    if word in lexicon.never_names():  # a word of notes, an eponym, a drug: a name here only as a frequent surname
        return word in lexicon.common_last_names()  # "Price Radiology", "thompson radiology", "Hall FP"
    census = word in lexicon.last_names() or word in lexicon.first_names()
    if _ADJECTIVE.fullmatch(word) and not census:
        return False
    if lexicon.english_word(word) and lexicon.word_frequency(word) >= _OBSCURE_ZIPF:
        return word in lexicon.common_last_names()  # "Price", "hayes": before a practice's kind, a frequent surname is one
    return census or lexicon.word_frequency(word) < _UNKNOWN_ZIPF


# A family practice by its name alone, where a place is written: "| Pneumococcal PCV20 | 3/4/2021 | Halvorsen Family | Pfizer |",
# "Hep B #2 - 3/4, okafor family (lot u59917", "Please fax records to Halvorsen Family at (555) ..."
_FAMILY_SLOT = re.compile(
    r"(?:[@|,]|\bto)[ ]+(?P<phi>(?P<a>[A-Za-z][\w'’-]+)[ ]+(?:Family|family|FAMILY))(?=[ ]*(?:\|[ ]|\((?i:lot)\b)|[ ]+at[ ])",
)
# An office by its owner's name and "'s", where a record or a patient's care comes from: "Pano from Holmes's (3/4) reviewed",
# "Dental home: Rackham's.", "pano from berg's (date)"; an eponym's disease stays ("suffers from Parkinson's.")
_OWNERS = re.compile(r"\b(?:(?i:from)|(?i:home):)[ ]+(?P<phi>[A-Za-z][\w-]+)['’]s(?=[ ]*(?:\(|[.,;](?:[ ]|$)|$))", re.M)


class PracticeRecognizer(ClinicalRecognizer):
    def __init__(self) -> None:
        super().__init__([Phi.FACILITY])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for kind in _PRACTICE.finditer(text):
            start = self._name_before(text, kind.start())
            if start is not None:
                results.append(self.result(Phi.FACILITY, start, kind.end(), 0.65))
        for practice in _FAMILY_SLOT.finditer(text):
            word = practice["a"].lower()  # a census name, here even a rare English word ("Shiels"), or a name English lacks
            if _name_word(practice["a"]) or lexicon.known_name(word) and word not in lexicon.never_names() \
                    and word not in lexicon.function_words() and word not in lexicon.structure_words():
                results.append(self.result(Phi.FACILITY, *practice.span("phi"), 0.6))
        for owner in _OWNERS.finditer(text):
            word = owner["phi"].lower()
            # a name, or a frequent surname that is a word of notes written as a name ("Ward's"); never a disease's eponym
            if word not in lexicon.clinical_terms() and word not in _RELATION_WORDS and (
                    lexicon.known_name(word) and word not in lexicon.never_names()
                    or owner["phi"].istitle() and word in lexicon.common_last_names()):
                results.append(self.result(Phi.FACILITY, *owner.span("phi"), 0.6))
        for pair in _PAIR.finditer(text):
            a, b = pair["a"], pair["b"]
            # two names, written alike ("Hebert & Bell", "segura and howell"), neither a relation's or a sentence's word
            if a[:1].isupper() == b[:1].isupper() and _name_word(a) and _name_word(b) \
                    and (lexicon.known_name(a.lower()) or lexicon.known_name(b.lower())):
                results.append(self.result(Phi.FACILITY, *pair.span("phi"), 0.6))
        return results

    @staticmethod
    def _name_before(text: str, at: int) -> int | None:
        """Where the name before a practice's kind starts: name words, prefixes ("West", "Mount"),
        a locality's type after a name ("Quinwood Springs") and "&" or "and" between two names ("Pearson and Martin Primary Care")."""
        tokens = list(_TOKEN.finditer(text, max(0, at - 80), at))[-_MAX_WORDS:]
        start, named, end, first = None, False, at, ""
        for token in reversed(tokens):
            gap = text[token.end() : end]
            if gap not in (" ", "  ") and not (gap.strip(" \t") == "\n" and wraps(text, token.end())):
                break  # a space, or a long line's wrap, between a name's words (not a form's columns)
            word = token.group()
            if word.isupper() and len(word) <= 5 and not named and word.lower() not in lexicon.last_names():
                break  # a hospital's initials and its department ("GRMC lab", "UHD PATHOLOGY"), or an acronym ("CLIA LAB"), not "ALLEN"
            if _name_word(word):
                named = True
            elif not (word.lower() in ("&", "and") and named or word.lower() in PREFIXES and named or _feature(word.lower()) and not named):
                break
            start, end, first = token.start(), token.start(), word.lower()
        return start if named and first not in ("&", "and") else None  # a name, not the joint before it
