"""Users (admins only): create accounts, disable and enable them, lift a lockout.

Only an admin's navigation holds this page; it checks the role again itself, read from the store
at the start of the run, so no URL or session state opens it to anyone else."""

from __future__ import annotations

import streamlit as st

from app.store import utcnow
from app.store.users import ROLES, UserError, create_user, list_users, set_disabled, unlock
from ui import state
from ui.text import literal

ctx = state.context()
me = state.admin(ctx)  # the role as the store has it now, checked on the page itself
st.title("Users")

with st.form("new-user", clear_on_submit=True):
    st.subheader("Add a user")
    username = st.text_input("User name", key="new-username",
                             help="For single sign-on: the e-mail address (or subject) it reports.")
    role = st.selectbox("Role", ROLES, key="new-role")
    password = st.text_input("Initial password", type="password", key="new-password", autocomplete="new-password")
    sso_only = st.checkbox("Signs in with single sign-on only (no password)", key="new-sso-only")
    if st.form_submit_button("Add user", key="new-submit"):
        try:
            made = create_user(ctx.store, username, role, None if sso_only else password,
                               ctx.settings.auth.min_password_length)
            st.success(f"Added {made.role} {literal(made.username)}.")
        except UserError as problem:
            st.error(str(problem))

st.subheader("Accounts")
now = utcnow()
for account in list_users(ctx.store):
    with st.container(border=True):
        row = st.columns([4, 2, 2, 2], vertical_alignment="center")
        status = "disabled" if account.disabled else "locked" if account.locked(now) else "active"
        seen = f"{account.last_sign_in_at:%Y-%m-%d %H:%M} UTC" if account.last_sign_in_at else "never signed in"
        row[0].markdown(f"**{literal(account.username)}** · {account.role} · {status} · {seen}")
        # An admin cannot disable their own account: the last admin would lock everyone out.
        if row[1].button("Enable" if account.disabled else "Disable", key=f"toggle-{account.id}",
                         disabled=account.id == me.id):
            set_disabled(ctx.store, account.id, not account.disabled)
            st.rerun()
        if account.locked(now) and row[2].button("Unlock", key=f"unlock-{account.id}"):
            unlock(ctx.store, account.id)
            st.rerun()
