"""Sign-in to a deployment in a real browser: the first admin made by the CLI, local accounts, and
single sign-on through Streamlit's st.login against oidc-provider-mock on loopback.

The app is served as `python -m ui` serves it, in deployment mode, from a working folder of its own
(where .streamlit/secrets.toml configures single sign-on, as a hospital's would)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from app.signin import FAILED, SSO_REFUSED
from tests.conftest import ROOT
from tests.test_browser import CHROMIUM, _accessible, _free_port, _settled, browser, expect  # noqa: F401  (browser: a fixture)
from ui.health import wait_healthy

pytestmark = pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                                reason="Debian's chromium is not installed (apt-get install chromium); CI installs it")
CLINSUM = str(Path(sys.executable).parent / "clinsum")
PASSWORD = "synthetic passphrase 1"
TITLE = "Sign in to clinsum"


@contextmanager
def deployment(folder: Path, secrets_toml: str | None = None) -> Iterator[tuple[str, dict[str, str]]]:
    """The app in deployment mode on 127.0.0.1:<free port>: its URL and its environment."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "key").write_text(Fernet.generate_key().decode())
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLINSUM_") and k != "DATABASE_URL"}
    env.update(CLINSUM_MODE="deployment", CLINSUM_STORE__KEY_FILE=str(folder / "key"),
               CLINSUM_STORE__DATA_DIR=str(folder / "data"), CLINSUM_UI_PORT=str(port),
               PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]))
    if secrets_toml is not None:
        (folder / ".streamlit").mkdir(exist_ok=True)
        (folder / ".streamlit" / "secrets.toml").write_text(secrets_toml.replace("{port}", str(port)))
    made = subprocess.run([CLINSUM, "users", "add", "first.admin", "--role", "admin"], input=PASSWORD + "\n",
                          capture_output=True, text=True, env=env, timeout=120)
    assert made.returncode == 0, made.stderr
    log = (folder / "server.log").open("wb")
    server = subprocess.Popen([sys.executable, "-m", "ui"], cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_healthy(url, server)
        except RuntimeError as problem:
            pytest.fail(f"{problem}\n{(folder / 'server.log').read_text()}")
        yield url, env
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def sign_in_page_only(page) -> None:
    arrive(page, TITLE)
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    expect(page.get_by_text("No language model")).to_have_count(0)
    expect(page.get_by_text("Patient:")).to_have_count(0)


def sign_in(page, name: str, password: str) -> None:
    page.get_by_role("textbox", name="User name").fill(name)
    page.get_by_role("textbox", name="Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()


def arrive(page, name: str) -> None:
    """The page titled `name`, its run finished (a stale element of the page before stays inert until then)."""
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible(timeout=60_000)
    _settled(page)


def test_local_accounts_in_the_browser(browser, tmp_path: Path) -> None:  # noqa: F811
    with deployment(tmp_path) as (url, _env):
        admin = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        admin.goto(url)
        sign_in_page_only(admin)
        _accessible(admin, "sign-in")
        sign_in(admin, "first.admin", "not the password")
        expect(admin.get_by_text(FAILED)).to_be_visible(timeout=30_000)
        sign_in_page_only(admin)
        sign_in(admin, "first.admin", PASSWORD)
        arrive(admin, "Patients")
        admin.get_by_test_id("stSidebarNav").get_by_role("link", name="Users").click()
        arrive(admin, "Users")
        expect(admin.get_by_text("first.admin · admin · active")).to_be_visible(timeout=30_000)
        admin.get_by_role("textbox", name="User name").fill("dr.lee")
        admin.get_by_role("textbox", name="Initial password").fill("another synthetic passphrase")
        admin.get_by_role("button", name="Add user").click()
        expect(admin.get_by_text("Added clinician dr.lee.")).to_be_visible(timeout=30_000)

        clinician = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        clinician.goto(f"{url}/users")  # the admin page's address, signed out: only the sign-in page
        sign_in_page_only(clinician)
        expect(clinician.get_by_role("dialog")).to_contain_text("Page not found")  # as for any unknown address
        clinician.keyboard.press("Escape")
        expect(clinician.get_by_role("dialog")).to_have_count(0)
        sign_in(clinician, "dr.lee", "another synthetic passphrase")
        arrive(clinician, "Patients")
        nav = clinician.get_by_test_id("stSidebarNav")
        expect(nav.get_by_role("link", name="Record")).to_be_visible()
        expect(nav.get_by_role("link", name="Users")).to_have_count(0)
        clinician.get_by_role("button", name="Sign out").click()
        sign_in_page_only(clinician)
        clinician.context.close()
        admin.context.close()


SSO_SECRETS = """
[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "%s"
client_id = "clinsum-test"
client_secret = "not-a-real-secret"
server_metadata_url = "http://localhost:%d/.well-known/openid-configuration"
"""


def test_single_sign_on_maps_to_an_account_an_admin_made(browser, tmp_path: Path) -> None:  # noqa: F811
    from oidc_provider_mock import run_server_in_thread

    with run_server_in_thread() as provider:
        toml = SSO_SECRETS % (secrets.token_urlsafe(32), provider.server_port)
        with deployment(tmp_path, toml) as (url, env):
            added = subprocess.run([CLINSUM, "users", "add", "a.rivera@hospital.example", "--sso-only"],
                                   capture_output=True, text=True, env=env, timeout=120)
            assert added.returncode == 0, added.stderr

            known = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            known.goto(url)
            sign_in_page_only(known)
            known.get_by_role("button", name="Sign in with single sign-on").click()
            known.get_by_placeholder("sub").fill("a.rivera@hospital.example")  # the provider's own page
            known.get_by_role("button", name="Authorize").click()
            arrive(known, "Patients")
            expect(known.get_by_text("a.rivera@hospital.example")).to_be_visible()

            stranger = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            stranger.goto(url)
            stranger.get_by_role("button", name="Sign in with single sign-on").click()
            stranger.get_by_placeholder("sub").fill("stranger@hospital.example")
            stranger.get_by_role("button", name="Authorize").click()
            expect(stranger.get_by_text(SSO_REFUSED)).to_be_visible(timeout=60_000)
            sign_in_page_only(stranger)
            stranger.context.close()
            known.context.close()


def test_a_clinician_sees_only_their_care_teams_patients_in_the_browser(browser, tmp_path: Path) -> None:  # noqa: F811
    with deployment(tmp_path) as (url, env):
        for command in (["users", "add", "dr.ames"], ["users", "add", "dr.baker"], ["teams", "add", "cardiology"],
                        ["teams", "add", "oncology"], ["teams", "member", "cardiology", "dr.ames"],
                        ["teams", "member", "oncology", "dr.baker"]):
            done = subprocess.run([CLINSUM, *command], input=PASSWORD + "\n", capture_output=True, text=True, env=env, timeout=120)
            assert done.returncode == 0, done.stderr

        ames = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        ames.goto(url)
        sign_in(ames, "dr.ames", PASSWORD)
        arrive(ames, "Patients")
        ames.get_by_label("New patient label").fill("ward 7 bed 2")
        ames.get_by_role("button", name="Create patient").click()
        expect(ames.get_by_text("Patient: ward 7 bed 2")).to_be_visible(timeout=60_000)

        baker = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        baker.goto(url)
        sign_in(baker, "dr.baker", PASSWORD)
        arrive(baker, "Patients")
        expect(baker.get_by_text("ward 7 bed 2")).to_have_count(0)  # another team's patient: not listed
        for title in ("Record", "Summary", "Export"):
            baker.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
            arrive(baker, title)
            expect(baker.get_by_text("ward 7 bed 2")).to_have_count(0)
        ames.context.close()
        baker.context.close()
