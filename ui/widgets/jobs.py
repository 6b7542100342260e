"""A queued summary or answer followed live: its state each second, cancel while it runs, retry after."""

from __future__ import annotations

import streamlit as st

from app import jobs
from app.context import AppContext, User

SAY = {"queued": "Waiting for the worker…", "running": "Working: reading the record, writing and checking each statement…"}


def follow(ctx: AppContext, me: User, job_id: int, what: str) -> jobs.JobState:
    """Show the job's live state until it ends (then the whole page reruns to show the result)."""
    if not ctx.may_see_job(me, job_id):  # the pages check first; this keeps any new caller honest
        st.error("There is no such job.")
        st.stop()
    now = jobs.state(ctx.store, job_id)
    if now.ended:
        return now

    @st.fragment(run_every=1.0)
    def live() -> None:
        state = jobs.state(ctx.store, job_id)
        if state.ended:
            st.rerun()
        attempt = f" (attempt {state.attempts})" if state.attempts > 1 else ""
        with st.status(f"{what}: {SAY.get(state.status, state.status)}{attempt}", state="running", expanded=False):
            st.write("You can leave this page: the work goes on, and History lists it.")
        if st.button("Cancel", key=f"cancel-{job_id}"):
            jobs.cancel(ctx.store, job_id, actor=me.name)
            st.rerun()

    live()
    if ctx.settings.mode != "local":
        st.caption("A `clinsum worker` process runs the queue in this deployment.")
    st.stop()
