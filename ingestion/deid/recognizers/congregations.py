"""Churches, parishes and religious orders: where a chaplain or a social worker says the patient worships,
and the residences that orders run ("McKay AME Zion", "First Congregational Church of Quenville",
"Sisters of Charity", "DAUGHTERS OF SAINT JOSEPH RESIDENCE", "Church of the Good Shepherd").

A house of worship's kind is a closed class; its name is the words beside it. The name must hold a
word only a name would be (no dictionary's, or a census name English lacks) unless it is an
order's or "Church of the ..." written as a proper name; "First Baptist Church" alone, "the
chapel", "a temple laceration" stay.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.grow import one_case_line
from ingestion.deid.recognizers.base import ClinicalRecognizer
from ingestion.deid.recognizers.facility_slots import rare

_KIND = re.compile(
    r"(?<![\w'’-])(?i:(?:a\.?m\.?e\.?|c\.?m\.?e\.?)(?:[ \t]+zion)?(?:[ \t]+church)?|church|chapel|temple|cathedral|parish|synagogue|mosque"
    r"|tabernacle|congregation|ministries|basilica)(?![\w'’-])"
)
_ORDER = re.compile(r"(?<![\w'’-])(?i:(?:little[ \t]+)?(?:sisters|daughters|brothers|servants|missionaries|handmaids))(?=[ \t]+(?i:of)[ \t])")
_OF = re.compile(r"[ \t]+(?i:of)[ \t]+(?:(?i:the)[ \t]+)?")
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_RESIDENCE = frozenset("residence home hospital convent center centre house manor hall school academy".split())
_SAINT = frozenset(("st", "st.", "saint"))
_BEFORE = 3  # name words before a kind: "O'DOHERTY MEMORIAL [AME ZION CHURCH]"
_AFTER = 3  # name words after "of": "Church of the Holy Cross"


class CongregationRecognizer(ClinicalRecognizer):
    def __init__(self) -> None:
        super().__init__([Phi.FACILITY])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = []
        for kind in _KIND.finditer(text):
            one_case = one_case_line(text, kind.start())
            if not (one_case or kind.group()[0].isupper()):
                continue  # "the chapel", "a temple laceration"
            start, before = _words_before(text, kind.start(), one_case)
            end, after, proper = _of_name(text, kind.end(), one_case)
            church_of_the = kind.group().lower() == "church" and re.match(r"[ \t]+(?i:of[ \t]+the)[ \t]", text[kind.end() :]) is not None
            if any(_rare(w) for w in before + after) or after and church_of_the and (proper or one_case):
                results.append(self.result(Phi.FACILITY, start, end, 0.6))
        for order in _ORDER.finditer(text):
            one_case = one_case_line(text, order.start())
            if not (one_case or order.group()[0].isupper()):
                continue  # "her daughters of ..."
            end, after, proper = _of_name(text, order.end(), one_case)
            last = after[-1].lower() if after else ""
            if after and (not one_case and proper or after[0].lower() in _SAINT or last in _RESIDENCE or any(_rare(w) for w in after)):
                results.append(self.result(Phi.FACILITY, order.start(), end, 0.6))
        return results


def _name_word(word: str, one_case: bool) -> bool:
    bare = word.lower().removesuffix("'s").removesuffix("’s")
    if bare in lexicon.word_file("congregation_words.txt"):
        return one_case or word[0].isupper()  # "First", "Baptist", "Holy": a church's words, never its identity alone
    return (one_case or word[0].isupper()) and bare not in lexicon.function_words() and bare not in lexicon.structure_words() \
        and bare not in lexicon.safe_words_only()


def _words_before(text: str, at: int, one_case: bool) -> tuple[int, list[str]]:
    """Where the name before a kind starts, and its words: capitalized words (any in a line of one case)
    joined by single spaces."""
    start, words = at, []
    for _ in range(_BEFORE):
        m = re.search(r"([A-Za-z][\w'’.-]*)[ ]$", text[max(0, start - 40) : start])
        if m is None or not _name_word(m.group(1), one_case) or one_case and not _in_one_case_name(m.group(1)):
            break  # in a line of one case only a name's own words: not "DRIVE PAST [CHURCH OF ...]"
        words.insert(0, m.group(1))
        start -= len(m.group(0))
    return start, words


def _in_one_case_name(word: str) -> bool:
    bare = word.lower().rstrip(".")
    return bare in _SAINT or bare in lexicon.word_file("congregation_words.txt") or bare in lexicon.first_names() or _rare(word)


def _of_name(text: str, at: int, one_case: bool) -> tuple[int, list[str], bool]:
    """The end of "of (the) <Name words>" after `at`, its words, and whether they are a proper name
    (capitalized in a mixed-case line; in one case a residence's noun must end them)."""
    of = _OF.match(text, at)
    if of is None:
        return at, [], False
    end, words = of.end(), []
    while len(words) < _AFTER and (m := _WORD.match(text, end)) is not None and _name_word(m.group(), one_case):
        words.append(m.group())
        end = m.end()
        if (gap := re.match(r"[ \t]+(?=[A-Za-z])", text[end:])) is None:
            break
        if not _name_word(_WORD.match(text, end + gap.end()).group(), one_case):
            break
        end += gap.end()
    if not words:
        return at, [], False
    end = at + len(text[at:end].rstrip())
    return end, words, not one_case


def _rare(word: str) -> bool:
    """A word only a name would be (facility_slots.rare), never a church's own word ("Baptist", "Zion")."""
    bare = word.lower().removesuffix("'s").removesuffix("’s").strip(".")
    return bare not in lexicon.word_file("congregation_words.txt") and bare not in lexicon.safe_words() \
        and bare not in lexicon.function_words() and rare(word)
