"""One settings object: defaults, a TOML file, and environment variables that win over it."""

import pytest
from pydantic import ValidationError

from app.settings import Settings
from ingestion import IngestionSettings


def test_defaults_are_the_documented_limits(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    s = Settings().ingestion
    assert (s.max_file_bytes, s.max_pages, s.context_tokens) == (200 * 1024 * 1024, 5000, 131072)
    assert s.prompt_budget == 131072 - 2048 - 8192


def test_environment_wins_over_the_file(monkeypatch, tmp_path):
    config = tmp_path / "site.toml"
    config.write_text("[ingestion]\nmax_pages = 100\nocr_language = 'deu'\n")
    monkeypatch.setenv("CLINSUM_CONFIG", str(config))
    monkeypatch.setenv("CLINSUM_INGESTION__MAX_PAGES", "50")
    s = Settings().ingestion
    assert (s.max_pages, s.ocr_language) == (50, "deu")


def test_a_named_config_file_that_is_missing_is_an_error_not_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv("CLINSUM_CONFIG", str(tmp_path / "nope.toml"))
    with pytest.raises(FileNotFoundError, match="nope.toml"):
        Settings()


def test_reserves_that_leave_no_room_for_the_record_are_refused():
    with pytest.raises(ValidationError, match="leaves 0 tokens"):
        IngestionSettings(context_tokens=4096, reserve_instructions=2048, reserve_output=2048)
