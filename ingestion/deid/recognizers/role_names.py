"""People named by a role outside the ward's own staff: "Supervisor Holly Farrell", "COACH TOLEDO BROUGHT",
"caseworker johan (555) ...", "PO BERGMAN (555) ...", "HR (Ake Dolezal) fax ...". The roles are a closed
class (data/role_words.txt); the words after one are a name only where they look like one, so "coach class",
"the supervisor said" and "pharmacist reviewed" stay."""

from __future__ import annotations

import functools
import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.recognizers.base import ClinicalRecognizer
from ingestion.deid.recognizers.name_cues import _LOW, _RELATION_WORDS, _UP
from ingestion.deid.recognizers.names import (
    _TITLE_WORDS,
    _credentials,
    _is_initial,
    _no_english,
    _titled,
)

_WORD = re.compile(rf"[{_UP}{_LOW}]['’]?[{_UP}{_LOW}]*(?:[-'’][{_UP}{_LOW}]+)*\.?")
# Between the role and the name: a colon, a bracket or a dash ("HR (Ake Dolezal)", "caseworker: johan").
_GAP = re.compile(r"[ \t]*(?:[:(-][ \t]*)?")
# A number to reach the person, right after the name or its closing bracket: "PO BERGMAN (555) 555-0134", "fax 555.0134".
_REACHED = re.compile(
    r"[ \t]*\)?[ \t]*,?[ \t]*(?:(?i:fax|ph|phone|tel|cell|mobile|c|w|x|ext)\.?[ \t]*[:#]?[ \t]*)?"
    r"(?:\(\d{3}\)[ \t]*\d{3}[ .-]\d{4}|(?:1[ .-])?\d{3}[ .-]\d{3}[ .-]\d{4}|\d{3}[ .-]\d{4})(?!\d)"
)
# What only a person does, right after the name: "COACH TOLEDO BROUGHT THE STUDENT IN", "Supervisor Drew witnessed".
_DOES = re.compile(r"[ \t]+(?i:brought|called|said|says|sent|reports?|reported|states?|stated|asked|asks|witnessed|aware|notified"
                   r"|visited|phoned|came|drove|picked|confirmed|faxed|wants|prefers)\b")
# Whom one spoke to at an organisation, named after a dash on the same line: "spoke w/ Apria Healthcare - Samantha 555-...".
_SPOKE_DASH = re.compile(r"(?i)(?<![\w/])(?:spoke|spoken|talked|s/w)[ \t]+(?:(?:w/|with|to)[ \t]*)?[^\n;]{1,60}?[ \t][-–][ \t]+")
_SPOKE_WITH = re.compile(r"(?i)(?<![\w/])(?:spoke|talked)[ \t]+(?:w/|with|to)[ \t]*")
_SPOKE_END = re.compile(r"[ \t]*(?:\((?i:ref|conf|call|case|ticket|id)|,|;|(?i:re)\b|$)", re.MULTILINE)
_CLAUSE_END = re.compile(r"[ \t]*(?:[.;,)]|$)", re.MULTILINE)
_ENGLISH_SUFFIX = re.compile(r"(?i)(?:able|ible|ment|tion|sion|ness|ity|ly|ive|ous)$")  # English's derived words, no one's name
_COMMON_ZIPF = 4.0  # a first name this frequent in English ("frank" 5.0, "dawn" 4.6) needs a surname or a clause's end after it
_SURNAME_ZIPF = 3.5  # a census surname alone after a role must be rarer than English writes it ("pollard", not "cook")


