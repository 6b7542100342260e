"""Propagation across a patient's record: PHI found once is masked at every occurrence.

A name found anywhere (by cue or gazetteer) is masked wherever its words recur in any of the
patient's documents, whatever the case, with a possessive or an initial before it; a facility's
or town's words English does not know likewise ("GNMH", "cleardale"); record numbers, phones
and other identifiers are masked wherever their digits recur. A common word never spreads.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable

import ahocorasick

from ingestion.deid import lexicon
from ingestion.deid.entities import Phi
from ingestion.deid.grow import grow
from ingestion.deid.kin import RELATIONS, SAYS
from ingestion.models import Page, PhiSpan

_WORD = re.compile(r"(?<![\w'’-])(?:[A-Z]\.\s*)?([A-Za-z][a-z'’A-Z-]*[A-Za-z])(?:['’]s)?(?![\w-])")
_NAME_PART = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_VALUE_KINDS = {Phi.MRN, Phi.ID, Phi.SSN, Phi.PHONE, Phi.EMAIL}
_PLACE_KINDS = {Phi.FACILITY, Phi.CITY}
# A name word that is also a common English word or a clinical term recurs as a name only
# when capitalized ("Dr. Allen" found once masks "ALLEN" and "Allen's", not "allen test").
_COMMON_WORD_ZIPF = 4.5
_RARE_NAME_ZIPF = 4.0  # "ashton" 3.7, "elliott" 3.8; "wood" 4.8 spreads capitalized only


def merge(spans: list[PhiSpan]) -> list[PhiSpan]:
    """One span where detections overlap or touch; it takes the kind of its longest part."""
    merged: list[PhiSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start <= merged[-1].end:
            last = merged[-1]
            best = max(last, span, key=lambda s: (s.end - s.start, s.score))
            merged[-1] = PhiSpan(last.start, max(last.end, span.end), best.entity_type, max(last.score, span.score))
        else:
            merged.append(span)
    return merged


def propagate(pages: Iterable[Page]) -> None:
    """Extend every page's `phi` with the recurrences of what any page's `phi` found."""
    pages = list(pages)
    names: dict[str, bool] = {}  # name word (lower case) → matched in any case?
    places: dict[str, tuple[bool, str]] = {}  # a place's name word → (matched in any case?, its kind)
    values: dict[str, str] = {}  # identifier value → its kind
    acronyms: set[str] = set()  # a facility's initials
    shorthand: set[str] = set()  # a first name of the record that is also shorthand ("art")
    never = lexicon.structure_words()  # "Triage", "Cardiology": never a name's word
    common = lexicon.note_words() | lexicon.clinical_terms()  # "Brown", "Allen": names only when capitalized
    never = never | lexicon.safe_words_only()  # "ENDO", "LEVO", "SATS": shorthand never spreads
    for page in pages:  # a place whole first: "X Hospital and Medical Center" gives "XHMC"
        page.phi = grow(page.text, page.phi)
    for page in pages:
        for span in page.phi:
            value = page.text[span.start : span.end]
            if span.entity_type == Phi.PERSON:
                for part in _NAME_PART.findall(value):
                    word = part.lower().removesuffix("'s").removesuffix("’s")
                    if word in lexicon.safe_words_only() and word in lexicon.first_names() and word not in lexicon.structure_words():
                        shorthand.add(word)  # "husband Art Atkinson": "art" (therapy) recurs as him only as a clause's subject
                    if len(word) > 1 and word not in never:
                        # A first name is frequent because it is a name ("john" 5.3): it spreads in any case.
                        names[word] = word not in common and word not in lexicon.function_words() and (
                            lexicon.word_frequency(word) < _COMMON_WORD_ZIPF or word in lexicon.first_names())
            elif span.entity_type in _PLACE_KINDS:
                # Only words English does not know spread ("cleardale", "GNMH"); "Jones" of "Jones
                # Rehab" spreads capitalized, never "rehab", "new" or "general".
                parts = _NAME_PART.findall(value)
                for part in parts:
                    word = part.lower()
                    if len(word) > 2 and word not in never and word not in common and word not in lexicon.safe_words():
                        if lexicon.unknown_word(word) or lexicon.known_name(word):
                            # A rare surname spreads in any case too: "Ashton Ward", then "phone log (ashton)".
                            rare = lexicon.unknown_word(word) or lexicon.word_frequency(word) < _RARE_NAME_ZIPF
                            places.setdefault(word, (rare, span.entity_type))
                # A place's whole name recurs in any case ("Roberts Flat" of an address, "lives in
                # roberts flat"): its words together are a name even when each alone is English.
                if len(parts) > 1 and any(_uncommon(p.lower()) for p in parts):
                    values.setdefault(" ".join(value.split()), span.entity_type)
                if span.entity_type == Phi.FACILITY and (head := _head(parts)) is not None:
                    # Its name without its kind recurs alone: "Crossroads Specialty Clinic", then "echo at crossroads".
                    if len(head) > 1:
                        values.setdefault(" ".join(head), Phi.FACILITY)
                    else:
                        places.setdefault(head[0].lower(), (True, Phi.FACILITY))
                if span.entity_type == Phi.FACILITY and len(initials := _initials(parts)) >= 3:
                    acronyms.add(initials)  # "University Hospital Deeryane", then "scan at UHD"
                if span.entity_type == Phi.FACILITY and (defined := _DEFINED.match(page.text, span.end)) is not None \
                        and defined[1].lower() not in lexicon.safe_words() and defined[1].lower() not in never \
                        and not lexicon.english_word(defined[1].lower()):
                    acronyms.add(defined[1])  # the writer's own short name: "st. rita hospital (srh)", then "srh"
            elif span.entity_type in _VALUE_KINDS and sum(c.isalnum() for c in value) >= 5:
                values.setdefault(value, span.entity_type)
    finder = _ValueFinder(list(values)) if values else None
    kinds = {_digits(v): k for v, k in values.items()}
    for page in pages:
        found = []
        for m in _WORD.finditer(page.text):  # one pass over the words for names and places
            word = m.group(1)
            if _is_name(word, names) or _in_person_slot(page.text, m, names) or word.lower() in shorthand and _subject(page.text, m):
                found.append(_name_span(page.text, m))
            elif (place := places.get(word.lower())) is not None and (place[0] or word[0].isupper()):
                found.append(PhiSpan(m.start(), m.end(), place[1], 0.7))
            elif word in acronyms:
                found.append(PhiSpan(m.start(), m.end(), Phi.FACILITY, 0.7))
        if finder is not None:
            found += [PhiSpan(a, b, kinds.get(_digits(page.text[a:b]), Phi.ID), 0.8) for a, b in finder.find(page.text)]
        if found:  # the rest were grown above
            page.phi = grow(page.text, merge(page.phi + found))


_DEFINED = re.compile(r"[ \t]*\(([A-Za-z]{2,6})\)")


def _initials(parts: list[str]) -> str:
    """A facility's initials as its staff write them: "St Anne's Hospital" → "SAH"."""
    return "".join(p[0].upper() for p in parts if p.lower() not in ("of", "the", "and"))


