"""De-identification settings, handed in by the caller like the rest of ingestion's settings."""

from __future__ import annotations

from pydantic import BaseModel, DirectoryPath, Field, SecretStr


class DeidSettings(BaseModel):
    key: SecretStr | None = Field(
        None, description="Deprecated: the store's key, now CLINSUM_STORE__KEY or CLINSUM_STORE__KEY_FILE (still read)."
    )
    spacy_model: DirectoryPath | None = Field(
        None, description="A spaCy pipeline with NER, a folder hospital IT installed; used beside the rules."
    )
    score_threshold: float = Field(0.4, ge=0, le=1, description="Weaker detections are not masked.")
    chunk_chars: int = Field(20_000, ge=1_000, description="Text is analysed in chunks this long.")
    facilities: list[str] = Field(default_factory=list, description="Facility names always masked.")
    allow: list[str] = Field(default_factory=list, description="Terms never masked (added to the built-in list).")
    max_shift_days: int = Field(365, ge=30, description="Dates move back by a secret 30..N days per patient.")
