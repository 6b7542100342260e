"""Rotating the store's key keeps every record readable under the new key, and nothing under the old."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from app.cli import cli
from app.store import Store
from app.store import rotate as rotation
from app.store.crypto import CryptoError, new_key
from app.store.patients import create_patient, find_patient
from app.store.records import file_digests, fingerprint, record_input, save_record
from app.store.schema import Document
from engine import estimate_tokens
from ingestion import IngestionSettings, ingest
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def sample_record():
    return ingest(SAMPLES, IngestionSettings(workers=1), estimate_tokens)


def _filled(store: Store, sample_record) -> tuple[int, dict[str, bytes]]:
    store.upgrade()  # migrations and the key check, as Store.open does
    patient = create_patient(store, "Ward 4 bed 12").id
    stored = save_record(store, sample_record, fingerprint(file_digests(SAMPLES), "test", patient), patient, "test")
    with store.transaction() as s:
        originals = {d.sha256: store.files.read(d.stored_at) for d in s.scalars(select(Document))}
    return stored.id, originals


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_after_rotation_the_new_key_reads_everything_and_the_old_key_nothing(
        store: Store, sample_record, database_url: str, tmp_path: Path) -> None:
    record_id, originals = _filled(store, sample_record)
    before = record_input(store, record_id)
    old_files = _files(store.files.root)
    key = new_key()

    done = rotation.rotate_key(store, key)
    assert done.files == len(originals) and done.fields > len(before.passages)

    rotated = Store(database_url, store.files.root, key)
    try:
        rotated.upgrade()  # the key check passes under the new key
        assert record_input(rotated, record_id) == before
        assert find_patient(rotated, "ward 4  BED 12").label == "Ward 4 bed 12"  # the label's keyed hash moved too
        with rotated.transaction() as s:
            assert {d.sha256: rotated.files.read(d.stored_at) for d in s.scalars(select(Document))} == originals
    finally:
        rotated.close()
    assert not set(old_files) & set(_files(store.files.root)), "the originals under the old key are gone"
    assert len(_files(store.files.root)) == len(originals)
    stale = Store(database_url, store.files.root, store.key)
    try:
        with pytest.raises(CryptoError):
            stale.upgrade()
    finally:
        stale.close()


def test_a_rotation_that_fails_half_way_leaves_the_store_under_its_old_key(
        store: Store, sample_record, monkeypatch: pytest.MonkeyPatch) -> None:
    record_id, originals = _filled(store, sample_record)
    before, files = record_input(store, record_id), _files(store.files.root)
    real, calls = rotation._reseal_file, []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(rotation, "_reseal_file", failing)
    with pytest.raises(OSError):
        rotation.rotate_key(store, new_key())
    assert record_input(store, record_id) == before
    assert _files(store.files.root) == files, "no file sealed under the new key stays behind"
    with store.transaction() as s:
        assert {d.sha256: store.files.read(d.stored_at) for d in s.scalars(select(Document))} == originals


def test_the_command_rotates_a_local_store_and_rewrites_the_users_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("CLINSUM_STORE__DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()
    assert runner.invoke(cli, ["patients", "add", "Bay 3"]).exit_code == 0
    key_file = tmp_path / "config" / "clinsum" / "key"
    old = key_file.read_text().strip()
    fresh = tmp_path / "new.key"
    fresh.write_text(new_key() + "\n")

    result = runner.invoke(cli, ["key", "rotate", "--new-key-file", str(fresh), "--yes"])
    assert result.exit_code == 0, result.output
    assert key_file.read_text().strip() == fresh.read_text().strip() != old
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    listed = runner.invoke(cli, ["patients", "--json"])
    assert listed.exit_code == 0 and "Bay 3" in listed.output


def test_the_command_refuses_the_same_key_or_no_key_in_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("CLINSUM_STORE__DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()
    assert runner.invoke(cli, ["patients", "add", "Bay 3"]).exit_code == 0
    same = runner.invoke(cli, ["key", "rotate", "--new-key-file", str(tmp_path / "config" / "clinsum" / "key"), "--yes"])
    assert same.exit_code == 1 and "already uses" in same.output and "Traceback" not in same.output
    (tmp_path / "bad.key").write_text("not a key\n")
    bad = runner.invoke(cli, ["key", "rotate", "--new-key-file", str(tmp_path / "bad.key"), "--yes"])
    assert bad.exit_code == 1 and "bad.key" in bad.output and "Traceback" not in bad.output
