"""Shared fixtures: settings for fast tests, the bundled sample record, generated files, databases.

Every store test runs on SQLite and on PostgreSQL (127.0.0.1:5432, database `test`). PostgreSQL
is a real server, as in production; each test gets a schema of its own and drops it. If the
server is not there, the PostgreSQL tests fail rather than skip: CI must run them.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

# Keys made in local mode go to a folder of the test run's own, never the user's configuration
# folder; the CLI's subprocesses inherit it.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="clinsum-test-config-")
# Made up front, so that the one-time "made a key" notice does not interleave with what a test reads.
os.makedirs(os.path.join(os.environ["XDG_CONFIG_HOME"], "clinsum"), mode=0o700)
with open(os.open(os.path.join(os.environ["XDG_CONFIG_HOME"], "clinsum", "key"), os.O_WRONLY | os.O_CREAT, 0o600), "w") as _key:
    _key.write(Fernet.generate_key().decode())
from sqlalchemy import create_engine, text

from app.store import Store
from app.store.db import migrate

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


POSTGRES = os.environ.get("CLINSUM_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL of the test server with a schema of its own, dropped afterwards."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'clinsum.db'}"
        return
    with postgres_schema() as url:
        yield url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with postgres_schema() as url:
        yield url


@pytest.fixture
def store(database_url: str, tmp_path: Path) -> Iterator[Store]:
    opened = Store(database_url, tmp_path / "files", Fernet.generate_key().decode())
    migrate(opened.engine)
    yield opened
    opened.close()