@functools.cache
def _kind_words() -> frozenset[str]:
    """Words that say what kind of place a facility is, not which: "specialty", "clinic", "treatment", "&"."""
    return lexicon.phrase_words("facility_kinds.txt", "facility_tails.txt", "care_settings.txt", "facility_specialties.txt") \
        | {"&", "and", "of", "the", "for", "at"}


def _head(parts: list[str]) -> list[str] | None:
    """The words of a facility's name before the words of its kind ("Good Shepherd" of "Good Shepherd Heart &
    Vascular"), when they stand apart from its kind and say which place it is: none a note's word alone ("open",
    "new"), a single one English seldom writes ("crossroads", "serenity"; not "home" or "main")."""
    words = [p.lower() for p in parts]
    end = len(words)
    while end and words[end - 1] in _kind_words():
        end -= 1
    start = 1 if words[:1] == ["the"] else 0
    head = words[start:end]
    if not head or end == len(words) or any(w in _kind_words() or w in lexicon.structure_words() for w in head):
        return None
    if len(head) == 1:
        word = head[0]
        if len(word) < 4 or word in lexicon.safe_words() or word in lexicon.function_words() or word in lexicon.note_words() \
                or word in lexicon.clinical_terms() or lexicon.word_frequency(word) >= _COMMON_WORD_ZIPF:
            return None
    elif all(w in lexicon.function_words() or w in lexicon.note_words() for w in head):
        return None
    return parts[start:end]


