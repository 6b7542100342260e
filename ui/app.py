"""The clinsum browser app: `python -m ui` (or `make run`) serves it.

One page a file, under screens/: a folder named pages/ would turn on Streamlit's legacy multipage
mode, which runs a page opened by its URL alone, without this entrypoint."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

if __package__ in (None, ""):  # run by `streamlit run ui/app.py`: make `ui` and `app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ui import state  # noqa: E402
from ui.text import literal  # noqa: E402
from ui.widgets.banner import engine_banner  # noqa: E402

st.set_page_config(page_title="clinsum", page_icon=":material/summarize:", layout="wide")

HERE = Path(__file__).resolve().parent / "screens"
PAGES = [
    st.Page(HERE / "patients.py", title="Patients", icon=":material/group:", default=True),
    st.Page(HERE / "upload.py", title="Upload", icon=":material/upload_file:"),
    st.Page(HERE / "record.py", title="Record", icon=":material/folder_open:"),
    st.Page(HERE / "summary.py", title="Summary", icon=":material/summarize:"),
    st.Page(HERE / "ask.py", title="Ask", icon=":material/chat:"),
    st.Page(HERE / "history.py", title="History", icon=":material/history:"),
    st.Page(HERE / "export.py", title="Export", icon=":material/download:"),
]
AUDIT = st.Page(HERE / "audit.py", title="Audit log", icon=":material/policy:", url_path="audit")
ADMIN = st.Page(HERE / "admin.py", title="Users", icon=":material/manage_accounts:", url_path="users")
TEAMS = st.Page(HERE / "teams.py", title="Teams", icon=":material/groups:", url_path="teams")
SIGN_IN = st.Page(HERE / "signin.py", title="Sign in", icon=":material/login:", default=True)

ctx = state.context()
if ctx.settings.mode == "deployment":
    me = state.signed_in(ctx)
    if me is None:
        # Signed out, the sign-in page is the only page there is: no navigation, no patient, no banner,
        # and no other page can be opened by its URL.
        st.navigation([SIGN_IN], position="hidden").run()
        st.stop()
    # Only an admin's navigation holds the admin pages; a clinician's URL for one finds no such page.
    page = st.navigation(PAGES + [AUDIT, ADMIN, TEAMS] if me.role == "admin" else PAGES)
    with st.sidebar:
        st.markdown(f"**Signed in:** {literal(me.name)} ({me.role})")
        if st.button("Sign out", key="sign-out", icon=":material/logout:"):
            state.sign_out(ctx)
            st.rerun()
else:
    page = st.navigation(PAGES + [AUDIT])  # the one local user reads their own trail
state.user(ctx)
with st.sidebar:
    chosen = state.patient(ctx)
    st.markdown(f"**Patient:** {chosen.label if chosen else 'none selected'}")
engine_banner(ctx)
page.run()
