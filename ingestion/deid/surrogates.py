"""Replace PHI with consistent surrogates: [PERSON_1], [MRN_1], shifted dates, "90+".

Tokens rather than realistic fakes: a token cannot collide with a real name elsewhere in the
record, re-identification is exact, and anyone reading a prompt sees what was removed. The
price is that a name the detectors missed stands out among tokens instead of hiding among
fakes; recall is therefore what the detectors are tuned for.

The same real value gets the same surrogate in every document of the patient: a person is
known by the words of their name, so "Darrell S. Nguyen", "NGUYEN, DARRELL S", "Mr. Nguyen"
and "Nguyen's" are one [PERSON_n]; identifiers are known by their letters and digits.
"""

from __future__ import annotations

import re
from datetime import date

from ingestion.deid import dateshift
from ingestion.deid.entities import Phi
from ingestion.deid.mapping import Mapping

_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_TITLE = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof"}


class Surrogates:
    def __init__(self, mapping: Mapping):
        self.mapping = mapping
        self._people: list[tuple[set[str], str]] = []  # name words → token, in order of first sight
        # Where to look: the people each name word belongs to (a record names a thousand people).
        self._by_word: dict[str, set[int]] = {}
        self._counts: dict[str, int] = {}  # tokens of each kind so far
        self._seen: dict[str, dict[str, int]] = {}  # token → spelling → occurrences in this run
        for token, original in mapping.originals.items():
            if token.startswith(f"[{Phi.PERSON}_"):
                self._add_person(_words(original), token)

    def replace(self, kind: str, value: str, reference: date | None, day_first: bool = False) -> str:
        if kind == Phi.DATE:
            shifted = dateshift.shift(value, self.mapping.offset_days, reference or self.mapping.reference or date.today(), day_first)
            if shifted is not None:
                return shifted
        if kind == Phi.AGE:
            return "90+"
        token = self._person(value) if kind == Phi.PERSON else self._token(kind, value, _key(value))
        self._spelled(token, _unpossessive(value) if kind == Phi.PERSON else value)
        return token

    def _spelled(self, token: str, value: str) -> None:
        """Count this spelling of the token. The mapping keeps, per spelling, the most any one run
        counted: a record is re-ingested whole with its mapping when files are added or a question
        is asked, and summing would count its documents again each time."""
        seen = self._seen.setdefault(token, {})
        seen[value] = seen.get(value, 0) + 1
        kept = self.mapping.spellings.setdefault(token, {})
        kept[value] = max(kept.get(value, 0), seen[value])

    def _token(self, kind: str, value: str, key: str) -> str:
        key = f"{kind}:{key}"
        token = self.mapping.surrogates.get(key)
        if token is None:
            if kind not in self._counts:
                self._counts[kind] = sum(t.startswith(f"[{kind}_") for t in self.mapping.originals)
            self._counts[kind] += 1
            token = f"[{kind}_{self._counts[kind]}]"
            self.mapping.surrogates[key] = token
            self.mapping.originals[token] = value
        return token

    def _person(self, value: str) -> str:
        words = _words(value)
        if not words:
            return self._token(Phi.PERSON, value, value.lower())
        # The same person: a lone word of a known name ("Nguyen"), or a shorter or fuller form of
        # it ("Darrell Nguyen", "Darrell S. Nguyen"); "Angela Nguyen" is someone else.
        # Only people who share a word with it can be the same, in the order they were first seen.
        # A person known by no Latin name word ("李明", from an earlier upload) is nobody else.
        candidates = {index for word in words for index in self._by_word.get(word, ())}
        for index in sorted(candidates):
            known, token = self._people[index]
            if words <= known or (len(words) > 1 and known <= words):
                if len(words) > len(known):  # fuller: re-identify to this form
                    self._people[index] = (words, token)
                    self._index(words, index)
                    self.mapping.originals[token] = value
                return token
        token = self._token(Phi.PERSON, value, " ".join(sorted(words)))
        self._add_person(words, token)
        return token

    def _add_person(self, words: set[str], token: str) -> None:
        self._people.append((words, token))
        self._index(words, len(self._people) - 1)

    def _index(self, words: set[str], index: int) -> None:
        for word in words:
            self._by_word.setdefault(word, set()).add(index)


def _words(name: str) -> set[str]:
    words = {w.lower().removesuffix("'s").removesuffix("’s") for w in _NAME_WORD.findall(name)}
    return {w for w in words if w not in _TITLE}


def _unpossessive(name: str) -> str:
    """"Smith's" is spelled "Smith": the possessive belongs to the sentence, not the name."""
    return name.removesuffix("'s").removesuffix("’s") if len(name) > 2 else name


def _key(value: str) -> str:
    return "".join(c for c in value.lower() if c.isalnum())