def _uncommon(word: str) -> bool:
    return word not in lexicon.function_words() and word not in lexicon.safe_words_only() and (
        lexicon.word_frequency(word) < _COMMON_WORD_ZIPF or word in lexicon.first_names() or word in lexicon.last_names())


def _is_name(word: str, names: dict[str, bool]) -> bool:
    if len(word) <= 2 and word.isupper():
        return False  # "MI", "OH": state codes beside a name's "Mi", "Oh"
    any_case = names.get(word.lower().removesuffix("'s").removesuffix("’s"))
    if any_case is None:
        return False
    if any_case:
        return True
    # A common word spreads capitalized only: "Allen", "ALLEN", "BROWN"; but in capitals text
    # "WILL" or "MAY" is the sentence, not the name.
    return word[0].isupper() and not (word.isupper() and word.lower() in lexicon.function_words())


@functools.cache
def _person_slots() -> tuple[re.Pattern[str], re.Pattern[str]]:
    before = re.compile(rf"(?:^|[^\w/])(?i:w/|with|for|and|&|call|told|{RELATIONS})[ \t]*[:(,]?[ \t]*\Z")
    after = re.compile(rf"[ \t]*(?:[),;@\]]|$|(?i:(?:and|&)\b|on[ \t]+(?:the[ \t]+)?phone\b|back\b|{SAYS}\b))", re.M)
    return before, after


def _in_person_slot(text: str, match: re.Match[str], names: dict[str, bool]) -> bool:
    """A first name of the record that is also a common word ("will", "summer") recurs as that name where only a
    person stands: after a relation or "w/" and before what a person does ("spoke w/ will on phone",
    "[STEPSON: WILL]", "friend will upset"); a word that is English's own first ("summer") on one side suffices."""
    word = match.group(1).lower()
    if names.get(word) is not False or len(word) < 3 or word not in lexicon.first_names():
        return False
    before, after = _person_slots()
    left = before.search(text, max(0, match.start() - 40), match.start()) is not None
    right = after.match(text, match.end()) is not None
    return (left and right if word in lexicon.function_words() else left or right) or _subject(text, match)


# A clause's subject, then a verb of speech, wish or dwelling: where a word the record named a person by ("daughter Hope",
# "brother, Will Silva") is that person again, though English uses it ("; hope lives in", "also will wants", "MARK SAYS").
_CLAUSE_START = re.compile(r"(?:^|[.;:!?][ \t]*|(?<![\w'’-])(?i:also|and|but|note:?)[ \t]+)\Z", re.M)
_SUBJECT_VERB = re.compile(r"[ \t]+(?i:says|said|prefers|preferred|lives|wants|wanted|asks|asked|requests|requested|reports|states"
                           r"|would[ \t]+like|agrees|declines|worries|feels|thinks|fills|visits|drives|is[ \t]+the[ \t]+(?:primary[ \t]+)?caregiver)\b")


def _subject(text: str, match: re.Match[str]) -> bool:
    return bool(_SUBJECT_VERB.match(text, match.end())) and _CLAUSE_START.search(text, max(0, match.start() - 12), match.start()) is not None


def _name_span(text: str, match: re.Match[str]) -> PhiSpan:
    return PhiSpan(match.start(), match.end(), Phi.PERSON, 0.8)


def _digits(value: str) -> str:
    return "".join(c for c in value.lower() if c.isalnum() or c in "@.")


_SEPARATOR = re.compile(r"[\s().-]")  # may stand between an identifier's characters ("(555) 555-0134")
_KEPT_RUN = re.compile(r"[^\s().-]+")  # a run of text between separators
_BREAKER = re.compile(r"[^\w@.]|_")  # neither kept nor a separator: no identifier runs across it
_SEPARATOR_CHARS = "().-"  # and white space


def _walk(chars: str, i: int, text: str, lowered: str, at: int, failed: set[tuple[int, int]]) -> int | None:
    """Match chars[i:] at text[at:], after chars[i-1]; the end, or None. `failed` memoises dead ends."""
    size = len(text)
    if i == len(chars):
        return None if at < size and _is_word(text[at]) else at
    if i == 0:
        options = [at]
    else:
        run = at
        while run < size and (text[run] in _SEPARATOR_CHARS or text[run].isspace()):
            run += 1
        # Greedy: the separators' run whole first; a dot of the value may also be a dot inside it.
        options = [run] + ([j for j in range(run - 1, at - 1, -1) if text[j] == "."] if chars[i] == "." else [])
    for j in options:
        if j < size and lowered[j] == chars[i] and (i, j) not in failed:
            end = _walk(chars, i + 1, text, lowered, j + 1, failed)
            if end is not None:
                return end
            failed.add((i, j))
    return None


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _case_folds() -> dict[int, int]:
    """The characters re.IGNORECASE matches beyond lower case ("ſ" and "s"), each to one of its kind."""
    try:
        from re._casefix import _EXTRA_CASES  # private: should it move, only those rare pairs are missed
    except ImportError:
        return {}
    return {c: min(c, *others) for c, others in _EXTRA_CASES.items()}


