"""Summary: generate (a job on the queue), follow it live, read the cited summary, open each source."""

from __future__ import annotations

import streamlit as st

from app.pipeline import request
from app.store.records import StoredRecord
from app.store.summaries import summary_of_job, view
from app.views import current_record, history
from ui import state
from ui.widgets.citations import source_panel, statements
from ui.widgets.jobs import follow
from ui.widgets.usage import usage_line

ctx = state.context()
me = state.user(ctx)
current = state.patient(ctx)
st.title("Summary")
if current is None:
    st.write("Select a patient on the Patients page first.")
    st.stop()
record = current_record(ctx.store, current.id)
if record is None:
    st.write("This patient has no record yet: add files on the Upload page.")
    st.stop()


def generate() -> None:
    st.session_state["job"] = request(ctx.store, StoredRecord(record.id, current.id, {}), ctx.settings, actor=me.name)
    st.session_state.pop("open_summary", None)
    st.session_state.pop("source", None)


past = [item for item in history(ctx.store, current.id) if item.kind == "summary"]
running = next((item.job_id for item in past if item.status in ("queued", "running")), None)
asked = st.session_state.get("job")
if asked is not None and not ctx.may_see_job(me, asked, current.id):  # not this patient's: never followed, never opened
    st.session_state.pop("job", None)
    asked = None
job_id = asked or running
st.button("Generate summary", type="primary", on_click=generate, disabled=job_id is not None and job_id == running)
if job_id is not None:
    ended = follow(ctx, me, job_id, "Summary")  # stops the page while the job runs
    if ended.status == "done":
        st.session_state["open_summary"] = summary_of_job(ctx.store, job_id)
        past = [item for item in history(ctx.store, current.id) if item.kind == "summary"]  # with the one just written
    else:
        st.error(f"The summary was not written: {ended.error}" if ended.status == "failed" else "The summary was cancelled.")
        st.button("Retry", on_click=generate)
    st.session_state.pop("job", None)

opened = st.session_state.get("open_summary")
if opened is not None and not ctx.may_see_summary(me, opened, current.id):  # planted, or another patient's
    opened = None
if opened not in {i.summary_id for i in past if i.status == "done"}:  # erased with a document, or an answer
    opened = next((i.summary_id for i in past if i.status == "done"), None)
if opened is None:
    st.write("No summary yet: press **Generate summary**.")
    st.stop()
shown = view(ctx.store, opened, actor=me.name)
st.session_state["open_summary"] = opened
if any(i.summary_id == opened and i.record_id != record.id for i in past):
    st.info("This summary was written before the latest files were added: generate a new one to include them.")
usage_line(shown)
left, right = st.columns([3, 2], gap="large")
with left:
    statements(shown)
with right:
    source_panel(ctx, me, shown)
