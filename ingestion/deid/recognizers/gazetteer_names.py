"""Names the census lists know, with no cue: first-last pairs anywhere, lone surnames mid-sentence
("Spoke with Gonzalez"), unless the word is clinical vocabulary or an eponym before its noun."""

from __future__ import annotations

import functools
import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.kin import RELATION_WORDS
from ingestion.deid.recognizers.base import ClinicalRecognizer
from ingestion.deid.recognizers.name_cues import _CAPS, _CREDENTIALS, _INITIAL, _TITLE, _UP, _WORD

_PAIR = re.compile(rf"(?<![\w'’-])(?P<first>{_WORD})(?:[ ]{{1,2}}(?P<mid>{_INITIAL}|{_WORD}))?[ ]{{1,2}}(?P<last>{_WORD})(?![\w'’-])")
_COMMA_PAIR = re.compile(rf"(?<![\w'’-])(?P<last>{_WORD}),[ ]{{0,2}}(?P<first>{_WORD})(?:[ ]{{1,2}}(?P<mid>{_INITIAL}))?")
_INITIAL_SURNAME = re.compile(rf"(?<![\w.])[{_UP}]\.[ ]?(?P<last>{_TITLE}|{_CAPS})(?![\w-])")
_SINGLE = re.compile(rf"(?<![\w'’.-])(?P<last>{_TITLE}|{_CAPS})(?![\w-]|['’](?!s\b))")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|\n\s*|[-*•]\s+)$")
# A capitalized word beside another one is part of a term or a title ("Glasgow Coma Scale").
_CAPITAL_BEFORE = re.compile(rf"[{_UP}][\w'’-]*[ \t]+$")
_CAPITAL_AFTER = re.compile(rf"[ \t]+[{_UP}]")
_POSSESSIVE = re.compile(r"['’][sS]$")


def _kin(word: str, firsts: frozenset[str]) -> bool:
    """A relation that is no first name: "SISTER", "DTR" (not "Nan", "Son")."""
    return word.lower() in RELATION_WORDS and word.lower() not in firsts


def _owner(word: str, firsts: frozenset[str]) -> bool:
    """A possessive that is no name's: "PT'S", "PATIENT'S" (not "KATE'S", "NGUYEN'S")."""
    stem = _POSSESSIVE.sub("", word).lower()
    return stem != word.lower() and stem not in firsts and stem not in lexicon.last_names() and lexicon.word_frequency(stem) >= 2.0
_LONE = re.compile(r"(?<![\w'’.-])[A-Za-z]+(?![\w'’-])")

