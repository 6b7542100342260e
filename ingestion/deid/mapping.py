"""A patient's de-identification mapping: surrogates back to originals, and the date offset.

Kept encrypted at rest (Fernet, key from configuration); `reidentify` turns a de-identified
text (a summary the model wrote) back into what the clinician should read.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from datetime import date, timedelta

from cryptography.fernet import Fernet, InvalidToken
from pydantic import BaseModel, Field

from ingestion.deid import dateshift

TOKEN = re.compile(r"\[(?P<kind>[A-Z_]+)_(?P<n>\d+)\]")


class Mapping(BaseModel):
    offset_days: int  # added to every real date to make the surrogate date (negative: earlier)
    originals: dict[str, str] = Field(default_factory=dict)  # "[PERSON_1]" → "Darrell S. Nguyen"
    surrogates: dict[str, str] = Field(default_factory=dict)  # normalised real value → "[PERSON_1]"
    # Every way the record writes what a surrogate stands for, with how often: "[PERSON_1]" →
    # {"John Smith": 2, "SMITH": 5}. Re-identification shows one of these whole, never a blend.
    spellings: dict[str, dict[str, int]] = Field(default_factory=dict)
    reference: date | None = None  # the record's first dated document (for dates without a year)
    day_first: bool = False  # most of the record's documents write numeric dates day first

    @classmethod
    def new(cls, max_shift_days: int) -> "Mapping":
        return cls(offset_days=-(30 + secrets.randbelow(max_shift_days - 29)))

    def encrypt(self, key: str) -> bytes:
        return Fernet(key.encode()).encrypt(self.model_dump_json().encode())

    @classmethod
    def decrypt(cls, blob: bytes, key: str) -> "Mapping":
        try:
            return cls.model_validate_json(Fernet(key.encode()).decrypt(blob))
        except InvalidToken:
            raise ValueError("the de-identification mapping cannot be decrypted with this key") from None


def reidentify(text: str, mapping: Mapping, cited: Sequence[tuple[str, str]] = ()) -> str:
    """Surrogates back to the real values, and shifted dates back to the real dates.

    `cited` holds the (original, de-identified) text of each passage the text cites: a surrogate
    reads back as that passage spells it, else as the record spells it most often.
    """
    from ingestion.deid.recognizers.dates import ClinicalDateRecognizer

    text = TOKEN.sub(lambda m: spelling(m.group(0), mapping, cited), text)
    reference = (mapping.reference or date.today()) + timedelta(days=mapping.offset_days)
    pieces, pos = [], 0
    for found in sorted(ClinicalDateRecognizer().analyze(text, []), key=lambda r: r.start):
        if found.start < pos:
            continue
        real = dateshift.shift(text[found.start : found.end], -mapping.offset_days, reference, mapping.day_first)
        if real is not None:
            pieces += [text[pos : found.start], real]
            pos = found.end
    pieces.append(text[pos:])
    return "".join(pieces)


def spelling(token: str, mapping: Mapping, cited: Sequence[tuple[str, str]] = ()) -> str:
    """One whole spelling the record uses for `token`: the cited passage's, else the most frequent."""
    counts = mapping.spellings.get(token)
    if not counts:  # a mapping stored before spellings were kept
        return mapping.originals.get(token, token)
    for original, safe in cited:
        found = _spelled_in(token, counts, original, safe)
        if found is not None:
            return found
    fullest = mapping.originals.get(token)
    # Ties go to the fullest form, which is what `originals` keeps, then to the first seen.
    return max(counts, key=lambda s: (counts[s], s == fullest))


_CONTEXT = 4  # characters either side of a surrogate that place its spelling in the original


def _spelled_in(token: str, counts: dict[str, int], original: str, safe: str) -> str | None:
    """The spelling that stands where `token` stands in the passage: it must sit between the same
    neighbouring characters in the original as the token in the de-identified text. Position, not
    mere presence: "Dr. John Smith" must not read back "Dr. Dr. John Smith" because the record
    elsewhere spells him "Dr. John Smith"."""
    marks = list(TOKEN.finditer(safe))
    for i, mark in enumerate(marks):
        if mark.group(0) != token:
            continue
        left = marks[i - 1].end() if i else 0
        right = marks[i + 1].start() if i + 1 < len(marks) else len(safe)
        before = safe[max(left, mark.start() - _CONTEXT) : mark.start()]
        after = safe[mark.end() : min(right, mark.end() + _CONTEXT)]
        fits = [s for s in counts if _stands_between(s, original, before, after)]
        if fits:
            return max(fits, key=lambda s: (counts[s], len(s)))
    return None


def _stands_between(value: str, text: str, before: str, after: str) -> bool:
    at = text.find(value)
    while at >= 0:
        if text[:at].endswith(before) and text.startswith(after, at + len(value)):
            return True
        at = text.find(value, at + 1)
    return False
