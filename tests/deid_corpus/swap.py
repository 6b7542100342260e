"""A tuned split re-rendered with other people's names: a probe of how far name finding leans on
the census lists it knows.

Every word of a gold name (patient, relative, clinician) becomes a name drawn from faker locales
whose names those lists mostly lack (Polish, Turkish, Yoruba, Indian, Italian...), folded to ASCII
as registration systems often do, in the original word's case (SMITH -> KOWALSKI, smith ->
kowalski). One word maps to one surrogate across a patient's record, so what one note reveals
still names the others. The shapes, cues and every other character stay as they were.

    swap(load("dev"), seed=1)  ->  the same notes, other names, spans moved to match
    swap(load("dev"), seed=1, pool="words")  ->  names that are everyday words: Grace Young, Will Brown
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import replace

from tests.deid_corpus.load import Gold, Note

NAMES = ("PATIENT", "RELATIVE", "CLINICIAN")
LOCALES = ("pl_PL", "tr_TR", "yo_NG", "ig_NG", "en_IN", "sw", "it_IT", "es_MX", "pt_BR", "de_DE", "fr_FR",
           "nl_NL", "hu_HU", "fi_FI", "ga_IE", "cs_CZ", "ro_RO", "vi_VN", "en_PK", "el_GR")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _ascii(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


def _word_names() -> tuple[list[str], list[str]]:
    """Census names that are also everyday English words (Grace, Will, Brown, Young, King)."""
    from ingestion.deid import lexicon

    def words(names: frozenset[str]) -> list[str]:
        return sorted(w.capitalize() for w in names if len(w) >= 3 and lexicon.word_frequency(w) >= 4.0)

    return words(lexicon.first_names()), words(lexicon.common_last_names())


def _pool(seed: int, size: int = 3000) -> tuple[list[str], list[str]]:
    from faker import Faker

    fake = Faker(list(LOCALES))
    fake.seed_instance(seed)
    firsts, lasts = set(), set()
    for _ in range(size):
        for word, into in ((fake.first_name(), firsts), (fake.last_name(), lasts)):
            word = _ascii(word)
            if word.isalpha() and len(word) >= 3:
                into.add(word)
    return sorted(firsts), sorted(lasts)


def _shape(like: str, word: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like.islower():
        return word.lower()
    return word[:1].upper() + word[1:].lower()


def swap(notes: list[Note], seed: int, pool: str = "world") -> list[Note]:
    """The notes with every word of a gold name replaced, consistently within each patient's record:
    by other locales' names (pool "world") or by names that are English words (pool "words")."""
    from ingestion.deid import lexicon

    firsts, lasts = _pool(seed) if pool == "world" else _word_names()
    rng, known_firsts = random.Random(seed), lexicon.first_names()
    records: dict[str, dict[str, str]] = {}
    out = []
    for note in notes:
        mapping = records.setdefault(note.patient, {})

        def surrogate(m: re.Match[str]) -> str:
            word = m.group(0)
            if len(word) < 2:
                return word  # an initial stays
            key = word.lower()
            if key not in mapping:
                mapping[key] = rng.choice(firsts if key in known_firsts else lasts)
            return _shape(word, mapping[key])

        text, spans, shift, cursor = [], [], 0, 0
        for span in sorted(note.spans, key=lambda s: s.start):
            new = _WORD.sub(surrogate, span.text) if span.type in NAMES else span.text
            text.append(note.text[cursor : span.start])
            text.append(new)
            spans.append(Gold(span.start + shift, span.start + shift + len(new), span.type, new))
            shift += len(new) - len(span.text)
            cursor = span.end
        text.append(note.text[cursor:])
        out.append(replace(note, text="".join(text), spans=tuple(spans)))
    return out
