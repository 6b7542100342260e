"""The PHI evaluation corpus itself (tests/data/phi_notes/): exact gold spans, coverage and an honest held-out split."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from ingestion.deid.entities import Phi
from tests.data.phi_notes.load import Note, notes

CORPUS = notes()
TYPES = {t.value for t in Phi}


def test_spans_are_exact_inside_the_text_and_do_not_overlap():
    for note in CORPUS:
        end = 0
        for span in sorted(note.spans, key=lambda s: s.start):
            assert 0 <= span.start < span.end <= len(note.text), (note.id, span)
            assert note.text[span.start : span.end] == span.value, (note.id, span)
            assert span.value == span.value.strip(), (note.id, span)
            assert span.start >= end, f"{note.id}: {span} overlaps the span before it"
            end = span.end


def test_size_kinds_and_splits():
    assert len(CORPUS) >= 48
    assert len({n.id for n in CORPUS}) == len(CORPUS)
    kinds = Counter(n.kind for n in CORPUS)
    assert len(kinds) >= 8 and min(kinds.values()) >= 6, kinds
    for kind in kinds:
        heldout = sum(n.split == "heldout" for n in CORPUS if n.kind == kind)
        assert 0.25 <= heldout / kinds[kind] <= 0.4, kind
    assert {n.split for n in CORPUS} == {"dev", "heldout"}
    for note in CORPUS:
        assert 1000 <= len(note.text) <= 5000, (note.id, len(note.text))


def test_every_entity_type_is_a_phi_kind_and_present_in_both_splits():
    for split, minimum in (("dev", 500), ("heldout", 250)):
        spans = [s for n in CORPUS if n.split == split for s in n.spans]
        assert len(spans) >= minimum, split
        assert {s.entity_type for s in spans} == TYPES, split


def test_split_filter():
    assert notes("dev") + notes("heldout") == sorted(CORPUS, key=lambda n: n.split)
    assert all(n.split == "heldout" for n in notes("heldout"))
    with pytest.raises(ValueError):
        notes("test")


def _age_value(text: str) -> int:
    if text.isdigit():
        return int(text)
    ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    words = text.replace("-", " ").split()
    value = 100 if words[:2] == ["one", "hundred"] else 0
    words = words[2:] if value else words
    tens = {"ninety": 90}
    return value + sum(tens.get(w, ones.index(w) if w in ones else -1000) for w in words)


def test_only_ages_over_89_are_labelled():
    ages = [s.value for n in CORPUS for s in n.spans if s.entity_type == Phi.AGE]
    assert ages and all(_age_value(a) > 89 for a in ages), ages


def test_person_names_are_latin_script():
    for note in CORPUS:
        for s in note.spans:
            if s.entity_type == Phi.PERSON:
                assert all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in s.value if c.isalpha()), s


def _template_sentences(note: Note) -> set[str]:
    """The note's sentences with PHI replaced by its type and digits folded: what a template wrote.

    Only sentences with at least three words of their own count: headings and bare labels such as
    "Plan:" or "MRN <MRN>" are shared vocabulary, not phrasing.
    """
    text = note.text
    for s in sorted(note.spans, key=lambda s: s.start, reverse=True):
        text = text[: s.start] + f"<{s.entity_type}>" + text[s.end :]
    text = re.sub(r"\d+", "0", text.lower())
    out = set()
    for line in text.splitlines():
        for sentence in re.split(r"(?<=[.!?;])\s+", line):
            sentence = " ".join(sentence.split())
            if len(re.findall(r"[a-z]{2,}", re.sub(r"<[a-z_]+>", " ", sentence))) >= 3:
                out.add(sentence)
    return out


def test_heldout_phrasing_never_appears_in_dev():
    dev = set().union(*(_template_sentences(n) for n in CORPUS if n.split == "dev"))
    shared = {(n.id, s) for n in CORPUS if n.split == "heldout" for s in _template_sentences(n) & dev}
    assert not shared, sorted(shared)
