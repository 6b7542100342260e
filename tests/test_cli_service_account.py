"""In a deployment the command line shows patient data only as the service account the settings name,
and every audit row of it carries that account's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.audit import audit_rows
from app.cli import cli
from app.settings import Settings
from app.store import Store
from app.store.crypto import new_key
from app.store.users import create_user, find_user, set_disabled
from tests.conftest import SAMPLES

ACCOUNT = "svc-clinsum"


@pytest.fixture
def deployment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("CLINSUM_AUTH__SERVICE_ACCOUNT", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CLINSUM_MODE", "deployment")
    monkeypatch.setenv("CLINSUM_STORE__KEY", new_key())
    monkeypatch.setenv("CLINSUM_STORE__DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CLINSUM_INGESTION__WORKERS", "1")
    store = Store.open(Settings())
    create_user(store, ACCOUNT, "clinician", None)  # single sign-on only: no password to leak
    store.close()
    return tmp_path


def _trail() -> list[tuple[str, str]]:
    store = Store.open(Settings())
    try:
        return [(r.actor, r.action) for r in reversed(audit_rows(store))]
    finally:
        store.close()


@pytest.mark.parametrize("command", [["patients"], ["patients", "add", "Bay 1"], ["deid", str(SAMPLES[0])],
                                     ["ingest", "--passages", str(SAMPLES[0])]])
def test_without_a_service_account_no_command_shows_patient_data(deployment: Path, command: list[str]) -> None:
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 1 and "CLINSUM_AUTH__SERVICE_ACCOUNT" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert all(action != "patient created" for _, action in _trail())


def test_the_service_account_runs_them_and_every_row_is_under_its_name(deployment: Path, monkeypatch) -> None:
    monkeypatch.setenv("CLINSUM_AUTH__SERVICE_ACCOUNT", ACCOUNT)
    runner = CliRunner()
    assert runner.invoke(cli, ["patients", "add", "Bay 1"]).exit_code == 0
    listed = runner.invoke(cli, ["patients", "--json"])
    assert listed.exit_code == 0 and "Bay 1" in listed.output
    assert runner.invoke(cli, ["deid", str(SAMPLES[0])]).exit_code == 0
    assert _trail() == [(ACCOUNT, "patient created"), (ACCOUNT, "patients listed"), (ACCOUNT, "cli deid")]


def test_a_disabled_service_account_is_refused(deployment: Path, monkeypatch) -> None:
    monkeypatch.setenv("CLINSUM_AUTH__SERVICE_ACCOUNT", ACCOUNT)
    store = Store.open(Settings())
    set_disabled(store, find_user(store, ACCOUNT).id, True)
    store.close()
    result = CliRunner().invoke(cli, ["patients"])
    assert result.exit_code == 1 and "service account" in result.output
