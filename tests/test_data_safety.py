"""PHI at rest, as a careless or hostile local user would look for it: raw bytes, modes, keys, faults.

A record with planted PHI (some that de-identification finds, some it misses) is summarized by
the CLI; then the raw database, the file store and the temporary folder are searched byte for
byte. Every piece of record text is sealed, so nothing is found, not even de-identified text.
"""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest
from faker import Faker
from sqlalchemy import create_engine, inspect, text

from app.settings import Settings, StoreSettings
from app.store import Store, StoreProblem
from app.store.crypto import new_key
from tests.test_cli import clinsum


def _planted(folder: Path, seed: int = 11) -> tuple[list[Path], list[str], list[str]]:
    """Two notes of one fake patient; returns paths, PHI de-identification finds, PHI it misses."""
    fake = Faker("en_US")
    fake.seed_instance(seed)
    name, mrn, phone = fake.name(), fake.numerify("MRN########"), fake.numerify("(###) 555-####")
    street, doctor = fake.street_address(), fake.last_name()
    # A local place no list or cue knows, in lower case and with no place word after it:
    # de-identification cannot see it.
    nickname = "hollowmere"
    notes = [
        f"Progress note\nPatient: {name}  {mrn}  Phone: {phone}\nAddress: {street}, Columbus, OH 43004\n"
        f"Date of Service: 02/03/2024\nShe walks daily along {nickname} creek. Plan per Dr. {doctor}.\n"
        "Metformin 500 mg twice daily continued; HbA1c 7.9 %.\n",
        f"Discharge summary\nDate of Discharge: 02/12/2024\n{name.split()[-1]} wants to walk by {nickname} creek again.\n",
    ]
    folder.mkdir()
    paths = []
    for i, note in enumerate(notes):
        path = folder / f"{fake.last_name().lower()}_{i}.txt"  # file names carry PHI too
        path.write_text(note, encoding="utf-8")
        paths.append(path)
    found = [name, name.split()[-1], mrn[3:], phone, street, doctor, "02/03/2024", *[p.name for p in paths]]
    return paths, found, [nickname]


def _files_under(*roots: Path) -> list[Path]:
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


def _hits(paths: list[Path], values: list[str]) -> list[tuple[str, str]]:
    hits = []
    for path in paths:
        raw = path.read_bytes().lower()
        for value in values:
            for encoded in (value.lower().encode("utf-8"), value.lower().encode("utf-16-le")):
                if encoded in raw:
                    hits.append((path.name, value))
    return hits


def test_planted_phi_is_nowhere_in_the_raw_store(tmp_path: Path) -> None:
    paths, found, missed = _planted(tmp_path / "in")
    data = tmp_path / "data"
    env = {"CLINSUM_STORE__DATA_DIR": str(data), "DATABASE_URL": ""}
    deid = clinsum("deid", *paths, env=env)
    assert missed[0] in deid.stdout  # de-identification really misses it: only encryption protects it
    result = clinsum("summarize", *paths, "--patient", "bed 4", "--out", tmp_path / "summary.md", env=env)
    assert result.returncode == 0, result.stderr
    stored = _files_under(data)
    assert any(p.name == "clinsum.db" for p in stored) and any("files" in p.parts for p in stored)
    assert _hits(stored, found + missed + ["metformin", "Progress note"]) == []
    # Modes: nothing readable by another local user.
    for path in [data, *data.rglob("*")]:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    assert stat.S_IMODE((tmp_path / "summary.md").stat().st_mode) == 0o600
    assert not list((data / "tmp").iterdir())  # the run's temporary folder went with it


