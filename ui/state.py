"""The app's state: the long-lived context (cached for the server's life) and this session's choices.

In a deployment a session holds who signed in as `st.session_state["user_id"]` (users.id, the
stable id other code reads; `user(ctx)` gives the whole User). `signed_in` runs at the start of
every script run: it ends an idle session and reads the account again, so its role is never taken
from anything the session holds.
"""

from __future__ import annotations

import secrets

import streamlit as st

from app import signin
from app.context import OPEN_PROBLEMS, AccessProblem, AppContext, User, open_context
from app.store.patients import PatientInfo
from app.store.store import AUDIT_SESSION

USER_ID = "user_id"  # the signed-in account's id
_USER = "_user"  # the User read from the store at the start of this run
_LAST_SEEN = "_last_seen"  # signin.clock() at the session's last action
_SSO = "_sso"  # signed in through single sign-on: signing out clears its cookie too
_AUDIT_SESSION = "_audit_session"  # this browser session's id in the audit trail (random, not Streamlit's own)
NOTICE = "_signin_notice"  # why the session was signed out, for the sign-in page
SSO_REFUSED = "_sso_refused"  # single sign-on named no account: the sign-in page says so


@st.cache_resource(show_spinner="Opening the store…")
def _context() -> AppContext:
    return open_context()


def context() -> AppContext:
    """The context, or the reason it cannot open shown in one sentence (no key, no database).

    Every page's run starts here, so here the run's audit rows learn which browser session they are from."""
    AUDIT_SESSION.set(st.session_state.setdefault(_AUDIT_SESSION, secrets.token_hex(8)))
    try:
        return _context()
    except OPEN_PROBLEMS as problem:
        st.error(str(problem))
        st.stop()


def user(ctx: AppContext) -> User:
    try:
        return ctx.user(st.session_state.get(_USER))
    except AccessProblem as problem:
        st.error(str(problem))
        st.stop()


def admin(ctx: AppContext) -> User:
    """The signed-in user if they may administer (the audit log, users); else one sentence and the page stops."""
    me = user(ctx)
    try:
        return ctx.admin(me)
    except AccessProblem as problem:
        st.error(str(problem))
        st.stop()


def patient(ctx: AppContext) -> PatientInfo | None:
    """The selected patient, if it still exists and this user may see it."""
    chosen = st.session_state.get("patient_id")
    if chosen is None:
        return None
    found = ctx.patient(user(ctx), chosen)
    if found is None:
        select(None)
    return found


def select(patient_id: int | None) -> None:
    """Make `patient_id` the patient every page works on; what was open for another patient closes."""
    if st.session_state.get("patient_id") != patient_id:
        for key in ("patient_id", "source", "open_summary", "job", "ask_job", "uploaded"):
            st.session_state.pop(key, None)
    st.session_state["patient_id"] = patient_id


def sso_configured() -> bool:
    """Single sign-on is on when .streamlit/secrets.toml has an [auth] section (see the README)."""
    return st.secrets.load_if_toml_exists() and "auth" in st.secrets


def signed_in(ctx: AppContext) -> User | None:
    """Deployment: the user signed in to this session, as the store has them now; else None."""
    now = signin.clock()
    user_id = st.session_state.get(USER_ID)
    if user_id is None and sso_configured() and st.user.is_logged_in:
        claims = st.user.to_dict()
        issued = claims.get("iat")
        if not isinstance(issued, (int, float)) or signin.idle_expired(ctx, float(issued), now):
            # A new session on an identity cookie older than the idle limit: idle expiry must hold
            # across tabs and reloads too, so the cookie goes and single sign-on is asked again.
            st.session_state[NOTICE] = _idle_notice(ctx)
            st.logout()
            st.stop()
        attempt = signin.with_sso(ctx, claims)
        if attempt.user is None:
            st.session_state[SSO_REFUSED] = attempt.message
            return None
        begin(attempt.user, sso=True)
        user_id = attempt.user.id
    if user_id is None:
        return None
    if signin.idle_expired(ctx, st.session_state.get(_LAST_SEEN, 0.0), now):
        sign_out(ctx, "idle")
        st.session_state[NOTICE] = _idle_notice(ctx)
        return None
    found = signin.current(ctx, user_id)
    if found is None:
        sign_out(ctx, "disabled")
        return None
    st.session_state[_USER], st.session_state[_LAST_SEEN] = found, now
    return found


def begin(found: User, sso: bool = False) -> None:
    """A new signed-in session: nothing of the one before it (a patient chosen, a source open) stays
    but its audit session, so the sign-in row and what follows it read as one session."""
    audit_session = st.session_state.get(_AUDIT_SESSION)
    st.session_state.clear()
    if audit_session is not None:
        st.session_state[_AUDIT_SESSION] = audit_session
    st.session_state[USER_ID], st.session_state[_USER] = found.id, found
    st.session_state[_LAST_SEEN], st.session_state[_SSO] = signin.clock(), sso


def sign_out(ctx: AppContext, why: str = "signed out") -> None:
    """End the session's sign-in; everything it held goes with it."""
    sso = st.session_state.get(_SSO, False)
    signin.signed_out(ctx, st.session_state.get(_USER), why)  # type: ignore[arg-type]
    st.session_state.clear()
    if sso:
        st.logout()


def _idle_notice(ctx: AppContext) -> str:
    minutes = ctx.settings.auth.idle_minutes
    shown = f"{minutes:g} minute{'s' * (minutes != 1)}"
    return f"You were signed out after {shown} without activity. Sign in again to go on."
