"""The one settings object: environment variables prefixed CLINSUM_, or a TOML file.

Nested sections use a double underscore: CLINSUM_INGESTION__MAX_PAGES=100. The file is
`clinsum.toml` in the working directory, or the path in CLINSUM_CONFIG; environment variables
win over the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from engine.config import EngineSettings
from ingestion.config import IngestionSettings


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLINSUM_", env_nested_delimiter="__", extra="forbid")

    ingestion: IngestionSettings = Field(default_factory=IngestionSettings)
    engine: EngineSettings = Field(default_factory=EngineSettings)
    log_level: str = "WARNING"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        named = os.environ.get("CLINSUM_CONFIG")
        if named and not Path(named).is_file():
            raise FileNotFoundError(f"CLINSUM_CONFIG names {named}, which is not a file")
        toml = TomlConfigSettingsSource(settings_cls, toml_file=named or "clinsum.toml")
        return init_settings, env_settings, toml
