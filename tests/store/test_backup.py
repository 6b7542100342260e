"""app/deploy/backup.sh on the test PostgreSQL: a restored database serves the same summaries."""

from __future__ import annotations

import hashlib
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app import jobs
from app.output import summary_markdown
from app.pipeline import prepare, request
from app.settings import Settings, StoreSettings
from app.store import Store
from app.store.patients import create_patient
from app.store.schema import AuditEvent, Document
from app.store.summaries import summary_of_job, view
from app.worker import Worker
from engine.extractive import ExtractiveEngine
from ingestion import IngestionSettings
from tests.conftest import POSTGRES
from tests.test_main_job import TEXT_SAMPLES

SCRIPT = Path(__file__).resolve().parents[2] / "app" / "deploy" / "backup.sh"


@pytest.fixture
def databases() -> Iterator[tuple[str, str]]:
    """Two empty databases of their own on the test server (pg_dump takes a whole database)."""
    names = [f"bk_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for name in names:
            connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield tuple(make_url(POSTGRES).set(database=name).render_as_string(hide_password=False) for name in names)
    finally:
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _run(mode: str, folder: Path, url: str, data: Path) -> subprocess.CompletedProcess:
    env = {**os.environ,
           "CLINSUM_PG_DUMP": f"pg_dump -Fc -d {_libpq(url)}",
           "CLINSUM_PG_RESTORE": f"pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction -d {_libpq(url)}",
           "CLINSUM_FILES_PACK": f"tar -C {data} -cf - files",
           "CLINSUM_FILES_UNPACK": f"tar -C {data} -xf -"}
    return subprocess.run(["bash", str(SCRIPT), mode, str(folder)], env=env, capture_output=True, text=True, timeout=120)


def _settings(url: str, data: Path) -> Settings:
    return Settings(store=StoreSettings(data_dir=data, url=url), ingestion=IngestionSettings(workers=1))


def test_a_restored_database_serves_the_same_summaries(databases: tuple[str, str], tmp_path: Path) -> None:
    source, target = databases
    settings = _settings(source, tmp_path / "source")
    store = Store.open(settings)
    engine = ExtractiveEngine()
    stored = prepare(TEXT_SAMPLES, settings, store, engine, create_patient(store, "Bay 5").id)
    job = request(store, stored, settings)
    Worker(store, settings, lambda _name: engine).run(only=[job], until_idle=True)
    assert jobs.state(store, job).status == "done"
    summary = summary_of_job(store, job)
    before = summary_markdown(view(store, summary))
    with store.transaction() as s:
        trail = s.scalar(select(func.count()).select_from(AuditEvent))
    key = store.key
    store.close()

    backup = _run("backup", tmp_path / "backup", source, tmp_path / "source")
    assert backup.returncode == 0, backup.stderr
    assert sorted(p.name for p in (tmp_path / "backup").iterdir()) == ["clinsum.dump", "files.tar"]
    assert oct((tmp_path / "backup" / "clinsum.dump").stat().st_mode & 0o777) == "0o600"

    (tmp_path / "target").mkdir()
    restored = _run("restore", tmp_path / "backup", target, tmp_path / "target")
    assert restored.returncode == 0, restored.stderr
    again = Store.open(_settings(target, tmp_path / "target").model_copy(
        update={"store": StoreSettings(data_dir=tmp_path / "target", url=target, key=key)}))
    try:
        with again.transaction() as s:
            assert s.scalar(select(func.count()).select_from(AuditEvent)) == trail  # the trail came along whole
            documents = list(s.scalars(select(Document)))
            assert documents and all(hashlib.sha256(again.files.read(d.stored_at)).hexdigest() == d.sha256 for d in documents)
        assert summary_markdown(view(again, summary)) == before  # the same statements, citations and sources
    finally:
        again.close()


def test_a_failed_backup_keeps_nothing_and_a_restore_without_both_parts_touches_nothing(tmp_path: Path) -> None:
    missing = make_url(POSTGRES).set(database=f"nowhere_{uuid.uuid4().hex[:8]}").render_as_string(hide_password=False)
    (tmp_path / "data" / "files").mkdir(parents=True)
    failed = _run("backup", tmp_path / "backup", missing, tmp_path / "data")
    assert failed.returncode != 0
    assert list((tmp_path / "backup").iterdir()) == []  # no half-written dump

    (tmp_path / "half").mkdir()
    (tmp_path / "half" / "clinsum.dump").write_bytes(b"PGDMP")
    refused = _run("restore", tmp_path / "half", missing, tmp_path / "data")
    assert refused.returncode == 1 and "no files.tar" in refused.stderr
