"""History: every summary and answer of the patient, with engine, time, tokens and verification; open any."""

from __future__ import annotations

import streamlit as st

from app.views import history
from ui import state
from ui.text import literal

ctx = state.context()
me = state.user(ctx)
current = state.patient(ctx)
st.title("History")
if current is None:
    st.write("Select a patient on the Patients page first.")
    st.stop()
items = history(ctx.store, current.id)
if not items:
    st.write("Nothing asked yet for this patient.")
    st.stop()
for item in items:
    with st.container(border=True):
        row = st.columns([5, 2], vertical_alignment="center")
        row[0].markdown("**Summary**" if item.kind == "summary" else f"**Answer:** {literal(item.question or '')}")
        facts = [f"{item.created_at:%Y-%m-%d %H:%M}", item.status]
        if item.summary_id is not None:
            facts += [f"{item.engine.get('backend')} ({item.engine.get('model')})", f"{item.seconds or 0:.1f} s",
                      f"{(item.prompt_tokens or 0):,} + {(item.completion_tokens or 0):,} tokens",
                      f"{item.statements} statements, {item.flagged} flagged"]
        elif item.error:
            facts.append(item.error)
        row[0].caption(" · ".join(facts))
        if item.summary_id is not None and row[1].button("Open", key=f"open-{item.summary_id}"):
            st.session_state["open_summary"] = item.summary_id
            st.session_state.pop("source", None)
            st.switch_page("screens/summary.py" if item.kind == "summary" else "screens/ask.py")
