"""Shared fixtures: settings for fast tests, the bundled sample record, generated files."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingestion import IngestionSettings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").iterdir())


@pytest.fixture
def settings() -> IngestionSettings:
    # One process: the tests exercise the loader, not the pool (which has tests of its own).
    return IngestionSettings(workers=1)


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    return SAMPLES
