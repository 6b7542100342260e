"""Sign-in to a deployment, driven through Streamlit's AppTest: the gate, passwords, lockout, idle
expiry, the admin page and who may open it. Local mode has no sign-in (tests/ui/test_pages.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from streamlit.testing.v1 import AppTest

from app import signin
from app.context import AppContext, User
from app.store.patients import create_patient
from app.store.teams import create_team, set_member
from app.store.users import create_user, find_user, set_disabled
from tests.ui.conftest import new_app, page_text, serving

PASSWORD = "synthetic passphrase 1"
PATIENT = "ward 9 bed 4"  # a label that must not show before sign-in
TITLE = "Sign in to clinsum"


class Clock:
    """signin.clock, moved by hand: the idle limit passes without waiting."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    moved = Clock()
    monkeypatch.setattr(signin, "clock", moved)
    return moved


@pytest.fixture
def deployed(tmp_path: Path, clock: Clock) -> Iterator[AppContext]:
    """A deployment's app on SQLite: an admin, a clinician, a patient of the clinician's care team;
    lockout after 3 failures."""
    with serving(tmp_path / "data", CLINSUM_MODE="deployment", CLINSUM_STORE__KEY=Fernet.generate_key().decode(),
                 CLINSUM_AUTH__LOCKOUT_FAILURES="3", CLINSUM_AUTH__IDLE_MINUTES="15") as ctx:
        create_user(ctx.store, "admin", "admin", PASSWORD)
        team = create_team(ctx.store, "ward 9")
        set_member(ctx.store, team.id, create_user(ctx.store, "clinician", "clinician", PASSWORD).id)
        create_patient(ctx.store, PATIENT, actor="test", team_id=team.id)
        yield ctx


def run(what) -> AppTest:
    at = what.run()
    assert not at.exception, [(e.value, e.stack_trace) for e in at.exception]
    return at


def title(at: AppTest) -> str:
    return at.title[0].value if at.title else ""


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    if not at._tree.children:
        run(at)
    at.text_input(key="sign-in-name").input(name)
    at.text_input(key="sign-in-password").input(password)
    return run(at.button(key="sign-in-submit").click())


def by_address(at: AppTest, url_path: str) -> AppTest:
    """Ask for a page by its address (/users), as a typed URL does, registered for this session or not."""
    from streamlit.util import calc_hash

    at._page_hash = calc_hash(url_path)  # what switch_page sets, without its check that the page is registered
    return run(at)


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def only_the_sign_in_page(at: AppTest) -> None:
    text = page_text(at)
    assert title(at) == TITLE
    assert PATIENT not in text and "No language model" not in text and "Patients" not in text
    assert not at.sidebar.children  # no navigation, no patient, no sign-out control
    assert "user_id" not in at.session_state


def test_a_signed_out_session_sees_only_the_sign_in_page(deployed: AppContext) -> None:
    at = run(new_app())
    only_the_sign_in_page(at)
    for page in ("patients", "record", "export", "users"):  # no other page opens by its address
        only_the_sign_in_page(by_address(at, page))
    at = new_app()
    at.session_state["_user"] = User("admin", find_user(deployed.store, "admin").id, "admin")  # state alone is no sign-in
    only_the_sign_in_page(run(at))


def test_the_right_password_signs_in_and_a_wrong_one_does_not(deployed: AppContext) -> None:
    wrong = sign_in(new_app(), "clinician", "not the password")
    unknown = sign_in(new_app(), "nobody", PASSWORD)
    assert errors(wrong) == errors(unknown) == [signin.FAILED]  # no telling who exists
    only_the_sign_in_page(wrong)
    at = sign_in(new_app(), "Clinician", PASSWORD)
    assert title(at) == "Patients" and PATIENT in page_text(at)
    assert at.session_state["user_id"] == find_user(deployed.store, "clinician").id
    assert "sign-in-password" not in at.session_state  # the password is not kept
    assert [b.label for b in at.sidebar.button if b.key == "sign-out"] == ["Sign out"]
    only_the_sign_in_page(run(at.button(key="sign-out").click()))


def test_repeated_failures_lock_the_account_and_say_for_how_long(deployed: AppContext) -> None:
    at = new_app()
    for _ in range(2):
        at = sign_in(at, "clinician", "wrong password")
        assert errors(at) == [signin.FAILED]
    at = sign_in(at, "clinician", "wrong password")
    assert len(errors(at)) == 1 and "locked" in errors(at)[0] and "15 minutes" in errors(at)[0]
    at = sign_in(at, "clinician", PASSWORD)  # locked: the right password is refused too
    assert "locked" in errors(at)[0] and title(at) == TITLE


