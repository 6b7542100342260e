"""Upload: many files at once into the selected patient's record (a new patient when none is selected)."""

from __future__ import annotations

import streamlit as st

from app.context import NO_TEAM, AccessProblem
from app.store.patients import PatientError
from app.uploads import Upload
from ui import state
from ui.text import literal
from ui.widgets.adding import add_and_report, show_outcomes
from ui.widgets.teams import team_for_new_patient

ctx = state.context()
me = state.user(ctx)
current = state.patient(ctx)
st.title("Upload")
limit_mb = max(1, ctx.settings.ingestion.max_file_bytes // (1024 * 1024))
team = None
if current is None:
    if ctx.settings.mode == "deployment" and not ctx.teams(me):
        st.info(NO_TEAM, icon=":material/group_off:")
        st.stop()
    st.write("No patient is selected: these files will start a new patient.")
    _, team = team_for_new_patient(ctx, me, "upload-team")
    label = st.text_input("New patient label", placeholder="leave empty for patient-N", key="upload-label")
else:
    st.write(f"Adding to **{literal(current.label)}**'s record. A file already in it is recognised and not added twice.")
nonce = st.session_state.setdefault("uploader", 0)
files = st.file_uploader("Choose the patient's files (PDF, text, Markdown, PNG, JPEG, TIFF)", accept_multiple_files=True,
                         max_upload_size=limit_mb, key=f"files-{nonce}")
if st.button("Add to record", type="primary", disabled=not files):
    if current is None:
        try:
            current = ctx.new_patient(me, st.session_state.get("upload-label") or None, team)
        except (PatientError, AccessProblem) as problem:
            st.error(str(problem))
            st.stop()
        state.select(current.id)
    add_and_report(ctx, me, current.id, [Upload(f.name, f.getvalue()) for f in files])
    st.session_state["uploader"] = nonce + 1  # an empty uploader for the next batch
    st.rerun()
if st.session_state.get("uploaded"):
    show_outcomes(st.session_state["uploaded"])
    st.page_link("screens/summary.py", label="Go to the summary", icon=":material/summarize:")
