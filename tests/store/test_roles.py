"""A deployment's database: the password from a secret file, and the app's role that writes rows
but cannot change tables (`clinsum db upgrade`, run by compose's `migrate` service)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from app.settings import Settings, StoreSettings
from app.store import Store, StoreProblem
from app.store.crypto import new_key
from app.store.roles import DML, TABLE_PRIVILEGES, privileges
from tests.conftest import POSTGRES
from tests.test_cli import clinsum


def test_the_password_file_goes_into_the_url_and_nowhere_else(tmp_path: Path) -> None:
    secret = tmp_path / "db_password"
    secret.write_text("p@ss:w/rd\n")  # a trailing newline, as `echo` writes it; characters a URL must escape
    store = StoreSettings(url="postgresql+psycopg://clinsum_app@db:5432/clinsum", password_file=secret)
    url = make_url(store.database_url)
    assert (url.username, url.password, url.host, url.database) == ("clinsum_app", "p@ss:w/rd", "db", "clinsum")
    assert StoreSettings(url="postgresql+psycopg://u@db/c").database_url == "postgresql+psycopg://u@db/c"
    assert StoreSettings(data_dir=tmp_path, password_file=secret).database_url.startswith("sqlite:///")


def test_the_password_file_comes_from_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLINSUM_STORE__PASSWORD_FILE", "/run/secrets/db_app_password")
    monkeypatch.setenv("CLINSUM_STORE__APP_ROLE", "clinsum_app")
    store = Settings().store
    assert (store.password_file, store.app_role) == (Path("/run/secrets/db_app_password"), "clinsum_app")


def test_a_missing_password_file_is_one_sentence(tmp_path: Path) -> None:
    settings = Settings(store=StoreSettings(url="postgresql+psycopg://u@127.0.0.1/x", password_file=tmp_path / "nope",
                                            key=new_key(), data_dir=tmp_path))
    with pytest.raises(StoreProblem, match="password file .*nope cannot be read"):
        Store.open(settings, notify=print)


def test_the_audit_trail_is_append_only_and_other_tables_get_rows() -> None:
    assert privileges("audit_events") == ("SELECT", "INSERT") and privileges("patients") == DML
    assert all(set(p) <= set(DML) for p in TABLE_PRIVILEGES.values())  # never TRUNCATE, REFERENCES, TRIGGER


@pytest.fixture
def database(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A fresh schema on the test server, and a role name of this test's own (roles are server-wide)."""
    from tests.conftest import postgres_schema

    role = f"clinsum_app_{uuid.uuid4().hex[:8]}"
    with postgres_schema() as url:
        yield url, role
        admin = create_engine(POSTGRES)
        with admin.begin() as connection:
            connection.execute(text(f'DROP OWNED BY "{role}"'))
            connection.execute(text(f'DROP ROLE "{role}"'))
        admin.dispose()


def _upgrade(tmp_path: Path, url: str, role: str, key: str) -> None:
    (tmp_path / "app_password").write_text("app-secret\n")
    result = clinsum("db", "upgrade", env={
        "CLINSUM_STORE__URL": url, "CLINSUM_STORE__KEY": key, "CLINSUM_STORE__DATA_DIR": str(tmp_path / "data"),
        "CLINSUM_STORE__APP_ROLE": role, "CLINSUM_STORE__APP_PASSWORD_FILE": str(tmp_path / "app_password"),
        "CLINSUM_MODE": "deployment"})
    assert result.returncode == 0, result.stderr
    assert role in result.stderr and "app-secret" not in result.stderr + result.stdout


def test_db_upgrade_gives_the_app_role_rows_but_not_tables(tmp_path: Path, database: tuple[str, str]) -> None:
    url, role = database
    key = new_key()
    _upgrade(tmp_path, url, role, key)
    _upgrade(tmp_path, url, role, key)  # every upgrade grants again: the second changes nothing and succeeds
    app = create_engine(make_url(url).set(username=role))
    try:
        with app.begin() as c:
            c.execute(text("INSERT INTO audit_events (at, actor, action, detail) VALUES (now(), 'test', 'probe', '{}')"))
            assert c.execute(text("SELECT count(*) FROM audit_events WHERE action = 'probe'")).scalar_one() == 1
            assert c.execute(text("SELECT count(*) FROM patients")).scalar_one() == 0
        for forbidden in ("CREATE TABLE intruder (id int)", "DROP TABLE patients", "ALTER TABLE patients ADD COLUMN x int",
                          "TRUNCATE patients", "UPDATE audit_events SET actor = 'someone else'", "DELETE FROM audit_events",
                          "UPDATE alembic_version SET version_num = '0001'"):
            with pytest.raises(ProgrammingError, match="permission denied|must be owner"), app.begin() as c:
                c.execute(text(forbidden))
    finally:
        app.dispose()
    # The app itself runs as the role: it opens the migrated store and writes a patient.
    from app.store.patients import create_patient, delete_patient, find_patient

    settings = Settings(mode="deployment", store=StoreSettings(url=make_url(url).set(username=role).render_as_string(
        hide_password=False), key=key, data_dir=tmp_path / "data"))
    store = Store.open(settings, notify=print)
    try:
        made = create_patient(store, "ward 3 bed 4")
        assert find_patient(store, "ward 3 bed 4") is not None
        delete_patient(store, made.id)  # erasure works with an append-only trail: the trail keeps its rows
        assert find_patient(store, "ward 3 bed 4") is None
    finally:
        store.close()


def test_db_upgrade_on_sqlite_with_a_role_named_is_one_sentence(tmp_path: Path) -> None:
    result = clinsum("db", "upgrade", env={"CLINSUM_STORE__DATA_DIR": str(tmp_path / "data"), "CLINSUM_STORE__KEY": new_key(),
                                           "CLINSUM_STORE__APP_ROLE": "clinsum_app"})
    assert result.returncode == 1 and "PostgreSQL only" in result.stderr and "Traceback" not in result.stderr
