"""Ask: follow-up questions on the patient's record, answered with citations; the chat is kept."""

from __future__ import annotations

import streamlit as st

from app.pipeline import request
from app.store.records import StoredRecord
from app.store.summaries import summary_of_job, view
from app.views import current_record, history
from ui import state
from ui.text import literal
from ui.widgets.citations import source_panel, statements
from ui.widgets.jobs import follow

ctx = state.context()
me = state.user(ctx)
current = state.patient(ctx)
st.title("Ask")
if current is None:
    st.write("Select a patient on the Patients page first.")
    st.stop()
record = current_record(ctx.store, current.id)
if record is None:
    st.write("This patient has no record yet: add files on the Upload page.")
    st.stop()

question = st.chat_input("Ask about this record, e.g. “What was the last ejection fraction?”")
if question:
    st.session_state["ask_job"] = request(ctx.store, StoredRecord(record.id, current.id, {}), ctx.settings, question,
                                          actor=me.name)
answers = [item for item in reversed(history(ctx.store, current.id)) if item.kind == "answer"]
left, right = st.columns([3, 2], gap="large")
shown_views = []
with left:
    for item in answers:
        with st.chat_message("user"):
            st.markdown(literal(item.question or ""))
        with st.chat_message("assistant"):
            if item.status == "done" and item.summary_id is not None:
                answer = view(ctx.store, item.summary_id, actor=me.name)
                shown_views.append(answer)
                statements(answer)
            elif item.status in ("failed", "cancelled"):
                st.caption(f"Not answered: {item.error or item.status}")
            else:
                st.caption("Being answered…")
with right:
    chosen = st.session_state.get("source")
    for answer in shown_views:
        if chosen and chosen[0] == answer.id:
            source_panel(ctx, me, answer)
            break
    else:
        st.caption("Click a citation such as [1] to see its source passage highlighted on its page.")
pending = st.session_state.get("ask_job")
if pending is not None and not ctx.may_see_job(me, pending, current.id):  # not this patient's question
    st.session_state.pop("ask_job", None)
    pending = None
if pending is not None:
    with left:
        ended = follow(ctx, me, pending, "Answer")
    st.session_state.pop("ask_job", None)
    if ended.status == "done" and summary_of_job(ctx.store, pending) is not None:
        st.rerun()
