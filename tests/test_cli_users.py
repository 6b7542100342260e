"""`clinsum users`: the first admin made from a terminal or a script; list, disable, unlock.

The password comes from standard input here (a script's way); it never appears in argv, output
or the database in clear."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from app.settings import AuthSettings
from app.store import Store
from app.store.users import check_password

CLINSUM = str(Path(sys.executable).parent / "clinsum")
PASSWORD = "a long synthetic passphrase"


@pytest.fixture
def deployment(database_url: str, tmp_path: Path) -> dict[str, str]:
    """The environment of a deployment: its database, a key from a secret file."""
    key_file = tmp_path / "key"
    key_file.write_text(Fernet.generate_key().decode())
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLINSUM_") and k != "DATABASE_URL"}
    return {**env, "CLINSUM_MODE": "deployment", "CLINSUM_STORE__URL": database_url,
            "CLINSUM_STORE__KEY_FILE": str(key_file), "CLINSUM_STORE__DATA_DIR": str(tmp_path / "data")}


def users(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([CLINSUM, "users", *args], input=stdin, capture_output=True, text=True, timeout=120, env=env)


def test_the_first_admin_is_made_from_standard_input_and_can_sign_in(deployment: dict[str, str]) -> None:
    made = users(deployment, "add", "First.Admin", "--role", "admin", stdin=PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
    assert PASSWORD not in made.stdout + made.stderr
    listed = json.loads(users(deployment, "list", "--json").stdout)["users"]
    assert [(u["username"], u["role"], u["disabled"], u["locked"]) for u in listed] == [("first.admin", "admin", False, False)]
    store = Store(deployment["CLINSUM_STORE__URL"], Path(deployment["CLINSUM_STORE__DATA_DIR"]) / "files",
                  Path(deployment["CLINSUM_STORE__KEY_FILE"]).read_text())
    try:
        assert check_password(store, "first.admin", PASSWORD, AuthSettings()).outcome == "ok"
    finally:
        store.close()


def test_disable_unlock_and_refusals_are_one_sentence(deployment: dict[str, str]) -> None:
    assert users(deployment, "add", "nurse", stdin=PASSWORD).returncode == 0
    again = users(deployment, "add", "NURSE", stdin=PASSWORD)
    assert again.returncode == 1 and again.stderr.strip() == "That user name is taken."
    short = users(deployment, "add", "locum", stdin="short\n")
    assert short.returncode == 1 and short.stderr.strip() == "A password needs at least 12 characters."
    assert users(deployment, "disable", "nurse").returncode == 0
    assert "disabled" in users(deployment, "list").stdout
    assert users(deployment, "enable", "nurse").returncode == 0
    assert users(deployment, "unlock", "nurse").returncode == 0
    missing = users(deployment, "disable", "nobody")
    assert missing.returncode == 1 and "no such user" in missing.stderr
    assert users(deployment, "add", "sso@hospital.example", "--sso-only").returncode == 0
    listed = {u["username"]: u for u in json.loads(users(deployment, "list", "--json").stdout)["users"]}
    assert listed["sso@hospital.example"]["password"] is False and listed["nurse"]["role"] == "clinician"