def test_planted_phi_is_nowhere_in_postgresql_tables(tmp_path: Path, postgres_url: str) -> None:
    database_url = postgres_url
    paths, found, missed = _planted(tmp_path / "in", seed=12)
    env = {"CLINSUM_STORE__DATA_DIR": str(tmp_path / "data"), "DATABASE_URL": database_url}
    result = clinsum("summarize", *paths, env=env)
    assert result.returncode == 0, result.stderr
    engine = create_engine(database_url)
    with engine.connect() as connection:
        dump = " ".join(
            connection.execute(text(f"SELECT coalesce(string_agg(row_to_json(t)::text, ' '), '') FROM {table} t")).scalar()
            for table in inspect(connection).get_table_names()
        ).lower()
    engine.dispose()
    assert "hollowmere" not in dump and "metformin" not in dump
    assert [v for v in found if v.lower() in dump] == []


def _settings(tmp_path: Path, **store) -> Settings:
    return Settings(store=StoreSettings(data_dir=tmp_path / "data", **store))


def test_a_local_key_is_made_once_outside_the_data_folder_and_announced(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    said: list[str] = []
    Store.open(_settings(tmp_path), notify=said.append).close()
    key = tmp_path / "config" / "clinsum" / "key"
    assert key.is_file() and stat.S_IMODE(key.stat().st_mode) == 0o600
    assert len(said) == 1 and str(key) in said[0] and "Back it up" in said[0]
    Store.open(_settings(tmp_path), notify=said.append).close()
    assert len(said) == 1  # said once, when made
    assert not _files_under(tmp_path / "data") or all("key" not in p.name for p in _files_under(tmp_path / "data"))


def test_a_deployment_without_a_key_refuses_to_start(tmp_path: Path) -> None:
    settings = Settings(mode="deployment", store=StoreSettings(data_dir=tmp_path / "data"))
    with pytest.raises(StoreProblem, match="no encryption key is configured"):
        Store.open(settings, notify=print)
    assert not (tmp_path / "data" / "clinsum.db").exists()


def test_another_hosts_key_is_one_sentence_not_a_traceback(tmp_path: Path, database_url: str) -> None:
    url = StoreSettings(url=database_url)
    Store.open(_settings(tmp_path, key=new_key(), url=url.url), notify=print).close()
    with pytest.raises(StoreProblem, match="does not open the database"):
        Store.open(_settings(tmp_path, key=new_key(), url=url.url), notify=print)
    key_file = tmp_path / "key"
    key_file.write_text("not a key\n")
    with pytest.raises(StoreProblem, match="is not a key clinsum made"):
        Store.open(_settings(tmp_path, key_file=key_file, url=url.url), notify=print)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("command", [["summarize", "{note}"], ["worker", "--until-idle"], ["patients"]])
def test_an_unreachable_database_is_one_sentence_naming_the_host(tmp_path: Path, command: list[str]) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Progress note. Lisinopril 10 mg daily.\n")
    port = _closed_port()
    env = {"DATABASE_URL": f"postgresql://clinsum:s3cret-pw@127.0.0.1:{port}/clinsum",
           "CLINSUM_STORE__DATA_DIR": str(tmp_path / "data"), "CLINSUM_STORE__KEY": new_key()}
    result = clinsum(*[part.format(note=note) for part in command], env=env)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and f"127.0.0.1:{port}/clinsum" in lines[0] and "cannot be reached" in lines[0], result.stderr
    assert "s3cret-pw" not in result.stderr and "Traceback" not in result.stderr


def test_a_store_from_before_encryption_is_sealed_and_its_key_moved_away(tmp_path: Path, monkeypatch) -> None:
    """An older clinsum kept text in plaintext, the key beside the data: the upgrade fixes both."""
    import hashlib

    from cryptography.fernet import Fernet

    from app.store.db import migrate
    from app.store.records import mapping_of
    from app.store.patients import documents_of, list_patients

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    old_key = Fernet.generate_key().decode()
    (data / "deid.key").write_text(old_key)
    original = b"Progress note. Patient: Quentin Marlowe. Metformin 500 mg.\n"
    sha = hashlib.sha256(original).hexdigest()
    (data / "files" / sha[:2]).mkdir(parents=True)
    (data / "files" / sha[:2] / sha).write_bytes(original)
    legacy = Store(f"sqlite:///{data / 'clinsum.db'}", data / "files", old_key)
    migrate(legacy.engine, "0001")
    mapping = Fernet(old_key).encrypt(b'{"offset_days": -40, "originals": {"[PERSON_1]": "Quentin Marlowe"}, '
                                      b'"surrogates": {}, "reference": null}')
    with legacy.engine.begin() as c:
        c.exec_driver_sql("INSERT INTO patients (id, created_at, mapping) VALUES (1, '2026-01-01 00:00:00', ?)", (mapping,))
        c.exec_driver_sql("INSERT INTO documents (id, patient_id, sha256, file_name, media_type, doc_type, doc_date, stored_at, "
                          "created_at) VALUES (1, 1, ?, 'marlowe_note.txt', 'text/plain', 'progress_note', '2024-02-03', ?, "
                          "'2026-01-01 00:00:00')", (sha, f"{sha[:2]}/{sha}"))
        c.exec_driver_sql("INSERT INTO pages (id, document_id, number, text, width, height, ocr) "
                          "VALUES (1, 1, 1, ?, 612, 792, 0)", (original.decode(),))
    legacy.close()
    said: list[str] = []
    store = Store.open(_settings(tmp_path), notify=said.append)
    try:
        assert not (data / "deid.key").exists() and (tmp_path / "config" / "clinsum" / "key").read_text().strip() == old_key
        assert len(said) == 1 and "moved its encryption key" in said[0]
        assert [p.label for p in list_patients(store)] == ["patient-1"]
        assert mapping_of(store, 1).originals == {"[PERSON_1]": "Quentin Marlowe"}
        [doc] = documents_of(store, 1)
        assert (doc.file, str(doc.date)) == ("marlowe_note.txt", "2024-02-03")
        with store.transaction() as s:
            from app.store.schema import Document

            assert store.files.read(s.get(Document, 1).stored_at) == original
    finally:
        store.close()
    assert _hits(_files_under(data), ["Marlowe", "Quentin", "metformin", "2024-02-03"]) == []
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_a_killed_runs_temporary_folder_is_swept_at_the_next_start(tmp_path: Path, monkeypatch) -> None:
    import app.private as private

    monkeypatch.setattr(private, "_current", None)
    monkeypatch.setattr("tempfile.tempdir", None)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    root = tmp_path / "data" / "tmp"
    dead = root / "999999999-abc"  # no such process
    dead.mkdir(parents=True)
    (dead / "tess_page.png").write_bytes(b"page image")
    mine = private.private_tmp(tmp_path / "data")
    assert not dead.exists() and mine.parent == root and stat.S_IMODE(mine.stat().st_mode) == 0o700
    import tempfile

    assert Path(tempfile.gettempdir()) == mine and os.environ["TMPDIR"] == str(mine)


def test_sqlite_overwrites_what_it_deletes(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'x.db'}", tmp_path / "files", new_key())
    try:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    finally:
        store.close()


def test_ocr_page_images_and_text_go_to_the_private_folder_only(tmp_path: Path, monkeypatch) -> None:
    """Tesseract reads each page from an image file and writes its text to another: both hold PHI."""
    import tempfile

    import pytesseract.pytesseract as tess
    from PIL import Image, ImageDraw

    import app.private as private
    from ingestion.ocr import ocr_image

    monkeypatch.setattr(private, "_current", None)
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "shared-tmp"))
    (tmp_path / "shared-tmp").mkdir()
    mine = private.private_tmp(tmp_path / "data")
    written: list[str] = []
    real_cleanup = tess.cleanup
    monkeypatch.setattr(tess, "cleanup", lambda name: (written.append(name), real_cleanup(name)))
    page = Image.new("L", (600, 120), 255)
    ImageDraw.Draw(page).text((10, 40), "Patient: Quentin Marlowe", fill=0)
    ocr_image(page, 72, "eng", 30)
    assert written and all(Path(name).parent == mine for name in written)
    assert list((tmp_path / "shared-tmp").iterdir()) == []
    assert stat.S_IMODE(mine.stat().st_mode) == 0o700