_FOLD = _case_folds()


def _lower(text: str) -> str:
    """Lower case as re.IGNORECASE compares, one character for one."""
    lowered = text.lower()
    if len(lowered) != len(text):  # as re does: the simple lower case, "İ" → "i"
        lowered = "".join(c.lower()[0] for c in text)
    return lowered.translate(_FOLD)


def _normal(text: str) -> str:
    """Lower case, separators (and dots, which may be either) dropped, breakers as NUL."""
    return _BREAKER.sub("\0", _SEPARATOR.sub("", _lower(text)))


class _ValueFinder:
    """Every identifier value wherever it recurs: case-insensitive, tolerant of the separators
    between its characters, not inside a larger word, earlier-longer values first where several
    start at one place, in one linear pass.

    One regex alternation of all values took seconds to compile and time proportional to the text
    times the values to match. Here an Aho-Corasick automaton finds the candidates in the text
    with separators dropped, and each candidate is confirmed by its value's own regex on the
    original text, so a match is exactly what the alternation matched.
    """

    def __init__(self, values: list[str]):
        # The alternation's order: longer values first, ties in the order they were found.
        self.values = sorted(values, key=len, reverse=True)
        self.folded = [_lower("".join(c for c in v if c.isalnum() or c in "@.")) for v in self.values]
        self.automaton = ahocorasick.Automaton()
        self.leading_dot: set[int] = set()  # values whose first kept character is a dot: it starts the match
        for rank, value in enumerate(self.values):
            kept = "".join(c for c in value if c.isalnum() or c in "@.")
            if kept.startswith("."):
                self.leading_dot.add(rank)
            key = _normal(kept)
            if key:
                _, ranks = self.automaton.get(key, (len(key), []))
                self.automaton.add_word(key, (len(key), ranks + [rank]))
        self.empty = len(self.automaton) == 0
        if not self.empty:
            self.automaton.make_automaton()

    def _match(self, rank: int, text: str, lowered: str, start: int) -> int | None:
        """Where value `rank` matches at `start` and ends, as its regex c1[\\s().-]*c2…cn(?!\\w) would
        (greedy, backtracking only where a dot of the value may be any dot of a separator run);
        compiling a regex per value took a millisecond each."""
        return _walk(self.folded[rank], 0, text, lowered, start, set())

    def find(self, text: str) -> list[tuple[int, int]]:
        if self.empty:
            return []
        lowered = _lower(text)
        # The separator-free text, and where each of its runs starts in the original.
        runs = [(m.start(), m.group()) for m in _KEPT_RUN.finditer(lowered)]
        origin = [start for start, _ in runs]
        begins, at = [], 0
        for _, run in runs:
            begins.append(at)
            at += len(run)
        normal = _BREAKER.sub("\0", "".join(run for _, run in runs))
        candidates: dict[int, list[int]] = {}  # start in the original text → values that may start there
        for last, (length, ranks) in self.automaton.iter(normal):
            first = last - length + 1
            run = bisect_right(begins, first) - 1
            start = origin[run] + first - begins[run]
            candidates.setdefault(start, []).extend(ranks)
            for rank in self.leading_dot.intersection(ranks):  # the dots (and separators) before it
                at = start - 1
                while at >= 0 and _SEPARATOR.match(text, at):
                    if text[at] == ".":
                        candidates.setdefault(at, []).append(rank)
                    at -= 1
        found: list[tuple[int, int]] = []
        done = 0
        for start in sorted(candidates):
            if start < done:
                continue
            if start and _is_word(text[start - 1]):
                continue  # inside a larger word
            for rank in sorted(candidates[start]):
                end = self._match(rank, text, lowered, start)
                if end is not None:
                    found.append((start, end))
                    done = end
                    break
        return found
