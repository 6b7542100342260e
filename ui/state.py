"""The app's state: the long-lived context (cached for the server's life) and this session's choices."""

from __future__ import annotations

import streamlit as st

from app.context import OPEN_PROBLEMS, AccessProblem, AppContext, User, open_context
from app.store.patients import PatientInfo


@st.cache_resource(show_spinner="Opening the store…")
def _context() -> AppContext:
    return open_context()


def context() -> AppContext:
    """The context, or the reason it cannot open shown in one sentence (no key, no database)."""
    try:
        return _context()
    except OPEN_PROBLEMS as problem:
        st.error(str(problem))
        st.stop()


def user(ctx: AppContext) -> User:
    try:
        return ctx.user()
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
