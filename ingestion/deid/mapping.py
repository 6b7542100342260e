"""A patient's de-identification mapping: surrogates back to originals, and the date offset.

Kept encrypted at rest (Fernet, key from configuration); `reidentify` turns a de-identified
text (a summary the model wrote) back into what the clinician should read.
"""

from __future__ import annotations

import re
import secrets
from datetime import date, timedelta

from cryptography.fernet import Fernet, InvalidToken
from pydantic import BaseModel, Field

from ingestion.deid import dateshift

TOKEN = re.compile(r"\[(?P<kind>[A-Z_]+)_(?P<n>\d+)\]")


class Mapping(BaseModel):
    offset_days: int  # added to every real date to make the surrogate date (negative: earlier)
    originals: dict[str, str] = Field(default_factory=dict)  # "[PERSON_1]" → "Darrell S. Nguyen"
    surrogates: dict[str, str] = Field(default_factory=dict)  # normalised real value → "[PERSON_1]"
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


def reidentify(text: str, mapping: Mapping) -> str:
    """Surrogates back to the real values, and shifted dates back to the real dates."""
    from ingestion.deid.recognizers.dates import ClinicalDateRecognizer

    text = TOKEN.sub(lambda m: mapping.originals.get(m.group(0), m.group(0)), text)
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