@functools.cache
def _roles() -> tuple[re.Pattern[str], frozenset[str]]:
    """The role pattern (longest first, in any case) and the roles that are also shorthand or plain words."""
    entries = lexicon.word_file("role_words.txt")
    ambiguous = frozenset(e.removesuffix("?").strip() for e in entries if e.endswith("?"))
    words = {e.removesuffix("?").strip() for e in entries}
    alternation = "|".join(re.escape(w).replace("\\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w'’/-])(?:{alternation})(?![\w'’-])"), ambiguous


@functools.cache
def _role_parts() -> frozenset[str]:
    return frozenset(w for e in lexicon.word_file("role_words.txt") for w in e.removesuffix("?").split())


def _never(word: str) -> bool:
    """A word that is never a name after a role: note structure, shorthand, relations, roles, credentials."""
    return (word in lexicon.structure_words() or word in lexicon.function_words()
            or word in _RELATION_WORDS or word in _TITLE_WORDS or word in _CONTACT_WORDS or word in _credentials() or word in _role_parts()
            or not word.replace("-", "").replace("'", "").isalpha() or len(word) < 2)


# What follows a signature's role or a relation, not a name: "Roger Marsh, CHW  pgr 8828", "sister (DPOA)".
_CONTACT_WORDS = frozenset("pgr pager beeper bleep cell mobile tel fax phone ext vocera dpoa mpoa".split())


# How sure the first word is a name, and what must then follow it: nothing; a surname or a clause's end ("common");
# a surname or a number ("pair"); a number or what a person does ("strong").
_YES, _COMMON, _PAIR, _STRONG = "yes", "common", "pair", "strong"


def _first_word(word: str, written: str, text: str, at: int) -> str | None:
    """The name's first word: written as a name in mixed case, a census name or a word English does not know."""
    firsts = lexicon.first_names()
    if _never(word) or word in lexicon.note_words() and word not in firsts:
        return None
    if word in lexicon.clinical_terms() or word in lexicon.safe_words_only() or word in lexicon.word_file("drug_words.txt"):
        return (_YES if _titled(written, text, at) else _PAIR) if word in firsts else None  # "teacher frank hakansson", "Coach Art Montserrat"; never "PO TYLENOL"
    zipf = lexicon.word_frequency(word)
    if _titled(written, text, at):
        return _YES if word in firsts or word in lexicon.last_names() and zipf < 4.5 or zipf < _SURNAME_ZIPF else None
    if word in firsts:
        return _COMMON if lexicon.english_word(word) and zipf >= _COMMON_ZIPF else _YES
    if word in lexicon.last_names() and zipf < _SURNAME_ZIPF or _no_english(word) and zipf < 2.5:
        return _YES
    if word not in lexicon.note_words() and (word in lexicon.last_names() or not lexicon.english_word(word) or zipf < _SURNAME_ZIPF):
        return _STRONG  # "caseworker johan (555)", "COACH TOLEDO BROUGHT"
    return None


def _surname(word: str, written: str, text: str, at: int) -> bool:
    """A word after the first: a surname written as one, a census surname no note uses, or a word English does not know."""
    if _never(word) or word in lexicon.note_words():
        return False
    if word in lexicon.clinical_terms() or word in lexicon.safe_words_only() or word in lexicon.word_file("drug_words.txt"):
        return word in lexicon.last_names()  # after a first name, an eponym's surname is one: "teacher gregory pugh"
    if _titled(written, text, at):
        return word in lexicon.last_names() or word in lexicon.first_names() or lexicon.word_frequency(word) < 4.0
    return word in lexicon.last_names() and lexicon.word_frequency(word) < 5.0 or _no_english(word) and lexicon.word_frequency(word) < 2.5


class RoleNameRecognizer(ClinicalRecognizer):
    def __init__(self) -> None:
        super().__init__([Phi.PERSON])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        pattern, ambiguous = _roles()
        results = []
        for role in pattern.finditer(text):
            span = self._name_after(text, role.end())
            if span is None:
                continue
            start, end, level, words = span
            reached, does = _REACHED.match(text, end), _DOES.match(text, end)
            clause = words == 1 and _CLAUSE_END.match(text, end)
            plain = re.sub(r"\s+", " ", role.group().lower()) in ambiguous
            if plain:
                level = _STRONG if level == _YES and words == 1 and not clause else level
                # After a role that is also shorthand ("PO", "HR", "staff") a name must be reached by a number, end its
                # clause or do what a person does: "PO NEVIN 555-...", "staff dawn.", not "PO TYLENOL 650 MG".
                if not (reached or clause or does):
                    continue
            # After a role that is no plain word, a word no note uses ends its clause as a name does: "(judge uriel)", "GAL atty vitali."
            strong_clause = clause and not plain \
                and not _ENGLISH_SUFFIX.search(text[start:end])  # "advocate reachable." is no name
            if level == _COMMON and not (words > 1 or reached or clause or does) or level == _PAIR and not (words > 1 or reached) \
                    or level == _STRONG and not (reached or does or strong_clause):
                continue
            results.append(self.result(Phi.PERSON, start, end, 0.6))
        for contact in _SPOKE_DASH.finditer(text):
            # The person who answered for an organisation, after a dash and before their number: "spoke w/ Lincare - Roger 555-..."
            span = self._name_after(text, contact.end())
            if span is not None and (span[2] in (_YES, _COMMON) or span[2] == _PAIR and span[3] > 1) and _REACHED.match(text, span[1]):
                results.append(self.result(Phi.PERSON, span[0], span[1], 0.6))
        for spoke in _SPOKE_WITH.finditer(text):
            # A first name alone after "spoke w/", then a reference, a comma or the subject: "spoke w/ Frank (ref 1234) re: auth"
            span = self._name_after(text, spoke.end())
            if span is not None and span[3] == 1 and text[span[0] : span[1]].lower() in lexicon.first_names() \
                    and span[2] in (_YES, _COMMON) and _SPOKE_END.match(text, span[1]):
                results.append(self.result(Phi.PERSON, span[0], span[1], 0.6))
        return results

    @staticmethod
    def _name_after(text: str, at: int) -> tuple[int, int, str, int] | None:
        """The name after a role: its span, how sure its first word is (what must follow it), and its number of
        words. A credential or second role between is passed over ("pharmacist PharmD Gonzalo")."""
        at = _GAP.match(text, at).end()
        while (token := _WORD.match(text, at)) and ((w := token.group().lower().rstrip(".")) in _credentials() or w in _role_parts()) \
                and w not in lexicon.first_names():
            at = _GAP.match(text, token.end()).end()
        words: list[re.Match] = []
        level, pos = None, at
        while len(words) < 3 and (token := _WORD.match(text, pos)):
            written = token.group().rstrip(".")
            word = written.lower()
            if len(written) == 1:
                if not words or not _is_initial(text, token):
                    break  # an initial ends or follows a name ("joy a."), never starts one here
            elif not words:
                if (level := _first_word(word, written, text, token.start())) is None:
                    break
            elif not _surname(word, written, text, token.start()):
                break
            words.append(token)
            pos = token.end()
            gap = re.match(r"[ \t]{1,2}", text[pos : pos + 2])
            if not gap:
                break
            pos += gap.end()
        if not words:
            return None
        last = words[-1]
        end = last.end() if len(last.group().rstrip(".")) == 1 else last.start() + len(last.group().rstrip("."))
        return words[0].start(), end, level, len(words)