class GazetteerNameRecognizer(ClinicalRecognizer):
    def __init__(self) -> None:
        super().__init__([Phi.PERSON])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        firsts, lasts, never = lexicon.first_names(), lexicon.last_names(), lexicon.never_names()
        clinical, frequency, function = lexicon.clinical_terms(), lexicon.word_frequency, lexicon.function_words()
        results, eponym = [], lexicon.eponym_after()
        at = 0
        while (m := _PAIR.search(text, at)) is not None:
            at, start = m.end(), m.start()
            if _kin(m["first"], firsts) or _owner(m["first"], firsts):
                # "PT'S SISTER MARY", "DAUGHTER MARY SMITH": who she is, then her name. Her name alone is masked,
                # or tried as a pair from the next word ("KATE'S SON JOE" stays whole: a name's possessive).
                at = start = m.start("last") if not m["mid"] or m["mid"].lower() in RELATION_WORDS else m.start("mid")
            if eponym.match(text, m.end()):
                continue  # "Lloyd Davies position": an eponym
            first, last = m.group("first").lower(), m.group("last").lower()
            mid = (m.group("mid") or "").lower()
            if first in never or last in never or {first, mid, last} & function:
                continue  # "AROUSABLE TO VOICE", "ASPIRATE AND CORE": a clause, not a name
            # Both known; one known and the other too rare to be an English word ("Priya Raghunathan");
            # or two capitalized words English does not know ("Krisztián Szöllösy").
            rare_first, rare_last = frequency(first), frequency(last)
            if (
                (first in firsts and (last in lasts or rare_last < 3.0))
                or (last in lasts and rare_first < 2.5)
                or (max(rare_first, rare_last) < 3.3 and min(rare_first, rare_last) < 2.0 and not m.group(0).isupper())
            ):
                results.append(self.result(Phi.PERSON, start, m.end(), 0.75))
                at = m.end()
        for m in _COMMA_PAIR.finditer(text):
            # "Lopez, Mark": the comma form is evidence enough for a first name that is also a word.
            first, last = m.group("first").lower(), m.group("last").lower()
            # In capitals, "VACA, WILL CALL" is a clause: there the first name must not be a common word.
            if last in lasts and last not in never and first in firsts and first not in (never if m.group(0).isupper() else clinical):
                results.append(self.result(Phi.PERSON, m.start(), m.end(), 0.8))
        for m in _INITIAL_SURNAME.finditer(text):
            word = m.group("last").lower()
            if word not in never and (word in lasts or frequency(word) < 3.0):
                results.append(self.result(Phi.PERSON, m.start(), m.end(), 0.6))
        results += self._lone_first_names(text, firsts, never, eponym)
        common = lexicon.common_last_names()
        for m in _SINGLE.finditer(text):
            word = m.group("last").lower()
            if eponym.match(text, m.end()):
                continue  # "Thomas splint", "Hudson mask"
            if m.group("last").isupper() and len(word) <= 3:
                continue  # RA, RV, ICU: abbreviations
            if word in never or word not in lasts and word not in firsts:
                continue
            if _CAPITAL_BEFORE.search(text, max(0, m.start() - 30), m.start()) or _CAPITAL_AFTER.match(text, m.end()):
                continue  # pairs are the rules above; a lone word inside a capitalized phrase is a term
            zipf = frequency(word)
            if _SENTENCE_START.search(text, max(0, m.start() - 3), m.start()):
                # Sentence-initial capitals say nothing; only a word too rare to be English counts.
                if zipf < 3.0 and word in common:
                    results.append(self.result(Phi.PERSON, m.start(), m.end(), 0.45))
            elif zipf < 4.3 or word in firsts and zipf < 5.0:
                results.append(self.result(Phi.PERSON, m.start(), m.end(), 0.5))
        return results

    def _lone_first_names(self, text: str, firsts: frozenset[str], never: frozenset[str], eponym: re.Pattern[str]) -> list[RecognizerResult]:
        """A first name the dictionary holds only as a name, where a capital says nothing or a
        surname follows: "JENNIFER FEEDING IT", "ranveer called", "Helen Brown", "george brown"
        (Brown alone is a colour). "GRANT", "will", "summer" are words and stay."""
        words, results = lexicon.dictionary_words(), []
        for m in _LONE.finditer(text):
            token, word = m.group(), m.group().lower()
            if len(token) < 4 or word not in firsts or word in words or word in never or eponym.match(text, m.end()):
                continue  # short ones are shorthand ("ED", "AL")
            surname = _SURNAME_AFTER.match(text, m.end())
            end = None
            if surname and not eponym.match(text, surname.end()):
                word_after = surname.group(1).lower()
                if _surname(word_after) or _CREDENTIAL_AFTER.match(text, surname.end()) and word_after in lexicon.last_names() \
                        and word_after not in lexicon.clinical_terms():
                    end = surname.end()  # "PAULA MAY MD": before a credential any census surname is one
            if end is not None or not (token[1:].islower() and token[0].isupper()):  # a lone "Jennifer": the rules above
                results.append(self.result(Phi.PERSON, m.start(), end or m.end(), 0.5))
        return results


_CREDENTIAL_AFTER = re.compile(rf",?[ \t]+{_CREDENTIALS}\b")
_SURNAME_AFTER = re.compile(r"[ ]([A-Za-z][A-Za-z'’]+(?:-[A-Za-z][A-Za-z'’]+)?)(?![\w'’-])")
_EVERYDAY_ZIPF = 5.5  # "will" 6.3, "may" 5.8 are words first; "Black" 5.2, "Price" 5.0, "Brown" 4.9 go on a first name


@functools.cache
def _not_surnames() -> frozenset[str]:
    return lexicon.clinical_terms() | lexicon.structure_words() | lexicon.function_words() | lexicon.safe_words_only()


def _surname(word: str) -> bool:
    """A word after a first name that is its surname: every part a census surname, a frequent one
    if it is an English word too ("Brown", not "rang"), none clinical, structural or everyday
    English ("JENNIFER WILL CALL")."""
    excluded = _not_surnames()
    for part in re.split(r"-", word.replace("’", "'")):
        if len(part) < 2 or part in excluded or lexicon.word_frequency(part) >= _EVERYDAY_ZIPF:
            return False
        if part not in lexicon.last_names():
            return False  # "Davis recs", "Haley desat": shorthand after a name
        if lexicon.english_word(part) and part not in lexicon.common_last_names():
            return False  # "Hayley rang", "JOSHUA TOLERATING": a verb, however rare a surname
    return True