def test_an_idle_session_is_signed_out_on_its_next_action(deployed: AppContext, clock: Clock) -> None:
    at = sign_in(new_app(), "clinician", PASSWORD)
    clock.now += 14 * 60
    at = run(at.switch_page("screens/record.py"))
    assert title(at) == "Record"  # 14 minutes idle: still signed in, and the clock starts again
    clock.now += 14 * 60
    at = run(at.switch_page("screens/patients.py"))
    assert title(at) == "Patients"
    clock.now += 15 * 60 + 1
    at = run(at)
    only_the_sign_in_page(at)
    assert "signed out after 15 minutes without activity" in page_text(at)


def test_a_clinician_never_reaches_the_admin_page(deployed: AppContext) -> None:
    at = sign_in(new_app(), "clinician", PASSWORD)
    assert 'page_name: "Users"' not in page_text(at)  # not in the navigation
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("screens/admin.py")  # the clinician's session has no such page
    at = by_address(at, "users")
    assert title(at) == "Patients" and "new-username" not in [w.key for w in at.text_input]
    me = find_user(deployed.store, "clinician")
    at.session_state["_user"] = User("clinician", me.id, "admin")  # a role set in the session is not believed
    at = by_address(at, "users")
    assert title(at) != "Users" and "new-username" not in [w.key for w in at.text_input]


def test_the_admin_adds_a_user_who_then_signs_in_and_can_be_disabled(deployed: AppContext) -> None:
    at = sign_in(new_app(), "admin", PASSWORD)
    at = run(at.switch_page("screens/admin.py"))
    assert title(at) == "Users"
    at.text_input(key="new-username").input("dr.new")
    at.selectbox(key="new-role").select("clinician")
    at.text_input(key="new-password").input("a fresh synthetic passphrase")
    at = run(at.button(key="new-submit").click())
    assert [s.value for s in at.success] == ["Added clinician dr.new."]
    newcomer = sign_in(new_app(), "dr.new", "a fresh synthetic passphrase")
    assert title(newcomer) == "Patients"
    made = find_user(deployed.store, "dr.new")
    at = run(at.button(key=f"toggle-{made.id}").click())
    assert find_user(deployed.store, "dr.new").disabled
    only_the_sign_in_page(run(newcomer))  # a disabled account's open session ends at its next action
    assert errors(sign_in(new_app(), "dr.new", "a fresh synthetic passphrase")) == [signin.FAILED]
    set_disabled(deployed.store, made.id, False)


def test_the_admin_lifts_a_lockout(deployed: AppContext) -> None:
    at = new_app()
    for _ in range(3):
        at = sign_in(at, "clinician", "wrong password")
    admin = run(sign_in(new_app(), "admin", PASSWORD).switch_page("screens/admin.py"))
    clinician = find_user(deployed.store, "clinician")
    assert "locked" in page_text(admin)
    run(admin.button(key=f"unlock-{clinician.id}").click())
    assert title(sign_in(new_app(), "clinician", PASSWORD)) == "Patients"


def test_only_the_admin_reads_the_audit_log(deployed: AppContext) -> None:
    at = by_address(sign_in(new_app(), "clinician", PASSWORD), "audit")
    assert title(at) != "Audit log" and not at.dataframe and not at.get("download_button")
    admin = by_address(sign_in(new_app(), "admin", PASSWORD), "audit")
    assert title(admin) == "Audit log"
    assert "patient created" in list(admin.dataframe[0].value["what"])


def test_every_sign_in_failure_and_sign_out_is_one_audit_row_of_its_session(deployed: AppContext) -> None:
    from app.audit import AuditFilter, audit_rows

    at = sign_in(new_app(), "nobody", PASSWORD)  # no such account: the name typed is not kept
    at = sign_in(at, "clinician", "wrong " + PASSWORD)
    at = sign_in(at, "clinician", PASSWORD)
    run(at.button(key="sign-out").click())
    trail = [(r.actor, r.action, r.session) for r in reversed(audit_rows(deployed.store)) if "sign" in r.action]
    session = trail[0][2]
    assert session and trail == [("(unknown)", "sign-in failed", session), ("(unknown)", "sign-in failed", session),
                                 ("clinician", "signed in", session), ("clinician", "signed out: signed out", session)]
    assert "nobody" not in str(audit_rows(deployed.store, AuditFilter()))
