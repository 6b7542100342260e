"""The one settings object: environment variables prefixed CLINSUM_, or a TOML file.

Nested sections use a double underscore: CLINSUM_INGESTION__MAX_PAGES=100. The file is
`clinsum.toml` in the working directory, or the path in CLINSUM_CONFIG; environment variables
win over the file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from engine.config import EngineSettings
from ingestion.config import IngestionSettings


class StoreSettings(BaseModel):
    data_dir: Path = Field(Path("data"), description="SQLite database, original files and the local key live here.")
    url: str | None = Field(None, description="A database URL; by default DATABASE_URL, else SQLite in data_dir.")
    password_file: Path | None = Field(
        None, description="A file holding the database password (a compose secret), put into the URL when it is "
        "built, so the password is never in an environment variable.")
    app_role: str | None = Field(
        None, description="deployment: the less privileged role the app and workers connect as; `clinsum db upgrade` "
        "makes it and grants it rows, never tables (see app/store/roles.py).")
    app_password_file: Path | None = Field(None, description="The file holding app_role's password (a compose secret).")
    files_dir: Path | None = Field(None, description="Where original files are kept; by default data_dir/files.")
    key: SecretStr | None = Field(None, description="The encryption key itself (urlsafe base64, 32 bytes); prefer key_file.")
    key_file: Path | None = Field(
        None, description="A file holding the encryption key (a compose secret); by default, in local mode, "
        "clinsum/key in the user's configuration folder, made on first use.")

    @property
    def database_url(self) -> str:
        """The URL, with the password from password_file when one is named (OSError when it cannot be read)."""
        url = self.url or os.environ.get("DATABASE_URL") or f"sqlite:///{(self.data_dir / 'clinsum.db').resolve()}"
        if self.password_file is None or url.startswith("sqlite"):
            return url
        from sqlalchemy.engine import make_url  # here: `clinsum --help` loads no database library

        password = read_secret(self.password_file)
        return make_url(url).set(password=password).render_as_string(hide_password=False)

    @property
    def files(self) -> Path:
        return self.files_dir or self.data_dir / "files"


def read_secret(path: Path) -> str:
    """A secret file's text without its trailing newline (editors and `echo` add one)."""
    return Path(path).read_text(encoding="utf-8").rstrip("\r\n")


class JobSettings(BaseModel):
    lease_s: float = Field(60, gt=0, description="A worker renews its lease this often; a dead worker's job is free after it.")
    max_attempts: int = Field(3, ge=1, description="Times a job is started before it fails for good (crashed workers count).")
    engine_retries: int = Field(3, ge=1, description="Tries of one engine call that times out or finds the engine unavailable.")
    retry_wait_s: float = Field(2, ge=0, description="First wait between engine tries; it doubles each time.")
    poll_s: float = Field(1, gt=0, description="How often an idle worker looks for work.")
    max_tokens: int = Field(4096, ge=64, description="Most tokens a summary (or one part of it) may take.")
    max_job_seconds: float = Field(3600, gt=0, description="A summary or answer still running after this long fails for good.")
    db_retry_s: float = Field(1, gt=0, description="First wait before a worker tries an unreachable database again; it doubles.")
    db_retry_max_s: float = Field(30, gt=0, description="Longest wait between a worker's tries of an unreachable database.")


class AuthSettings(BaseModel):
    """Sign-in in a deployment (local mode has one user and no sign-in)."""

    idle_minutes: float = Field(15, gt=0, description="A signed-in session idle this long is signed out on its next action.")
    lockout_failures: int = Field(5, ge=1, description="Wrong passwords in a row that lock an account.")
    lockout_minutes: float = Field(15, gt=0, description="How long a locked account stays locked (an admin can unlock it).")
    min_password_length: int = Field(12, ge=8, description="Shortest password an account may be given.")
    service_account: str | None = Field(
        None, description="The account the command line acts as in a deployment: commands that show patient data "
        "(summarize, ask, ingest, deid, patients, documents) run only with it set, and are audited under it.")


class VerificationSettings(BaseModel):
    """Which stages check each summary statement against the passages it cites.

    A stage that cannot run as configured stops clinsum at start-up (an NLI stage with no model
    folder) rather than let summaries look checked by it; one that cannot run for a given job (the
    judge when that job's engine is the extractive one, or an NLI folder that holds no classifier)
    is skipped with a note on the summary, whose `verification` field always lists the stages that ran.
    """

    stages: list[Literal["rules", "context", "judge", "nli"]] = Field(
        default_factory=lambda: ["rules"], description='Stages in order; the rules always run first: ["rules"], '
        '["rules", "judge"] (an LLM judge through the configured engine; a job on the extractive engine skips it, '
        'and its summary says so), ["rules", "nli"] (a local NLI / fact-checking classifier in nli_model; a folder '
        'that holds none is skipped with the reason on each summary), ["rules", "context"] (medspaCy\'s ConText: '
        'negation, uncertainty, hypothetical, history and family experiencer of the concepts a statement shares '
        'with its passages; offline, no model; needs the medspacy package), or any of them in order.')
    nli_model: Path | None = Field(
        None, description="The folder of a sequence-classification NLI or fact-checking model (transformers format, "
        "mounted by IT, never downloaded); required when stages lists nli, and must exist at start-up.")
    judge_batch_size: int = Field(8, ge=1, le=64, description="Statements the judge reads per request.")
    judge_max_tokens: int = Field(1024, ge=64, description="Most tokens of one judge reply.")
    nli_batch_size: int = Field(16, ge=1, description="Statement/passage pairs the NLI model reads at once.")

    @field_validator("stages")
    @classmethod
    def _rules_first(cls, stages: list[str]) -> list[str]:
        if not stages or stages[0] != "rules":
            raise ValueError('the rules always run: stages must start with "rules", e.g. ["rules", "judge"]')
        if len(set(stages)) != len(stages):
            raise ValueError("a stage is listed twice")
        return stages

    @field_validator("stages")
    @classmethod
    def _context_installed(cls, stages: list[str]) -> list[str]:
        from importlib.util import find_spec  # finds the package without importing it (start-up stays fast)

        if "context" in stages and find_spec("medspacy") is None:
            raise ValueError("stages lists context but the medspacy package is not installed (make installs it: "
                             "app/verify/context-requirements.txt); install it or drop context")
        return stages

    @model_validator(mode="after")
    def _nli_has_a_model(self) -> "VerificationSettings":
        if "nli" in self.stages and self.nli_model is None:
            raise ValueError("stages lists nli but nli_model is not set (CLINSUM_VERIFICATION__NLI_MODEL)")
        if "nli" in self.stages and self.nli_model is not None and not self.nli_model.is_dir():
            raise ValueError(f"nli_model {self.nli_model} is not a folder: mount the NLI model there or drop nli")
        return self


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLINSUM_", env_nested_delimiter="__", extra="forbid")

    ingestion: IngestionSettings = Field(default_factory=IngestionSettings)
    engine: EngineSettings = Field(default_factory=EngineSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
    jobs: JobSettings = Field(default_factory=JobSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    verification: VerificationSettings = Field(default_factory=VerificationSettings)
    mode: Literal["local", "deployment"] = Field(
        "local", description="local: one user, a key made in the user's configuration folder; deployment: the key "
        "must come from a secret (clinsum refuses to start without one, it never invents one).")
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
