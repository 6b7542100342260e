"""De-identification settings (handed in by the caller like the rest of ingestion's settings) and
the configuration they name: a YAML file of recognizers, thresholds, gazetteer and safe list.

The defaults are `data/deid.yaml`; a hospital's file (`config`) is read over them and checked when
the settings are made, so a typo stops the app at start-up, not a de-identification at 3 am.
"""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import BaseModel, ConfigDict, DirectoryPath, Field, FilePath, SecretStr, ValidationError, model_validator

DEFAULT_CONFIG = Path(__file__).resolve().parent / "data" / "deid.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Recognizers(_Strict):
    names: bool = True
    dates: bool = True
    ids: bool = True
    contact: bool = True
    addresses: bool = True
    facilities: bool = True
    unknown_words: bool = True


class Gazetteer(_Strict):
    facilities: tuple[str, ...] = ()
    towns: tuple[str, ...] = ()
    staff: tuple[str, ...] = ()


class DeidConfig(_Strict):
    score_threshold: float = Field(0.4, ge=0, le=1)
    recognizers: Recognizers = Recognizers()
    gazetteer: Gazetteer = Gazetteer()
    safe: tuple[str, ...] = ()


class DeidConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and the key."""


@functools.cache
@functools.cache
def cached_config(path: Path | None = None) -> DeidConfig:
    """load_config once per process and path: the analyzer and the record-wide step read the same file."""
    return load_config(path)


def load_config(path: Path | None = None) -> DeidConfig:
    """The defaults, with the hospital's file over them: its lists added, its values in place."""
    import yaml  # PyYAML (presidio's dependency too); only when a configuration is read

    merged = _read(DEFAULT_CONFIG, yaml)
    if path is not None:
        for key, value in _read(Path(path), yaml).items():
            if isinstance(value, dict) and isinstance(merged.get(key), dict):
                for inner, item in value.items():
                    old = merged[key].get(inner)
                    merged[key][inner] = [*old, *item] if isinstance(old, list) and isinstance(item, list) else item
            elif isinstance(value, list) and isinstance(merged.get(key), list):
                merged[key] = [*merged[key], *value]
            else:
                merged[key] = value
    try:
        return DeidConfig.model_validate(merged)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DeidConfigError(f"{path or DEFAULT_CONFIG}: {where}: {first['msg']}") from None


def _read(path: Path, yaml) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise DeidConfigError(f"{path}: cannot be read ({error.strerror or error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        raise DeidConfigError(f"{path}: {line}not valid YAML") from None
    if not isinstance(data, dict):
        raise DeidConfigError(f"{path}: expected keys and values at the top level")
    return data


class DeidSettings(BaseModel):
    key: SecretStr | None = Field(
        None, description="Deprecated: the store's key, now CLINSUM_STORE__KEY or CLINSUM_STORE__KEY_FILE (still read)."
    )
    config: FilePath | None = Field(
        None, description="A YAML de-identification configuration (recognizers, threshold, gazetteer, safe list) over data/deid.yaml."
    )
    spacy_model: DirectoryPath | None = Field(
        None, description="A spaCy pipeline with NER, a folder hospital IT installed; used beside the rules."
    )
    chunk_chars: int = Field(20_000, ge=1_000, description="Text is analysed in chunks this long.")
    max_shift_days: int = Field(365, ge=30, description="Dates move back by a secret 30..N days per patient.")

    @model_validator(mode="after")
    def _config_loads(self) -> DeidSettings:
        load_config(self.config)  # checked now: at start-up, with the file's name in the message
        return self
