"""Sign in: the only page a signed-out session of a deployment has.

One sentence for a failed sign-in, the same for an unknown name and a wrong password; a locked
account says for how long. Where single sign-on is configured, its button comes first."""

from __future__ import annotations

import streamlit as st

from app import signin
from ui import state

ctx = state.context()
st.title("Sign in to clinsum")
if notice := st.session_state.pop(state.NOTICE, None):
    st.info(notice, icon=":material/schedule:")
if refused := st.session_state.get(state.SSO_REFUSED):
    st.error(refused)
    if st.button("Sign out of single sign-on", key="sso-sign-out"):
        st.session_state.clear()
        st.logout()
    st.stop()
if state.sso_configured():
    if st.button("Sign in with single sign-on", key="sso-sign-in", type="primary", icon=":material/badge:"):
        st.login()
    st.caption("Or with a clinsum account:")

# Cleared on submit: the password never stays in the session's state.
with st.form("sign-in", clear_on_submit=True, enter_to_submit=True):
    username = st.text_input("User name", key="sign-in-name", autocomplete="username")
    password = st.text_input("Password", type="password", key="sign-in-password", autocomplete="current-password")
    submitted = st.form_submit_button("Sign in", key="sign-in-submit")
if submitted:
    attempt = signin.with_password(ctx, username, password)
    if attempt.user is not None:
        state.begin(attempt.user)
        st.rerun()
    st.error(attempt.message)
